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
            score = f"{summary.score:.2f}".rstrip("0").rstrip(".")  # 4, 4.5, 4.33
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
            asked = {
                record.presented.question.id: (number, record.presented.question.prompt)
                for number, record in enumerate(self.session.records, start=1)
            }
            for tally in summary.misconceptions:
                yield MisconceptionPanel(tally.misconception)
                yield Static(Content("Revealed by:"), classes="summary-seen")
                for question_id in tally.question_ids:
                    number, prompt = asked.get(question_id, (0, question_id))
                    first_line = prompt.strip().splitlines()[0] if prompt.strip() else question_id
                    yield Static(
                        Content(f"  question {number}: {first_line}"), classes="summary-question"
                    )
        yield Footer()

    def action_home(self) -> None:
        """Back to the list of banks."""
        self.app.pop_screen()
