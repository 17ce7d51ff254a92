"""Asking how sure the student is of an answer, for certainty-based marking: 1 not sure, 2 fairly
sure, 3 sure (the README's words, `core.cbm.CONFIDENCE_LABELS`).

The prompt shows what each level earns when right and costs when wrong (from `core.cbm`), takes
the keys 1-3 or a click, and posts `ConfidencePrompt.Chosen`; Escape posts `Cancelled`, so the
student can go back and change the answer before it is graded.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from quizapp.core.cbm import CBM_MARKS, CONFIDENCE_LABELS


def level_label(level: int) -> str:
    """`2 fairly sure (+2 / -2)`: the key, the name and what the level earns or costs."""
    right, wrong = CBM_MARKS[level]
    return f"{level} {CONFIDENCE_LABELS[level]} (+{right:g} / {wrong:g})"


class ConfidencePrompt(Vertical, can_focus=True):
    """ "How sure are you?" with one button per level; keys 1-3 choose, Escape goes back."""

    DEFAULT_CSS = """
    ConfidencePrompt {
        height: auto;
        margin-top: 1;
        padding: 0 1;
        border: round $accent;
        border-title-color: $text-accent;
        border-title-style: bold;
        &:focus { border: round $accent; background-tint: $foreground 3%; }
        .question { text-style: bold; }
        HorizontalGroup { height: auto; }
        Button { margin-right: 2; min-width: 0; }
        .hint { color: $text-muted; }
    }
    """

    BINDINGS = [
        *(
            Binding(str(level), f"choose({level})", CONFIDENCE_LABELS[level].capitalize())
            for level in sorted(CONFIDENCE_LABELS)
        ),
        Binding("escape", "cancel", "Change answer"),
    ]

    @dataclass
    class Chosen(Message):
        """The student chose confidence `level` (1-3)."""

        level: int

    class Cancelled(Message):
        """The student wants to change the answer before saying how sure they are."""

    def compose(self) -> ComposeResult:
        """The question, the three levels, a line on how the marks work."""
        self.border_title = "Confidence"
        levels = " · ".join(f"{level} {name}" for level, name in sorted(CONFIDENCE_LABELS.items()))
        yield Static(Content(f"How sure are you?   {levels}"), classes="question")
        with HorizontalGroup():
            for level in sorted(CBM_MARKS):
                button = Button(level_label(level), id=f"confidence-{level}", compact=True)
                button.can_focus = False  # the prompt itself takes the keys
                yield button
        yield Static(
            Content("Right answers earn more when you are sure; wrong ones cost more."),
            classes="hint",
        )

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        level = int((event.button.id or "confidence-1").rsplit("-", 1)[1])
        self.action_choose(level)

    def action_choose(self, level: int) -> None:
        """Choose `level`."""
        self.post_message(self.Chosen(level))

    def action_cancel(self) -> None:
        """Go back to the answer."""
        self.post_message(self.Cancelled())
