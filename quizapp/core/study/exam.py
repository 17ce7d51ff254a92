"""A mock exam: every question up front, answers that can change until the exam is submitted.

Exam conditions: no grading is revealed until `submit`; the student moves freely between
questions (`go_to`, `next`, `previous`), changes or clears answers, and flags questions for review.
With a time limit the exam submits itself once the clock reaches it: the screen calls `tick`
periodically, and any other call made after the limit submits first and then refuses the change.
Unanswered questions are graded wrong (score 0; CBM mark 0).

Time comes only from the injected `clock`, so tests drive the countdown with a fake one.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from quizapp.core.model import Response
from quizapp.core.scoring import grade
from quizapp.core.study.cursor import Cursor
from quizapp.core.study.exam_state import ExamStanding
from quizapp.core.study.items import Mode, StudyError, StudyItem
from quizapp.core.study.presenting import (
    Clock,
    Presented,
    SessionError,
    check_confidence,
    unanswered_grade,
)
from quizapp.core.study.report import QuestionResult, SessionReport, build_report

__all__ = ["ExamSession"]


class ExamSession(Cursor):
    """A timed (or untimed) mock exam over `items`, graded only when submitted.

    Responses use original indexes, as in `PracticeSession`. Indexes name questions by their
    0-based position in the exam; methods taking `index=None` mean the current question.
    """

    mode = Mode.EXAM

    def __init__(
        self,
        items: Sequence[StudyItem],
        *,
        time_limit_minutes: float | None,
        pass_mark: float,
        seed: int | None = None,
        shuffle_choices: bool = True,
        confidence: bool = False,
        clock: Clock = time.monotonic,
    ) -> None:
        """An exam over `items` in the given order; the clock starts now.

        `time_limit_minutes` None (or 0) is untimed; `pass_mark` is a fraction of full marks.
        """
        if not items:
            raise StudyError("an exam needs at least one question")
        super().__init__(items, random.Random(seed), shuffle_choices)
        self.time_limit: float | None = time_limit_minutes * 60 if time_limit_minutes else None
        """Seconds, or None when untimed."""
        self.pass_mark = pass_mark
        self.confidence = confidence
        """When True, every `set_answer` needs a confidence 1-3."""
        self._clock = clock
        self._started = self._entered = clock()
        self._seconds = [0.0] * len(self.items)
        self._responses: list[Response | None] = [None] * len(self.items)
        self._confidences: list[int | None] = [None] * len(self.items)
        self._flags = [False] * len(self.items)
        self._report: SessionReport | None = None
        self.expired = False
        """True when the exam was submitted because its time ran out."""

    # --- where we are ----------------------------------------------------------------------

    @property
    def current(self) -> Presented:
        """The current question as shown (an exam's position never runs past its last question)."""
        return self.presented(self._position)

    @property
    def current_item(self) -> StudyItem:
        """The current question with its bank."""
        return self.items[self._position]

    def presented(self, index: int) -> Presented:
        """Question `index` as shown."""
        return super().presented(self._index(index))

    @property
    def submitted(self) -> bool:
        """True once the exam is graded (by `submit` or when time ran out)."""
        return self._report is not None

    def _index(self, index: int | None) -> int:
        if index is None:
            return self._position
        if not 0 <= index < len(self.items):
            raise SessionError(f"question {index} is out of range; the exam has {self.total}")
        return index

    # --- moving -----------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        """Make question `index` current (SessionError when out of range). Allowed after submit."""
        self._index(index)
        self.tick()  # moving after the time limit still submits at the limit
        now = self._clock()
        if not self.submitted:
            self._seconds[self._position] += now - self._entered
        self._entered = now
        self.move_to(index)

    def next(self) -> None:
        """Go to the next question; on the last one, stay there."""
        self.go_to(min(self._position + 1, self.total - 1))

    def previous(self) -> None:
        """Go to the previous question; on the first one, stay there."""
        self.go_to(max(self._position - 1, 0))

    # --- answering --------------------------------------------------------------------------

    def _check_open(self) -> None:
        """Refuse changes once submitted; submit first when the time is up."""
        self.tick()
        if self.expired:
            raise SessionError("time is up: the exam has been submitted")
        if self.submitted:
            raise SessionError("the exam has been submitted")

    def set_answer(self, response: Response, confidence: int | None = None) -> None:
        """Store `response` (and its confidence) for the current question, replacing any before.

        Nothing is graded yet. Raises `scoring.AnswerError` when the response has the wrong
        shape, and `SessionError` when the confidence does not fit or the exam is over.
        """
        self._check_open()
        check_confidence(confidence, self.confidence)
        grade(self.current.question, response)  # only to refuse a badly shaped response now
        self._responses[self._position] = response
        self._confidences[self._position] = confidence

    def clear_answer(self) -> None:
        """Leave the current question unanswered again."""
        self._check_open()
        self._responses[self._position] = None
        self._confidences[self._position] = None

    def response(self, index: int | None = None) -> Response | None:
        """The stored answer to question `index` (default: the current one), if any."""
        return self._responses[self._index(index)]

    def confidence_of(self, index: int | None = None) -> int | None:
        """The confidence stored with the answer to question `index`, if any."""
        return self._confidences[self._index(index)]

    def toggle_flag(self, index: int | None = None) -> bool:
        """Flag question `index` for review, or unflag it; returns whether it is now flagged."""
        self._check_open()
        index = self._index(index)
        self._flags[index] = not self._flags[index]
        return self._flags[index]

    def is_flagged(self, index: int) -> bool:
        """Whether question `index` is flagged for review."""
        return self._flags[self._index(index)]

    def unanswered(self) -> tuple[int, ...]:
        """Indexes of the questions without an answer."""
        return tuple(i for i, r in enumerate(self._responses) if r is None)

    def flagged(self) -> tuple[int, ...]:
        """Indexes of the questions flagged for review."""
        return tuple(i for i, flag in enumerate(self._flags) if flag)

    # --- time -------------------------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds since the exam started (frozen once submitted; at most the time limit)."""
        if self._report is not None:
            return self._report.seconds
        spent = self._clock() - self._started
        return spent if self.time_limit is None else min(spent, self.time_limit)

    def remaining(self) -> float | None:
        """Seconds left (never negative), or None when the exam is untimed."""
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - self.elapsed())

    def tick(self) -> bool:
        """Submit the exam if its time is up; True when this call submitted it."""
        if self.submitted or self.remaining() != 0.0:
            return False
        self._finish(expired=True)
        return True

    # --- a draft -----------------------------------------------------------------------------

    def standing(self) -> ExamStanding:
        """Where the exam stands now, to keep as a draft (SessionError once submitted)."""
        if self.submitted:
            raise SessionError("the exam has been submitted")
        seconds = list(self._seconds)
        seconds[self._position] += self._clock() - self._entered
        return ExamStanding(
            presented=tuple(self.presented(i) for i in range(self.total)),
            responses=tuple(self._responses),
            confidences=tuple(self._confidences),
            flags=tuple(self._flags),
            seconds=tuple(seconds),
            position=self._position,
            elapsed=self.elapsed(),
            time_limit=self.time_limit,
            pass_mark=self.pass_mark,
            confidence=self.confidence,
        )

    @classmethod
    def resume(
        cls, items: Sequence[StudyItem], standing: ExamStanding, clock: Clock = time.monotonic
    ) -> ExamSession:
        """The exam of `items` (in order) as `standing` left it, its clock going on from there.

        `standing` holds one entry per item; time spent while it was not running is not counted.
        """
        limit = None if standing.time_limit is None else standing.time_limit / 60
        session = cls(
            items,
            time_limit_minutes=limit,
            pass_mark=standing.pass_mark,
            confidence=standing.confidence,
            clock=clock,
        )
        session._presented = list(standing.presented)
        session._responses = list(standing.responses)
        session._confidences = list(standing.confidences)
        session._flags = list(standing.flags)
        session._seconds = list(standing.seconds)
        session._started -= standing.elapsed
        session.move_to(standing.position)
        return session

    # --- the end ----------------------------------------------------------------------------

    def submit(self) -> SessionReport:
        """Grade every answer (unanswered ones as wrong) and return the report.

        Raises `SessionError` when already submitted, also when time ran out first.
        """
        self.tick()
        if self.submitted:
            raise SessionError("the exam has already been submitted")
        return self._finish(expired=False)

    def report(self) -> SessionReport:
        """The results, once submitted (SessionError before)."""
        if self._report is None:
            raise SessionError("the exam has not been submitted yet")
        return self._report

    def _finish(self, *, expired: bool) -> SessionReport:
        now = self._clock()
        spent = now - self._started
        seconds = spent if self.time_limit is None else min(spent, self.time_limit)
        # Time on the current question ends with the exam, however late the last tick came.
        overrun = spent - seconds
        self._seconds[self._position] += max(0.0, now - self._entered - overrun)
        results = []
        for i, item in enumerate(self.items):
            presented = self.presented(i)
            response = self._responses[i]
            verdict = (
                unanswered_grade(item.question)
                if response is None
                else grade(item.question, response)
            )
            results.append(
                QuestionResult(
                    i,
                    item,
                    presented,
                    response,
                    verdict,
                    self._confidences[i],
                    self._seconds[i],
                    self._flags[i],
                )
            )
        self.expired = expired
        self._report = build_report(
            self.mode,
            results,
            pass_mark=self.pass_mark,
            seconds=seconds,
            confidence=self.confidence,
            expired=expired,
        )
        return self._report
