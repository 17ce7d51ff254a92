"""The set-up screen: the choices become the right `SessionConfig` and session, a set-up the core
refuses is explained on screen, several banks are studied together, and each mode opens its own
screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import RadioButton, SelectionList

from quizapp.app import QuizApp
from quizapp.core.study import ExamSession, Mode, SessionConfig
from quizapp.screens import HomeScreen
from quizapp.screens.exam import ExamScreen
from quizapp.screens.flashcards import FlashcardScreen
from quizapp.screens.quiz import QuizScreen
from quizapp.screens.setup import SetupScreen
from tests.ui.helpers import BANKS, SEED, open_setup, screen_text, settle, ui_app

EXAM = BANKS / "exam-small.yaml"
SECOND = BANKS / "exam-second.yaml"
SnapCompare = Callable[..., bool]


def status(app: object) -> str:
    """The status bar of the set-up: what the choices give, or why they cannot start."""
    return screen_text(app).splitlines()[-2]  # type: ignore[arg-type]


async def untick(pilot: Pilot[object], selector: str, value: str) -> None:
    """Untick (or tick) `value` in the selection list `selector`, by keyboard."""
    options = pilot.app.screen.query_one(selector, SelectionList)
    options.focus()
    options.highlighted = [
        options.get_option_at_index(i).value for i in range(options.option_count)
    ].index(value)
    await pilot.press("space")
    await settle(pilot)


async def test_the_defaults_practise_everything_shuffled() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        setup = await open_setup(pilot, "Exam small")
        assert setup.config() == SessionConfig(seed=SEED)
        text = screen_text(app)
        assert "Set up a session · Exam small" in text
        assert "Geography (1)" in text and "Science (2)" in text and "Maths (2)" in text
        assert "5 questions · Practice" in status(app)
        assert "Time limit" not in text  # the exam's fields appear only for the exam
        await pilot.click("#setup-start")  # the mouse works too
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.total == 5


async def test_ticked_and_unticked_boxes_differ_without_colour() -> None:
    app = ui_app(EXAM, SECOND)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, "Exam small", "Exam second")
        text = screen_text(app)  # characters only: what NO_COLOR and 16 colours keep
        assert "▐●▌ 1 Practice" in text and "▐ ▌ 2 Mock exam" in text
        assert "▐X▌ Shuffle questions" in text and "▐ ▌ Ask how sure I am (1-3)" in text
        assert "▐X▌ Geography (1)" in text  # topics start ticked...
        assert "▐ ▌ fixture" in text  # ... and tags not
        await pilot.press("2")
        await untick(pilot, "#setup-topics", "Geography")
        text = screen_text(app)
        assert "▐ ▌ 1 Practice" in text and "▐●▌ 2 Mock exam" in text
        assert "▐ ▌ Geography (1)" in text
        # The blueprint's condition, as a sentence.
        assert "It applies when every topic is ticked" in text


async def test_choices_give_the_config_and_the_exam() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        setup = await open_setup(pilot, "Exam small")
        await pilot.press("2")  # mock exam: the bank's exam is filled in
        await settle(pilot)
        text = screen_text(app)
        assert "Time limit 2" in text and "Pass mark  50" in text
        assert "4 questions · Mock exam · 2 min · pass 50%" in status(app)
        await untick(pilot, "#setup-topics", "Maths")
        await pilot.press("tab")  # from the topics to the tags
        await pilot.click("#setup-count")
        await pilot.press("3")
        await pilot.click("#setup-confidence")
        await pilot.click("#setup-time")
        await pilot.press("end", "backspace", "5")
        await settle(pilot)
        assert setup.config() == SessionConfig(
            mode=Mode.EXAM,
            topics=frozenset({"Geography", "Science"}),
            count=3,
            seed=SEED,
            confidence=True,
            time_limit_minutes=5,
            pass_mark=0.5,
        )
        assert "3 questions · Mock exam · 5 min · pass 50%" in status(app)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        session = screen.session
        assert session.total == 3 and session.confidence and session.time_limit == 300
        assert {item.topic for item in session.items} == {"Geography", "Science"}
        assert "⏱ 05:00 left" in screen_text(app)


async def test_a_setup_that_cannot_be_met_says_why_and_stays() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, "Exam small")
        await untick(pilot, "#setup-topics", "Science")
        await untick(pilot, "#setup-topics", "Maths")
        await untick(pilot, "#setup-tags", "chemistry")  # ticking it: only Science has it
        assert "✘ No question matches topics Geography and tags chemistry." in status(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        await untick(pilot, "#setup-tags", "chemistry")  # untick it again: fine
        await untick(pilot, "#setup-topics", "Geography")  # no topic at all
        assert "✘ Tick at least one topic." in status(app)


async def test_the_count_is_checked_against_what_matches() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, "Exam small")
        await pilot.click("#setup-count")
        await pilot.press("9")
        await settle(pilot)
        assert "✘ Only 5 questions match; ask for at most 5." in status(app)
        await pilot.press("backspace", "0")
        await settle(pilot)
        assert "✘ A session needs at least one question, not 0." in status(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("backspace", "2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen) and app.screen.session.total == 2


async def test_several_banks_are_studied_together() -> None:
    app = ui_app(EXAM, SECOND)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        setup = await open_setup(pilot, "Exam small", "Exam second")
        assert [bank.title for bank in setup.banks] == ["Exam small", "Exam second"]
        text = screen_text(app)
        assert "Set up a session · Exam small + Exam second" in text
        assert "History (2)" in text and "Geography (1)" in text
        assert "7 questions · Practice" in status(app)
        await pilot.press("2")  # the two exams merged: 4 + 2 questions, 2 + 1 minutes
        await settle(pilot)
        assert "6 questions · Mock exam · 3 min · pass 80%" in status(app)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        assert {item.bank.id for item in screen.session.items} == {"exam-small", "exam-second"}


async def test_flashcards_open_the_flashcard_screen() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        setup = await open_setup(pilot, "Exam small")
        await pilot.press("3")
        await settle(pilot)
        assert setup.config().mode is Mode.FLASHCARDS
        assert "Turn each card, grade your recall." in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FlashcardScreen)


async def test_escape_goes_back_to_the_banks() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, "Exam small")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.usefixtures("in_banks_folder")
def test_snapshot_setup_of_a_mock_exam_on_two_banks(snap_compare: SnapCompare) -> None:
    async def exam_setup(pilot: Pilot[object]) -> None:
        await open_setup(pilot, "Exam small", "Exam second")
        await pilot.press("2")
        await settle(pilot)

    app = ui_app(Path("exam-small.yaml"), Path("exam-second.yaml"))
    assert snap_compare(app, run_before=exam_setup)


async def send_at_once(app: QuizApp, *keys: str) -> None:
    """Send `keys` the way a terminal does when they come in one read (a paste, `tmux send-keys
    2 Enter`): all queued before the app handles the first."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        driver.send_message(event)


async def test_a_mode_key_and_enter_together_start_that_mode() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, "Exam small")
        await pilot.press("2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ExamScreen)
        assert isinstance(app.screen.session, ExamSession)
        await app.screen.run_action("leave")  # on purpose (q would be typed in a text box)
        await pilot.press("y")  # so the next run has no exam to offer to resume
        await settle(pilot)
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, "Exam small")
        await send_at_once(app, "3", "2", "enter")  # the last mode key counts
        await settle(pilot)
        assert isinstance(app.screen, ExamScreen)


async def test_a_count_typed_with_enter_is_the_count_started() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, "Exam small")
        await pilot.click("#setup-count")
        await send_at_once(app, "2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen) and app.screen.session.total == 2


async def test_the_mode_can_be_clicked_and_keys_then_still_choose() -> None:
    app = ui_app(EXAM)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        setup = await open_setup(pilot, "Exam small")
        buttons = list(setup.query(RadioButton))
        await pilot.click(buttons[2])
        await settle(pilot)
        assert setup.mode is Mode.FLASHCARDS and "Flashcards" in status(app)
        await pilot.press("2")  # the key turns the clicked button off
        await settle(pilot)
        assert [button.value for button in buttons] == [False, True, False]
        assert setup.mode is Mode.EXAM and "Mock exam" in status(app)
        await pilot.click(buttons[0])
        await settle(pilot)
        assert [button.value for button in buttons] == [True, False, False]
        assert setup.mode is Mode.PRACTICE and "Practice" in status(app)
