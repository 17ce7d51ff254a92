"""Spaced repetition: every question is an FSRS card, scheduled by the `fsrs` package.

The scheduler runs with fsrs's default parameters (desired retention 90%, learning steps of 1 and
10 minutes, relearning step of 10 minutes). Intervals of review cards are fuzzed a little, as
fsrs does (its `FUZZ_RANGES`), so cards met together drift apart; but the fuzz is drawn from the
card itself (its id and its last review), not from the global random generator, so the same card
reviewed the same way gets the same interval: `outcomes` can show the student what each grade
would do (Anki's interval preview) and the review then does exactly that. What quizapp decides
is how an answer becomes a rating, documented in the README's "Progress and spaced repetition":

- a flashcard's self-grade is its rating: Again, Hard, Good, Easy;
- an auto-graded answer: wrong (or left unanswered) -> Again, partly right -> Hard, right -> Good,
  and right, *sure* (confidence 3) and *fast* (under `EASY_SECONDS`) -> Easy. Without a confidence
  a right answer stays Good: speed alone cannot tell recall from a lucky guess, and an Easy
  pushes the next review days away. A right answer given after the hint was shown is Hard:
  it was recalled with help.

Time is always passed in (`now`), timezone-aware; nothing here reads the clock.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import FUZZ_RANGES

from quizapp.core.model import Response, SelfGrade
from quizapp.core.scoring import Outcome, outcome_for

__all__ = [
    "EASY_SECONDS",
    "MASTERY_RECALL",
    "SCHEDULER",
    "as_utc",
    "card_id_for",
    "is_mastered",
    "mastered_until",
    "new_card",
    "outcomes",
    "rating_for",
    "review",
]

#: The scheduler every card is reviewed with (fsrs's default parameters; the fuzz is `_fuzz`'s).
SCHEDULER = Scheduler(enable_fuzzing=False)

#: A right answer given at confidence 3 in less time than this (seconds) is rated Easy.
EASY_SECONDS = 10.0

#: A card is mastered while its predicted recall is at least this.
MASTERY_RECALL = 0.9

#: Beyond this many days (over 2,700 years) a mastered card is simply mastered for good.
_FOREVER_DAYS = 1_000_000


def as_utc(moment: datetime) -> datetime:
    """`moment` in UTC, as fsrs requires. Raises ValueError for a naive datetime."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a timezone-aware datetime is needed, not {moment!r}")
    return moment.astimezone(UTC)


def card_id_for(bank_id: str, question_id: str) -> int:
    """A stable 63-bit card id for a question.

    Given explicitly because `fsrs.Card()` otherwise takes the clock in milliseconds and sleeps a
    millisecond to keep ids apart, which adds seconds over thousands of cards.
    """
    key = f"{bank_id}\x00{question_id}".encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") >> 1


def new_card(bank_id: str, question_id: str, now: datetime) -> Card:
    """The card of a question never reviewed before, due at `now`."""
    return Card(card_id=card_id_for(bank_id, question_id), due=as_utc(now))


def rating_for(
    response: Response | None,
    score: float,
    confidence: int | None,
    seconds: float,
    hinted: bool = False,
) -> Rating:
    """The fsrs rating an answer gives its card (see the module docstring for the map)."""
    if isinstance(response, SelfGrade):
        return Rating(int(response))
    outcome = outcome_for(score) if response is not None else Outcome.WRONG
    if outcome is Outcome.WRONG:
        return Rating.Again
    if outcome is Outcome.PARTIAL or hinted:
        return Rating.Hard
    if confidence == 3 and 0 < seconds < EASY_SECONDS:
        return Rating.Easy
    return Rating.Good


def review(card: Card, rating: Rating, now: datetime) -> Card:
    """`card` after a review rated `rating` at `now` (a new card; the old one is unchanged)."""
    moment = as_utc(now)
    reviewed, _log = SCHEDULER.review_card(card, rating, review_datetime=moment)
    if reviewed.state is State.Review:
        reviewed.due = moment + _fuzz(reviewed.due - moment, card)
    return reviewed


def outcomes(card: Card, now: datetime) -> dict[Rating, Card]:
    """What a review at `now` would make of `card` under each rating (nothing is saved)."""
    return {rating: review(card, rating, now) for rating in Rating}


def _fuzz(interval: timedelta, card: Card) -> timedelta:
    """`interval` moved a few days either way, as fsrs's own fuzz does (intervals under 2.5
    days are left alone), by a draw seeded with the card's id and last review."""
    days = interval.days
    if days < 2.5:
        return interval
    delta = 1.0
    for span in FUZZ_RANGES:
        delta += span["factor"] * max(min(float(days), span["end"]) - span["start"], 0.0)
    top = min(round(days + delta), SCHEDULER.maximum_interval)
    low = min(max(2, round(days - delta)), top)
    last = "" if card.last_review is None else card.last_review.isoformat()
    draw = random.Random(f"{card.card_id}/{last}").random()
    return timedelta(days=min(round(draw * (top - low + 1) + low), SCHEDULER.maximum_interval))


def is_mastered(card: Card, now: datetime) -> bool:
    """True when `card` has graduated to review and its predicted recall at `now` is >= 90%.

    A card still in its (re)learning steps is not mastered: fsrs counts elapsed time in whole
    days, so any card reviewed today, even one just failed, would predict a recall of 100%.
    """
    if card.state is not State.Review:
        return False
    return SCHEDULER.get_card_retrievability(card, as_utc(now)) >= MASTERY_RECALL


def mastered_until(card: Card) -> datetime | None:
    """The moment `is_mastered(card, moment)` turns False for good; None when it is never True.

    fsrs predicts recall from whole days since the last review, falling as days pass, so the
    card stays mastered through the last whole day whose recall is still >= 90%. The store keeps
    this moment in an indexed column, so counting mastered cards is one index range.
    """
    if card.state is not State.Review or card.last_review is None or not card.stability:
        return None
    last = card.last_review

    def recall(days: int) -> float:
        return SCHEDULER.get_card_retrievability(card, last + timedelta(days=days))

    # Recall falls below 90% when the elapsed days pass the stability; floating point may put
    # the boundary a day either side, so step until the exact day is found.
    days = min(int(card.stability), _FOREVER_DAYS)
    while days > 0 and recall(days) < MASTERY_RECALL:
        days -= 1
    while days < _FOREVER_DAYS and recall(days + 1) >= MASTERY_RECALL:
        days += 1
    return last + timedelta(days=days + 1)
