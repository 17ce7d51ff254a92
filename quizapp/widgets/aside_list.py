"""The cards a student has set aside (suspended, or buried until tomorrow), on the progress
screen: `aside_line` sums them up under the counts, `AsideDialog` lists them and is dismissed
with the card to restore (its bank and question id), or None."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from quizapp.core.model import Bank
    from quizapp.core.progress import AsideCard

__all__ = ["AsideDialog", "aside_line"]


def _prompt(bank: Bank, question_id: str) -> str:
    """The first line of the question's prompt (bank text), or its id when it is gone."""
    found = next((q for q in bank.questions if q.id == question_id), None)
    if found is None:
        return f"{question_id} (no longer in the bank)"
    return (found.prompt.strip().splitlines() or [question_id])[0]


def _what(card: AsideCard) -> str:
    return "⏸ suspended" if card.kind == "suspended" else "↧ buried until tomorrow"


def aside_line(cards: Sequence[AsideCard]) -> Content:
    """`Set aside: 2 suspended · 1 buried until tomorrow · a lists them, to restore` (in the
    colour of the counts above it, its first words bold)."""
    if not cards:
        return Content("")
    suspended = sum(1 for card in cards if card.kind == "suspended")
    parts = [f"{suspended} suspended"] if suspended else []
    if len(cards) > suspended:
        parts.append(f"{len(cards) - suspended} buried until tomorrow")
    return Content.assemble(
        ("Set aside: ", "bold"), " · ".join(parts), " · a lists them, to restore"
    )


class AsideDialog(ModalScreen[tuple[str, str] | None]):
    """The cards of `bank` set aside; Enter restores the highlighted one, Escape closes."""

    DEFAULT_CSS = """
    AsideDialog {
        align: center middle;
        & > Vertical {
            width: 76;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: thick $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background: $surface;
            padding: 1 2;
        }
        OptionList { height: auto; max-height: 16; margin-top: 1; }
        .aside-hint { color: $text-muted; margin-top: 1; }
    }
    """

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, bank: Bank, cards: Sequence[AsideCard]) -> None:
        """The list of `cards` (of `bank`, for their prompts)."""
        super().__init__()
        self.bank = bank
        self.cards = tuple(cards)

    def compose(self) -> ComposeResult:
        """The cards, one an option, and how to restore one."""
        with Vertical() as box:
            box.border_title = f"Set aside · {self.bank.title}"
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (_what(card), "bold"), "\n  ", _prompt(self.bank, card.question_id)
                        ),
                        card.question_id,
                    )
                    for card in self.cards
                ),
                id="aside-cards",
            )
            yield Static(
                Content("Enter restores the highlighted card: it comes due again as scheduled."),
                classes="aside-hint",
            )

    def on_mount(self) -> None:
        """The list takes the keys."""
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        """Close without restoring anything."""
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss((self.bank.id, event.option.id))
