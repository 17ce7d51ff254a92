"""The top of the exam screen: where the student is, whether the question is flagged, the clock,
and the strip of question numbers. It renders an `ExamSession`'s state and never changes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, Vertical
from textual.content import Content
from textual.widgets import Static

from quizapp.core.study import ExamSession
from quizapp.widgets.answers.typed import prompt_line
from quizapp.widgets.exam.clock import ExamClock
from quizapp.widgets.exam.navigator import FLAG_MARK, QuestionState, QuestionStrip


def exam_states(session: ExamSession) -> list[QuestionState]:
    """Each question's state in `session`: answered, flagged, and its prompt."""
    unanswered = set(session.unanswered())
    flagged = set(session.flagged())
    return [
        QuestionState(i not in unanswered, i in flagged, prompt_line(session.presented(i).question))
        for i in range(session.total)
    ]


class ExamHeader(Vertical):
    """`Question 3 of 10 · Topic   ⚑ Flagged  ⏱ 14:32 left`, and the question strip under it."""

    DEFAULT_CSS = """
    ExamHeader {
        height: auto;
        #exam-header {
            height: 1;
            background: $panel;
            color: $text;
            text-style: bold;
        }
        #exam-progress {
            width: 1fr;
            padding: 0 1;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #exam-flag { width: auto; padding-right: 1; }
        QuestionStrip { background: $boost; }
    }
    """

    def compose(self) -> ComposeResult:
        """The header line, then the strip."""
        with HorizontalGroup(id="exam-header"):
            yield Static(id="exam-progress")
            yield Static(id="exam-flag")
            yield ExamClock(id="exam-clock")
        yield QuestionStrip(id="exam-strip")

    def show(self, session: ExamSession, states: list[QuestionState]) -> None:
        """Show the current question of `session`, whose questions are in `states`."""
        position = session.position
        topic = session.current_item.topic
        self.query_one("#exam-progress", Static).update(
            Content(f"Question {position + 1} of {session.total} · {topic}")
        )
        flagged = session.is_flagged(position)
        self.query_one("#exam-flag", Static).update(
            Content.styled(f"{FLAG_MARK} Flagged", "bold $text-warning") if flagged else ""
        )
        self.query_one(QuestionStrip).show(states, position)
        self.show_clock(session)

    def show_clock(self, session: ExamSession) -> None:
        """Show the time left (or, untimed, the time spent) by the session's clock."""
        self.query_one(ExamClock).show_time(
            session.remaining(), session.elapsed(), session.time_limit
        )
