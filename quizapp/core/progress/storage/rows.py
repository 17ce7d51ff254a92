"""The rows of the progress store: writing one answer (with its card, tallies and undo row),
reading answers.

Used by `store.Store`, which holds the connection, the lock and the transaction; these functions
only run statements inside it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from fsrs import Card

from quizapp.core.model import Response, SelfGrade
from quizapp.core.progress.schedule import mastered_until, new_card, rating_for, review
from quizapp.core.progress.storage.codec import response_from_json, response_to_json
from quizapp.core.progress.storage.undo import note_before, noted
from quizapp.core.scoring import Grade
from quizapp.core.study import StudyItem

__all__ = [
    "Answered",
    "StoredAnswer",
    "declined_by",
    "load_card",
    "save_answer",
    "stored_answers",
]


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
    declined: tuple[str, ...] | None = None
    """The misconceptions its question carried that it did not reveal (None: saved before the
    store kept them, and not filled in yet)."""


def load_card(conn: sqlite3.Connection, bank_id: str, question_id: str) -> Card | None:
    """The stored card of a question, or None when it was never answered."""
    row = conn.execute(
        "SELECT card FROM cards WHERE bank_id = ? AND question_id = ?", (bank_id, question_id)
    ).fetchone()
    return None if row is None else Card.from_json(row[0])


def declined_by(answer: Answered) -> list[str]:
    """The misconceptions `answer` declined: carried by its question's options, not revealed.

    Empty for a self-graded flashcard or an unanswered exam question: no option was shown or
    taken (see `quizapp.core.progress.overcoming`).
    """
    response = answer.response
    if response is None or isinstance(response, SelfGrade):
        return []
    revealed = answer.grade.misconceptions
    return [m for m in answer.item.question.misconception_ids() if m not in revealed]


def save_answer(
    conn: sqlite3.Connection,
    answer: Answered,
    digest: str,
    mode: str,
    session_id: str,
    now: datetime,
) -> int:
    """Insert `answer`, reschedule its card and count the misconceptions it revealed; the
    rows it changes are noted first, so that `undo.take_back` can restore them. Returns the
    answer's id."""
    bank_id, question_id = answer.item.key
    verdict = answer.grade
    rating = rating_for(
        answer.response, verdict.score, answer.confidence, answer.seconds, answer.hinted
    )
    at = now.timestamp()
    before = note_before(conn, bank_id, question_id, verdict.misconceptions)
    cursor = conn.execute(
        "INSERT INTO answers (answered_at, bank_id, question_id, content_hash, mode, session_id,"
        " response, score, outcome, misconceptions, confidence, seconds, rating, declined,"
        " hinted)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            at, bank_id, question_id, digest, str(mode), session_id,
            response_to_json(answer.response), verdict.score, str(verdict.outcome),
            json.dumps(list(verdict.misconceptions), ensure_ascii=False), answer.confidence,
            answer.seconds, int(rating), json.dumps(declined_by(answer), ensure_ascii=False),
            int(answer.hinted),
        ),
    )  # fmt: skip
    answer_id = int(cursor.lastrowid or 0)
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
    _tally(conn, bank_id, verdict.misconceptions, at)
    noted(conn, answer_id, session_id, at, before)
    return answer_id


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


def _tally(conn: sqlite3.Connection, bank_id: str, revealed: Sequence[str], at: float) -> None:
    """Count the misconceptions the answer revealed: how often, first and last.

    Whether each is held or overcome is not kept here: `overcoming.standing` reads it from the
    answers' `misconceptions` and `declined`, by the student's days.
    """
    conn.executemany(
        "INSERT INTO misconceptions (bank_id, misconception_id, times, first_fell, last_fell,"
        " overcome_at) VALUES (?, ?, 1, ?, ?, NULL)"
        " ON CONFLICT (bank_id, misconception_id) DO UPDATE SET times = times + 1,"
        " first_fell = min(first_fell, excluded.first_fell),"
        " last_fell = max(last_fell, excluded.last_fell), overcome_at = NULL",
        [(bank_id, misconception_id, at, at) for misconception_id in revealed],
    )


_ANSWER_COLUMNS = (
    "id, answered_at, bank_id, question_id, content_hash, mode, session_id, response, score,"
    " outcome, misconceptions, confidence, seconds, rating, declined"
)


def stored_answers(
    conn: sqlite3.Connection,
    bank_id: str | None,
    since: datetime | None,
    *,
    answer_id: int | None = None,
) -> Iterator[StoredAnswer]:
    """The answers (of `bank_id`, answered at or after `since`; only `answer_id`), oldest first."""
    where: list[str] = ["1"]
    params: list[object] = []
    if answer_id is not None:
        where.append("id = ?")
        params.append(answer_id)
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
            declined=None if row[14] is None else tuple(json.loads(row[14])),
        )
