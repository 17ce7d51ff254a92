"""The review of one graded question from a session's results: the student's answer beside the
correct one (for gaps and pairs, each marked on its own line), every choice with its marks and
feedback, the misconceptions shown, the explanation, the references, the hint if it was used and
the confidence given. `n` and `p` move through the session's questions; Escape goes back.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from quizapp.core.model import QuestionType, SelfGrade
from quizapp.core.study import QuestionResult, SessionReport
from quizapp.widgets import (
    VERDICTS,
    AnswerComparison,
    ChoiceReview,
    ConfidentlyWrong,
    Footer,
    MisconceptionPanel,
    answer_text,
    cloze_prompt,
    confidence_text,
    correct_text,
    feedback_lines,
    part_lines,
    percent,
    references,
)


def verdict_line(result: QuestionResult) -> str:
    """`✘ WRONG · score 0% · hint used · confidence 3 (sure) · CBM -6 · 12 s · ⚑ flagged`."""
    parts = [VERDICTS[result.outcome] if result.answered else "✘ NOT ANSWERED"]
    if isinstance(result.response, SelfGrade):
        parts.append(f"you said {result.response.name.title()}")  # a flashcard, graded by you
    else:
        parts.append(f"score {percent(result.grade.score)}")
    if result.hinted:
        parts.append("hint used")
    if result.confidence is not None:
        parts.append(f"confidence {confidence_text(result.confidence)}")
    if result.cbm_mark is not None:
        parts.append(f"CBM {result.cbm_mark:+g}")
    if result.seconds >= 1:
        parts.append(f"{result.seconds:.0f} s")
    if result.flagged:
        parts.append("⚑ flagged")
    return " · ".join(parts)


class ReviewScreen(Screen[int]):
    """One question of `report` at a time, starting at `index`; dismissed with the index shown."""

    CSS_PATH = "review.tcss"

    BINDINGS = [
        Binding("n", "move(1)", "Next question"),
        Binding("p", "move(-1)", "Previous question"),
        Binding("escape,q,backspace", "back", "Back to results"),
    ]

    index: reactive[int] = reactive(0, recompose=True)

    def __init__(self, report: SessionReport, index: int = 0) -> None:
        """The review of `report.results[index]`."""
        super().__init__()
        self.report = report
        self.set_reactive(ReviewScreen.index, index)

    @property
    def result(self) -> QuestionResult:
        """The result being reviewed."""
        return self.report.results[self.index]

    def compose(self) -> ComposeResult:
        """Header, the scrolling review column, the footer."""
        result = self.result
        question = result.presented.question
        header = f"Review · question {self.index + 1} of {len(self.report.results)}"
        with HorizontalGroup(id="review-header"):
            yield Static(Content(f"{header} · {result.item.topic}"), id="review-position")
            yield Static(Content(result.item.bank.title), id="review-bank")
        with VerticalScroll(id="review-body"), Vertical(id="review-column"):
            prompt = question.prompt.strip()
            yield Static(
                cloze_prompt(prompt) if question.type is QuestionType.CLOZE else Content(prompt),
                id="review-prompt",
            )
            cbm = self.report.cbm
            if cbm is not None and result.index in cbm.confidently_wrong:
                yield ConfidentlyWrong()
            yield Static(
                Content(verdict_line(result)),
                id="review-verdict",
                classes=f"-{result.outcome.value}",
            )
            if result.hinted and question.hint:
                hint = Static(Content.assemble(("Hint  ", "bold"), question.hint), id="review-hint")
                yield hint
            if result.grade.parts:  # each gap or pair marked, with what it accepts
                yield Static(part_lines(question, result.grade.parts), id="review-parts")
            else:
                yield AnswerComparison(
                    answer_text(result.presented, result.response),
                    correct_text(result.presented, result.grade.correct_answer),
                    result.outcome.value,
                )
            if question.type.has_choices:
                yield ChoiceReview(result.presented, result.response, result.item.misconception)
            elif result.grade.feedback and not result.grade.parts:
                yield Static(feedback_lines(result.grade.feedback), id="review-feedback")
            for misconception_id in result.grade.misconceptions:
                misconception = result.item.misconception(misconception_id)
                if misconception is not None:
                    yield MisconceptionPanel(misconception)
            if question.explanation:
                explanation = Static(Content(question.explanation), id="review-explanation")
                explanation.border_title = "Explanation"
                yield explanation
            if question.references:
                yield Static(references(question.references), id="review-references")
        yield Footer()

    def on_mount(self) -> None:
        """The column scrolls with the arrow keys and Page Up/Down."""
        self.query_one("#review-body").focus()

    def watch_index(self) -> None:
        """After moving, start at the top of the new question, with the keys that apply."""
        self.call_after_refresh(self._focus_body)
        self.refresh_bindings()

    def _focus_body(self) -> None:
        body = self.query_one("#review-body", VerticalScroll)
        body.focus()
        body.scroll_home(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No next after the last question, no previous before the first."""
        if action == "move" and parameters:
            step = parameters[0]
            target = self.index + (step if isinstance(step, int) else 0)
            return 0 <= target < len(self.report.results)
        return True

    def action_move(self, step: int) -> None:
        """Show the next (`1`) or previous (`-1`) question."""
        target = self.index + step
        if 0 <= target < len(self.report.results):
            self.index = target

    def action_back(self) -> None:
        """Back to the results, which highlight the question reviewed last."""
        self.dismiss(self.index)
