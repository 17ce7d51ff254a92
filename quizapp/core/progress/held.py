"""The misconceptions a student has fallen for, held or overcome, and the questions that carry
them.

- `misconception_history`: each misconception of the given banks ever revealed, how often, when
  first and last, and whether it is held or overcome by the rule of
  `quizapp.core.progress.overcoming`, applied to the answers since it was last revealed, by the
  student's days (`tz`).
- `held_misconceptions`: those still held; `target_items`: the "Target my misconceptions"
  session, every question whose options carry one of them.
- `fill_declined`: answers saved before the store kept what they declined (schema version 1)
  get it from the bank, once, so the rule sees them too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from quizapp.core.model import Bank, Question, SelfGrade
from quizapp.core.progress.days import local_day
from quizapp.core.progress.overcoming import Touch, standing
from quizapp.core.progress.storage.codec import response_from_json
from quizapp.core.progress.storage.store import Store
from quizapp.core.study import StudyItem

__all__ = [
    "MisconceptionHistory",
    "fill_declined",
    "held_misconceptions",
    "misconception_history",
    "target_items",
    "undeclined_banks",
]


@dataclass(frozen=True, slots=True)
class MisconceptionHistory:
    """A misconception the student has fallen for, over all their sessions.

    `overcome`: declined on two different days since they last fell for it (the rule of
    `quizapp.core.progress.overcoming`); falling for it again makes it held again.
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
    overcome_on: date | None = None
    """The student's day it became overcome, if it is."""
    declined_days: int = 0
    """The days it was declined on since it was last revealed (2 overcome it)."""


def _ids(bank_ids: Iterable[str]) -> str:
    return json.dumps(list(dict.fromkeys(bank_ids)))


def misconception_history(
    store: Store, bank_ids: Iterable[str], tz: tzinfo | None = None
) -> list[MisconceptionHistory]:
    """Every misconception of `bank_ids` ever fallen for: most often first, then most recent.

    Days are counted in `tz` (None: the system's time zone).
    """
    ids = _ids(bank_ids)
    tallies = store.select(
        "SELECT bank_id, misconception_id, times, last_fell, first_fell FROM misconceptions"
        " WHERE bank_id IN (SELECT value FROM json_each(?))"
        " ORDER BY times DESC, last_fell DESC, bank_id, misconception_id",
        (ids,),
    )
    # The answers touching each misconception from the last one that revealed it on (answers
    # saved together share a moment: the order of their ids puts a decline before or after).
    touches = store.select(
        "SELECT m.bank_id, m.misconception_id, a.answered_at,"
        " EXISTS (SELECT 1 FROM json_each(a.misconceptions) WHERE value = m.misconception_id)"
        " FROM misconceptions m JOIN answers a"
        " ON a.bank_id = m.bank_id AND a.answered_at >= m.last_fell"
        " WHERE m.bank_id IN (SELECT value FROM json_each(?1)) AND (EXISTS (SELECT 1 FROM"
        " json_each(a.misconceptions) WHERE value = m.misconception_id) OR EXISTS (SELECT 1"
        " FROM json_each(a.declined) WHERE value = m.misconception_id))"
        " ORDER BY a.answered_at, a.id",
        (ids,),
    )
    events: dict[tuple[str, str], list[tuple[date, Touch]]] = defaultdict(list)
    for bank_id, misconception_id, at, revealed in touches:
        day = local_day(datetime.fromtimestamp(at, UTC), tz)
        events[(bank_id, misconception_id)].append(
            (day, Touch.REVEALED if revealed else Touch.DECLINED)
        )
    found = []
    for bank_id, misconception_id, times, last, first in tallies:
        state = standing(events[(bank_id, misconception_id)])
        found.append(
            MisconceptionHistory(
                bank_id=bank_id,
                misconception_id=misconception_id,
                times=times,
                last=datetime.fromtimestamp(last, UTC),
                overcome=state.overcome,
                first=datetime.fromtimestamp(first, UTC),
                overcome_on=state.overcome_on,
                declined_days=state.declined_days,
            )
        )
    return found


def held_misconceptions(
    store: Store, bank_ids: Iterable[str], tz: tzinfo | None = None
) -> list[MisconceptionHistory]:
    """The misconceptions still held (fallen for, not overcome since): most often first.

    Ids a bank no longer defines may appear; look each up with `Bank.misconception` and skip
    the ones it does not know.
    """
    return [entry for entry in misconception_history(store, bank_ids, tz) if not entry.overcome]


def target_items(
    store: Store, banks: Sequence[Bank], limit: int | None = None, tz: tzinfo | None = None
) -> list[StudyItem]:
    """The questions of a "Target my misconceptions" session over `banks`.

    Every question whose options carry a misconception the student still holds, grouped by
    misconception (most often fallen for first), in bank order within each; each question once.
    """
    by_id = {bank.id: bank for bank in banks}
    for bank in by_id.values():
        fill_declined(store, bank)
    carrying: dict[str, dict[str, list[Question]]] = {}
    items: list[StudyItem] = []
    seen: set[tuple[str, str]] = set()
    for held in held_misconceptions(store, by_id, tz):
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


def undeclined_banks(store: Store) -> list[str]:
    """The banks with answers whose declined misconceptions are not known yet (from before the
    store kept them): `fill_declined` each once it is read."""
    rows = store.select("SELECT DISTINCT bank_id FROM answers WHERE declined IS NULL")
    return [bank_id for (bank_id,) in rows]


def fill_declined(store: Store, bank: Bank) -> int:
    """Note, on the answers to `bank` saved without it, what each declined; how many were.

    Taken from the bank as it is now (a question's id is its identity): the misconceptions the
    question's options carry, less those the answer revealed; none for a self-graded card, an
    unanswered exam question or a question the bank no longer has.
    """
    rows = store.select(
        "SELECT id, question_id, response, misconceptions FROM answers"
        " WHERE bank_id = ? AND declined IS NULL",
        (bank.id,),
    )
    if not rows:
        return 0
    questions = {question.id: question for question in bank.questions}
    updates = []
    for answer_id, question_id, response_text, revealed_text in rows:
        response = response_from_json(response_text)
        question = questions.get(question_id)
        declined: list[str] = []
        if question is not None and response is not None and not isinstance(response, SelfGrade):
            revealed = set(json.loads(revealed_text))
            declined = [m for m in question.misconception_ids() if m not in revealed]
        updates.append((json.dumps(declined, ensure_ascii=False), answer_id))
    with store.writing("note what old answers declined") as conn:
        conn.executemany(
            "UPDATE answers SET declined = ? WHERE id = ? AND declined IS NULL", updates
        )
    return len(updates)
