"""Finding your way around a mock exam: which questions are answered, unanswered and flagged.

`QuestionStrip` is the one-line strip of question numbers under the exam's header (click one to go
there); `NavigatorDialog` lists every question with its state and prompt and returns the one
picked. Both only show the states the screen hands them. `submit_dialog` and `leave_dialog` ask
before the way out: submitting, or leaving the exam unsubmitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizapp.widgets.confirm import ConfirmModal

ANSWERED_MARK = "●"
FLAG_MARK = "⚑"


@dataclass(frozen=True, slots=True)
class QuestionState:
    """What the navigator shows of one exam question."""

    answered: bool
    flagged: bool
    prompt: str = ""
    """The question's prompt (bank text: shown literally, first line only)."""


def state_counts(states: Sequence[QuestionState]) -> Content:
    """`● 7/10 answered · ⚑ 1 flagged`, coloured like the strip."""
    answered = sum(state.answered for state in states)
    flagged = sum(state.flagged for state in states)
    return Content.assemble(
        (f"{ANSWERED_MARK} {answered}/{len(states)} answered", "$text-success"),
        " · ",
        (f"{FLAG_MARK} {flagged} flagged", "$text-warning" if flagged else "$text-muted"),
    )


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def submit_summary(states: Sequence[QuestionState]) -> str:
    """What the submit confirmation says: answered, unanswered and flagged questions."""
    unanswered = sum(not state.answered for state in states)
    flagged = sum(state.flagged for state in states)
    lines = [f"You have answered {len(states) - unanswered} of {len(states)}."]
    if unanswered:
        lines.append(f"{_count(unanswered, 'question')} unanswered: they count as wrong.")
    if flagged:
        lines.append(f"{_count(flagged, 'question')} flagged for review.")
    lines.append("Once submitted, answers cannot change.")
    return "\n".join(lines)


def submit_dialog(states: Sequence[QuestionState]) -> ConfirmModal:
    """Ask before submitting, saying what is unanswered and flagged (a warning when any is)."""
    return ConfirmModal(
        "Submit the exam?",
        submit_summary(states),
        yes="Submit",
        no="Keep going",
        warning=not all(state.answered and not state.flagged for state in states),
    )


def leave_dialog(title: str, yes: str, *, kept: bool = False) -> ConfirmModal:
    """Ask `title` before leaving the exam unsubmitted (`yes`: the button that leaves); `kept`:
    quitting, after which the exam is offered again."""
    if kept:
        message = (
            "The exam has not been submitted. Its answers, flags and time left are kept: "
            "quizapp offers to resume it the next time it starts."
        )
        return ConfirmModal(title, message, yes=yes, no="Stay")
    message = "The exam has not been submitted: its answers will be lost and nothing is graded."
    return ConfirmModal(title, message, yes=yes, no="Stay", warning=True)


class QuestionStrip(Widget):
    """One line of question numbers: answered `●`, flagged `⚑`, the current one highlighted."""

    DEFAULT_CSS = """
    QuestionStrip {
        height: 1;
        width: 1fr;
        pointer: pointer;
    }
    """

    @dataclass
    class Jump(Message):
        """The student clicked question `index` (0-based)."""

        index: int

    def __init__(self, *, id: str | None = None) -> None:
        """An empty strip; `show` fills it in."""
        super().__init__(id=id)
        self.states: tuple[QuestionState, ...] = ()
        self.current = 0
        self._start = 0

    def show(self, states: Sequence[QuestionState], current: int) -> None:
        """Show `states`, with question `current` (0-based) highlighted."""
        self.states = tuple(states)
        self.current = current
        self.refresh()

    @property
    def cell_width(self) -> int:
        """Characters per question: the widest number, the two marks and a space."""
        return len(str(len(self.states))) + 3

    def render(self) -> Content:
        """The cells that fit, scrolled so the current question is in view."""
        total = len(self.states)
        if not total:
            return Content("")
        width = self.cell_width
        fits = max(1, self.size.width // width)
        self._start = max(0, min(self.current - fits // 2, total - fits))
        digits = width - 3
        parts: list[tuple[str, str] | str] = []
        for index in range(self._start, min(total, self._start + fits)):
            state = self.states[index]
            style = "$text-success" if state.answered else "$text-muted"
            if index == self.current:
                style = "reverse bold $text-accent"
            parts.append((f" {index + 1:>{digits}}", style))
            parts.append((ANSWERED_MARK if state.answered else " ", style))
            parts.append((FLAG_MARK, "bold $text-warning") if state.flagged else " ")
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        """Clicking a number goes to that question."""
        index = self._start + event.x // self.cell_width
        if 0 <= index < len(self.states):
            self.post_message(self.Jump(index))


class NavigatorDialog(ModalScreen[int | None]):
    """Every question with its state; Enter (or a click) goes to it, Escape stays put."""

    DEFAULT_CSS = """
    NavigatorDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 100;
            height: auto;
            max-height: 90%;
            border: thick $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background: $surface;
            padding: 0 1;
        }
        .navigator-counts { margin-bottom: 1; }
        OptionList {
            height: auto;
            max-height: 70vh;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
    }
    """

    BINDINGS = [
        Binding("escape,g", "close", "Back to the question"),
        Binding("u", "next_unanswered", "Next unanswered"),
        Binding("f", "next_flagged", "Next flagged"),
    ]

    def __init__(self, states: Sequence[QuestionState], current: int) -> None:
        """A list of `states` with question `current` (0-based) highlighted."""
        super().__init__()
        self.states = tuple(states)
        self.current = current

    def compose(self) -> ComposeResult:
        """The counts, then one row per question."""
        with Vertical() as box:
            box.border_title = "Go to question"
            box.border_subtitle = "Enter go · u unanswered · f flagged · Esc back"
            yield Static(state_counts(self.states), classes="navigator-counts")
            digits = len(str(len(self.states)))
            options = []
            for index, state in enumerate(self.states):
                first = state.prompt.strip().splitlines()[0] if state.prompt.strip() else ""
                options.append(
                    Option(
                        Content.assemble(
                            f"{index + 1:>{digits}}  ",
                            ("answered  ", "$text-success")
                            if state.answered
                            else ("unanswered", "$text-muted"),
                            (f" {FLAG_MARK} ", "bold $text-warning") if state.flagged else "   ",
                            first,
                        )
                    )
                )
            yield OptionList(*options, compact=True, id="navigator-list")

    def on_mount(self) -> None:
        """Start on the current question."""
        self.query_one(OptionList).highlighted = self.current

    def _next_where(self, wanted: str) -> None:
        options = self.query_one(OptionList)
        start = options.highlighted if options.highlighted is not None else -1
        total = len(self.states)
        for step in range(1, total + 1):
            index = (start + step) % total
            state = self.states[index]
            if (wanted == "flagged" and state.flagged) or (
                wanted == "unanswered" and not state.answered
            ):
                options.highlighted = index
                return
        self.notify(f"No {wanted} questions.", timeout=3)

    def action_next_unanswered(self) -> None:
        """Highlight the next unanswered question."""
        self._next_where("unanswered")

    def action_next_flagged(self) -> None:
        """Highlight the next flagged question."""
        self._next_where("flagged")

    def action_close(self) -> None:
        """Stay on the current question."""
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)
