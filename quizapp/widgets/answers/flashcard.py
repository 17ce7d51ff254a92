"""Answering a flashcard: turn it over with Space, then grade your own recall 1-4."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from quizapp.core.model import Response, SelfGrade
from quizapp.widgets.answers.area import AnswerArea

#: What each self-grade is called on screen, by key.
GRADE_NAMES = {grade: grade.name.title() for grade in SelfGrade}


class FlashcardAnswer(AnswerArea, can_focus=True):
    """The back of the card (hidden until turned) and the four self-grades."""

    DEFAULT_CSS = """
    FlashcardAnswer {
        .back {
            display: none;
            border: round $secondary;
            border-title-color: $text-secondary;
            padding: 0 1;
        }
        &.-flipped .back { display: block; }
        .grades { margin-top: 1; color: $text-muted; }
    }
    """

    BINDINGS = [
        Binding("space,enter", "flip", "Turn card"),
        *(
            Binding(str(int(grade)), f"grade({int(grade)})", GRADE_NAMES[grade])
            for grade in SelfGrade
        ),
    ]

    flipped: reactive[bool] = reactive(False, init=False)

    def prepare(self) -> None:
        """The card `presented`; with `record` (or an `initial` grade), turned over."""
        self.instructions = "Recall the answer, then press Space to turn the card."
        self.missing = "Grade your recall first: 1 Again, 2 Hard, 3 Good, 4 Easy."

    def compose(self) -> ComposeResult:
        """The back of the card and the grading line."""
        back = Static(Content(self.presented.question.back), classes="back")
        back.border_title = "Answer"
        yield back
        yield Static(classes="grades")

    def on_mount(self) -> None:
        """An answered card is shown turned over, with the grade given."""
        if self.given is not None:
            self.flipped = True
        self._show_grades()

    def watch_flipped(self, flipped: bool) -> None:
        """Show the back and offer the grades (and say so, instead of "turn the card")."""
        self.set_class(flipped, "-flipped")
        self._show_grades()
        if flipped and not self.answered:
            self.instruct("How well did you recall it? Press 1 Again, 2 Hard, 3 Good or 4 Easy.")
        self.refresh_bindings()

    def mark(self) -> None:
        """Graded: the grades are no longer offered."""
        self._show_grades()

    def _show_grades(self) -> None:
        grades = self.query_one(".grades", Static)
        grades.display = not self.answered
        if self.flipped:
            # A grade given before (an exam's card, come back to) is marked, and can change.
            parts: list[str | tuple[str, str]] = ["How well did you recall it?"]
            for grade, name in GRADE_NAMES.items():
                label = f"{int(grade)} {name}"
                chosen = grade == self.given
                parts += ["   ", (f"[{label}]", "bold $text-accent") if chosen else label]
            grades.update(Content.assemble(*parts))
        else:
            grades.update(Content(""))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Turn the card first; grade it after; nothing once answered."""
        if self.answered and action in ("flip", "grade"):
            return False
        if action == "flip":
            return not self.flipped
        if action == "grade":
            return self.flipped
        return True

    def action_flip(self) -> None:
        """Turn the card over."""
        self.flipped = True
        self.scroll_visible(animate=False)

    def action_grade(self, value: int) -> None:
        """Grade the recall; this is the answer."""
        self.post_message(self.Submitted(SelfGrade(value)))

    def response(self) -> Response | None:
        """A flashcard is answered only by grading it (keys 1-4)."""
        return None
