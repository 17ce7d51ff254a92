"""The `units` of a numeric question: what may follow the number a student types (`°C`, `km`).

    units: ["°C", C, degrees]                      # each in the answers' unit
    units: [m, {name: km, multiplier: 0.001}]      # Moodle's multiplier: km per metre

Each name is checked to be one a student could type after a number: not blank, not starting with
a digit, sign, point or comma (it would be read as part of the number), and given once.
"""

from __future__ import annotations

from typing import Any

from quizapp.core.bank.parts.checks import Scope, describe, is_number, is_text
from quizapp.core.bank.parts.fields import UNIT_KEYS
from quizapp.core.model import NumericUnit

_UNIT_KEYS = frozenset(UNIT_KEYS)
#: A unit may not start with what `quizapp.core.scoring.numbers` reads as part of a number.
_NUMBER_START = frozenset("0123456789+-−.,")


def read_units(scope: Scope, raw: dict[Any, Any]) -> tuple[NumericUnit, ...]:
    """The question's `units` (none when absent), recording an issue for each bad entry."""
    entries = raw.get("units")
    if entries is None and "units" not in raw:
        return ()
    if type(entries) is not list or not entries:
        shown = "empty" if entries == [] else describe(entries)
        scope.error(("units",), f"`units` must be a list of units, not {shown}")
        return ()
    units: list[NumericUnit] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        unit = _unit(scope, entry, ("units", index), f"unit {index + 1}")
        if unit is None:
            continue
        if unit.name.strip() in seen:
            message = f"'{unit.name}' is given twice"
            scope.error(("units", index), message, what=f"unit {index + 1}")
            continue
        seen.add(unit.name.strip())
        units.append(unit)
    return tuple(units)


def _unit(scope: Scope, entry: Any, sub: tuple[Any, ...], what: str) -> NumericUnit | None:
    multiplier = 1.0
    name = entry
    if type(entry) is dict:
        scope.keys(entry, _UNIT_KEYS, sub, what)
        name = entry.get("name")
        if "multiplier" in entry:
            value = entry["multiplier"]
            if not is_number(value) or value <= 0:
                message = f"`multiplier` must be a number above 0, not {describe(value)}"
                if is_number(value):
                    message = f"`multiplier` must be above 0, not {value:g}"
                scope.error((*sub, "multiplier"), message, False, what)
                return None
            multiplier = float(value)
        sub = (*sub, "name")
    elif type(entry) is not str:
        message = f"must be text or a mapping with `name`, not {describe(entry)}"
        scope.error(sub, message, False, what)
        return None
    if not is_text(name):
        scope.error(sub, "needs a `name`" if name is None else "is empty", False, what)
        return None
    if name.strip()[0] in _NUMBER_START:
        message = f"'{name}' starts like a number: a unit must start with something else"
        scope.error(sub, message, False, what)
        return None
    return NumericUnit(name.strip(), multiplier)
