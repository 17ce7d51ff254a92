"""The Textual app: its stylesheet, its first screen, its global keys and the progress store.

Which screen follows which is `quizapp.flow.StudyFlow`'s, the base of the app. `make_app` builds
the app for both the command line and the tests, so both run the same thing.
The store is opened in a worker as the app starts, so the list of banks shows at once; what went
wrong opening it (progress not saved, a damaged file moved aside) is shown as a notification, and
a mock exam left unsubmitted when the app last closed is offered (`StudyFlow.offer_resume`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from quizapp.context import AppContext
from quizapp.core.bank import BankCache, bundled_banks_dir
from quizapp.core.progress import DEFAULT_NEW_LIMIT, Recorder, utc_now
from quizapp.core.visible import visible
from quizapp.flow import StudyFlow
from quizapp.messages import ConfirmsQuit
from quizapp.screens import HomeScreen

if TYPE_CHECKING:
    from quizapp.core.progress import StoreOpening
    from quizapp.core.study import Clock


class QuizApp(StudyFlow):
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
        *,
        data_dir: Path | None = None,
        now: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
        new_limit: int = DEFAULT_NEW_LIMIT,
    ) -> None:
        """An app listing the banks in `paths`, read through `cache`; `seed` fixes the shuffles.

        `clock` times every session the app starts (tests give a fake one). Progress is kept in
        `data_dir` (None: `default_data_dir()`), saved and counted at `now()`, by the days of
        `tz` (None: the system's); "Review due" brings in `new_limit` new cards a day.
        """
        recorder = Recorder(now, tz=tz, new_limit=new_limit, on_error=self._save_failed)
        super().__init__(AppContext(cache, recorder, seed, clock, data_dir))
        self.bank_paths = tuple(paths)
        self.recorder = recorder
        """Saves every graded answer; holds the store once it is open."""

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the list of banks."""
        return HomeScreen(self.bank_paths, self.context)

    def on_mount(self) -> None:
        """Open the progress store, off the message loop, once the first frame is drawn: the
        thread's imports (sqlite3, fsrs) would otherwise compete with it for the interpreter."""
        self.call_after_refresh(self._open_store)

    @work(thread=True, exclusive=True, group="open-store")
    def _open_store(self) -> None:
        # Imported here: sqlite3, fsrs and the scheduler load off the start-up path.
        from quizapp.core.bank import read_bank
        from quizapp.core.progress import waiting_exam

        failed = self.recorder.opened(self.open_progress())
        # RuntimeError: the app closed meanwhile, and `on_unmount` closes the store.
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self._store_opened, failed)
        store, cache = self.recorder.store, self.context.cache
        if store is None:
            return
        resumed = waiting_exam(store, lambda path: read_bank(cache, path).bank)
        if resumed is not None:
            with contextlib.suppress(RuntimeError):
                self.call_from_thread(self.offer_resume, resumed)

    def open_progress(self) -> StoreOpening:
        """Open the progress store (in a worker thread): the data folder's progress file."""
        # Imported here: sqlite3, fsrs and the scheduler load off the start-up path.
        from quizapp.core.progress import open_store

        return open_store(self.context.data_dir)

    def _store_opened(self, failed: str | None) -> None:
        """Say what went wrong opening the store, if anything; the home screen counts."""
        warning = self.recorder.warning
        if warning is not None:
            title = "Progress file replaced" if self.recorder.saving else "Progress not saved"
            self.notify(warning, title=title, severity="warning", timeout=15, markup=False)
        if failed is not None:
            self._save_failed(failed)
        home = self.screen_stack[0] if self.screen_stack else None
        if isinstance(home, HomeScreen):
            home.count_progress()

    def _save_failed(self, message: str) -> None:
        self.notify(message, title="Progress", severity="error", timeout=15, markup=False)

    def on_unmount(self) -> None:
        """Close the store; answers given before it opened are saved first (it takes moments)."""
        if self.recorder.waiting:
            self.recorder.wait_until_open(10)
        self.recorder.close()

    async def action_quit(self) -> None:
        """Quit; a screen whose work would be lost (an exam under way) asks first.

        Such a screen is `ConfirmsQuit`: it asks, and quits if the student agrees. It is asked even
        when a dialog (the help, a question list) is open on top of it.
        """
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ConfirmsQuit):
                screen.confirm_quit()
                return
        await super().action_quit()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, its control characters escaped: messages quote file names,
        store errors and banks' words, all of them data."""
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def action_help(self) -> None:
        """Open the help: the keys of the screen on top (not of the help itself)."""
        # Imported on first use: the help is never needed for the first frame.
        from quizapp.screens import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.for_screen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): help, Textual's commands, then the screen's actions.

        Textual's own "Keys" panel is left out: the help screen lists the same keys, and more.
        """
        from quizapp.screens import SKIPPED_ACTIONS

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
            name = binding.tooltip or binding.description  # the full name of a short word
            yield SystemCommand(name, f"On this screen (key: {key})", run)


def make_app(
    paths: Sequence[Path],
    cache_dir: Path | None,
    *,
    seed: int | None = None,
    clock: Clock = time.monotonic,
    data_dir: Path | None = None,
    now: Callable[[], datetime] = utc_now,
    tz: tzinfo | None = None,
    new_limit: int = DEFAULT_NEW_LIMIT,
) -> QuizApp:
    """The app on the banks in `paths` (files or folders; none: the bundled banks).

    `cache_dir` holds the cache of validated banks (None: no cache). `seed` makes the shuffles of
    every session repeatable (None: different each time). `clock` times the sessions. Progress
    is kept in `data_dir` (None: `$QUIZAPP_DATA_DIR`, else the user data folder) and read at
    `now()` in the time zone `tz` (None: the system's); `new_limit` new cards a day.
    """
    banks = list(paths) or [bundled_banks_dir()]
    return QuizApp(
        banks,
        BankCache(cache_dir),
        seed,
        clock,
        data_dir=data_dir,
        now=now,
        tz=tz,
        new_limit=new_limit,
    )
