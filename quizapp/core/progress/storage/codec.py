"""How answers and questions are written into the progress store: tagged JSON and content hashes.

A `Response` is one of several Python shapes (see `quizapp.core.model.Response`); JSON alone would
lose the difference between an int and a self-grade, a set and a tuple. `response_to_json` writes
an object with one key naming the shape, so `response_from_json` gives back an equal value:

    2                      -> {"int": 2}               single, true/false: the choice's index
    frozenset({0, 2})      -> {"set": [0, 2]}          multiple: indexes, sorted
    "Paris"                -> {"str": "Paris"}         short, numeric: as typed
    ("Paris", "Seine")     -> {"tuple": ["Paris", "Seine"]}   cloze, order, match (null: no pick)
    SelfGrade.GOOD         -> {"self_grade": 3}        flashcards: 1 Again .. 4 Easy

Indexes are *original* ones (into the question's `choices`, `items`, `match_rights`), never
display positions, so they mean the same thing whatever the shuffle was.

`content_hash` fingerprints what a question says, so the app notices a question that was edited
after it was studied while its history stays keyed on (bank id, question id).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, fields, is_dataclass
from enum import Enum
from typing import Any

from quizapp.core.model import Question, Response, SelfGrade

__all__ = ["content_hash", "response_from_json", "response_to_json"]

#: Question fields that do not change what the question says.
_NOT_CONTENT = frozenset({"line", "lint_ignore"})


def response_to_json(response: Response | None) -> str | None:
    """`response` as tagged JSON text; None (an unanswered exam question) stays None.

    Raises TypeError for a value that is not a `Response`.
    """
    if response is None:
        return None
    if isinstance(response, SelfGrade):
        tagged: dict[str, Any] = {"self_grade": int(response)}
    elif isinstance(response, bool):
        raise TypeError(f"a response is never a bool: {response!r}")
    elif isinstance(response, int):
        tagged = {"int": response}
    elif isinstance(response, frozenset):
        tagged = {"set": sorted(_index(value) for value in response)}
    elif isinstance(response, str):
        tagged = {"str": response}
    elif isinstance(response, tuple):
        tagged = {"tuple": [_item(value) for value in response]}
    else:
        raise TypeError(f"not a response: {response!r} ({type(response).__name__})")
    return json.dumps(tagged, ensure_ascii=False, separators=(",", ":"))


def _index(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a set response holds choice indexes, not {value!r}")
    return value


def _item(value: object) -> str | int | None:
    if value is None or isinstance(value, str):
        return value
    return _index(value)


def response_from_json(text: str | None) -> Response | None:
    """The response `response_to_json` wrote as `text` (None for None).

    Raises ValueError when `text` is not such JSON.
    """
    if text is None:
        return None
    data = json.loads(text)
    if not isinstance(data, dict) or len(data) != 1:
        raise ValueError(f"not a stored response: {text!r}")
    ((tag, value),) = data.items()
    if tag == "self_grade" and type(value) is int:
        return SelfGrade(value)
    if tag == "int" and type(value) is int:
        return value
    if tag == "set" and isinstance(value, list) and all(type(v) is int for v in value):
        return frozenset(value)
    if tag == "str" and isinstance(value, str):
        return value
    if tag == "tuple" and isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return tuple(value)
        if all(v is None or type(v) is int for v in value):
            return tuple(value)
    raise ValueError(f"not a stored response: {text!r}")


def content_hash(question: Question) -> str:
    """A stable fingerprint (16 hex digits of SHA-256) of what `question` says.

    Covers every field but its line and lint settings. Fields left at their default are not part
    of it, so a field added to the model later (with a default) changes no existing hash.
    """
    canonical = json.dumps(
        _plain(question), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        plain: dict[str, Any] = {}
        for field in fields(value):
            item = getattr(value, field.name)
            if field.name in _NOT_CONTENT or (
                field.default is not MISSING and item == field.default
            ):
                continue
            plain[field.name] = _plain(item)
        return plain
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value
