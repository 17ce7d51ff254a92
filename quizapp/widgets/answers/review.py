"""Read-only views of one graded question, for the review: what the student gave beside the
correct answer, every choice with its marks (✔ right, ◐ part marks, ✘ a wrong pick) and
feedback, and the warning for an answer given with high confidence that was wrong.

Everything shown is bank data or the student's own input, so it is rendered as `Content`, never
parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, HorizontalGroup, Vertical
from textual.content import Content
from textual.widgets import Static

from quizapp.core.cbm import CONFIDENCE_LABELS
from quizapp.core.model import Misconception, QuestionType, Response, SelfGrade, match_rights
from quizapp.core.scoring import Credit, choice_credit
from quizapp.core.study import Presented
from quizapp.core.visible import visible
from quizapp.widgets.answers.marks import choice_mark, credit_note

#: Shown for an exam question left unanswered.
NOT_ANSWERED = "(not answered)"


def answer_text(presented: Presented, response: Response | None) -> str:
    """The student's `response` to `presented`, written out for a person to read (what they
    typed is data: its control characters are shown escaped)."""
    return visible(_written(presented, response))


def _written(presented: Presented, response: Response | None) -> str:
    question = presented.question
    if response is None:
        return NOT_ANSWERED
    if isinstance(response, SelfGrade):
        return f"You graded your recall: {response.name.title()}"
    match question.type:
        case QuestionType.SINGLE | QuestionType.TRUE_FALSE if isinstance(response, int):
            return question.choices[response].text
        case QuestionType.MULTIPLE if isinstance(response, frozenset):
            picked = [question.choices[i].text for i in presented.choice_order if i in response]
            return one_a_line(picked) or "(nothing picked)"
        case QuestionType.CLOZE if isinstance(response, tuple):
            typed = [str(value) for value in response]
            if len(typed) == 1:
                return typed[0]
            return "; ".join(f"[{number}] {value}" for number, value in enumerate(typed, start=1))
        case QuestionType.ORDER if isinstance(response, tuple):
            return " → ".join(question.items[i] for i in response if isinstance(i, int))
        case QuestionType.MATCH if isinstance(response, tuple):
            rights = match_rights(question)
            return "; ".join(
                f"{pair.left} → {rights[i] if isinstance(i, int) else '—'}"
                for pair, i in zip(question.pairs, response, strict=False)
            )
    return str(response)


def one_a_line(texts: list[str]) -> str:
    """Several answers one a line after a bullet (their own full stops then read well)."""
    return texts[0] if len(texts) == 1 else "\n".join(f"• {text}" for text in texts)


def correct_text(presented: Presented, correct: str) -> str:
    """The correct answer as the review box shows it: a multiple's right choices one a line."""
    question = presented.question
    if question.type is QuestionType.MULTIPLE and question.correct_choices:
        return one_a_line([question.choices[i].text for i in question.correct_choices])
    return correct


def confidence_text(level: int | None) -> str:
    """`3 (sure)`, or `—` when no confidence was given."""
    return "—" if level is None else f"{level} ({CONFIDENCE_LABELS[level]})"


class AnswerComparison(Horizontal):
    """Two boxes side by side: the student's answer and the correct one."""

    DEFAULT_CSS = """
    AnswerComparison {
        height: auto;
        margin-top: 1;
        & > Static { width: 1fr; height: auto; padding: 0 1; border: round $panel-lighten-2; }
        & > .given { margin-right: 1; }
        &.-right > .given { border: round $success; border-title-color: $text-success; }
        &.-partial > .given { border: round $warning; border-title-color: $text-warning; }
        &.-wrong > .given { border: round $error; border-title-color: $text-error; }
        & > .correct { border: round $success; border-title-color: $text-success; }
    }
    """

    def __init__(self, given: str, correct: str, outcome: str) -> None:
        """Boxes for the `given` and the `correct` answer; `outcome` colours the first."""
        super().__init__(classes=f"-{outcome}")
        self.given = given
        self.correct = correct

    def compose(self) -> ComposeResult:
        """The two boxes."""
        given = Static(Content(self.given), classes="given")
        given.border_title = "Your answer"
        yield given
        correct = Static(Content(self.correct or "—"), classes="correct")
        correct.border_title = "Correct answer"
        yield correct


class ChoiceReview(Vertical):
    """Every choice in the order it was shown: picked or not, right or not, and its feedback."""

    DEFAULT_CSS = """
    ChoiceReview {
        height: auto;
        margin-top: 1;
        .legend { color: $text-muted; }
        HorizontalGroup { height: auto; margin-top: 1; }
        .mark { width: 4; }
        .body { width: 1fr; }
        .-right .mark { color: $text-success; text-style: bold; }
        .-right.-picked .body { color: $text-success; }
        .-partial .mark { color: $text-warning; text-style: bold; }
        .-partial.-picked .body { color: $text-warning; }
        .-wrong .mark, .-wrong .body { color: $text-error; }
        .-picked .body { text-style: bold; }
    }
    """

    def __init__(
        self,
        presented: Presented,
        response: Response | None,
        lookup: Callable[[str], Misconception | None],
    ) -> None:
        """The choices of `presented`, marked with `response`; `lookup` finds misconceptions."""
        super().__init__()
        self.presented = presented
        self.response = response
        self.lookup = lookup

    def compose(self) -> ComposeResult:
        """A legend, then one row per choice."""
        response = self.response
        picked: set[int] = set()
        if isinstance(response, frozenset):
            picked = set(response)
        elif isinstance(response, int) and not isinstance(response, SelfGrade):
            picked = {response}
        question = self.presented.question
        credits = {
            original: choice_credit(question, c) for original, c in enumerate(question.choices)
        }
        legend = "› your pick   ✔ a right answer   ✘ a wrong pick"
        if Credit.PARTIAL in credits.values():
            legend = "› your pick   ✔ a right answer   ◐ part marks   ✘ a wrong pick"
        yield Static(Content(legend), classes="legend")
        for original in self.presented.choice_order:
            choice = question.choices[original]
            is_picked = original in picked
            mark = ("›" if is_picked else " ") + choice_mark(question, choice, is_picked)[0]
            credit = credits[original]
            classes = " ".join(
                name
                for name, on in (
                    ("-picked", is_picked),
                    ("-right", credit is Credit.FULL),
                    ("-partial", credit is Credit.PARTIAL),
                    ("-wrong", is_picked and credit is Credit.NONE),
                )
                if on
            )
            parts: list[Content | str | tuple[str, str]] = [
                Content(choice.text),
                credit_note(question, choice),
            ]
            if choice.feedback:
                parts += ["\n", ("› ", "$text-accent"), Content(choice.feedback)]
            misconception = self.lookup(choice.misconception) if choice.misconception else None
            if misconception is not None:
                style = "bold $text-warning" if is_picked else "$text-warning"
                parts += ["\n", ("⚠ ", style), (misconception.summary, style)]
            with HorizontalGroup(classes=classes):
                yield Static(Content(mark), classes="mark")
                yield Static(Content.assemble(*parts), classes="body")


class ConfidentlyWrong(Static):
    """The warning on an answer that was wrong although the student was sure of it."""

    DEFAULT_CSS = """
    ConfidentlyWrong {
        margin-top: 1;
        padding: 0 1;
        border: heavy $error;
        border-title-color: $text-error;
        border-title-style: bold;
        background: $error-muted;
    }
    """

    def __init__(self) -> None:
        """The warning text."""
        super().__init__(
            Content(
                "You were sure of this answer, and it was wrong. A confident mistake is the most "
                "dangerous kind of misconception: nothing prompts you to check it, in the exam "
                "or at work. Read the explanation below twice."
            )
        )
        self.border_title = "Confidently wrong"
