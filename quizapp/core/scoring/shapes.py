"""The shapes of responses: what `scoring.grade` checks before grading, and how it says what is
wrong with a response of the wrong shape (a programming error in the caller: `AnswerError`)."""

from __future__ import annotations

from quizapp.core.model import Question, Response, SelfGrade

__all__ = ["AnswerError", "describe", "index_in", "sequence_of", "typed_text"]


class AnswerError(ValueError):
    """A response whose shape does not fit the question type (not merely a wrong answer)."""


def describe(value: object) -> str:
    """`value` and its type, for an error message: `'abc' (str)`."""
    return f"{value!r} ({type(value).__name__})"


def index_in(question: Question, value: object, count: int, what: str) -> int:
    """`value` as an index below `count` (of `what`: choices, items...), else `AnswerError`."""
    # bool and SelfGrade are ints too, but passing one where an index belongs is a caller bug.
    if not isinstance(value, int) or isinstance(value, bool | SelfGrade):
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} needs {what} indexes (int), "
            f"not {describe(value)}"
        )
    if not 0 <= value < count:
        raise AnswerError(
            f"{what} index {value} is out of range for {question.id!r}, which has {count}"
        )
    return value


def typed_text(question: Question, response: Response) -> str:
    """`response` as the typed text it must be, else `AnswerError`."""
    if not isinstance(response, str):
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} is the typed text (str), "
            f"not {describe(response)}"
        )
    return response


def sequence_of(
    question: Question, response: Response, expected: int, what: str
) -> tuple[object, ...]:
    """`response` as a tuple of `expected` entries (gaps, items, picks), else `AnswerError`."""
    if not isinstance(response, tuple | list):
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} is a tuple of {what}, "
            f"not {describe(response)}"
        )
    if len(response) != expected:
        raise AnswerError(
            f"a {question.type.label} answer to {question.id!r} needs {expected} {what}, "
            f"got {len(response)}"
        )
    return tuple(response)
