"""What a screen tells the app when it is done, or wants another screen.

Navigation has one owner: the app (`quizapp.flow.StudyFlow`). A screen never builds or pushes
another screen; it posts one of these messages, which bubble up to the app, and the app decides
what comes next. So no screen module imports another, and the whole flow reads in one place.
Screens that return a value to whoever pushed them (the set-up, the review, dialogs) `dismiss`
with it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from quizapp.core.model import Bank
    from quizapp.core.study import FlashcardSession, PracticeSession, SessionReport


@dataclass
class OpenSetup(Message):
    """Set up a session on `banks` (studied together)."""

    banks: Sequence[Bank]
    due: frozenset[tuple[str, str]] | None = None
    """The cards due now on them, by (bank id, question id); None when the store is not open."""


@dataclass
class StartPractice(Message):
    """Start a session made elsewhere: "Review due" (as questions, or as flashcards) or "Target
    my misconceptions".

    `mode` is saved with each answer; `title` names the session in the header and results.
    """

    session: PracticeSession | FlashcardSession
    mode: str
    title: str


@dataclass
class OpenProgress(Message):
    """Show progress on the good banks at `paths` (called `titles`), starting at `start`."""

    paths: Sequence[Path]
    titles: Sequence[str]
    start: int
    read: Callable[[Path], Bank | None]
    """Reads a whole bank (for the words of its misconceptions)."""


@dataclass
class OpenInstructor(Message):
    """Show the item analysis of the answers saved here, with the banks at `paths`."""

    paths: Sequence[Path]


@dataclass
class StudyEnded(Message):
    """The study screen `ended` is done: show `report` in its place, or with None go back to
    where it started."""

    ended: Screen[Any]
    report: SessionReport | None
    kind: str | None = None
    """What the results call the session ("Review due"), instead of its mode."""


@dataclass
class RetryMistakes(Message):
    """Practise the wrong and partly right questions of `report`."""

    report: SessionReport


@dataclass
class ReviewQuestion(Message):
    """Review question `index` of `report`; `reviewed` is told the index shown last."""

    report: SessionReport
    index: int
    reviewed: Callable[[int | None], None]


class GoHome(Message):
    """Back to the list of banks, whatever is on the way."""


@runtime_checkable
class ConfirmsQuit(Protocol):
    """A screen whose work would be lost by quitting (an exam under way) asks first."""

    def confirm_quit(self) -> None:
        """Ask the student, and quit if they agree."""
