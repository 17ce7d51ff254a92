"""The progress screen (g on the home screen): mastery, counts, charts and misconceptions for a
bank with a week of answers, the empty state for a bank never studied, ←/→ between banks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizapp.screens import HomeScreen
from quizapp.screens.progress import ProgressScreen
from tests.ui.helpers import PLANETS, highlight_bank, screen_text, settle, ui_app
from tests.ui.progress_ui_helpers import a_week_of_study
from tests.ui.study_helpers import STUDY

SnapCompare = Callable[..., bool]
TITLE = "Study security basics"


async def open_progress(pilot: Pilot[object], title: str = TITLE) -> ProgressScreen:
    """From the home screen, the progress of the bank called `title`."""
    await highlight_bank(pilot, title)
    await pilot.press("g")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen), f"expected the progress screen, got {screen!r}"
    return screen


async def test_a_week_of_study_shows_mastery_charts_and_misconceptions() -> None:
    a_week_of_study()
    app = ui_app(STUDY)  # Monday 3 March, 09:00 UTC: the day after the last answers
    async with app.run_test(size=(120, 40)) as pilot:
        await open_progress(pilot)
        text = screen_text(app)
        assert "Progress · Study security basics" in text
        # mfa and manager graduated; only mfa, reviewed yesterday, is still recalled at 90%.
        assert "Mastery  20%  ████░░░░░░░░" in text
        assert "1 of 5 questions recalled at 90% or more" in text
        assert "4 due now · 0 new · 1 learned · 9 answers in all" in text
        for title in ("Accuracy · last 30 days", "Reviews · last 30 days"):
            assert title in text
        assert "Reviews due · next 14 days" in text
        assert text.count("●") == 3  # three days with answers, one dot each
        assert "today" in text and "17 Feb" in text  # the axis: 30 days back to today
        assert "⚠ held · 1× · last 2 Mar" in text
        assert "“A long password is safe even if it is reused.”" in text
        # https-is-safe: avoided on 28 Feb only; a second day would overcome it.
        assert "⚠ held · 1× · last 25 Feb · avoided on 1 day since" in text
        assert "No answers yet" not in text


async def test_a_bank_never_studied_shows_the_empty_state() -> None:
    app = ui_app(STUDY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        text = screen_text(app)
        assert "Mastery   0%" in text and "0 of 5 questions" in text
        assert "0 due now · 5 new · 0 learned · 0 answers in all" in text
        assert "No answers yet." in text
        assert "Accuracy" not in text and "Misconceptions fallen for" not in text


async def test_left_and_right_go_through_the_banks_and_escape_goes_home() -> None:
    a_week_of_study()
    app = ui_app(PLANETS, STUDY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        assert "Progress · Study security basics · bank 2 of 2" in screen_text(app)
        await pilot.press("right")  # round to the first
        await settle(pilot)
        text = screen_text(app)
        assert "Progress · UI planets · bank 1 of 2" in text and "No answers yet." in text
        await pilot.press("left")
        await settle(pilot)
        assert screen.index == 1 and "4 due now" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_one_bank_has_no_other_to_go_to() -> None:
    app = ui_app(STUDY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        assert "bank 1 of 1" not in screen_text(app)
        assert screen.check_action("bank", (1,)) is False
        assert "Next bank" not in screen_text(app).splitlines()[-1]


@pytest.mark.usefixtures("in_banks_folder")
def test_progress_screen_snapshot(snap_compare: SnapCompare) -> None:
    a_week_of_study()

    async def progress(pilot: Pilot[object]) -> None:
        await open_progress(pilot)

    assert snap_compare(ui_app(Path("study-security.yaml")), run_before=progress)
