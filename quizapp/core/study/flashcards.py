"""Flashcards: any question studied as a card, graded by the student (Again, Hard, Good, Easy).

The front of a card is the question as presented; a choice question hides its choices at first
(`choices_hidden`: recall first, recognising is not recalling) until `show_choices`. `flip`
shows the back (the correct answer, the explanation and the misconceptions the question's wrong
options carry) and asks the `Planner` what each grade would do to the card (`outlook`); `grade`
records the student's own verdict and moves on. A grade that leaves the card due again today
(Again, or a card still in its learning steps) brings it back later in the session, as Anki
does (`quizapp.core.study.queue`); the session ends when no card is left for today.

`set_aside` takes the current card out of the session (suspended or buried, in the store);
`undo` takes back the last grade or set-aside, putting the session back as it was.

Again scores 0 (wrong), Hard, Good and Easy score 1, as `scoring` grades a `flashcard` question.
Every grade is a record (and is saved); the report counts each card once, with the grade it got
the first time it came up.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from quizapp.core.model import Misconception, QuestionType, SelfGrade
from quizapp.core.scoring import Grade, outcome_for
from quizapp.core.study.cursor import Cursor
from quizapp.core.study.items import Mode, StudyItem
from quizapp.core.study.presenting import (
    AnswerRecord,
    Clock,
    SessionError,
    correct_answer_text,
)
from quizapp.core.study.queue import CardQueue, Outlook, QueueState
from quizapp.core.study.report import SessionReport, build_report, results_of

__all__ = ["CardBack", "FlashcardSession", "Planner", "Undone", "card_back", "hides_choices"]


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


def hides_choices(question_type: QuestionType) -> bool:
    """True when a card of this type starts with its choices hidden: picking from a list is
    recognition, so the front asks for recall first. True/false has nothing to hide."""
    return question_type.has_choices and question_type is not QuestionType.TRUE_FALSE


class Planner(Protocol):
    """Tells a session what each grade would do to a card (the progress store's schedule)."""

    def outlook(self, item: StudyItem) -> Outlook:
        """The waits after each grade of `item`, from now."""
        ...


@dataclass(frozen=True, slots=True)
class Undone:
    """What `undo` took back."""

    item: StudyItem
    record: AnswerRecord | None
    """The grade taken back; None when it was the card being set aside."""


@dataclass(frozen=True, slots=True)
class _Step:
    """How the session stood before one grade or set-aside, to go back to."""

    queue: QueueState
    index: int
    shown: int
    record: AnswerRecord | None


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
        planner: Planner | None = None,
    ) -> None:
        """Cards for `items`, in the given order; `seed` shuffles the choices shown on fronts.

        `planner` says when each grade brings a card back (None: only Again does, once the
        other cards have been shown).
        """
        super().__init__(items, random.Random(seed))
        self.pass_mark = pass_mark
        self.planner = planner
        self._clock = clock
        self._started = self._shown_at = self._ended = clock()
        self._records: list[AnswerRecord] = []
        self._queue = CardQueue(len(self.items))
        self._shown: list[int] = []
        self._steps: list[_Step] = []
        self.flipped = False
        """True while the back of the current card is showing."""
        self.choices_shown = False
        """True once the student asked to see the current card's choices."""
        self.outlook: Outlook | None = None
        """What each grade would do to the current card, once it is turned."""
        self._take(self._started)

    def _take(self, now: float) -> None:
        """Make the next card of the queue current (or finish)."""
        index = self._queue.next(now)
        self.move_to(self.total if index is None else index)
        if index is not None:
            self._shown.append(index)
        self.flipped = self.choices_shown = False
        self.outlook = None
        self._shown_at = now

    @property
    def records(self) -> tuple[AnswerRecord, ...]:
        """Every grade so far, in order (a card that came back, once per grade); each response
        is the `SelfGrade`."""
        return tuple(self._records)

    @property
    def seen(self) -> int:
        """How many different cards have been shown, the current one included."""
        return len(set(self._shown))

    @property
    def number(self) -> int:
        """The current card's number, 1 for the first card shown (a card that comes back keeps
        its number); 0 once finished."""
        if self.finished:
            return 0
        return list(dict.fromkeys(self._shown)).index(self._position) + 1

    @property
    def returning(self) -> bool:
        """True when the current card was shown before in this session (it came back)."""
        return not self.finished and self._shown.count(self._position) > 1

    @property
    def coming_back(self) -> int:
        """How many cards will come back later in the session."""
        return self._queue.returning

    @property
    def graded_cards(self) -> int:
        """How many different cards have been graded."""
        return len({record.item.key for record in self._records})

    @property
    def choices_hidden(self) -> bool:
        """True while the front hides the current card's choices (recall first)."""
        item = self.current_item
        if item is None or self.flipped or self.choices_shown:
            return False
        return hides_choices(item.question.type)

    def show_choices(self) -> None:
        """Show the current card's choices on its front."""
        self.choices_shown = True

    def flip(self) -> CardBack:
        """Show the back of the current card (SessionError when finished)."""
        item = self.current_item
        if item is None:
            raise SessionError("the session is finished; there is no card to flip")
        self.flipped = True
        if self.planner is not None:
            self.outlook = self.planner.outlook(item)
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
        self._steps.append(_Step(self._queue.state(), self._position, len(self._shown), record))
        self._records.append(record)
        if self.outlook is not None:
            if self.outlook.comes_back(rating):
                self._queue.again(self._position, now + self.outlook.waits[rating].total_seconds())
        elif rating is SelfGrade.AGAIN:
            self._queue.again(self._position, math.inf)  # after every other card
        self._ended = now
        self._take(now)
        return record

    def set_aside(self) -> StudyItem:
        """Take the current card out of the session, ungraded (suspended or buried); the next."""
        item = self.current_item
        if item is None:
            raise SessionError("the session is finished; there is no card to set aside")
        self._steps.append(_Step(self._queue.state(), self._position, len(self._shown), None))
        self._take(self._clock())
        return item

    @property
    def can_undo(self) -> bool:
        """True when there is a grade or a set-aside to take back."""
        return bool(self._steps)

    def undo(self) -> Undone:
        """Take back the last grade or set-aside: that card is current again, front up, and the
        queue is as it was (SessionError when there is nothing to undo)."""
        if not self._steps:
            raise SessionError("there is nothing to undo")
        step = self._steps.pop()
        self._queue.go_back(step.queue)
        del self._shown[step.shown :]
        if step.record is not None:
            self._records.pop()
        self.move_to(step.index)
        self.flipped = self.choices_shown = False
        self.outlook = None
        self._shown_at = self._clock()
        return Undone(self.items[step.index], step.record)

    @property
    def seconds(self) -> float:
        """Time from the start of the session to its last grade."""
        return self._ended - self._started

    def report(self) -> SessionReport:
        """The results of the cards graded so far: each card once, with its first grade."""
        first: dict[tuple[str, str], AnswerRecord] = {}
        for record in self._records:
            first.setdefault(record.item.key, record)
        return build_report(
            self.mode,
            results_of(list(first.values())),
            pass_mark=self.pass_mark,
            seconds=self.seconds,
        )
