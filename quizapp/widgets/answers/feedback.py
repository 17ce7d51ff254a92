"""What the student sees after answering: the verdict, the correct answer, and above all the
misconceptions the answer revealed, each in its own highlighted panel."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizapp.core.model import Misconception, QuestionType, SelfGrade
from quizapp.core.scoring import Outcome
from quizapp.core.study import AnswerRecord

VERDICTS = {
    Outcome.RIGHT: "✔ RIGHT",
    Outcome.PARTIAL: "◐ PARTLY RIGHT",
    Outcome.WRONG: "✘ WRONG",
}


def percent(score: float) -> str:
    """A 0..1 score as a whole percentage, e.g. `67%`."""
    return f"{round(score * 100)}%"


class MisconceptionPanel(Static):
    """One misconception: the wrong idea in the student's words, then why it is wrong."""

    DEFAULT_CSS = """
    MisconceptionPanel {
        border: heavy $warning;
        border-title-color: $text-warning;
        border-title-style: bold;
        background: $warning-muted;
        padding: 0 1;
        margin-top: 1;
    }
    """

    def __init__(self, misconception: Misconception) -> None:
        """A panel for `misconception` (its texts are bank data, shown literally)."""
        text = Content.assemble(
            (f"“{misconception.summary}”", "bold"), "\n", misconception.explanation
        )
        super().__init__(text)
        self.border_title = "Misconception"


class FeedbackPanel(Vertical):
    """The verdict on one answer, with the correct answer, feedback, misconceptions and the
    question's explanation."""

    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
        margin-top: 1;
        .verdict { text-style: bold; padding: 0 1; width: auto; }
        &.-right .verdict { background: $success-muted; color: $text-success; }
        &.-partial .verdict { background: $warning-muted; color: $text-warning; }
        &.-wrong .verdict { background: $error-muted; color: $text-error; }
        .answer, .feedback { margin-top: 1; }
        .explanation {
            margin-top: 1;
            border: round $primary;
            border-title-color: $text-primary;
            padding: 0 1;
        }
    }
    """

    def __init__(self, record: AnswerRecord, misconceptions: Sequence[Misconception]) -> None:
        """Feedback on `record`, with the `misconceptions` its answer revealed."""
        super().__init__(classes=f"-{record.grade.outcome.value}")
        self.answer_record = record
        self.misconceptions = tuple(misconceptions)

    def compose(self) -> ComposeResult:
        """Verdict, correct answer, feedback, misconception panels, explanation."""
        record = self.answer_record
        grade = record.grade
        question = record.presented.question
        if question.type is QuestionType.FLASHCARD and isinstance(record.response, SelfGrade):
            verdict = f"{VERDICTS[grade.outcome]} · you said {record.response.name.title()}"
        else:
            verdict = f"{VERDICTS[grade.outcome]} · score {percent(grade.score)}"
        yield Static(Content(verdict), classes="verdict")
        if grade.correct_answer and question.type is not QuestionType.FLASHCARD:
            yield Static(
                Content.assemble(("Correct answer: ", "bold"), grade.correct_answer),
                classes="answer",
            )
        if grade.feedback:
            lines = [Content.assemble(("› ", "$text-accent"), text) for text in grade.feedback]
            yield Static(Content("\n").join(lines), classes="feedback")
        for misconception in self.misconceptions:
            yield MisconceptionPanel(misconception)
        if question.explanation:
            explanation = Static(Content(question.explanation), classes="explanation")
            explanation.border_title = "Explanation"
            yield explanation
