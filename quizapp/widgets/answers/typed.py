"""Answering by typing: `short` and `numeric` questions (one input) and `cloze` (one per gap).

Gaps are numbered as they come in the prompt (`[1] ____`), never named by the author's ids.
Escape in a text box leaves the box, keeping what is typed, so the screen's own keys work again
(Tab goes back in); it never ends the session.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label

from quizapp.core.model import Question, QuestionType, Response
from quizapp.core.visible import CONTROLS
from quizapp.widgets.answers.area import SUBMITS, AnswerArea

#: `{{name}}` markers in a cloze prompt (the same syntax the bank format documents).
GAP_MARKER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


def cloze_prompt(prompt: str) -> Content:
    """The cloze prompt with each `{{name}}` shown as a highlighted, numbered blank `[1] ____`."""
    parts: list[str | tuple[str, str]] = []
    position = 0
    for number, match in enumerate(GAP_MARKER.finditer(prompt), start=1):
        parts.append(prompt[position : match.start()])
        parts.append((f"[{number}] ____", "reverse $text-accent"))
        position = match.end()
    parts.append(prompt[position:])
    return Content.assemble(*parts)


def prompt_line(question: Question) -> str:
    """The first line of the question's prompt as plain text, for lists of questions: a cloze
    prompt's `{{name}}` gaps show as numbered blanks (`[1] ___`)."""
    prompt = question.prompt
    if question.type is QuestionType.CLOZE:
        numbers = iter(range(1, len(GAP_MARKER.findall(prompt)) + 1))
        prompt = GAP_MARKER.sub(lambda _: f"[{next(numbers)}] ___", prompt)
    return next((line.strip() for line in prompt.splitlines() if line.strip()), "")


class AnswerInput(Input):
    """An input whose Enter shows in the footer as "Submit" (Input's own binding is hidden);
    Escape leaves the box (what is typed stays), never the session. A control character pasted
    in is dropped: it would act on the terminal as the box draws it, and no answer needs one."""

    BINDINGS = [
        Binding("enter", "submit", "Submit"),
        Binding("escape", "leave_box", "Leave the box", show=False),
    ]

    def insert(self, text: str, index: int) -> None:
        """Insert `text` at `index`, without its control characters."""
        super().insert(CONTROLS.sub("", text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace the text from `start` to `end` with `text`, without its control characters."""
        super().replace(CONTROLS.sub("", text), start, end)

    def action_leave_box(self) -> None:
        """Out of the text box, to the scrolling column around it (the screen's keys then work:
        Enter still submits, Tab comes back in)."""
        ancestors = (node for node in self.ancestors if isinstance(node, Widget))
        self.screen.set_focus(next((node for node in ancestors if node.focusable), None))


class SavingAnswerInput(AnswerInput):
    """An input whose Enter shows as "Save": in a mock exam, Enter keeps the answer ungraded."""

    BINDINGS = [Binding("enter", "submit", "Save")]


def input_type(enter: str) -> type[AnswerInput]:
    """The input for an answer where Enter does `enter` (see `AnswerArea`)."""
    return AnswerInput if enter == SUBMITS else SavingAnswerInput


class TypedAnswer(AnswerArea):
    """One input line for a `short` or `numeric` answer; Enter submits."""

    DEFAULT_CSS = """
    TypedAnswer Input { width: 1fr; max-width: 60; }
    """

    def prepare(self) -> None:
        """An input for `presented`; with `record`, the typed answer, read-only.

        With `initial` (and no record), that text starts in the input and can still change.
        """
        question = self.presented.question
        what = "your answer"
        if question.type is QuestionType.NUMERIC:
            what = "a number"
            if question.units:
                what += f" (you may add a unit: {', '.join(u.name for u in question.units)})"
        if self.enter == SUBMITS:
            self.instructions = f"Type {what}, then press Enter."
        else:
            self.instructions = f"Type {what}; Enter {self.enter}."
        self.missing = "Type an answer first."

    def compose(self) -> ComposeResult:
        """The input (filled in and disabled once answered)."""
        value = self.given if isinstance(self.given, str) else ""
        yield input_type(self.enter)(
            value,
            placeholder="your answer",
            disabled=self.answered,
            select_on_focus=False,
        )

    def focus_answer(self) -> None:
        """Focus the input."""
        self.query_one(Input).focus()

    def mark(self) -> None:
        """Graded: the input keeps the answer, read-only."""
        self.query_one(Input).disabled = True

    def response(self) -> Response | None:
        """The text as typed (None while blank)."""
        value = self.query_one(Input).value
        return value if value.strip() else None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.request_submit()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()


class ClozeAnswer(AnswerArea):
    """One labelled input per gap; Enter moves to the next empty gap, then submits."""

    DEFAULT_CSS = """
    ClozeAnswer {
        HorizontalGroup { height: auto; }
        Label { padding: 1 1 0 0; color: $text-accent; }
        Input { width: 1fr; max-width: 48; }
    }
    """

    def prepare(self) -> None:
        """Inputs for the gaps of `presented`; with `record`, the typed answers, read-only.

        With `initial` (and no record), those texts start in the inputs and can still change.
        """
        self.instructions = (
            f"Fill each gap (Tab or Enter moves on); Enter on the last {self.enter}."
        )
        self.missing = "Fill in every gap first."

    def compose(self) -> ComposeResult:
        """A label and an input per gap, in prompt order."""
        given: tuple[object, ...] = ()
        if isinstance(self.given, tuple):
            given = self.given
        gaps = self.presented.question.gaps
        labels = [f"[{number}]" for number in range(1, len(gaps) + 1)]
        # One width for every label, so the inputs line up.
        width = min(24, max(len(label) for label in labels) + 1) if labels else 0
        for index, label_text in enumerate(labels):
            value = given[index] if index < len(given) else ""
            with HorizontalGroup():
                label = Label(Content(label_text))
                label.styles.width = width
                yield label
                yield input_type(self.enter)(
                    str(value),
                    placeholder=f"gap {index + 1}",
                    disabled=self.answered,
                    select_on_focus=False,
                )

    def focus_answer(self) -> None:
        """Focus the first gap."""
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def mark(self) -> None:
        """Graded: every gap keeps its answer, read-only (the feedback marks each)."""
        for field in self.query(Input):
            field.disabled = True

    def response(self) -> Response | None:
        """The typed text of every gap (None while any is blank)."""
        values = tuple(field.value for field in self.query(Input))
        if not values or any(not value.strip() for value in values):
            return None
        return values

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        empty = [field for field in inputs if not field.value.strip()]
        if not empty:
            self.request_submit()
            return
        after = [f for f in empty if inputs.index(f) > inputs.index(event.input)]
        (after or empty)[0].focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()
