"""What the student knows, from the progress store: the home screen's counts and the sessions
built from them.

- `bank_progress`: per bank, cards due now, new (never answered), learned (answered, not due),
  set aside (suspended or buried: `aside`) and mastery (the share of the bank's questions whose
  card has graduated to review and whose predicted recall is at least 90%). Indexed counts over
  the cards, however many answers are stored; `progress_counts` gives the same from a bank's id
  and size, before it is loaded.
- `review_due_items`: the "Review due" session: due cards, most overdue first, then new cards up
  to a daily limit shared by every bank (cards first met today, in any mode, use it up); cards
  set aside are left out. `due_keys`: the cards due now, for a flashcard set-up's "due only".

The misconceptions held and overcome are in `quizapp.core.progress.held`.

Every function takes `now` (timezone-aware; default: the clock). Per-day statistics and the due
forecast are in `quizapp.core.progress.days`, re-exported here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from quizapp.core.model import Bank
from quizapp.core.progress.days import (
    day_start,
    local_day,
    moment_of,
)
from quizapp.core.progress.recorder import DEFAULT_NEW_LIMIT
from quizapp.core.progress.storage.store import Store, StoreError
from quizapp.core.study import StudyItem

__all__ = [
    "BankProgress",
    "bank_progress",
    "due_keys",
    "introduced_today",
    "progress_counts",
    "review_due_items",
]

#: Rows of `cards` (as `c`) whose question is not set aside at `?2` (a Unix time).
NOT_ASIDE = (
    "NOT EXISTS (SELECT 1 FROM set_aside s WHERE s.bank_id = c.bank_id"
    " AND s.question_id = c.question_id AND (s.kind = 'suspended' OR s.until > ?2))"
)


@dataclass(frozen=True, slots=True)
class BankProgress:
    """Where the student stands on one bank's current questions."""

    bank_id: str
    due: int
    """Answered before and due for review now."""
    new: int
    """Never answered."""
    learned: int
    """Answered and not yet due again."""
    mastery: float
    """0..1: the share of the bank's questions predicted to be recalled with 90% certainty."""
    set_aside: int = 0
    """Suspended or buried (neither due nor new while they are)."""

    @property
    def total(self) -> int:
        """How many questions the bank has."""
        return self.due + self.new + self.learned + self.set_aside


def _carded(store: Store, bank_id: str) -> set[str]:
    """Ids of the questions of `bank_id` that have a card (were ever answered)."""
    rows = store.select("SELECT question_id FROM cards WHERE bank_id = ?", (bank_id,))
    return {question_id for (question_id,) in rows}


def bank_progress(store: Store, bank: Bank, now: datetime | None = None) -> BankProgress:
    """Due, new and learned counts and mastery for `bank`'s questions at `now`.

    Cards of questions no longer in the bank (deleted from its file) are left out. The bank's
    question ids are compared with the cards only when they changed since the store last saw them
    (a fingerprint is kept), so this costs a few indexed counts, however much is stored.
    """
    return _counts(store, bank.id, len(bank.questions), moment_of(now), _retired(store, bank))


def progress_counts(
    store: Store, bank_id: str, question_count: int, now: datetime | None = None
) -> BankProgress:
    """`bank_progress` for a bank not loaded (the home list's `BankSummary`): SQL counts only.

    Exact as of the last time the loaded bank went through `bank_progress` (or any function
    here taking a `Bank`): questions deleted from its file since then still count.
    """
    return _counts(store, bank_id, question_count, moment_of(now), store.retired(bank_id))


def _fingerprint(bank: Bank) -> str:
    ids = "\n".join(q.id for q in bank.questions)
    return hashlib.sha256(ids.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _retired(store: Store, bank: Bank) -> list[str]:
    """The answered questions `bank` no longer has; the store remembers them with the bank."""
    fingerprint = _fingerprint(bank)
    rows = store.select("SELECT questions, retired FROM banks WHERE bank_id = ?", (bank.id,))
    if rows and rows[0][0] == fingerprint:
        return list(json.loads(rows[0][1]))
    carded = _carded(store, bank.id)
    retired = sorted(carded.difference(q.id for q in bank.questions)) if carded else []
    with contextlib.suppress(StoreError):  # a store that cannot be written still counts right
        store.remember_bank(bank.id, fingerprint, retired)
    return retired


def _counts(
    store: Store, bank_id: str, count: int, moment: datetime, retired: list[str]
) -> BankProgress:
    at = moment.timestamp()
    (cards, due, mastered), *_ = store.select(
        "SELECT (SELECT count(*) FROM cards WHERE bank_id = ?1),"
        " (SELECT count(*) FROM cards WHERE bank_id = ?1 AND due <= ?2),"
        " (SELECT count(*) FROM cards WHERE bank_id = ?1 AND mastered_until > ?2)",
        (bank_id, at),
    )
    if retired:
        (gone, gone_due, gone_mastered), *_ = store.select(
            "SELECT count(*), total(due <= ?2), total(mastered_until > ?2) FROM cards"
            " WHERE bank_id = ?1 AND question_id IN (SELECT value FROM json_each(?3))",
            (bank_id, at, json.dumps(retired, ensure_ascii=False)),
        )
        cards, due, mastered = cards - gone, due - int(gone_due), mastered - int(gone_mastered)
    aside = store.select(
        "SELECT s.question_id, c.id IS NOT NULL, coalesce(c.due <= ?2, 0) FROM set_aside s"
        " LEFT JOIN cards c ON c.bank_id = s.bank_id AND c.question_id = s.question_id"
        " WHERE s.bank_id = ?1 AND (s.kind = 'suspended' OR s.until > ?2)",
        (bank_id, at),
    )
    gone_ids = set(retired)
    aside = [(carded, due_now) for qid, carded, due_now in aside if qid not in gone_ids]
    aside_carded = sum(1 for carded, _ in aside if carded)
    aside_due = sum(1 for _, due_now in aside if due_now)
    new = max(0, count - cards - (len(aside) - aside_carded))
    return BankProgress(
        bank_id=bank_id,
        due=due - aside_due,
        new=new,
        learned=cards - due - (aside_carded - aside_due),
        mastery=min(1.0, mastered / count) if count else 0.0,
        set_aside=len(aside),
    )


def introduced_today(store: Store, now: datetime | None = None, tz: tzinfo | None = None) -> int:
    """How many cards were answered for the first time today (local day; any bank, any mode)."""
    today = local_day(moment_of(now), tz)
    start, end = day_start(today, tz), day_start(today + timedelta(days=1), tz)
    return int(
        store.scalar(
            "SELECT count(*) FROM cards WHERE introduced_at >= ? AND introduced_at < ?",
            (start, end),
        )
    )


def review_due_items(
    store: Store,
    banks: Sequence[Bank],
    now: datetime | None = None,
    new_limit: int = DEFAULT_NEW_LIMIT,
    tz: tzinfo | None = None,
) -> list[StudyItem]:
    """The questions of a "Review due" session over `banks`.

    First every due card, most overdue first; then new questions (in bank order, banks in the
    order given) up to `new_limit` less the cards already met for the first time today.
    """
    moment = moment_of(now)
    unique: dict[str, Bank] = {}
    for bank in banks:
        unique.setdefault(bank.id, bank)
    due: list[tuple[float, int, StudyItem]] = []
    for index, bank in enumerate(unique.values()):
        rows = store.select(
            "SELECT question_id, due FROM cards c WHERE bank_id = ?1 AND due <= ?2"
            f" AND {NOT_ASIDE} ORDER BY due, id",
            (bank.id, moment.timestamp()),
        )
        if rows:
            questions = {q.id: q for q in bank.questions}
            due += [
                (when, index, StudyItem(bank, questions[qid]))
                for qid, when in rows
                if qid in questions
            ]
    due.sort(key=lambda entry: entry[:2])
    items = [item for _, _, item in due]
    room = max(0, new_limit - introduced_today(store, moment, tz))
    for bank in unique.values():
        if room == 0:
            break
        skipped = _carded(store, bank.id) | _aside(store, bank.id, moment)
        fresh = [q for q in bank.questions if q.id not in skipped][:room]
        items += [StudyItem(bank, q) for q in fresh]
        room -= len(fresh)
    return items


def _aside(store: Store, bank_id: str, moment: datetime) -> set[str]:
    """Ids of the questions of `bank_id` set aside (suspended, or buried) at `moment`."""
    rows = store.select(
        "SELECT question_id FROM set_aside WHERE bank_id = ?1"
        " AND (kind = 'suspended' OR until > ?2)",
        (bank_id, moment.timestamp()),
    )
    return {question_id for (question_id,) in rows}


def due_keys(
    store: Store, banks: Sequence[Bank], now: datetime | None = None
) -> frozenset[tuple[str, str]]:
    """(bank id, question id) of every card of `banks` due at `now` and not set aside."""
    moment = moment_of(now)
    found: set[tuple[str, str]] = set()
    for bank in banks:
        ids = {q.id for q in bank.questions}
        rows = store.select(
            f"SELECT question_id FROM cards c WHERE bank_id = ?1 AND due <= ?2 AND {NOT_ASIDE}",
            (bank.id, moment.timestamp()),
        )
        found.update((bank.id, qid) for (qid,) in rows if qid in ids)
    return frozenset(found)
