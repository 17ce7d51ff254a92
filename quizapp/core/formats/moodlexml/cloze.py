"""Moodle's gap questions: embedded answers (cloze, `multianswer`) and select missing words
(`gapselect`) or drag and drop into text (`ddwtos`), as quizapp questions.

Embedded answers are found in the question text with Moodle's own expressions
(`qtype_multianswer_extract_question`: `{1:SHORTANSWER:=Paris#Yes~%50%Lyon#No~*#Other}`), and
checked as Moodle checks them (`qtype_multianswer_validate_question`): at least one sub-question,
each with an answer (two for a drop-down), numbers where a number is asked for, full marks within
reach. Then:

- one drop-down (MULTICHOICE...) or multiple-response (MULTIRESPONSE...) sub-question becomes a
  choice question, and one NUMERICAL a numeric question, with `_____` in the text where it was;
- typed (SHORTANSWER, SHORTANSWER_C) sub-questions and drop-downs become the gaps of a cloze
  question, `g1`, `g2`...; a drop-down gap keeps its choices as accepted and wrong answers and
  lists them after the gap, for the student types the answer;
- a numerical or multiple-response gap among several has no quizapp form: the question is left
  out, with the reason.

Select missing words and drag and drop into text (`[[1]]` marks the gap whose answer is choice 1,
the choices of its group offered) become a choice question for one gap, a cloze question for
several, the choices listed after the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from quizapp.core.formats.moodlexml.parse import Node
from quizapp.core.formats.moodlexml.text import Context, as_plain, collect_files
from quizapp.core.formats.moodlexml.types import Fields, Skip, number, typed_answer
from quizapp.core.model import Choice, Gap, NumericAnswer, OtherAnswer, QuestionType, TextAnswer

BLANK = "_____"
_FRACTION = r"=|%-?[0-9]+(?:[.,][0-9]*)?%"
_ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"
_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
_ALT = rf"(?:{_FRACTION})?{_ANSWER}(?:#{_FEEDBACK})?"
_ALT_PARTS = re.compile(
    rf"~?(?P<fraction>{_FRACTION})?(?P<answer>{_ANSWER})(?:#(?P<feedback>{_FEEDBACK}))?", re.S
)
_TYPES = {
    **dict.fromkeys(("NUMERICAL", "NM"), ("numeric", False)),
    **dict.fromkeys(("SHORTANSWER", "SA", "MW"), ("short", False)),
    **dict.fromkeys(("SHORTANSWER_C", "SAC", "MWC"), ("short", True)),
    **dict.fromkeys(("MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH"), ("multi", False)),
    **dict.fromkeys(("MULTIRESPONSE_S", "MRS", "MULTIRESPONSE_HS", "MRHS"), ("multi", False)),
    **dict.fromkeys(
        ("MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH", "MULTICHOICE_S")
        + ("MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"),
        ("choice", False),
    ),
}
_TYPE_NAMES = "|".join(sorted(_TYPES, key=len, reverse=True))
_EMBEDDED = re.compile(rf"\{{([0-9]*):({_TYPE_NAMES}):({_ALT}(?:~{_ALT})*)\}}", re.S)
_SPOT = "\ue000{}\ue001"
_SPOT_RE = re.compile("\ue000(\\d+)\ue001")
_GAP_MARK = re.compile(r"\[\[(\d+)\]\]")


@dataclass
class Sub:
    """One embedded answer: its kind, its alternatives (text, fraction, feedback), its norm."""

    kind: str
    case_sensitive: bool
    norm: str
    answers: list[tuple[str, float, str]] = field(default_factory=list)


def _alternatives(kind: str, written: str) -> list[tuple[str, float, str]]:
    found: list[tuple[str, float, str]] = []
    specific = False
    rest = written
    while (alt := _ALT_PARTS.search(rest)) is not None and alt.group(0):
        fraction = alt.group("fraction") or ""
        weight = 1.0 if fraction == "=" else 0.0
        if fraction.startswith("%"):
            weight, specific = float(fraction.strip("%").replace(",", ".")) / 100, True
        feedback = (
            html.unescape(alt.group("feedback") or "").replace("\\}", "}").replace("\\#", "#")
        )
        answer = html.unescape(alt.group("answer")).replace("\\}", "}").replace("\\#", "#")
        found.append((answer, weight, as_plain(feedback, "html")))
        rest = rest.split(alt.group(0), 1)[1]
    if kind == "multi":
        total = sum(w for _, w, _ in found if w > 0)
        if total:
            found = [
                (a, w / total if w > 0 else (w if specific else -1 / total), f) for a, w, f in found
            ]
    return found


def extract(text: str) -> tuple[str, list[Sub]]:
    """The text with each embedded answer replaced by a marker, and the embedded answers."""
    subs: list[Sub] = []

    def take(found: re.Match[str]) -> str:
        kind, case = _TYPES[found.group(2)]
        sub = Sub(kind, case, found.group(1) or "1", _alternatives(kind, found.group(3)))
        subs.append(sub)
        return _SPOT.format(len(subs))

    return _EMBEDDED.sub(take, text), subs


def _check(subs: list[Sub]) -> None:
    """Moodle's `qtype_multianswer_validate_question`, as a Skip with its first reason."""
    if not subs:
        raise Skip("the text has no embedded answer ({1:SHORTANSWER:=...}) in Moodle's syntax")
    for number_, sub in enumerate(subs, 1):
        given = [(a.strip(), w) for a, w, _ in sub.answers if a.strip()]
        if sub.kind in ("choice", "multi") and len(given) < 2:
            raise Skip(f"sub-question {number_} needs at least 2 choices")
        if not given:
            raise Skip(f"sub-question {number_} has no answer")
        if sub.kind == "numeric":
            for answer, _ in given:
                if answer != "*":
                    number(answer.split(":", 1)[0], f"sub-question {number_}: the answer")
        full = any(w == 1 for _, w in given) or (
            sub.kind == "multi" and any(w > 0 for _, w in given)
        )
        if not full:
            raise Skip(f"sub-question {number_}: no answer earns 100%")


def multianswer(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="cloze">` (or "multianswer"): the embedded answers of its text."""
    node = q.find("questiontext")
    raw = node.value("text") if node is not None else ""
    if node is not None:
        collect_files(node, ctx)
    marked, subs = extract(raw)
    _check(subs)
    text = as_plain(marked, node.attrib.get("format", fmt) if node is not None else fmt)
    if len(subs) == 1:
        return _single_gap(text, subs[0], ctx)
    if len({sub.norm for sub in subs}) > 1:
        ctx.note("its gaps carry different weights in Moodle: quizapp weighs them alike")
    gaps: list[Gap] = []
    menus: list[str] = []
    for index, sub in enumerate(subs, 1):
        if sub.kind in ("numeric", "multi"):
            what = "a numerical" if sub.kind == "numeric" else "a multiple-response"
            raise Skip(f"sub-question {index} is {what} gap, which a quizapp cloze cannot hold")
        gap, listed = _gap(f"g{index}", sub, ctx)
        gaps.append(gap)
        if listed:
            menus.append(gap.name)
        text = text.replace(_SPOT.format(index), "{{" + gap.name + "}}" + listed)
    if menus:
        which = (
            f"gap {menus[0]} is a drop-down menu"
            if len(menus) == 1
            else (f"gaps {', '.join(menus)} are drop-down menus")
        )
        ctx.note(f"{which} in Moodle: typed here, the choices listed after each")
    return {"type": QuestionType.CLOZE, "prompt_text": text, "gaps": tuple(gaps)}


def _gap(name: str, sub: Sub, ctx: Context) -> tuple[Gap, str]:
    accepted: list[TextAnswer] = []
    wrong: list[TextAnswer] = []
    otherwise: OtherAnswer | None = None
    for answer, weight, feedback in sub.answers:
        text = as_plain(answer, "html") if sub.kind == "choice" else answer.strip()
        if not text:
            continue
        if weight < 0:
            ctx.note(f"gap {name}: the answer '{text}' cannot cost marks: read as 0%")
            weight = 0.0
        if sub.kind == "short" and not text.strip("*"):
            otherwise = otherwise or OtherAnswer(feedback, weight)
            continue
        if sub.kind == "short":
            answer_ = typed_answer(text, weight, feedback)
        else:
            answer_ = TextAnswer(text, weight, feedback)
        (accepted if weight > 0 else wrong).append(answer_)
    listed = ""
    if sub.kind == "choice":  # the choices in the menu's own order
        shown = [as_plain(answer, "html") for answer, _, _ in sub.answers]
        listed = " (" + " / ".join(text for text in shown if text) + ")"
    return Gap(name, (*accepted, *wrong), sub.case_sensitive, otherwise), listed


def _single_gap(text: str, sub: Sub, ctx: Context) -> Fields:
    """The question one embedded answer makes: choices, a number, or a one-gap cloze."""
    spot = _SPOT.format(1)
    if sub.kind == "numeric":
        found: list[NumericAnswer] = []
        otherwise = None
        for answer, weight, feedback in sub.answers:
            value, _, margin = answer.strip().partition(":")
            if value == "*":
                otherwise = OtherAnswer(feedback, max(weight, 0.0))
                continue
            at = number(value, "the answer")
            spread = abs(number(margin or "0", "the tolerance"))
            found.append(
                NumericAnswer(
                    at - spread, at + spread, max(weight, 0.0), feedback, None, at, spread
                )
            )
        answers = [a for a in found if a.weight > 0] + [a for a in found if not a.weight]
        prompt = text.replace(spot, BLANK)
        return {
            "type": QuestionType.NUMERIC,
            "prompt_text": prompt,
            "numeric": tuple(answers),
            "otherwise": otherwise,
        }
    if sub.kind in ("choice", "multi"):
        choices = [Choice(as_plain(a, "html"), w, f) for a, w, f in sub.answers if a.strip()]
        texts = [c.text for c in choices]
        if len(set(texts)) != len(texts):
            raise Skip("two of its choices read the same")
        full = [c for c in choices if c.weight == 1]
        single = sub.kind == "choice" and len(full) == 1
        if sub.kind == "choice" and not single:
            share = 1 / len(full)
            ctx.note(f"{len(full)} choices earn 100%: imported as a multiple-answer question")
            choices = [
                Choice(c.text, share if c.weight == 1 else -share, c.feedback) for c in choices
            ]
        kind = QuestionType.SINGLE if single else QuestionType.MULTIPLE
        return {"type": kind, "prompt_text": text.replace(spot, BLANK), "choices": tuple(choices)}
    gap, _ = _gap("g1", sub, ctx)
    prompt = text.replace(spot, "{{g1}}")
    return {"type": QuestionType.CLOZE, "prompt_text": prompt, "gaps": (gap,)}


def gapselect(q: Node, ctx: Context, fmt: str) -> Fields:
    """`<question type="gapselect">` or `"ddwtos"`: `[[n]]` gaps, choices in groups."""
    options: list[tuple[str, str]] = []
    for option in q.findall("selectoption") + q.findall("dragbox"):
        options.append((as_plain(option.value("text"), "html"), option.value("group", "1") or "1"))
    node = q.find("questiontext")
    raw = node.value("text") if node is not None else ""
    if node is not None:
        collect_files(node, ctx)
    text = as_plain(raw, node.attrib.get("format", fmt) if node is not None else fmt)
    wanted = [int(found.group(1)) for found in _GAP_MARK.finditer(text)]
    if not wanted:
        raise Skip("the text has no gap ([[1]])")
    for choice in wanted:
        if not 1 <= choice <= len(options) or not options[choice - 1][0]:
            raise Skip(f"the gap [[{choice}]] names no choice")
    groups = {group for _, group in options}

    def offered(choice: int) -> list[str]:
        group = options[choice - 1][1]
        return list(dict.fromkeys(t for t, g in options if g == group and t))

    if len(wanted) == 1:
        right = options[wanted[0] - 1][0]
        choices = tuple(Choice(t, 1.0 if t == right else 0.0) for t in offered(wanted[0]))
        if len(choices) < 2:
            raise Skip("its gap offers fewer than 2 choices")
        prompt = _GAP_MARK.sub(BLANK, text)
        return {"type": QuestionType.SINGLE, "prompt_text": prompt, "choices": choices}
    gaps: list[Gap] = []
    counter = iter(range(1, len(wanted) + 1))

    def mark(found: re.Match[str]) -> str:
        index = next(counter)
        choice = int(found.group(1))
        right = options[choice - 1][0]
        answers = [TextAnswer(right)] + [TextAnswer(t, 0.0) for t in offered(choice) if t != right]
        gaps.append(Gap(f"g{index}", tuple(answers)))
        listed = "" if len(groups) == 1 else " (" + " / ".join(offered(choice)) + ")"
        return "{{" + f"g{index}" + "}}" + listed

    prompt = _GAP_MARK.sub(mark, text)
    if len(groups) == 1:
        prompt += "\n\nChoices: " + " / ".join(offered(wanted[0]))
    ctx.note("its gaps are menus in Moodle: typed here, the choices listed after the text")
    return {"type": QuestionType.CLOZE, "prompt_text": prompt, "gaps": tuple(gaps)}
