"""The mock exam screen, sat through the app: answering, flagging, going back, submitting with a
confirmation, confidence marking, and the clock running out (a fake clock the tests move)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from quizapp.app import QuizApp
from quizapp.core.model import SelfGrade
from quizapp.core.scoring import Outcome
from quizapp.core.study import ExamSession
from quizapp.core.study.items import items_of
from quizapp.screens import HelpScreen, HomeScreen
from quizapp.screens.exam import ExamScreen
from quizapp.screens.results import ResultsScreen
from quizapp.widgets import ConfirmModal, NavigatorDialog
from quizapp.widgets.exam.clock import ExamClock
from tests.ui.helpers import BANKS, FakeClock, open_setup, screen_text, settle, ui_app
from tests.ui.study_helpers import push, study_app, study_bank

EXAM = BANKS / "exam-small.yaml"
SnapCompare = Callable[..., bool]


def exam_app(path: Path = EXAM) -> tuple[QuizApp, FakeClock]:
    """The app on the exam fixture bank, and the fake clock that times its sessions."""
    clock = FakeClock()
    return ui_app(path, clock=clock), clock


async def start_exam(pilot: Pilot[object], *, confidence: bool = False) -> ExamSession:
    """Set up the bank's mock exam in bank order (capital, green sky, 2 + 2, water) and start it."""
    setup = await open_setup(pilot, "Exam small")
    await pilot.press("2")
    setup.query_one("#setup-shuffle-questions", Checkbox).value = False
    setup.query_one("#setup-confidence", Checkbox).value = confidence
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExamScreen), f"expected the exam, got {screen!r}"
    return screen.session


def key_for(session: ExamSession, text: str) -> str:
    """The number key that picks the choice with this text where it is shown now."""
    presented = session.current
    original = [choice.text for choice in presented.question.choices].index(text)
    return str(presented.choice_order.index(original) + 1)


async def wait_for(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Let the app run (its clock interval fire) until `condition` holds.

    The exam reads its (fake) clock on a real Textual interval; the wait ends as soon as the
    condition holds, and allows up to 15 s so that a loaded machine does not fail the test.
    """
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


async def test_sit_a_short_exam_answer_flag_go_back_and_submit() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await start_exam(pilot)
        text = screen_text(app)
        assert "Question 1 of 4 · Geography" in text
        assert "⏱ 02:00 left" in text
        assert "What is the capital of France?" in text
        # Enter does not submit anything here: the instructions say what it does.
        assert "Pick one: 1-3 or a-c (or ↑↓); Enter saves and moves on." in text
        assert "Enter submits" not in text
        await pilot.press(key_for(session, "Paris"), "enter")  # saved, and on to question 2
        await settle(pilot)
        assert session.response(0) == 0 and session.position == 1
        assert "✔" not in screen_text(app) and "RIGHT" not in screen_text(app)  # no feedback
        await pilot.press("m", key_for(session, "True"), "enter")  # flag it, answer it wrongly
        await settle(pilot)
        assert session.is_flagged(1) and session.response(1) == 0
        assert session.position == 2
        await pilot.press("pageup")  # (p would be typed: question 3 is a text box) back to 2
        await settle(pilot)
        text = screen_text(app)
        assert "Question 2 of 4 · Science" in text and "⚑ Flagged" in text
        assert "(•) True" in text and "● Answered" in text
        await pilot.press(key_for(session, "False"))  # changed without Enter: stored at once
        await settle(pilot)
        assert session.response(1) == 1
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmModal)
        text = screen_text(app)
        assert "You have answered 2 of 4." in text
        assert "2 questions unanswered: they count as wrong." in text
        assert "1 question flagged for review." in text
        await pilot.press("n")  # keep going
        await settle(pilot)
        assert isinstance(app.screen, ExamScreen) and not session.submitted
        await pilot.press("s", "y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        report = session.report()
        assert (report.right, report.wrong) == (2, 2) and not report.expired
        assert report.results[1].flagged


async def test_the_clock_runs_out_and_the_exam_submits_itself() -> None:
    app, clock = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await start_exam(pilot)
        await pilot.press(key_for(session, "Paris"))
        await settle(pilot)
        clock.advance(110)  # ten seconds left: the clock warns
        await wait_for(pilot, lambda: "⏱ 00:10 left" in screen_text(app))
        assert app.screen.query_one(ExamClock).has_class("-warning")
        await pilot.press("s")  # the submit dialog is open when the time runs out
        await settle(pilot)
        clock.advance(15)
        await wait_for(pilot, lambda: isinstance(app.screen, ResultsScreen))
        assert session.expired
        report = session.report()
        assert report.expired and report.seconds == 120
        assert report.results[0].grade.outcome is Outcome.RIGHT
        assert [r.grade.outcome for r in report.results[1:]] == [Outcome.WRONG] * 3
        await settle(pilot)
        text = screen_text(app)
        assert "Time is up" in text  # the notice
        assert "Time ran out: the exam was submitted automatically." in text  # the results
        await pilot.press("escape")  # the results lead home, not back into the exam
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_a_key_pressed_after_the_limit_submits_instead_of_answering() -> None:
    app, clock = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await start_exam(pilot)
        clock.advance(121)
        await pilot.press(key_for(session, "Paris"))  # before the interval has noticed
        await settle(pilot)
        assert session.expired and session.report().results[0].response is None
        assert isinstance(app.screen, ResultsScreen)


async def test_an_untimed_exam_shows_the_time_spent() -> None:
    app, clock = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        setup = await open_setup(pilot, "Exam small")
        await pilot.press("2")
        setup.query_one("#setup-time", Input).value = ""  # blank: untimed
        await pilot.press("enter")
        await settle(pilot)
        assert "⏱ 00:00 · untimed" in screen_text(app)
        clock.advance(65.5)
        await wait_for(pilot, lambda: "⏱ 01:05 · untimed" in screen_text(app))
        assert isinstance(app.screen, ExamScreen) and app.screen.session.remaining() is None


async def test_clicking_a_number_in_the_strip_goes_to_that_question() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await start_exam(pilot)
        await pilot.click("#exam-strip", offset=(9, 0))  # cells are 4 wide: " 3●⚑"
        await settle(pilot)
        assert session.position == 2
        assert "Question 3 of 4 · Maths" in screen_text(app)


async def test_typed_answers_are_kept_when_coming_back() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await start_exam(pilot)
        await pilot.press("l")  # the question list, to jump to the last question
        await settle(pilot)
        assert isinstance(app.screen, NavigatorDialog)
        assert "0/4 answered" in screen_text(app)
        await pilot.press("end", "enter")
        await settle(pilot)
        assert session.position == 3
        text = screen_text(app)
        assert "Type your answer; Enter saves and moves on." in text
        footer = text.splitlines()[-1]
        assert "⏎ Save" in footer and "Submit" not in footer.replace("s Submit", "")
        await pilot.press(*"H2O")  # typed, not yet Enter: already saved
        await settle(pilot)
        assert session.response(3) == "H2O"
        await pilot.press("pageup", "pagedown")  # Page Up/Down move even from a text box
        await settle(pilot)
        assert session.position == 3
        assert app.screen.query_one(Input).value == "H2O"
        await pilot.press("backspace", "backspace", "backspace")  # emptied: unanswered again
        await settle(pilot)
        assert session.response(3) is None
        assert "Not answered yet · Enter saves and moves on" in screen_text(app)
        await pilot.press(*"h2o", "enter")  # the last question: Enter leaves the text box...
        await settle(pilot)
        assert "Last question: press s to submit the exam." in screen_text(app)
        await pilot.press("s")  # ...so that s submits instead of being typed
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal) and session.response(3) == "h2o"


async def test_the_question_list_finds_unanswered_and_flagged_questions() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await start_exam(pilot)
        await pilot.press(key_for(session, "Paris"), "enter", "m", "l")
        await settle(pilot)
        text = screen_text(app)
        assert "1/4 answered · ⚑ 1 flagged" in text
        assert "answered     What is the capital of France?" in text
        assert "unanswered ⚑ The sky on a clear day is green." in text
        await pilot.press("home", "u", "enter")  # the first unanswered after question 1
        await settle(pilot)
        assert session.position == 1
        await pilot.press("l", "f", "escape")  # Escape stays on the question
        await settle(pilot)
        assert session.position == 1 and isinstance(app.screen, ExamScreen)


async def test_confidence_is_asked_before_an_answer_is_saved() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await start_exam(pilot, confidence=True)
        await pilot.press(key_for(session, "Lyon"))
        await settle(pilot)
        assert session.response(0) is None  # not rated yet, so not saved
        await pilot.press("enter")
        await settle(pilot)
        assert "How sure are you?" in screen_text(app)
        await pilot.press("n")  # moving waits for the rating
        await settle(pilot)
        assert session.position == 0
        await pilot.press("3")
        await settle(pilot)
        assert (session.response(0), session.confidence_of(0)) == (1, 3)
        assert session.position == 1
        await pilot.press("p")
        await settle(pilot)
        await pilot.press(key_for(session, "Paris"))  # a change keeps the rating given
        await settle(pilot)
        assert (session.response(0), session.confidence_of(0)) == (0, 3)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(key_for(session, "False"), "n")  # unrated, then moving: asked
        await settle(pilot)
        assert session.position == 1 and "How sure are you?" in screen_text(app)
        await pilot.press("1")
        await settle(pilot)
        assert (session.response(1), session.confidence_of(1), session.position) == (1, 1, 2)


async def test_leaving_in_the_middle_asks_first() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_exam(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "Leave the exam?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ExamScreen)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_quitting_in_the_middle_asks_first() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_exam(pilot)
        await pilot.press("ctrl+q", "ctrl+q")  # pressed twice: still one question
        await settle(pilot)
        assert "Quit quizapp?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ExamScreen) and app.is_running


@pytest.mark.usefixtures("in_banks_folder")
def test_snapshot_exam_question_with_the_timer(snap_compare: SnapCompare) -> None:
    app, clock = exam_app(Path("exam-small.yaml"))

    async def second_question_flagged(pilot: Pilot[object]) -> None:
        session = await start_exam(pilot)
        await pilot.press(key_for(session, "Paris"), "enter", "m")
        clock.advance(35)
        await wait_for(pilot, lambda: "⏱ 01:25 left" in screen_text(pilot.app))
        await settle(pilot)

    assert snap_compare(app, run_before=second_question_flagged)


async def test_quitting_with_a_dialog_over_the_exam_still_asks() -> None:
    app, _ = exam_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_exam(pilot)
        for opener, dialog in (("l", NavigatorDialog), ("question_mark", HelpScreen)):
            await pilot.press(opener)
            await settle(pilot)
            assert isinstance(app.screen, dialog)
            await pilot.press("ctrl+q")  # the exam underneath is asked, not the dialog
            await settle(pilot)
            assert isinstance(app.screen, ConfirmModal) and app.is_running
            assert "Quit quizapp?" in screen_text(app)
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, dialog) and app.is_running
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("ctrl+q", "y")
        await settle(pilot)
        assert not app.is_running


async def test_a_card_graded_earlier_shows_its_grade_when_come_back_to() -> None:
    items = items_of(study_bank())
    exam = ExamSession(items, time_limit_minutes=None, pass_mark=0.6, seed=1, clock=FakeClock())
    exam.go_to(4)  # the study bank's flashcard
    exam.set_answer(SelfGrade.GOOD)
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ExamScreen(exam))
        text = screen_text(app)
        assert "[3 Good]" in text and "[1 Again]" not in text  # marked, the others offered
        assert "How well did you recall it?" in text
        await pilot.press("1")  # changed: stored at once, and on to the next (none: the end)
        await settle(pilot)
        assert exam.response(4) is SelfGrade.AGAIN
