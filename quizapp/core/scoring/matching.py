"""Matching typed answers: text normalisation and best-answer lookup.

Internal to `quizapp.core.scoring`. How a typed number is read is `quizapp.core.scoring.numbers`'s.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from quizapp.core.model import NumericAnswer, TextAnswer

#: Punctuation (every P* category) and modifier symbols such as ` ´ ^ ¨. Other symbols (+, $, °)
#: are kept because they change meaning: "C++" is not "C".
_DROPPED_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sk"})

#: A `*` in a Moodle pattern that is not written `\\*`.
_STAR = re.compile(r"(?<!\\)\*")

#: Relative slack when testing a number against a range, so 0.1 + 0.2 lies in [0.3, 0.3].
_RANGE_EPSILON = 1e-9

_FULL_MARKS = 1 - 1e-9


def normalise(text: str, case_sensitive: bool = False) -> str:
    """`text` as typed answers are compared: NFKC, case folded, no punctuation, single spaces.

    Case is kept when `case_sensitive`. Punctuation is removed, not replaced by a space, so
    "don't" becomes "dont" and "U.S.A." becomes "usa".
    """
    text = unicodedata.normalize("NFKC", text)
    if not case_sensitive:
        # Case folding can produce text that NFKC changes again (e.g. compatibility ligatures).
        text = unicodedata.normalize("NFKC", text.casefold())
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    return " ".join(kept.split())


@lru_cache(maxsize=4096)
def _normalised(text: str, case_sensitive: bool) -> str:
    return normalise(text, case_sensitive)


def _regex_matches(pattern: str, typed: str, case_sensitive: bool) -> bool:
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        return re.fullmatch(pattern, typed, flags) is not None
    except re.error:
        # The bank loader rejects invalid patterns; one built in memory simply never matches.
        return False


@lru_cache(maxsize=1024)
def _wildcard(pattern: str, case_sensitive: bool) -> re.Pattern[str]:
    """A Moodle pattern (`*manual*`) as a regular expression over `normalise`d text.

    Each part between stars is normalised as typed answers are, keeping a space at its ends when
    it had one (`the * of` needs words around the gap); `\\*` is a star itself (which
    normalising drops on both sides, as it does for plain answers).
    """
    pieces: list[str] = []
    for part in _STAR.split(pattern):
        part = part.replace("\\*", "*")
        core = normalise(part, case_sensitive)
        if not core:
            pieces.append(" " if part and part.isspace() else "")
            continue
        lead = " " if part[:1].isspace() else ""
        trail = " " if part[-1:].isspace() else ""
        pieces.append(re.escape(lead + core + trail))
    return re.compile(".*".join(pieces), re.DOTALL)


def best_text_match(
    answers: Sequence[TextAnswer], typed: str, case_sensitive: bool
) -> TextAnswer | None:
    """The highest-weighted answer (the first of equals) that `typed` matches, if any.

    An empty answer matches nothing. Regex answers are matched against the whole trimmed answer,
    wildcard answers (Moodle patterns) and the others after `normalise`.
    """
    raw = typed.strip()
    if not raw:
        return None
    key = _normalised(raw, case_sensitive)
    best: TextAnswer | None = None
    for answer in answers:
        if answer.regex:
            hit = _regex_matches(answer.text, raw, case_sensitive)
        elif answer.wildcard:
            hit = bool(key) and _wildcard(answer.text, case_sensitive).fullmatch(key) is not None
        else:
            hit = bool(key) and _normalised(answer.text, case_sensitive) == key
        if hit and (best is None or answer.weight > best.weight):
            best = answer
    return best


def text_correct_answer(answers: Sequence[TextAnswer]) -> str:
    """The answer to show as correct.

    The first full-mark plain answer, else a full-mark pattern, else the best accepted answer.
    """
    full = [a for a in answers if a.weight >= _FULL_MARKS]
    for answer in full:
        if not answer.regex and not answer.wildcard:
            return answer.text
    if full:
        return full[0].text
    accepted = [a for a in answers if a.weight > 0]
    return max(accepted, key=lambda a: a.weight).text if accepted else ""


def _in_range(value: float, answer: NumericAnswer) -> bool:
    slack = _RANGE_EPSILON * max(1.0, abs(answer.low), abs(answer.high))
    return answer.low - slack <= value <= answer.high + slack


def best_numeric_match(answers: Sequence[NumericAnswer], value: float) -> NumericAnswer | None:
    """The highest-weighted answer (the first of equals) whose range holds `value`, if any."""
    best: NumericAnswer | None = None
    for answer in answers:
        if _in_range(value, answer) and (best is None or answer.weight > best.weight):
            best = answer
    return best


def numeric_correct_answer(answers: Sequence[NumericAnswer]) -> str:
    """The answer to show as correct: the first full-mark answer, else the best accepted one."""
    accepted = [a for a in answers if a.weight > 0]
    if not accepted:
        return ""
    full = [a for a in accepted if a.weight >= _FULL_MARKS]
    return (full[0] if full else max(accepted, key=lambda a: a.weight)).display()
