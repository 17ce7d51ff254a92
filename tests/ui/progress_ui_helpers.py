"""Helpers for the progress UI tests: what the store in the test's data folder holds, a week of
answers saved before the app opens, and the notices the app has shown."""

from __future__ import annotations

from datetime import timedelta

from textual.app import App

from quizapp.core.model import SelfGrade
from quizapp.core.progress import default_data_dir, open_store
from quizapp.core.progress.storage.rows import StoredAnswer
from tests.ui.study_helpers import study_bank
from tests.unit.progress_helpers import T0, save

MINUTES_11 = timedelta(minutes=11)
DAY = timedelta(days=1)


def stored() -> list[StoredAnswer]:
    """Every answer in the progress store of the test's data folder, oldest first."""
    opening = open_store(default_data_dir())
    assert opening.warning is None, opening.warning
    with opening.store as store:
        return list(store.answers())


def a_week_of_study() -> None:
    """Answers to the study bank over the week before T0 (Monday 3 March 2025, 09:00 UTC).

    25 Feb: padlock wrong (https-is-safe), reuse right, manager right twice (it graduates).
    28 Feb: padlock right (https-is-safe avoided on one day: still held), phishing-signs partly
    right.
    2 Mar: reuse wrong (long-is-enough, held since), mfa graded Good twice.
    """
    bank = study_bank()
    day1, day4, day6 = T0 - 6 * DAY, T0 - 3 * DAY, T0 - DAY
    with open_store(default_data_dir()).store as store:
        save(store, bank, "padlock", 1, day1, session_id="mon")
        save(store, bank, "reuse", 1, day1, session_id="mon")
        save(store, bank, "manager", "password manager", day1, session_id="mon")
        save(store, bank, "manager", "a password manager", day1 + MINUTES_11, session_id="mon")
        save(store, bank, "padlock", 0, day4, session_id="thu")
        save(store, bank, "phishing-signs", frozenset({0}), day4, session_id="thu")
        save(store, bank, "reuse", 0, day6, session_id="sun")
        save(store, bank, "mfa", SelfGrade.GOOD, day6, mode="flashcards", session_id="sun")
        mfa_again = day6 + MINUTES_11
        save(store, bank, "mfa", SelfGrade.GOOD, mfa_again, mode="flashcards", session_id="sun")


def notices(app: App[object]) -> list[str]:
    """The messages of every notification the app has shown (and not yet cleared)."""
    return [notification.message for notification in app._notifications]
