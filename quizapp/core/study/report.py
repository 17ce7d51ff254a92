"""The results of a finished session of any mode: score, pass or fail, topics, misconceptions.

A `SessionReport` is frozen data built by the session (`report()`), so a results screen, a review
screen and "Retry mistakes" all read the same numbers. Every question the session graded appears
in `results`, in session order, with what was shown, what the student gave and the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.cbm import CbmSummary, cbm_mark, cbm_summary
from quizapp.core.model import Response
from quizapp.core.scoring import EPSILON, Grade, Outcome
from quizapp.core.study.items import Mode, StudyItem
from quizapp.core.study.presenting import (
    AnswerRecord,
    MisconceptionTally,
    Presented,
    tally_misconceptions,
)

__all__ = ["QuestionResult", "SessionReport", "TopicScore", "build_report", "results_of"]


@dataclass(frozen=True, slots=True)
class TopicScore:
    """The marks earned on the questions of one topic."""

    topic: str
    score: float
    max_score: float
    count: int
    """How many questions of the topic were graded."""

    @property
    def percent(self) -> float:
        """The score as a percentage of `max_score` (0 when empty)."""
        return 100 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """One graded question of a session, for the results and the review."""

    index: int
    """Position in the session (and in `SessionReport.results`)."""
    item: StudyItem
    presented: Presented
    response: Response | None
    """What the student gave; None when an exam question was left unanswered."""
    grade: Grade
    confidence: int | None
    seconds: float
    flagged: bool
    """Flagged for review in an exam."""
    hinted: bool = False
    """The hint was shown before the question was answered (practice)."""

    @property
    def answered(self) -> bool:
        """False for an exam question left unanswered."""
        return self.response is not None

    @property
    def outcome(self) -> Outcome:
        """Right, partly right or wrong."""
        return self.grade.outcome

    @property
    def cbm_mark(self) -> float | None:
        """The certainty-based mark, when a confidence was given."""
        return None if self.confidence is None else cbm_mark(self.grade.score, self.confidence)


@dataclass(frozen=True, slots=True)
class SessionReport:
    """Everything the results screen shows about a finished (or abandoned) session."""

    mode: Mode
    results: tuple[QuestionResult, ...]
    score: float
    max_score: float
    """One mark per graded question."""
    pass_mark: float | None
    """Fraction of `max_score` needed to pass; None when the session has no pass mark."""
    seconds: float
    """Time taken, by the session's clock."""
    topics: tuple[TopicScore, ...]
    """In order of first appearance; questions without a topic under "General"."""
    misconceptions: tuple[MisconceptionTally, ...]
    """Most frequent first; ties in order of first appearance."""
    cbm: CbmSummary | None
    """Certainty-based marks, when the session asked for confidence."""
    expired: bool = False
    """The exam was submitted because its time ran out."""

    @property
    def percent(self) -> float:
        """The score as a percentage of `max_score` (0 when nothing was graded)."""
        return 100 * self.score / self.max_score if self.max_score else 0.0

    @property
    def passed(self) -> bool | None:
        """Whether the score reaches the pass mark; None when there is no pass mark."""
        if self.pass_mark is None:
            return None
        return self.percent / 100 >= self.pass_mark - EPSILON

    @property
    def right(self) -> int:
        """How many answers earned full marks."""
        return self._count(Outcome.RIGHT)

    @property
    def partial(self) -> int:
        """How many answers earned some but not full marks."""
        return self._count(Outcome.PARTIAL)

    @property
    def wrong(self) -> int:
        """How many answers earned nothing (unanswered exam questions included)."""
        return self._count(Outcome.WRONG)

    @property
    def unanswered(self) -> int:
        """How many exam questions were left unanswered."""
        return sum(1 for r in self.results if not r.answered)

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.grade.outcome is outcome)

    def mistakes(self) -> tuple[StudyItem, ...]:
        """The wrong and partly right questions, in session order: what "Retry mistakes" studies."""
        return tuple(r.item for r in self.results if r.grade.outcome is not Outcome.RIGHT)


def _topics(results: Sequence[QuestionResult]) -> tuple[TopicScore, ...]:
    sums: dict[str, list[float]] = {}
    for result in results:
        entry = sums.setdefault(result.item.topic, [0.0, 0.0])
        entry[0] += result.grade.score
        entry[1] += 1
    return tuple(TopicScore(topic, s, n, int(n)) for topic, (s, n) in sums.items())


def results_of(records: Sequence[AnswerRecord]) -> tuple[QuestionResult, ...]:
    """The results of a session that records answers one by one (practice, flashcards)."""
    return tuple(
        QuestionResult(
            index=i,
            item=r.item,
            presented=r.presented,
            response=r.response,
            grade=r.grade,
            confidence=r.confidence,
            seconds=r.seconds,
            flagged=False,
            hinted=r.hinted,
        )
        for i, r in enumerate(records)
    )


def build_report(
    mode: Mode,
    results: Sequence[QuestionResult],
    *,
    pass_mark: float | None,
    seconds: float,
    confidence: bool = False,
    expired: bool = False,
) -> SessionReport:
    """Sum up `results` (indexed 0, 1, ... in session order) into a `SessionReport`."""
    return SessionReport(
        mode=mode,
        results=tuple(results),
        score=sum(r.grade.score for r in results),
        max_score=float(len(results)),
        pass_mark=pass_mark,
        seconds=seconds,
        topics=_topics(results),
        misconceptions=tally_misconceptions((r.index, r.item, r.grade) for r in results),
        cbm=cbm_summary(results) if confidence else None,
        expired=expired,
    )
