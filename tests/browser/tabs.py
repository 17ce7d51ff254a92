"""Browser tabs on a served class session, read through what the server sends them.

textual-serve draws the terminal on a canvas, so the page holds no text to look for. A tab reads
the bytes of its websocket instead: the app's screen updates, in which a line's words arrive
together ("Question 2 of 3"). Keys are typed into the page, as a student types them. Every wait
is bounded (`WAIT_SECONDS`) and says what it waited for when it gives up.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

WAIT_SECONDS = 60.0


class Tab:
    """One browser tab, and everything its session's websocket has received."""

    def __init__(self, page: Any, shots: Path, name: str) -> None:
        self.page = page
        self.shots = shots
        self.name = name
        self.received = bytearray()
        page.on("websocket", self._watch)

    def _watch(self, websocket: Any) -> None:
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self.received += payload

    def open(self, url: str) -> Any:
        """Load `url`; returns the page's response."""
        return self.page.goto(url)

    def wait_for(self, text: str, since: int = 0) -> None:
        """Until `text` is on the screen (in what arrived after byte `since`)."""
        deadline = time.monotonic() + WAIT_SECONDS
        wanted = text.encode("utf-8")
        while wanted not in self.received[since:]:
            if time.monotonic() > deadline:
                self.screenshot("timed-out")
                raise AssertionError(f"{self.name}: {text!r} never showed")
            self.page.wait_for_timeout(50)

    def type(self, text: str) -> None:
        """Type `text` into the terminal."""
        self.page.focus(".xterm-helper-textarea")
        self.page.keyboard.type(text)

    def press(self, key: str) -> int:
        """Press `key` in the terminal; returns the mark to wait for its answer from."""
        mark = len(self.received)
        self.page.focus(".xterm-helper-textarea")
        self.page.keyboard.press(key)
        return mark

    def screenshot(self, what: str) -> Path:
        """A picture of the tab, kept with the test's files."""
        path = self.shots / f"{self.name}-{what}.png"
        self.page.screenshot(path=str(path))
        return path


class Browser:
    """The browser of a test module; each `tab` is a page of its own."""

    def __init__(self, context: Any, shots: Path) -> None:
        self.context = context
        self.shots = shots

    def tab(self, name: str) -> Tab:
        return Tab(self.context.new_page(), self.shots, name)
