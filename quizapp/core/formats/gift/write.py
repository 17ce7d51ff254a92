"""Writing quizapp questions as GIFT, the way Moodle's own export writes them.

Each question is first reduced to what GIFT can hold (`carry.carried`, which notes every
loss), then written, then read back with the importer: a question that would not come back the
same is left out with a note instead of reaching Moodle changed.
"""

from __future__ import annotations

import dataclasses
import re

from quizapp.core.formats.common import Note
from quizapp.core.formats.gift.answers import read_percent
from quizapp.core.formats.gift.carry import carried
from quizapp.core.formats.gift.header import write_header
from quizapp.core.formats.gift.read import GAP_NAME, category_of, read_gift
from quizapp.core.formats.gift.text import escape, starts_with_format
from quizapp.core.formats.grades import MOODLE_GRADES
from quizapp.core.model import (
    Bank,
    Choice,
    MatchPair,
    NumericAnswer,
    OtherAnswer,
    Question,
    QuestionType,
    TextAnswer,
)

_WEIGHT_LIKE = re.compile(r"%-?(?:\d+(?:\.\d*)?|\.\d+)%")


def write_gift(bank: Bank) -> tuple[str, list[Note], int]:
    """The GIFT text of `bank`, what it had to leave out, and how many questions it holds."""
    notes: list[Note] = []
    out = [write_header(bank)]
    left = [
        name
        for name, value in (
            ("description", bank.description),
            ("source", bank.source),
            ("tags", bank.tags),
            ("mock exam settings", bank.exam),
        )
        if value
    ]
    if left:
        notes.append(Note(0, f"the bank's {', '.join(left)} are not part of GIFT: left out"))
    topic = ""
    written = 0
    for question in bank.questions:
        kept = carried(question, notes, bank.misconceptions)
        if kept is None:
            continue
        text = question_text(kept)
        if not _reads_back(text, kept):
            message = f"question '{question.id}' is left out: GIFT cannot hold it unchanged"
            notes.append(Note(question.line, message))
            continue
        _grades(kept, notes)
        if kept.topic != topic:
            out.append(f"$CATEGORY: {category_of(kept.topic)}\n\n")
            topic = kept.topic
        out.append(text + "\n")
        written += 1
    return "".join(out), notes, written


def question_text(q: Question) -> str:
    """One question in GIFT: its `[id:]`/`[tag:]` comment, `::title::`, text and answer block."""
    every = [q.prompt, q.explanation]
    every += [text for c in q.choices for text in (c.text, c.feedback)]
    every += [text for a in _typed(q) for text in (a.text, a.feedback)]
    every += [a.feedback for a in q.numeric] + [p.left for p in q.pairs]
    every += [o.feedback for o in (q.otherwise, *(g.otherwise for g in q.gaps)) if o is not None]
    # Moodle's own text format reads tags; `[plain]` keeps "<b>" and "&amp;" as they are written.
    fmt = "plain" if any("<" in text or "&" in text for text in every) else "moodle"
    meta = " ".join([f"[id:{q.id}]", *(f"[tag:{tag}]" for tag in q.tags)])
    # The question's format, written when it is not Moodle's or the text would read as one.
    named = fmt == "plain" or starts_with_format(q.prompt)
    head = f"// {meta}\n::{escape(q.id)}::" + (f"[{fmt}]" if named else "")
    block = _block(q, fmt)
    explanation = f"####{_text(q.explanation, fmt)}" if q.explanation else ""
    if q.type is QuestionType.CLOZE:
        before, _, after = q.prompt.partition("{{" + GAP_NAME + "}}")
        return f"{head}{escape(before)}{{{block}{explanation}}}{escape(after)}\n"
    prompt = escape(q.prompt)
    if q.type is QuestionType.TRUE_FALSE or _simple_numeric(q):
        return f"{head}{prompt}{{{block.strip()}{explanation}}}\n"
    opener = "{#\n" if q.type is QuestionType.NUMERIC else "{\n"
    tail = f"\t{explanation}\n" if explanation else ""
    return f"{head}{prompt}{opener}{block}{tail}}}\n"


def _simple_numeric(q: Question) -> bool:
    """One answer at full marks with no feedback: written `{#3.14:0.01}` as Moodle's docs do."""
    return (
        q.type is QuestionType.NUMERIC
        and len(q.numeric) == 1
        and not q.numeric[0].feedback
        and q.otherwise is None
    )


def _block(q: Question, fmt: str) -> str:
    match q.type:
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            return "".join(_choice(c, q.type, fmt) for c in q.choices)
        case QuestionType.TRUE_FALSE:
            return _true_false(q.choices, fmt)
        case QuestionType.SHORT:
            lines = [_typed_answer(a, fmt) for a in q.answers] + [_catch_all(q.otherwise, fmt)]
            return "".join(f"\t{line}\n" for line in lines if line)
        case QuestionType.CLOZE:
            gap = q.gaps[0]
            typed = [_typed_answer(a, fmt) for a in gap.answers] + [_catch_all(gap.otherwise, fmt)]
            return " ".join(line for line in typed if line)
        case QuestionType.NUMERIC:
            if _simple_numeric(q):
                return "#" + _numeric(q.numeric[0], fmt).removeprefix("=")
            lines = [_numeric(a, fmt) for a in q.numeric]
            if q.otherwise is not None:
                lines.append(f"~{_feedback(q.otherwise.feedback, fmt) or '#'}")
            return "".join(f"\t{line}\n" for line in lines)
        case QuestionType.MATCH:
            return _match(q.pairs, q.distractors, fmt)
        case _:
            raise ValueError(f"{q.type.value} questions are not written as GIFT")


def _choice(choice: Choice, kind: QuestionType, fmt: str) -> str:
    if kind is QuestionType.SINGLE and choice.weight == 1.0:
        mark = "="
    else:
        mark = f"~%{percent(choice.weight)}%" if choice.weight else "~"
    return f"\t{mark}{_text(choice.text, fmt, True)}{_feedback(choice.feedback, fmt)}\n"


def _true_false(choices: tuple[Choice, ...], fmt: str) -> str:
    answer = choices[0].weight == 1.0
    on_true, on_false = choices[0].feedback, choices[1].feedback
    # Moodle's order: the feedback for a wrong answer first, then for a right one.
    right, wrong = (on_true, on_false) if answer else (on_false, on_true)
    out = "TRUE" if answer else "FALSE"
    if wrong or right:
        out += f"#{_text(wrong, fmt)}"
    if right:
        out += f"#{_text(right, fmt)}"
    return out


def _typed_answer(answer: TextAnswer, fmt: str) -> str:
    text = escape(answer.text) if answer.wildcard else _text(answer.text, fmt, True)
    weight = "" if answer.weight == 1.0 else f"%{percent(answer.weight)}%"
    return f"={weight}{text}{_feedback(answer.feedback, fmt)}"


def _catch_all(otherwise: OtherAnswer | None, fmt: str) -> str:
    """Moodle's answer for anything else: `=%0%*#feedback`, as its own GIFT export writes it."""
    if otherwise is None:
        return ""
    return f"=%{percent(otherwise.weight)}%*{_feedback(otherwise.feedback, fmt)}"


def _numeric(answer: NumericAnswer, fmt: str) -> str:
    if answer.value is None:
        where = f"{_number(answer.low)}..{_number(answer.high)}"
    elif answer.tolerance:
        where = f"{_number(answer.value)}:{_number(answer.tolerance)}"
    else:
        where = _number(answer.value)
    weight = "" if answer.weight == 1.0 else f"%{percent(answer.weight)}%"
    return f"={weight}{where}{_feedback(answer.feedback, fmt)}"


def _match(pairs: tuple[MatchPair, ...], distractors: tuple[str, ...], fmt: str) -> str:
    lines = [f"\t={_text(p.left, fmt, True)} -> {escape(p.right)}\n" for p in pairs]
    # An entry with no left side is how Moodle writes an extra, unmatched answer.
    lines += [f"\t= -> {escape(d)}\n" for d in distractors]
    return "".join(lines)


def _feedback(feedback: str, fmt: str) -> str:
    return f"#{_text(feedback, fmt)}" if feedback else ""


def _text(text: str, fmt: str, answer: bool = False) -> str:
    """`text` escaped; a text that would read as a format prefix (or weight) gets its format."""
    protect = starts_with_format(text) or (answer and _WEIGHT_LIKE.match(text) is not None)
    return (f"[{fmt}]" if protect else "") + escape(text)


def _typed(q: Question) -> list[TextAnswer]:
    return [*q.answers, *(a for gap in q.gaps for a in gap.answers)]


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def percent(weight: float) -> str:
    """A weight as GIFT writes it (`33.33333` for a third, as Moodle does), read back exactly."""
    moodle = f"{round(weight * 100, 5):.5f}".rstrip("0").rstrip(".")
    moodle = "0" if moodle in ("-0", "") else moodle
    if read_percent(moodle) == weight:
        return moodle
    # More than 7 decimals: read as written, never taken for Moodle's rounding of a fraction.
    for digits in range(8, 18):
        written = f"{weight * 100:.{digits}f}"
        if float(written) / 100 == weight:
            return written
    return f"{weight * 100:.17f}"


def _grades(q: Question, notes: list[Note]) -> None:
    weights = [c.weight for c in q.choices if q.type is not QuestionType.TRUE_FALSE]
    weights += [a.weight for a in _typed(q)] + [a.weight for a in q.numeric]
    odd = sorted({w for w in weights if not any(abs(abs(w) - g) < 1e-7 for g in MOODLE_GRADES)})
    if odd:
        shown = ", ".join(f"{percent(w)}%" for w in odd)
        message = (
            f"question '{q.id}': Moodle's editor offers no grade of {shown}; when importing, "
            "choose 'Nearest grade if not listed' or Moodle refuses the question"
        )
        notes.append(Note(q.line, message))


def _reads_back(text: str, expected: Question) -> bool:
    """True when the importer reads `text` back as `expected` (weights to 9 decimals)."""
    questions, notes = read_gift(text)
    if len(questions) != 1 or notes:
        return False
    return _rounded(questions[0]) == _rounded(expected)


def _rounded(q: Question) -> Question:
    def w(value: float) -> float:
        return round(value, 9)

    gaps = tuple(
        dataclasses.replace(
            g, answers=tuple(dataclasses.replace(a, weight=w(a.weight)) for a in g.answers)
        )
        for g in q.gaps
    )
    return dataclasses.replace(
        q,
        line=0,
        topic="",
        choices=tuple(dataclasses.replace(c, weight=w(c.weight)) for c in q.choices),
        answers=tuple(dataclasses.replace(a, weight=w(a.weight)) for a in q.answers),
        numeric=tuple(dataclasses.replace(a, weight=w(a.weight)) for a in q.numeric),
        gaps=gaps,
    )
