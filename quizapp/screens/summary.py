"""The summary screen: the score of a finished session and the misconceptions behind its errors."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quizapp.core.session import PracticeSession
from quizapp.widgets.feedback import MisconceptionPanel


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class SummaryScreen(Screen[None]):
    """Score, right/partly/wrong counts, and each misconception fallen for, with its questions."""

    BINDINGS = [Binding("enter,escape,q", "home", "Back to the banks")]

    def __init__(self, session: PracticeSession) -> None:
        """The summary of `session` (normally finished)."""
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        """Title, score, counts, misconceptions."""
        summary = self.session.summary()
        yield Static(Content(f"Summary · {self.session.bank.title}"), id="summary-header")
        with VerticalScroll(id="summary-body"), Vertical(id="summary-column"):
            score = f"{summary.score:g}" if summary.score % 1 == 0 else f"{summary.score:.2f}"
            yield Static(
                Content(
                    f"Score: {score} of {summary.max_score:g} ({summary.percent:.0f}%)"
                    + (
                        f"   · answered {summary.answered} of {summary.total}"
                        if summary.answered < summary.total
                        else ""
                    )
                ),
                id="summary-score",
            )
            yield Static(
                Content.assemble(
                    (f"✔ {summary.right} right", "$text-success"),
                    "   ",
                    (f"◐ {summary.partial} partly right", "$text-warning"),
                    "   ",
                    (f"✘ {summary.wrong} wrong", "$text-error"),
                ),
                id="summary-counts",
            )
            if not summary.misconceptions:
                yield Static(
                    Content("No misconceptions revealed this time."), id="summary-no-misconceptions"
                )
            else:
                yield Static(Content("Misconceptions you fell for"), id="summary-misconceptions")
            numbers = {
                record.presented.question.id: index
                for index, record in enumerate(self.session.records, start=1)
            }
            for tally in summary.misconceptions:
                yield MisconceptionPanel(tally.misconception)
                seen = ", ".join(
                    f"{numbers[qid]} ({qid})" if qid in numbers else qid
                    for qid in tally.question_ids
                )
                label = "Question" if tally.count == 1 else "Questions"
                yield Static(
                    Content(f"{label} {seen} · {_plural(tally.count, 'time')}"),
                    classes="summary-seen",
                )
        yield Footer()

    def action_home(self) -> None:
        """Back to the list of banks."""
        self.app.pop_screen()
