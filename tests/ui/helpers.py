"""Helpers for the UI tests: the app on the fixture banks (on fake clocks, with its progress in
the test's folder), and what the screen shows as text."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox

from quizapp.app import QuizApp, make_app
from quizapp.core.bank import default_cache_dir
from quizapp.core.model import QuestionType
from quizapp.core.progress import default_data_dir
from quizapp.core.study import PracticeSession
from quizapp.screens.quiz import QuizScreen
from quizapp.screens.setup import SetupScreen
from quizapp.widgets import BankList

BANKS = Path(__file__).parent / "banks"
PLANETS = BANKS / "ui-planets.yaml"
MARKUP = BANKS / "ui-markup.yaml"
BROKEN = BANKS / "ui-broken.yaml"

#: Every session in the UI tests uses this seed, so choice orders (and snapshots) are stable.
SEED = 7


class FakeClock:
    """A clock that moves only when told to (`advance`), or by `step` seconds at every reading."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock on by `seconds`."""
        self.now += seconds


class FakeNow:
    """The time of day for progress: 9:00 UTC on Monday 3 March 2025 until moved (`advance`)."""

    def __init__(self, start: datetime = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move on by a `timedelta(**delta)`: `advance(days=1)`."""
        self.now += timedelta(**delta)


def ui_app(
    *paths: Path,
    seed: int = SEED,
    clock: FakeClock | None = None,
    now: FakeNow | None = None,
    new_limit: int = 20,
) -> QuizApp:
    """The app as the CLI builds it, on the given fixture banks, with a fixed seed.

    Every session it starts is timed by `clock`, a `FakeClock` that stands still unless given;
    progress is saved in the test's QUIZAPP_DATA_DIR at `now`, a `FakeNow`, with days in UTC:
    no UI test depends on how fast the machine runs it, or on the day it runs.
    """
    return make_app(
        list(paths),
        default_cache_dir(),
        seed=seed,
        clock=clock or FakeClock(),
        data_dir=default_data_dir(),
        now=now or FakeNow(),
        tz=UTC,
        new_limit=new_limit,
    )


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


async def highlight_bank(pilot: Pilot[object], title: str) -> None:
    """On the home screen, highlight the bank called `title` (a marked one starts with ✔)."""
    await settle(pilot)
    banks = pilot.app.screen.query_one(BankList)
    for index in range(banks.option_count):
        if str(banks.get_option_at_index(index).prompt).removeprefix("✔ ").startswith(title):
            banks.highlighted = index
            return
    raise AssertionError(f"no bank titled {title!r} in the list")


async def open_setup(pilot: Pilot[object], *titles: str) -> SetupScreen:
    """From the home screen, set up a session on the banks called `titles` (several: marked
    with Space); returns the set-up screen."""
    for title in titles if len(titles) > 1 else ():
        await highlight_bank(pilot, title)
        await pilot.press("space")
    if len(titles) == 1:
        await highlight_bank(pilot, titles[0])
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SetupScreen), f"expected the set-up, got {screen!r}"
    return screen


async def open_bank(pilot: Pilot[object], title: str) -> PracticeSession:
    """From the home screen, practise the bank called `title` in bank order (through the set-up,
    with "Shuffle questions" unticked); returns the quiz's session."""
    setup = await open_setup(pilot, title)
    setup.query_one("#setup-shuffle-questions", Checkbox).value = False
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
