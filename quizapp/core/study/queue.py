"""The order flashcards come in, as in Anki: a card graded Again (or still in its learning steps)
comes back in the same session, once its step has passed.

`Outlook` is what each grade would do to the current card: how long until it is due again,
from the spaced-repetition schedule (`quizapp.core.progress` computes it from the card's real
state; the session only reads it). A grade whose wait ends before the student's day does puts the
card back in the `CardQueue`, due that much later by the session's clock; any other grade is the
card's last showing today.

`CardQueue.next` picks the next card: a returning card whose time has come, first; else the
next card not yet shown; and once every card has been shown, the returning card due soonest,
even before its time (its step is longer than what is left of the session). The session ends
when neither kind is left. `interval_text` writes a wait the way Anki's grade buttons do.
"""

from __future__ import annotations

import bisect
import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from quizapp.core.model import SelfGrade

__all__ = ["CardQueue", "Outlook", "QueueState", "interval_text"]


@dataclass(frozen=True, slots=True)
class Outlook:
    """What each grade would do to one card: how long until it is due again."""

    waits: Mapping[SelfGrade, timedelta]
    """From now, for every grade."""
    day_left: timedelta
    """What is left of the student's day: a card due again within it comes back today."""

    def comes_back(self, grade: SelfGrade) -> bool:
        """True when `grade` brings the card back later today, in this session."""
        return self.waits[grade] < self.day_left

    def label(self, grade: SelfGrade) -> str:
        """The wait after `grade` as the grade's button shows it: `<10m`, `4d`."""
        return interval_text(self.waits[grade])


def interval_text(wait: timedelta) -> str:
    """`<1m`, `<10m`, `<2h`, `4d`, `1.5mo`, `2.1y`: a wait in its largest sensible unit.

    Under a day it is an upper bound (a learning step is shown once it has passed, so at most
    that long); days, months (30 days) and years (365 days) are rounded.
    """
    seconds = max(0.0, wait.total_seconds())
    if seconds < 3600:
        return f"<{max(1, math.ceil(seconds / 60))}m"
    if seconds < 86400:
        return f"<{math.ceil(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + "mo"
    return f"{days / 365:.1f}".removesuffix(".0") + "y"


@dataclass(frozen=True, slots=True)
class QueueState:
    """A copy of a queue's state, to go back to (undo)."""

    fresh: tuple[int, ...]
    returning: tuple[tuple[float, int, int], ...]
    count: int


class CardQueue:
    """Card indexes `0 .. size-1`, in that order, with the cards that come back woven in."""

    def __init__(self, size: int) -> None:
        """Every card once, in order; none coming back yet."""
        self._fresh: deque[int] = deque(range(size))
        self._returning: list[tuple[float, int, int]] = []
        """(due by the session clock, order of return, card index), soonest first."""
        self._count = 0

    @property
    def unseen(self) -> int:
        """Cards not shown yet."""
        return len(self._fresh)

    @property
    def returning(self) -> int:
        """Cards coming back later in the session."""
        return len(self._returning)

    def __len__(self) -> int:
        return len(self._fresh) + len(self._returning)

    def next(self, now: float) -> int | None:
        """Take the card to show at `now` (session clock) out of the queue; None when empty."""
        if self._returning and (self._returning[0][0] <= now or not self._fresh):
            return self._returning.pop(0)[2]
        if self._fresh:
            return self._fresh.popleft()
        return None

    def again(self, index: int, due: float) -> None:
        """Bring card `index` back once the session clock reaches `due`."""
        self._count += 1
        bisect.insort(self._returning, (due, self._count, index))

    def state(self) -> QueueState:
        """The queue as it is now."""
        return QueueState(tuple(self._fresh), tuple(self._returning), self._count)

    def go_back(self, state: QueueState) -> None:
        """Make the queue what it was when `state` was taken."""
        self._fresh = deque(state.fresh)
        self._returning = list(state.returning)
        self._count = state.count
