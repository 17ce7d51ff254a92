"""Item analysis as a plain-text report that fits an 80-column terminal.

Four parts: the questions (id, attempts, facility, discrimination, flags), what needs a look and
why, the choice distributions of the choice questions, and the misconceptions with their holders.
Text from a bank is shown on one line (white space collapsed) and cut with "…" where it does not
fit; nothing is markup.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterator

from quizapp.core.stats.model import RARE_SHARE, ChoiceStat, Flag, ItemAnalysis, QuestionStat

#: How a mis-key sign on fewer students than the minimum is marked.
TOO_FEW = "too few answers"

__all__ = ["WIDTH", "discrimination_text", "escaped", "one_line", "render_table"]

WIDTH = 80
_ID = 29  # question id column, then attempts, facility, discrimination, flags
_BAR = 10


#: Format characters that reorder or hide text (bidi overrides and isolates, marks).
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def escaped(text: str) -> str:
    """`text` with control characters (C0, DEL, C1) and bidi controls written as escapes
    (`\\x1b`, `\\u202e`), so that data read from a file never drives the terminal."""
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if char in _BIDI or unicodedata.category(char) == "Cc":
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def one_line(text: str, width: int) -> str:
    """`text` on one line (control characters escaped), cut to `width` characters with "…"."""
    flat = escaped(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"


def discrimination_text(value: float | None) -> str:
    """A discrimination index as the table shows it: 0.45, -0.12, n/a."""
    return "n/a" if value is None else f"{value:.2f}"


def render_table(analysis: ItemAnalysis) -> str:
    """The whole report, ending with a newline."""
    return "\n".join(_lines(analysis)) + "\n"


def _lines(analysis: ItemAnalysis) -> Iterator[str]:
    self_graded = (
        f"; {analysis.self_graded} self-graded flashcard answers left out"
        if analysis.self_graded
        else ""
    )
    yield (
        f"{_plural(analysis.students, 'student')}, {_plural(analysis.attempts, 'attempt')}, "
        f"{_plural(analysis.answers, 'answer')}{self_graded}"
    )
    yield ""
    yield from _questions(analysis)
    yield from _findings(analysis)
    yield from _choices(analysis)
    yield from _misconceptions(analysis)


def _questions(analysis: ItemAnalysis) -> Iterator[str]:
    flags_width = WIDTH - _ID - 31  # after the id and three right-aligned columns
    yield f"{'question':<{_ID}} attempts  facility  discrim.  flags"
    bank = None
    for stat in analysis.questions:
        if stat.bank_id != bank and len(analysis.banks) > 1:
            yield one_line(f"[{stat.bank_id}]", WIDTH)
        bank = stat.bank_id
        facility = "n/a" if stat.facility is None else f"{stat.facility:.1f}%"
        words = [str(flag) for flag in stat.flags]
        if stat.too_few and Flag.MISKEYED in stat.flags:
            words.append(TOO_FEW)
        flags = textwrap.wrap(", ".join(words), flags_width, break_on_hyphens=False) or [""]
        yield (
            f"{one_line(stat.question_id, _ID):<{_ID}} {stat.attempts:>8}  {facility:>8}  "
            f"{discrimination_text(stat.discrimination):>8}  {flags[0]}"
        ).rstrip()
        for more in flags[1:]:
            yield " " * (WIDTH - flags_width) + more
    yield ""


def _findings(analysis: ItemAnalysis) -> Iterator[str]:
    notes: list[tuple[QuestionStat, str]] = []
    for stat in analysis.questions:
        few = f" ({TOO_FEW}: {_plural(stat.students, 'student')})" if stat.too_few else ""
        notes += [(stat, f"looks mis-keyed: {reason}{few}") for reason in stat.miskey_reasons]
        for choice in stat.rare_distractors:
            picked = f"picked by {choice.count} of {stat.answered} (under {RARE_SHARE:.0%})"
            notes.append((stat, f"rare distractor {choice.letter}: {picked}"))
        if stat.edited:
            notes.append((stat, f"answered in {stat.versions} versions: it was edited"))
        if stat.in_bank is False:
            notes.append((stat, "no longer in its bank"))
    if not notes:
        return
    yield f"Needs a look (a flag needs {_plural(analysis.min_students, 'student')})"
    for stat, note in notes:
        yield from _wrap(f"{stat.question_id}: {note}")
    yield ""


def _choices(analysis: ItemAnalysis) -> Iterator[str]:
    shown = [stat for stat in analysis.questions if stat.choices]
    if not shown:
        return
    yield "Choices (* correct, ~ partial credit; % of the attempts that answered)"
    text_width = WIDTH - 5 - 6 - 8 - 1 - _BAR - len(" rare")
    for stat in shown:
        head = f"{stat.question_id} ({_plural(stat.answered, 'answer')})"
        if stat.prompt:
            head += f": {stat.prompt}"
        yield one_line(head, WIDTH)
        for choice in stat.choices:
            mark = _mark(choice)
            text = choice.text if choice.text is not None else "(not in the bank)"
            if choice.misconception:
                text = f"{' '.join(text.split())} [{choice.misconception}]"
            if choice.partial and choice.weight is not None:
                text = f"{' '.join(text.split())} ({choice.weight:.0%} credit)"
            bar = "█" * round(_BAR * choice.percent / 100)
            rare = " rare" if choice.rare else ""
            yield (
                f"  {mark}{choice.letter:<2}{one_line(text, text_width):<{text_width}}"
                f"{choice.count:>6}{choice.percent:>7.1f}% {bar:<{_BAR}}{rare}"
            ).rstrip()
    yield ""


def _mark(choice: ChoiceStat) -> str:
    """`*` the key, `~` part of the marks, blank otherwise."""
    if choice.partial:
        return "~"
    return "*" if choice.correct else " "


def _misconceptions(analysis: ItemAnalysis) -> Iterator[str]:
    if not analysis.misconceptions:
        return
    yield "Misconceptions (held: fallen for, not avoided on 2 different days since)"
    width = WIDTH - 26
    yield f"{'misconception':<{width}}  held  students  answers"
    for item in analysis.misconceptions:
        name = item.id if len(analysis.banks) < 2 else f"{item.bank_id}/{item.id}"
        yield (
            f"{one_line(name, width):<{width}}  {item.holders:>4}  {item.students:>8}  "
            f"{item.times:>7}"
        )
        if item.summary:
            yield "  " + one_line(item.summary, WIDTH - 2)
        shows = ", ".join(f"{question} ({times})" for question, times in item.questions)
        yield from _wrap(f"shows in: {shows}")
    yield ""


def _wrap(text: str) -> list[str]:
    """`text` wrapped to the width, indented, never broken at the hyphens of an id."""
    return textwrap.wrap(
        text, WIDTH, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
