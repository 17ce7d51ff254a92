"""The quiz screen: one question at a time from a `PracticeSession`, then feedback on each answer.

With certainty-based marking on (`session.confidence`), a submitted answer is held back until the
student says how sure they are (1-3); only then is it graded and the feedback shown. A number the
session cannot read (`about 27`) is refused first, with the reason, like an empty box. `h` shows
the question's hint before answering (kept with the answer). After the last question, the
results; stopping early (q, or Escape outside a text box) asks first once there are answers, then
shows the results of the answers given so far.

The screen renders the session's state and turns keys into calls on it (`answer`, `advance`);
grading and ordering rules all live in `quizapp.core`. Every graded answer is saved to the
progress store before its feedback is drawn, through the session log the app gives it: an answer
shown as graded is saved. The feedback is added to the question on screen, not rebuilt with it.
When the quiz is done it tells the app (`quizapp.messages.StudyEnded`), which shows the results.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quizapp.core.cbm import cbm_mark
from quizapp.core.model import QuestionType, Response
from quizapp.core.progress import SessionLog, StoreError
from quizapp.core.scoring import AnswerError, Unreadable
from quizapp.core.study import AnswerRecord, PracticeSession, SessionError
from quizapp.messages import StudyEnded
from quizapp.widgets import (
    AnswerArea,
    ConfidencePrompt,
    ConfirmModal,
    Footer,
    QuestionView,
    confidence_text,
    stopped_early,
)

#: The footer's one entry for the hint keys.
HINT = Binding.Group("Hint")


class QuizScreen(Screen[None]):
    """Ask the questions of `session` one by one; show the results at the end."""

    CSS_PATH = "quiz.tcss"
    # Below 80 columns the footer closes up, so that `? Help` stays in sight (quiz.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]

    BINDINGS = [
        Binding("enter", "submit", "Submit"),
        Binding("enter", "next", "Next question"),
        Binding("enter", "finish", "See results"),
        Binding("n", "next", "Next question", show=False),
        Binding("n", "finish", "See results", show=False),
        # Only once answered: in a text box the letter is typed.
        Binding("u,ctrl+z", "undo", "Undo the answer", show=False),
        # One footer entry, "h F2 Hint"; in a text box (where h types) only F2 shows, and works.
        Binding("h", "hint", "Hint", group=HINT),
        Binding("f2", "hint", "Hint", key_display="F2", group=HINT),
        Binding("q,escape", "leave", "Stop here"),
    ]

    def __init__(
        self,
        session: PracticeSession,
        *,
        title: str | None = None,
        log: SessionLog | None = None,
    ) -> None:
        """A screen for `session`, starting at its current question.

        `title` names the kind of session in the header ("Review due"); every graded answer is
        saved to `log` (None: progress is not kept).
        """
        super().__init__()
        self.session = session
        self.title_text = title
        self.pending: Response | None = None
        """An answer waiting for the student's confidence (certainty-based marking)."""
        self.progress_log = log
        """Where the answers are saved (None: progress is not kept)."""

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
        """Build the question view of the session's current question (and answer, if any)."""
        presented = self.session.current
        if presented is None:
            return
        record = self.session.current_record
        question = presented.question
        header = f"Question {self.session.position + 1} of {self.session.total}"
        if self.title_text:
            header = f"{self.title_text} · {header}"
        if question.topic:
            header += f" · {question.topic}"
        self.query_one("#quiz-progress", Static).update(Content(header))
        body = self.query_one("#quiz-body", VerticalScroll)
        await body.remove_children()
        view = QuestionView(presented, record, self.session.misconception, hints=True)
        view.id = "quiz-column"
        await body.mount(view)
        body.scroll_home(animate=False)
        view.area.focus_answer()
        self.refresh_bindings()

    async def _show_answer(self, record: AnswerRecord) -> None:
        """The answer is graded (and saved): mark it where it stands and add the feedback."""
        view = self.query_one("#quiz-column", QuestionView)
        if self.query(ConfidencePrompt):
            view.area.focus()  # the prompt goes: the keys go back to the answer, then on
            await self.query(ConfidencePrompt).remove()
        cbm = ""
        if record.confidence is not None:
            mark = cbm_mark(record.grade.score, record.confidence)
            cbm = f"You were {confidence_text(record.confidence)} · CBM mark {mark:+g}"
        feedback = await view.show_answer(record, cbm)
        if not view.area.has_focus:
            # A text box is locked now: its keys go to the feedback (arrows still scroll).
            feedback.focus()
        self.refresh_bindings()  # the feedback scrolls itself into place once laid out

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Submit before answering; next (or the summary, after the last) once answered."""
        answered = self.session.current_record is not None
        last = self.session.position + 1 >= self.session.total
        if action == "submit":
            # A flashcard is answered by grading it (1-4), which its own keys do.
            current = self.session.current
            flashcard = current is not None and current.question.type is QuestionType.FLASHCARD
            return not answered and not flashcard and self.pending is None
        if action == "next":
            return answered and not last
        if action == "finish":
            return answered and last
        if action == "undo":
            return answered
        if action == "hint":
            current = self.session.current
            has_hint = current is not None and bool(current.question.hint)
            return has_hint and not answered and not self.session.hinted
        return True

    async def action_undo(self) -> None:
        """Take the answer back, here and in the store: the question is asked again."""
        self.session.take_back()
        if self.progress_log is not None:
            try:
                self.progress_log.undo()
            except StoreError as error:
                self.notify(str(error), title="Undo", severity="error", markup=False)
        self.notify("Answer taken back: answer it again.", title="Undo", timeout=3)
        await self.show_current()

    def action_submit(self) -> None:
        """Enter: submit the answer as it stands (the answer area says what is missing)."""
        self.query_one(AnswerArea).request_submit()

    @on(AnswerArea.Submitted)
    async def _answer(self, event: AnswerArea.Submitted) -> None:
        event.stop()
        if self.session.current_record is not None:
            return  # a second Enter typed before the feedback appeared: already answered
        try:
            self.session.check(event.response)
        except Unreadable as refused:
            self.notify(refused.reason, title="Not graded", severity="warning", markup=False)
            return
        if self.session.confidence:
            self.pending = event.response
            await self._ask_confidence()
            return
        await self._record(event.response, None)

    async def _record(self, response: Response, confidence: int | None) -> None:
        try:
            record = self.session.answer(response, confidence)
        except (AnswerError, SessionError) as error:
            self.notify(
                str(error), title="Could not take that answer", severity="error", markup=False
            )
            return
        if self.progress_log is not None:
            self.progress_log.record(record)  # saved before it is shown as graded
        await self._show_answer(record)

    async def action_hint(self) -> None:
        """Show the question's hint (it is kept with the answer)."""
        try:
            self.session.show_hint()
        except SessionError:
            return
        await self.query_one("#quiz-column", QuestionView).show_hint()
        self.refresh_bindings()

    async def _ask_confidence(self) -> None:
        """Below the answer, ask how sure the student is; the keys 1-3 go to the prompt."""
        prompts = self.query(ConfidencePrompt)
        if prompts:
            prompt = prompts.first()
        else:
            view = self.query_one("#quiz-column", QuestionView)
            prompt = ConfidencePrompt(id="quiz-confidence")
            await view.mount(prompt, after=view.area)
        prompt.focus()
        self.call_after_refresh(prompt.scroll_visible, animate=False)
        self.refresh_bindings()

    @on(ConfidencePrompt.Chosen)
    async def _confident(self, event: ConfidencePrompt.Chosen) -> None:
        event.stop()
        response, self.pending = self.pending, None
        if response is not None and self.session.current_record is None:
            await self._record(response, event.level)

    @on(ConfidencePrompt.Cancelled)
    @on(AnswerArea.Changed)
    async def _change_answer(self, event: ConfidencePrompt.Cancelled | AnswerArea.Changed) -> None:
        """Escape at the prompt, or a change to the answer: back to answering, asked again later."""
        event.stop()
        if self.pending is None:
            return
        self.pending = None
        await self.query(ConfidencePrompt).remove()
        self.query_one(QuestionView).area.focus_answer()
        self.refresh_bindings()

    async def action_next(self) -> None:
        """Go on to the next question."""
        self.session.advance()
        await self.show_current()

    def action_finish(self) -> None:
        """After the last answer: replace the quiz with its results."""
        self.session.advance()
        self.post_message(StudyEnded(self, self.session.report(), self.title_text))

    def action_leave(self) -> None:
        """Stop early, asking first once there are answers: then the results of the answers
        given so far (none: back where the quiz began, the list of banks or the results whose
        mistakes it retries)."""
        answered = len(self.session.records)
        if not answered:
            self.post_message(StudyEnded(self, None))
            return
        if isinstance(self.app.screen, ConfirmModal):
            return  # already asking

        def confirmed(stop: bool | None) -> None:
            if stop and self.is_attached:
                stopped_early(self, answered, self.session.total, "question")
                self.post_message(StudyEnded(self, self.session.report(), self.title_text))

        saved, them = ("that answer is", "it") if answered == 1 else ("those answers are", "them")
        message = (
            f"You have answered {answered} of {self.session.total} questions; {saved} saved "
            f"and the results will show {them}."
        )
        dialog = ConfirmModal("Stop this session?", message, yes="Stop", no="Go on")
        self.app.push_screen(dialog, confirmed)
