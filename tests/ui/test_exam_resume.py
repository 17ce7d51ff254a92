"""A mock exam closed before it was submitted (quit, crash) is offered on the next start with its
answers, flags and the time it had left; resumed, it goes on and is graded as one exam; left on
purpose or discarded, it is gone. Questions deleted from the bank since are left out."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizapp.app import QuizApp
from quizapp.core.bank import load_bank
from quizapp.core.progress import default_data_dir, draft_json, open_store
from quizapp.core.progress.storage.aside import keep_draft, latest_draft
from quizapp.core.study import ExamSession, Mode, SessionConfig, start_session
from quizapp.screens import HomeScreen
from quizapp.screens.exam import ExamScreen
from quizapp.screens.results import ResultsScreen
from quizapp.widgets import ConfirmModal, ResumeDialog
from tests.ui.helpers import SEED, FakeClock, FakeNow, screen_text, settle, ui_app
from tests.ui.progress_ui_helpers import stored
from tests.ui.test_exam import EXAM, key_for, start_exam

SnapCompare = Callable[..., bool]


def draft() -> tuple[str, str] | None:
    """The exam draft kept in the test's progress file, if any."""
    with open_store(default_data_dir()).store as store:
        return latest_draft(store)


async def sit_half(pilot: Pilot[object], clock: FakeClock) -> ExamScreen:
    """Start the exam, answer question 1 (Paris), flag question 2 after 30 s, and come back to
    question 1 after 45 s: 1:15 of its 2 minutes left."""
    session = await start_exam(pilot)
    await pilot.press(key_for(session, "Paris"))
    clock.advance(30)
    await pilot.press("n", "m")
    clock.advance(15)
    await pilot.press("p")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExamScreen)
    return screen


async def offered(pilot: Pilot[object]) -> ResumeDialog:
    """The resume offer the app shows once its store is open."""
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ResumeDialog), f"expected the offer, got {dialog!r}"
    return dialog


def closed_app(path: Path = EXAM) -> QuizApp:
    """A second run of the app on the same data folder, with its own clock."""
    return ui_app(path, clock=FakeClock())


async def test_an_exam_closed_mid_way_is_resumed_with_its_answers_flags_and_time() -> None:
    clock = FakeClock()
    first = ui_app(EXAM, clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        screen = await sit_half(pilot, clock)
        session_id = screen.progress_log.session_id if screen.progress_log else ""
        answer = screen.session.response(0)
    # The app is gone without a word (as after a crash): nothing was submitted.
    assert stored() == [] and draft() is not None
    later = FakeClock()
    app = ui_app(EXAM, clock=later)
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot)
        text = screen_text(app)
        assert "A mock exam was left unsubmitted" in text and "Exam small" in text
        assert "1 of 4 answered · 1 flagged · 01:15 left on its clock." in text
        assert "The clock stood still while quizapp was closed" in text
        later.advance(100)  # the offer waits for the student: that is not exam time
        await pilot.press("r")
        await settle(pilot)
        exam = app.screen
        assert isinstance(exam, ExamScreen)
        session = exam.session
        assert session.response(0) == answer and session.is_flagged(1)
        assert session.remaining() == 75 and session.position == 0
        assert "⏱ 01:15 left" in screen_text(app)
        assert exam.progress_log is not None and exam.progress_log.session_id == session_id
        await pilot.press("s", "y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
    answers = stored()
    assert len(answers) == 4 and {a.session_id for a in answers} == {session_id}
    assert draft() is None  # submitted: nothing is offered again


def leave_a_draft() -> None:
    """The draft `sit_half` leaves, written straight into the test's progress file."""
    bank = load_bank(EXAM).bank
    assert bank is not None
    clock = FakeClock()
    config = SessionConfig(mode=Mode.EXAM, shuffle_questions=False, seed=SEED)
    exam = start_session([bank], config, clock=clock)
    assert isinstance(exam, ExamSession)
    exam.set_answer(0)
    clock.advance(30)
    exam.go_to(1)
    exam.toggle_flag()
    clock.advance(15)
    exam.go_to(0)
    with open_store(default_data_dir()).store as store:
        keep_draft(store, "the-exam", draft_json(exam.items, exam.standing()), FakeNow()())


@pytest.mark.usefixtures("in_banks_folder")
def test_resume_offer_snapshot(snap_compare: SnapCompare) -> None:
    leave_a_draft()

    async def offer(pilot: Pilot[object]) -> None:
        await offered(pilot)

    assert snap_compare(closed_app(Path("exam-small.yaml")), run_before=offer)


async def test_discarded_and_left_exams_are_gone_and_later_keeps_the_offer() -> None:
    clock = FakeClock()
    async with ui_app(EXAM, clock=clock).run_test(size=(80, 24)) as pilot:
        await sit_half(pilot, clock)
    app = closed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot)
        await pilot.press("escape")  # later
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    app = closed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot)  # offered again
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and draft() is None
    clock = FakeClock()
    async with ui_app(EXAM, clock=clock).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, HomeScreen)  # nothing offered
        await sit_half(pilot, clock)
        await pilot.press("q", "y")  # left on purpose: its answers are lost, as it said
        await settle(pilot)
        assert isinstance(pilot.app.screen, HomeScreen) and draft() is None


async def test_quitting_says_the_exam_is_kept() -> None:
    clock = FakeClock()
    app = ui_app(EXAM, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sit_half(pilot, clock)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "are kept: quizapp offers to resume it" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
    assert draft() is not None


async def test_a_question_deleted_from_the_bank_is_left_out(tmp_path: Path) -> None:
    bank = tmp_path / "exam-small.yaml"
    shutil.copy(EXAM, bank)
    clock = FakeClock()
    async with ui_app(bank, clock=clock).run_test(size=(80, 24)) as pilot:
        await sit_half(pilot, clock)
    text = bank.read_text(encoding="utf-8")
    start = text.index("  - id: green-sky")
    end = text.index("  - id: two-and-two")
    bank.write_text(text[:start] + text[end:], encoding="utf-8")  # the flagged question
    app = closed_app(bank)
    async with app.run_test(size=(80, 24)) as pilot:
        await offered(pilot)
        text = screen_text(app)
        assert "1 of 4 answered · 0 flagged" in text
        assert "1 question is no longer in its bank: left out." in text
        await pilot.press("r")
        await settle(pilot)
        exam = app.screen
        assert isinstance(exam, ExamScreen) and exam.session.total == 3
        assert "Question 1 of 3" in screen_text(app)
