"""The choices of the set-up screen, in two columns: the mode, how many questions, shuffling and
confidence, the exam's time limit and pass mark on the left; topics, the exam blueprint and tags
on the right.

The form only reads what the student chose into a `SessionConfig`; what that config gives is the
core's business (`quizapp.core.study.selection`), and the set-up screen shows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, HorizontalGroup, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from quizapp.core.model import Bank
from quizapp.core.study import (
    DEFAULT_PASS_MARK,
    Mode,
    SessionConfig,
    StudyError,
    available_tags,
    available_topics,
    exam_defaults,
    topic_of,
)
from quizapp.widgets.toggles import RadioDot, TickBox, TickList

#: The modes in the order of their keys (1-3) and radio buttons, with a line on each.
MODES = (
    (Mode.PRACTICE, "Practice", "Feedback after every answer."),
    (Mode.EXAM, "Mock exam", "Timed; marked when you submit."),
    (Mode.FLASHCARDS, "Flashcards", "Turn each card, grade your recall."),
)


def mode_name(mode: Mode) -> str:
    """The name the set-up gives `mode` ("Mock exam")."""
    return next(name for each, name, _ in MODES if each is mode)


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


class ModeChoice(RadioSet):
    """The radio buttons of the modes, which a mode key can set at once."""

    def choose(self, index: int) -> None:
        """Press button `index` now: its dot on, the others off, the highlight on it.

        A RadioSet otherwise changes only through its buttons' messages, which arrive after a key
        typed next (Enter, to start) may already have been handled; and a button set on while
        an earlier one's message is still on its way can end up off again. So the buttons are set
        without messages, and the set's own record of them as its handlers would set it (private
        to Textual, which is pinned to an exact version).
        """
        buttons = list(self.query(RadioButton))
        with self.prevent(RadioButton.Changed):
            for number, button in enumerate(buttons):
                button.value = number == index
        self._pressed_button = buttons[index]
        self._selected = index


class SetupForm(Horizontal):
    """Every choice of a session over `banks`; `config()` reads them into a `SessionConfig`."""

    class ModeChanged(Message):
        """The student chose another mode (with the mouse or in the radio set)."""

    def __init__(
        self,
        banks: Sequence[Bank],
        seed: int | None = None,
        *,
        id: str,
        due: frozenset[tuple[str, str]] | None = None,
    ) -> None:
        """A form over `banks`, studied together; `seed` goes into the config it reads. `due`:
        the cards due now (by bank and question id), offered as flashcards' "due only"."""
        super().__init__(id=id)
        self.banks = tuple(banks)
        self.seed = seed
        self.due = due
        self.mode = Mode.PRACTICE
        self.topics = available_topics(self.banks)
        self.tags = available_tags(self.banks)
        self.exam = exam_defaults(self.banks)

    def compose(self) -> ComposeResult:
        """The two columns."""
        with Vertical(id="setup-left"):
            yield from self._compose_left()
        with Vertical(id="setup-right"):
            yield from self._compose_right()

    def _compose_left(self) -> ComposeResult:
        yield Label("Mode", classes="setup-label")
        yield ModeChoice(
            *(
                RadioDot(f"{number} {name}", value=number == 1)
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
        yield TickBox("Shuffle questions", True, compact=True, id="setup-shuffle-questions")
        yield TickBox("Shuffle choices", True, compact=True, id="setup-shuffle-choices")
        yield TickBox("Ask how sure I am (1-3)", False, compact=True, id="setup-confidence")
        if self.due is not None:
            yield TickBox(
                f"Due cards only ({len(self.due):,} due)",
                False,
                compact=True,
                id="setup-due",
                classes="setup-cards-only",
            )
        with Vertical(id="setup-exam", classes="setup-exam-only"):
            yield Label("Mock exam", classes="setup-label")
            limit = self.exam.time_limit_minutes
            mark = self.exam.pass_mark if self.exam.pass_mark is not None else DEFAULT_PASS_MARK
            with HorizontalGroup(classes="setup-row"):
                yield Label("Time limit", classes="setup-field")
                yield Input(
                    f"{limit:g}" if limit else "",
                    placeholder="none",
                    type="number",
                    compact=True,
                    id="setup-time",
                )
                yield Static(Content("min (0: untimed)"), classes="setup-unit")
            with HorizontalGroup(classes="setup-row"):
                yield Label("Pass mark", classes="setup-field")
                yield Input(f"{mark * 100:g}", type="number", compact=True, id="setup-pass")
                yield Static(Content("%"), classes="setup-unit")

    def _compose_right(self) -> ComposeResult:
        per_topic = Counter(topic_of(q) for bank in self.banks for q in bank.questions)
        yield Label("Topics", classes="setup-label")
        yield TickList(
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
                        ("\nIt applies when every topic is ticked and no tag is.", "dim"),
                    )
                )
        if self.tags:
            yield Label("Tags (none ticked: any)", classes="setup-label")
            yield TickList(
                *(Selection(Content(tag), tag, False) for tag in self.tags),
                compact=True,
                id="setup-tags",
            )

    # --- the mode ---------------------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        """Choose `mode` (by its key): press its radio button, show the fields that go with it."""
        index = [each for each, _, _ in MODES].index(mode)
        self.query_one(ModeChoice).choose(index)
        self._show_mode(index)

    def _show_mode(self, index: int) -> None:
        mode = self.mode = MODES[index][0]
        hint = MODES[index][2]
        self.query_one("#setup-mode-hint", Static).update(Content(hint))
        self.set_class(mode is Mode.EXAM, "-exam")
        flashcards = mode is Mode.FLASHCARDS
        self.set_class(flashcards, "-cards")
        self.query_one("#setup-confidence", Checkbox).disabled = flashcards
        self.query_one("#setup-shuffle-choices", Checkbox).disabled = flashcards

    @on(RadioSet.Changed, "#setup-mode")
    def _mode_clicked(self, event: RadioSet.Changed) -> None:
        event.stop()
        if MODES[event.index][0] is not self.mode:
            self._show_mode(event.index)
            self.post_message(self.ModeChanged())

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
        if self.mode is Mode.FLASHCARDS and self.due is not None and self._ticked("#setup-due"):
            config = replace(config, only=self.due)
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

    def show_available(self, matching: int) -> None:
        """Show how many questions match the topics and tags, beside the count field."""
        self.query_one("#setup-available", Static).update(Content(f"of {matching:,}"))

    def show_default_count(self, count: int | None) -> None:
        """Show in the empty count field how many questions it means: `count` (an exam's own
        number), or all of them (None)."""
        field = self.query_one("#setup-count", Input)
        field.placeholder = "all" if count is None else f"{count:,}"
