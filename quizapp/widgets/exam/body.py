"""The middle of the exam screen: the question being sat and, when the exam marks by certainty,
the prompt asking how sure the student is of an answer before it is kept.

It holds the answer waiting for its rating, with what the screen means to do once it is saved,
and hands both back with the rating in a message; saving the answer and going on is the exam
screen's business.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual import on
from textual.containers import VerticalScroll
from textual.message import Message

from quizapp.core.model import Response
from quizapp.core.study import Presented
from quizapp.widgets.answers.area import SAVES, AnswerArea
from quizapp.widgets.answers.confidence import ConfidencePrompt
from quizapp.widgets.answers.question_view import QuestionView


class ExamBody(VerticalScroll):
    """One exam question, open to change, with Enter saving the answer and moving on."""

    @dataclass
    class Rated(Message):
        """The student said how sure they are (`level`, 1-3) of the pending `response`; `then`
        is what the screen asked to do once it is saved. The prompt stays until the screen
        closes it, so that nothing else happens in between."""

        response: Response
        level: int
        then: Callable[[], Awaitable[None]]

    class RatingCancelled(Message):
        """The student went back to the answer instead of rating it."""

    def __init__(self, *, id: str) -> None:
        """An empty body; `show` puts a question in it."""
        super().__init__(id=id)
        self.pending: Response | None = None
        """An answer waiting for its confidence, while the prompt is open; else None."""
        self._then: Callable[[], Awaitable[None]] | None = None

    @property
    def area(self) -> AnswerArea:
        """The answer widget of the question shown."""
        return self.query_one(AnswerArea)

    async def show(self, presented: Presented, initial: Response | None) -> None:
        """Show `presented`, with the answer stored for it (`initial`), ready to answer."""
        self.pending = None
        await self.remove_children()
        view = QuestionView(presented, None, lambda _: None, initial=initial, enter=SAVES)
        view.id = "exam-column"
        await self.mount(view)
        self.scroll_home(animate=False)
        view.area.focus_answer()

    async def ask_confidence(self, response: Response, then: Callable[[], Awaitable[None]]) -> None:
        """Ask how sure the student is of `response`, which waits (`pending`) for the answer;
        `then` comes back with it in the `Rated` message."""
        self.pending, self._then = response, then
        prompt = ConfidencePrompt(id="exam-confidence")
        await self.mount(prompt)
        prompt.focus()
        prompt.scroll_visible(animate=False)

    def close_prompt(self) -> None:
        """Forget the pending answer, remove the prompt and go back to answering (if asking)."""
        if self.pending is None:
            return
        self.pending = self._then = None
        for prompt in self.query(ConfidencePrompt):
            prompt.remove()
        self.area.focus_answer()

    @on(ConfidencePrompt.Chosen)
    def _chosen(self, event: ConfidencePrompt.Chosen) -> None:
        event.stop()
        if self.pending is not None and self._then is not None:
            self.post_message(self.Rated(self.pending, event.level, self._then))

    @on(ConfidencePrompt.Cancelled)
    def _cancelled(self, event: ConfidencePrompt.Cancelled) -> None:
        event.stop()
        self.close_prompt()
        self.post_message(self.RatingCancelled())
