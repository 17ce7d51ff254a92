"""The bottom line of the exam screen: where the question on screen stands (not answered yet,
answered and how surely, or a note from the screen) and how many questions are answered and
flagged. It renders an `ExamSession`'s state and never changes it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.widgets import Static

from quizapp.core.cbm import CONFIDENCE_LABELS
from quizapp.core.study import ExamSession
from quizapp.widgets.answers.area import SAVES
from quizapp.widgets.exam.navigator import QuestionState, state_counts


class ExamBar(HorizontalGroup):
    """`Not answered yet · Enter saves and moves on        ● 1/4 answered · ⚑ 0 flagged`."""

    def compose(self) -> ComposeResult:
        """The note on the left, the counts on the right."""
        yield Static(id="exam-status")
        yield Static(id="exam-counts")

    def show(
        self, session: ExamSession, states: Sequence[QuestionState], note: str | None = None
    ) -> None:
        """Show `note`, or else whether the current question of `session` is answered; and the
        counts of `states`."""
        self.query_one("#exam-counts", Static).update(state_counts(states))
        if note is None:
            if session.response() is None:
                note = f"Not answered yet · Enter {SAVES}"
            else:
                level = session.confidence_of()
                sure = f" ({CONFIDENCE_LABELS[level]})" if level else ""
                note = f"● Answered{sure}, can change until submit"
        self.query_one("#exam-status", Static).update(Content(note))
