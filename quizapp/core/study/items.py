"""The unit every study session works on: a question together with the bank it came from.

Several banks can be studied together, so a question id alone no longer names a question: a
`StudyItem` keeps its bank, and `StudyItem.key` (bank id, question id) is what results and progress
are keyed on. `Mode` and `StudyError` live here too, so that the session modules can share them
without importing one another (`quizapp.core.study.selection` re-exports all three).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from quizapp.core.model import Bank, Misconception, Question

__all__ = ["GENERAL_TOPIC", "Mode", "StudyError", "StudyItem", "items_of", "topic_of"]

#: The topic that questions without one are listed under, in set-up and in results.
GENERAL_TOPIC = "General"


class StudyError(ValueError):
    """A study set-up that cannot be met: nothing matches, or a blueprint asks for too much."""


class Mode(StrEnum):
    """The ways of studying a set of questions."""

    PRACTICE = "practice"
    EXAM = "exam"
    FLASHCARDS = "flashcards"


@dataclass(frozen=True, slots=True)
class StudyItem:
    """A question and the bank it belongs to."""

    bank: Bank
    question: Question

    @property
    def key(self) -> tuple[str, str]:
        """(bank id, question id): the identity results and progress are keyed on."""
        return (self.bank.id, self.question.id)

    @property
    def topic(self) -> str:
        """The question's topic, or `GENERAL_TOPIC` when it has none."""
        return topic_of(self.question)

    def misconception(self, misconception_id: str) -> Misconception | None:
        """The misconception with this id in the item's own bank, if it defines one."""
        return self.bank.misconception(misconception_id)

    def __repr__(self) -> str:
        # The whole bank would drown the one question this item names.
        return f"StudyItem({self.bank.id!r}, {self.question.id!r})"

    def __hash__(self) -> int:
        # Banks hold a dict, so the generated hash would fail; equal items have equal keys.
        return hash(self.key)


def topic_of(question: Question) -> str:
    """The topic `question` is filed under: its own, or `GENERAL_TOPIC`."""
    return question.topic or GENERAL_TOPIC


def items_of(bank: Bank, questions: Sequence[Question] | None = None) -> list[StudyItem]:
    """`questions` (default: all of `bank`'s, in bank order) as items of `bank`."""
    return [StudyItem(bank, q) for q in (bank.questions if questions is None else questions)]
