"""Helpers for the UI tests: the app on the fixture banks, and what the screen shows as text."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from quizapp.app import QuizApp, make_app
from quizapp.core.catalog import default_cache_dir
from quizapp.core.model import QuestionType
from quizapp.core.session import PracticeSession
from quizapp.screens.quiz import QuizScreen
from quizapp.widgets.bank_list import BankList

BANKS = Path(__file__).parent / "banks"
PLANETS = BANKS / "ui-planets.yaml"
MARKUP = BANKS / "ui-markup.yaml"
BROKEN = BANKS / "ui-broken.yaml"

#: Every session in the UI tests uses this seed, so choice orders (and snapshots) are stable.
SEED = 7


def ui_app(*paths: Path, seed: int = SEED) -> QuizApp:
    """The app as the CLI builds it, on the given fixture banks, with a fixed seed."""
    return make_app(list(paths), default_cache_dir(), seed=seed)


def screen_text(app: App[object]) -> str:
    """The characters on the terminal right now (what a user sees, without colours)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the workers (bank loading) are done and the screen has caught up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_bank(pilot: Pilot[object], title: str) -> PracticeSession:
    """From the home screen, open the bank called `title`; returns the quiz's session."""
    await settle(pilot)
    banks = pilot.app.screen.query_one(BankList)
    for index in range(banks.option_count):
        if str(banks.get_option_at_index(index).prompt).startswith(title):
            banks.highlighted = index
            break
    else:
        raise AssertionError(f"no bank titled {title!r} in the list")
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen), f"expected the quiz, got {screen!r}"
    return screen.session


def current_type(session: PracticeSession) -> QuestionType:
    """The type of the question being asked."""
    presented = session.current
    assert presented is not None
    return presented.question.type


def key_for_choice(session: PracticeSession, text: str) -> str:
    """The number key that picks the choice with this text where it is displayed now."""
    presented = session.current
    assert presented is not None
    original = [c.text for c in presented.question.choices].index(text)
    return str(presented.choice_order.index(original) + 1)
