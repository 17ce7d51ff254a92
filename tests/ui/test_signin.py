"""The sign-in screen and the served app of a class session, driven headless by Pilot.

The join code is checked by a stand-in for the server (`check_code`), so these tests need no
browser; tests/browser drives the real thing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Static

from quizapp.core.serving import ServedConfig, codes_match
from quizapp.screens import SignIn, SignInScreen
from quizapp.served import ServedApp
from tests.ui.helpers import BANKS, FakeClock, settle

CLASS_BANK = BANKS / "serve-class.yaml"
SnapCompare = Callable[..., bool]


class SignInApp(App[None]):
    """The sign-in screen alone; `signed` holds what it was dismissed with."""

    def __init__(self, *, ask_code: bool, refuse: str | None = None) -> None:
        super().__init__()
        self.ask_code = ask_code
        self.refuse = refuse
        self.asked: list[tuple[str, str]] = []
        self.signed: SignIn | None = None

    def compose(self) -> ComposeResult:
        yield from ()

    async def admit(self, identifier: str, code: str) -> str | None:
        self.asked.append((identifier, code))
        return None if codes_match(code, "QUIZ42") or not self.ask_code else self.refuse

    def on_mount(self) -> None:
        screen = SignInScreen(
            "Week 3 check", self.admit, ask_code=self.ask_code, about="A mock exam: 3 questions."
        )
        self.push_screen(screen, self._done)

    def _done(self, signed: SignIn | None) -> None:
        self.signed = signed


def _message(pilot: Pilot[object]) -> str:
    return str(pilot.app.screen.query_one("#signin-message", Static).render())


async def test_a_bad_name_is_explained_and_nobody_is_asked() -> None:
    app = SignInApp(ask_code=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"../ann", "enter")
        await pilot.pause()
        assert "letters, digits, spaces" in _message(pilot) and "not /" in _message(pilot)
        assert app.asked == [] and app.signed is None
        assert isinstance(app.screen, SignInScreen)


async def test_a_good_name_signs_in() -> None:
    app = SignInApp(ask_code=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Ann Lee", "enter")
        await settle(pilot)
        assert app.signed == SignIn("Ann Lee")
        assert app.asked == [("Ann Lee", "")]


async def test_a_wrong_code_is_refused_and_cleared_then_the_right_one_lets_in() -> None:
    app = SignInApp(ask_code=True, refuse="That code is not right.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"ann", "enter")  # Enter on the name goes to the empty code field
        await pilot.pause()
        assert app.asked == [] and app.screen.focused is app.screen.query_one("#signin-code")
        await pilot.press(*"wrong1", "enter")
        await settle(pilot)
        assert _message(pilot) == "✘ That code is not right."
        assert app.screen.query_one("#signin-code", Input).value == ""
        assert app.signed is None
        await pilot.press(*"quiz-42", "enter")
        await settle(pilot)
        assert app.signed == SignIn("ann")
        assert app.asked == [("ann", "wrong1"), ("ann", "quiz-42")]


async def test_escape_does_not_leave_the_sign_in() -> None:
    app = SignInApp(ask_code=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen) and app.signed is None


def test_sign_in_screen_snapshot(snap_compare: SnapCompare) -> None:
    async def typed(pilot: Pilot[object]) -> None:
        await pilot.press(*"ann.lee")
        await pilot.pause()

    assert snap_compare(SignInApp(ask_code=True), run_before=typed, terminal_size=(80, 24))


# --- the served app ----------------------------------------------------------------------------


def served_app(results: Path, *, mode: str | None = "exam", joined: bool = False) -> ServedApp:
    config = ServedConfig(
        banks=(str(CLASS_BANK),), results_dir=str(results), mode=mode, code_required=True,
        seed=7, title="Class check",
    )  # fmt: skip

    async def check(code: str) -> tuple[bool, float]:
        return codes_match(code, "QUIZ42"), 0.0

    return ServedApp(config, joined=joined, check_code=check, clock=FakeClock())


async def _sign_in(pilot: Pilot[object], *keys: str) -> None:
    await settle(pilot)
    await pilot.press(*keys)
    await settle(pilot)
    await settle(pilot)


async def test_the_fixed_exam_starts_and_its_answers_reach_the_results_file(
    tmp_path: Path, data_dir: Path
) -> None:
    from quizapp.screens import ExamScreen, ResultsScreen

    app = served_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, *"Ann Lee", "enter", *"quiz42", "enter")
        assert isinstance(app.screen, ExamScreen)
        assert app.status().student == "Ann Lee" and app.status().total == 3
        for _ in range(3):
            await pilot.press("1", "enter")
            await pilot.pause()
        assert app.status().answered == 3 and not (tmp_path / "ann-lee.jsonl").exists()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # confirm the submission
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.status().done and app.status().saved == 3
    rows = [json.loads(line) for line in (tmp_path / "ann-lee.jsonl").read_text().splitlines()]
    assert [row["mode"] for row in rows] == ["exam"] * 3
    assert {row["question_id"] for row in rows} == {"falling", "boiling", "planets"}
    assert not data_dir.exists()  # the instructor's own progress folder is never opened


async def test_without_a_fixed_session_the_student_is_home(tmp_path: Path) -> None:
    from quizapp.screens import HomeScreen

    app = served_app(tmp_path, mode=None, joined=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query("#signin-code")  # the server checked the code already
        await _sign_in(pilot, *"ann", "enter")
        assert isinstance(app.screen, HomeScreen)
        assert app.status().student == "ann" and app.status().mode is None


async def test_the_palette_offers_nothing_that_reaches_the_server(tmp_path: Path) -> None:
    app = served_app(tmp_path, mode=None, joined=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, *"ann", "enter")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Help", "Theme", "Quit"} <= titles
        assert not titles & {"Screenshot", "Keys", "Maximize"}
        plain = {c.title for c in super(ServedApp, app).get_system_commands(app.screen)}
        assert "Screenshot" in plain  # what the served app takes away is really there


async def test_screenshots_and_deliveries_do_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = served_app(tmp_path / "results", mode=None, joined=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_screenshot()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        assert app.deliver_screenshot() is None
        assert app.deliver_text(tmp_path / "secret.txt") is None
        with pytest.raises(PermissionError):
            app.save_screenshot()
    assert list(tmp_path.glob("*.svg")) == []
