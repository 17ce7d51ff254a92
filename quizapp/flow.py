"""The flow of the app: which screen comes after which, in one place, like a table of contents.

Home lists the banks. Enter there opens the set-up, which is dismissed with a session (or with
nothing: back home); the session's screen (practice, mock exam, flashcards) is pushed with a log
of its own for saving answers (flashcards also with the store's schedule, for their interval
preview and the cards that come back). "Review due" (as questions or flashcards) and "Target my
misconceptions" start a session straight from home. A mock exam left unsubmitted when the app
closed is offered once the store is open (`offer_resume`): resumed, discarded, or kept for later.
A study screen that is done says so (`StudyEnded`): its results replace it, or with nothing to
show it is closed, back to where it began (home, or the results whose mistakes it
retried). Results ask for a question's review, a retry of the mistakes, or home. Home also opens
the progress screen and the instructor's item analysis.

In a class session (`quizapp serve`) the student signs in first (`open_sign_in`); `signed_in`
then hears who it is, and `start_fixed` starts the session the instructor fixed.

Screens never push each other: they post the messages of `quizapp.messages` (or `dismiss`), and
`StudyFlow` reads them. The screens and sessions are imported when first needed, so the first
frame waits for none but home.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.screen import Screen

from quizapp.context import AppContext
from quizapp.messages import (
    GoHome,
    OpenInstructor,
    OpenProgress,
    OpenSetup,
    RetryMistakes,
    ReviewQuestion,
    StartPractice,
    StudyEnded,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quizapp.core.model import Bank
    from quizapp.core.progress import ResumedExam
    from quizapp.core.study import Session, SessionConfig
    from quizapp.screens import SignIn, SignInScreen


class StudyFlow(App[None]):
    """The app's navigation between its screens, driven by what each screen says it is done with.

    `context` holds what the screens are built with: the bank cache, the recorder of answers, the
    seed and the clock of sessions, the data folder.
    """

    def __init__(self, context: AppContext) -> None:
        """A flow over the services of `context`."""
        super().__init__()
        self.context = context

    # --- into a session ---------------------------------------------------------------------

    @on(OpenSetup)
    def _open_setup(self, message: OpenSetup) -> None:
        from quizapp.screens import SetupScreen

        context = self.context
        setup = SetupScreen(message.banks, seed=context.seed, clock=context.clock, due=message.due)
        self.push_screen(setup, self._set_up)

    def _set_up(self, session: Session | None) -> None:
        """The set-up was dismissed: start its session (None: it was left, back home)."""
        if session is not None:
            self.push_screen(self.study_screen(session))

    @on(StartPractice)
    def _start_practice(self, message: StartPractice) -> None:
        self.push_screen(self.study_screen(message.session, message.mode, message.title))

    def study_screen(
        self, session: Session, mode: str | None = None, title: str | None = None
    ) -> Screen[None]:
        """The screen for `session`, saving its answers under `mode` (None: the session's own;
        review or target for the sessions home starts); `title` names the session in its header
        and results."""
        from quizapp.core.progress import StorePlanner
        from quizapp.core.study import ExamSession, FlashcardSession
        from quizapp.screens import ExamScreen, FlashcardScreen, QuizScreen

        recorder = self.context.recorder
        if isinstance(session, ExamSession):
            return ExamScreen(session, log=recorder.session("exam"))
        if isinstance(session, FlashcardSession):
            if session.planner is None:
                session.planner = StorePlanner(recorder)
            log = recorder.session(mode or "flashcards")
            return FlashcardScreen(session, log=log, title=title)
        return QuizScreen(session, title=title, log=recorder.session(mode or "practice"))

    # --- a mock exam left unsubmitted -------------------------------------------------------

    def offer_resume(self, resumed: ResumedExam) -> None:
        """Offer the mock exam the app closed on: resume it, discard it, or decide later."""
        from quizapp.screens import ExamScreen
        from quizapp.widgets import ResumeDialog

        recorder = self.context.recorder
        session_id = resumed.saved.session_id

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                recorder.drop_draft(session_id)
            elif choice == "resume" and resumed.resumable:
                log = recorder.session("exam", session_id)
                self.push_screen(ExamScreen(resumed.start(self.context.clock), log=log))

        self.push_screen(ResumeDialog(resumed), chosen)

    # --- out of a session -------------------------------------------------------------------

    @on(StudyEnded)
    def _study_ended(self, message: StudyEnded) -> None:
        from quizapp.screens import ResultsScreen

        ended = message.ended
        if ended not in self.screen_stack:
            return
        while self.screen is not ended:
            self.pop_screen()  # a dialog still open over it
        if message.report is None:
            self.pop_screen()
        else:
            self.switch_screen(ResultsScreen(message.report, message.kind))

    @on(ReviewQuestion)
    def _review(self, message: ReviewQuestion) -> None:
        from quizapp.screens import ReviewScreen

        self.push_screen(ReviewScreen(message.report, message.index), message.reviewed)

    @on(RetryMistakes)
    def _retry(self, message: RetryMistakes) -> None:
        from quizapp.core.study import StudyError, retry_mistakes

        context = self.context
        try:
            session = retry_mistakes(message.report, seed=context.seed, clock=context.clock)
        except StudyError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.push_screen(self.study_screen(session))

    @on(GoHome)
    def _go_home(self, message: GoHome) -> None:
        from quizapp.screens import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    # --- beside the sessions ----------------------------------------------------------------

    @on(OpenProgress)
    def _open_progress(self, message: OpenProgress) -> None:
        from quizapp.screens import ProgressScreen

        screen = ProgressScreen(
            message.paths, message.titles, message.start, message.read, self.context.recorder
        )
        self.push_screen(screen)

    @on(OpenInstructor)
    def _open_instructor(self, message: OpenInstructor) -> None:
        from quizapp.screens import InstructorScreen

        context = self.context
        screen = InstructorScreen(
            message.paths,
            context.cache,
            store=context.recorder.store,
            data_dir=context.data_dir,
        )
        self.push_screen(screen)

    # --- a class session (quizapp serve) ----------------------------------------------------

    def open_sign_in(self, screen: SignInScreen) -> None:
        """Ask who the student is; `signed_in` is told once they are in."""
        self.push_screen(screen, self._signed_in)

    def _signed_in(self, signed: SignIn | None) -> None:
        if signed is not None:
            self.signed_in(signed)

    def signed_in(self, signed: SignIn) -> None:
        """A student signed in (a class session's app takes it from here; the plain app has no
        sign-in)."""

    def start_fixed(self, banks: Sequence[Bank], config: SessionConfig) -> None:
        """Start the session `config` on `banks`, over whatever is showing (home)."""
        from quizapp.core.study import StudyError, start_session

        try:
            session = start_session(banks, config, clock=self.context.clock)
        except StudyError as error:
            self.notify(str(error), title="The session cannot start", severity="error")
            return
        self.push_screen(self.study_screen(session))
