"""The home screen's progress: due, new and learned per bank, the misconceptions still held, and
the "Review due" and "Target my misconceptions" sessions, across closing and reopening the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from quizapp.screens import FlashcardScreen, HomeScreen
from quizapp.screens.quiz import QuizScreen
from quizapp.widgets import ReviewChoice
from tests.ui.helpers import (
    PLANETS,
    FakeNow,
    highlight_bank,
    key_for_choice,
    open_bank,
    screen_text,
    settle,
    ui_app,
)
from tests.ui.progress_ui_helpers import a_week_of_study, notices, stored
from tests.ui.study_helpers import STUDY

SnapCompare = Callable[..., bool]
TITLE = "Study security basics"
HONEST = "The site is run by an honest company."
RIGHT = "The connection to the site is encrypted."
HELD = "A padlock in the address bar means the site is trustworthy."


def row_of(text: str, title: str) -> list[str]:
    """The list's lines of the bank row titled `title` (the left pane of the screen text)."""
    lines = [line.split("▏")[0].strip() for line in text.splitlines()]
    start = lines.index(title)
    return lines[start : start + 3]


def detail_of(text: str) -> str:
    """The detail pane's text, its lines joined with spaces (wrapped sentences made whole)."""
    pane = [line.split("▏", 1)[1].strip() for line in text.splitlines()[1:-1] if "▏" in line]
    return " ".join(line for line in pane if line)


async def wrong_then_home(pilot: Pilot[object]) -> None:
    """Practise the study bank: the padlock question wrong (https-is-safe), then stop, home."""
    session = await open_bank(pilot, TITLE)
    await pilot.press(key_for_choice(session, HONEST), "enter")
    await settle(pilot)
    await pilot.press("q", "y", "escape")  # stop (it asks), then home
    await settle(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_counts_and_held_misconceptions_last_across_closing_the_app() -> None:
    now = FakeNow()
    app = ui_app(STUDY, now=now)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert row_of(screen_text(app), TITLE)[2] == "0 due · 5 new · 0 learned"
        assert HELD not in screen_text(app)
        await wrong_then_home(pilot)
        text = screen_text(app)
        assert row_of(text, TITLE)[2] == "0 due · 4 new · 1 learned"  # due again in a minute
        detail = detail_of(text)
        assert "⚠ 1 misconception you still hold · t targets them" in detail
        assert f"• “{HELD}” HTTPS only encrypts the connection" in detail  # and why it is wrong
        assert "1 misconception held" in text.splitlines()[0]
    now.advance(days=1)  # the next day, a new app on the same data folder
    app = ui_app(STUDY, now=now)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert row_of(text, TITLE)[2] == "1 due · 4 new · 0 learned"
        assert text.splitlines()[0].strip() == (
            "quizapp · choose a question bank · 1 due · 4 new · 1 misconception held"
        )
        assert f"“{HELD}”" in detail_of(text)


LONG_BANK = """\
title: Long told
description: {description}
misconceptions:
  sun-goes-round: {{summary: The Sun goes round the Earth., explanation: It is the other way.}}
questions:
  - id: orbit
    prompt: What goes round what?
    shuffle: false
    choices:
      - {{text: The Earth round the Sun, correct: true}}
      - {{text: The Sun round the Earth, misconception: sun-goes-round}}
"""


async def test_at_80x24_the_held_misconceptions_show_without_scrolling(tmp_path: Path) -> None:
    bank = tmp_path / "long.yaml"
    bank.write_text(LONG_BANK.format(description="A long description. " * 60), encoding="utf-8")
    app = ui_app(bank)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "Long told")
        await pilot.press(key_for_choice(session, "The Sun round the Earth"), "enter")
        await settle(pilot)
        await pilot.press("q", "y", "escape")
        await settle(pilot)
        app.clear_notifications()  # the "stopped early" notice would cover the pane
        await settle(pilot)
        detail = detail_of(screen_text(app))
        # The count and what is held come before the long description, in sight at once.
        assert "⚠ 1 misconception you still hold · t targets them" in detail
        assert "• “The Sun goes round the Earth.” It is the other way." in detail


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_footer_keeps_help_in_sight(size: tuple[int, int]) -> None:
    app = ui_app(STUDY)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "? Help" in footer and "g Progress" in footer


async def test_review_due_studies_the_due_card_then_new_ones_up_to_the_daily_limit() -> None:
    now = FakeNow()
    app = ui_app(STUDY, now=now, new_limit=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wrong_then_home(pilot)  # padlock met today: one of today's 3 new cards
        now.advance(hours=1)  # padlock is due again
        await pilot.press("v")
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, ReviewChoice) and f"What is due on {TITLE}, then" in screen_text(
            app
        )
        await pilot.press("2")  # as questions
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.progress_log is not None
        assert screen.progress_log.mode == "review"
        keys = [item.question.id for item in screen.session.items]
        assert keys == ["padlock", "phishing-signs", "reuse"]  # due first, then 2 new
        assert "Review due · Question 1 of 3" in screen_text(app)
        await pilot.press(key_for_choice(screen.session, RIGHT), "enter")
        await settle(pilot)
        assert [(a.question_id, a.mode) for a in stored()][-1] == ("padlock", "review")
        await pilot.press("q", "y")
        await settle(pilot)
        assert "Results · Review due · Study security basics" in screen_text(app)


async def test_review_due_says_when_todays_new_cards_are_done_instead_of_going_dim() -> None:
    now = FakeNow()
    app = ui_app(STUDY, now=now, new_limit=1)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, TITLE)
        await pilot.press(key_for_choice(session, RIGHT), "enter")  # padlock: today's new card
        await settle(pilot)
        await pilot.press("q", "y", "escape")
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.check_action("study", ("review",)) is True  # not dimmed: it has news
        await pilot.press("v")
        await settle(pilot)
        assert app.screen is home
        assert notices(app)[-1] == (
            "Nothing is due, and today's 1 new card is done; tomorrow, or raise --new-limit."
        )
        now.advance(days=1)
        home.count_progress()
        await settle(pilot)
        await pilot.press("v")  # a new day: a new card, and padlock due
        await settle(pilot)
        assert isinstance(app.screen, ReviewChoice)


async def test_review_due_with_new_cards_off_says_so() -> None:
    app = ui_app(STUDY, new_limit=0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        await pilot.press("v")
        await settle(pilot)
        assert app.screen is screen
        assert notices(app)[-1] == "Nothing is due, and new cards are off (--new-limit 0)."


async def test_review_due_as_flashcards_is_remembered() -> None:
    now = FakeNow()
    app = ui_app(STUDY, now=now)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert "1  Flashcards" in screen_text(app) and "2  Questions" in screen_text(app)
        await pilot.press("1")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FlashcardScreen) and screen.progress_log is not None
        assert screen.progress_log.mode == "review"
        assert [i.question.id for i in screen.session.items][:2] == ["padlock", "phishing-signs"]
        await pilot.press("space", "3")
        await settle(pilot)
        assert [(a.question_id, a.mode) for a in stored()] == [("padlock", "review")]
        await pilot.press("q")
        await settle(pilot)
        assert "Results · Review due · Study security basics" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, ReviewChoice)
        assert offer.query_one(OptionList).highlighted == 0  # flashcards, as last time
    app = ui_app(STUDY, now=now)  # and in the next run of the app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FlashcardScreen)


async def test_target_studies_the_questions_of_a_held_misconception_until_overcome() -> None:
    now = FakeNow()
    app = ui_app(STUDY, now=now)
    async with app.run_test(size=(80, 24)) as pilot:  # no notices over the detail pane
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.check_action("study", ("target",)) is None  # nothing held yet
        await wrong_then_home(pilot)
        assert home.check_action("study", ("target",)) is True
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.progress_log is not None
        assert screen.progress_log.mode == "target"
        # Every question whose options carry https-is-safe, in bank order.
        assert [item.question.id for item in screen.session.items] == ["padlock", "phishing-signs"]
        await pilot.press(key_for_choice(screen.session, RIGHT), "enter")
        await settle(pilot)
        await pilot.press("q", "y", "escape")
        await settle(pilot)
        assert HELD in detail_of(screen_text(app))  # avoided once, today: still held
        now.advance(days=1)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        await pilot.press(key_for_choice(screen.session, RIGHT), "enter")  # a second day
        await settle(pilot)
        await pilot.press("q", "y", "escape")
        await settle(pilot)
        text = screen_text(app)
        assert HELD not in detail_of(text) and "No misconceptions held here" in detail_of(text)
        assert home.check_action("study", ("target",)) is None


async def test_the_actions_work_on_the_marked_banks() -> None:
    app = ui_app(PLANETS, STUDY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wrong_then_home(pilot)
        await highlight_bank(pilot, "UI planets")
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.check_action("study", ("target",)) is None  # the planets hold nothing
        await highlight_bank(pilot, TITLE)
        await pilot.press("space")
        await highlight_bank(pilot, "UI planets")
        assert home.check_action("study", ("target",)) is True  # the marked bank does


@pytest.mark.usefixtures("in_banks_folder")
def test_home_screen_with_progress_snapshot(snap_compare: SnapCompare) -> None:
    """A week of study (see `a_week_of_study`), seen on Monday morning."""
    a_week_of_study()

    async def loaded(pilot: Pilot[object]) -> None:
        await highlight_bank(pilot, TITLE)
        await settle(pilot)

    app = ui_app(Path("ui-planets.yaml"), Path("study-security.yaml"))
    assert snap_compare(app, run_before=loaded)


async def test_the_help_names_the_actions_in_full() -> None:
    app = ui_app(STUDY)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "v  Review due" in text and "g  Progress" in text
        assert "t  Target my misconceptions (not now)" in text  # nothing held yet
        assert "⏎  Set up a session" in text
