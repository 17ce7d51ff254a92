"""What the student sees after answering: the verdict, the correct answer (or the mark of each
gap or pair), the feedback, above all the misconceptions the answer revealed, each in its own
highlighted panel, then the explanation and the question's references.

It is built from few widgets (the text in one, a panel per misconception, the explanation), as it
is mounted the moment an answer is graded and the student is waiting for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizapp.core.model import Misconception, QuestionType, SelfGrade
from quizapp.core.scoring import Outcome
from quizapp.core.study import AnswerRecord
from quizapp.widgets.answers.marks import (
    correct_answers,
    feedback_lines,
    part_lines,
    percent,
    references,
)

VERDICTS = {
    Outcome.RIGHT: "✔ RIGHT",
    Outcome.PARTIAL: "◐ PARTLY RIGHT",
    Outcome.WRONG: "✘ WRONG",
}

#: The verdict's colours, by outcome (the glyph and the words say it without them).
VERDICT_STYLES = {
    Outcome.RIGHT: "bold $text-success on $success-muted",
    Outcome.PARTIAL: "bold $text-warning on $warning-muted",
    Outcome.WRONG: "bold $text-error on $error-muted",
}

__all__ = ["VERDICTS", "FeedbackPanel", "MisconceptionPanel", "percent"]


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


def verdict(record: AnswerRecord, cbm: str = "") -> Content:
    """`✘ WRONG · score 0% · hint used`, on the outcome's colour; `cbm` on a line below it."""
    grade = record.grade
    words = [VERDICTS[grade.outcome]]
    if isinstance(record.response, SelfGrade):
        words.append(f"you said {record.response.name.title()}")
    else:
        words.append(f"score {percent(grade.score)}")
    if record.hinted:
        words.append("hint used")
    line = Content.styled(f" {' · '.join(words)} ", VERDICT_STYLES[grade.outcome])
    return Content.assemble(line, ("\n" + cbm, "$text-muted")) if cbm else line


def summary(record: AnswerRecord, cbm: str = "") -> Content:
    """The verdict, then the correct answer and the feedback, or the mark of each gap or pair."""
    grade = record.grade
    question = record.presented.question
    parts: list[Content] = [verdict(record, cbm)]
    if grade.parts:
        parts.append(part_lines(question, grade.parts))
    elif grade.correct_answer and question.type is not QuestionType.FLASHCARD:
        parts.append(correct_answers(question, grade.correct_answer))
    if grade.feedback and not grade.parts:
        parts.append(feedback_lines(grade.feedback))
    return Content("\n\n").join(parts)


class FeedbackPanel(Vertical, can_focus=True):
    """The verdict on one answer, with the correct answer, feedback, misconceptions, the
    question's explanation and its references. It takes the focus from a text box locked by
    the answer (the arrows then scroll the column it is in)."""

    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
        margin-top: 1;
        .explanation {
            margin-top: 1;
            border: round $primary;
            border-title-color: $text-primary;
            padding: 0 1;
        }
        .references { margin-top: 1; }
    }
    """

    def __init__(
        self, record: AnswerRecord, misconceptions: Sequence[Misconception], cbm: str = ""
    ) -> None:
        """Feedback on `record`, with the `misconceptions` its answer revealed; `cbm` says how
        sure the student was and the mark that earned, when marking by certainty."""
        super().__init__(classes=f"-{record.grade.outcome.value}")
        self.answer_record = record
        self.misconceptions = tuple(misconceptions)
        self.cbm = cbm
        self._shown = False

    def on_resize(self) -> None:
        """Once laid out (its place now known), bring the feedback to the top of the column:
        in the very next frame, not one frame later."""
        if not self._shown:
            self._shown = True
            self.scroll_visible(top=True, animate=False)

    def compose(self) -> ComposeResult:
        """The verdict and what goes with it, misconception panels, explanation, references."""
        question = self.answer_record.presented.question
        yield Static(summary(self.answer_record, self.cbm), classes="summary")
        for misconception in self.misconceptions:
            yield MisconceptionPanel(misconception)
        if question.explanation:
            explanation = Static(Content(question.explanation), classes="explanation")
            explanation.border_title = "Explanation"
            yield explanation
        if question.references:
            yield Static(references(question.references), classes="references")
