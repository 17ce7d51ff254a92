"""Answering an `order` question: move the items up and down until they are in order.

The highlighted item has a `›` in front and is bold, not only on a lighter background.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from quizapp.core.model import Response
from quizapp.widgets.answers.area import SUBMITS, AnswerArea

#: The footer's one entry for moving an item up and down.
MOVE = Binding.Group("Move item")


class OrderList(AnswerArea, can_focus=True):
    """The items in the student's current order; ↑↓ highlight, shift+↑↓ or `[` `]` move."""

    DEFAULT_CSS = """
    OrderList {
        &:focus { background-tint: $foreground 3%; }
        HorizontalGroup { padding: 0 1 0 0; }
        .cursor { width: 2; color: $text-accent; text-style: bold; }
        .position { width: 4; color: $text-muted; }
        .item { width: 1fr; }
        .-cursor { background: $boost; }
        .-cursor .item { text-style: bold underline; color: $text-accent; }
    }
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        # One footer entry for both, "[ ] Move item": the footer of an exam has little room left.
        Binding(
            "shift+up,left_square_bracket", "shift(-1)", "Move up", key_display="[", group=MOVE
        ),
        Binding(
            "shift+down,right_square_bracket", "shift(1)", "Move down", key_display="]", group=MOVE
        ),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Position of the highlighted item."""

    def prepare(self) -> None:
        """The items of `presented` in display order; with `record` (or `initial`), that order."""
        self.order: list[int] = list(self.presented.item_order)
        """Indexes into `question.items`, in the order the student has put them."""
        if isinstance(self.given, tuple):
            self.order = [int(i) for i in self.given if isinstance(i, int)]
        enter = "submits this order" if self.enter == SUBMITS else self.enter
        self.instructions = f"↑↓ choose an item, [ and ] (or shift+↑↓) move it; Enter {enter}."

    def compose(self) -> ComposeResult:
        """One row per item."""
        for position in range(len(self.order)):
            with HorizontalGroup():
                yield Static(classes="cursor")
                yield Static(Content(f"{position + 1}."), classes="position")
                yield Static(classes="item")

    def on_mount(self) -> None:
        """Fill the rows in."""
        self._refresh_rows()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing moves once the question is answered."""
        if action in ("cursor", "shift"):
            return not self.answered
        return True

    def action_cursor(self, step: int) -> None:
        """Highlight the item above or below."""
        self.cursor = max(0, min(len(self.order) - 1, self.cursor + step))

    def action_shift(self, step: int) -> None:
        """Move the highlighted item one place up or down, keeping it highlighted."""
        target = self.cursor + step
        if 0 <= target < len(self.order):
            order = self.order
            order[self.cursor], order[target] = order[target], order[self.cursor]
            self.cursor = target
            self._refresh_rows()
            self.changed()

    def watch_cursor(self) -> None:
        """Restyle the rows when the highlight moves."""
        self._refresh_rows()

    def mark(self) -> None:
        """Graded: the order as given, no highlight."""
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        items = self.presented.question.items
        rows = list(self.query(HorizontalGroup))
        for position, row in enumerate(rows):
            row.query_one(".item", Static).update(Content(items[self.order[position]]))
            cursor = position == self.cursor and not self.answered
            row.set_class(cursor, "-cursor")
            row.query_one(".cursor", Static).update(Content("›" if cursor else ""))
        if not self.answered and self.cursor < len(rows):
            rows[self.cursor].scroll_visible(animate=False)

    def response(self) -> Response | None:
        """The item indexes in the student's order (always complete)."""
        return tuple(self.order)
