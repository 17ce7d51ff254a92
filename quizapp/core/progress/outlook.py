"""What each grade would do to a card, from its real schedule: the flashcards' interval preview.

`StorePlanner` is the `quizapp.core.study.Planner` of a flashcard session: asked about a card,
it reads the card's FSRS state from the store (a card never answered is a new one) and works
out, without saving anything, when it would be due after Again, Hard, Good and Easy
(`schedule.outcomes`), and how long the student's day still lasts. The session shows the waits
on the grade keys and brings the card back today when its wait ends before the day does.
"""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating

from quizapp.core.model import SelfGrade
from quizapp.core.progress.days import day_start, local_day
from quizapp.core.progress.recorder import Recorder
from quizapp.core.progress.schedule import as_utc, new_card, outcomes
from quizapp.core.progress.storage.store import StoreError
from quizapp.core.study import Outlook, StudyItem

__all__ = ["StorePlanner"]


class StorePlanner:
    """Outlooks of cards from the recorder's store, at the recorder's time, by its days."""

    def __init__(self, recorder: Recorder) -> None:
        """Read cards from `recorder.store` (a new card while it is not open, or unreadable)."""
        self.recorder = recorder

    def outlook(self, item: StudyItem) -> Outlook:
        """When `item`'s card would be due after each grade, from now, and the day left."""
        recorder = self.recorder
        now = as_utc(recorder.now())
        bank_id, question_id = item.key
        card = None
        if recorder.store is not None:
            try:
                card = recorder.store.card(bank_id, question_id)
            except StoreError:
                card = None  # shown as a new card; the grade's own save reports the fault
        after = outcomes(card or new_card(bank_id, question_id, now), now)
        waits = {grade: after[Rating(int(grade))].due - now for grade in SelfGrade}
        today = local_day(now, recorder.tz)
        end = day_start(today + timedelta(days=1), recorder.tz)
        return Outlook(waits, timedelta(seconds=end - now.timestamp()))
