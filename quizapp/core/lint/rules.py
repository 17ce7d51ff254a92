"""The linter's rules about single questions: how each option and its feedback is written.

Each rule looks at one `Question` of a valid bank and yields `Finding`s, placed by their path in
the YAML below the question (`("choices", 2, "feedback")`), which `linter` turns into a line
and column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.lint.text import explains_nothing, points_at_others, squashed
from quizapp.core.model import NumericAnswer, OtherAnswer, Question, QuestionType, TextAnswer

Path = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class AnswerAt:
    """A path step: the `index`-th typed answer of a short question, gap or numeric question.

    The model keeps accepted and known wrong answers in one tuple; which YAML list an answer was
    written in (`answers`, `pattern`, `wrong_answers`) is worked out against the document.
    """

    index: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning before it has a position: its code, message and where it is in the YAML."""

    code: str
    message: str
    question: int
    """Index of the question in the bank, -1 for a finding about the bank as a whole."""
    path: Path
    """Below the question (or below the document's root when `question` is -1)."""
    at_key: bool = False


def question_findings(index: int, question: Question) -> Iterator[Finding]:
    """Every warning about `question` (the index-th of its bank) that concerns it alone."""
    label = f"question '{question.id}'"
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        yield from _choices(index, question, label)
    elif question.type is QuestionType.TRUE_FALSE:
        yield from _true_false(index, question, label)
    yield from _typed(index, question, label)
    for number, pair in enumerate(question.pairs):
        if explains_nothing(pair.feedback):
            message = f"{label}: pair {number + 1}: {_verdict_only(pair.feedback)}"
            yield Finding("QA102", message, index, ("pairs", number, "feedback"))
    if question.type is not QuestionType.FLASHCARD:
        if not question.explanation.strip():
            message = f"{label}: no explanation (say why the answer is right)"
            yield Finding("QA109", message, index, ())
        elif explains_nothing(question.explanation):
            message = f"{label}: {_verdict_only(question.explanation, 'explanation')}"
            yield Finding("QA102", message, index, ("explanation",))


def _verdict_only(text: str, what: str = "feedback") -> str:
    return f"{what} '{text.strip()}' only says right or wrong: say why"


def _choices(index: int, question: Question, label: str) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for number, choice in enumerate(question.choices):
        what = f"{label}: choice {number + 1}"
        if choice.weight <= 0 and not choice.misconception and not choice.feedback.strip():
            message = f"{what} is wrong but has neither a misconception nor feedback"
            yield Finding("QA101", message, index, ("choices", number))
        if explains_nothing(choice.feedback):
            message = f"{what}: {_verdict_only(choice.feedback)}"
            yield Finding("QA102", message, index, ("choices", number, "feedback"))
        key = squashed(choice.text)
        if key in seen:
            first = question.choices[seen[key]].text
            message = f"{what} '{choice.text}' reads the same as choice {seen[key] + 1} '{first}'"
            yield Finding("QA103", message, index, ("choices", number, "text"))
        else:
            seen.setdefault(key, number)
        if question.shuffle and not choice.pinned and points_at_others(choice.text):
            message = (
                f"{what} '{choice.text}' refers to the other choices, which are shuffled: "
                "pin it (`pin: true`) or set `shuffle: false`"
            )
            yield Finding("QA104", message, index, ("choices", number, "text"))


def _true_false(index: int, question: Question, label: str) -> Iterator[Finding]:
    for number, choice in enumerate(question.choices):
        side = number == 0  # True first, then False
        what = f"{label}: answer {str(side).lower()}"
        if choice.weight <= 0 and not choice.misconception and not choice.feedback.strip():
            message = f"{what} is wrong but has neither a misconception nor feedback"
            yield Finding("QA101", message, index, ("answer",))
        if explains_nothing(choice.feedback):
            message = f"{what}: {_verdict_only(choice.feedback)}"
            yield Finding("QA102", message, index, ("feedback", side))


def _typed(index: int, question: Question, label: str) -> Iterator[Finding]:
    """Known wrong typed answers that teach nothing, and feedback that explains nothing."""
    groups: list[tuple[Path, str, Sequence[TextAnswer | NumericAnswer], OtherAnswer | None]] = []
    if question.answers:
        groups.append(((), label, question.answers, question.otherwise))
    if question.numeric:
        groups.append(((), label, question.numeric, question.otherwise))
    for gap in question.gaps:
        what = f"{label}: gap '{gap.name}'"
        groups.append((("gaps", gap.name), what, gap.answers, gap.otherwise))
    for prefix, what, answers, otherwise in groups:
        # Feedback for any other answer explains the known wrong ones that have none of their own.
        explained = otherwise is not None and bool(otherwise.feedback.strip())
        if otherwise is not None and explains_nothing(otherwise.feedback):
            message = f"{what}: any other answer: {_verdict_only(otherwise.feedback)}"
            yield Finding("QA102", message, index, (*prefix, "otherwise", "feedback"))
        for number, answer in enumerate(answers):
            at = (*prefix, AnswerAt(number))
            shown = _shown(answer)
            quiet = answer.misconception or answer.feedback.strip() or explained
            if _is_wrong(answer) and not quiet:
                message = f"{what}: wrong answer {shown} has neither a misconception nor feedback"
                yield Finding("QA101", message, index, at)
            if explains_nothing(answer.feedback):
                message = f"{what}: answer {shown}: {_verdict_only(answer.feedback)}"
                yield Finding("QA102", message, index, (*at, "feedback"))


def _is_wrong(answer: TextAnswer | NumericAnswer) -> bool:
    return answer.weight == 0 and not (isinstance(answer, TextAnswer) and answer.regex)


def _shown(answer: TextAnswer | NumericAnswer) -> str:
    return f"'{answer.text}'" if isinstance(answer, TextAnswer) else answer.display()
