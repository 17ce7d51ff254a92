"""Where a session is: its items, the current one, and each question as presented.

Practice, flashcards and the mock exam all walk a fixed list of items. `Cursor` is what they
share: how many there are, which is current, whether the walk is over, and the `Presented` form of
each question (choices shuffled). Questions are presented lazily but strictly in order, from one
seeded `random.Random`, so a session's shuffles never depend on how fast or in which order the
student moves: the same seed gives the same session.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from quizapp.core.study.items import StudyItem
from quizapp.core.study.presenting import Presented, present

__all__ = ["Cursor"]


class Cursor:
    """A position over `items` (0 to `total`; `total` means finished)."""

    def __init__(
        self, items: Sequence[StudyItem], rng: random.Random, shuffle_choices: bool = True
    ) -> None:
        """Items in the order they are studied; `rng` shuffles the choices as each is presented."""
        self.items: tuple[StudyItem, ...] = tuple(items)
        self._rng = rng
        self._shuffle_choices = shuffle_choices
        self._presented: list[Presented] = []
        self._position = 0

    @property
    def total(self) -> int:
        """How many items the session holds."""
        return len(self.items)

    @property
    def position(self) -> int:
        """0-based index of the current item (`total` once finished)."""
        return self._position

    @property
    def finished(self) -> bool:
        """True once the position is past the last item (at once when there are none)."""
        return self._position >= len(self.items)

    @property
    def current_item(self) -> StudyItem | None:
        """The current question with its bank, or None when finished."""
        return None if self.finished else self.items[self._position]

    @property
    def current(self) -> Presented | None:
        """The current question as shown, or None when finished."""
        return None if self.finished else self.presented(self._position)

    def presented(self, index: int) -> Presented:
        """Question `index` as shown (presenting every question before it first, in order)."""
        while len(self._presented) <= index:
            question = self.items[len(self._presented)].question
            self._presented.append(present(question, self._rng, self._shuffle_choices))
        return self._presented[index]

    def move_to(self, index: int) -> None:
        """Make `index` (0 to `total`) the current position."""
        self._position = index
