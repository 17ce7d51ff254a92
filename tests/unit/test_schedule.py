"""Spaced repetition: the rating map, cards moving forward, ids, and when a card is mastered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from quizapp.core.model import SelfGrade
from quizapp.core.progress.schedule import (
    EASY_SECONDS,
    SCHEDULER,
    Card,
    Rating,
    State,
    as_utc,
    card_id_for,
    is_mastered,
    mastered_until,
    new_card,
    rating_for,
    review,
)
from tests.unit.progress_helpers import T0


@pytest.mark.parametrize(
    ("response", "score", "confidence", "seconds", "rating"),
    [
        (SelfGrade.AGAIN, 0.0, None, 3.0, Rating.Again),
        (SelfGrade.HARD, 1.0, None, 3.0, Rating.Hard),
        (SelfGrade.GOOD, 1.0, None, 30.0, Rating.Good),
        (SelfGrade.EASY, 1.0, None, 30.0, Rating.Easy),
        (1, 0.0, 3, 2.0, Rating.Again),  # wrong, however sure and fast
        (frozenset({0}), 0.5, 3, 2.0, Rating.Hard),  # partly right
        ("Mars", 1.0, None, 2.0, Rating.Good),  # right and fast, but nobody said how sure
        ("Mars", 1.0, 3, 2.0, Rating.Easy),  # right, sure and fast
        ("Mars", 1.0, 3, EASY_SECONDS, Rating.Good),  # sure but not fast
        ("Mars", 1.0, 2, 2.0, Rating.Good),  # fast but only fairly sure
        ("Mars", 1.0, 3, 0.0, Rating.Good),  # no time measured
        (None, 0.0, None, 0.0, Rating.Again),  # an exam question left unanswered
    ],
)
def test_the_rating_map(
    response: object, score: float, confidence: int | None, seconds: float, rating: Rating
) -> None:
    assert rating_for(response, score, confidence, seconds) is rating  # type: ignore[arg-type]


def test_a_right_answer_after_the_hint_is_hard_not_good_or_easy() -> None:
    assert rating_for("Mars", 1.0, None, 30.0, hinted=True) is Rating.Hard
    assert rating_for("Mars", 1.0, 3, 2.0, hinted=True) is Rating.Hard  # sure and fast, but helped
    assert rating_for("Jupiter", 0.0, None, 30.0, hinted=True) is Rating.Again
    assert rating_for(SelfGrade.EASY, 1.0, None, 3.0, hinted=True) is Rating.Easy  # a flashcard


def test_card_ids_are_stable_positive_63_bit_and_distinct() -> None:
    ids = {card_id_for(bank, f"q{i}") for bank in ("a", "b") for i in range(2000)}
    assert len(ids) == 4000 and all(0 < i < 2**63 for i in ids)
    assert (
        card_id_for("earth", "red") == card_id_for("earth", "red") == 1937464236653709514
    )  # pinned: stored in every card
    assert card_id_for("a", "bc") != card_id_for("ab", "c")


def test_a_new_card_has_its_explicit_id_and_is_due_now() -> None:
    card = new_card("earth", "red", T0)
    assert card.card_id == card_id_for("earth", "red")
    assert card.due == T0 and card.state is State.Learning and card.last_review is None


@pytest.mark.parametrize(
    ("rating", "due"),
    [
        (Rating.Again, timedelta(minutes=1)),
        (Rating.Hard, timedelta(minutes=5, seconds=30)),
        (Rating.Good, timedelta(minutes=10)),
    ],
)
def test_a_new_card_steps_through_learning(rating: Rating, due: timedelta) -> None:
    card = review(new_card("earth", "red", T0), rating, T0)
    assert card.due == T0 + due and card.state is State.Learning and card.last_review == T0


def test_easy_graduates_at_once_and_good_answers_push_the_card_further_out() -> None:
    easy = review(new_card("earth", "red", T0), Rating.Easy, T0)
    assert easy.state is State.Review and easy.due - T0 >= timedelta(days=5)
    card, now, gaps = new_card("earth", "titan", T0), T0, []
    for _ in range(6):
        card = review(card, Rating.Good, now)
        gaps.append(card.due - now)
        now = card.due
    assert card.state is State.Review
    assert gaps[2:] == sorted(gaps[2:]) and gaps[-1] > timedelta(days=20)
    lapsed = review(card, Rating.Again, now)
    assert lapsed.state is State.Relearning and lapsed.due == now + timedelta(minutes=10)


def test_times_must_say_their_zone_and_are_kept_in_utc() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        as_utc(datetime(2025, 3, 3, 9, 0))
    paris = datetime(2025, 3, 3, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert as_utc(paris) == T0 and as_utc(paris).tzinfo is UTC
    card = review(new_card("earth", "red", paris), Rating.Good, paris)
    assert card.due == T0 + timedelta(minutes=10)


def graduated(stability_days: float) -> Card:
    """A review card last seen at T0 with the given stability."""
    return Card(
        card_id=1, state=State.Review, step=None, stability=stability_days, difficulty=5.0,
        due=T0 + timedelta(days=stability_days), last_review=T0,
    )  # fmt: skip


@pytest.mark.parametrize("stability", [0.4, 1.0, 2.3, 7.0, 7.999, 31.5, 400.0])
def test_mastered_until_is_exactly_where_fsrs_recall_drops_below_90_percent(
    stability: float,
) -> None:
    card = graduated(stability)
    until = mastered_until(card)
    assert until is not None
    assert is_mastered(card, until - timedelta(seconds=1))
    assert not is_mastered(card, until)
    recall = SCHEDULER.get_card_retrievability
    assert recall(card, until - timedelta(seconds=1)) >= 0.9 > recall(card, until)


def test_a_card_in_its_learning_steps_is_never_mastered() -> None:
    failed = review(new_card("earth", "red", T0), Rating.Again, T0)
    # fsrs counts whole days, so today it predicts a perfect recall even of a failed card.
    assert SCHEDULER.get_card_retrievability(failed, T0 + timedelta(minutes=5)) == 1.0
    assert not is_mastered(failed, T0 + timedelta(minutes=5))
    assert mastered_until(failed) is None


def test_outcomes_show_what_each_rating_will_do_and_the_review_does_exactly_that() -> None:
    from quizapp.core.progress.schedule import outcomes

    card = review(review(new_card("earth", "red", T0), Rating.Good, T0), Rating.Good, T0)
    later = T0 + timedelta(days=3, hours=2)
    preview = outcomes(card, later)
    for rating, after in preview.items():
        assert review(card, rating, later) == after  # the fuzz is the card's, not random's
    assert preview[Rating.Again].state is State.Relearning
    assert preview[Rating.Again].due - later == timedelta(minutes=10)
    days = [(preview[r].due - later).days for r in (Rating.Hard, Rating.Good, Rating.Easy)]
    assert 1 <= days[0] <= days[1] <= days[2]


def test_the_fuzz_spreads_cards_reviewed_alike_within_a_few_days() -> None:
    spread = set()
    for n in range(40):
        card = new_card("earth", f"q{n}", T0)
        card = review(review(card, Rating.Good, T0), Rating.Good, T0 + timedelta(minutes=10))
        plain, _ = SCHEDULER.review_card(card, Rating.Good, T0 + timedelta(days=3))  # unfuzzed
        fuzzed = review(card, Rating.Good, T0 + timedelta(days=3))
        assert fuzzed.stability == plain.stability and fuzzed.state is plain.state
        days = (fuzzed.due - plain.due).days
        assert abs(days) <= 3  # fsrs's fuzz range (its rounding reaches one day past it)
        spread.add(days)
    assert len(spread) > 1  # cards met together drift apart
