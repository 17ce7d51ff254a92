"""What the home and progress screens show, from the store, on fixed clocks."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

from quizapp.core.model import Bank, SelfGrade
from quizapp.core.progress import BankProgress, DayAccuracy, DayCount, Store, local_day
from quizapp.core.progress.days import accuracy_by_day, due_forecast, reviews_per_day
from quizapp.core.progress.figures import (
    bank_progress,
    introduced_today,
    progress_counts,
    review_due_items,
)
from quizapp.core.progress.held import held_misconceptions, misconception_history, target_items
from quizapp.core.progress.schedule import is_mastered
from quizapp.core.study import StudyItem
from tests.unit.progress_helpers import T0, answer_of, save, store
from tests.unit.study_banks import EARTH, STARS

__all__ = ["store"]  # the fixture

UTC_MINUS_5 = timezone(timedelta(hours=-5))
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


def study_three(store: Store) -> None:
    """At T0: red wrong (Again), titan right (Good), closest right, sure and fast (Easy)."""
    save(store, EARTH, "red", "Jupiter", T0)
    save(store, EARTH, "titan", "Saturn", T0)
    save(store, EARTH, "closest", 0, T0, confidence=3, seconds=4.0)


def mastered_by_fsrs(store: Store, bank: Bank, at: datetime) -> int:
    """How many of `bank`'s cards fsrs itself predicts recalled with 90% certainty at `at`."""
    cards = [store.card(bank.id, q.id) for q in bank.questions]
    return sum(1 for card in cards if card is not None and is_mastered(card, at))


def test_a_bank_never_studied_is_all_new(store: Store) -> None:
    assert bank_progress(store, EARTH, T0) == BankProgress("earth", 0, 10, 0, 0.0)
    assert progress_counts(store, "earth", 10, T0) == BankProgress("earth", 0, 10, 0, 0.0)


def test_counts_follow_the_clock_as_cards_fall_due(store: Store) -> None:
    study_three(store)
    expected = {
        T0 + 30 * timedelta(seconds=1): (0, 7, 3),  # all just answered
        T0 + 5 * MINUTE: (1, 7, 2),  # red: again in a minute
        T0 + HOUR: (2, 7, 1),  # titan: good, ten minutes
        T0 + 60 * DAY: (3, 7, 0),  # closest: easy, a week or so
    }
    for at, (due, new, learned) in expected.items():
        progress = bank_progress(store, EARTH, at)
        assert (progress.due, progress.new, progress.learned) == (due, new, learned), at
        assert progress.total == 10
        assert progress.mastery == mastered_by_fsrs(store, EARTH, at) / 10
        assert progress_counts(store, "earth", 10, at) == progress
    assert bank_progress(store, EARTH, T0 + HOUR).mastery == 0.1  # only the easy one
    assert bank_progress(store, EARTH, T0 + 60 * DAY).mastery == 0.0  # forgotten by then
    assert bank_progress(store, STARS, T0 + HOUR) == BankProgress("stars", 0, 3, 0, 0.0)


def test_questions_deleted_from_the_bank_no_longer_count(store: Store) -> None:
    study_three(store)
    without_red = dataclasses.replace(
        EARTH, questions=tuple(q for q in EARTH.questions if q.id != "red")
    )
    at = T0 + 5 * MINUTE
    # Before the store has seen the shorter bank, counting from its size alone includes red.
    assert progress_counts(store, "earth", 9, at) == BankProgress("earth", 1, 6, 2, 1 / 9)
    assert bank_progress(store, without_red, at) == BankProgress("earth", 0, 7, 2, 1 / 9)
    assert store.retired("earth") == ["red"]
    assert progress_counts(store, "earth", 9, at) == BankProgress("earth", 0, 7, 2, 1 / 9)
    assert [item.question.id for item in review_due_items(store, [without_red], at, 0)] == []
    # Put back and answered again, red counts again, even before the bank is seen whole.
    save(store, EARTH, "red", "Mars", at)
    assert store.retired("earth") == []
    assert progress_counts(store, "earth", 10, at) == bank_progress(store, EARTH, at)
    assert bank_progress(store, EARTH, at).new == 7


def test_the_bank_is_compared_with_its_cards_only_when_its_questions_changed(
    store: Store,
) -> None:
    study_three(store)
    bank_progress(store, EARTH, T0)
    (fingerprint,) = store.select("SELECT questions FROM banks WHERE bank_id = 'earth'")[0]
    assert fingerprint != ""
    store._conn.execute("UPDATE banks SET retired = '[\"titan\"]'")  # pretend titan had gone
    assert bank_progress(store, EARTH, T0 + HOUR).new == 8  # trusted: same questions as before
    save(store, EARTH, "giants", frozenset({0, 1}), T0 + HOUR)  # a new card: look again
    assert store.scalar("SELECT questions FROM banks") == ""
    assert bank_progress(store, EARTH, T0 + HOUR) == BankProgress("earth", 2, 6, 2, 0.1)
    assert store.retired("earth") == []


def keys(items: list[StudyItem]) -> list[tuple[str, str]]:
    return [item.key for item in items]


def test_review_due_brings_the_most_overdue_first_then_new_cards_up_to_the_limit(
    store: Store,
) -> None:
    save(store, EARTH, "red", "Jupiter", T0)  # due T0 + 1 min
    save(store, EARTH, "titan", "Saturn", T0)  # due T0 + 10 min
    save(store, STARS, "polaris", "south", T0 + 3 * MINUTE)  # due T0 + 4 min
    at = T0 + HOUR
    due = [("earth", "red"), ("stars", "polaris"), ("earth", "titan")]
    everything = review_due_items(store, [EARTH, STARS], at, tz=UTC)
    new_earth = [("earth", q.id) for q in EARTH.questions if q.id not in ("red", "titan")]
    assert keys(everything) == due + new_earth + [("stars", "closest"), ("stars", "sun-type")]
    assert everything[0].bank is EARTH and everything[1].bank is STARS
    # Three cards were met for the first time today: they count against the limit.
    assert keys(review_due_items(store, [EARTH, STARS], at, 5, UTC)) == (due + new_earth[:2])
    assert keys(review_due_items(store, [EARTH, STARS], at, 3, UTC)) == due
    assert keys(review_due_items(store, [STARS, EARTH, STARS], at, 0)) == due
    tomorrow = review_due_items(store, [STARS], T0 + DAY, 2, UTC)
    assert keys(tomorrow) == [("stars", "polaris"), ("stars", "closest"), ("stars", "sun-type")]


def test_cards_met_today_are_counted_in_the_students_own_day(store: Store) -> None:
    save(store, EARTH, "red", "Mars", T0 - 5 * HOUR)  # 23:00 on 2 March at UTC-5
    save(store, EARTH, "titan", "Saturn", T0)  # 04:00 on 3 March at UTC-5
    save(store, EARTH, "titan", "Saturn", T0 + MINUTE)  # met before: not new again
    assert introduced_today(store, T0, UTC_MINUS_5) == 1
    assert introduced_today(store, T0, UTC) == 2
    assert introduced_today(store, T0 + DAY, UTC) == 0


def history(store: Store, *banks: str) -> list[tuple[str, int, bool]]:
    return [
        (h.misconception_id, h.times, h.overcome) for h in misconception_history(store, banks, UTC)
    ]


def held_ids(store: Store, *banks: str) -> list[str]:
    return [h.misconception_id for h in held_misconceptions(store, banks, UTC)]


def test_misconceptions_are_overcome_by_declining_them_on_two_days_and_held_again_when_fallen_for(
    store: Store,
) -> None:
    save(store, EARTH, "red", "Jupiter", T0)  # bigger-is-closer
    save(store, EARTH, "pluto", 0, T0 + HOUR)  # "True": bigger-is-closer again
    save(store, EARTH, "closest", 2, T0 + 2 * HOUR)  # "Earth": earth-centre (declines bigger)
    save(store, STARS, "closest", 1, T0 + 2 * HOUR)  # the stars bank's own bigger-is-closer
    assert history(store, "earth") == [("bigger-is-closer", 2, False), ("earth-centre", 1, False)]
    (first, _) = misconception_history(store, ["earth"], UTC)
    assert (first.bank_id, first.first, first.last, first.overcome_on, first.declined_days) == (
        "earth",
        T0,
        T0 + HOUR,
        None,
        1,  # closest, answered "Earth", did not pick Jupiter
    )
    # The same day again, however often, is still one day; a question without it, or a
    # self-graded card (its options were never shown), is no day at all.
    save(store, EARTH, "giants", frozenset({0, 1}), T0 + 3 * HOUR)
    save(store, EARTH, "titan", "Saturn", T0 + DAY)
    save(store, EARTH, "red", SelfGrade.EASY, T0 + DAY, mode="flashcards")
    assert held_ids(store, "earth") == ["bigger-is-closer", "earth-centre"]
    # A second day: half marks on closest (Venus) still declined Jupiter.
    save(store, EARTH, "closest", 3, T0 + DAY + HOUR)
    assert history(store, "earth") == [("bigger-is-closer", 2, True), ("earth-centre", 1, False)]
    (first, second) = misconception_history(store, ["earth"], UTC)
    assert first.overcome_on == date(2025, 3, 4) and first.declined_days == 2
    assert second.declined_days == 1  # earth-centre: declined on 4 March only, so far
    assert held_ids(store, "earth") == ["earth-centre"]
    save(store, EARTH, "red", "Jupiter", T0 + 2 * DAY)  # fallen for once more: held again
    assert history(store, "earth") == [("bigger-is-closer", 3, False), ("earth-centre", 1, False)]
    assert misconception_history(store, ["earth"], UTC)[0].declined_days == 0
    assert history(store, "stars") == [("bigger-is-closer", 1, False)]
    assert len(held_misconceptions(store, ["earth", "stars"], UTC)) == 3


def test_the_days_are_the_students_own(store: Store) -> None:
    save(store, EARTH, "red", "Jupiter", T0)  # 09:00 UTC on 3 March
    save(store, EARTH, "giants", frozenset({0, 1}), T0 + 2 * HOUR)  # 11:00
    save(store, EARTH, "pluto", 1, T0 + 16 * HOUR)  # 01:00 UTC on 4 March: 20:00 on 3 March at -5
    assert held_ids(store, "earth") == []  # two UTC days
    assert held_ids(store) == []
    assert [h.misconception_id for h in held_misconceptions(store, ["earth"], UTC_MINUS_5)] == [
        "bigger-is-closer"
    ]


def test_answers_saved_together_are_ordered_by_their_ids(store: Store) -> None:
    """An exam saves every answer at one moment: a decline before the fall does not count."""
    giants = answer_of(EARTH, "giants", frozenset({0, 1}))  # declines bigger-is-closer
    red = answer_of(EARTH, "red", "Jupiter")  # then falls for it
    store.record_many([giants, red], mode="exam", session_id="e", now=T0)
    save(store, EARTH, "pluto", 1, T0 + DAY)
    (entry,) = misconception_history(store, ["earth"], UTC)
    assert entry.declined_days == 1 and not entry.overcome


def test_target_my_misconceptions_picks_every_question_carrying_one_still_held(
    store: Store,
) -> None:
    assert target_items(store, [EARTH, STARS]) == []
    save(store, EARTH, "closest", 2, T0)  # earth-centre
    save(store, EARTH, "red", "Jupiter", T0)  # bigger-is-closer, twice
    save(store, EARTH, "pluto", 0, T0)
    carrying_bigger = [("earth", q) for q in ("closest", "giants", "pluto", "red")]
    assert keys(target_items(store, [EARTH, STARS])) == carrying_bigger  # closest only once
    assert keys(target_items(store, [EARTH], limit=2)) == carrying_bigger[:2]
    assert target_items(store, [STARS]) == []
    save(store, EARTH, "giants", frozenset({0, 1}), T0 + HOUR)  # declines bigger-is-closer
    assert keys(target_items(store, [EARTH], tz=UTC)) == carrying_bigger  # one day is not enough
    save(store, EARTH, "red", "Mars", T0 + DAY)  # a second day: overcome
    assert keys(target_items(store, [EARTH], tz=UTC)) == [("earth", "closest")]


def test_accuracy_and_reviews_per_day_over_the_students_days(store: Store) -> None:
    save(store, EARTH, "red", "Mars", T0)  # 3 March: right
    save(store, EARTH, "titan", "Pluto", T0 + HOUR)  # 3 March: wrong
    save(store, EARTH, "giants", frozenset({0}), T0 + 2 * DAY)  # 5 March: half
    save(store, STARS, "polaris", "north", T0 + 2 * DAY)  # 5 March: right, other bank
    save(store, EARTH, "titan", "Saturn", T0 + 15 * HOUR)  # 4 March 00:00 UTC, 3 March at UTC-5
    now = T0 + 2 * DAY + HOUR
    march = [date(2025, 3, d) for d in (2, 3, 4, 5)]
    assert accuracy_by_day(store, "earth", 4, now, UTC) == [
        DayAccuracy(march[0], 0, None),
        DayAccuracy(march[1], 2, 0.5),
        DayAccuracy(march[2], 1, 1.0),
        DayAccuracy(march[3], 1, 0.5),
    ]
    assert [d.answered for d in accuracy_by_day(store, "earth", 4, now, UTC_MINUS_5)] == [
        0,
        3,
        0,
        1,
    ]
    assert reviews_per_day(store, None, 4, now, UTC) == [
        DayCount(day, n) for day, n in zip(march, (0, 2, 1, 2), strict=True)
    ]
    assert accuracy_by_day(store, "earth", 1, now, UTC) == [DayAccuracy(march[3], 1, 0.5)]


def test_the_due_forecast_puts_each_card_on_its_day_and_overdue_ones_today(store: Store) -> None:
    save(store, EARTH, "red", "Jupiter", T0)  # due in a minute: overdue by the time we look
    save(store, EARTH, "closest", 0, T0, confidence=3, seconds=4.0)  # easy: days away
    save(store, EARTH, "titan", "Saturn", T0)
    save(store, EARTH, "titan", "Saturn", T0 + 15 * MINUTE)  # graduated: a few days away
    now = T0 + 2 * HOUR
    forecast = due_forecast(store, "earth", now, 14, UTC)
    assert [d.day for d in forecast] == [date(2025, 3, 3) + i * DAY for i in range(14)]
    today = local_day(now, UTC)
    expected = [0] * 14
    for question_id in ("red", "closest", "titan"):
        card = store.card("earth", question_id)
        assert card is not None
        expected[max(0, (local_day(card.due, UTC) - today).days)] += 1
    assert [d.number for d in forecast] == expected
    assert forecast[0].number == 1 and sum(expected) == 3
    assert due_forecast(store, "stars", now, 3, UTC) == [
        DayCount(date(2025, 3, 3) + i * DAY, 0) for i in range(3)
    ]
