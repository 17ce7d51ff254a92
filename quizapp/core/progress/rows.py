"""The rows of the progress store: writing one answer (with its card and tallies), reading answers.

Used by `store.Store`, which holds the connection, the lock and the transaction; these functions
only run statements inside it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from fsrs import Card

from quizapp.core.model import Response, SelfGrade
from quizapp.core.progress.codec import response_from_json, response_to_json
from quizapp.core.progress.schedule import mastered_until, new_card, rating_for, review
from quizapp.core.scoring import Grade, Outcome
from quizapp.core.study import StudyItem

__all__ = ["Answered", "StoredAnswer", "load_card", "save_answer", "stored_answers"]


class Answered(Protocol):
    """What the store needs of an answer: an `AnswerRecord` or an exam's `QuestionResult`."""

    @property
    def item(self) -> StudyItem: ...
    @property
    def response(self) -> Response | None: ...
    @property
    def grade(self) -> Grade: ...
    @property
    def confidence(self) -> int | None: ...
    @property
    def seconds(self) -> float: ...
    @property
    def hinted(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """One saved answer, as read back from the store."""

    id: int
    answered_at: datetime
    """UTC."""
    bank_id: str
    question_id: str
    content_hash: str
    mode: str
    session_id: str
    response: Response | None
    """None: an exam question left unanswered."""
    score: float
    outcome: str
    misconceptions: tuple[str, ...]
    confidence: int | None
    seconds: float
    rating: int
    """The FSRS rating the answer gave its card: 1 Again, 2 Hard, 3 Good, 4 Easy."""


def load_card(conn: sqlite3.Connection, bank_id: str, question_id: str) -> Card | None:
    """The stored card of a question, or None when it was never answered."""
    row = conn.execute(
        "SELECT card FROM cards WHERE bank_id = ? AND question_id = ?", (bank_id, question_id)
    ).fetchone()
    return None if row is None else Card.from_json(row[0])


def save_answer(
    conn: sqlite3.Connection,
    answer: Answered,
    digest: str,
    mode: str,
    session_id: str,
    now: datetime,
) -> None:
    """Insert `answer`, reschedule its card and update the misconception tallies."""
    bank_id, question_id = answer.item.key
    verdict = answer.grade
    rating = rating_for(
        answer.response, verdict.score, answer.confidence, answer.seconds, answer.hinted
    )
    at = now.timestamp()
    conn.execute(
        "INSERT INTO answers (answered_at, bank_id, question_id, content_hash, mode, session_id,"
        " response, score, outcome, misconceptions, confidence, seconds, rating, hinted)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            at, bank_id, question_id, digest, str(mode), session_id,
            response_to_json(answer.response), verdict.score, str(verdict.outcome),
            json.dumps(list(verdict.misconceptions), ensure_ascii=False), answer.confidence,
            answer.seconds, int(rating), int(answer.hinted),
        ),
    )  # fmt: skip
    stored = load_card(conn, bank_id, question_id)
    card = review(stored or new_card(bank_id, question_id, now), rating, now)
    until = mastered_until(card)
    conn.execute(
        "INSERT INTO cards (bank_id, question_id, card, state, due, last_review, mastered_until,"
        " introduced_at, reviews, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"
        " ON CONFLICT (bank_id, question_id) DO UPDATE SET card = excluded.card,"
        " state = excluded.state, due = excluded.due, last_review = excluded.last_review,"
        " mastered_until = excluded.mastered_until, reviews = reviews + 1,"
        " content_hash = excluded.content_hash",
        (
            bank_id, question_id, card.to_json(), int(card.state), card.due.timestamp(), at,
            None if until is None else until.timestamp(), at, digest,
        ),
    )  # fmt: skip
    _unretire(conn, bank_id, question_id, new=stored is None)
    _tally(conn, answer, at)


def _unretire(conn: sqlite3.Connection, bank_id: str, question_id: str, new: bool) -> None:
    """Keep `banks` true: an answered question is in its bank; a new card may be a new question.

    A new card makes the bank's remembered question ids stale (cleared, so the next count over
    the loaded bank checks again); an answer to a retired question brings it back.
    """
    conn.execute(
        "UPDATE banks SET questions = CASE WHEN ?3 THEN '' ELSE questions END,"
        " retired = (SELECT json_group_array(value) FROM json_each(retired) WHERE value != ?2)"
        " WHERE bank_id = ?1 AND (?3 OR EXISTS (SELECT 1 FROM json_each(retired)"
        " WHERE value = ?2))",
        (bank_id, question_id, new),
    )


def _tally(conn: sqlite3.Connection, answer: Answered, at: float) -> None:
    """Count the misconceptions the answer revealed; mark those a right answer overcame.

    Overcome: after the last time the student fell for it, they answered right a question whose
    options carry it. Only auto-graded answers count: grading a flashcard yourself never puts
    the wrong options in front of you.
    """
    bank_id = answer.item.bank.id
    revealed = answer.grade.misconceptions
    for misconception_id in revealed:
        conn.execute(
            "INSERT INTO misconceptions (bank_id, misconception_id, times, first_fell, last_fell,"
            " overcome_at) VALUES (?, ?, 1, ?, ?, NULL)"
            " ON CONFLICT (bank_id, misconception_id) DO UPDATE SET times = times + 1,"
            " first_fell = min(first_fell, excluded.first_fell),"
            " last_fell = max(last_fell, excluded.last_fell), overcome_at = NULL",
            (bank_id, misconception_id, at, at),
        )
    response = answer.response
    if answer.grade.outcome is not Outcome.RIGHT or response is None:
        return
    if isinstance(response, SelfGrade):
        return
    carried = [m for m in answer.item.question.misconception_ids() if m not in revealed]
    conn.executemany(
        "UPDATE misconceptions SET overcome_at = ? WHERE bank_id = ? AND misconception_id = ?"
        " AND overcome_at IS NULL AND last_fell <= ?",
        [(at, bank_id, misconception_id, at) for misconception_id in carried],
    )


_ANSWER_COLUMNS = (
    "id, answered_at, bank_id, question_id, content_hash, mode, session_id, response, score,"
    " outcome, misconceptions, confidence, seconds, rating"
)


def stored_answers(
    conn: sqlite3.Connection, bank_id: str | None, since: datetime | None
) -> Iterator[StoredAnswer]:
    """The answers (of `bank_id`, answered at or after `since`), oldest first."""
    where: list[str] = ["1"]
    params: list[object] = []
    if bank_id is not None:
        where.append("bank_id = ?")
        params.append(bank_id)
    if since is not None:
        where.append("answered_at >= ?")
        params.append(since.timestamp())
    cursor = conn.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE {' AND '.join(where)}"
        " ORDER BY answered_at, id",
        params,
    )
    for row in cursor:
        yield StoredAnswer(
            id=row[0],
            answered_at=datetime.fromtimestamp(row[1], UTC),
            bank_id=row[2],
            question_id=row[3],
            content_hash=row[4],
            mode=row[5],
            session_id=row[6],
            response=response_from_json(row[7]),
            score=row[8],
            outcome=row[9],
            misconceptions=tuple(json.loads(row[10])),
            confidence=row[11],
            seconds=row[12],
            rating=row[13],
        )
