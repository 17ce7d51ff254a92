"""One question on screen: the prompt, how to answer, the hint once asked for, the answer area
and, once answered, the feedback.

It is built for every question; an answer only changes it in place (`show_answer`: the area
marked and locked, the feedback mounted below it), which is what the student waits for.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
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
        .hint {
            margin-top: 1;
            padding: 0 1;
            border-left: outer $secondary;
        }
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
        hints: bool = False,
    ) -> None:
        """A view of `presented` (answered with `record`); `lookup` finds misconceptions.

        `initial` is an answer given before that is still open to change (a mock exam's); `enter`
        is what Enter does with the answer (`SUBMITS` or, in a mock exam, `SAVES`); `hints` says
        that the question's hint can be asked for (practice), which the instructions then offer.
        """
        super().__init__()
        self.presented = presented
        self.answer_record = record
        self.lookup = lookup
        self.hints = hints and bool(presented.question.hint)
        self.area = answer_area_for(presented, record, initial, enter)

    def compose(self) -> ComposeResult:
        """Prompt, instructions (until answered), the hint if shown, answer area, feedback."""
        question = self.presented.question
        if question.type is QuestionType.CLOZE:
            prompt = cloze_prompt(question.prompt.strip())
        else:
            prompt = Content(question.prompt.strip())
        yield Static(prompt, classes="prompt")
        record = self.answer_record
        if record is None:
            yield Static(self._instructions(), classes="instructions")
        elif record.hinted:
            yield self._hint()
        yield self.area
        if record is not None:
            yield FeedbackPanel(record, self.misconceptions(record))

    def misconceptions(self, record: AnswerRecord) -> list[Misconception]:
        """The misconceptions `record`'s answer revealed, as the bank defines them."""
        found = (self.lookup(mid) for mid in record.grade.misconceptions)
        return [m for m in found if m is not None]

    def _instructions(self) -> Content:
        text = Content(self.area.instructions)
        if self.hints and not self.query(".hint"):
            # In a text box `h` is a letter: F2 asks for the hint there.
            key = "F2" if isinstance(self.area, TypedAnswer | ClozeAnswer) else "h"
            text = Content.assemble(text, "  ", (f"Press {key} for a hint.", "italic"))
        return text

    def _hint(self) -> Static:
        hint = Static(Content.assemble(("Hint  ", "bold"), self.presented.question.hint))
        hint.add_class("hint")
        return hint

    async def show_hint(self) -> None:
        """Show the question's hint above the answer (once)."""
        if not self.query(".hint"):
            await self.mount(self._hint(), before=self.area)
            self._refresh_instructions()

    async def show_answer(self, record: AnswerRecord, cbm: str = "") -> FeedbackPanel:
        """The answer has just been graded: mark and lock the area, drop the instructions and
        mount the feedback (`cbm`: how sure the student was and what it earned)."""
        self.answer_record = record
        self.area.show_record(record)
        for instructions in self.query(".instructions"):
            instructions.display = False  # hidden: cheaper than removing, just as gone
        panel = FeedbackPanel(record, self.misconceptions(record), cbm)
        await self.mount(panel, after=self.area)
        return panel

    @on(AnswerArea.Instructed)
    def _instructed(self, event: AnswerArea.Instructed) -> None:
        event.stop()
        self._refresh_instructions()

    def _refresh_instructions(self) -> None:
        for static in self.query(".instructions").results(Static):
            static.update(self._instructions())
