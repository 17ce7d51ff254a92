"""Flashcards: any question studied as a card. The front is the question (a choice question's
choices hidden until `c`: recall first); Space turns it over to show the correct answer, the
explanation and the misconceptions its wrong answers carry; the student then grades their own
recall Again / Hard / Good / Easy (keys 1-4, as in Anki), each grade's button showing when the
card would come back. A card due again today (Again, or still learning) comes back later in the
session. `u` (or ctrl+z) takes back the last grade, `!` suspends the card and `-` buries it until
tomorrow. After the last card, the results; stopping early (q) shows the results so far.

The screen renders the `FlashcardSession`'s state and turns keys into calls on it; each grade is
saved to the progress store at once, through the app's recorder, and taken back from it on undo.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from quizapp.core.model import QuestionType, SelfGrade, match_rights
from quizapp.core.progress import Aside, SessionLog, StoreError
from quizapp.core.study import (
    CardBack,
    FlashcardSession,
    Outlook,
    Presented,
    SessionError,
    hides_choices,
)
from quizapp.messages import StudyEnded
from quizapp.widgets import Footer, MisconceptionPanel, cloze_prompt, stopped_early

#: The self-grades by key, as the footer and the buttons name them.
GRADES = {int(grade): grade.name.title() for grade in SelfGrade}


#: What each way of setting a card aside tells the student.
ASIDE_NOTES = {
    Aside.SUSPENDED: "Suspended: it will not come due until you restore it (progress screen, g).",
    Aside.BURIED: "Buried until tomorrow.",
}


def card_front(presented: Presented, *, choices_hidden: bool = False) -> Content:
    """The front of a card: the prompt and what it needs to make sense (choices, items, pairs);
    with `choices_hidden`, a line saying the choices wait instead of them."""
    question = presented.question
    prompt = question.prompt.strip()
    lines = [cloze_prompt(prompt) if question.type is QuestionType.CLOZE else Content(prompt)]
    if hides_choices(question.type) and choices_hidden:
        count = len(question.choices)
        lines.append(Content(""))
        lines.append(Content.styled(f"{count} choices hidden: recall first · c shows them", "dim"))
    elif hides_choices(question.type):
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


def grade_label(key: int, outlook: Outlook | None) -> str:
    """A grade button: `1 Again <10m` (with the wait the grade gives), or `1 Again`."""
    name = f"{key} {GRADES[key]}"
    return name if outlook is None else f"{name} {outlook.label(SelfGrade(key))}"


def progress_line(session: FlashcardSession) -> str:
    """`Card 3 of 5 · again · 1 coming back · Web`: where the session is."""
    line = f"Card {session.number} of {session.total}"
    if session.returning:
        line += " · again"
    if session.coming_back:
        line += f" · {session.coming_back} coming back"
    item = session.current_item
    return line if item is None else f"{line} · {item.topic}"


class FlashcardScreen(Screen[None]):
    """The cards of `session` one by one: Space turns a card, 1-4 grade it."""

    CSS_PATH = "flashcards.tcss"

    BINDINGS = [
        Binding("space", "flip", "Show answer"),
        Binding("enter", "flip", "Show answer", show=False),
        Binding("c", "choices", "Choices"),
        *(Binding(str(key), f"grade({key})", name) for key, name in GRADES.items()),
        Binding("u", "undo", "Undo"),
        Binding("ctrl+z", "undo", "Undo", show=False),
        # Hidden from the footer, which has no room left at 80 columns; the help lists them.
        Binding(
            "exclamation_mark",
            "set_aside('suspended')",
            "Suspend",
            key_display="!",
            show=False,
            tooltip="Suspend the card (restore it from the progress screen)",
        ),
        Binding(
            "minus",
            "set_aside('buried')",
            "Bury",
            key_display="-",
            show=False,
            tooltip="Bury the card until tomorrow",
        ),
        Binding("q,escape", "leave", "Stop here"),
    ]

    def __init__(
        self, session: FlashcardSession, *, log: SessionLog | None = None, title: str | None = None
    ) -> None:
        """A screen for `session`, starting at its current card; grades are saved to `log`;
        `title` names the session ("Review due") in its results."""
        super().__init__()
        self.session = session
        self.back: CardBack | None = None
        """The back of the current card, once turned."""
        self.progress_log = log
        """Where the grades are saved (None: progress is not kept)."""
        self.title_text = title

    def compose(self) -> ComposeResult:
        """Header line, the card (front, then back), the grade buttons, the footer."""
        session = self.session
        presented, item = session.current, session.current_item
        with HorizontalGroup(id="card-header"):
            yield Static(Content(progress_line(session)), id="card-progress")
            yield Static(Content(item.bank.title if item else ""), id="card-bank")
        with VerticalScroll(id="card-body"), Vertical(id="card-column"):
            if presented is not None:
                hidden = session.choices_hidden
                front = Static(card_front(presented, choices_hidden=hidden), id="card-front")
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
                outlook = session.outlook
                ask = "How well did you recall it?" if outlook is None else "Your recall:"
                yield Static(Content(ask), classes="card-ask")
                for key in GRADES:
                    yield self._button(grade_label(key, outlook), f"grade-{key}")
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
        """Turn the card first, then grade it; choices to show only while they are hidden."""
        session = self.session
        if action == "flip":
            return not session.finished and not session.flipped
        if action == "grade":
            return not session.finished and session.flipped
        if action == "choices":
            return session.choices_hidden
        if action == "set_aside":
            return not session.finished and self.progress_log is not None
        if action == "undo":
            return session.can_undo or None
        return True

    async def action_choices(self) -> None:
        """Show the current card's choices on its front."""
        self.session.show_choices()
        await self._show()

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
        await self._next()

    async def _next(self) -> None:
        """Show the session's current card, or, when none is left, end with the results."""
        self.back = None
        if self.session.finished:
            report = self.session.report() if self.session.records else None
            self.post_message(StudyEnded(self, report, self.title_text))
            return
        await self._show()

    async def action_undo(self) -> None:
        """Take back the last grade (in the store too) or the card last set aside."""
        session = self.session
        if not session.can_undo:
            return
        undone = session.undo()
        log = self.progress_log
        try:
            if log is not None and undone.record is not None:
                log.undo()
            elif log is not None:
                log.recorder.restore(undone.item.key)
        except StoreError as error:
            self.notify(str(error), title="Undo", severity="error", markup=False)
        grade = undone.record.response if undone.record is not None else None
        if isinstance(grade, SelfGrade):
            note = f"Took back your {GRADES[int(grade)]}: turn the card and grade it again."
        else:
            note = "The card is back: no longer set aside."
        self.notify(note, title="Undo", timeout=3)
        await self._next()

    async def action_set_aside(self, kind: str) -> None:
        """Suspend the current card, or bury it until tomorrow; the next card."""
        aside = Aside(kind)
        item = self.session.current_item
        if self.progress_log is None or item is None:
            return
        try:
            self.progress_log.recorder.set_aside(item.key, aside)
        except StoreError as error:
            self.notify(str(error), title="Progress", severity="error", markup=False)
            return
        self.session.set_aside()
        self.notify(ASIDE_NOTES[aside], title=aside.value.title(), timeout=4)
        await self._next()

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
        session = self.session
        if session.records:
            stopped_early(self, session.graded_cards, session.total, "card")
            self.post_message(StudyEnded(self, session.report(), self.title_text))
        else:
            self.post_message(StudyEnded(self, None))
