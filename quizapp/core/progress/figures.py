"""What the student knows, from the progress store: the home screen's counts and the sessions
built from them.

- `bank_progress`: per bank, cards due now, new (never answered), learned (answered, not due) and
  mastery (the share of the bank's questions whose card has graduated to review and whose
  predicted recall is at least 90%). Indexed counts over the cards, however many answers are
  stored; `progress_counts` gives the same from a bank's id and size, before it is loaded.
- `review_due_items`: the "Review due" session: due cards, most overdue first, then new cards up
  to a daily limit shared by every bank (cards first met today, in any mode, use it up).
- `misconception_history` / `held_misconceptions`: each misconception fallen for, how often,
  when last, and whether it was overcome since (see `MisconceptionHistory`);
  `target_items`: the "Target my misconceptions" session.

Every function takes `now` (timezone-aware; default: the clock). Per-day statistics and the due
forecast are in `quizapp.core.progress.days`, re-exported here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from quizapp.core.model import Bank, Question
from quizapp.core.progress.days import (
    day_start,
    local_day,
    moment_of,
)
from quizapp.core.progress.recorder import DEFAULT_NEW_LIMIT
from quizapp.core.progress.store import Store, StoreError
from quizapp.core.study import StudyItem

__all__ = [
    "BankProgress",
    "MisconceptionHistory",
    "bank_progress",
    "held_misconceptions",
    "introduced_today",
    "misconception_history",
    "progress_counts",
    "review_due_items",
    "target_items",
]


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

    @property
    def total(self) -> int:
        """How many questions the bank has."""
        return self.due + self.new + self.learned


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
    return BankProgress(
        bank_id=bank_id,
        due=due,
        new=max(0, count - cards),
        learned=cards - due,
        mastery=min(1.0, mastered / count) if count else 0.0,
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
            "SELECT question_id, due FROM cards WHERE bank_id = ? AND due <= ? ORDER BY due, id",
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
        carded = _carded(store, bank.id)
        fresh = [q for q in bank.questions if q.id not in carded][:room]
        items += [StudyItem(bank, q) for q in fresh]
        room -= len(fresh)
    return items


@dataclass(frozen=True, slots=True)
class MisconceptionHistory:
    """A misconception the student has fallen for, over all their sessions.

    `overcome`: after the last time they fell for it, they answered right (full marks, not a
    self-graded flashcard) a question whose options carry it, and have not fallen for it since.
    """

    bank_id: str
    misconception_id: str
    times: int
    """How many answers revealed it."""
    last: datetime
    """When they last fell for it (UTC)."""
    overcome: bool
    first: datetime
    """When they first fell for it (UTC)."""
    overcome_at: datetime | None = None
    """When it was overcome (UTC), if it is."""


def _moment(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def misconception_history(store: Store, bank_ids: Iterable[str]) -> list[MisconceptionHistory]:
    """Every misconception of `bank_ids` ever fallen for: most often first, then most recent."""
    rows = store.select(
        "SELECT bank_id, misconception_id, times, last_fell, overcome_at, first_fell"
        " FROM misconceptions WHERE bank_id IN (SELECT value FROM json_each(?))"
        " ORDER BY times DESC, last_fell DESC, bank_id, misconception_id",
        (json.dumps(list(bank_ids)),),
    )
    return [
        MisconceptionHistory(
            bank_id=bank_id,
            misconception_id=misconception_id,
            times=times,
            last=datetime.fromtimestamp(last, UTC),
            overcome=overcome is not None,
            first=datetime.fromtimestamp(first, UTC),
            overcome_at=_moment(overcome),
        )
        for bank_id, misconception_id, times, last, overcome, first in rows
    ]


def held_misconceptions(store: Store, bank_ids: Iterable[str]) -> list[MisconceptionHistory]:
    """The misconceptions still held (fallen for, not overcome since): most often first.

    Ids a bank no longer defines may appear; look each up with `Bank.misconception` and skip
    the ones it does not know.
    """
    return [entry for entry in misconception_history(store, bank_ids) if not entry.overcome]


def target_items(store: Store, banks: Sequence[Bank], limit: int | None = None) -> list[StudyItem]:
    """The questions of a "Target my misconceptions" session over `banks`.

    Every question whose options carry a misconception the student still holds, grouped by
    misconception (most often fallen for first), in bank order within each; each question once.
    """
    by_id = {bank.id: bank for bank in banks}
    carrying: dict[str, dict[str, list[Question]]] = {}
    items: list[StudyItem] = []
    seen: set[tuple[str, str]] = set()
    for held in held_misconceptions(store, by_id):
        bank = by_id[held.bank_id]
        if bank.id not in carrying:
            carrying[bank.id] = _carriers(bank)
        for question in carrying[bank.id].get(held.misconception_id, []):
            if (bank.id, question.id) not in seen:
                seen.add((bank.id, question.id))
                items.append(StudyItem(bank, question))
    return items if limit is None else items[:limit]


def _carriers(bank: Bank) -> dict[str, list[Question]]:
    """Misconception id -> the questions of `bank` whose options carry it, in bank order."""
    found: dict[str, list[Question]] = {}
    for question in bank.questions:
        for misconception_id in question.misconception_ids():
            found.setdefault(misconception_id, []).append(question)
    return found
