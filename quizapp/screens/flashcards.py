"""Flashcards: any question studied as a card. The front is the question; Space turns it over to
show the correct answer, the explanation and the misconceptions its wrong answers carry; the
student then grades their own recall Again / Hard / Good / Easy (keys 1-4, as in Anki). After the
last card, the results; stopping early (q) shows the results of the cards graded so far.

The screen renders the `FlashcardSession`'s state and turns keys into `flip` and `grade` calls;
each grade is saved to the progress store at once, through the app's recorder.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from quizapp.core.model import QuestionType, SelfGrade, match_rights
from quizapp.core.progress import SessionLog
from quizapp.core.study import CardBack, FlashcardSession, Presented, SessionError
from quizapp.messages import StudyEnded
from quizapp.widgets import MisconceptionPanel, cloze_prompt, stopped_early

#: The self-grades by key, as the footer and the buttons name them.
GRADES = {int(grade): grade.name.title() for grade in SelfGrade}


def card_front(presented: Presented) -> Content:
    """The front of a card: the prompt and what it needs to make sense (choices, items, pairs)."""
    question = presented.question
    prompt = question.prompt.strip()
    lines = [cloze_prompt(prompt) if question.type is QuestionType.CLOZE else Content(prompt)]
    if question.type.has_choices and question.type is not QuestionType.TRUE_FALSE:
        lines.append(Content(""))
        lines += [Content(f"• {question.choices[i].text}") for i in presented.choice_order]
    elif question.type is QuestionType.ORDER:
        lines.append(Content(""))
        lines += [Content(f"• {question.items[i]}") for i in presented.item_order]
    elif question.type is QuestionType.MATCH:
        rights = match_rights(question)
        lines.append(Content(""))
        lines += [Content(f"• {pair.left}") for pair in question.pairs]
        lines.append(Content("with: " + ", ".join(rights[i] for i in presented.right_order)))
    return Content("\n").join(lines)


class FlashcardScreen(Screen[None]):
    """The cards of `session` one by one: Space turns a card, 1-4 grade it."""

    CSS_PATH = "flashcards.tcss"

    BINDINGS = [
        Binding("space", "flip", "Show answer"),
        Binding("enter", "flip", "Show answer", show=False),
        *(Binding(str(key), f"grade({key})", name) for key, name in GRADES.items()),
        Binding("q,escape", "leave", "Stop here"),
    ]

    def __init__(self, session: FlashcardSession, *, log: SessionLog | None = None) -> None:
        """A screen for `session`, starting at its current card; grades are saved to `log`."""
        super().__init__()
        self.session = session
        self.back: CardBack | None = None
        """The back of the current card, once turned."""
        self.progress_log = log
        """Where the grades are saved (None: progress is not kept)."""

    def compose(self) -> ComposeResult:
        """Header line, the card (front, then back), the grade buttons, the footer."""
        session = self.session
        presented, item = session.current, session.current_item
        with HorizontalGroup(id="card-header"):
            progress = f"Card {session.position + 1} of {session.total}"
            if item is not None:
                progress += f" · {item.topic}"
            yield Static(Content(progress), id="card-progress")
            yield Static(Content(item.bank.title if item else ""), id="card-bank")
        with VerticalScroll(id="card-body"), Vertical(id="card-column"):
            if presented is not None:
                front = Static(card_front(presented), id="card-front")
                front.border_title = "Question"
                yield front
            if self.back is not None:
                yield from self._back(self.back)
        # Outside the scrolling card, so the next step is always in sight.
        with HorizontalGroup(id="card-actions"):
            if self.back is None:
                yield Static(Content("Recall the answer, then"), classes="card-ask")
                yield self._button("Space  Show the answer", "flip")
            else:
                yield Static(Content("How well did you recall it?"), classes="card-ask")
                for key, name in GRADES.items():
                    yield self._button(f"{key} {name}", f"grade-{key}")
        yield Footer()

    @staticmethod
    def _button(label: str, name: str) -> Button:
        button = Button(label, id=f"card-{name}", compact=True)
        button.can_focus = False  # the keys work from anywhere; the buttons are for the mouse
        return button

    def _back(self, back: CardBack) -> ComposeResult:
        answer = Static(Content(back.answer or "—"), id="card-answer")
        answer.border_title = "Answer"
        yield answer
        if back.explanation:
            explanation = Static(Content(back.explanation), id="card-explanation")
            explanation.border_title = "Explanation"
            yield explanation
        if back.misconceptions:
            yield Static(Content("Misconceptions its wrong answers carry"), id="card-wrong-ideas")
            for misconception in back.misconceptions:
                yield MisconceptionPanel(misconception)

    def on_mount(self) -> None:
        """The card scrolls with the arrow keys."""
        self.query_one("#card-body").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Turn the card first, then grade it."""
        if action == "flip":
            return not self.session.finished and not self.session.flipped
        if action == "grade":
            return not self.session.finished and self.session.flipped
        return True

    async def action_flip(self) -> None:
        """Turn the current card over."""
        self.back = self.session.flip()
        await self._show()

    async def action_grade(self, key: int) -> None:
        """Grade the recall of the current card; then the next card, or the results."""
        try:
            record = self.session.grade(SelfGrade(key))
        except SessionError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if self.progress_log is not None:
            self.progress_log.record(record)
        self.back = None
        if self.session.finished:
            self.post_message(StudyEnded(self, self.session.report()))
            return
        await self._show()

    async def _show(self) -> None:
        await self.recompose()
        self.refresh_bindings()
        self.query_one("#card-body").focus()

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = (event.button.id or "").removeprefix("card-")
        if name == "flip":
            await self.run_action("flip")
        elif name.startswith("grade-"):
            await self.run_action(f"grade({name.removeprefix('grade-')})")

    def action_leave(self) -> None:
        """Stop early: the results of the cards graded so far (none: back to the list of banks).

        Grading a card is work the student expects to count, as in Anki; nothing is lost by
        stopping, and Escape on the results goes home.
        """
        if self.session.records:
            stopped_early(self, len(self.session.records), self.session.total, "card")
            self.post_message(StudyEnded(self, self.session.report()))
        else:
            self.post_message(StudyEnded(self, None))
