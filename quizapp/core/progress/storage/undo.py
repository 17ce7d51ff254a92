"""Taking an answer back: what saving it changed is noted with it, and put back exactly by undo.

Saving an answer changes four tables: it adds the `answers` row, writes the question's `cards`
row (its FSRS card), counts the misconceptions it revealed in `misconceptions`, and may touch
the bank's row in `banks`. `note_before` reads those rows as they are, before the answer changes
them, into one `undo` row keyed by the answer's id; `take_back` deletes the answer and writes
every noted row back as it was (deleting the rows that did not exist), so the store is what it
was before the answer, to the byte. Both run inside the store's transaction.

Only the latest answer of a session can be taken back, and only while no later answer changed
the same card (another quizapp open on the same file): `take_back` refuses then. Undo rows are
kept a day (`UNDO_SECONDS`) and pruned when the store opens.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

__all__ = ["UNDO_SECONDS", "NotUndoable", "note_before", "noted", "prune", "take_back"]

#: How long the undo rows of an answer are kept (seconds): a session never lasts longer.
UNDO_SECONDS = 86_400.0


class NotUndoable(Exception):
    """The answer cannot be taken back: a later answer changed its card."""


def _row(conn: sqlite3.Connection, table: str, where: str, params: Sequence[Any]) -> Any:
    """The row of `table` matching `where`, as a {column: value} dict, or None."""
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where}", params)
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip((column[0] for column in cursor.description), found, strict=True))


def note_before(
    conn: sqlite3.Connection,
    bank_id: str,
    question_id: str,
    revealed: Sequence[str],
) -> dict[str, Any]:
    """The rows the answer is about to change, as they are now (for `noted`)."""
    card = _row(conn, "cards", "bank_id = ? AND question_id = ?", (bank_id, question_id))
    tallies = {
        misconception_id: _row(
            conn,
            "misconceptions",
            "bank_id = ? AND misconception_id = ?",
            (bank_id, misconception_id),
        )
        for misconception_id in revealed
    }
    bank = _row(conn, "banks", "bank_id = ?", (bank_id,))
    return {"card": card, "tallies": tallies, "bank": bank}


def noted(
    conn: sqlite3.Connection, answer_id: int, session_id: str, at: float, before: dict[str, Any]
) -> None:
    """Keep `before` (from `note_before`) as the undo row of answer `answer_id`."""
    conn.execute(
        "INSERT INTO undo (answer_id, session_id, saved_at, card, tallies, bank)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            answer_id,
            session_id,
            at,
            None if before["card"] is None else json.dumps(before["card"]),
            json.dumps(before["tallies"]),
            None if before["bank"] is None else json.dumps(before["bank"]),
        ),
    )


def _put(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    sql = f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})"
    conn.execute(sql, tuple(row.values()))


def take_back(conn: sqlite3.Connection, session_id: str) -> int | None:
    """Delete the latest answer of `session_id` and put back what it changed; its id, or None
    when the session has no answer left to take back. Raises `NotUndoable`."""
    found = conn.execute(
        "SELECT u.answer_id, u.card, u.tallies, u.bank, a.bank_id, a.question_id"
        " FROM undo u JOIN answers a ON a.id = u.answer_id"
        " WHERE u.session_id = ? ORDER BY u.answer_id DESC LIMIT 1",
        (session_id,),
    ).fetchone()
    if found is None:
        return None
    answer_id, card, tallies, bank, bank_id, question_id = found
    later = conn.execute(
        "SELECT 1 FROM answers WHERE bank_id = ? AND question_id = ? AND id > ?",
        (bank_id, question_id, answer_id),
    ).fetchone()
    if later is not None:
        raise NotUndoable("the question was answered again since, in another session")
    conn.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
    if card is None:
        conn.execute(
            "DELETE FROM cards WHERE bank_id = ? AND question_id = ?", (bank_id, question_id)
        )
    else:
        _put(conn, "cards", json.loads(card))
    for misconception_id, row in json.loads(tallies).items():
        if row is None:
            conn.execute(
                "DELETE FROM misconceptions WHERE bank_id = ? AND misconception_id = ?",
                (bank_id, misconception_id),
            )
        else:
            _put(conn, "misconceptions", row)
    if bank is None:
        conn.execute("DELETE FROM banks WHERE bank_id = ?", (bank_id,))
    else:
        _put(conn, "banks", json.loads(bank))
    conn.execute("DELETE FROM undo WHERE answer_id = ?", (answer_id,))
    return int(answer_id)


def prune(conn: sqlite3.Connection) -> None:
    """Forget the undo rows saved `UNDO_SECONDS` before the latest one: their sessions are long
    over. Counted from the latest row, not the clock, which may run elsewhere (tests, a clock
    set back)."""
    conn.execute(
        "DELETE FROM undo WHERE saved_at < (SELECT max(saved_at) FROM undo) - ?", (UNDO_SECONDS,)
    )
