"""What the home and progress screens are given: the overview of the listed banks, the held
misconceptions with their words, a bank's report, and the Review due and Target sessions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, timedelta

import pytest

from quizapp.core.progress import (
    ACCURACY_DAYS,
    FORECAST_DAYS,
    BankProgress,
    Store,
    bank_report,
    held_with_text,
    overview,
    review_session,
    target_session,
)
from quizapp.core.progress.figures import bank_progress
from quizapp.core.study import StudyError
from tests.unit.progress_helpers import T0, save, store
from tests.unit.study_banks import EARTH, STARS

__all__ = ["store"]  # the fixture

HOUR, DAY = timedelta(hours=1), timedelta(days=1)


def test_a_fresh_store_has_every_card_new_and_nothing_held(store: Store) -> None:
    seen = overview(store, [("earth", 10), ("stars", 3)], T0, UTC, new_limit=5)
    assert seen.counts["earth"] == BankProgress("earth", 0, 10, 0, 0.0)
    assert seen.totals() == (0, 13, 0)
    assert seen.new_room == 5 and seen.held == ()
    assert seen.reviewable(["earth"]) == 5  # no card due: today's 5 new cards
    assert seen.reviewable([]) == 0
    assert overview(store, [("earth", 10)], T0, UTC, new_limit=0).reviewable(["earth"]) == 0


def test_the_overview_counts_due_cards_and_the_new_cards_left_today(store: Store) -> None:
    save(store, EARTH, "red", "Jupiter", T0)  # wrong: bigger-is-closer, due in a minute
    save(store, STARS, "polaris", "south", T0)
    seen = overview(store, [("earth", 10), ("stars", 3)], T0 + HOUR, UTC, new_limit=3)
    assert seen.totals(["earth"]) == (1, 9, 0)
    assert seen.totals() == (2, 11, 0)
    assert seen.new_room == 1  # two of today's three met already, in any bank
    assert seen.reviewable(["earth"]) == 2 and seen.reviewable(["earth", "stars"]) == 3
    assert [(h.bank_id, h.misconception_id) for h in seen.held] == [("earth", "bigger-is-closer")]
    assert seen.held_in(["stars"]) == [] and len(seen.held_in(["earth", "stars"])) == 1
    tomorrow = overview(store, [("earth", 10)], T0 + DAY, UTC, new_limit=3)
    assert tomorrow.new_room == 3  # a new day, a new allowance


def test_held_misconceptions_take_their_words_from_the_bank(store: Store) -> None:
    save(store, EARTH, "red", "Jupiter", T0)
    held = overview(store, [("earth", 10)], T0, UTC).held
    (entry,) = held_with_text(held, {"earth": EARTH})
    assert entry.misconception.summary.startswith("The planet that looks biggest")
    assert held_with_text(held, {}) == []  # the bank was not read: nothing to show
    renamed = dataclasses.replace(EARTH, misconceptions={})
    assert held_with_text(held, {"earth": renamed}) == []  # no longer defined by the bank


def test_a_bank_report_has_every_figure_of_the_progress_screen(store: Store) -> None:
    save(store, EARTH, "red", "Jupiter", T0 - 2 * DAY)  # wrong
    save(store, EARTH, "titan", "Saturn", T0 - 2 * DAY)  # right
    save(store, EARTH, "red", "Mars", T0 - DAY)  # right: declines bigger-is-closer, day one
    (entry,) = bank_report(store, EARTH, T0, UTC).misconceptions
    assert not entry.history.overcome and entry.history.declined_days == 1
    save(store, EARTH, "pluto", 1, T0 - HOUR)  # right, today: day two, overcome
    report = bank_report(store, EARTH, T0, UTC)
    assert report.bank is EARTH and report.answered == 4
    assert report.progress == bank_progress(store, EARTH, T0)
    assert len(report.accuracy) == len(report.reviews) == ACCURACY_DAYS
    assert report.accuracy[-1].day == date(2025, 3, 3)
    assert [(d.answered, d.mean_score) for d in report.accuracy[-3:]] == [
        (2, 0.5),
        (1, 1.0),
        (1, 1.0),
    ]
    assert [d.number for d in report.reviews[-3:]] == [2, 1, 1]
    assert len(report.forecast) == FORECAST_DAYS and report.forecast[0].day == date(2025, 3, 3)
    assert sum(d.number for d in report.forecast) <= 3
    ((history, misconception),) = [(m.history, m.misconception) for m in report.misconceptions]
    assert history.overcome and history.times == 1 and history.overcome_on == date(2025, 3, 3)
    assert misconception.id == "bigger-is-closer"
    assert report.mastered == round(report.progress.mastery * 10)
    assert report.set_aside == ()


def test_review_session_is_due_cards_then_new_and_refuses_when_there_is_nothing(
    store: Store,
) -> None:
    save(store, EARTH, "red", "Jupiter", T0)
    session = review_session(store, [EARTH], T0 + HOUR, new_limit=2, tz=UTC, seed=1)
    ids = [item.question.id for item in session.items]
    assert ids[0] == "red" and len(ids) == 2  # due first, then one new (one met today)
    assert session.mode.value == "practice" and not session.confidence
    with pytest.raises(StudyError, match="nothing is due"):
        review_session(store, [STARS], T0 + HOUR, new_limit=1, tz=UTC)


def test_target_session_is_the_questions_carrying_a_held_misconception(store: Store) -> None:
    with pytest.raises(StudyError, match="no misconception"):
        target_session(store, [EARTH])
    save(store, EARTH, "red", "Jupiter", T0)
    session = target_session(store, [EARTH], seed=1)
    carriers = [q.id for q in EARTH.questions if "bigger-is-closer" in q.misconception_ids()]
    assert [item.question.id for item in session.items] == carriers and "red" in carriers
