"""What the home and progress screens show from the progress store, and the sessions it starts.

The screens call these from thread workers and only render the result:

- `overview`: for the banks listed on the home screen, each bank's counts (`progress_counts`,
  no bank loaded), how many new cards a "Review due" may still bring in today, and the
  misconceptions still held. `Overview.reviewable` and `Overview.held_in` say whether "Review
  due" and "Target my misconceptions" have anything to study for the chosen banks.
- `held_with_text`: those misconceptions with their summary and explanation, from loaded banks.
- `bank_report`: everything the progress screen shows for one bank.
- `review_session` / `target_session`: practice sessions on `review_due_items` / `target_items`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from quizapp.core.model import Bank, Misconception
from quizapp.core.progress.days import (
    DayAccuracy,
    DayCount,
    accuracy_by_day,
    due_forecast,
    moment_of,
    reviews_per_day,
)
from quizapp.core.progress.figures import (
    BankProgress,
    bank_progress,
    introduced_today,
    progress_counts,
    review_due_items,
)
from quizapp.core.progress.held import (
    MisconceptionHistory,
    fill_declined,
    held_misconceptions,
    misconception_history,
    target_items,
)
from quizapp.core.progress.recorder import DEFAULT_NEW_LIMIT
from quizapp.core.progress.storage.aside import AsideCard, set_aside_in
from quizapp.core.progress.storage.store import Store
from quizapp.core.study import FlashcardSession, PracticeSession, StudyError

__all__ = [
    "ACCURACY_DAYS",
    "FORECAST_DAYS",
    "BankReport",
    "HeldMisconception",
    "Overview",
    "bank_report",
    "held_with_text",
    "overview",
    "review_session",
    "target_session",
]

#: The progress screen's charts: accuracy and reviews over the last 30 days, due reviews ahead.
ACCURACY_DAYS = 30
FORECAST_DAYS = 14


@dataclass(frozen=True, slots=True)
class HeldMisconception:
    """A misconception fallen for, with its words from the bank that defines it."""

    history: MisconceptionHistory
    misconception: Misconception


@dataclass(frozen=True, slots=True)
class Overview:
    """The home screen's view of the store, for the banks it lists."""

    counts: Mapping[str, BankProgress]
    """By bank id: due, new, learned (banks not listed, or not yet read, are missing)."""
    new_room: int
    """New cards a "Review due" session may still bring in today (the daily limit less those
    already met today)."""
    held: tuple[MisconceptionHistory, ...]
    """Misconceptions still held across the listed banks, most often fallen for first."""
    new_limit: int = DEFAULT_NEW_LIMIT
    """The daily limit of new cards `new_room` was counted from."""

    def totals(self, bank_ids: Iterable[str] | None = None) -> tuple[int, int, int]:
        """(due, new, learned) added up over `bank_ids` (None: every listed bank)."""
        ids = self.counts.keys() if bank_ids is None else bank_ids
        counts = [self.counts[i] for i in dict.fromkeys(ids) if i in self.counts]
        return (
            sum(c.due for c in counts),
            sum(c.new for c in counts),
            sum(c.learned for c in counts),
        )

    def reviewable(self, bank_ids: Iterable[str]) -> int:
        """How many cards a "Review due" on `bank_ids` would hold: every due card, then new ones
        up to today's room."""
        due, new, _ = self.totals(bank_ids)
        return due + min(new, self.new_room)

    def review_refusal(self, bank_ids: Iterable[str]) -> str | None:
        """Why "Review due" on `bank_ids` has nothing although they have new cards: today's
        new cards are used up (or new cards are off). None when it has something, or when
        there is nothing new to bring in either (then there is nothing to say)."""
        ids = list(bank_ids)
        if self.reviewable(ids) > 0 or self.totals(ids)[1] == 0:
            return None
        if self.new_limit == 0:
            return "nothing is due, and new cards are off (--new-limit 0)"
        cards = "new card is" if self.new_limit == 1 else "new cards are"
        return (
            f"nothing is due, and today's {self.new_limit} {cards} done;"
            " tomorrow, or raise --new-limit"
        )

    def held_in(self, bank_ids: Iterable[str]) -> list[MisconceptionHistory]:
        """The held misconceptions of `bank_ids`, in the overview's order."""
        wanted = set(bank_ids)
        return [entry for entry in self.held if entry.bank_id in wanted]


def overview(
    store: Store,
    banks: Sequence[tuple[str, int]],
    now: datetime | None = None,
    tz: tzinfo | None = None,
    new_limit: int = DEFAULT_NEW_LIMIT,
) -> Overview:
    """The counts of `banks` ((bank id, question count) pairs) and what is held across them.

    Indexed counts only, no bank loaded: cheap however much is stored.
    """
    counts = {bank_id: progress_counts(store, bank_id, size, now) for bank_id, size in banks}
    room = max(0, new_limit - introduced_today(store, now, tz))
    held = held_misconceptions(store, counts, tz)
    return Overview(counts, room, tuple(held), new_limit)


def held_with_text(
    held: Iterable[MisconceptionHistory], banks: Mapping[str, Bank]
) -> list[HeldMisconception]:
    """`held` with each misconception's words from `banks` (by id); ids no bank defines any
    more, and banks not given, are left out."""
    found = []
    for entry in held:
        bank = banks.get(entry.bank_id)
        misconception = bank.misconception(entry.misconception_id) if bank else None
        if misconception is not None:
            found.append(HeldMisconception(entry, misconception))
    return found


@dataclass(frozen=True, slots=True)
class BankReport:
    """Everything the progress screen shows for one bank."""

    bank: Bank
    progress: BankProgress
    answered: int
    """Answers ever saved for the bank."""
    accuracy: tuple[DayAccuracy, ...]
    """The last `ACCURACY_DAYS` days, today last."""
    reviews: tuple[DayCount, ...]
    """Answers per day over the same days."""
    forecast: tuple[DayCount, ...]
    """Reviews falling due on each of the next `FORECAST_DAYS` days, today (with every overdue
    card) first."""
    misconceptions: tuple[HeldMisconception, ...]
    """Every misconception of the bank ever fallen for, held or overcome; most often first."""
    set_aside: tuple[AsideCard, ...] = ()
    """Its cards suspended or buried now, suspended first."""

    @property
    def mastered(self) -> int:
        """How many of the bank's questions are mastered (recall predicted at 90% or more)."""
        return round(self.progress.mastery * self.progress.total)


def bank_report(
    store: Store, bank: Bank, now: datetime | None = None, tz: tzinfo | None = None
) -> BankReport:
    """The progress screen's figures for `bank` at `now`, days counted in `tz`."""
    fill_declined(store, bank)
    history = misconception_history(store, [bank.id], tz)
    return BankReport(
        bank=bank,
        progress=bank_progress(store, bank, now),
        answered=store.answer_count(bank.id),
        accuracy=tuple(accuracy_by_day(store, bank.id, ACCURACY_DAYS, now, tz)),
        reviews=tuple(reviews_per_day(store, bank.id, ACCURACY_DAYS, now, tz)),
        forecast=tuple(due_forecast(store, bank.id, now, FORECAST_DAYS, tz)),
        misconceptions=tuple(held_with_text(history, {bank.id: bank})),
        set_aside=tuple(set_aside_in(store, bank.id, moment_of(now))),
    )


def review_session(
    store: Store,
    banks: Sequence[Bank],
    now: datetime | None = None,
    *,
    new_limit: int = DEFAULT_NEW_LIMIT,
    tz: tzinfo | None = None,
    seed: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    as_cards: bool = False,
) -> PracticeSession | FlashcardSession:
    """A "Review due" session over `banks`: due cards (most overdue first), then new ones up to
    the daily limit, as questions (practice) or, with `as_cards`, as flashcards (the flow gives
    them the store's schedule); `StudyError` when there is nothing to review.

    Each bank is counted with `bank_progress` first, so questions deleted from its file since
    the store last saw it are left out of the home screen's counts from now on.
    """
    for bank in banks:
        bank_progress(store, bank, now)
    items = review_due_items(store, banks, now, new_limit, tz)
    if not items:
        raise StudyError("nothing is due, and today's new cards are used up")
    if as_cards:
        return FlashcardSession(items, seed=seed, clock=clock)
    return PracticeSession(items=items, seed=seed, clock=clock)


def target_session(
    store: Store,
    banks: Sequence[Bank],
    *,
    seed: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    tz: tzinfo | None = None,
) -> PracticeSession:
    """A "Target my misconceptions" practice session: every question of `banks` whose options
    carry a misconception still held (by the days of `tz`); `StudyError` when none is held."""
    items = target_items(store, banks, tz=tz)
    if not items:
        raise StudyError("you hold no misconception of these banks")
    return PracticeSession(items=items, seed=seed, clock=clock)
