"""Held or overcome: the one rule for a student's misconceptions, shared by the app and the stats.

**The events.** Misconception M (of one bank) is touched by every answer to a question whose
options carry M (`Question.misconception_ids`), with two exceptions: a self-graded flashcard
(its options were never shown, so nothing was declined) and an exam question left unanswered.
Such an answer **reveals** M when the student picked or typed an option carrying M (M is among
the answer's `misconceptions`), and otherwise **declines** it: they were shown M's distractor, or
could have typed it, and did not, whether the answer was right or wrong for another reason.
Events are taken oldest first (by time, then by answer id: a submitted exam saves all its
answers at one moment, in question order) and each is dated by the student's local calendar day.

**The rule.** M is **held** from the first answer that reveals it. It is **overcome** once the
student has declined it on `OVERCOME_DAYS` (2) *different calendar days* after the last answer
that revealed it; the day of that answer counts for the declines that came after it. Answering
right again the same day, straight after the feedback, proves little, so one day's declines count
once however many there are. Revealing M again makes it held again, and the days are counted from
that answer. A misconception never revealed is neither held nor overcome: it is not listed.

In SQL, per (student, bank, misconception), with `answers` holding both kinds of event:

    last   = the latest (answered_at, answer id) among the answers that reveal M
    days   = count(DISTINCT local_day(answered_at)) over the answers that decline M
             and come after `last` in that order
    held   = last IS NOT NULL AND days < 2;  overcome = last IS NOT NULL AND days >= 2

The progress store keeps both kinds on every answer: `answers.misconceptions` lists what it
revealed and `answers.declined` what it declined (see `quizapp.core.progress.storage.tables`, v2).
Results files list only what was revealed; there a decline is an answer to a question that
carries M in the bank (or that revealed M in some other answer) without revealing it.
Results files time answers in UTC, so the stats count UTC days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = ["OVERCOME_DAYS", "Standing", "Touch", "standing"]

#: Different days on which a misconception must be declined, after the student last fell for
#: it, for it to count as overcome.
OVERCOME_DAYS = 2


class Touch(StrEnum):
    """What one answer did with a misconception its question carries."""

    REVEALED = "revealed"
    """The student picked or typed the option carrying it."""
    DECLINED = "declined"
    """The student answered the question without picking or typing it."""


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a student stands with one misconception, after a sequence of events."""

    revealed: int
    """How many of the events revealed it."""
    declined_days: int
    """The different days it was declined on since it was last revealed (all days, if never)."""
    overcome_on: date | None
    """The day it became overcome (the last `OVERCOME_DAYS`th day); None while held."""

    @property
    def held(self) -> bool:
        """Revealed at least once and not overcome since it last was."""
        return self.revealed > 0 and self.overcome_on is None

    @property
    def overcome(self) -> bool:
        """Revealed at least once, then declined on enough days since it last was."""
        return self.revealed > 0 and self.overcome_on is not None


def standing(events: Iterable[tuple[date, Touch]]) -> Standing:
    """Apply the rule (see the module docstring) to `events`: (local day, touch), oldest first."""
    revealed = 0
    days: set[date] = set()
    overcome_on: date | None = None
    for day, touch in events:
        if touch is Touch.REVEALED:
            revealed += 1
            days.clear()
            overcome_on = None
            continue
        if day not in days:
            days.add(day)
            if len(days) == OVERCOME_DAYS and revealed:
                overcome_on = day
    return Standing(revealed, len(days), overcome_on if revealed else None)
