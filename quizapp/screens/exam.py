"""The mock exam screen: every question of an `ExamSession`, in any order, under a visible clock.

No feedback until the end. Answers are stored in the session as the student gives them (with
certainty-based marking, once they say how sure they are) and can change until the exam is
submitted; questions can be flagged for review. A Textual interval calls `session.tick()`, which
submits the exam when its time is up; the results then replace the exam at once, and every answer
is saved to the progress store together. The screen reads time only through the session, whose
clock tests replace with a fake one.

Until then the exam is kept as a draft in the store (`draft_json`): after every change (an
answer, a flag, a move) and every `DRAFT_SECONDS` of the clock, so that an exam closed by
accident (quitting, a crash, even `kill -9`) is offered again on the next start. Leaving it on
purpose drops the draft; submitting drops it with the answers saved, in one transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from quizapp.core.model import Response
from quizapp.core.progress import SessionLog, draft_hashes, draft_json
from quizapp.core.scoring import AnswerError
from quizapp.core.study import ExamSession, SessionError
from quizapp.messages import StudyEnded
from quizapp.widgets import (
    AnswerArea,
    ConfirmModal,
    ExamBar,
    ExamBody,
    ExamHeader,
    Footer,
    NavigatorDialog,
    QuestionStrip,
    exam_states,
    leave_dialog,
    submit_dialog,
)


class ExamScreen(Screen[None]):
    """Sit the exam of `session`; `s` submits it, and the results replace this screen."""

    CSS_PATH = "exam.tcss"
    TICK_SECONDS = 0.25
    """How often the clock is read and the session asked whether time is up."""
    DRAFT_SECONDS = 10.0
    """How much exam time may pass between two drafts with no change: what a crash can cost."""

    # Flag and the question list avoid `a`-`i`, which pick choices by letter.
    BINDINGS = [
        Binding("enter", "save", "Save and go on", show=False),
        Binding("n,right", "next", "Next"),
        Binding("p,left", "previous", "Back"),
        # Page Down/Up move on from anywhere, a text box or a long question included.
        Binding("pagedown", "next", "Next", show=False, priority=True),
        Binding("pageup", "previous", "Back", show=False, priority=True),
        Binding("m", "flag", "Flag"),
        Binding("l", "navigator", "List"),
        Binding("s", "submit", "Submit"),
        # Hidden from the footer, which has no room left at 80 columns; the help lists it.
        Binding("q,escape", "leave", "Leave exam", show=False),
    ]

    def __init__(self, session: ExamSession, *, log: SessionLog | None = None) -> None:
        """A screen for `session`, starting at its current question; once it is submitted, all
        its answers are saved to `log` together (None: progress is not kept)."""
        super().__init__()
        self.session = session
        self.progress_log = log
        self._timer: Timer | None = None
        self._done = False
        """True once the results have been shown."""
        self._drafted = -self.DRAFT_SECONDS
        """The exam's elapsed time when its draft was last kept."""
        self._hashes: tuple[str, ...] | None = None

    def compose(self) -> ComposeResult:
        """Header with the clock, the question strip, the question, the status bar, the footer."""
        yield ExamHeader()
        yield ExamBody(id="exam-body")
        yield ExamBar(id="exam-bar")
        yield Footer()

    async def on_mount(self) -> None:
        """Show the first question, keep the first draft and start reading the clock."""
        await self.show_current()
        self.keep_draft()
        self._timer = self.set_interval(self.TICK_SECONDS, self._tick, name="exam-clock")

    def keep_draft(self) -> None:
        """Keep the exam as it stands in the store, to be resumed if the app closes now."""
        log, session = self.progress_log, self.session
        if log is None or session.submitted or self._done:
            return
        if self._hashes is None:
            self._hashes = draft_hashes(session.items)
        log.keep_draft(draft_json(session.items, session.standing(), self._hashes))
        self._drafted = session.elapsed()

    # --- what the screen shows --------------------------------------------------------------

    @property
    def body(self) -> ExamBody:
        """The question on screen, and the confidence prompt when it is open."""
        return self.query_one(ExamBody)

    async def show_current(self) -> None:
        """Rebuild the question view from the session's current question and stored answer."""
        await self.body.show(self.session.current, self.session.response())
        self._show_state()

    def _show_state(self, note: str | None = None) -> None:
        """Header, strip, status and counts as the session has them now."""
        states = exam_states(self.session)
        self.query_one(ExamHeader).show(self.session, states)
        self.query_one(ExamBar).show(self.session, states, note)
        self.refresh_bindings()

    # --- the clock --------------------------------------------------------------------------

    def _tick(self) -> None:
        """Read the clock; when the session says time is up, it has submitted itself."""
        if self.session.tick() or self.session.submitted:
            self._finished()
        else:
            self.query_one(ExamHeader).show_clock(self.session)
            if self.session.elapsed() - self._drafted >= self.DRAFT_SECONDS:
                self.keep_draft()

    def _finished(self) -> None:
        """Replace the exam (and any dialog over it) with its results."""
        if self._done:
            return
        self._done = True
        if (log := self.progress_log) is not None:
            log.record_all(self.session.report().results)  # one exam, one session id
        self.query_one(ExamHeader).show_clock(self.session)
        if self._timer is not None:
            self._timer.stop()
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()  # a dialog left open when time ran out
        if self.app.screen is not self:
            return
        if self.session.expired:
            self.notify(
                "Time is up: the exam was submitted with the answers given.",
                title="Time is up",
                severity="warning",
                timeout=8,
            )
        self.post_message(StudyEnded(self, self.session.report()))

    def _checked(self, call: Callable[[], object]) -> bool:
        """Make a call on the session; False (and the results shown) when the exam is over."""
        try:
            call()
        except SessionError:
            if not self.session.submitted:
                raise
        if self.session.submitted:
            self._finished()
            return False
        self.keep_draft()
        return True

    # --- answering --------------------------------------------------------------------------

    @on(AnswerArea.Changed)
    def _answer_changed(self, event: AnswerArea.Changed) -> None:
        """Store every change at once; with confidence marking, once it has been rated."""
        event.stop()
        self.body.close_prompt()
        response = self.body.area.response()
        level = self.session.confidence_of()
        if response is None:
            if self.session.response() is not None:
                self._checked(self.session.clear_answer)
            self._show_state()
        elif not self.session.confidence:
            self._save(response, None)
        elif level is not None:
            self._save(response, level)  # a change keeps the confidence already given
        else:
            self._show_state("Not saved yet: Enter, then say how sure")

    def _save(self, response: Response, confidence: int | None) -> bool:
        """Store `response`; a shape the question cannot take leaves it unanswered, saying why."""
        if response == self.session.response() and confidence == self.session.confidence_of():
            self._show_state()
            return True
        try:
            if not self._checked(lambda: self.session.set_answer(response, confidence)):
                return False
        except AnswerError as error:
            self._checked(self.session.clear_answer)
            self._show_state(f"Not saved: {error}")
            return False
        self._show_state()
        return True

    def action_save(self) -> None:
        """Enter: save the answer as it stands (the answer area says what is missing)."""
        self.body.area.request_submit()

    @on(AnswerArea.Submitted)
    async def _answer_submitted(self, event: AnswerArea.Submitted) -> None:
        """Enter: save the answer (asking how sure, when marking by certainty) and go on."""
        event.stop()
        await self._keep_then(event.response, self._go_next)

    async def _keep_then(self, response: Response, then: Callable[[], Awaitable[None]]) -> None:
        if not self.session.confidence:
            if self._save(response, None):
                await then()
            return
        await self.body.ask_confidence(response, then)
        self._show_state("How sure are you? 1, 2 or 3 · Esc goes back")

    @on(ExamBody.Rated)
    async def _rated(self, event: ExamBody.Rated) -> None:
        self.body.close_prompt()
        if self._save(event.response, event.level):
            await event.then()

    @on(ExamBody.RatingCancelled)
    def _rating_cancelled(self) -> None:
        self._show_state()

    def _unsaved(self) -> Response | None:
        """An answer on screen that differs from the stored one (only possible when it must be
        rated first), or None."""
        response = self.body.area.response()
        if response is None or not self.session.confidence:
            return None
        if response == self.session.response() and self.session.confidence_of() is not None:
            return None
        return response

    # --- moving -----------------------------------------------------------------------------

    async def _go(self, index: int) -> None:
        """Go to question `index`, first asking how sure the student is of an unrated answer."""
        self.body.close_prompt()
        unsaved = self._unsaved()
        if unsaved is not None and index != self.session.position:
            await self._keep_then(unsaved, lambda: self._go(index))
            return
        if self._checked(lambda: self.session.go_to(index)):
            await self.show_current()

    async def _go_next(self) -> None:
        if self.session.position + 1 < self.session.total:
            await self._go(self.session.position + 1)
        else:
            # Out of any text box, so that the keys (s to submit) work at once.
            self.query_one("#exam-body").focus()
            self._show_state("Last question: press s to submit the exam.")

    async def action_next(self) -> None:
        """The next question."""
        await self._go(min(self.session.position + 1, self.session.total - 1))

    async def action_previous(self) -> None:
        """The previous question."""
        await self._go(max(self.session.position - 1, 0))

    @on(QuestionStrip.Jump)
    async def _jump(self, event: QuestionStrip.Jump) -> None:
        await self._go(event.index)

    def action_navigator(self) -> None:
        """The list of questions, to jump to any of them."""

        async def chosen(index: int | None) -> None:
            if index is not None and not self.session.submitted:
                await self._go(index)

        states = exam_states(self.session)
        self.app.push_screen(NavigatorDialog(states, self.session.position), chosen)

    def action_flag(self) -> None:
        """Flag the question for review, or unflag it."""
        if self._checked(self.session.toggle_flag):
            self._show_state()

    # --- the end ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Moving is possible only where there is somewhere to go; a pending rating comes first."""
        waits = ("save", "next", "previous", "flag", "navigator", "submit")
        if action in waits and any(body.pending is not None for body in self.query(ExamBody)):
            return False
        if action == "next":
            return self.session.position + 1 < self.session.total
        if action == "previous":
            return self.session.position > 0
        return True

    def action_submit(self) -> None:
        """Ask, saying what is unanswered and flagged, then submit and show the results."""

        def confirmed(yes: bool | None) -> None:
            if yes and not self.session.submitted:
                self._checked(self.session.submit)  # shows the results

        self.app.push_screen(submit_dialog(exam_states(self.session)), confirmed)

    def action_leave(self) -> None:
        """Back to the banks, after asking: the answers of an unsubmitted exam are lost."""
        self._ask_to_leave(self._leave, "Leave the exam?", "Leave")

    def _leave(self) -> None:
        if self.progress_log is not None:
            self.progress_log.drop_draft()
        self._done = True
        self.post_message(StudyEnded(self, None))

    def confirm_quit(self) -> None:
        """Quit the app, after asking (for the app's quit key while an exam is under way); the
        exam's draft is kept, to be offered on the next start."""

        def quit_kept() -> None:
            self.keep_draft()
            self.app.exit()

        self._ask_to_leave(quit_kept, "Quit quizapp?", "Quit", kept=True)

    def _ask_to_leave(
        self, leave: Callable[[], object], title: str, yes: str, *, kept: bool = False
    ) -> None:
        if isinstance(self.app.screen, ConfirmModal) and self.app.screen.title_text == title:
            return  # already asking (the quit key pressed twice)

        def confirmed(answer: bool | None) -> None:
            if answer and not self.session.submitted:
                leave()

        self.app.push_screen(leave_dialog(title, yes, kept=kept), confirmed)
