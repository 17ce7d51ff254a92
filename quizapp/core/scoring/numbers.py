"""Reading a number as a person types it: `1,5`, `1 414`, `100 °C`, `3×10^8`.

`read_number(text, units)` gives the number meant, in the unit of the question's answers, or a
`Refusal` saying why it cannot tell, for the student to read before anything is graded. It never
guesses: a text that could mean two numbers (`1,500`) is refused and the student asked which.

The rules (the README's "Numbers as you type them" says the same):

- a sign (`-`, `+` or the minus sign `−`), digits, and an exponent written `e3`, `E-2`, `×10^8`,
  `x10^8` or `*10^8`;
- the decimal mark is a point, or a comma: `1.5` and `1,5` are both one and a half;
- thousands are grouped by three with a space (any kind), a comma or a point: `1 414`,
  `1,414.5`, `1.414,5`, `1,000,000`. With both a point and a comma, the last one is the decimal
  mark. Two or more of the same mark can only be thousands;
- one comma followed by exactly three digits, and no other mark, is refused as ambiguous (`1,500`
  is 1500 in English and 1.5 in much of Europe); `0,125` is not ambiguous (no one groups
  thousands after a zero) and reads as 0.125. A lone point is always the decimal mark (`1.500`);
- a unit after the number (with or without a space) is accepted when the question declares it,
  exactly as written there (`°C` is not `°c`); the number is divided by its multiplier, as in
  Moodle. A question that declares no units takes no unit, and neither takes words (`about 27`),
  fractions, ranges or two numbers: each is refused, saying what to type instead.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.model import NumericUnit

__all__ = ["Refusal", "read_number"]

#: Spaces people put between groups of thousands (the no-break ones included); NFKC turns most
#: of them into a plain space, but not the narrow no-break space French uses.
_SPACES = re.compile(r"[ \u00a0\u2007\u2009\u202f]")

#: The number at the start of the text: digits with the marks that group or separate them.
_LEADING = re.compile(r"[+-]?(?:[0-9][0-9 .,]*|[.,][0-9]+)")
#: An exponent right after the mantissa: `e-3`, ` × 10^8`, `x10**8`.
_EXPONENT = re.compile(r"(?:[eE]|\s*[×xX*]\s*10\s*(?:\^|\*\*))([+-]?[0-9]+)")

_GROUPED_BY_SPACES = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+")
_WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a typed answer cannot be read as one number, said to the student."""

    reason: str


def read_number(text: str, units: Sequence[NumericUnit] = ()) -> float | Refusal:
    """The number `text` means, in the unit of the answers, or why it cannot be read.

    `units` are the units the question accepts after the number (none: a bare number only).
    """
    typed = text.strip()
    shown = repr(typed)
    cleaned = unicodedata.normalize("NFKC", typed).replace("\u2212", "-")
    cleaned = _SPACES.sub(" ", cleaned).strip()
    if not cleaned:
        return Refusal("Type a number first.")
    for declared in units:
        # A unit written before the number, as currencies are ($100).
        name = unicodedata.normalize("NFKC", declared.name).strip()
        after = cleaned[len(name) :].lstrip()
        if name and cleaned.startswith(name) and after[:1].isdigit():
            number = read_number(after)
            return number if isinstance(number, Refusal) else number / declared.multiplier
    head = _LEADING.match(cleaned)
    mantissa = head.group().rstrip(" ") if head else ""
    if not any(ch.isdigit() for ch in mantissa):
        return _no_number(shown, cleaned)
    rest = cleaned[len(mantissa) :]
    exponent = 0
    if power := _EXPONENT.match(rest):
        exponent = int(power.group(1))
        rest = rest[power.end() :]
    value = _mantissa(mantissa, shown)
    if isinstance(value, Refusal):
        return value
    try:
        number = value * 10.0**exponent
    except OverflowError:
        return Refusal(f"{shown} is too large a number.")
    if not math.isfinite(number):
        return Refusal(f"{shown} is too large a number.")
    unit = rest.strip()
    if not unit:
        return number
    return _with_unit(number, unit, shown, units)


def _no_number(shown: str, cleaned: str) -> Refusal:
    """Why a text that does not start with a number is refused."""
    if any(ch.isdigit() for ch in cleaned):
        return Refusal(f"{shown}: type just the number, with nothing before it.")
    if cleaned.casefold() in ("inf", "infinity", "nan"):
        return Refusal(f"{shown} is not a number quizapp can grade: type digits.")
    if any(unicodedata.numeric(ch, None) is not None for ch in cleaned):
        return Refusal(f"{shown}: type the number with digits (½ as 0.5).")
    return Refusal(f"{shown} is not a number: type digits, such as 42 or 3.5.")


def _mantissa(mantissa: str, shown: str) -> float | Refusal:
    """The digits with their marks read as one number (no exponent, no unit)."""
    sign = ""
    if mantissa[:1] in "+-":
        sign, mantissa = mantissa[0], mantissa[1:]
    if " " in mantissa:
        # Thousands grouped by spaces: the point or comma after them can only be the decimal.
        integer, mark, fraction = _split_at_mark(mantissa)
        if not _GROUPED_BY_SPACES.fullmatch(integer) or (mark and not fraction.isdigit()):
            return _not_grouped(shown)
        plain = integer.replace(" ", "") + ("." + fraction if mark else "")
        checked = _checked(plain, shown)
    else:
        checked = _decimal(mantissa, shown)
    if isinstance(checked, Refusal):
        return checked
    return float(sign + checked)


def _split_at_mark(text: str) -> tuple[str, str, str]:
    """`text` split at its first point or comma: (before, the mark or "", after)."""
    found = re.search(r"[.,]", text)
    if found is None:
        return text, "", ""
    return text[: found.start()], found.group(), text[found.end() :]


def _decimal(digits: str, shown: str) -> str | Refusal:
    """`digits` (no spaces) with its thousands marks removed and its decimal mark a point."""
    commas, points = digits.count(","), digits.count(".")
    if not commas and points <= 1:
        return _checked(digits, shown)
    if commas and points:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = digits.rpartition(decimal)
        if decimal in whole or not _grouped(whole, thousands):
            return _not_grouped(shown)
        return _checked(whole.replace(thousands, "") + "." + fraction, shown)
    mark = "," if commas else "."
    count = commas or points
    if count > 1:
        if not _grouped(digits, mark):
            return _not_grouped(shown)
        return _checked(digits.replace(mark, ""), shown)
    whole, _, fraction = digits.partition(",")
    if len(fraction) == 3 and whole.lstrip("0"):
        thousands, decimal = f"{whole}{fraction}", f"{float(f'{whole}.{fraction}'):g}"
        return Refusal(
            f"{shown} could mean {thousands} (a thousands comma) or {decimal} (a decimal "
            f"comma): type {thousands} or {decimal}."
        )
    return _checked(f"{whole}.{fraction}", shown)


def _grouped(digits: str, mark: str) -> bool:
    """True when `mark` splits `digits` into thousands: 1-3 digits, then groups of three."""
    groups = digits.split(mark)
    first, others = groups[0], groups[1:]
    return (
        1 <= len(first) <= 3
        and first.isdigit()
        and all(len(g) == 3 and g.isdigit() for g in others)
    )


def _not_grouped(shown: str) -> Refusal:
    return Refusal(f"{shown}: type one number (thousands go in groups of 3 digits).")


def _checked(plain: str, shown: str) -> str | Refusal:
    """`plain` when it is digits with at most one decimal point, with a digit on one side."""
    whole, _, fraction = plain.partition(".")
    if not (whole or fraction) or not (whole + fraction).isdigit():
        return Refusal(f"{shown} is not a number: type digits, such as 42 or 3.5.")
    return plain


def _with_unit(
    number: float, unit: str, shown: str, units: Sequence[NumericUnit]
) -> float | Refusal:
    """`number` typed with `unit` after it, in the answers' unit, or why it is refused."""
    for declared in units:
        if unicodedata.normalize("NFKC", declared.name).strip() == unit:
            return number / declared.multiplier
    if unit[:1] in "/\u2044":
        return Refusal(f"{shown} looks like a fraction: type it as a decimal, such as 0.5.")
    if unit[:1] in "-–—" or unit.casefold().startswith(("to ", "or ")):
        return Refusal(f"{shown} looks like two numbers: type one.")
    if any(ch.isdigit() for ch in unit):
        return Refusal(f"{shown}: type one number.")
    if units:
        names = ", ".join(u.name for u in units)
        return Refusal(f"{shown}: {unit!r} is not a unit this question takes; use {names}.")
    if _WORDS.fullmatch(unit) and unit.casefold() in _APPROXIMATE:
        return Refusal(f"{shown}: type just the number.")
    return Refusal(f"{shown}: type just the number, without {unit!r}.")


#: Words people add to a number they are unsure of; refused with "type just the number".
_APPROXIMATE = frozenset({"about", "approx", "approximately", "roughly", "ish", "or so"})
