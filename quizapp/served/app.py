"""quizapp in one student's browser tab of a class session (`quizapp serve`).

`ServedApp` is the app the student knows, on the banks the instructor served, with these
differences:

- it opens on the sign-in screen; once the student is in, every answer is also appended to their
  results file in the class's results folder, and the session the instructor fixed starts (or the
  student stays on the list of banks when none is);
- progress (the review schedule) is kept in memory for the tab: the instructor's own progress
  file is never opened, and the results file is what lasts;
- a join code typed on the sign-in screen is checked by the server (which counts wrong ones per
  client address), through `ServedDriver`'s packets;
- nothing the browser can reach touches the server's files: the command palette offers the
  help, the theme, quitting and the screen's own actions, not Textual's screenshot; screenshots,
  file deliveries and suspending the process do nothing;
- every second it tells the server who is signed in and how far they are (`Status`), for the
  instructor's live table.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import SystemCommand
from textual.screen import Screen

from quizapp.app import QuizApp
from quizapp.core.bank import BankCache
from quizapp.core.progress import ResultsAppender, StoreOpening, utc_now
from quizapp.core.serving import (
    JOIN,
    ServedConfig,
    Status,
    load_served_banks,
    results_path,
    session_status,
)
from quizapp.messages import StudyEnded
from quizapp.screens import SignIn, SignInScreen
from quizapp.served.driver import JoinAnswered, ServedDriver

if TYPE_CHECKING:
    from datetime import datetime

    from quizapp.core.study import Session

#: Asks whether a join code is right: (right, seconds the address must wait before trying again).
CodeCheck = Callable[[str], Awaitable[tuple[bool, float]]]

#: Textual's and quizapp's own commands kept in the palette; Textual's Screenshot (and anything
#: else it adds one day) is left out. The screens' actions are kept.
ALLOWED_COMMANDS = frozenset({"Help", "Theme", "Quit"})


class ServedApp(QuizApp):
    """quizapp for one student of a class session."""

    CSS_PATH = Path(__file__).parent.parent / "quizapp.tcss"
    """The app's stylesheet (a relative path would be looked for beside this module)."""
    STATUS_SECONDS = 1.0
    ANSWER_TIMEOUT = 10.0
    """Seconds to wait for the server's verdict on a code before giving up."""

    def __init__(
        self,
        config: ServedConfig,
        *,
        joined: bool,
        check_code: CodeCheck | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """The app of the class session `config`; `joined` when the server already checked the
        student's code (or none is needed). `check_code` replaces asking the server (tests)."""
        cache = BankCache(Path(config.cache_dir) if config.cache_dir else None)
        super().__init__([Path(p) for p in config.banks], cache, config.seed, clock, now=now)
        self.served = config
        self.joined = joined or not config.code_required
        self.check_code: CodeCheck = check_code or self._ask_server
        self.student: str | None = None
        """The identifier the student signed in with."""
        self.studying: Session | None = None
        """The session started last, for the status."""
        self._reported: Status | None = None
        self._verdict: asyncio.Future[tuple[bool, float]] | None = None

    # --- what differs from the app ------------------------------------------------------------

    def open_progress(self) -> StoreOpening:
        """Progress in memory, for this tab only: the results file is what lasts."""
        from quizapp.core.progress import open_memory_store

        return StoreOpening(open_memory_store(), None)

    def on_mount(self) -> None:
        """Open the (in-memory) store, ask who the student is, start reporting to the server."""
        super().on_mount()
        screen = SignInScreen(
            self.served.title, self._admit, ask_code=not self.joined, about=self.served.about
        )
        self.open_sign_in(screen)
        self.set_interval(self.STATUS_SECONDS, self.report_status, name="status")
        self.report_status()

    def study_screen(
        self, session: Session, mode: str = "practice", title: str | None = None
    ) -> Screen[None]:
        """The session's screen, as in the app; the session is remembered for the status."""
        self.studying = session
        return super().study_screen(session, mode, title)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The app's palette less what could reach the server: no screenshot, nothing else of
        Textual's but the theme and quitting."""
        for command in super().get_system_commands(screen):
            if command.title in ALLOWED_COMMANDS or command.help.startswith("On this screen"):
                yield command

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """No screenshots: they would be written on the server."""
        self.bell()

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        """Refused: a class session writes no file but the results."""
        raise PermissionError("a class session saves no screenshots")

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        """Nothing is delivered."""
        return None

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        """Nothing of the server's is handed to the browser."""
        return None

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        """Nothing of the server's is handed to the browser."""
        return None

    def action_suspend_process(self) -> None:
        """The process is the server's: it is not suspended."""

    # --- signing in ---------------------------------------------------------------------------

    async def _admit(self, identifier: str, code: str) -> str | None:
        """None when the student may come in, else what to tell them."""
        if not self.joined:
            right, wait = await self.check_code(code)
            if wait > 0:
                minutes = max(1, round(wait / 60))
                return f"Too many wrong codes: try again in {minutes} min."
            if not right:
                return "That code is not right."
        try:
            results_path(Path(self.served.results_dir), identifier)
        except ValueError:
            return "That name cannot be used here: try another one."
        self.joined = True
        return None

    def signed_in(self, signed: SignIn) -> None:
        """Write the student's answers to their results file; start the fixed session."""
        self.student = signed.identifier
        path = results_path(Path(self.served.results_dir), signed.identifier)
        self.recorder.results = ResultsAppender(path)
        self.report_status()
        config = self.served.session_config()
        if config is not None:
            self._start_fixed()

    @work(thread=True, exclusive=True, group="fixed-session")
    def _start_fixed(self) -> None:
        banks, _problems = load_served_banks(self.served.banks, self.context.cache)
        config = self.served.session_config()
        if config is not None:
            self.call_from_thread(self.start_fixed, banks, config)

    async def _ask_server(self, code: str) -> tuple[bool, float]:
        """The server's verdict on `code`; refused when there is no server to ask."""
        driver = self._driver
        if not isinstance(driver, ServedDriver):
            return False, 0.0
        self._verdict = asyncio.get_running_loop().create_future()
        driver.send({"type": JOIN, "code": code[:64]})
        try:
            return await asyncio.wait_for(self._verdict, self.ANSWER_TIMEOUT)
        except TimeoutError:
            return False, 0.0
        finally:
            self._verdict = None

    @on(JoinAnswered)
    def _join_answered(self, message: JoinAnswered) -> None:
        if self._verdict is not None and not self._verdict.done():
            self._verdict.set_result((message.ok, message.wait))

    @on(StudyEnded)
    def _session_ended(self) -> None:
        """Tell the server at once (the flow shows the results as usual)."""
        self.report_status()

    # --- telling the server -------------------------------------------------------------------

    def status(self) -> Status:
        """Who is signed in here, and how far they are."""
        results = self.recorder.results
        return session_status(self.student, self.studying, results.written if results else 0)

    def report_status(self) -> None:
        """Send the status to the server when it changed (and there is a server)."""
        status = self.status()
        driver = self._driver
        if status != self._reported and isinstance(driver, ServedDriver):
            driver.send(status.to_meta())
            self._reported = status
