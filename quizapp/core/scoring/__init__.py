"""Grading: every question type scored from 0 to 1, partial credit, and how typed answers and
numbers are read and compared.

`grading` scores a response (`grade`), `verdict` holds what a grade says (`Grade`, `Outcome`,
marks per gap or pair), `shapes` refuses a response of the wrong shape, `matching` compares typed
answers (normalised text, patterns, Moodle's wildcards, ranges) and `numbers` reads a number as a
person types it (decimal commas, thousands, units) or says why it cannot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.scoring.grading import Unreadable, choice_credit, grade, refusal
    from quizapp.core.scoring.matching import normalise
    from quizapp.core.scoring.numbers import Refusal, read_number
    from quizapp.core.scoring.shapes import AnswerError
    from quizapp.core.scoring.verdict import EPSILON, Credit, Grade, Outcome, PartMark, outcome_for

__all__ = [
    "EPSILON",
    "AnswerError",
    "Credit",
    "Grade",
    "Outcome",
    "PartMark",
    "Refusal",
    "Unreadable",
    "choice_credit",
    "grade",
    "normalise",
    "outcome_for",
    "read_number",
    "refusal",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "EPSILON": "verdict",
        "AnswerError": "shapes",
        "Credit": "verdict",
        "Grade": "verdict",
        "Outcome": "verdict",
        "PartMark": "verdict",
        "Refusal": "numbers",
        "Unreadable": "grading",
        "choice_credit": "grading",
        "grade": "grading",
        "normalise": "matching",
        "outcome_for": "verdict",
        "read_number": "numbers",
        "refusal": "grading",
    },
)
