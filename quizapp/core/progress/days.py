"""Progress over time: answers and accuracy per day, and the reviews due in the days ahead.

Days are the student's local calendar days (`tz=None`: the system's time zone; tests pass a
fixed one), so a day is whatever the clock on the wall said, across changes of summer time.
Each day is one indexed range count over the answers or the cards.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import NamedTuple

from quizapp.core.progress.schedule import as_utc
from quizapp.core.progress.storage.store import Store

__all__ = [
    "DayAccuracy",
    "DayCount",
    "accuracy_by_day",
    "day_start",
    "due_forecast",
    "local_day",
    "moment_of",
    "reviews_per_day",
]


class DayAccuracy(NamedTuple):
    """The answers of one day."""

    day: date
    answered: int
    mean_score: float | None
    """The mean score (0..1) of the day's answers; None when there were none."""


class DayCount(NamedTuple):
    """How many of something fall on one day."""

    day: date
    number: int


def moment_of(now: datetime | None) -> datetime:
    """`now` in UTC, or the clock's time when None."""
    return datetime.now(UTC) if now is None else as_utc(now)


def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day `moment` falls on in `tz` (None: the system's time zone)."""
    return as_utc(moment).astimezone(tz).date()


def day_start(day: date, tz: tzinfo | None = None) -> float:
    """The Unix time at which `day` begins in `tz` (None: the system's time zone)."""
    if tz is None:
        return datetime(day.year, day.month, day.day).timestamp()  # naive: local, as mktime
    return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()


def _days(now: datetime | None, days: int, tz: tzinfo | None, ahead: bool) -> list[date]:
    today = local_day(moment_of(now), tz)
    if ahead:
        return [today + timedelta(days=i) for i in range(days)]
    return [today - timedelta(days=i) for i in reversed(range(days))]


#: The days as rows (i, lo, hi) from a JSON list of [start, end] Unix times, to join against.
_DAYS = (
    "WITH days (i, lo, hi) AS (SELECT key, json_extract(value, '$[0]'),"
    " json_extract(value, '$[1]') FROM json_each(?1)) "
)


def _bounds(days: list[date], tz: tzinfo | None) -> list[list[float]]:
    """`[[start, end], ...]` of each day, for one query over every day."""
    return [[day_start(d, tz), day_start(d + timedelta(days=1), tz)] for d in days]


def accuracy_by_day(
    store: Store,
    bank_id: str | None,
    days: int = 30,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> list[DayAccuracy]:
    """Answers and mean score on each of the last `days` days (today last), of one bank or all."""
    dates = _days(now, days, tz, ahead=False)
    bank_filter = "" if bank_id is None else " AND a.bank_id = ?2"
    rows = store.select(
        _DAYS + "SELECT count(a.id), avg(a.score) FROM days LEFT JOIN answers a"
        f" ON a.answered_at >= days.lo AND a.answered_at < days.hi{bank_filter}"
        " GROUP BY days.i ORDER BY days.i",
        (json.dumps(_bounds(dates, tz)),) + (() if bank_id is None else (bank_id,)),
    )
    return [DayAccuracy(day, n, mean) for day, (n, mean) in zip(dates, rows, strict=True)]


def reviews_per_day(
    store: Store,
    bank_id: str | None,
    days: int = 30,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> list[DayCount]:
    """How many answers (each one a review of its card) on each of the last `days` days."""
    return [DayCount(d.day, d.answered) for d in accuracy_by_day(store, bank_id, days, now, tz)]


def due_forecast(
    store: Store,
    bank_id: str,
    now: datetime | None = None,
    days: int = 14,
    tz: tzinfo | None = None,
) -> list[DayCount]:
    """Cards of `bank_id` falling due on each of the next `days` days, today first.

    Today's count includes every card already overdue: it is what a review today would hold.
    """
    dates = _days(now, days, tz, ahead=True)
    bounds = _bounds(dates, tz)
    if bounds:
        bounds[0][0] = -1e300  # today's reviews include every overdue one
    rows = store.select(
        _DAYS + "SELECT count(c.id) FROM days LEFT JOIN cards c ON c.bank_id = ?2"
        " AND c.due >= days.lo AND c.due < days.hi GROUP BY days.i ORDER BY days.i",
        (json.dumps(bounds), bank_id),
    )
    return [DayCount(day, n) for day, (n,) in zip(dates, rows, strict=True)]
