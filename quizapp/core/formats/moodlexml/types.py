"""Moodle XML questions of the types that map one to one: the fields of the quizapp question.

Each reader follows Moodle's (`question/format/xml/format.php`) and then holds the question to the
checks Moodle's import makes before saving it, so that what quizapp imports is what Moodle
imports: every answer's grade must be one Moodle offers (`moodle_grades`), a multiple-choice
question needs two answers and full marks within reach (one answer at 100%, or positive grades
adding up to 100%), a short-answer or numerical question needs an answer at 100%. A question
that fails raises `Skip` with the reason, and is left out with a note.
"""

from __future__ import annotations

import re
from typing import Any

from quizapp.core.formats.grades import moodle_grade
from quizapp.core.formats.moodlexml.parse import Node
from quizapp.core.formats.moodlexml.text import Context, text_of
from quizapp.core.model import (
    Choice,
    MatchPair,
    NumericAnswer,
    OtherAnswer,
    QuestionType,
    TextAnswer,
)

_STAR = re.compile(r"(?<!\\)\*")
_STARS = re.compile(r"(?<!\\)\*+")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
Fields = dict[str, Any]


class Skip(Exception):
    """The question cannot be imported (Moodle would refuse it too): `message` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def truthy(value: str) -> bool:
    """Moodle's `trans_single`: "false", "0" and "" are false, anything else true."""
    return value.strip() not in ("false", "0", "")


class Grades:
    """Reads answer grades (`fraction="33.33333"`), collecting those Moodle does not offer."""

    def __init__(self) -> None:
        self.invalid: list[str] = []

    def read(self, answer: Node) -> float:
        """The grade of `answer` as a fraction (exactly 1/3 for 33.33333); 0 for a bad one."""
        written = answer.attrib.get("fraction", "0").strip() or "0"
        try:
            percent = float(written)
        except ValueError:
            self.invalid.append(written)
            return 0.0
        grade = moodle_grade(percent / 100)
        if grade is None:
            self.invalid.append(f"{percent:g}%")
            return 0.0
        return grade

    def check(self) -> None:
        """Skip when any grade read was not one Moodle offers, as Moodle's import does."""
        if self.invalid:
            shown = ", ".join(self.invalid)
            raise Skip(
                f"its grades ({shown}) are not grades Moodle offers, and Moodle refuses it "
                "(unless told to take the nearest grade)"
            )


def multichoice(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="multichoice">`: one right answer (`<single>true`) or several."""
    grades = Grades()
    read: list[Choice] = []
    for answer in q.findall("answer"):
        weight = grades.read(answer)
        text = text_of(answer, fmt, ctx)
        feedback = text_of(answer.find("feedback"), fmt, ctx)
        if not text:
            continue  # Moodle ignores an answer left blank
        for number, earlier in enumerate(read, 1):
            if earlier.text == text:
                raise Skip(f"answers {number} and {len(read) + 1} both read '{text}'")
        read.append(Choice(text, weight, feedback))
    grades.check()
    if len(read) < 2:
        raise Skip("a multiple-choice question needs at least 2 answers")
    shuffle = truthy(q.value("shuffleanswers", "false"))
    if truthy(q.value("single", "true")):
        return {"shuffle": shuffle, **_single(read, ctx)}
    total = round(sum(c.weight for c in read if c.weight > 0), 2)
    if total != 1:
        raise Skip(f"the positive grades add up to {total * 100:g}%, not 100%")
    scale = 1 / sum(c.weight for c in read if c.weight > 0)
    choices = tuple(
        Choice(c.text, c.weight * scale, c.feedback) if c.weight > 0 else c for c in read
    )
    return {"type": QuestionType.MULTIPLE, "choices": choices, "shuffle": shuffle}


def _single(read: list[Choice], ctx: Context) -> Fields:
    best = max(c.weight for c in read)
    if best != 1:
        raise Skip(f"no answer earns 100% (the best earns {best * 100:g}%)")
    full = [c for c in read if c.weight == 1]
    if len(full) == 1:
        return {"type": QuestionType.SINGLE, "choices": tuple(read)}
    share = 1 / len(full)
    ctx.note(
        f"{len(full)} answers earn 100% in a one-answer question: imported as a multiple-answer "
        f"question where each is worth 1/{len(full)} and each wrong one costs as much"
    )
    scored = tuple(Choice(c.text, share if c.weight == 1 else -share, c.feedback) for c in read)
    return {"type": QuestionType.MULTIPLE, "choices": scored}


def truefalse(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="truefalse">`: answers `true` and `false`, the right one at 100%."""
    answers = q.findall("answer")
    if not answers:
        raise Skip("a true/false question needs its answers")
    feedback = {True: "", False: ""}
    correct = True
    guessed = False
    for index, answer in enumerate(answers):
        written = answer.value("text")
        if written not in ("true", "false"):
            guessed = True  # an old file: true first, then false (Moodle's own fallback)
            written = "true" if index == 0 else "false"
        side = written == "true"
        feedback[side] = text_of(answer.find("feedback"), fmt, ctx)
        at_full = answer.attrib.get("fraction", "0").strip() in ("100", "100.0", "100.0000000")
        correct = at_full if side else not at_full
    if guessed:
        ctx.note("the answers are not named true and false: read as true first, then false")
    pair = (
        Choice("True", 1.0 if correct else 0.0, feedback[True]),
        Choice("False", 0.0 if correct else 1.0, feedback[False]),
    )
    return {"type": QuestionType.TRUE_FALSE, "choices": pair, "shuffle": False}


def shortanswer(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="shortanswer">`: `*` wildcards, `*` alone for any other answer."""
    grades = Grades()
    read: list[TextAnswer] = []
    otherwise: OtherAnswer | None = None
    for answer in q.findall("answer"):
        weight = _not_negative(grades.read(answer), ctx)
        text = answer.value("text")
        feedback = text_of(answer.find("feedback"), fmt, ctx)
        if not text:
            continue
        if not _STARS.sub("", text).strip():
            otherwise = otherwise or OtherAnswer(feedback, weight)
            continue
        read.append(typed_answer(text, weight, feedback))
    grades.check()
    answers = tuple([a for a in read if a.weight > 0] + [a for a in read if not a.weight])
    if not any(a.weight == 1 for a in answers):
        raise Skip("no answer earns 100%")
    case_sensitive = truthy(q.value("usecase", "0"))
    return {
        "type": QuestionType.SHORT,
        "answers": answers,
        "case_sensitive": case_sensitive,
        "otherwise": otherwise,
    }


def typed_answer(text: str, weight: float, feedback: str) -> TextAnswer:
    """A short answer as Moodle reads it: a `*` is a wildcard, `\\*` a star itself."""
    if _STAR.search(text):
        return TextAnswer(text, weight, feedback, wildcard=True)
    return TextAnswer(text.replace("\\*", "*"), weight, feedback)


def _not_negative(weight: float, ctx: Context) -> float:
    if weight >= 0:
        return weight
    ctx.note(f"a typed answer cannot cost marks: its grade {weight * 100:g}% is read as 0%")
    return 0.0


def number(text: str, what: str) -> float:
    """A number as Moodle writes it (`3.14`, `3,14`, `1e3`); Skip when it is not one."""
    if not _NUMBER.fullmatch(text.strip()):
        raise Skip(f"{what} '{text}' is not a number")
    return float(text.strip().replace(",", "."))


def numerical(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="numerical">`: values with tolerances, `*` for any other answer."""
    grades = Grades()
    read: list[NumericAnswer] = []
    otherwise: OtherAnswer | None = None
    for answer in q.findall("answer"):
        weight = _not_negative(grades.read(answer), ctx)
        text = answer.value("text")
        feedback = text_of(answer.find("feedback"), fmt, ctx)
        if text == "*":
            otherwise = otherwise or OtherAnswer(feedback, weight)
            continue
        if not text:
            continue
        value = number(text, "the answer")
        tolerance = abs(number(answer.value("tolerance", "0") or "0", "the tolerance"))
        low, high = value - tolerance, value + tolerance
        read.append(NumericAnswer(low, high, weight, feedback, None, value, tolerance))
    grades.check()
    answers = tuple([a for a in read if a.weight > 0] + [a for a in read if not a.weight])
    if not any(a.weight == 1 for a in answers):
        raise Skip("no answer earns 100%")
    fields: Fields = {"type": QuestionType.NUMERIC, "numeric": answers, "otherwise": otherwise}
    units = q.find("units")
    found = units.findall("unit") if units is not None else []
    names = [u.value("unit_name") for u in found]
    if any(names):
        multipliers = [u.value("multiplier", "1") for u in found]
        base = next((n for n, m in zip(names, multipliers, strict=True) if _one(m)), names[0])
        ctx.note(f"units ({', '.join(filter(None, names))}) are left out: the answer is a number")
        fields["prompt_suffix"] = f"(Give the number in {base}.)"
    return fields


def _one(multiplier: str) -> bool:
    try:
        return float(multiplier) == 1
    except ValueError:
        return False


def matching(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="matching">`: subquestions and their answers; no text, a distractor."""
    pairs: list[MatchPair] = []
    distractors: list[str] = []
    for sub in q.findall("subquestion"):
        left = text_of(sub, fmt, ctx)
        answer = sub.find("answer")
        right = answer.value("text") if answer is not None else ""
        if not right:
            if left:
                raise Skip(f"'{left}' has no answer to match")
            continue
        if not left:
            if right not in distractors:
                distractors.append(right)
        elif any(pair.left == left for pair in pairs):
            raise Skip(f"'{left}' is asked twice")
        else:
            pairs.append(MatchPair(left, right))
    if len(pairs) < 2:
        raise Skip("a matching question needs at least 2 pairs")
    rights = {pair.right for pair in pairs}
    kept = tuple(d for d in distractors if d not in rights)
    return {"type": QuestionType.MATCH, "pairs": tuple(pairs), "distractors": kept}


def ordering(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="ordering">`: the items, each answer's `fraction` its place."""
    placed: list[tuple[float, int, str]] = []
    for index, answer in enumerate(q.findall("answer")):
        text = text_of(answer, fmt, ctx)
        if not text:
            continue
        try:
            place = float(answer.attrib.get("fraction", index + 1))
        except ValueError:
            place = float(index + 1)
        placed.append((place, index, text))
    items = tuple(text for _, _, text in sorted(placed))
    if len(items) < 2:
        raise Skip("an ordering question needs at least 2 items")
    if len(set(items)) != len(items):
        raise Skip("two items read the same, so their order cannot be told")
    if q.value("selecttype", "ALL") not in ("", "ALL", "0"):
        ctx.note("Moodle shows only some of the items at a time: quizapp asks for all of them")
    return {"type": QuestionType.ORDER, "items": items}
