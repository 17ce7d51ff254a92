"""The results of a finished session of any mode: the score and pass or fail, the time taken, a
bar per topic, the misconceptions fallen for and, with certainty-based marking, the CBM score and
how well confidence matched accuracy. Every question can be opened for review; "Retry mistakes"
practises exactly the questions that were wrong or partly right.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizapp.core.scoring import Outcome
from quizapp.core.study import Mode, QuestionResult, SessionReport
from quizapp.messages import GoHome, RetryMistakes, ReviewQuestion
from quizapp.widgets import (
    OUTCOME_MARKS,
    CalibrationTable,
    CountsLine,
    Footer,
    MisconceptionPanel,
    TopicBars,
    cbm_line,
    duration,
    percent,
    prompt_line,
    score_line,
    self_grades_line,
)

#: What each mode is called in the header.
MODE_NAMES = {Mode.PRACTICE: "Practice", Mode.EXAM: "Mock exam", Mode.FLASHCARDS: "Flashcards"}


def question_row(result: QuestionResult) -> Content:
    """`◐  3. What does the padlock…  50%  ⚑`: one row of the question list; a partly right
    answer says what it scored, an answer given after its hint says so."""
    mark, style = OUTCOME_MARKS[result.outcome]
    parts: list[Content | str | tuple[str, str]] = [(mark, style), f" {result.index + 1:>2}. "]
    parts.append(Content(prompt_line(result.presented.question)))
    if result.outcome is Outcome.PARTIAL:
        parts.append((f"  {percent(result.grade.score)}", "$text-warning"))
    if result.hinted:
        parts.append(("  (hint)", "$text-muted"))
    if not result.answered:
        parts.append((" (not answered)", "$text-muted"))
    if result.flagged:
        parts.append(("  ⚑", "$text-warning"))
    return Content.assemble(*parts)


class ResultsScreen(Screen[None]):
    """The report of one session; Enter on a question reviews it, `r` retries the mistakes."""

    CSS_PATH = "results.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS = [
        Binding("enter", "review", "Review", priority=True),
        Binding("r", "retry", "Retry mistakes"),
        Binding("tab", "switch_pane", "Summary or questions", show=False),
        Binding("escape,q", "home", "Home"),
    ]

    def __init__(self, report: SessionReport, kind: str | None = None) -> None:
        """The results of `report`; `kind` names the session in the header ("Review due"),
        instead of its mode."""
        super().__init__()
        self.report = report
        self.kind = kind

    def compose(self) -> ComposeResult:
        """Header; the summary (scrolling) and the list of questions; the footer."""
        report = self.report
        banks = dict.fromkeys(r.item.bank.title for r in report.results)
        title = " + ".join(banks) or "No questions"
        yield Static(
            Content(f"Results · {self.kind or MODE_NAMES.get(report.mode, 'Study')} · {title}"),
            id="results-header",
        )
        with Vertical(id="results-main"):
            with VerticalScroll(id="results-summary"), Vertical(id="results-column"):
                yield from self._summary()
            questions = OptionList(
                *(Option(question_row(r), id=str(r.index)) for r in report.results),
                id="results-questions",
            )
            questions.border_title = "Questions"
            questions.border_subtitle = "Enter review · Tab summary"
            yield questions
        yield Footer()

    def _summary(self) -> ComposeResult:
        report = self.report
        if report.expired:
            yield Static(
                Content("Time ran out: the exam was submitted automatically."),
                id="results-expired",
            )
        yield Static(score_line(report), id="results-score")
        if report.cbm is not None:
            yield Static(cbm_line(report), id="results-cbm")
        yield Static(Content(f"Time taken {duration(report.seconds)}"), id="results-time")
        yield CountsLine(report, id="results-counts")
        if report.mode is Mode.FLASHCARDS:
            yield Static(self_grades_line(report), id="results-grades")
        yield Static(Content("By topic"), classes="results-heading")
        yield TopicBars(report.topics, report.pass_mark, id="results-topics")
        if report.cbm is not None:
            yield Static(Content("How sure you were"), classes="results-heading")
            yield CalibrationTable(report, id="results-calibration")
        if report.misconceptions:
            yield Static(Content("Misconceptions you fell for"), classes="results-heading")
        elif report.mode is not Mode.FLASHCARDS:
            yield Static(
                Content("No misconceptions revealed this time."),
                classes="results-heading",
                id="results-no-misconceptions",
            )
        for tally in report.misconceptions:
            yield MisconceptionPanel(tally.misconception)
            yield Static(Content("Shown in:"), classes="results-seen")
            for index in tally.indexes:
                prompt = prompt_line(report.results[index].presented.question)
                yield Static(Content(f"  {index + 1}. {prompt}"), classes="results-seen-question")

    def on_mount(self) -> None:
        """Start in the question list, on the first question."""
        questions = self.query_one("#results-questions", OptionList)
        if questions.option_count:
            questions.highlighted = 0
            questions.focus()
        else:
            self.query_one("#results-summary").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Retry only when there are mistakes; review only from the question list."""
        if action == "retry":
            return bool(self.report.mistakes())
        if action == "review":
            return self.focused is self.query_one("#results-questions")
        return True

    def on_descendant_focus(self) -> None:
        """The keys that apply depend on the pane with the focus."""
        self.refresh_bindings()

    def action_switch_pane(self) -> None:
        """Tab: between the summary (arrows scroll it) and the question list."""
        questions = self.query_one("#results-questions", OptionList)
        summary = self.query_one("#results-summary", VerticalScroll)
        (summary if self.focused is questions else questions).focus()

    def action_review(self) -> None:
        """Review the highlighted question."""
        self.query_one("#results-questions", OptionList).action_select()

    @on(OptionList.OptionSelected, "#results-questions")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option_id or 0)
        self.post_message(ReviewQuestion(self.report, index, self._reviewed))

    def _reviewed(self, index: int | None) -> None:
        """Back from the review: highlight the question it showed last."""
        if index is not None:
            questions = self.query_one("#results-questions", OptionList)
            questions.highlighted = index
            questions.focus()

    def action_retry(self) -> None:
        """Practise exactly the wrong and partly right questions."""
        self.post_message(RetryMistakes(self.report))

    def action_home(self) -> None:
        """Back to the list of banks, whatever is on the way."""
        self.post_message(GoHome())
