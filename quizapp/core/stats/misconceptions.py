"""Misconceptions across a class: who holds each one, and in which questions it shows.

A student holds a misconception by the app's own rule (`quizapp.core.progress.overcoming`): they
fell for it, and have not declined it on two different days since. Here each answer to a
question that can reveal it (its options carry it in the bank, or some answer revealed it there)
is an event: revealed when the answer's misconceptions list it, declined otherwise; days are
UTC days, as results files time answers in UTC. Misconception ids belong to a bank, so each is
counted per bank.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC

from quizapp.core.model import Bank
from quizapp.core.progress import Touch, standing
from quizapp.core.stats.model import MisconceptionStat
from quizapp.core.stats.rows import ResultRow

__all__ = ["misconception_stats"]


def misconception_stats(
    rows: Sequence[ResultRow], banks: Mapping[str, Bank]
) -> tuple[MisconceptionStat, ...]:
    """Every misconception some answer in `rows` revealed, most widely held first.

    `rows` are sorted oldest first; `banks` say which questions' options carry each one.
    """
    revealing: dict[tuple[str, str], list[ResultRow]] = defaultdict(list)
    for row in rows:
        for misconception in dict.fromkeys(row.misconceptions):
            revealing[(row.bank_id, misconception)].append(row)
    carriers = _carriers(banks, revealing)
    stats = [
        _stat(key, found, carriers[key], rows, banks.get(key[0]))
        for key, found in revealing.items()
    ]
    stats.sort(key=lambda stat: (-stat.holders, -stat.students, stat.bank_id, stat.id))
    return tuple(stats)


def _carriers(
    banks: Mapping[str, Bank], revealing: Mapping[tuple[str, str], list[ResultRow]]
) -> dict[tuple[str, str], set[str]]:
    """For each misconception: the questions that can reveal it (its options, or the data)."""
    carriers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, found in revealing.items():
        carriers[key].update(row.question_id for row in found)
        bank = banks.get(key[0])
        for question in bank.questions if bank is not None else ():
            if key[1] in question.misconception_ids():
                carriers[key].add(question.id)
    return carriers


def _stat(
    key: tuple[str, str],
    found: list[ResultRow],
    carriers: set[str],
    rows: Sequence[ResultRow],
    bank: Bank | None,
) -> MisconceptionStat:
    bank_id, misconception_id = key
    events: dict[str, list[tuple[ResultRow, Touch]]] = defaultdict(list)
    for row in rows:
        if row.bank_id != bank_id or row.question_id not in carriers:
            continue
        if misconception_id in row.misconceptions:
            events[row.install_id].append((row, Touch.REVEALED))
        elif row.response is not None:
            events[row.install_id].append((row, Touch.DECLINED))
    holders = sum(
        standing(
            (row.answered_at.astimezone(UTC).date(), touch)
            for row, touch in sorted(touched, key=lambda pair: pair[0].order)
        ).held
        for touched in events.values()
    )
    where = Counter(row.question_id for row in found)
    misconception = None if bank is None else bank.misconception(misconception_id)
    return MisconceptionStat(
        bank_id=bank_id,
        id=misconception_id,
        summary=None if misconception is None else misconception.summary,
        holders=holders,
        students=len({row.install_id for row in found}),
        times=len(found),
        questions=tuple(sorted(where.items(), key=lambda item: (-item[1], item[0]))),
    )
