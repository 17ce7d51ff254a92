"""Session reports: score and pass mark, topics, misconceptions, time taken, mistakes to retry."""

from __future__ import annotations

import pytest

from quizapp.core.model import Response
from quizapp.core.study import Mode, PracticeSession, StudyItem, TopicScore
from quizapp.core.study.items import items_of
from tests.unit.study_banks import EARTH, STARS, FakeClock

EARTH_ITEMS = items_of(EARTH)


def run(
    items: list[StudyItem], answers: list[tuple[Response, float]], pass_mark: float | None = None
) -> PracticeSession:
    """A practice session over `items`, each answer given after its number of seconds."""
    clock = FakeClock()
    session = PracticeSession(items=items, seed=2, clock=clock, pass_mark=pass_mark)
    for response, seconds in answers:
        clock.advance(seconds)
        session.answer(response)
        clock.advance(1)  # reading the feedback
        session.advance()
    return session


def test_topic_breakdown_in_order_of_first_appearance_with_general_last_seen() -> None:
    items = [EARTH_ITEMS[i] for i in (4, 0, 7, 5, 1)]  # titan, closest, capital, moon-count, giants
    session = run(items, [("Saturn", 1), (3, 1), (("Paris",), 1), ("2", 1), (frozenset({0}), 1)])
    report = session.report()
    assert report.topics == (
        TopicScore("Moons", 1.0, 2.0, 2),
        TopicScore("Planets", 1.0, 2.0, 2),  # half for Venus, half for one gas giant
        TopicScore("General", 1.0, 1.0, 1),
    )
    assert [t.percent for t in report.topics] == [50, 50, 100]
    assert (report.score, report.max_score, report.percent) == (3, 5, 60)


def test_misconceptions_most_frequent_first_with_the_questions_where_they_showed() -> None:
    items = EARTH_ITEMS[:4]  # closest, giants, pluto, red
    session = run(items, [(2, 1), (frozenset({2}), 1), (0, 1), ("Jupiter", 1)])
    tallies = session.report().misconceptions
    assert [(t.misconception.id, t.question_ids, t.indexes) for t in tallies] == [
        ("bigger-is-closer", ("giants", "pluto", "red"), (1, 2, 3)),
        ("earth-centre", ("closest",), (0,)),
    ]
    assert tallies[0].misconception.explanation.startswith("How big a planet looks")


def test_the_same_misconception_id_in_two_banks_is_two_misconceptions() -> None:
    items = [EARTH_ITEMS[0], StudyItem(STARS, STARS.question("closest")), EARTH_ITEMS[3]]
    report = run(items, [(1, 1), (1, 1), ("Jupiter", 1)]).report()
    assert [(t.bank_id, t.count, t.misconception.summary[:20]) for t in report.misconceptions] == [
        ("earth", 2, "The planet that look"),
        ("stars", 1, "The brightest star m"),
    ]


def test_time_taken_and_time_per_question_come_from_the_clock() -> None:
    session = run(EARTH_ITEMS[:3], [(0, 12), (frozenset({0, 1}), 30), (1, 4.5)])
    report = session.report()
    assert [r.seconds for r in report.results] == [12, 30, 4.5]
    assert report.seconds == 12 + 1 + 30 + 1 + 4.5  # to the last answer


def test_pass_or_fail_against_the_pass_mark_and_none_without_one() -> None:
    answers: list[tuple[Response, float]] = [(0, 1), (frozenset({0, 1}), 1), (0, 1)]
    assert run(EARTH_ITEMS[:3], answers, pass_mark=0.6).report().passed is True  # 2/3
    assert run(EARTH_ITEMS[:3], answers, pass_mark=0.7).report().passed is False
    assert run(EARTH_ITEMS[:3], answers[:2], pass_mark=1.0).report().passed is True
    assert run(EARTH_ITEMS[:3], answers).report().passed is None


def test_mistakes_are_exactly_the_wrong_and_partly_right_in_order() -> None:
    items = EARTH_ITEMS[:5]
    answers: list[tuple[Response, float]] = [
        (0, 1),  # right
        (frozenset({0}), 1),  # half
        (0, 1),  # wrong
        ("Mars", 1),  # right
        ("Jupiter", 1),  # wrong
    ]
    report = run(items, answers).report()
    assert (report.right, report.partial, report.wrong) == (2, 1, 2)
    assert report.mistakes() == (items[1], items[2], items[4])
    assert report.mode is Mode.PRACTICE and not report.expired and report.cbm is None


def test_a_report_of_a_session_left_early_covers_the_answers_given() -> None:
    session = run(EARTH_ITEMS, [(0, 2)])
    report = session.report()
    assert len(report.results) == 1 and report.max_score == 1 and report.percent == 100
    assert report.results[0].presented.question.id == "closest"
    assert report.seconds == pytest.approx(2)
