"""Grading: how a student's response to a question becomes a score from 0 to 1.

`grade(question, response)` implements the rules of the README's "Grading and partial credit"
section for every question type. A response of the wrong *shape* (a string for a single-choice
question, an index out of range) is a programming error in the caller and raises `AnswerError`;
a wrong *answer*, including a typo such as "abc" for a number, is graded like any other answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from quizapp.core.matching import (
    best_numeric_match,
    best_text_match,
    numeric_correct_answer,
    parse_number,
    text_correct_answer,
)
from quizapp.core.model import (
    OtherAnswer,
    Question,
    QuestionType,
    Response,
    SelfGrade,
    match_rights,
)

__all__ = ["AnswerError", "Grade", "Outcome", "grade", "outcome_for"]

#: Scores this close to 0 or 1 count as exactly wrong or right (float sums of weights drift).
EPSILON = 1e-9


class AnswerError(ValueError):
    """A response whose shape does not fit the question type (not merely a wrong answer)."""


class Outcome(StrEnum):
    """Whether an answer earned full, some or no credit."""

    RIGHT = "right"
    PARTIAL = "partial"
    WRONG = "wrong"


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


def outcome_for(score: float) -> Outcome:
    """RIGHT at (about) 1, WRONG at (about) 0, PARTIAL in between."""
    if score >= 1 - EPSILON:
        return Outcome.RIGHT
    if score <= EPSILON:
        return Outcome.WRONG
    return Outcome.PARTIAL


def grade(question: Question, response: Response) -> Grade:
    """Grade `response` (shaped as `model.Response` describes) to `question`.

    Raises `AnswerError` when the response has the wrong shape for the question's type.
    """
    match question.type:
        case QuestionType.SINGLE | QuestionType.TRUE_FALSE:
            return _grade_single(question, response)
        case QuestionType.MULTIPLE:
            return _grade_multiple(question, response)
        case QuestionType.SHORT:
            return _grade_short(question, response)
        case QuestionType.NUMERIC:
            return _grade_numeric(question, response)
        case QuestionType.CLOZE:
            return _grade_cloze(question, response)
        case QuestionType.ORDER:
            return _grade_order(question, response)
        case QuestionType.MATCH:
            return _grade_match(question, response)
        case QuestionType.FLASHCARD:
            return _grade_flashcard(question, response)


def _make(
    score: float,
    misconceptions: Iterable[str | None],
    feedback: Iterable[str],
    correct_answer: str,
) -> Grade:
    score = min(1.0, max(0.0, score))
    return Grade(
        score=score,
        outcome=outcome_for(score),
        misconceptions=tuple(dict.fromkeys(m for m in misconceptions if m)),
        feedback=tuple(text for text in feedback if text),
        correct_answer=correct_answer,
    )


# --- response shapes -------------------------------------------------------------------------


def _describe(value: object) -> str:
    return f"{value!r} ({type(value).__name__})"


def _index(question: Question, value: object, count: int, what: str) -> int:
    # bool and SelfGrade are ints too, but passing one where an index belongs is a caller bug.
    if not isinstance(value, int) or isinstance(value, bool | SelfGrade):
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} needs {what} indexes (int), "
            f"not {_describe(value)}"
        )
    if not 0 <= value < count:
        raise AnswerError(
            f"{what} index {value} is out of range for {question.id!r}, which has {count}"
        )
    return value


def _text(question: Question, response: Response) -> str:
    if not isinstance(response, str):
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} is the typed text (str), "
            f"not {_describe(response)}"
        )
    return response


def _sequence(
    question: Question, response: Response, expected: int, what: str
) -> tuple[object, ...]:
    if not isinstance(response, tuple | list):
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} is a tuple of {what}, "
            f"not {_describe(response)}"
        )
    if len(response) != expected:
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} needs {expected} {what}, "
            f"got {len(response)}"
        )
    return tuple(response)


# --- one grader per type ---------------------------------------------------------------------


def _choices_correct_answer(question: Question) -> str:
    if question.type is QuestionType.MULTIPLE:
        return "; ".join(question.choices[i].text for i in question.correct_choices)
    if not question.choices:
        return ""
    best = max(question.choices, key=lambda c: c.weight)  # max keeps the first of equals
    return best.text


def _grade_single(question: Question, response: Response) -> Grade:
    index = _index(question, response, len(question.choices), "choice")
    choice = question.choices[index]
    return _make(
        choice.weight, [choice.misconception], [choice.feedback], _choices_correct_answer(question)
    )


def _grade_multiple(question: Question, response: Response) -> Grade:
    if not isinstance(response, frozenset | set):
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} is a frozenset of choice "
            f"indexes, not {_describe(response)}"
        )
    picked = sorted(_index(question, i, len(question.choices), "choice") for i in response)
    chosen = [question.choices[i] for i in picked]
    return _make(
        sum(c.weight for c in chosen),
        [c.misconception for c in chosen if c.weight <= 0],
        [c.feedback for c in chosen],
        _choices_correct_answer(question),
    )


def _other(otherwise: OtherAnswer | None, typed: str, correct: str) -> Grade:
    """The grade of a typed answer that matches none of the answers: the catch-all's, if any.

    A blank answer is no answer at all: the catch-all is for *other* answers.
    """
    if otherwise is None or not typed.strip():
        return _make(0.0, (), (), correct)
    return _make(otherwise.weight, (), [otherwise.feedback], correct)


def _grade_short(question: Question, response: Response) -> Grade:
    typed = _text(question, response)
    best = best_text_match(question.answers, typed, question.case_sensitive)
    correct = text_correct_answer(question.answers)
    if best is None:
        return _other(question.otherwise, typed, correct)
    return _make(best.weight, [best.misconception], [best.feedback], correct)


def _grade_numeric(question: Question, response: Response) -> Grade:
    typed = _text(question, response).strip()
    correct = numeric_correct_answer(question.numeric)
    if not typed:
        return _make(0.0, (), (), correct)
    value = parse_number(typed)
    if value is None:
        return _make(0.0, (), [f"{typed!r} is not a number"], correct)
    best = best_numeric_match(question.numeric, value)
    if best is None:
        return _other(question.otherwise, typed, correct)
    return _make(best.weight, [best.misconception], [best.feedback], correct)


def _grade_cloze(question: Question, response: Response) -> Grade:
    typed = _sequence(question, response, len(question.gaps), "gap answers")
    scores: list[float] = []
    misconceptions: list[str | None] = []
    feedback: list[str] = []
    for gap, text in zip(question.gaps, typed, strict=True):
        if not isinstance(text, str):
            raise AnswerError(
                f"the answer to gap {gap.name!r} of {question.id!r} must be a str, "
                f"not {_describe(text)}"
            )
        best = best_text_match(gap.answers, text, gap.case_sensitive)
        if best is not None:
            scores.append(min(1.0, max(0.0, best.weight)))
            misconceptions.append(best.misconception)
            feedback.append(best.feedback)
        elif gap.otherwise is not None and text.strip():
            scores.append(min(1.0, max(0.0, gap.otherwise.weight)))
            feedback.append(gap.otherwise.feedback)
        else:
            scores.append(0.0)
    correct = "; ".join(f"{g.name}: {text_correct_answer(g.answers)}" for g in question.gaps)
    score = sum(scores) / len(scores) if scores else 0.0
    return _make(score, misconceptions, feedback, correct)


def _grade_order(question: Question, response: Response) -> Grade:
    count = len(question.items)
    given = _sequence(question, response, count, "item indexes")
    order = [_index(question, i, count, "item") for i in given]
    if len(set(order)) != count:
        raise AnswerError(
            f"an order answer to {question.id!r} must use every item index exactly once, "
            f"got {tuple(order)}"
        )
    pairs = count * (count - 1) // 2
    concordant = sum(1 for i in range(count) for j in range(i + 1, count) if order[i] < order[j])
    score = concordant / pairs if pairs else 1.0
    return _make(score, (), (), " → ".join(question.items))


def _grade_match(question: Question, response: Response) -> Grade:
    rights = match_rights(question)
    given = _sequence(question, response, len(question.pairs), "right-item indexes")
    right = 0
    for pair, chosen in zip(question.pairs, given, strict=True):
        if chosen is None:
            continue  # left unanswered
        # Compare texts, not indexes: two pairs may share a right item ("Io" and "Europa").
        if rights[_index(question, chosen, len(rights), "right item")] == pair.right:
            right += 1
    score = right / len(question.pairs) if question.pairs else 0.0
    correct = "; ".join(f"{p.left} → {p.right}" for p in question.pairs)
    return _make(score, (), [p.feedback for p in question.pairs], correct)


def _grade_flashcard(question: Question, response: Response) -> Grade:
    if not isinstance(response, SelfGrade):
        raise AnswerError(
            f"a flashcard answer to {question.id!r} is a SelfGrade, not {_describe(response)}"
        )
    return _make(0.0 if response is SelfGrade.AGAIN else 1.0, (), (), question.back)
