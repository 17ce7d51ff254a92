"""The question types answered by arranging or recalling: order, match and flashcard."""

from __future__ import annotations

from typing import Any

from quizapp.core.bank.parts.checks import describe
from quizapp.core.bank.parts.fields import PAIR_KEYS
from quizapp.core.bank.parts.questions import QuestionScope
from quizapp.core.model import MatchPair, QuestionType

_PAIR_KEYS = frozenset(PAIR_KEYS)


def build_order(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of an order question: at least two distinct items, in their correct order."""
    if "items" not in raw:
        scope.error((), "missing `items`")
        return None
    items = scope.texts(raw, "items", minimum=2)
    written = raw["items"]
    if type(written) is list and len(items) == len(written):  # else positions would not line up
        _no_repeats(scope, items, ("items",), "item")
    return {"items": tuple(items)}


def build_match(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of a match question: at least two pairs with distinct left items, and distractors."""
    entries = raw.get("pairs")
    if type(entries) is not list:
        if "pairs" not in raw:
            scope.error((), "missing `pairs`")
        else:
            scope.error(("pairs",), f"`pairs` must be a list, not {describe(entries)}")
        return None
    if len(entries) < 2:
        scope.error(("pairs",), f"needs at least 2 pairs, not {len(entries)}")
    pairs: list[MatchPair] = []
    for index, entry in enumerate(entries):
        sub, what = ("pairs", index), f"pair {index + 1}"
        if type(entry) is not dict:
            message = f"must be a mapping with `left` and `right`, not {describe(entry)}"
            scope.error(sub, message, False, what)
            continue
        scope.keys(entry, _PAIR_KEYS, sub, what)
        left = scope.text(entry, "left", sub, True, what)
        right = scope.text(entry, "right", sub, True, what)
        pairs.append(MatchPair(left, right, scope.text(entry, "feedback", sub, False, what)))
    if len(pairs) == len(entries):
        _no_repeats(scope, [pair.left for pair in pairs], ("pairs",), "left item")
    distractors = scope.texts(raw, "distractors")
    rights = {pair.right for pair in pairs}
    for index, distractor in enumerate(distractors):
        if distractor in rights:
            message = f"distractor '{distractor}' is also the right item of a pair"
            scope.error(("distractors", index), message)
    return {"pairs": tuple(pairs), "distractors": tuple(distractors)}


def build_flashcard(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of a flashcard: the back (the front is the prompt)."""
    return {"back": scope.text(raw, "back", (), True)}


def _no_repeats(scope: QuestionScope, values: list[str], sub: tuple[Any, ...], what: str) -> None:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            scope.error((*sub, index), f"{what} '{value}' appears more than once")
        seen.add(value)
