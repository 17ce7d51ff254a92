"""Certainty-based marking (CBM), as in Moodle: the student says how sure they are of each answer.

A right answer earns 1, 2 or 3 marks at confidence 1 (low), 2 (mid) or 3 (high); a wrong one costs
0, 2 or 6. Being sure pays only when the answer is right more than about 80% of the time, so the
marks reward knowing what one knows. A partly right answer earns the mark on the straight line
between the two: score 0.5 at confidence 3 gives -6 + 0.5 * (3 - -6) = -1.5.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from quizapp.core.scoring import Grade, Outcome, outcome_for

__all__ = [
    "CBM_MARKS",
    "CONFIDENCE_LABELS",
    "CalibrationRow",
    "CbmSummary",
    "Rated",
    "cbm_mark",
    "cbm_summary",
]

#: Confidence level -> (mark when right, mark when wrong): Moodle's certainty-based marking.
CBM_MARKS: dict[int, tuple[float, float]] = {1: (1.0, 0.0), 2: (2.0, -2.0), 3: (3.0, -6.0)}

#: How the levels are put to the student.
CONFIDENCE_LABELS: dict[int, str] = {1: "not sure", 2: "fairly sure", 3: "sure"}


class Rated(Protocol):
    """Anything graded with a confidence: an `AnswerRecord` or a report's `QuestionResult`."""

    @property
    def grade(self) -> Grade:
        """The verdict on the answer."""
        ...

    @property
    def confidence(self) -> int | None:
        """1-3, or None when none was given (an unanswered exam question)."""
        ...


@dataclass(frozen=True, slots=True)
class CalibrationRow:
    """How often the student was right when they gave one confidence level."""

    level: int
    answered: int
    right: int
    """Answers at this level that were fully right."""

    @property
    def accuracy(self) -> float | None:
        """`right / answered`, or None when no answer was given at this level."""
        return self.right / self.answered if self.answered else None


@dataclass(frozen=True, slots=True)
class CbmSummary:
    """The certainty-based marks of a session and how well confidence matched accuracy."""

    total: float
    """Sum of the CBM marks (an unanswered question counts 0)."""
    average: float
    """`total` per question: 1 is all right at low confidence, 3 all right at high."""
    rows: tuple[CalibrationRow, ...]
    """One row per confidence level, 1 to 3."""
    confidently_wrong: tuple[int, ...]
    """Indexes (into the results summed up) of wrong answers given at confidence 3."""


def cbm_mark(score: float, confidence: int) -> float:
    """The CBM mark of an answer scoring `score` (0..1) at `confidence` (1-3).

    Right (score 1) earns the level's right mark, wrong (0) its wrong mark, and a partly right
    answer the mark in linear proportion between them. Raises `ValueError` for another level.
    """
    if isinstance(confidence, bool) or confidence not in CBM_MARKS:
        raise ValueError(f"confidence is 1, 2 or 3, not {confidence!r}")
    right, wrong = CBM_MARKS[confidence]
    # Snap float drift so a right answer earns exactly the right mark.
    match outcome_for(score):
        case Outcome.RIGHT:
            return right
        case Outcome.WRONG:
            return wrong
        case Outcome.PARTIAL:
            return wrong + score * (right - wrong)


def cbm_summary(results: Sequence[Rated]) -> CbmSummary:
    """The CBM total, average, calibration table and confidently wrong answers of `results`."""
    marks = [
        0.0 if r.confidence is None else cbm_mark(r.grade.score, r.confidence) for r in results
    ]
    rows = tuple(
        CalibrationRow(
            level,
            answered=sum(1 for r in results if r.confidence == level),
            right=sum(
                1 for r in results if r.confidence == level and r.grade.outcome is Outcome.RIGHT
            ),
        )
        for level in sorted(CBM_MARKS)
    )
    confidently_wrong = tuple(
        i
        for i, r in enumerate(results)
        if r.confidence == max(CBM_MARKS) and r.grade.outcome is Outcome.WRONG
    )
    total = sum(marks)
    return CbmSummary(
        total=total,
        average=total / len(results) if results else 0.0,
        rows=rows,
        confidently_wrong=confidently_wrong,
    )
