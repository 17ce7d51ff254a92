"""Hints and unreadable numbers in a practice session: a hint shown before answering is kept with
the answer and saved, and makes a right answer Hard; a number that cannot be read is refused
before anything is graded or saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.model import Bank, NumericAnswer, Question, QuestionType, TextAnswer
from quizapp.core.progress import open_store
from quizapp.core.scoring import Outcome, Unreadable
from quizapp.core.study import ExamSession, PracticeSession, SessionError
from quizapp.core.study.items import items_of
from tests.unit.progress_helpers import T0

RED = Question(
    id="red",
    type=QuestionType.SHORT,
    prompt="Which planet is called the red planet?",
    hint="It is named after the Roman god of war.",
    answers=(TextAnswer("Mars"),),
)
MOONS = Question(
    id="moons",
    type=QuestionType.NUMERIC,
    prompt="How many moons has Mars?",
    numeric=(NumericAnswer(2, 2, value=2),),
)
BANK = Bank(id="sky", title="Sky", questions=(RED, MOONS))


def test_a_hint_is_kept_with_the_answer_and_makes_a_right_answer_hard(tmp_path: Path) -> None:
    session = PracticeSession(BANK, seed=1)
    assert not session.hinted
    assert session.show_hint() == "It is named after the Roman god of war."
    assert session.hinted
    record = session.answer("Mars")
    assert record.hinted and record.grade.outcome is Outcome.RIGHT
    with pytest.raises(SessionError, match="before the question is answered"):
        session.show_hint()
    session.advance()
    assert not session.hinted  # the next question starts without one
    with pytest.raises(SessionError, match="has no hint"):
        session.show_hint()
    unhelped = session.answer("2")
    assert session.report().results[0].hinted and not session.report().results[1].hinted
    with open_store(tmp_path).store as store:
        store.record(record, mode="practice", session_id="s", now=T0)
        store.record(unhelped, mode="practice", session_id="s", now=T0)
        saved = store.select("SELECT question_id, hinted, rating FROM answers ORDER BY id")
    assert saved == [("red", 1, 2), ("moons", 0, 3)]  # Hard with the hint, Good without


def test_a_number_that_cannot_be_read_is_refused_and_nothing_is_recorded() -> None:
    session = PracticeSession(BANK, seed=1)
    session.answer("Mars")
    session.advance()
    with pytest.raises(Unreadable) as refused:
        session.check("about 2")
    assert refused.value.reason == "'about 2': type just the number, with nothing before it."
    with pytest.raises(Unreadable):
        session.answer("about 2")
    assert session.current_record is None and len(session.records) == 1
    session.check("2")  # readable: no refusal
    assert session.answer("2,0").grade.outcome is Outcome.RIGHT  # a decimal comma


def test_an_exam_keeps_an_unreadable_number_unanswered_never_graded_wrong() -> None:
    exam = ExamSession(items_of(BANK), time_limit_minutes=None, pass_mark=0.5, seed=1)
    exam.go_to([item.question for item in exam.items].index(MOONS))
    with pytest.raises(Unreadable):
        exam.set_answer("two")
    assert exam.response() is None  # left unanswered, not saved as a wrong "two"
    exam.set_answer("2")
    assert exam.response() == "2"
