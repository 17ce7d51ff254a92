"""Flashcards: Space turns a card, 1-4 grade it, the last grade leads to the results; the mouse
works too; a snapshot of a card's back at 80x24."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from quizapp.core.model import SelfGrade
from quizapp.core.study import FlashcardSession
from quizapp.core.study.items import items_of
from quizapp.screens import HomeScreen
from quizapp.screens.flashcards import FlashcardScreen
from quizapp.screens.results import ResultsScreen
from tests.ui.helpers import SEED, FakeClock, screen_text, settle
from tests.ui.study_helpers import push, study_app, study_bank

SnapCompare = Callable[..., bool]


def cards() -> FlashcardSession:
    """The study bank as cards, in bank order, 5 s a reading of the clock."""
    return FlashcardSession(items_of(study_bank()), seed=SEED, clock=FakeClock(step=5.0))


async def test_space_turns_the_card_to_its_back() -> None:
    session = cards()
    app = study_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await push(pilot, FlashcardScreen(session))
        text = screen_text(app)
        assert "Card 1 of 5 · Web" in text
        assert "What does the padlock in the address bar tell you?" in text
        # Recall first: the choices wait until asked for.
        assert "The site is run by an honest company." not in text
        assert "3 choices hidden: recall first · c shows them" in text
        assert "Answer" not in text and "Misconception" not in text
        assert "space Show answer  c Choices" in text.splitlines()[-1]
        await pilot.press("c")
        await settle(pilot)
        text = screen_text(app)
        assert "• The site is run by an honest company." in text and "hidden" not in text
        assert "c Choices" not in text.splitlines()[-1]
        await pilot.press("space")
        await settle(pilot)
        assert session.flipped
        text = screen_text(app)
        assert "╭─ Answer" in text and "The connection to the site is encrypted." in text
        assert "TLS protects data in transit" in text  # the explanation
        assert "Misconceptions its wrong answers carry" in text
        assert "A padlock in the address bar means the site is trustworthy." in text
        assert "HTTPS only encrypts the connection" in text
        footer = text.splitlines()[-1]
        assert "1 Again  2 Hard  3 Good  4 Easy" in footer and "Show answer" not in footer


async def test_a_card_cannot_be_graded_before_it_is_turned() -> None:
    session = cards()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, FlashcardScreen(session))
        await pilot.press("3", "4")
        await settle(pilot)
        assert session.records == () and session.position == 0
        assert "Card 1 of 5" in screen_text(app)


async def test_grading_every_card_leads_to_the_results() -> None:
    session = cards()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, FlashcardScreen(session))
        for key in "12343":
            await pilot.press("space", key)
            await settle(pilot)
            assert f"Card {session.position + 1} of 5" in screen_text(app)
        # Again brought the first card back, after the others (no schedule here to ask).
        assert "Card 1 of 5 · again · Web" in screen_text(app)
        await pilot.press("space", "3")
        await settle(pilot)
        assert [r.response for r in session.records] == [
            SelfGrade.AGAIN,
            SelfGrade.HARD,
            SelfGrade.GOOD,
            SelfGrade.EASY,
            SelfGrade.GOOD,
            SelfGrade.GOOD,
        ]
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Results · Flashcards · Study security basics" in text
        assert "Score 4 of 5 (80%)" in text
        assert "Your grades: Again 1 · Hard 1 · Good 2 · Easy 1" in text
        assert "✘  1. What does the padlock" in text  # Again counts as not recalled
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "✘ WRONG · you said Again" in text
        assert "You graded your recall: Again" in text


async def test_the_mouse_turns_and_grades_cards() -> None:
    session = cards()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, FlashcardScreen(session))
        await pilot.click("#card-flip")
        await settle(pilot)
        assert session.flipped
        await pilot.click("#card-grade-4")
        await settle(pilot)
        assert session.records[0].response is SelfGrade.EASY
        assert "Card 2 of 5" in screen_text(app)


async def test_q_before_any_grade_leaves_for_the_bank_list() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, FlashcardScreen(cards()))
        await pilot.press("space", "q")  # turned, but not graded: nothing to show
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_q_after_some_grades_shows_their_results() -> None:
    session = cards()
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await push(pilot, FlashcardScreen(session))
        await pilot.press("space", "4", "space", "3", "space")  # two graded, the third turned
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        report = app.screen.report
        assert [r.response for r in report.results] == [SelfGrade.EASY, SelfGrade.GOOD]
        text = screen_text(app)
        assert "Stopped early" in text and "Stopped after 2 of 5 cards" in text  # the notice
        assert "Score 2 of 2 (100%)" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


def test_flashcard_back_snapshot(snap_compare: SnapCompare) -> None:
    async def turned(pilot: Pilot[object]) -> None:
        await push(pilot, FlashcardScreen(cards()))
        await pilot.press("space")
        await settle(pilot)

    assert snap_compare(study_app(), run_before=turned)
