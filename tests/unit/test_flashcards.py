"""Flashcards: the flip-then-grade flow, self-grades in the results, and the back of every card."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.core.model import QuestionType, SelfGrade
from quizapp.core.scoring import Outcome
from quizapp.core.study import (
    CardBack,
    FlashcardSession,
    Mode,
    Outlook,
    SessionError,
    StudyItem,
    hides_choices,
    interval_text,
)
from quizapp.core.study.flashcards import card_back
from quizapp.core.study.items import items_of
from tests.unit.study_banks import EARTH, STARS, FakeClock


def item(question_id: str) -> StudyItem:
    return StudyItem(EARTH, EARTH.question(question_id))


def test_flip_then_grade_moves_on_and_records_the_self_grade() -> None:
    clock = FakeClock()
    session = FlashcardSession([item("au"), item("red")], seed=1, clock=clock)
    assert (session.total, session.position, session.finished, session.flipped) == (
        2,
        0,
        False,
        False,
    )
    current = session.current
    assert current is not None and current.question.prompt == "What is an astronomical unit?"
    with pytest.raises(SessionError, match="flip"):
        session.grade(SelfGrade.GOOD)
    clock.advance(4)
    back = session.flip()
    assert session.flipped and back.answer == "The mean distance from the Earth to the Sun."
    clock.advance(2)
    record = session.grade(SelfGrade.HARD)
    assert record.response is SelfGrade.HARD and record.grade.outcome is Outcome.RIGHT
    assert record.seconds == 6 and record.item.key == ("earth", "au")
    assert (session.position, session.flipped) == (1, False)
    assert session.current_item == item("red")
    session.flip()
    clock.advance(3)
    assert session.grade(SelfGrade.AGAIN).grade.score == 0
    # Again brings it back (with no schedule to ask: once the other cards are done).
    assert session.current_item == item("red") and session.returning
    session.flip()
    session.grade(SelfGrade.GOOD)
    assert session.finished and session.current is None and session.current_item is None
    with pytest.raises(SessionError, match="finished"):
        session.flip()
    with pytest.raises(SessionError, match="finished"):
        session.grade(SelfGrade.EASY)


def test_the_report_scores_again_as_wrong_and_the_rest_as_right() -> None:
    clock = FakeClock()
    cards = items_of(EARTH)[:4]
    session = FlashcardSession(cards, clock=clock)
    for rating in (SelfGrade.AGAIN, SelfGrade.HARD, SelfGrade.GOOD, SelfGrade.EASY):
        session.flip()
        clock.advance(5)
        session.grade(rating)
    report = session.report()
    assert report.mode is Mode.FLASHCARDS
    assert (report.right, report.wrong, report.percent, report.seconds) == (3, 1, 75, 20)
    assert [r.response for r in report.results] == list(SelfGrade)
    assert report.mistakes() == (cards[0],)
    assert report.passed is None and report.misconceptions == ()


def test_a_rating_must_be_a_self_grade() -> None:
    session = FlashcardSession([item("au")])
    session.flip()
    with pytest.raises(SessionError, match="SelfGrade"):
        session.grade(3)  # type: ignore[arg-type]
    assert session.records == ()


# --- the back of every kind of card -------------------------------------------------------------

BACKS = {
    "closest": "Mercury",
    "giants": "Jupiter; Saturn",
    "pluto": "False",
    "red": "Mars",
    "titan": "Saturn",
    "moon-count": "1",
    "moons-match": "Titan → Saturn; Io → Jupiter",
    "capital": "Paris",  # one gap: its answer (gaps are numbered, never named)
    "inner-order": "Mercury → Venus → Earth → Mars",
    "au": "The mean distance from the Earth to the Sun.",
}


def test_every_question_type_has_a_card_back_with_its_correct_answer() -> None:
    assert {q.type for q in EARTH.questions} == set(QuestionType)
    assert {qid: card_back(item(qid)).answer for qid in BACKS} == BACKS


def test_a_choice_cards_back_shows_the_explanation_and_the_misconceptions_of_wrong_choices() -> (
    None
):
    back = card_back(item("closest"))
    assert back == CardBack(
        answer="Mercury",
        explanation="The order is Mercury, Venus, Earth, Mars.",
        misconceptions=(
            EARTH.misconceptions["bigger-is-closer"],
            EARTH.misconceptions["earth-centre"],
        ),
    )
    assert card_back(item("titan")).misconceptions == ()


def test_a_cards_misconceptions_come_from_its_own_bank() -> None:
    stars = card_back(StudyItem(STARS, STARS.question("closest")))
    assert [m.summary for m in stars.misconceptions] == ["The brightest star must be the closest."]


# --- the queue: cards that come back, as in Anki ------------------------------------------------


class Steps:
    """A planner with a fixed outlook: Again 1 minute, Hard 6 minutes, Good 10 minutes (learning
    steps), Easy 4 days; 12 hours of the day left."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.waits = {
            SelfGrade.AGAIN: timedelta(minutes=1),
            SelfGrade.HARD: timedelta(minutes=6),
            SelfGrade.GOOD: timedelta(minutes=10),
            SelfGrade.EASY: timedelta(days=4),
        }

    def outlook(self, item: StudyItem) -> Outlook:
        self.asked.append(item.question.id)
        return Outlook(dict(self.waits), timedelta(hours=12))


def shown(session: FlashcardSession, clock: FakeClock, grades: str, seconds: float) -> list[str]:
    """Turn and grade the cards with `grades` (digits), `seconds` apart; the ids shown."""
    ids = []
    for key in grades:
        current = session.current_item
        assert current is not None
        ids.append(current.question.id)
        session.flip()
        clock.advance(seconds)
        session.grade(SelfGrade(int(key)))
    return ids


def test_again_brings_a_card_back_once_its_learning_step_has_passed() -> None:
    clock = FakeClock()
    planner = Steps()
    cards = [item(q) for q in ("au", "red", "titan", "pluto")]
    session = FlashcardSession(cards, clock=clock, planner=planner)
    # au Again at 20 s (back at 80 s); red Easy (gone for 4 days); at 40 s au waits: titan.
    assert shown(session, clock, "14", 20) == ["au", "red"]
    assert session.coming_back == 1 and session.seen == 3
    assert shown(session, clock, "3", 40) == ["titan"]  # titan Good: back in 10 minutes
    assert session.current_item == item("au") and session.returning  # 80 s: au's minute is up
    assert shown(session, clock, "3", 5) == ["au"]  # Good: back in 10 minutes
    assert session.current_item == item("pluto") and not session.returning
    # The last fresh card; then the ones coming back, soonest first, before their time.
    assert shown(session, clock, "4", 5) == ["pluto"]
    assert shown(session, clock, "44", 5) == ["titan", "au"]
    assert session.finished and planner.asked == [
        "au",
        "red",
        "titan",
        "au",
        "pluto",
        "titan",
        "au",
    ]
    report = session.report()
    assert [r.item.question.id for r in report.results] == ["au", "red", "titan", "pluto"]
    first = [SelfGrade.AGAIN, SelfGrade.EASY, SelfGrade.GOOD, SelfGrade.EASY]
    assert [r.response for r in report.results] == first
    assert (report.right, report.wrong) == (3, 1) and len(session.records) == 7
    assert session.graded_cards == 4


def test_a_grade_due_again_after_today_ends_the_cards_day() -> None:
    clock = FakeClock()
    planner = Steps()
    planner.waits[SelfGrade.AGAIN] = timedelta(hours=13)  # past the end of the day
    session = FlashcardSession([item("au")], clock=clock, planner=planner)
    shown(session, clock, "1", 5)
    assert session.finished and session.coming_back == 0


def test_undo_takes_back_the_last_grade_and_the_queue_with_it() -> None:
    clock = FakeClock()
    session = FlashcardSession([item("au"), item("red")], clock=clock, planner=Steps())
    assert not session.can_undo
    with pytest.raises(SessionError, match="nothing to undo"):
        session.undo()
    shown(session, clock, "1", 5)
    assert session.coming_back == 1 and session.current_item == item("red")
    undone = session.undo()
    assert undone.item == item("au") and undone.record is not None
    assert undone.record.response is SelfGrade.AGAIN
    assert session.records == () and session.coming_back == 0 and session.seen == 1
    assert session.current_item == item("au") and not session.flipped and not session.returning
    assert shown(session, clock, "44", 5) == ["au", "red"] and session.finished
    session.undo()
    assert session.current_item == item("red") and [r.item for r in session.records] == [item("au")]


def test_a_card_set_aside_leaves_the_session_and_undo_brings_it_back() -> None:
    clock = FakeClock()
    session = FlashcardSession([item("au"), item("red")], clock=clock)
    assert session.set_aside() == item("au")
    assert session.current_item == item("red") and session.records == ()
    undone = session.undo()
    assert undone.item == item("au") and undone.record is None
    assert session.current_item == item("au")
    session.set_aside()
    session.set_aside()
    assert session.finished
    with pytest.raises(SessionError, match="finished"):
        session.set_aside()


def test_choice_questions_ask_for_recall_before_showing_their_choices() -> None:
    session = FlashcardSession([item("closest"), item("pluto"), item("au")])
    assert session.choices_hidden  # a single-choice question: its choices wait
    session.show_choices()
    assert not session.choices_hidden
    session.flip()
    assert not session.choices_hidden  # the back shows them, with the answer
    session.grade(SelfGrade.GOOD)
    assert not session.choices_hidden  # true/false: there is nothing to hide
    session.flip()
    session.grade(SelfGrade.GOOD)
    assert not session.choices_hidden and session.current_item == item("au")
    assert [t for t in QuestionType if hides_choices(t)] == [
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
    ]


@pytest.mark.parametrize(
    ("wait", "text"),
    [
        (timedelta(seconds=20), "<1m"),
        (timedelta(minutes=1), "<1m"),
        (timedelta(minutes=5, seconds=30), "<6m"),
        (timedelta(minutes=10), "<10m"),
        (timedelta(hours=5), "<5h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=4, hours=3), "4d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=60), "2mo"),
        (timedelta(days=800), "2.2y"),
    ],
)
def test_waits_read_as_on_ankis_grade_buttons(wait: timedelta, text: str) -> None:
    assert interval_text(wait) == text
