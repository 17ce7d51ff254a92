"""The vocabulary of validation: issues, the scope they are reported in, and typed field readers.

Readers return the value when it has the right type and record an issue (returning a harmless
default) when it does not, so one pass over a bank finds every problem. The common case, a field
of the right type, costs a dict lookup and a type test.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from quizapp.core.bank.parts.weights import weight_from_percent

Path = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem, placed by its data path (or directly by `line`/`column` when already known)."""

    path: Path
    message: str
    at_key: bool = False
    line: int = 0
    column: int = 0


def describe(value: Any) -> str:
    """How a YAML value looks to its writer: 'text', 'a number', 'a list'..."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def suggest(word: Any, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a candidate is close to `word`, else ''."""
    close = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def is_number(value: Any) -> bool:
    """A finite int or float (YAML `true` is not a number here)."""
    return type(value) in (int, float) and math.isfinite(value)


def is_integer(value: Any) -> bool:
    """An int, or a float with no fraction (as JSON Schema's `integer`)."""
    return type(value) is int or (type(value) is float and value.is_integer())


def is_text(value: Any) -> bool:
    """A string with something other than spaces in it."""
    return type(value) is str and bool(value) and not value.isspace()


class Checker:
    """Collects the issues of one bank."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, path: Path, message: str, at_key: bool = False) -> None:
        """Record a problem at `path`."""
        self.issues.append(Issue(path, message, at_key))


class Scope:
    """A mapping in the document (the bank, a question, a choice...) and how to name it."""

    __slots__ = ("checker", "path", "label")

    def __init__(self, checker: Checker, path: Path, label: str) -> None:
        self.checker = checker
        self.path = path
        self.label = label

    def error(self, sub: Path, message: str, at_key: bool = False, what: str = "") -> None:
        """Record a problem at `sub` below this scope, prefixed with its label and `what`."""
        if what:
            message = f"{what}: {message}"
        text = f"{self.label}: {message}" if self.label else message
        self.checker.add(self.path + sub, text, at_key)

    def keys(self, raw: dict[Any, Any], allowed: frozenset[str], sub: Path, what: str = "") -> None:
        """Report keys of `raw` (found at `sub`) that are not in `allowed`."""
        if raw.keys() <= allowed:
            return
        for key in raw:
            if key not in allowed:
                hint = suggest(key, sorted(allowed))
                self.error((*sub, key), f"unknown key '{key}'{hint}", True, what)

    def mapping(self, value: Any, sub: Path, what: str) -> dict[Any, Any] | None:
        """`value` when it is a mapping, else None and an issue."""
        if type(value) is dict:
            return value
        self.error(sub, f"{what} must be a mapping, not {describe(value)}")
        return None

    def text(
        self, raw: dict[Any, Any], key: str, sub: Path = (), required: bool = False, what: str = ""
    ) -> str:
        """The text field `key` of `raw` ('' when absent); required fields must not be blank."""
        value = raw.get(key)
        if type(value) is str and (not required or (value and not value.isspace())):
            return value
        if value is None and key not in raw and not required:
            return ""
        if key not in raw:
            self.error(sub, f"missing `{key}`", False, what)
        elif type(value) is str or value is None:
            self.error((*sub, key), f"`{key}` is empty", False, what)
        else:
            self.error((*sub, key), f"`{key}` {must_be_text(value)}", False, what)
        return ""

    def flag(
        self, raw: dict[Any, Any], key: str, default: bool, sub: Path = (), what: str = ""
    ) -> bool:
        """The true/false field `key` of `raw`."""
        value = raw.get(key, default)
        if type(value) is bool:
            return value
        message = f"`{key}` must be true or false, not {describe(value)}"
        self.error((*sub, key), message, False, what)
        return default

    def texts(self, raw: dict[Any, Any], key: str, sub: Path = (), minimum: int = 0) -> list[str]:
        """The list-of-text field `key` of `raw`; entries must not be blank."""
        value = raw.get(key)
        if value is None and key not in raw:
            return []
        if type(value) is not list:
            self.error((*sub, key), f"`{key}` must be a list, not {describe(value)}")
            return []
        out: list[str] = []
        for index, item in enumerate(value):
            if is_text(item):
                out.append(item)
            elif type(item) is str:
                self.error((*sub, key, index), f"`{key}` entry {index + 1} is empty")
            else:
                self.error((*sub, key, index), f"`{key}` entry {index + 1} {must_be_text(item)}")
        if len(value) < minimum:
            self.error((*sub, key), f"`{key}` needs at least {minimum} entries, not {len(value)}")
        return out

    def weight(self, raw: dict[Any, Any], sub: Path, default: float, what: str = "") -> float:
        """The `weight` field of `raw` as a fraction (percent / 100, a third when it says 33.33...),
        checked to be in -100..100.
        """
        value: Any = raw.get("weight")
        if value is None and "weight" not in raw:
            return default
        if not is_number(value):
            message = f"`weight` must be a number, not {describe(value)}"
            self.error((*sub, "weight"), message, False, what)
            return default
        if not -100 <= value <= 100:
            message = f"`weight` {value:g} is outside -100..100 (percent)"
            self.error((*sub, "weight"), message, False, what)
            return default
        return weight_from_percent(value)

    def number(
        self, raw: dict[Any, Any], key: str, sub: Path, what: str = "", minimum: float | None = None
    ) -> float | None:
        """The number field `key` of `raw` (None when absent or wrong), at least `minimum`."""
        value: Any = raw.get(key)
        if value is None and key not in raw:
            return None
        if not is_number(value):
            self.error((*sub, key), f"`{key}` must be a number, not {describe(value)}", False, what)
            return None
        if minimum is not None and value < minimum:
            message = f"`{key}` must be at least {minimum:g}, not {value:g}"
            self.error((*sub, key), message, False, what)
            return None
        return float(value)


def must_be_text(value: Any) -> str:
    """'must be text, not a number (put it in quotes)' and the like."""
    quote = " (put it in quotes)" if isinstance(value, bool | int | float) else ""
    return f"must be text, not {describe(value)}{quote}"
