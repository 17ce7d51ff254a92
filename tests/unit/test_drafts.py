"""Mock exam drafts: an exam under way written down and resumed with its answers, flags, time
and the choice orders the student saw; questions gone from their banks are dropped, edited ones
asked afresh."""

from __future__ import annotations

import dataclasses

import pytest

from quizapp.core.progress.storage.drafts import draft_json, read_draft, resume_draft
from quizapp.core.study import ExamSession
from quizapp.core.study.items import items_of
from tests.unit.study_banks import EARTH, FakeClock


def exam_under_way(clock: FakeClock) -> ExamSession:
    """Ten minutes, confidence asked: q1 answered (sure), q2 flagged, q3 (Pluto, true/false)
    answered, 3 minutes used, on q3."""
    exam = ExamSession(
        items_of(EARTH)[:5],
        time_limit_minutes=10,
        pass_mark=0.6,
        seed=3,
        confidence=True,
        clock=clock,
    )
    clock.advance(60)
    exam.set_answer(0, 3)
    exam.go_to(1)
    exam.toggle_flag()
    clock.advance(60)
    exam.go_to(2)
    exam.set_answer(1, 2)
    clock.advance(60)
    return exam


def test_a_draft_brings_the_exam_back_as_it_was() -> None:
    clock = FakeClock()
    exam = exam_under_way(clock)
    text = draft_json(exam.items, exam.standing())
    saved = read_draft("s-1", text)
    assert saved is not None and saved.titles == ("Earth and sky",)
    later = FakeClock(50_000.0)  # another run of the app: its clock starts anywhere
    resumed = resume_draft(saved, {"earth": EARTH})
    later.advance(30)  # the offer waits for the student: its clock is not the exam's
    again = resumed.start(later)
    assert (resumed.total, resumed.dropped, resumed.changed) == (5, 0, 0)
    assert resumed.remaining == pytest.approx(7 * 60)
    assert again.remaining() == pytest.approx(7 * 60)  # the clock stood still while closed
    assert again.position == 2 and again.confidence and again.pass_mark == 0.6
    for index in range(5):
        assert again.response(index) == exam.response(index)
        assert again.confidence_of(index) == exam.confidence_of(index)
        assert again.is_flagged(index) == exam.is_flagged(index)
        assert again.presented(index) == exam.presented(index)  # the same choice order
    later.advance(7 * 60)
    assert again.tick() and again.expired  # and it runs out when the time left is used
    assert again.report().results[0].seconds == pytest.approx(60)


def test_questions_gone_are_dropped_and_edited_ones_lose_their_answer() -> None:
    clock = FakeClock()
    exam = exam_under_way(clock)
    saved = read_draft("s-1", draft_json(exam.items, exam.standing()))
    assert saved is not None
    first = exam.items[0].question
    edited = dataclasses.replace(first, prompt=first.prompt + " (edited)")
    second = exam.items[1].question.id
    bank = dataclasses.replace(
        EARTH,
        questions=tuple(
            edited if q.id == first.id else q for q in EARTH.questions if q.id != second
        ),
    )
    resumed = resume_draft(saved, {"earth": bank})
    assert (resumed.total, resumed.dropped, resumed.changed) == (5, 1, 1)
    session = resumed.start(clock)
    assert session.total == 4
    assert session.response(0) is None  # the edited question is asked again
    assert resumed.flagged == 0  # the flagged question is the one gone
    nothing = resume_draft(saved, {})
    assert not nothing.resumable and nothing.dropped == 5
    with pytest.raises(ValueError, match="none of the exam"):
        nothing.start(clock)


def test_a_damaged_draft_is_not_offered() -> None:
    assert read_draft("s", "not json") is None
    assert read_draft("s", '{"format": 99}') is None
    saved = read_draft("s", '{"format": 1, "titles": [], "paths": []}')
    assert saved is not None
    with pytest.raises(ValueError, match="cannot be read"):
        resume_draft(saved, {})
