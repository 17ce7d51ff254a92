"""The grades Moodle's question editor offers, which its importers hold every answer to.

With the import form's default ("Error if grade not listed"), Moodle refuses a question whose
answer carries any other grade (`question_bank::fraction_options_full`, matched within 0.00001
of a fraction); quizapp's Moodle XML import does the same, and its exporters warn about them.
"""

from __future__ import annotations

#: The positive grades, as fractions of full marks (their negatives are offered too).
MOODLE_GRADES = (
    *(1.0, 0.9, 5 / 6, 0.8, 0.75, 0.7, 2 / 3, 0.6, 0.5, 0.4, 1 / 3, 0.3, 0.25, 0.2, 1 / 6),
    *(1 / 7, 0.125, 1 / 9, 0.1, 0.05, 0.0),
)
#: How close a fraction must be to a grade to be it (Moodle's `match_grade_options`).
SLACK = 0.00001


def moodle_grade(fraction: float) -> float | None:
    """The grade Moodle takes `fraction` for (exactly, 1/3 for 0.3333333), or None if none."""
    for grade in MOODLE_GRADES:
        for signed in (grade, -grade):
            if abs(fraction - signed) < SLACK:
                return signed
    return None
