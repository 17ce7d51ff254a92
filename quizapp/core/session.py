"""A practice session: a pure state machine that walks a student through a list of questions.

The session decides the order questions come in and how each is presented (shuffled choices,
items and match targets), grades each answer with `quizapp.core.scoring` and sums up the result.
It does no I/O and reads no clock: everything it knows arrives through its methods, and every
answer is kept as a frozen `AnswerRecord`, so a screen (or a test) only renders its state.

Shuffles come from one `random.Random(seed)`: the same seed, bank and options give the same
session. Questions are presented lazily, in order, so a session over a large bank starts at once.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.model import (
    Bank,
    Misconception,
    Question,
    QuestionType,
    Response,
    match_rights,
)
from quizapp.core.scoring import Grade, Outcome, grade

__all__ = [
    "AnswerRecord",
    "MisconceptionTally",
    "PracticeSession",
    "Presented",
    "SessionError",
    "SessionSummary",
    "present",
]


class SessionError(RuntimeError):
    """A session method was called in a state where it makes no sense (e.g. answering twice)."""


@dataclass(frozen=True, slots=True)
class Presented:
    """One question as shown to the student. Orders hold original indexes, in display order."""

    question: Question
    choice_order: tuple[int, ...]
    """Display order of `question.choices`; pinned choices keep their place."""
    item_order: tuple[int, ...]
    """order: display order of `question.items` (never the correct order when avoidable)."""
    right_order: tuple[int, ...]
    """match: display order of `match_rights(question)`."""


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answered question: what was shown, what the student gave, and its grade."""

    presented: Presented
    response: Response
    grade: Grade


@dataclass(frozen=True, slots=True)
class MisconceptionTally:
    """A misconception revealed during a session and the questions that revealed it."""

    misconception: Misconception
    question_ids: tuple[str, ...]
    """One entry per answer that revealed it, in the order they were given."""

    @property
    def count(self) -> int:
        """How many answers revealed the misconception."""
        return len(self.question_ids)


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


def _around_pins(question: Question, rng: random.Random) -> tuple[int, ...]:
    pinned = {i for i, choice in enumerate(question.choices) if choice.pinned}
    free = [i for i in range(len(question.choices)) if i not in pinned]
    rng.shuffle(free)
    placed = iter(free)
    return tuple(i if i in pinned else next(placed) for i in range(len(question.choices)))


def _shuffled_unlike(
    values: Sequence[str], answer: Sequence[str], rng: random.Random
) -> tuple[int, ...]:
    """A shuffled order of `values` whose first texts differ from `answer`, when that is possible.

    Showing order items in their correct order, or match targets lined up with their left items,
    would give the answer away; the reshuffle stays deterministic for a seeded `rng`.
    """
    order = list(range(len(values)))
    rng.shuffle(order)
    if len(set(values)) > 1 and answer:
        while tuple(values[i] for i in order[: len(answer)]) == tuple(answer):
            rng.shuffle(order)
    return tuple(order)


def present(question: Question, rng: random.Random, shuffle_choices: bool = True) -> Presented:
    """How `question` is shown, drawing any shuffles from `rng`.

    Choices shuffle (around pinned ones) only when `shuffle_choices` and `question.shuffle`.
    Order items and match targets are always shuffled: their written order is the answer.
    """
    choice_order = tuple(range(len(question.choices)))
    if shuffle_choices and question.shuffle and question.type.has_choices:
        choice_order = _around_pins(question, rng)
    item_order: tuple[int, ...] = ()
    right_order: tuple[int, ...] = ()
    if question.type is QuestionType.ORDER:
        item_order = _shuffled_unlike(question.items, question.items, rng)
    elif question.type is QuestionType.MATCH:
        right_order = _shuffled_unlike(
            match_rights(question), [p.right for p in question.pairs], rng
        )
    return Presented(question, choice_order, item_order, right_order)


class PracticeSession:
    """Questions one at a time: `answer` the current one, then `advance` to the next.

    Responses use original indexes (into `question.choices`, `question.items`,
    `match_rights(question)`), never display positions.
    """

    def __init__(
        self,
        bank: Bank,
        questions: Sequence[Question] | None = None,
        *,
        seed: int | None = None,
        shuffle_questions: bool = False,
        shuffle_choices: bool = True,
    ) -> None:
        """A session over `questions` (default: every question of `bank`, in bank order)."""
        self.bank = bank
        self._rng = random.Random(seed)  # seed None: seeded from the operating system
        order = list(bank.questions if questions is None else questions)
        if shuffle_questions:
            self._rng.shuffle(order)
        self.questions: tuple[Question, ...] = tuple(order)
        self._shuffle_choices = shuffle_choices
        self._position = 0
        self._presented: list[Presented] = []
        self._records: list[AnswerRecord] = []

    @property
    def total(self) -> int:
        """How many questions the session holds."""
        return len(self.questions)

    @property
    def position(self) -> int:
        """0-based index of the current question (`total` once finished)."""
        return self._position

    @property
    def finished(self) -> bool:
        """True once the student has advanced past the last question (at once when empty)."""
        return self._position >= len(self.questions)

    @property
    def current(self) -> Presented | None:
        """The question being asked, or None when the session is finished."""
        if self.finished:
            return None
        # Presented lazily and strictly in order, so the seeded shuffles never depend on timing.
        while len(self._presented) <= self._position:
            question = self.questions[len(self._presented)]
            self._presented.append(present(question, self._rng, self._shuffle_choices))
        return self._presented[self._position]

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

    def answer(self, response: Response) -> AnswerRecord:
        """Grade `response` to the current question and record it.

        Raises `SessionError` when finished or already answered, and `scoring.AnswerError` (nothing
        recorded) when the response has the wrong shape for the question.
        """
        presented = self.current
        if presented is None:
            raise SessionError("the session is finished; there is no question to answer")
        if self.current_record is not None:
            raise SessionError(f"question {presented.question.id!r} is already answered")
        record = AnswerRecord(presented, response, grade(presented.question, response))
        self._records.append(record)
        return record

    def advance(self) -> None:
        """Go on to the next question; the current one must be answered first."""
        if self.finished:
            raise SessionError("the session is finished; there is no next question")
        if self.current_record is None:
            question_id = self.questions[self._position].id
            raise SessionError(f"question {question_id!r} must be answered before moving on")
        self._position += 1

    def misconception(self, misconception_id: str) -> Misconception | None:
        """The bank's misconception with this id, if it defines one."""
        return self.bank.misconception(misconception_id)

    def summary(self) -> SessionSummary:
        """Totals over the answers given so far, with the misconceptions they revealed."""
        outcomes = [record.grade.outcome for record in self._records]
        revealed: dict[str, list[str]] = {}
        for record in self._records:
            for misconception_id in record.grade.misconceptions:
                if self.bank.misconception(misconception_id) is not None:
                    revealed.setdefault(misconception_id, []).append(record.presented.question.id)
        # sorted() is stable, so equal counts stay in order of first appearance.
        ranked = sorted(revealed.items(), key=lambda item: -len(item[1]))
        tallies = tuple(
            MisconceptionTally(self.bank.misconceptions[mid], tuple(ids)) for mid, ids in ranked
        )
        return SessionSummary(
            answered=len(self._records),
            total=self.total,
            score=sum(record.grade.score for record in self._records),
            max_score=float(len(self._records)),
            right=outcomes.count(Outcome.RIGHT),
            partial=outcomes.count(Outcome.PARTIAL),
            wrong=outcomes.count(Outcome.WRONG),
            misconceptions=tallies,
        )
