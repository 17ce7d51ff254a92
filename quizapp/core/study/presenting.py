"""What every session type shares: how a question is presented, the record of an answer, the
tally of misconceptions, and the clock that times them.

Kept apart from the sessions so that practice, exam and flashcard sessions and the report can use
it without importing one another. `quizapp.core.study.practice` re-exports the public names.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from quizapp.core.model import (
    Misconception,
    Question,
    QuestionType,
    Response,
    SelfGrade,
    match_rights,
)
from quizapp.core.scoring import Grade, Outcome, grade
from quizapp.core.study.items import StudyItem

__all__ = [
    "AnswerRecord",
    "Clock",
    "MisconceptionTally",
    "Presented",
    "SessionError",
    "check_confidence",
    "correct_answer_text",
    "present",
    "tally_misconceptions",
    "unanswered_grade",
]

#: A source of seconds (`time.monotonic` in the app, a fake in tests).
Clock = Callable[[], float]


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
    item: StudyItem
    """The question with its bank."""
    confidence: int | None = None
    """1 (low) to 3 (high) when certainty-based marking is on."""
    seconds: float = 0.0
    """Time spent on the question, by the session's clock."""
    hinted: bool = False
    """The student asked for the question's hint before answering."""


@dataclass(frozen=True, slots=True)
class MisconceptionTally:
    """A misconception revealed during a session and the questions that revealed it."""

    misconception: Misconception
    question_ids: tuple[str, ...]
    """One entry per answer that revealed it, in the order they were given."""
    bank_id: str = ""
    """The bank that defines the misconception (ids are only unique within a bank)."""
    indexes: tuple[int, ...] = ()
    """Positions in the session (and in a report's `results`) of those answers."""

    @property
    def count(self) -> int:
        """How many answers revealed the misconception."""
        return len(self.question_ids)


def tally_misconceptions(
    graded: Iterable[tuple[int, StudyItem, Grade]],
) -> tuple[MisconceptionTally, ...]:
    """The misconceptions revealed by `graded` (position, item, grade), most frequent first.

    Ties keep their order of first appearance. Ids the item's bank does not define are skipped.
    """
    found: dict[tuple[str, str], tuple[Misconception, list[str], list[int]]] = {}
    for index, item, verdict in graded:
        for misconception_id in verdict.misconceptions:
            misconception = item.bank.misconception(misconception_id)
            if misconception is None:
                continue
            entry = found.setdefault((item.bank.id, misconception_id), (misconception, [], []))
            entry[1].append(item.question.id)
            entry[2].append(index)
    # sorted() is stable, so equal counts stay in order of first appearance.
    ranked = sorted(found.items(), key=lambda pair: -len(pair[1][1]))
    return tuple(
        MisconceptionTally(misconception, tuple(ids), bank_id, tuple(indexes))
        for (bank_id, _), (misconception, ids, indexes) in ranked
    )


def check_confidence(confidence: int | None, required: bool) -> None:
    """Raise `SessionError` unless `confidence` is 1-3 when `required`, and None otherwise."""
    if not required:
        if confidence is not None:
            raise SessionError("this session does not ask for confidence")
        return
    if confidence is None:
        raise SessionError("this session asks how sure the student is: give a confidence 1-3")
    if isinstance(confidence, bool) or confidence not in (1, 2, 3):
        raise SessionError(f"confidence is 1, 2 or 3, not {confidence!r}")


def _blank_response(question: Question) -> Response:
    """A well-formed response to `question`, for reading the correct answer off its grade."""
    match question.type:
        case QuestionType.MULTIPLE:
            return frozenset()
        case QuestionType.SHORT | QuestionType.NUMERIC:
            return ""
        case QuestionType.CLOZE:
            return ("",) * len(question.gaps)
        case QuestionType.ORDER:
            return tuple(range(len(question.items)))
        case QuestionType.MATCH:
            return (None,) * len(question.pairs)
        case QuestionType.FLASHCARD:
            return SelfGrade.AGAIN
        case _:
            return 0


def correct_answer_text(question: Question) -> str:
    """The correct answer to `question`, written for a person (as the grading shows it)."""
    return grade(question, _blank_response(question)).correct_answer


def unanswered_grade(question: Question) -> Grade:
    """The grade of a question left unanswered: wrong, scoring 0, revealing nothing."""
    return Grade(0.0, Outcome.WRONG, (), (), correct_answer_text(question))


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
