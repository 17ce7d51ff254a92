"""Flashcards: the flip-then-grade flow, self-grades in the results, and the back of every card."""

from __future__ import annotations

import pytest

from quizapp.core.model import QuestionType, SelfGrade
from quizapp.core.scoring import Outcome
from quizapp.core.study import CardBack, FlashcardSession, Mode, SessionError, StudyItem
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
