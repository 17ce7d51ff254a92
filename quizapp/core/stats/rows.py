"""The answers item analysis reads: one `ResultRow` per saved answer, from a store or a file.

A row carries the fields of the results export (`quizapp.core.progress.export`) that the analysis
needs, already decoded: the response as a `Response`, the time as an aware datetime. Rows read from
files also say where they came from (`source`, as `file:line`), so a finding can be traced back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from quizapp.core.model import Response
from quizapp.core.progress import Store

__all__ = ["Entry", "ResultRow", "rows_from_store"]


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One answer of one student, as the results export describes it."""

    install_id: str
    """The student: a random id made with their progress file."""
    answer_id: int
    """The answer's number in that student's file (with `install_id`, the answer's identity)."""
    answered_at: datetime
    """Timezone-aware."""
    bank_id: str
    question_id: str
    content_hash: str
    """Fingerprint of the question's content as it was answered."""
    session_id: str
    mode: str
    response: Response | None
    """None: an exam question left unanswered. Indexes are the bank's own (original) ones."""
    score: float
    """0 to 1."""
    outcome: str
    misconceptions: tuple[str, ...]
    """Ids of the misconceptions the answer revealed (in the question's bank)."""
    source: str = ""
    """Where the row was read, as `file:line` ('' for the local store)."""
    seconds: float | None = None
    """Time taken on the question, when known (the gradebook's time taken)."""

    @property
    def attempt(self) -> tuple[str, str]:
        """The attempt (one student's session) the answer belongs to."""
        return (self.install_id, self.session_id)

    @property
    def order(self) -> tuple[datetime, int]:
        """Sorts one student's answers oldest first (ties broken by the answer's number)."""
        return (self.answered_at, self.answer_id)


def rows_from_store(store: Store, bank_id: str | None = None) -> Iterator[ResultRow]:
    """Every answer saved in `store` (of `bank_id` only, when given), oldest first.

    Raises `StoreError` when the store cannot be read.
    """
    install_id = store.install_id
    for answer in store.answers(bank_id):
        yield ResultRow(
            install_id=install_id,
            answer_id=answer.id,
            answered_at=answer.answered_at,
            bank_id=answer.bank_id,
            question_id=answer.question_id,
            content_hash=answer.content_hash,
            session_id=answer.session_id,
            mode=answer.mode,
            response=answer.response,
            score=answer.score,
            outcome=answer.outcome,
            misconceptions=tuple(answer.misconceptions),
            seconds=answer.seconds,
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """One attempt's (first) answer to a question, with its rest-of-test score."""

    row: ResultRow
    rest: float | None
    """Mean score on the attempt's other questions; None for a session of one question."""
