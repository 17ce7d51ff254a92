"""Certainty-based marking: the marks at each level, partial credit, calibration, the dangerous."""

from __future__ import annotations

import pytest

from quizapp.core.cbm import CBM_MARKS, CalibrationRow, cbm_mark, cbm_summary
from quizapp.core.model import Response
from quizapp.core.study import PracticeSession, SessionError
from quizapp.core.study.items import items_of
from tests.unit.study_banks import EARTH, FakeClock


@pytest.mark.parametrize(
    ("confidence", "right", "wrong"), [(1, 1.0, 0.0), (2, 2.0, -2.0), (3, 3.0, -6.0)]
)
def test_each_level_earns_its_right_mark_and_costs_its_wrong_mark(
    confidence: int, right: float, wrong: float
) -> None:
    assert CBM_MARKS[confidence] == (right, wrong)
    assert cbm_mark(1.0, confidence) == right
    assert cbm_mark(0.0, confidence) == wrong
    assert cbm_mark(1 - 1e-12, confidence) == right  # float drift in summed weights


def test_partly_right_answers_earn_the_mark_in_proportion() -> None:
    assert cbm_mark(0.5, 1) == 0.5
    assert cbm_mark(0.5, 2) == 0.0
    assert cbm_mark(0.5, 3) == -1.5
    assert cbm_mark(5 / 6, 3) == pytest.approx(1.5)


def test_only_levels_one_to_three_exist() -> None:
    for level in (0, 4, True):
        with pytest.raises(ValueError, match="1, 2 or 3"):
            cbm_mark(1.0, level)


def practice(*answers: tuple[Response, int]) -> PracticeSession:
    """A confidence practice session over Earth's first questions, answered as given."""
    session = PracticeSession(items=items_of(EARTH), confidence=True, seed=1, clock=FakeClock())
    for response, confidence in answers:
        session.answer(response, confidence)
        session.advance()
    return session


def test_practice_asks_for_a_confidence_with_every_answer_when_cbm_is_on() -> None:
    session = practice()
    with pytest.raises(SessionError, match="give a confidence"):
        session.answer(0)
    with pytest.raises(SessionError, match="1, 2 or 3"):
        session.answer(0, 0)
    assert session.records == ()
    assert session.answer(0, 2).confidence == 2
    plain = PracticeSession(EARTH, seed=1)
    with pytest.raises(SessionError, match="does not ask"):
        plain.answer(0, 1)
    assert plain.report().cbm is None


def test_the_summary_totals_calibrates_and_singles_out_confident_mistakes() -> None:
    session = practice(
        (0, 3),  # closest: right, sure: +3
        (frozenset({2}), 3),  # giants: Mars, wrong, sure: -6
        (1, 1),  # pluto: right, unsure: +1
        ("Jupiter", 2),  # red: wrong, mid: -2
        ("Saturn", 2),  # titan: right, mid: +2
        ("1", 3),  # moon-count: right, sure: +3
        ((0, 0), 1),  # moons-match: half, unsure: +0.5
    )
    report = session.report()
    cbm = report.cbm
    assert cbm is not None
    assert cbm.total == pytest.approx(1.5)
    assert cbm.average == pytest.approx(1.5 / 7)
    assert cbm.rows == (
        CalibrationRow(1, answered=2, right=1),
        CalibrationRow(2, answered=2, right=1),
        CalibrationRow(3, answered=3, right=2),
    )
    assert [row.accuracy for row in cbm.rows] == [0.5, 0.5, pytest.approx(2 / 3)]
    assert cbm.confidently_wrong == (1,)
    assert report.results[1].item.question.id == "giants"
    assert [r.cbm_mark for r in report.results] == [3, -6, 1, -2, 2, 3, 0.5]
    assert report.score == 4.5  # the plain score beside it


def test_a_level_never_used_has_no_accuracy() -> None:
    cbm = cbm_summary(practice((0, 1)).records)
    assert cbm.rows[0].accuracy == 1.0
    assert cbm.rows[1].accuracy is None and cbm.rows[2].accuracy is None
    assert cbm_summary([]).average == 0
