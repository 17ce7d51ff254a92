"""The reference for start-up time: a bare Textual app that shows one Static.

It prints `READY <peak RSS in KiB>` when Textual reports its first frame (the `Ready` event) and
exits. Run by `benchmarks/run.py` in a fresh process, exactly like the quizapp launcher beside it.
"""

from __future__ import annotations

import sys

from _peak import peak_kib
from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    """One Static, nothing else."""

    def compose(self) -> ComposeResult:
        """The single widget."""
        yield Static("Hello")

    def on_ready(self) -> None:
        """Report the first frame and leave."""
        peak = peak_kib()
        sys.__stdout__.write(f"READY {peak}\n")
        sys.__stdout__.flush()
        self.exit()


if __name__ == "__main__":
    BareApp().run(headless=True)
