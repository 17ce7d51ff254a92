"""The exam's clock: the time left as `mm:ss`, warning-coloured near the end, or the time spent
when the exam is untimed. It only shows the numbers it is given; the session keeps the time."""

from __future__ import annotations

import math

from textual.content import Content
from textual.widgets import Static

#: The clock turns to the warning colour in the last minute, or the last tenth of a long exam.
WARNING_SECONDS = 60.0
WARNING_SHARE = 0.1


def clock_text(seconds: float) -> str:
    """`seconds` as `m:ss` (`h:mm:ss` from an hour), rounded up so 0:00 means none left."""
    whole = max(0, math.ceil(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


class ExamClock(Static):
    """`⏱ 14:32 left` counting down, or `⏱ 03:05 · untimed` counting up."""

    DEFAULT_CSS = """
    ExamClock {
        width: auto;
        padding: 0 1;
        text-wrap: nowrap;
        &.-warning { background: $warning-muted; color: $text-warning; text-style: bold; }
        &.-over { background: $error-muted; color: $text-error; text-style: bold; }
    }
    """

    def show_time(self, remaining: float | None, elapsed: float, limit: float | None) -> None:
        """Show `remaining` seconds of `limit` (None: untimed, so `elapsed` is shown instead)."""
        if remaining is None or limit is None:
            self.remove_class("-warning", "-over")
            # Time spent counts whole seconds gone by, so it starts at 00:00.
            self.update(Content(f"⏱ {clock_text(math.floor(elapsed))} · untimed"))
            return
        warning = remaining <= max(WARNING_SECONDS, WARNING_SHARE * limit)
        self.set_class(warning and remaining > 0, "-warning")
        self.set_class(remaining <= 0, "-over")
        self.update(Content(f"⏱ {clock_text(remaining)} left"))
