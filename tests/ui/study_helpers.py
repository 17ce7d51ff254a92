"""Helpers for the study-mode UI tests: the study fixture bank, a fake clock, sessions answered
in a known way, and pushing a screen onto the running app."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from quizapp.app import QuizApp
from quizapp.core.bank import load_bank
from quizapp.core.model import Bank, Response, SelfGrade
from quizapp.core.study import ExamSession, PracticeSession
from quizapp.core.study.items import items_of
from tests.ui.helpers import BANKS, SEED, FakeClock, settle, ui_app

STUDY = BANKS / "study-security.yaml"

#: The answers `answered_practice` gives, in bank order: wrong (with a misconception), partly
#: right, wrong (with a misconception), right, right (a flashcard graded Good).
ANSWERS: tuple[Response, ...] = (1, frozenset({0}), 0, "password manager", SelfGrade.GOOD)
#: The confidence given with each of those answers: sure of both wrong ones.
LEVELS = (3, 2, 3, 1, 2)


def study_bank() -> Bank:
    """The study fixture bank, loaded."""
    bank = load_bank(STUDY).bank
    assert bank is not None
    return bank


def study_app() -> QuizApp:
    """The app on the study fixture bank, with the fixed seed."""
    return ui_app(STUDY)


def practice(*, confidence: bool = False, pass_mark: float | None = 0.6) -> PracticeSession:
    """A practice session over the study bank in bank order, timed 7 s a question."""
    return PracticeSession(
        items=items_of(study_bank()),
        seed=SEED,
        confidence=confidence,
        clock=FakeClock(step=7.0),
        pass_mark=pass_mark,
    )


def answered_practice(
    *, confidence: bool = False, answers: tuple[Response, ...] = ANSWERS
) -> PracticeSession:
    """A practice session answered with `answers` (and `LEVELS` when `confidence`), finished."""
    session = practice(confidence=confidence)
    for response, level in zip(answers, LEVELS, strict=True):
        session.answer(response, level if confidence else None)
        session.advance()
    return session


def expired_exam() -> ExamSession:
    """A 1-minute exam: question 1 answered right, question 2 flagged, the rest left; time is up."""
    clock = FakeClock()
    exam = ExamSession(
        items_of(study_bank()), time_limit_minutes=1, pass_mark=0.6, seed=SEED, clock=clock
    )
    exam.set_answer(0)
    exam.toggle_flag(1)
    clock.advance(61)
    assert exam.tick()
    return exam


async def push(pilot: Pilot[Any], screen: Screen[Any]) -> None:
    """Show `screen` on top of the home screen and wait until it is drawn."""
    await settle(pilot)
    await pilot.app.push_screen(screen)
    await settle(pilot)
