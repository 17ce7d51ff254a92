"""The set-up of a study session: the mode, the topics and tags, how many questions, shuffling,
confidence marking and, for a mock exam, its time limit and pass mark.

The screen only collects the choices into a `SessionConfig`; which questions that gives (and
whether it can be met at all) is asked of `quizapp.core.study`, so the count shown is the count
the session will have. Start hands the config to `start_session` and replaces this screen with
the session's own screen; a set-up the core refuses is explained here instead.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from quizapp.core.exam import ExamSession
from quizapp.core.flashcards import FlashcardSession
from quizapp.core.items import topic_of
from quizapp.core.model import Bank
from quizapp.core.study import (
    DEFAULT_PASS_MARK,
    Mode,
    SessionConfig,
    StudyError,
    available_tags,
    available_topics,
    exam_defaults,
    select_items,
    start_session,
)

#: The modes in the order of their keys (1-3) and radio buttons, with a line on each.
MODES = (
    (Mode.PRACTICE, "Practice", "Feedback after every answer."),
    (Mode.EXAM, "Mock exam", "Timed; no feedback until you submit."),
    (Mode.FLASHCARDS, "Flashcards", "Turn each card; grade your own recall."),
)


def _number(text: str, what: str, *, whole: bool = False) -> float | None:
    """The number typed in a field (None when blank); StudyError naming `what` when it is not."""
    text = text.strip()
    if not text:
        return None
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise StudyError(f"{what} must be {kind}, not {text!r}") from None
    return value


def _questions(count: int) -> str:
    return f"{count:,} question" if count == 1 else f"{count:,} questions"


def _sentence(error: StudyError) -> Content:
    """The core's message as a sentence for the status bar."""
    text = str(error)
    return Content.styled(f"✘ {text[:1].upper()}{text[1:]}.", "bold")


class SetupScreen(Screen[None]):
    """Choose how to study `banks`; Enter starts, Escape goes back to the list of banks."""

    CSS_PATH = "setup.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal")]

    BINDINGS = [
        Binding("enter", "start", "Start", priority=True),
        Binding("1", "mode(0)", "Mode", key_display="1-3"),
        Binding("2", "mode(1)", "Mock exam", show=False),
        Binding("3", "mode(2)", "Flashcards", show=False),
        Binding("escape", "cancel", "Back to the banks"),
    ]

    def __init__(self, banks: Sequence[Bank], seed: int | None = None) -> None:
        """A set-up over `banks` (one or more, studied together); `seed` fixes the shuffles."""
        super().__init__()
        self.banks = tuple(banks)
        self.seed = seed
        self.mode = Mode.PRACTICE
        self.topics = available_topics(self.banks)
        self.tags = available_tags(self.banks)
        self.exam = exam_defaults(self.banks)

    def compose(self) -> ComposeResult:
        """Header, the two columns of choices, the status bar with Start, the footer."""
        title = " + ".join(bank.title for bank in self.banks)
        yield Static(Content(f"Set up a session · {title}"), id="setup-header")
        with VerticalScroll(id="setup-body"), Horizontal(id="setup-columns"):
            with Vertical(id="setup-left"):
                yield from self._compose_left()
            with Vertical(id="setup-right"):
                yield from self._compose_right()
        with HorizontalGroup(id="setup-bar"):
            yield Static(id="setup-status")
            yield Button("Start", variant="primary", compact=True, id="setup-start")
        yield Footer()

    def _compose_left(self) -> ComposeResult:
        yield Label("Mode", classes="setup-label")
        yield RadioSet(
            *(
                RadioButton(f"{number} {name}", value=number == 1)
                for number, (_, name, _) in enumerate(MODES, start=1)
            ),
            id="setup-mode",
            compact=True,
        )
        yield Static(Content(MODES[0][2]), id="setup-mode-hint")
        with HorizontalGroup(classes="setup-row", id="setup-count-row"):
            yield Label("Questions", classes="setup-field")
            yield Input(placeholder="all", type="integer", compact=True, id="setup-count")
            yield Static(id="setup-available", classes="setup-unit")
        yield Checkbox("Shuffle questions", True, compact=True, id="setup-shuffle-questions")
        yield Checkbox("Shuffle choices", True, compact=True, id="setup-shuffle-choices")
        yield Checkbox("Ask how sure I am (1-3)", False, compact=True, id="setup-confidence")
        with Vertical(id="setup-exam", classes="setup-exam-only"):
            yield Label("Mock exam", classes="setup-label")
            limit = self.exam.time_limit_minutes
            mark = self.exam.pass_mark if self.exam.pass_mark is not None else DEFAULT_PASS_MARK
            with HorizontalGroup(classes="setup-row"):
                yield Label("Time limit", classes="setup-field")
                yield Input(
                    f"{limit:g}" if limit else "", type="number", compact=True, id="setup-time"
                )
                yield Static(Content("min (blank: untimed)"), classes="setup-unit")
            with HorizontalGroup(classes="setup-row"):
                yield Label("Pass mark", classes="setup-field")
                yield Input(f"{mark * 100:g}", type="number", compact=True, id="setup-pass")
                yield Static(Content("%"), classes="setup-unit")

    def _compose_right(self) -> ComposeResult:
        per_topic = Counter(topic_of(q) for bank in self.banks for q in bank.questions)
        yield Label("Topics", classes="setup-label")
        yield SelectionList[str](
            *(
                Selection(Content(f"{topic} ({per_topic[topic]})"), topic, True)
                for topic in self.topics
            ),
            compact=True,
            id="setup-topics",
        )
        if self.exam.blueprint:
            with Vertical(id="setup-blueprint", classes="setup-exam-only"):
                yield Label("Exam blueprint", classes="setup-label")
                yield Static(
                    Content.assemble(
                        " · ".join(f"{topic} {count}" for topic, count in self.exam.blueprint),
                        ("\nwhen every topic is ticked and no tag", "dim"),
                    )
                )
        if self.tags:
            yield Label("Tags (none ticked: any)", classes="setup-label")
            yield SelectionList[str](
                *(Selection(Content(tag), tag, False) for tag in self.tags),
                compact=True,
                id="setup-tags",
            )

    def on_mount(self) -> None:
        """Start on the mode, with the counts for the defaults."""
        self.query_one("#setup-mode", RadioSet).focus()
        self._show_mode()

    # --- reading the form -------------------------------------------------------------------

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def _ticked(self, selector: str) -> bool:
        return self.query_one(selector, Checkbox).value

    def config(self) -> SessionConfig:
        """The session the form describes (StudyError for a field that is not a number)."""
        topics = self.query_one("#setup-topics", SelectionList).selected
        if not topics:
            raise StudyError("tick at least one topic")
        tags = self.query_one("#setup-tags", SelectionList).selected if self.tags else []
        count = _number(self._value("#setup-count"), "the number of questions", whole=True)
        config = SessionConfig(
            mode=self.mode,
            topics=frozenset() if len(topics) == len(self.topics) else frozenset(topics),
            tags=frozenset(tags),
            count=None if count is None else int(count),
            shuffle_questions=self._ticked("#setup-shuffle-questions"),
            shuffle_choices=self._ticked("#setup-shuffle-choices"),
            seed=self.seed,
            confidence=self._ticked("#setup-confidence") and self.mode is not Mode.FLASHCARDS,
        )
        if self.mode is not Mode.EXAM:
            return config
        limit = _number(self._value("#setup-time"), "the time limit")
        mark = _number(self._value("#setup-pass"), "the pass mark")
        if mark is not None and not 0 <= mark <= 100:
            raise StudyError(f"the pass mark is a percentage from 0 to 100, not {mark:g}")
        return replace(
            config,
            time_limit_minutes=0 if limit is None else limit,
            pass_mark=None if mark is None else mark / 100,
        )

    def _available(self, config: SessionConfig) -> int:
        """How many questions match the topics and tags, whatever the count and mode."""
        everything = SessionConfig(topics=config.topics, tags=config.tags, shuffle_questions=False)
        return len(select_items(self.banks, everything))

    # --- showing what it gives --------------------------------------------------------------

    def _show_mode(self) -> None:
        hint = next(hint for mode, _, hint in MODES if mode is self.mode)
        self.query_one("#setup-mode-hint", Static).update(Content(hint))
        self.set_class(self.mode is Mode.EXAM, "-exam")
        flashcards = self.mode is Mode.FLASHCARDS
        self.query_one("#setup-confidence", Checkbox).disabled = flashcards
        self.query_one("#setup-shuffle-choices", Checkbox).disabled = flashcards
        self._show_status()

    def _show_status(self) -> bool:
        """Say how many questions the set-up gives, or why it cannot start; True when it can."""
        count = self.query_one("#setup-count", Input)
        count.placeholder = "all"
        try:
            config = self.config()
            matching = self._available(config)
            self.query_one("#setup-available", Static).update(Content(f"of {matching:,}"))
            if config.count is not None and config.count > matching:
                raise StudyError(f"only {_questions(matching)} match; ask for at most {matching}")
            chosen = len(select_items(self.banks, config))
        except StudyError as error:
            self._refuse(error)
            return False
        if config.mode is Mode.EXAM and config.count is None:
            count.placeholder = f"{chosen:,}"  # the exam's own number
        status = self.query_one("#setup-status", Static)
        status.remove_class("-error")
        name = next(name for mode, name, _ in MODES if mode is self.mode)
        summary = f"{_questions(chosen)} · {name}"
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

    @on(RadioSet.Changed, "#setup-mode")
    def _mode_changed(self, event: RadioSet.Changed) -> None:
        self.mode = MODES[event.index][0]
        self._show_mode()

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
        buttons = list(self.query(RadioButton))
        buttons[index].value = True  # the RadioSet turns the others off
        # Set at once, not when the RadioSet's message arrives: a key typed next (Enter) may
        # come first.
        self.mode = MODES[index][0]
        self._show_mode()

    def action_cancel(self) -> None:
        """Back to the list of banks."""
        self.app.pop_screen()

    @on(Button.Pressed, "#setup-start")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        """Start the session the form describes, replacing this screen with the session's."""
        if not self._show_status():
            self.app.bell()
            return
        clock = getattr(self.app, "clock", time.monotonic)
        try:
            session = start_session(self.banks, self.config(), clock=clock)
        except StudyError as error:
            self._refuse(error)
            self.app.bell()
            return
        self.app.switch_screen(self._screen_for(session))

    def _screen_for(self, session: object) -> Screen[None]:
        # Imported here: each brings its own widgets, and only one of them is needed.
        if isinstance(session, ExamSession):
            from quizapp.screens.exam import ExamScreen

            return ExamScreen(session)
        if isinstance(session, FlashcardSession):
            from quizapp.screens.flashcards import FlashcardScreen

            return FlashcardScreen(session)
        from quizapp.core.session import PracticeSession
        from quizapp.screens.quiz import QuizScreen

        assert isinstance(session, PracticeSession)
        return QuizScreen(session)
