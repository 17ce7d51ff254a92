"""The verdict on an answer: its score, outcome, the misconceptions it revealed, the mark of
each of its parts, and what a choice earns. Plain data, made by `quizapp.core.scoring` (which
re-exports every name here) and read by the sessions, the store and the screens."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["EPSILON", "Credit", "Grade", "Outcome", "PartMark", "outcome_for"]

#: Scores this close to 0 or 1 count as exactly wrong or right (float sums of weights drift).
EPSILON = 1e-9


class Outcome(StrEnum):
    """Whether an answer earned full, some or no credit."""

    RIGHT = "right"
    PARTIAL = "partial"
    WRONG = "wrong"


class Credit(StrEnum):
    """What picking a choice earns: all of its question's marks, part of them, or nothing."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class PartMark:
    """One gap of a cloze answer, or one pair of a match answer, marked on its own."""

    label: str
    """`[1]` for the first gap; the left item of a pair."""
    given: str
    """What the student typed or chose ("" for nothing)."""
    score: float
    """0..1."""
    accepted: tuple[str, ...]
    """What earns the marks here, written for a person (a gap's accepted answers)."""
    feedback: str = ""
    """The feedback that goes with this part (a pair's only when it was wrong)."""

    @property
    def outcome(self) -> Outcome:
        """Right, partly right or wrong."""
        return outcome_for(self.score)


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one answer."""

    score: float
    """0..1."""
    outcome: Outcome
    misconceptions: tuple[str, ...]
    """Ids of the misconceptions this answer reveals, in order, once each."""
    feedback: tuple[str, ...]
    """Feedback texts of what was picked or typed (empty texts left out)."""
    correct_answer: str
    """The correct answer, written for a person to read."""
    parts: tuple[PartMark, ...] = ()
    """cloze and match: the mark of each gap or pair, in order."""


def outcome_for(score: float) -> Outcome:
    """RIGHT at (about) 1, WRONG at (about) 0, PARTIAL in between."""
    if score >= 1 - EPSILON:
        return Outcome.RIGHT
    if score <= EPSILON:
        return Outcome.WRONG
    return Outcome.PARTIAL
