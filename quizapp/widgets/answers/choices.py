"""Answering `single`, `multiple` and `true_false` questions: a list of choices picked by key.

Choices appear in the session's display order (`Presented.choice_order`). The keys `1`-`9` and
`a`-`i` pick by display position, which is translated to the choice's original index here, so
the response handed to the session always uses original indexes.

Nothing depends on colour alone: a pick is `(•)` or `[x]`, the highlighted row has a `›` before
its key, and once answered each choice is marked ✔ right, ◐ worth part of the marks (with what it
is worth) or ✘ a wrong pick.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from quizapp.core.model import Choice, QuestionType, Response
from quizapp.widgets.answers.area import DIGITS, AnswerArea, key_range, pick_bindings
from quizapp.widgets.answers.marks import choice_mark, credit_note


class ChoiceRow(HorizontalGroup):
    """One choice: its key, a mark (picked, right, wrong) and its text, with a hanging indent."""

    DEFAULT_CSS = """
    ChoiceRow {
        padding: 0 1 0 0;
        & > .key { width: 3; color: $text-muted; }
        & > .mark { width: 4; }
        & > .text { width: 1fr; }
        &.-cursor { background: $boost; }
        &.-cursor > .key { color: $text; text-style: bold; }
        &.-picked > .mark, &.-picked > .text { text-style: bold; color: $text-accent; }
    }
    """

    @dataclass
    class Clicked(Message):
        """The student clicked the choice at display `position`."""

        position: int

    def __init__(self, position: int, choice: Choice) -> None:
        """The row for `choice`, shown at display `position`."""
        super().__init__()
        self.position = position
        self.choice = choice
        self._mark = Content("")

    def compose(self) -> ComposeResult:
        """The key, the mark and the choice text (bank text: never markup)."""
        yield Static(self._key(False), classes="key")
        yield Static(Content(""), classes="mark")
        yield Static(Content(self.choice.text), classes="text")

    def _key(self, cursor: bool) -> Content:
        key = DIGITS[self.position] if self.position < len(DIGITS) else " "
        return Content(f"›{key}" if cursor else f" {key}")

    def show(self, cursor: bool, picked: bool, mark: Content, text: Content | None = None) -> None:
        """Highlight the row (with a `›` before its key, not only a background), show it picked
        or not, set its mark (`( )`, `(•)`, `[x]`, `✔`, `◐`, `✘`...) and, once answered, its
        text in the colour of its mark. Marks and texts carry their own colours, so marking
        an answer restyles no row; only what changed is redrawn, and the key and mark columns
        never change size (no new layout for them)."""
        if cursor != self.has_class("-cursor"):
            self.query_one(".key", Static).update(self._key(cursor), layout=False)
        self.update_classes({"-cursor": cursor, "-picked": picked})
        if mark != self._mark:
            self._mark = mark
            self.query_one(".mark", Static).update(mark, layout=False)
        if text is not None:
            self.query_one(".text", Static).update(text)

    def on_click(self, event: events.Click) -> None:
        """Clicking a choice picks it."""
        event.stop()
        self.post_message(self.Clicked(self.position))


class ChoiceList(AnswerArea, can_focus=True):
    """The choices of one question; `single` picks one, `multiple` toggles several."""

    DEFAULT_CSS = """
    ChoiceList {
        &:focus { background-tint: $foreground 3%; }
    }
    """

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("space", "pick_cursor", "Pick/toggle", show=False),
        *pick_bindings(),
    ]

    cursor: reactive[int | None] = reactive(None, init=False)
    """Display position of the highlighted choice (None until the student moves)."""

    def prepare(self) -> None:
        """The choices of `presented`; with `record`, the recorded picks and which were right.

        With `initial` (and no record), those choices start picked and can still change.
        """
        self.multiple = self.presented.question.type is QuestionType.MULTIPLE
        self.picked: set[int] = set()
        """Display positions picked so far."""
        response = self.given
        if response is not None:
            originals = set(response) if isinstance(response, frozenset) else {response}
            order = self.presented.choice_order
            self.picked = {pos for pos, original in enumerate(order) if original in originals}
        count = len(self.presented.choice_order)
        if self.multiple:
            self.instructions = (
                f"Pick every right answer: {key_range(count)} (or ↑↓ and Space) toggle; "
                f"Enter {self.enter}."
            )
            self.missing = "Pick at least one choice first (Space or its number toggles it)."
        else:
            self.instructions = f"Pick one: {key_range(count)} (or ↑↓); Enter {self.enter}."
            self.missing = "Pick a choice first: press its number or letter."

    def compose(self) -> ComposeResult:
        """One row per choice, in display order."""
        choices = self.presented.question.choices
        for position, original in enumerate(self.presented.choice_order):
            yield ChoiceRow(position, choices[original])

    def on_mount(self) -> None:
        """Show the marks (and, once answered, which choices were right)."""
        self._refresh_rows()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing can be picked once answered; pick keys exist only for existing choices."""
        if action in ("move", "pick_cursor", "pick"):
            if self.answered:
                return False
            if action == "pick":
                position = parameters[0]
                return isinstance(position, int) and position < len(self.presented.choice_order)
        return True

    def action_move(self, step: int) -> None:
        """Move the highlight; for a single choice the pick follows it, as radio buttons do."""
        count = len(self.presented.choice_order)
        if self.cursor is None:
            cursor = 0 if step > 0 else count - 1
        else:
            cursor = max(0, min(count - 1, self.cursor + step))
        if not self.multiple:
            self.picked = {cursor}
        self._move_to(cursor)
        if not self.multiple:
            self.changed()

    def _move_to(self, cursor: int | None) -> None:
        """Put the highlight on `cursor` and redraw the rows once."""
        if cursor == self.cursor:
            self._refresh_rows()
        else:
            self.cursor = cursor  # the watcher redraws

    def action_pick_cursor(self) -> None:
        """Space: pick (or toggle) the highlighted choice."""
        if self.cursor is None:
            self.action_move(1)
        if self.cursor is not None:
            self.action_pick(self.cursor)

    def action_pick(self, position: int) -> None:
        """Pick the choice at display `position` (toggle it for multiple choice)."""
        if self.multiple:
            self.picked ^= {position}
        else:
            self.picked = {position}
        self._move_to(position)
        self.changed()

    @on(ChoiceRow.Clicked)
    def _clicked(self, event: ChoiceRow.Clicked) -> None:
        if not self.answered:
            self.focus()
            self.action_pick(event.position)

    def mark(self) -> None:
        """The answer is graded: no highlight, each choice marked right, partly or wrong."""
        self._move_to(None)

    def watch_cursor(self, cursor: int | None) -> None:
        """Keep the highlighted row visible and styled."""
        self._refresh_rows()
        if cursor is not None:
            rows = list(self.query(ChoiceRow))
            if cursor < len(rows):
                rows[cursor].scroll_visible(animate=False)

    def _refresh_rows(self) -> None:
        question = self.presented.question
        for row in self.query(ChoiceRow):
            picked = row.position in self.picked
            cursor = row.position == self.cursor
            if self.record is None:
                box = ("[x]", "[ ]") if self.multiple else ("(•)", "( )")
                row.show(cursor, picked, Content(box[0] if picked else box[1]))
                continue
            glyph, style = choice_mark(question, row.choice, picked)
            mark = Content.styled(f"{'›' if picked else ' '}{glyph}", f"bold {style}")
            text = Content.assemble(
                (row.choice.text, style if picked and style else ""),
                credit_note(question, row.choice),
            )
            row.show(cursor, picked, mark, text if picked or glyph else None)

    def response(self) -> Response | None:
        """Original indexes: one int for single/true-false, a frozenset for multiple."""
        if not self.picked:
            return None
        order = self.presented.choice_order
        if self.multiple:
            return frozenset(order[pos] for pos in self.picked)
        return order[next(iter(self.picked))]
