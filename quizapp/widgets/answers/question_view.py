"""One question on screen: the prompt, how to answer, the answer area and, once answered, the
feedback. It is rebuilt from the session's state for every question and every answer."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizapp.core.model import Misconception, QuestionType, Response
from quizapp.core.study import AnswerRecord, Presented
from quizapp.widgets.answers.area import SUBMITS, AnswerArea
from quizapp.widgets.answers.choices import ChoiceList
from quizapp.widgets.answers.feedback import FeedbackPanel
from quizapp.widgets.answers.flashcard import FlashcardAnswer
from quizapp.widgets.answers.match import MatchList
from quizapp.widgets.answers.order import OrderList
from quizapp.widgets.answers.typed import ClozeAnswer, TypedAnswer, cloze_prompt

ANSWER_AREAS: dict[QuestionType, type[AnswerArea]] = {
    QuestionType.SINGLE: ChoiceList,
    QuestionType.MULTIPLE: ChoiceList,
    QuestionType.TRUE_FALSE: ChoiceList,
    QuestionType.SHORT: TypedAnswer,
    QuestionType.NUMERIC: TypedAnswer,
    QuestionType.CLOZE: ClozeAnswer,
    QuestionType.ORDER: OrderList,
    QuestionType.MATCH: MatchList,
    QuestionType.FLASHCARD: FlashcardAnswer,
}


def answer_area_for(
    presented: Presented,
    record: AnswerRecord | None,
    initial: Response | None = None,
    enter: str = SUBMITS,
) -> AnswerArea:
    """The answer widget for the presented question's type (see `AnswerArea` for `initial` and
    `enter`)."""
    area_type = ANSWER_AREAS[presented.question.type]
    return area_type(presented, record, initial=initial, enter=enter)


class QuestionView(Vertical):
    """The prompt, instructions, answer area and feedback of one question."""

    DEFAULT_CSS = """
    QuestionView {
        height: auto;
        .prompt { text-style: bold; }
        .instructions { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(
        self,
        presented: Presented,
        record: AnswerRecord | None,
        lookup: Callable[[str], Misconception | None],
        *,
        initial: Response | None = None,
        enter: str = SUBMITS,
    ) -> None:
        """A view of `presented` (answered with `record`); `lookup` finds misconceptions.

        `initial` is an answer given before that is still open to change (a mock exam's); `enter`
        is what Enter does with the answer (`SUBMITS` or, in a mock exam, `SAVES`).
        """
        super().__init__()
        self.presented = presented
        self.answer_record = record
        self.lookup = lookup
        self.area = answer_area_for(presented, record, initial, enter)

    def compose(self) -> ComposeResult:
        """Prompt, instructions (until answered), answer area, feedback (once answered)."""
        question = self.presented.question
        if question.type is QuestionType.CLOZE:
            prompt = cloze_prompt(question.prompt.strip())
        else:
            prompt = Content(question.prompt.strip())
        yield Static(prompt, classes="prompt")
        if self.answer_record is None:
            yield Static(Content(self.area.instructions), classes="instructions")
        yield self.area
        if self.answer_record is not None:
            found = (self.lookup(mid) for mid in self.answer_record.grade.misconceptions)
            yield FeedbackPanel(self.answer_record, [m for m in found if m is not None])
