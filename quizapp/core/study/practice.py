"""A practice session: a pure state machine that walks a student through a list of questions.

The session decides the order questions come in and how each is presented (shuffled choices,
items and match targets), grades each answer with `quizapp.core.scoring` and sums up the result.
It does no I/O; the only time it knows comes from the injected `clock`, which times each answer.
Every answer is kept as a frozen `AnswerRecord`, so a screen (or a test) only renders its state.

Shuffles come from one `random.Random(seed)`: the same seed, questions and options give the same
session. Questions are presented lazily, in order, so a session over a large bank starts at once.
The exam and flashcard sessions live in `exam` and `flashcards`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.model import Bank, Misconception, Question, Response
from quizapp.core.scoring import Outcome, Unreadable, grade, refusal
from quizapp.core.study.cursor import Cursor
from quizapp.core.study.items import Mode, StudyItem, items_of
from quizapp.core.study.presenting import (
    AnswerRecord,
    Clock,
    MisconceptionTally,
    SessionError,
    check_confidence,
    tally_misconceptions,
)
from quizapp.core.study.report import SessionReport, build_report, results_of

__all__ = ["PracticeSession", "SessionSummary", "studied_bank"]


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """The result of a session so far."""

    answered: int
    total: int
    score: float
    max_score: float
    """One mark per answered question."""
    right: int
    partial: int
    wrong: int
    misconceptions: tuple[MisconceptionTally, ...]
    """Most frequent first; ties in order of first appearance."""

    @property
    def percent(self) -> float:
        """The score as a percentage of `max_score` (0 when nothing was answered)."""
        return 100 * self.score / self.max_score if self.max_score else 0.0


def studied_bank(items: Sequence[StudyItem]) -> Bank:
    """The bank `items` come from; for several banks, one that stands for them all.

    The stand-in is titled "A + B", holds every item's question and every bank's misconceptions
    (the first bank wins a clash of ids); it names what is studied and is never graded against.
    """
    banks = list({id(item.bank): item.bank for item in items}.values())
    if len(banks) == 1:
        return banks[0]
    misconceptions: dict[str, Misconception] = {}
    for bank in reversed(banks):
        misconceptions.update(bank.misconceptions)
    return Bank(
        id="+".join(b.id for b in banks),
        title=" + ".join(b.title for b in banks) or "Nothing to study",
        questions=tuple(item.question for item in items),
        misconceptions=misconceptions,
        tags=tuple(dict.fromkeys(tag for b in banks for tag in b.tags)),
    )


class PracticeSession(Cursor):
    """Questions one at a time: `answer` the current one, then `advance` to the next.

    Responses use original indexes (into `question.choices`, `question.items`,
    `match_rights(question)`), never display positions.
    """

    mode = Mode.PRACTICE

    def __init__(
        self,
        bank: Bank | None = None,
        questions: Sequence[Question] | None = None,
        *,
        items: Sequence[StudyItem] | None = None,
        seed: int | None = None,
        shuffle_questions: bool = False,
        shuffle_choices: bool = True,
        confidence: bool = False,
        clock: Clock = time.monotonic,
        pass_mark: float | None = None,
    ) -> None:
        """A session over `questions` of `bank` (default: all, in bank order), or over `items`.

        `confidence` asks for certainty-based marking (a confidence 1-3 with every answer);
        `pass_mark` (a fraction) gives the report a pass or fail. `clock` times the answers.
        """
        if items is None:
            if bank is None:
                raise TypeError("a practice session needs a bank or items")
            items = items_of(bank, questions)
        elif bank is not None or questions is not None:
            raise TypeError("give a practice session a bank (and questions) or items, not both")
        self._rng = random.Random(seed)  # seed None: seeded from the operating system
        order = list(items)
        if shuffle_questions:
            self._rng.shuffle(order)
        super().__init__(order, self._rng, shuffle_choices)
        self.questions: tuple[Question, ...] = tuple(item.question for item in order)
        self.bank = bank if bank is not None else studied_bank(order)
        self.confidence = confidence
        """When True, every `answer` needs a confidence 1-3 (the UI asks for it)."""
        self.pass_mark = pass_mark
        self._clock = clock
        self._started = self._shown_at = self._ended = clock()
        self._records: list[AnswerRecord] = []
        self._hinted = False
        """Whether the current question's hint has been shown."""

    @property
    def current_record(self) -> AnswerRecord | None:
        """The answer to the current question, once it is given."""
        if self._position < len(self._records):
            return self._records[self._position]
        return None

    @property
    def records(self) -> tuple[AnswerRecord, ...]:
        """Every answer given so far, in order."""
        return tuple(self._records)

    @property
    def hinted(self) -> bool:
        """True once the current question's hint has been shown (it is kept with the answer)."""
        return self._hinted

    def show_hint(self) -> str:
        """The current question's hint, noted as shown: a right answer after it is rated Hard.

        Raises `SessionError` when there is no question, it has no hint or it is answered.
        """
        presented = self.current
        if presented is None or self.current_record is not None:
            raise SessionError("a hint is shown only before the question is answered")
        if not presented.question.hint:
            raise SessionError(f"question {presented.question.id!r} has no hint")
        self._hinted = True
        return presented.question.hint

    def check(self, response: Response) -> None:
        """Raise `scoring.Unreadable` (with the reason, for the student) when `response` cannot be
        graded as meant (a typed number such as `about 27`), before asking anything else."""
        reason = refusal(self.questions[self._position], response) if not self.finished else None
        if reason is not None:
            raise Unreadable(reason)

    def answer(self, response: Response, confidence: int | None = None) -> AnswerRecord:
        """Grade `response` to the current question and record it, timed by the clock.

        `confidence` (1-3) is required when `self.confidence` and refused otherwise. Raises
        `SessionError` when finished, already answered or the confidence does not fit, and
        `scoring.AnswerError` when the response has the wrong shape or cannot be read (`Unreadable`,
        whose reason is for the student); either way nothing is recorded.
        """
        presented = self.current
        if presented is None:
            raise SessionError("the session is finished; there is no question to answer")
        if self.current_record is not None:
            raise SessionError(f"question {presented.question.id!r} is already answered")
        check_confidence(confidence, self.confidence)
        verdict = grade(presented.question, response)
        now = self._clock()
        item = self.items[self._position]
        record = AnswerRecord(
            presented,
            response,
            verdict,
            item,
            confidence,
            now - self._shown_at,
            hinted=self._hinted,
        )
        self._records.append(record)
        self._ended = now
        return record

    def take_back(self) -> AnswerRecord:
        """Undo the answer to the current question: it is unanswered again, to answer anew
        (SessionError when it has no answer yet)."""
        record = self.current_record
        if record is None:
            raise SessionError("there is no answer to take back here")
        self._records.pop()
        self._shown_at = self._clock()
        return record

    def advance(self) -> None:
        """Go on to the next question; the current one must be answered first."""
        if self.finished:
            raise SessionError("the session is finished; there is no next question")
        if self.current_record is None:
            question_id = self.questions[self._position].id
            raise SessionError(f"question {question_id!r} must be answered before moving on")
        self.move_to(self._position + 1)
        self._shown_at = self._clock()
        self._hinted = False

    def misconception(self, misconception_id: str) -> Misconception | None:
        """The misconception with this id: from the current question's bank first, then any."""
        current = self.current_item
        if current is not None and (found := current.misconception(misconception_id)):
            return found
        for item in self.items:
            if found := item.misconception(misconception_id):
                return found
        return None

    @property
    def seconds(self) -> float:
        """Time from the start of the session to its last answer."""
        return self._ended - self._started

    def summary(self) -> SessionSummary:
        """Totals over the answers given so far, with the misconceptions they revealed."""
        outcomes = [record.grade.outcome for record in self._records]
        return SessionSummary(
            answered=len(self._records),
            total=self.total,
            score=sum(record.grade.score for record in self._records),
            max_score=float(len(self._records)),
            right=outcomes.count(Outcome.RIGHT),
            partial=outcomes.count(Outcome.PARTIAL),
            wrong=outcomes.count(Outcome.WRONG),
            misconceptions=tally_misconceptions(
                (i, r.item, r.grade) for i, r in enumerate(self._records)
            ),
        )

    def report(self) -> SessionReport:
        """The results of the answers given so far (a practice session may be left early)."""
        return build_report(
            self.mode,
            results_of(self._records),
            pass_mark=self.pass_mark,
            seconds=self.seconds,
            confidence=self.confidence,
        )
