"""The base of every answer widget: what the student gives in answer to one question.

An answer area is built from a `Presented` question and, once the question is answered, its
`AnswerRecord`; then it shows the recorded response, locked. In a mock exam, where answers stay
open until the end, it can instead start from an `initial` response that the student may still
change. It never grades: it only turns keys into a `Response` (with original indexes, never display
positions), posts `AnswerArea.Changed` whenever that response changes, and posts it upward in an
`AnswerArea.Submitted` message when the student submits it, for the screen to hand to the session.
What submitting means depends on the screen, which says so in `enter` (`SUBMITS` in practice,
`SAVES` in a mock exam), and the instructions tell the student that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from quizapp.core.model import Response
from quizapp.core.study import AnswerRecord, Presented

#: What Enter does, in a practice session: the answer is graded at once.
SUBMITS = "submits"
#: What Enter does in a mock exam: the answer is kept, ungraded, and the next question comes.
SAVES = "saves and moves on"

#: The keys that pick by display position: `1`-`9` and `a`-`i` both mean positions 0-8.
DIGITS = "123456789"
LETTERS = "abcdefghi"


def pick_bindings(description: str = "Pick") -> list[BindingType]:
    """Bindings `1`-`9` and `a`-`i` to the action `pick(position)`; one footer entry for all."""
    bindings: list[BindingType] = []
    for position, (digit, letter) in enumerate(zip(DIGITS, LETTERS, strict=True)):
        action = f"pick({position})"
        shown = position == 0
        bindings.append(Binding(digit, action, description, show=shown, key_display="1-9 a-i"))
        bindings.append(Binding(letter, action, description, show=False))
    return bindings


def key_range(count: int) -> str:
    """How to name the pick keys for `count` options: `1-4 or a-d` (`1 or a` for one)."""
    count = min(count, len(DIGITS))
    if count <= 1:
        return "1 or a"
    return f"1-{DIGITS[count - 1]} or a-{LETTERS[count - 1]}"


class AnswerArea(Widget):
    """Base class of the answer widgets; subclasses implement `response` and `compose`."""

    DEFAULT_CSS = """
    AnswerArea {
        height: auto;
        margin: 1 0 0 0;
    }
    """

    @dataclass
    class Submitted(Message):
        """The student submitted `response` (original indexes) for the current question."""

        response: Response

    class Changed(Message):
        """The student changed the answer; `AnswerArea.response()` says what it is now."""

    class Instructed(Message):
        """What to do next has changed (a flashcard turned over): `instructions` says it now."""

    instructions = "Answer, then press Enter."
    """One line telling the student how to answer this kind of question."""
    missing = "Give an answer first."
    """Shown when the student presses Enter before `response` is ready."""

    def __init__(
        self,
        presented: Presented,
        record: AnswerRecord | None = None,
        *,
        initial: Response | None = None,
        enter: str = SUBMITS,
    ) -> None:
        """An answer area for `presented`; with `record` it shows that answer, locked.

        Without a record, `initial` is an answer given before (an exam's stored answer): it is
        shown, and stays open to change. `enter` is what Enter does (`SUBMITS` or `SAVES`), as
        the instructions say it.
        """
        super().__init__()
        self.presented = presented
        self.record = record
        self.initial = initial
        self.enter = enter
        self.prepare()

    def prepare(self) -> None:
        """Set up what this kind of area needs from `presented` and `given` (its picks, its
        order), and its `instructions` and `missing` texts. Every kind shares the constructor
        and says what is its own here."""

    @property
    def given(self) -> Response | None:
        """The answer to show at first: the recorded one, else the `initial` one, if any."""
        return self.record.response if self.record is not None else self.initial

    @property
    def answered(self) -> bool:
        """True once the question has been answered (the area is then read-only)."""
        return self.record is not None

    if TYPE_CHECKING:
        # Every kind of answer area defines it; declared here for the type checker.

        def response(self) -> Response | None:
            """The answer as it stands, or None while it is incomplete."""

    def focus_answer(self) -> None:
        """Put the keyboard focus where the student answers."""
        self.focus()

    def show_record(self, record: AnswerRecord) -> None:
        """The answer has just been graded as `record`: lock the area and mark it, in place."""
        self.record = record
        self.mark()

    def mark(self) -> None:
        """Show `record` as the kinds of answer mark it (their picks right or wrong...)."""

    def instruct(self, instructions: str) -> None:
        """Say what to do now instead of `instructions` (the question view shows it)."""
        self.instructions = instructions
        self.post_message(self.Instructed())

    def changed(self) -> None:
        """Tell the screen the answer has changed (subclasses call this after every change)."""
        if not self.answered:
            self.post_message(self.Changed())

    def request_submit(self) -> None:
        """Submit the answer if it is complete, else tell the student what is missing."""
        if self.answered:
            return
        response = self.response()
        if response is None:
            self.notify(self.missing, severity="warning", timeout=3)
        else:
            self.post_message(self.Submitted(response))
