"""Reading numbers as people type them: decimal commas, thousands, units, and the refusals that
come before any grading (the README's "Numbers as you type them")."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank import load_bank
from quizapp.core.model import NumericUnit
from quizapp.core.scoring import Outcome, Refusal, grade, read_number, refusal

CELSIUS = (NumericUnit("°C"), NumericUnit("C"), NumericUnit("degrees"))
METRES = (NumericUnit("m"), NumericUnit("cm", 100), NumericUnit("km", 0.001))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("42", 42.0),
        (" -3.5 ", -3.5),
        ("+2", 2.0),
        ("1e3", 1000.0),
        ("2.5E-2", 0.025),
        ("3×10^8", 3e8),
        ("3 x 10^8", 3e8),
        (".5", 0.5),
        ("5.", 5.0),
        ("\u22127", -7.0),  # the Unicode minus sign
        ("４２", 42.0),  # full-width digits
        ("1,5", 1.5),  # a decimal comma
        ("3,14", 3.14),
        ("0,125", 0.125),  # nobody groups thousands after a zero
        ("1,0000", 1.0),
        ("1 414", 1414.0),  # thousands by a space...
        ("1\u202f414,5", 1414.5),  # ... a narrow no-break space, then a decimal comma
        ("1\u00a0000\u00a0000", 1e6),
        ("1,414.5", 1414.5),  # with both marks, the last is the decimal mark
        ("1.414,5", 1414.5),
        ("-12,345.5", -12345.5),
        ("1,000,000", 1e6),  # two commas can only be thousands
        ("1.500.000", 1.5e6),
        ("1.500", 1.5),  # a lone point is always the decimal mark
    ],
)
def test_numbers_read_as_meant(text: str, value: float) -> None:
    assert read_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "Type a number first."),
        ("about 27", "'about 27': type just the number, with nothing before it."),
        ("~27", "'~27': type just the number, with nothing before it."),
        ("27 approx", "'27 approx': type just the number."),
        ("27 apples", "'27 apples': type just the number, without 'apples'."),
        ("100 °C", "'100 °C': type just the number, without '°C'."),  # no units declared
        (
            "1,500",
            "'1,500' could mean 1500 (a thousands comma) or 1.5 (a decimal comma): "
            "type 1500 or 1.5.",
        ),
        ("4 2", "'4 2': type one number (thousands go in groups of 3 digits)."),
        ("1,41,000", "'1,41,000': type one number (thousands go in groups of 3 digits)."),
        ("26-28", "'26-28' looks like two numbers: type one."),
        ("27 to 30", "'27 to 30' looks like two numbers: type one."),
        ("1/2", "'1/2' looks like a fraction: type it as a decimal, such as 0.5."),
        ("½", "'½' looks like a fraction: type it as a decimal, such as 0.5."),
        ("abc", "'abc' is not a number: type digits, such as 42 or 3.5."),
        ("inf", "'inf' is not a number quizapp can grade: type digits."),
        ("nan", "'nan' is not a number quizapp can grade: type digits."),
        ("1e999", "'1e999' is too large a number."),
        ("1_000", "'1_000': type one number."),
    ],
)
def test_what_cannot_be_read_is_refused_with_the_reason(text: str, reason: str) -> None:
    assert read_number(text) == Refusal(reason)


@pytest.mark.parametrize("text", ["100 °C", "100°C", "100 C", "100 degrees", "100", "1e2 C"])
def test_units_the_question_declares_are_accepted(text: str) -> None:
    assert read_number(text, CELSIUS) == pytest.approx(100.0)


def test_a_unit_the_question_does_not_declare_is_refused_naming_those_it_does() -> None:
    assert read_number("212 °F", CELSIUS) == Refusal(
        "'212 °F': '°F' is not a unit this question takes; use °C, C, degrees."
    )
    # Units are compared as written, as Moodle does: `°c` is not `°C`.
    assert isinstance(read_number("100 °c", CELSIUS), Refusal)
    assert read_number("100 \u2103", CELSIUS) == 100.0  # ℃ is °C


def test_a_number_in_another_unit_is_divided_by_its_multiplier() -> None:
    assert read_number("1500 m", METRES) == pytest.approx(1500.0)
    assert read_number("150000cm", METRES) == pytest.approx(1500.0)
    assert read_number("1,5 km", METRES) == pytest.approx(1500.0)
    assert read_number("$12.50", (NumericUnit("$"),)) == pytest.approx(12.5)  # a unit in front


def test_a_banks_units_are_loaded_and_grade_the_number_meant() -> None:
    bank = load_bank(Path(__file__).parent.parent / "banks" / "valid-units.yaml").bank
    assert bank is not None
    marathon = bank.question("marathon")
    assert marathon.units[1] == NumericUnit("km", 0.001)
    for typed in ("42 km", "42,2 km", "26.2 miles", "42 000 m", "42000"):
        assert refusal(marathon, typed) is None
        assert grade(marathon, typed).outcome is Outcome.RIGHT
    assert refusal(marathon, "42 kilometres") == (
        "'42 kilometres': 'kilometres' is not a unit this question takes; use m, km, miles."
    )
