"""The Textual app: its stylesheet, its first screen and its global keys.

`make_app` builds the app for both the command line and the tests, so both run the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from quizapp.core.catalog import BankCache, bundled_banks_dir
from quizapp.screens.home import HomeScreen


class QuizApp(App[None]):
    """quizapp: practise question banks and learn the misconception behind every wrong answer."""

    CSS_PATH = "quizapp.tcss"
    TITLE = "quizapp"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, paths: Sequence[Path], cache: BankCache, seed: int | None = None) -> None:
        """An app listing the banks in `paths`, read through `cache`; `seed` fixes the shuffles."""
        super().__init__()
        self.bank_paths = tuple(paths)
        self.cache = cache
        self.seed = seed

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the list of banks."""
        return HomeScreen(self.bank_paths, self.cache, self.seed)


def make_app(paths: Sequence[Path], cache_dir: Path | None, *, seed: int | None = None) -> QuizApp:
    """The app on the banks in `paths` (files or folders; none: the bundled banks).

    `cache_dir` holds the cache of validated banks (None: no cache). `seed` makes the shuffles of
    every session repeatable (None: different each time).
    """
    banks = list(paths) or [bundled_banks_dir()]
    return QuizApp(banks, BankCache(cache_dir), seed)
