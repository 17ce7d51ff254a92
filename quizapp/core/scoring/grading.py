"""Grading: how a student's response to a question becomes a score from 0 to 1.

`grade(question, response)` implements the rules of the README's "Grading and partial credit"
section for every question type. A response of the wrong *shape* (a string for a single-choice
question, an index out of range) is a programming error in the caller and raises `AnswerError`.
A typed number that cannot be read as the number meant (`about 27`, `1,500`) is not graded at
all: `refusal` says why, for the student, and `grade` raises `Unreadable` with that reason, so
nothing unreadable is ever graded wrong and saved. A wrong *answer* is graded like any other.

A cloze or match answer is also marked part by part (`Grade.parts`): each gap with the answers
it accepts, each pair with its right item, and a pair's feedback only when that pair was wrong.
`choice_credit` says whether a choice earns full, partial or no credit, for marking it.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizapp.core.model import (
    Choice,
    Gap,
    OtherAnswer,
    Question,
    QuestionType,
    Response,
    SelfGrade,
    match_rights,
)
from quizapp.core.scoring.matching import (
    best_numeric_match,
    best_text_match,
    numeric_correct_answer,
    text_correct_answer,
)
from quizapp.core.scoring.numbers import Refusal, read_number

# The checks of a response's shape live beside this module; their old names are kept here.
from quizapp.core.scoring.shapes import AnswerError
from quizapp.core.scoring.shapes import describe as _describe
from quizapp.core.scoring.shapes import index_in as _index
from quizapp.core.scoring.shapes import sequence_of as _sequence
from quizapp.core.scoring.shapes import typed_text as _text
from quizapp.core.scoring.verdict import EPSILON, Credit, Grade, PartMark, outcome_for

__all__ = ["Unreadable", "choice_credit", "grade", "refusal"]


class Unreadable(AnswerError):
    """A typed answer that cannot be read as the student meant it; `reason` tells them why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def choice_credit(question: Question, choice: Choice) -> Credit:
    """Whether picking `choice` earns credit, and all of it: in a multiple-answer question every
    choice with a positive weight is one of the right answers; in the others a choice below full
    marks is partly right."""
    if choice.weight <= EPSILON:
        return Credit.NONE
    if question.type is QuestionType.MULTIPLE or choice.weight >= 1 - EPSILON:
        return Credit.FULL
    return Credit.PARTIAL


def refusal(question: Question, response: Response) -> str | None:
    """Why `response` cannot be graded as the student meant it (a number that cannot be read,
    such as `about 27`), or None when it can. Blank answers are the caller's to refuse."""
    if question.type is QuestionType.NUMERIC and isinstance(response, str) and response.strip():
        read = read_number(response, question.units)
        if isinstance(read, Refusal):
            return read.reason
    return None


def grade(question: Question, response: Response) -> Grade:
    """Grade `response` (shaped as `model.Response` describes) to `question`.

    Raises `AnswerError` when the response has the wrong shape for the question's type, and
    `Unreadable` (an `AnswerError`) for a typed number `refusal` refuses.
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
    parts: Iterable[PartMark] = (),
) -> Grade:
    score = min(1.0, max(0.0, score))
    return Grade(
        score=score,
        outcome=outcome_for(score),
        misconceptions=tuple(dict.fromkeys(m for m in misconceptions if m)),
        feedback=tuple(text for text in feedback if text),
        correct_answer=correct_answer,
        parts=tuple(parts),
    )


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
    value = read_number(typed, question.units)
    if isinstance(value, Refusal):
        raise Unreadable(value.reason)
    best = best_numeric_match(question.numeric, value)
    if best is None:
        return _other(question.otherwise, typed, correct)
    return _make(best.weight, [best.misconception], [best.feedback], correct)


def _grade_cloze(question: Question, response: Response) -> Grade:
    typed = _sequence(question, response, len(question.gaps), "gap answers")
    scores: list[float] = []
    misconceptions: list[str | None] = []
    feedback: list[str] = []
    parts: list[PartMark] = []
    for number, (gap, text) in enumerate(zip(question.gaps, typed, strict=True), start=1):
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
        said = best.feedback if best is not None else ""
        if best is None and gap.otherwise is not None and text.strip():
            said = gap.otherwise.feedback
        parts.append(PartMark(f"[{number}]", text.strip(), scores[-1], _accepted(gap), said))
    answers = [text_correct_answer(g.answers) for g in question.gaps]
    # Numbered as the prompt shows the gaps (never by the author's gap names); one needs none.
    numbered = (f"[{number}] {answer}" for number, answer in enumerate(answers, start=1))
    correct = answers[0] if len(answers) == 1 else "; ".join(numbered)
    score = sum(scores) / len(scores) if scores else 0.0
    return _make(score, misconceptions, feedback, correct, parts)


def _accepted(gap: Gap) -> tuple[str, ...]:
    """The answers a gap takes for full marks, as written (a pattern only when there is no
    plain answer: a regular expression is no answer to show a student)."""
    full = [a.text for a in gap.answers if a.weight >= 1 - EPSILON and not a.regex]
    return tuple(full) or (text_correct_answer(gap.answers),)


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
    parts: list[PartMark] = []
    for pair, chosen in zip(question.pairs, given, strict=True):
        index = None if chosen is None else _index(question, chosen, len(rights), "right item")
        picked = "" if index is None else rights[index]
        # Compare texts, not indexes: two pairs may share a right item ("Io" and "Europa").
        score = 1.0 if picked == pair.right else 0.0
        said = "" if score else pair.feedback  # a pair's feedback explains a wrong match
        parts.append(PartMark(pair.left, picked, score, (pair.right,), said))
    score = sum(p.score for p in parts) / len(parts) if parts else 0.0
    correct = "; ".join(f"{p.left} → {p.right}" for p in question.pairs)
    return _make(score, (), [p.feedback for p in parts], correct, parts)


def _grade_flashcard(question: Question, response: Response) -> Grade:
    if not isinstance(response, SelfGrade):
        raise AnswerError(
            f"a flashcard answer to {question.id!r} is a SelfGrade, not {_describe(response)}"
        )
    return _make(0.0 if response is SelfGrade.AGAIN else 1.0, (), (), question.back)
