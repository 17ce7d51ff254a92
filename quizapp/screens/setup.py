"""The set-up of a study session: the mode, the topics and tags, how many questions, shuffling,
confidence marking and, for a mock exam, its time limit and pass mark.

The screen's form (`quizapp.widgets.setup_form`) only collects the choices into a
`SessionConfig`; which questions that gives (and whether it can be met at all) is asked of
`quizapp.core.study`, so the count shown is the count the session will have. Start hands the
config to `start_session` and dismisses this screen with the session, for the app to show it; a
set-up the core refuses is explained here instead.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, SelectionList, Static

from quizapp.core.model import Bank
from quizapp.core.study import (
    Clock,
    Mode,
    Session,
    SessionConfig,
    StudyError,
    select_items,
    start_session,
)
from quizapp.widgets import MODES, Footer, SetupForm, mode_name


def _questions(count: int) -> str:
    return f"{count:,} question" if count == 1 else f"{count:,} questions"


def _sentence(error: StudyError) -> Content:
    """The core's message as a sentence for the status bar."""
    text = str(error)
    return Content.styled(f"✘ {text[:1].upper()}{text[1:]}.", "bold")


class SetupScreen(Screen[Session | None]):
    """Choose how to study `banks`; Enter starts (dismissed with the session), Escape goes back
    to the list of banks (dismissed with None)."""

    CSS_PATH = "setup.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal")]

    BINDINGS = [
        Binding("enter", "start", "Start", priority=True),
        Binding("1", "mode(0)", "Mode", key_display="1-3"),
        Binding("2", "mode(1)", "Mock exam", show=False),
        Binding("3", "mode(2)", "Flashcards", show=False),
        Binding("escape", "cancel", "Back to the banks"),
    ]

    class StartRequested(Message):
        """Enter was pressed: start once the keys typed before it have been handled."""

    def __init__(
        self,
        banks: Sequence[Bank],
        seed: int | None = None,
        clock: Clock = time.monotonic,
        *,
        due: frozenset[tuple[str, str]] | None = None,
    ) -> None:
        """A set-up over `banks` (one or more, studied together); `seed` fixes the shuffles and
        `clock` times the session; `due` (the cards due now) lets flashcards take only those."""
        super().__init__()
        self.banks = tuple(banks)
        self.seed = seed
        self.clock = clock
        self.due = due

    @property
    def form(self) -> SetupForm:
        """The choices."""
        return self.query_one(SetupForm)

    @property
    def mode(self) -> Mode:
        """The mode chosen now."""
        return self.form.mode

    def compose(self) -> ComposeResult:
        """Header, the two columns of choices, the status bar with Start, the footer."""
        title = " + ".join(bank.title for bank in self.banks)
        yield Static(Content(f"Set up a session · {title}"), id="setup-header")
        with VerticalScroll(id="setup-body"):
            yield SetupForm(self.banks, self.seed, id="setup-columns", due=self.due)
        with HorizontalGroup(id="setup-bar"):
            yield Static(id="setup-status")
            yield Button("Start", variant="primary", compact=True, id="setup-start")
        yield Footer()

    def on_mount(self) -> None:
        """Start on the mode, with the counts for the defaults."""
        self.query_one("#setup-mode").focus()
        self._show_status()

    def config(self) -> SessionConfig:
        """The session the form describes (StudyError for a field that is not a number)."""
        return self.form.config()

    def _available(self, config: SessionConfig) -> int:
        """How many questions match the topics and tags, whatever the count and mode."""
        everything = SessionConfig(topics=config.topics, tags=config.tags, shuffle_questions=False)
        return len(select_items(self.banks, everything))

    # --- showing what it gives --------------------------------------------------------------

    def _show_status(self) -> bool:
        """Say how many questions the set-up gives, or why it cannot start; True when it can."""
        form = self.form
        form.show_default_count(None)
        try:
            config = self.config()
            matching = self._available(config)
            form.show_available(matching)
            if config.count is not None and config.count > matching:
                raise StudyError(f"only {_questions(matching)} match; ask for at most {matching}")
            chosen = len(select_items(self.banks, config))
        except StudyError as error:
            self._refuse(error)
            return False
        if config.mode is Mode.EXAM and config.count is None:
            form.show_default_count(chosen)  # the exam's own number
        status = self.query_one("#setup-status", Static)
        status.remove_class("-error")
        summary = f"{_questions(chosen)} · {mode_name(config.mode)}"
        if config.mode is Mode.EXAM:
            limit = config.time_limit_minutes
            summary += f" · {limit:g} min" if limit else " · untimed"
            summary += f" · pass {(config.pass_mark or 0) * 100:g}%"
        status.update(Content(summary))
        return True

    def _refuse(self, error: StudyError) -> None:
        status = self.query_one("#setup-status", Static)
        status.update(_sentence(error))
        status.add_class("-error")

    @on(SetupForm.ModeChanged)
    @on(Input.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        self._show_status()

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The mode keys exist for the three modes only."""
        if action == "mode":
            return isinstance(parameters[0], int) and parameters[0] < len(MODES)
        return True

    def action_mode(self, index: int) -> None:
        """Choose the mode by its number."""
        self.form.set_mode(MODES[index][0])
        self._show_status()

    def action_cancel(self) -> None:
        """Back to the list of banks."""
        self.dismiss(None)

    @on(Button.Pressed, "#setup-start")
    def _start_pressed(self) -> None:
        self._start()

    def action_start(self) -> None:
        """Enter: start the session, once every key typed before Enter has been handled.

        Enter is a priority binding, so it is handled the moment it arrives, while a key typed
        just before it (`2` for the exam, a digit in a text box: both sent at once by a paste or
        `tmux send-keys`) is still on its way from the focused widget up to the app. A message
        sent along the same path, and then to the app, arrives after that key.
        """
        (self.focused or self).post_message(self.StartRequested())

    @on(StartRequested)
    def _start_requested(self, event: StartRequested) -> None:
        event.stop()
        self.app.call_later(self._start)

    def _start(self) -> None:
        """Start the session the form describes: this screen is dismissed with it."""
        if self.app.screen is not self:
            return  # a second Enter, after the first one started the session
        if not self._show_status():
            self.app.bell()
            return
        try:
            session = start_session(self.banks, self.config(), clock=self.clock)
        except StudyError as error:
            self._refuse(error)
            self.app.bell()
            return
        self.dismiss(session)
