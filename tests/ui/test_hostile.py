"""A hostile bank, and a file name with escapes, change nothing on screen but showing the escaped
characters; two banks with one id are never merged: the second is listed as a problem."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizapp.core.visible import CONTROLS
from quizapp.widgets import BankList
from tests.ui.helpers import BANKS, PLANETS, screen_text, settle, ui_app

HOSTILE = Path(__file__).resolve().parents[1] / "banks" / "invalid-controls.yaml"
NAME = "week\x1b]0;pwned\x07\x1b[2J.yaml"


def hostile_folder(tmp_path: Path) -> Path:
    """A folder with the hostile bank and a good bank whose file name holds escape sequences."""
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(HOSTILE, folder / "hostile.yaml")
    shutil.copy(PLANETS, folder / NAME)
    return folder


def rows(app: object) -> list[str]:
    banks = app.screen.query_one(BankList)  # type: ignore[attr-defined]
    return [str(banks.get_option_at_index(i).prompt) for i in range(banks.option_count)]


def joined(text: str) -> str:
    """The screen's text without line breaks, white space and the detail pane's border."""
    return "".join(text.replace("▏", "").split())


async def test_the_home_screen_shows_escapes_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # paths shown relative: the same text wherever tmp_path is
    app = ui_app(hostile_folder(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for index in range(app.screen.query_one(BankList).option_count):
            app.screen.query_one(BankList).highlighted = index
            await pilot.pause()
            text = screen_text(app)
            assert CONTROLS.findall(text) == []
        app.screen.query_one(BankList).highlighted = 1  # the good bank with the odd name
        await pilot.pause()
        assert "week\\u001b]0;pwned\\u0007\\u001b[2J.yaml" in joined(screen_text(app))
        app.screen.query_one(BankList).highlighted = 0  # the hostile bank: broken
        await pilot.pause()
        text = screen_text(app)
        assert "This bank is broken" in text and "U+001B (ESC)" in text


async def test_two_banks_with_one_id_are_never_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a-planets.yaml", "b-planets.yaml"):
        shutil.copy(PLANETS, tmp_path / name)
    app = ui_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        first, second = rows(app)
        assert not first.startswith("⚠") and second.startswith("⚠")
        app.screen.query_one(BankList).highlighted = 1
        await pilot.pause()
        text = joined(screen_text(app))
        assert "bankid'ui-planets'isalsousedbya-planets.yaml" in text
        assert "givethisbankitsown`id:`" in text
        await pilot.press("enter")  # a refused bank is not studied
        await settle(pilot)
        assert "This bank has problems" in screen_text(app)


def test_in_a_real_terminal_no_escape_from_a_file_name_is_sent(tmp_path: Path) -> None:
    """The bytes quizapp writes to a pseudo-terminal hold the escaped name, never the sequence
    (the OSC that would retitle the terminal, the BEL, the screen clear)."""
    folder = hostile_folder(tmp_path)
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
        "QUIZAPP_DATA_DIR": str(tmp_path / "data"),
        "QUIZAPP_CACHE_DIR": str(tmp_path / "cache"),
    }
    main, child = pty.openpty()
    os.set_blocking(main, False)
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", str(folder)],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        cwd=BANKS,
        close_fds=True,
    )
    os.close(child)
    seen = b""

    def read_for(seconds: float) -> bool:
        """Read what the app writes for a while (a full pty would stall it); False at its end."""
        nonlocal seen
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            if select.select([main], [], [], 0.1)[0]:
                try:
                    chunk = os.read(main, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                seen += chunk
        return True

    try:
        deadline = time.monotonic() + 60
        while b"pwned" not in seen and time.monotonic() < deadline and read_for(0.5):
            pass
        # Ask it to quit until it does, reading all the while: on a loaded machine the first
        # ctrl+q can come before the app reads keys, and a pty nobody reads blocks its writes.
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            os.write(main, b"\x11")  # ctrl+q
            if not read_for(2.0):
                break
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert b"pwned" in seen, "the home screen never showed the bank"
    # (Textual sends OSC sequences of its own, ended by BEL: only the name's must not be there.)
    assert b"\x1b]0;pwned" not in seen and b"pwned\x07" not in seen
    assert b"\\u001b]0;pwned\\u0007" in seen


async def test_a_pasted_control_character_never_reaches_the_answer() -> None:
    """Typed answers are the student's data: a paste with an escape sequence loses its control
    characters before the box draws it, and is graded and saved so."""
    from textual import events
    from textual.widgets import Input

    from quizapp.core.model import QuestionType
    from tests.ui.helpers import open_bank
    from tests.ui.test_answer_types import skip_to

    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.SHORT)
        box = app.screen.query_one(Input)
        box.post_message(events.Paste("Ma\x1b]0;pwned\x07rs\u202e"))
        await pilot.pause()
        assert box.value == "Ma]0;pwnedrs"  # the controls dropped, the rest is harmless text
        await pilot.press("enter")
        await settle(pilot)
        assert session.records[-1].response == "Ma]0;pwnedrs"
        assert CONTROLS.findall(screen_text(app)) == []
