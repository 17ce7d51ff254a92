"""What the store keeps beside the answers: cards set aside, the app's settings, exam drafts.

- **Suspended** and **buried** cards (`set_aside`, `restore`, `set_aside_in`): a suspended card
  never comes due, nor is it brought in as a new card, until the student restores it; a buried
  one is left out until `until` (the start of the student's next day), as in Anki. Set-up
  sessions, which the student picks question by question, still hold them.
- **Settings** (`setting`, `remember`): small text values the app keeps between runs, such as
  whether "Review due" gives flashcards or questions (`recorder.REVIEW_AS`).
- **Exam drafts** (`keep_draft`, `latest_draft`, `drop_draft`): a mock exam under way, one row
  per exam session, replaced at every change; `Store.record_many(drop_draft=True)` deletes it
  with the submitted answers, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from quizapp.core.progress.storage.store import Store

__all__ = [
    "Aside",
    "AsideCard",
    "drop_draft",
    "keep_draft",
    "latest_draft",
    "remember",
    "restore",
    "set_aside",
    "set_aside_in",
    "setting",
]

#: A card is set aside now when it is suspended, or buried until after `?` (a Unix time).
ACTIVE = "(kind = 'suspended' OR until > ?)"


class Aside(StrEnum):
    """How a card is set aside."""

    SUSPENDED = "suspended"
    """Until the student restores it."""
    BURIED = "buried"
    """Until the student's next day."""


@dataclass(frozen=True, slots=True)
class AsideCard:
    """One card set aside."""

    bank_id: str
    question_id: str
    kind: Aside
    since: datetime
    """When it was set aside (UTC)."""
    until: datetime | None
    """A buried card's return (UTC); None for a suspended one."""


def set_aside(
    store: Store,
    bank_id: str,
    question_id: str,
    kind: Aside,
    now: datetime,
    until: datetime | None = None,
) -> None:
    """Suspend a card, or bury it until `until` (needed for a buried one)."""
    if (kind is Aside.BURIED) != (until is not None):
        raise ValueError("a buried card needs the moment it returns, and only a buried card")
    with store.writing("set the card aside") as conn:
        conn.execute(
            "INSERT OR REPLACE INTO set_aside (bank_id, question_id, kind, until, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                bank_id,
                question_id,
                str(kind),
                None if until is None else until.timestamp(),
                now.timestamp(),
            ),
        )


def restore(store: Store, bank_id: str, question_id: str) -> bool:
    """Take a card out of suspension (or unbury it); False when it was not set aside."""
    with store.writing("restore the card") as conn:
        cursor = conn.execute(
            "DELETE FROM set_aside WHERE bank_id = ? AND question_id = ?", (bank_id, question_id)
        )
        return cursor.rowcount > 0


def set_aside_in(store: Store, bank_id: str, now: datetime) -> list[AsideCard]:
    """The cards of `bank_id` set aside at `now`, suspended first, most recent first."""
    rows = store.select(
        f"SELECT question_id, kind, at, until FROM set_aside WHERE bank_id = ? AND {ACTIVE}"
        " ORDER BY kind DESC, at DESC, question_id",
        (bank_id, now.timestamp()),
    )
    return [
        AsideCard(
            bank_id,
            question_id,
            Aside(kind),
            datetime.fromtimestamp(at, UTC),
            None if until is None else datetime.fromtimestamp(until, UTC),
        )
        for question_id, kind, at, until in rows
    ]


def setting(store: Store, key: str) -> str | None:
    """The value remembered for `key`, or None."""
    value = store.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    return None if value is None else str(value)


def remember(store: Store, key: str, value: str) -> None:
    """Remember `value` for `key`, replacing what was there."""
    with store.writing("remember a setting") as conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))


def keep_draft(store: Store, session_id: str, draft: str, now: datetime) -> None:
    """Keep `draft` (JSON text) as the exam `session_id` stands now, replacing its last one."""
    with store.writing("keep the exam's answers") as conn:
        conn.execute(
            "INSERT OR REPLACE INTO exam_drafts (session_id, saved_at, draft) VALUES (?, ?, ?)",
            (session_id, now.timestamp(), draft),
        )


def latest_draft(store: Store) -> tuple[str, str] | None:
    """(session id, JSON text) of the exam draft kept last, or None."""
    rows = store.select(
        "SELECT session_id, draft FROM exam_drafts ORDER BY saved_at DESC, session_id LIMIT 1"
    )
    return (str(rows[0][0]), str(rows[0][1])) if rows else None


def drop_draft(store: Store, session_id: str) -> None:
    """Forget the draft of the exam `session_id` (submitted, left, or discarded)."""
    with store.writing("forget the exam's draft") as conn:
        conn.execute("DELETE FROM exam_drafts WHERE session_id = ?", (session_id,))
