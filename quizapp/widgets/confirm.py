"""A yes/no question in a dialog: `ConfirmModal` dismisses with True (yes) or False (no).

Reusable wherever something asks before it acts (submitting an exam, leaving one half done).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmModal(ModalScreen[bool]):
    """Ask `title` with `message` underneath; `y`/Enter confirms, `n`/Escape cancels."""

    DEFAULT_CSS = """
    ConfirmModal {
        align: center middle;
        & > Vertical {
            width: 64;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background: $surface;
            padding: 1 2;
        }
        &.-warning > Vertical { border: thick $warning; border-title-color: $text-warning; }
        .confirm-message { height: auto; }
        .confirm-buttons { margin-top: 1; align-horizontal: right; height: auto; }
        Button { margin-left: 2; }
    }
    """

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", key_display="y"),
        Binding("n,escape", "answer(False)", "No", key_display="n"),
        Binding("left,right", "app.focus_next", "Switch button", show=False),
    ]

    def __init__(
        self,
        title: str,
        message: Content | str,
        *,
        yes: str = "Yes",
        no: str = "No",
        warning: bool = False,
    ) -> None:
        """A dialog titled `title` asking `message`, with buttons labelled `yes` and `no`.

        `warning` draws it in the warning colour, for questions whose yes loses something.
        """
        super().__init__(classes="-warning" if warning else "")
        self.title_text = title
        self.message = message if isinstance(message, Content) else Content(message)
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        """The message and the two buttons (yes first in reading order, focused)."""
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(self.message, classes="confirm-message")
            with HorizontalGroup(classes="confirm-buttons"):
                yield Button(Content(f"{self.yes_label} (y)"), variant="primary", id="confirm-yes")
                yield Button(Content(f"{self.no_label} (n)"), id="confirm-no")

    def action_answer(self, answer: bool) -> None:
        """Close the dialog with `answer`."""
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
