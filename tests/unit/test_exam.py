"""The mock exam: timing on a fake clock, free movement, changing answers, flags, submitting."""

from __future__ import annotations

import pytest

from quizapp.core.model import SelfGrade
from quizapp.core.scoring import AnswerError, Outcome
from quizapp.core.study import ExamSession, SessionError, StudyError
from quizapp.core.study.items import items_of
from tests.unit.study_banks import EARTH, FakeClock

# closest (single), giants (multiple), pluto (true/false), red (short), titan (short)
ITEMS = items_of(EARTH)[:5]


def exam(
    clock: FakeClock, minutes: float | None = 10, *, confidence: bool = False, seed: int = 1
) -> ExamSession:
    return ExamSession(
        ITEMS,
        time_limit_minutes=minutes,
        pass_mark=0.6,
        seed=seed,
        confidence=confidence,
        clock=clock,
    )


# --- the clock ----------------------------------------------------------------------------------


def test_the_countdown_follows_the_clock_and_submits_exactly_at_the_limit() -> None:
    clock = FakeClock()
    session = exam(clock)
    assert session.remaining() == 600
    session.set_answer(0)
    clock.advance(599.5)
    assert session.remaining() == pytest.approx(0.5)
    assert session.tick() is False and not session.submitted
    clock.advance(0.5)
    assert session.remaining() == 0
    assert session.tick() is True
    assert session.submitted and session.expired
    assert session.tick() is False  # only once
    report = session.report()
    assert report.expired and report.seconds == 600
    assert report.results[0].response == 0 and report.results[0].grade.outcome is Outcome.RIGHT
    assert report.unanswered == 4 and report.score == 1


def test_remaining_never_goes_negative_and_a_late_tick_still_stops_the_time_at_the_limit() -> None:
    clock = FakeClock()
    session = exam(clock, 1)
    clock.advance(75)
    assert session.remaining() == 0
    assert session.tick()
    assert session.report().seconds == 60
    assert sum(r.seconds for r in session.report().results) == 60
    clock.advance(100)
    assert session.remaining() == 0 and session.elapsed() == 60


def test_answering_after_the_limit_submits_first_and_keeps_the_earlier_answers() -> None:
    clock = FakeClock()
    session = exam(clock, 1)
    session.set_answer(0)
    session.next()
    clock.advance(61)
    with pytest.raises(SessionError, match="time is up"):
        session.set_answer(frozenset({0, 1}))
    assert session.submitted and session.expired
    assert session.report().results[1].response is None
    assert session.response(0) == 0


def test_moving_after_the_limit_submits_with_the_time_stopped_at_the_limit() -> None:
    clock = FakeClock()
    session = exam(clock, 1)
    clock.advance(80)
    session.go_to(2)
    assert session.submitted and session.expired
    assert [r.seconds for r in session.report().results] == [60, 0, 0, 0, 0]


def test_an_untimed_exam_never_runs_out() -> None:
    clock = FakeClock()
    session = exam(clock, None)
    clock.advance(10**6)
    assert session.remaining() is None and session.tick() is False and not session.submitted
    assert exam(clock, 0).remaining() is None


def test_time_on_each_question_adds_up_over_visits() -> None:
    clock = FakeClock()
    session = exam(clock)
    clock.advance(10)
    session.next()
    clock.advance(5)
    session.previous()
    clock.advance(3)
    session.go_to(4)
    clock.advance(7)
    report = session.submit()
    assert [r.seconds for r in report.results] == [13, 5, 0, 0, 7]
    assert report.seconds == 25 and not report.expired


# --- moving, answering, flagging ----------------------------------------------------------------


def test_moving_back_and_forth_stays_within_the_exam() -> None:
    session = exam(FakeClock())
    assert (session.total, session.position) == (5, 0)
    session.previous()
    assert session.position == 0
    session.next()
    assert session.position == 1 and session.current_item.question.id == "giants"
    session.go_to(4)
    session.next()
    assert session.position == 4 and session.current.question.id == "titan"
    with pytest.raises(SessionError, match="out of range"):
        session.go_to(5)
    with pytest.raises(SessionError, match="out of range"):
        session.go_to(-1)
    assert session.position == 4


def test_answers_can_be_changed_and_cleared_until_submitted_without_any_grading() -> None:
    session = exam(FakeClock())
    session.set_answer(1)
    session.go_to(3)
    session.set_answer("Jupiter")
    session.go_to(0)
    assert session.response() == 1 and session.response(3) == "Jupiter"
    with pytest.raises(SessionError, match="not been submitted"):
        session.report()
    session.set_answer(0)
    session.go_to(3)
    session.clear_answer()
    assert session.response(3) is None
    assert session.unanswered() == (1, 2, 3, 4)
    report = session.submit()
    assert report.results[0].grade.outcome is Outcome.RIGHT
    assert report.results[3].response is None and report.misconceptions == ()


def test_a_badly_shaped_answer_is_refused_and_nothing_is_stored() -> None:
    session = exam(FakeClock())
    session.set_answer(0)
    with pytest.raises(AnswerError):
        session.set_answer("Mercury")
    with pytest.raises(AnswerError):
        session.set_answer(SelfGrade.GOOD)
    assert session.response() == 0


def test_flags_toggle_and_are_listed_and_reported() -> None:
    session = exam(FakeClock())
    assert session.toggle_flag() is True
    assert session.toggle_flag(3) is True
    assert session.flagged() == (0, 3) and session.is_flagged(3) and not session.is_flagged(1)
    assert session.toggle_flag(0) is False
    assert session.flagged() == (3,)
    report = session.submit()
    assert [r.flagged for r in report.results] == [False, False, False, True, False]


def test_submit_grades_unanswered_as_wrong_and_closes_the_exam() -> None:
    session = exam(FakeClock())
    session.set_answer(3)  # Venus: half marks
    session.go_to(2)
    session.set_answer(0)  # "True": wrong, bigger-is-closer
    report = session.submit()
    assert (report.right, report.partial, report.wrong, report.unanswered) == (0, 1, 4, 3)
    assert report.score == 0.5 and report.max_score == 5 and report.percent == 10
    assert report.passed is False and report.pass_mark == 0.6
    assert report.results[4].grade.score == 0 and report.results[4].grade.correct_answer == "Saturn"
    assert [t.misconception.id for t in report.misconceptions] == ["bigger-is-closer"]
    assert [item.question.id for item in report.mistakes()] == [i.question.id for i in ITEMS]
    assert session.report() is report
    with pytest.raises(SessionError, match="already been submitted"):
        session.submit()
    with pytest.raises(SessionError, match="submitted"):
        session.set_answer(0)
    with pytest.raises(SessionError, match="submitted"):
        session.toggle_flag()
    session.go_to(1)  # the review can still walk the questions
    assert session.position == 1


def test_a_full_marks_exam_passes() -> None:
    session = exam(FakeClock())
    for index, response in enumerate((0, frozenset({0, 1}), 1, "mars", "Saturn")):
        session.go_to(index)
        session.set_answer(response)
    report = session.submit()
    assert report.percent == 100 and report.passed is True and report.mistakes() == ()


def test_confidence_is_stored_with_each_answer_and_marked_at_the_end() -> None:
    session = exam(FakeClock(), confidence=True)
    with pytest.raises(SessionError, match="confidence"):
        session.set_answer(0)
    session.set_answer(0, 3)
    session.next()
    session.set_answer(frozenset({2}), 3)
    assert session.confidence_of(0) == 3 and session.confidence_of() == 3
    with pytest.raises(SessionError, match="1, 2 or 3"):
        session.set_answer(0, 4)
    report = session.submit()
    assert report.cbm is not None
    assert report.cbm.total == 3 - 6  # unanswered questions count 0
    assert report.cbm.confidently_wrong == (1,)
    plain = exam(FakeClock())
    with pytest.raises(SessionError, match="does not ask"):
        plain.set_answer(0, 2)
    assert plain.submit().cbm is None


def test_seeded_exams_present_choices_alike_with_the_pinned_choice_in_place() -> None:
    def orders(seed: int) -> list[tuple[int, ...]]:
        session = exam(FakeClock(), seed=seed)
        return [session.presented(i).choice_order for i in range(session.total)]

    assert orders(5) == orders(5)
    firsts = {orders(seed)[0] for seed in range(20)}
    assert len(firsts) > 1 and all(order[4] == 4 for order in firsts)


def test_an_exam_needs_questions() -> None:
    with pytest.raises(StudyError):
        ExamSession([], time_limit_minutes=None, pass_mark=0.5)
