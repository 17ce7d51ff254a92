"""Flashcards: any question studied as a card, graded by the student (Again, Hard, Good, Easy).

The front of a card is the question as presented; `flip` shows the back (the correct answer, the
explanation and the misconceptions the question's wrong options carry); `grade` records the
student's own verdict and moves on. Again scores 0 (wrong), Hard, Good and Easy score 1, as
`scoring` grades a `flashcard` question. The grades are kept in the records for scheduling.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.model import Misconception, SelfGrade
from quizapp.core.scoring import Grade, outcome_for
from quizapp.core.study.cursor import Cursor
from quizapp.core.study.items import Mode, StudyItem
from quizapp.core.study.presenting import (
    AnswerRecord,
    Clock,
    SessionError,
    correct_answer_text,
)
from quizapp.core.study.report import SessionReport, build_report, results_of

__all__ = ["CardBack", "FlashcardSession", "card_back"]


@dataclass(frozen=True, slots=True)
class CardBack:
    """What the back of a card shows."""

    answer: str
    """The correct answer, written for a person (a flashcard's `back`)."""
    explanation: str
    misconceptions: tuple[Misconception, ...]
    """The misconceptions the question's wrong options carry, in bank order."""


def card_back(item: StudyItem) -> CardBack:
    """The back of the card for `item`: any question type can be a card."""
    question = item.question
    found = (item.misconception(mid) for mid in question.misconception_ids())
    return CardBack(
        answer=correct_answer_text(question),
        explanation=question.explanation,
        misconceptions=tuple(m for m in found if m is not None),
    )


class FlashcardSession(Cursor):
    """Cards one at a time: `flip` the current one, then `grade` it, which moves on."""

    mode = Mode.FLASHCARDS

    def __init__(
        self,
        items: Sequence[StudyItem],
        *,
        seed: int | None = None,
        clock: Clock = time.monotonic,
        pass_mark: float | None = None,
    ) -> None:
        """Cards for `items`, in the given order; `seed` shuffles the choices shown on fronts."""
        super().__init__(items, random.Random(seed))
        self.pass_mark = pass_mark
        self._clock = clock
        self._started = self._shown_at = self._ended = clock()
        self._records: list[AnswerRecord] = []
        self.flipped = False
        """True while the back of the current card is showing."""

    @property
    def records(self) -> tuple[AnswerRecord, ...]:
        """Every graded card so far, in order; each response is the `SelfGrade`."""
        return tuple(self._records)

    def flip(self) -> CardBack:
        """Show the back of the current card (SessionError when finished)."""
        item = self.current_item
        if item is None:
            raise SessionError("the session is finished; there is no card to flip")
        self.flipped = True
        return card_back(item)

    def grade(self, rating: SelfGrade) -> AnswerRecord:
        """Record the student's own grade of the current card and go on to the next.

        Only after `flip` (SessionError before, and when finished).
        """
        presented, item = self.current, self.current_item
        if presented is None or item is None:
            raise SessionError("the session is finished; there is no card to grade")
        if not self.flipped:
            raise SessionError("flip the card before grading it")
        if not isinstance(rating, SelfGrade):
            raise SessionError(f"a card is graded with a SelfGrade, not {rating!r}")
        score = 0.0 if rating is SelfGrade.AGAIN else 1.0
        verdict = Grade(score, outcome_for(score), (), (), card_back(item).answer)
        now = self._clock()
        record = AnswerRecord(presented, rating, verdict, item, None, now - self._shown_at)
        self._records.append(record)
        self.move_to(self._position + 1)
        self.flipped = False
        self._shown_at = self._ended = now
        return record

    @property
    def seconds(self) -> float:
        """Time from the start of the session to its last grade."""
        return self._ended - self._started

    def report(self) -> SessionReport:
        """The results of the cards graded so far."""
        return build_report(
            self.mode, results_of(self._records), pass_mark=self.pass_mark, seconds=self.seconds
        )
