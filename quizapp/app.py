"""The Textual app: its stylesheet, its first screen and its global keys.

`make_app` builds the app for both the command line and the tests, so both run the same thing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quizapp.core.catalog import BankCache, bundled_banks_dir
from quizapp.core.presenting import Clock
from quizapp.screens.help import SKIPPED_ACTIONS, HelpScreen
from quizapp.screens.home import HomeScreen


class QuizApp(App[None]):
    """quizapp: practise question banks and learn the misconception behind every wrong answer."""

    CSS_PATH = "quizapp.tcss"
    TITLE = "quizapp"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(
        self,
        paths: Sequence[Path],
        cache: BankCache,
        seed: int | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        """An app listing the banks in `paths`, read through `cache`; `seed` fixes the shuffles.

        `clock` times every session the app starts (tests give a fake one).
        """
        super().__init__()
        self.bank_paths = tuple(paths)
        self.cache = cache
        self.seed = seed
        self.clock = clock

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the list of banks."""
        return HomeScreen(self.bank_paths, self.cache, self.seed)

    async def action_quit(self) -> None:
        """Quit; a screen whose work would be lost (an exam under way) asks first.

        Such a screen offers a `confirm_quit()` method, which asks and quits if the student agrees.
        It is asked even when a dialog (the help, a question list) is open on top of it.
        """
        for screen in reversed(self.screen_stack):
            confirm = getattr(screen, "confirm_quit", None)
            if callable(confirm):
                confirm()
                return
        await super().action_quit()

    def action_help(self) -> None:
        """Open the help: the keys of the screen on top (not of the help itself)."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.for_screen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): help, Textual's commands, then the screen's actions.

        Textual's own "Keys" panel is left out: the help screen lists the same keys, and more.
        """
        yield SystemCommand("Help", "The keys of this screen", self.action_help)
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command
        seen = {"Help", "Quit"}
        for active in screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or binding.system or binding.description in seen:
                continue
            if active.node is self or not binding.description:
                continue
            # The footer's keys, and the screen's own hidden ones; not every arrow of a widget.
            own = active.node is screen and binding.action not in SKIPPED_ACTIONS
            if not (binding.show or own):
                continue
            seen.add(binding.description)
            key = self.get_key_display(binding)
            run = partial(self.run_action, binding.action, active.node)
            yield SystemCommand(binding.description, f"On this screen (key: {key})", run)


def make_app(
    paths: Sequence[Path],
    cache_dir: Path | None,
    *,
    seed: int | None = None,
    clock: Clock = time.monotonic,
) -> QuizApp:
    """The app on the banks in `paths` (files or folders; none: the bundled banks).

    `cache_dir` holds the cache of validated banks (None: no cache). `seed` makes the shuffles of
    every session repeatable (None: different each time). `clock` times the sessions.
    """
    banks = list(paths) or [bundled_banks_dir()]
    return QuizApp(banks, BankCache(cache_dir), seed, clock)
