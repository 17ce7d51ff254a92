"""A one-line bar that says what is being read and how far along it is (the home screen's)."""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import HorizontalGroup
from textual.content import Content
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

#: Progress is reported to the screen only in steps this big, to spare the message loop.
PROGRESS_STEP = 0.02


class LoadingBar(HorizontalGroup):
    """A label and a progress bar, hidden while nothing is being read.

    The label and bar are mounted only the first time something is shown: when nothing has to
    be read (every bank cached, the usual start), the first frame does not pay for them.
    """

    def show(self, label: str, fraction: float | None) -> None:
        """Show `label` and the bar at `fraction` (0..1); None hides the bar."""
        self.display = fraction is not None
        if fraction is None:
            return
        if not self.children:
            self.mount_all(
                [
                    Label(id="home-loading-label"),
                    ProgressBar(total=1.0, show_eta=False, id="home-progress"),
                ]
            )
        self.query_one("#home-loading-label", Label).update(Content(label))
        self.query_one("#home-progress", ProgressBar).update(progress=fraction)

    def reporter(self, label: str) -> Callable[[float], None]:
        """A progress callback for the current worker thread that moves the bar in steps."""
        worker = get_current_worker()
        shown = 0.0

        def report(fraction: float) -> None:
            nonlocal shown
            if fraction - shown >= PROGRESS_STEP and not worker.is_cancelled:
                shown = fraction
                self.app.call_from_thread(self.show, label, fraction)

        return report
