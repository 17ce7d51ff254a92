"""What the screens need from the app, in one typed object handed to their constructors.

The app makes one `AppContext`; a screen that starts sessions, opens banks or saves answers takes
it (or the one field it needs) when it is built, never by reading attributes off `self.app`. A
test builds a context of its own and pushes the screen straight away.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names only: the context itself imports nothing heavy
    from quizapp.core.bank import BankCache
    from quizapp.core.progress import Recorder
    from quizapp.core.study import Clock


@dataclass(frozen=True, slots=True)
class AppContext:
    """The app's shared services: banks, progress, and what makes sessions repeatable."""

    cache: BankCache
    """Reads banks, from the cache of validated banks when fresh."""
    recorder: Recorder
    """Saves every graded answer; holds the progress store once it is open."""
    seed: int | None = None
    """Fixes the shuffles of every session (None: different each time)."""
    clock: Clock = time.monotonic
    """Times every session (tests give a fake one)."""
    data_dir: Path | None = None
    """Where progress is kept; None: the default data folder."""
