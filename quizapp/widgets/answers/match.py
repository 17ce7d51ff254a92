"""Answering a `match` question: give each left-hand item one of the numbered right-hand items.

The row being matched has a `›` in front and its left item in bold, not only a background that
some terminals barely tell apart; once answered, each row is marked ✔ or ✘.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from quizapp.core.model import Response, match_rights
from quizapp.widgets.answers.area import DIGITS, AnswerArea, key_range, pick_bindings


class MatchList(AnswerArea, can_focus=True):
    """The numbered right-hand items, then one row per left item showing the one chosen for it."""

    DEFAULT_CSS = """
    MatchList {
        &:focus { background-tint: $foreground 3%; }
        .rights { color: $text-muted; margin-bottom: 1; }
        HorizontalGroup { padding: 0 1 0 0; }
        .cursor { width: 2; color: $text-accent; text-style: bold; }
        .left { width: 1fr; max-width: 40; }
        .arrow { width: 3; color: $text-muted; }
        .right { width: 1fr; color: $text-accent; }
        .-cursor { background: $boost; }
        .-cursor .left { text-style: bold underline; }
        .-right .cursor { color: $text-success; }
        .-wrong .cursor { color: $text-error; }
    }
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("left", "cycle(-1)", "Previous", show=False),
        Binding("right", "cycle(1)", "Next", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
        *pick_bindings("Choose"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Row (left item) being matched."""

    def prepare(self) -> None:
        """The pairs of `presented`; with `record` (or `initial`), those matches."""
        self.rights = match_rights(self.presented.question)
        self.chosen: list[int | None] = [None] * len(self.presented.question.pairs)
        """For each left item, the original index into `match_rights` chosen for it."""
        if isinstance(self.given, tuple):
            self.chosen = [i if isinstance(i, int) else None for i in self.given]
        keys = key_range(len(self.presented.right_order))
        self.instructions = f"For each item (↑↓) press the number of its match: {keys} (or ←→)."
        self.missing = "Match every item first."

    def compose(self) -> ComposeResult:
        """The numbered right-hand items, then the left items with their current match."""
        lines = [
            f"{DIGITS[pos] if pos < len(DIGITS) else ' '}. {self.rights[original]}"
            for pos, original in enumerate(self.presented.right_order)
        ]
        yield Static(Content("\n".join(lines)), classes="rights")
        pairs = self.presented.question.pairs
        # The left column is as wide as its longest item (up to the CSS max-width).
        width = max((len(pair.left) for pair in pairs), default=0) + 2
        for pair in pairs:
            with HorizontalGroup():
                yield Static(classes="cursor")
                left = Static(Content(pair.left), classes="left")
                left.styles.width = width
                yield left
                yield Static(Content("→"), classes="arrow")
                yield Static(classes="right")

    def on_mount(self) -> None:
        """Fill the rows in."""
        self._refresh_rows()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing changes once answered; pick keys exist only for existing right items."""
        if action in ("cursor", "cycle", "clear", "pick"):
            if self.answered:
                return False
            if action == "pick":
                position = parameters[0]
                return isinstance(position, int) and position < len(self.presented.right_order)
        return True

    def action_cursor(self, step: int) -> None:
        """Move to the left item above or below."""
        self.cursor = max(0, min(len(self.chosen) - 1, self.cursor + step))

    def action_pick(self, position: int) -> None:
        """Match the current left item with the right item at display `position`; go on down."""
        self.chosen[self.cursor] = self.presented.right_order[position]
        if self.cursor < len(self.chosen) - 1:
            self.cursor += 1
        else:
            self._refresh_rows()
        self.changed()

    def action_cycle(self, step: int) -> None:
        """Change the current item's match to the previous or next right item."""
        order = self.presented.right_order
        current = self.chosen[self.cursor]
        position = order.index(current) + step if current is not None else 0
        self.chosen[self.cursor] = order[position % len(order)]
        self._refresh_rows()
        self.changed()

    def action_clear(self) -> None:
        """Remove the current item's match."""
        self.chosen[self.cursor] = None
        self._refresh_rows()
        self.changed()

    def watch_cursor(self) -> None:
        """Restyle the rows when the highlight moves."""
        self._refresh_rows()

    def mark(self) -> None:
        """Graded: each row marked ✔ or ✘, no highlight."""
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        order = self.presented.right_order
        rows = list(self.query(HorizontalGroup))
        parts = self.record.grade.parts if self.record is not None else ()
        for index, row in enumerate(rows):
            original = self.chosen[index] if index < len(self.chosen) else None
            if original is None:
                shown = Content.styled("(press a number)", "dim")
            else:
                shown = Content(f"{order.index(original) + 1}. {self.rights[original]}")
            row.query_one(".right", Static).update(shown)
            cursor = index == self.cursor and not self.answered
            right = index < len(parts) and parts[index].score > 0
            wrong = index < len(parts) and not right
            row.set_class(cursor, "-cursor")
            row.set_class(right, "-right")
            row.set_class(wrong, "-wrong")
            marker = "›" if cursor else "✔" if right else "✘" if wrong else ""
            row.query_one(".cursor", Static).update(Content(marker))
        if not self.answered and self.cursor < len(rows):
            rows[self.cursor].scroll_visible(animate=False)

    def response(self) -> Response | None:
        """For each left item the chosen right's original index (None while any is unmatched)."""
        if any(choice is None for choice in self.chosen):
            return None
        return tuple(self.chosen)
