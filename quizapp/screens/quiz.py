"""The quiz screen: one question at a time from a `PracticeSession`, then feedback on each answer.

The screen renders the session's state and turns keys into calls on it (`answer`, `advance`);
grading and ordering rules all live in `quizapp.core`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quizapp.core.model import QuestionType
from quizapp.core.scoring import AnswerError
from quizapp.core.session import PracticeSession, SessionError
from quizapp.screens.summary import SummaryScreen
from quizapp.widgets.answer_area import AnswerArea
from quizapp.widgets.feedback import FeedbackPanel
from quizapp.widgets.question_view import QuestionView


class QuizScreen(Screen[None]):
    """Ask the questions of `session` one by one; show the summary at the end."""

    BINDINGS = [
        Binding("enter", "submit", "Submit"),
        Binding("enter", "next", "Next question"),
        Binding("enter", "finish", "See summary"),
        Binding("n", "next", "Next question", show=False),
        Binding("n", "finish", "See summary", show=False),
        Binding("q,escape", "leave", "Leave quiz"),
    ]

    def __init__(self, session: PracticeSession) -> None:
        """A screen for `session`, starting at its current question."""
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        """Header line, the scrolling question column, the footer."""
        with HorizontalGroup(id="quiz-header"):
            yield Static(id="quiz-progress")
            yield Static(Content(self.session.bank.title), id="quiz-bank")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-column-placeholder")
        yield Footer()

    async def on_mount(self) -> None:
        """Show the first question."""
        await self.show_current()

    async def show_current(self) -> None:
        """Rebuild the question view from the session's current question and answer."""
        presented = self.session.current
        if presented is None:
            return
        record = self.session.current_record
        question = presented.question
        header = f"Question {self.session.position + 1} of {self.session.total}"
        if question.topic:
            header += f" · {question.topic}"
        self.query_one("#quiz-progress", Static).update(Content(header))
        body = self.query_one("#quiz-body", VerticalScroll)
        await body.remove_children()
        view = QuestionView(presented, record, self.session.misconception)
        view.id = "quiz-column"
        await body.mount(view)
        if record is None:
            body.scroll_home(animate=False)
            view.area.focus_answer()
        else:
            body.focus()
            feedback = view.query_one(FeedbackPanel)
            self.call_after_refresh(body.scroll_to_widget, feedback, animate=False, top=True)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Submit before answering; next (or the summary, after the last) once answered."""
        answered = self.session.current_record is not None
        last = self.session.position + 1 >= self.session.total
        if action == "submit":
            # A flashcard is answered by grading it (1-4), which its own keys do.
            current = self.session.current
            flashcard = current is not None and current.question.type is QuestionType.FLASHCARD
            return not answered and not flashcard
        if action == "next":
            return answered and not last
        if action == "finish":
            return answered and last
        return True

    def action_submit(self) -> None:
        """Enter: submit the answer as it stands (the answer area says what is missing)."""
        self.query_one(AnswerArea).request_submit()

    @on(AnswerArea.Submitted)
    async def _answer(self, event: AnswerArea.Submitted) -> None:
        event.stop()
        if self.session.current_record is not None:
            return  # a second Enter typed before the feedback appeared: already answered
        try:
            self.session.answer(event.response)
        except (AnswerError, SessionError) as error:
            self.notify(
                str(error), title="Could not take that answer", severity="error", markup=False
            )
            return
        await self.show_current()

    async def action_next(self) -> None:
        """Go on to the next question."""
        self.session.advance()
        await self.show_current()

    def action_finish(self) -> None:
        """After the last answer: replace the quiz with its summary."""
        self.session.advance()
        self.app.switch_screen(SummaryScreen(self.session))

    def action_leave(self) -> None:
        """Back to the list of banks (practice answers need no saving)."""
        self.app.pop_screen()
