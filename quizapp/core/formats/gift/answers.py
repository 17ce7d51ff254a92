"""Reading the answer block of one GIFT question (`{...}`) into the fields of a quizapp question.

Follows Moodle's reader (`question/format/gift/format.php`): the type is told from the block as
Moodle tells it, answers are split on unescaped `~`/`=`, `%n%` gives a weight, the first `#` starts
an answer's feedback. A question quizapp's validator would refuse raises `Skip` with the reason;
what is left out of an otherwise good question becomes a note on the context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.bank import snap_fraction
from quizapp.core.formats.common import Note
from quizapp.core.formats.gift.text import render, show, split_format
from quizapp.core.model import (
    Choice,
    MatchPair,
    NumericAnswer,
    OtherAnswer,
    QuestionType,
    TextAnswer,
)

_WEIGHT_RE = re.compile(r"%(-?(?:\d+(?:\.\d*)?|\.\d+))%")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
#: Moodle keeps grades to 7 decimals (33.33333%): such a weight is read as the exact fraction.
_SNAP = 6e-8
_SNAP_DECIMALS = 7
#: How far the positive weights of a multiple-answer question may stray from 100% (as the loader).
_SUM_SLACK = 0.05
TRUE_FALSE = frozenset({"T", "TRUE", "F", "FALSE"})
#: A `*` wildcard of a Moodle pattern (`\\*` is a star itself), and runs of them.
_STAR = re.compile(r"(?<!\\)\*")
_STARS = re.compile(r"(?<!\\)\*+")


class Skip(Exception):
    """The question cannot become a valid quizapp question; `at` is an offset in its text."""

    def __init__(self, message: str, at: int) -> None:
        super().__init__(message)
        self.message = message
        self.at = at


@dataclass
class Context:
    """What answer readers need: the question's text format, line lookup and the notes."""

    fmt: str
    line_of: Callable[[int], int]
    notes: list[Note] = field(default_factory=list)

    def note(self, at: int, message: str) -> None:
        """Record that something at offset `at` was not carried over."""
        self.notes.append(Note(self.line_of(at), message))

    def text(self, raw: str, at: int) -> str:
        """The plain text of `raw`, in its own format or the question's."""
        fmt, rest = split_format(raw.strip(), self.fmt)
        return render(rest, fmt, lambda message: self.note(at, message))


@dataclass(frozen=True, slots=True)
class Piece:
    """One answer of a block as written, with hidden escapes, and where it starts."""

    text: str
    at: int


def split_answers(body: str, at: int, markers: str) -> list[Piece]:
    """`body` cut before each marker character; a blank piece before the first is dropped."""
    cuts = [i for i, char in enumerate(body) if char in markers]
    bounds = zip([0, *cuts], [*cuts, len(body)], strict=True)
    pieces = [Piece(body[start:end], at + start) for start, end in bounds]
    return [p for i, p in enumerate(pieces) if i or p.text.strip()]


def read_percent(written: str) -> float:
    """The fraction a `%n%` weight stands for: Moodle's `33.33333` (7 decimals or fewer) that
    rounds a simple fraction (1/3, 5/6...) is that fraction; longer decimals are taken as written.
    """
    fraction = float(written) / 100
    if len(written.partition(".")[2]) > _SNAP_DECIMALS:
        return fraction
    return snap_fraction(fraction, _SNAP)


def _weight(rest: str, default: float, at: int) -> tuple[float, str]:
    """The `%n%` weight at the start of `rest` (or `default`) and the text after it."""
    found = _WEIGHT_RE.match(rest)
    if found is None:
        return default, rest
    if not -100 <= float(found.group(1)) <= 100:
        raise Skip(f"the weight {found.group(0)} is outside -100%..100%", at)
    return read_percent(found.group(1)), rest[found.end() :]


def _marked(piece: Piece, default: float) -> tuple[str, float, str]:
    """(marker, weight, rest) of an answer such as `~%50%Paris#feedback`."""
    raw = piece.text.strip()
    marker = raw[:1] if raw[:1] in ("~", "=") else ""
    if marker == "=":
        default = 1.0
    elif marker == "~":
        default = 0.0
    weight, rest = _weight(raw[len(marker) :].lstrip(), default, piece.at)
    return marker, weight, rest


def is_true_false(body: str) -> bool:
    """True when the block is `{T}`, `{FALSE#...}` and the like (any case)."""
    return body.split("#", 1)[0].strip().upper() in TRUE_FALSE


def is_matching(body: str, at: int) -> bool:
    """True when every `=` entry pairs with `->`; Skip when only some do."""
    entries = split_answers(body, at, "=")
    paired = ["->" in entry.text.split("#", 1)[0] for entry in entries]
    if entries and all(paired):
        return True
    if any(paired):
        where = entries[paired.index(False)].at
        raise Skip("some answers pair with `->` and others do not", where)
    return False


def choices(body: str, at: int, ctx: Context) -> dict[str, Any]:
    """A single or multiple choice question: `=right ~wrong ~%50%half ~%-25%penalty`."""
    read: list[Choice] = []
    equals = 0
    for piece in split_answers(body, at, "~="):
        marker, weight, rest = _marked(piece, 0.0)
        equals += marker == "="
        text_part, _, feedback = rest.partition("#")
        text = ctx.text(text_part, piece.at)
        if not text.strip():
            raise Skip(f"choice {len(read) + 1} has no text", piece.at)
        for index, earlier in enumerate(read):
            if earlier.text == text:
                raise Skip(f"choices {index + 1} and {len(read) + 1} are both '{text}'", piece.at)
        read.append(Choice(text, weight, ctx.text(feedback, piece.at)))
    if len(read) < 2:
        raise Skip("a multiple-choice question needs at least 2 choices", at)
    if equals:
        return _single(read, at, ctx)
    return {"type": QuestionType.MULTIPLE, "choices": _scaled(read, at)}


def _single(read: list[Choice], at: int, ctx: Context) -> dict[str, Any]:
    full = [c for c in read if c.weight == 1.0]
    if len(full) == 1:
        return {"type": QuestionType.SINGLE, "choices": tuple(read)}
    if not full:
        raise Skip("no choice earns full marks (mark the right one with `=`)", at)
    if any(c.weight not in (0.0, 1.0) for c in read):
        raise Skip("several choices earn full marks and others part marks", at)
    share = 1.0 / len(full)
    ctx.note(
        at,
        f"{len(full)} choices are marked right with `=`: imported as a multiple-answer "
        f"question where each right choice is worth 1/{len(full)} and each wrong one costs as much",
    )
    scored = [Choice(c.text, share if c.weight else -share, c.feedback) for c in read]
    return {"type": QuestionType.MULTIPLE, "choices": tuple(scored)}


def _scaled(read: list[Choice], at: int) -> tuple[Choice, ...]:
    """The choices of a multiple-answer question, scaled to full marks as the bank loader does."""
    total = sum(c.weight for c in read if c.weight > 0) * 100
    if total == 0:
        message = "no choice is right: mark it with `=` (or weigh several: ~%50%)"
        raise Skip(message, at)
    if abs(total - 100) > _SUM_SLACK:
        raise Skip(f"the positive weights add up to {total:g}%, not 100%", at)
    scale = 100 / total
    return tuple(Choice(c.text, c.weight * scale, c.feedback) if c.weight > 0 else c for c in read)


def true_false(body: str, at: int, ctx: Context) -> dict[str, Any]:
    """`{TRUE#feedback when answered wrong#feedback when answered right}`, as Moodle reads it."""
    parts = body.split("#", 2)
    answer = parts[0].strip().upper() in ("T", "TRUE")
    wrong = ctx.text(parts[1], at) if len(parts) > 1 else ""
    right = ctx.text(parts[2], at) if len(parts) > 2 else ""
    on_true, on_false = (right, wrong) if answer else (wrong, right)
    pair = (
        Choice("True", 1.0 if answer else 0.0, on_true),
        Choice("False", 0.0 if answer else 1.0, on_false),
    )
    return {"type": QuestionType.TRUE_FALSE, "choices": pair, "shuffle": False}


def typed(body: str, at: int, ctx: Context) -> tuple[tuple[TextAnswer, ...], OtherAnswer | None]:
    """The answers of a short-answer block `{=Paris =%50%paris france#close =%0%Lyon#no}`, and
    its catch-all `=*#feedback` (Moodle's answer for anything else), if any.

    A `*` in an answer is Moodle's wildcard (`=*manual*`): any run of characters.
    """
    read: list[TextAnswer] = []
    otherwise: OtherAnswer | None = None
    for piece in split_answers(body, at, "="):
        _, weight, rest = _marked(piece, 1.0)
        text_part, _, feedback_part = rest.partition("#")
        text, feedback = ctx.text(text_part, piece.at), ctx.text(feedback_part, piece.at)
        weight = _not_negative(weight, piece.at, ctx)
        if text and not _STARS.sub("", text).strip():
            if otherwise is not None:
                ctx.note(piece.at, "a second catch-all answer `*` is left out (kept the first)")
            else:
                otherwise = OtherAnswer(feedback, weight)
        elif not text.strip():
            ctx.note(piece.at, "an answer with no text is left out")
        else:
            read.append(TextAnswer(text, weight, feedback, wildcard=_STAR.search(text) is not None))
    # As the bank loader orders them: accepted answers, then known wrong answers.
    answers = [a for a in read if a.weight > 0] + [a for a in read if not a.weight]
    if not any(a.weight == 1.0 for a in answers):
        raise Skip("no answer earns full marks", at)
    return tuple(answers), otherwise


def _not_negative(weight: float, at: int, ctx: Context) -> float:
    if weight >= 0:
        return weight
    ctx.note(at, f"a typed answer cannot cost marks: its weight {weight * 100:g}% is read as 0%")
    return 0.0


def numeric(body: str, at: int, ctx: Context) -> dict[str, Any]:
    """`{#3.14:0.01}`, `{#1..5}` or `{# =%100%3.14:0 =%50%3.1:0.1#close}`."""
    rest, base = body[1:], at + 1
    other = rest.find("~")
    otherwise: OtherAnswer | None = None
    if other != -1:
        # Moodle reads everything after the first `~` as the feedback for any other answer.
        otherwise = OtherAnswer(ctx.text(rest[other + 1 :].partition("#")[2], base + other))
        rest = rest[:other]
    found: list[NumericAnswer] = []
    for piece in split_answers(rest, base, "="):
        _, weight, spec = _marked(piece, 1.0)
        number_part, _, feedback_part = spec.partition("#")
        low, high, value, tolerance = _numbers(number_part, piece.at)
        weight = _not_negative(weight, piece.at, ctx)
        feedback = ctx.text(feedback_part, piece.at)
        found.append(NumericAnswer(low, high, weight, feedback, None, value, tolerance))
    if not found:
        raise Skip("the numeric answer block has no answer", at)
    answers = [a for a in found if a.weight > 0] + [a for a in found if not a.weight]
    if not any(a.weight == 1.0 for a in answers):
        raise Skip("no answer earns full marks", at)
    return {"type": QuestionType.NUMERIC, "numeric": tuple(answers), "otherwise": otherwise}


def _numbers(raw: str, at: int) -> tuple[float, float, float | None, float]:
    """(low, high, value, tolerance) of `3.14`, `3.14:0.01` or `1..5`."""
    text = show(split_format(raw.strip(), "plain")[1]).strip()
    dots, colon = text.find("..", 1), text.find(":", 1)
    if dots > 0:
        low, high = _number(text[:dots], at), _number(text[dots + 2 :], at)
        if low > high:
            raise Skip(f"the range {text} has its low end above its high end", at)
        return low, high, None, 0.0
    if colon > 0:
        value, tolerance = _number(text[:colon], at), _number(text[colon + 1 :], at)
        if tolerance < 0:
            raise Skip(f"the tolerance in {text} is negative", at)
        return value - tolerance, value + tolerance, value, tolerance
    value = _number(text, at)
    return value, value, value, 0.0


def _number(text: str, at: int) -> float:
    text = text.strip()
    if not _NUMBER_RE.fullmatch(text):
        raise Skip(f"'{text}' is not a number", at)
    return float(text)


def matching(body: str, at: int, ctx: Context) -> dict[str, Any]:
    """`{=Canada -> Ottawa =Italy -> Rome = -> Paris}`: an entry with no left is a distractor."""
    pairs: list[MatchPair] = []
    distractors: list[str] = []
    for piece in split_answers(body, at, "="):
        raw = piece.text.strip()
        left_part, _, right_part = raw.removeprefix("=").partition("->")
        left, right = ctx.text(left_part, piece.at), show(right_part.strip())
        if not right.strip():
            raise Skip(f"'{left}' has nothing to match after `->`", piece.at)
        if not left.strip():
            if right in distractors:
                ctx.note(piece.at, f"the distractor '{right}' is listed twice; kept once")
            else:
                distractors.append(right)
        elif any(pair.left == left for pair in pairs):
            raise Skip(f"'{left}' is on the left of two pairs", piece.at)
        else:
            pairs.append(MatchPair(left, right))
    if len(pairs) < 2:
        raise Skip("a matching question needs at least 2 pairs", at)
    rights = {pair.right for pair in pairs}
    for extra in [d for d in distractors if d in rights]:
        ctx.note(at, f"the distractor '{extra}' is also a pair's answer; left out")
    kept = tuple(d for d in distractors if d not in rights)
    return {"type": QuestionType.MATCH, "pairs": tuple(pairs), "distractors": kept}
