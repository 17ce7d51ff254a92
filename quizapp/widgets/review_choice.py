"""How a "Review due" goes: the due cards as flashcards (turn, grade your recall) or as questions
(answer, with feedback). `ReviewChoice` offers both, the one chosen last time first, and is
dismissed with "flashcards", "questions" or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

__all__ = ["REVIEW_FORMS", "ReviewChoice"]

#: The two forms of a review, by the value remembered, with their key and line.
REVIEW_FORMS = {
    "flashcards": ("1", "Flashcards", "turn each card, grade your recall"),
    "questions": ("2", "Questions", "answer each one, with feedback"),
}


class ReviewChoice(ModalScreen[str | None]):
    """Review what is due on some banks as flashcards or as questions; Enter takes the one
    highlighted (the last one chosen), `1`/`2` choose directly, Escape goes back."""

    DEFAULT_CSS = """
    ReviewChoice {
        align: center middle;
        & > Vertical {
            width: 66;
            max-width: 100%;
            height: auto;
            border: thick $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background: $surface;
            padding: 1 2;
        }
        OptionList { height: auto; margin-top: 1; }
        .review-hint { color: $text-muted; margin-top: 1; }
    }
    """

    BINDINGS = [
        Binding("1", "choose('flashcards')", "Flashcards"),
        Binding("2", "choose('questions')", "Questions"),
        Binding("escape", "choose(None)", "Back"),
    ]

    def __init__(self, what: str, last: str | None) -> None:
        """Offer a review of the banks `what` names ("Study security basics"); `last`: the
        form chosen last time, highlighted first."""
        super().__init__()
        self.what = what
        self.last = last if last in REVIEW_FORMS else "flashcards"

    def compose(self) -> ComposeResult:
        """The question, the two forms, and how to choose."""
        with Vertical() as box:
            box.border_title = "Review due"
            yield Static(
                Content.assemble(
                    "What is due on ",
                    (self.what, "bold"),
                    ", then new cards up to today's limit, as:",
                )
            )
            yield OptionList(
                *(
                    Option(Content.assemble((f"{key}  {name}", "bold"), f" · {line}"), form)
                    for form, (key, name, line) in REVIEW_FORMS.items()
                ),
                id="review-forms",
            )
            yield Static(
                Content("Enter takes the highlighted one; it is remembered for next time."),
                classes="review-hint",
            )

    def on_mount(self) -> None:
        """Highlight the form chosen last time."""
        forms = self.query_one(OptionList)
        forms.highlighted = list(REVIEW_FORMS).index(self.last)
        forms.focus()

    def action_choose(self, form: str | None) -> None:
        """Close the dialog with `form`."""
        self.dismiss(form)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
