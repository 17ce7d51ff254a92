"""Where a mock exam stands, as plain data: what a draft keeps so an exam closed by accident can
go on (`ExamSession.standing` takes it, `ExamSession.resume` starts from it).

The progress store writes it (`quizapp.core.progress`, its drafts) at every change of the exam; the
clock does not run while the app is closed, so a resumed exam has the time that was left.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.core.model import Response
from quizapp.core.study.presenting import Presented

__all__ = ["ExamStanding"]


@dataclass(frozen=True, slots=True)
class ExamStanding:
    """A mock exam under way: one entry per question, in exam order, and its clock."""

    presented: tuple[Presented, ...]
    """Each question as shown (its choices in the order the student saw them)."""
    responses: tuple[Response | None, ...]
    confidences: tuple[int | None, ...]
    flags: tuple[bool, ...]
    seconds: tuple[float, ...]
    """Time spent on each question so far (the current one's included)."""
    position: int
    elapsed: float
    """Seconds of the exam used so far."""
    time_limit: float | None
    """Seconds, or None when untimed."""
    pass_mark: float
    confidence: bool
