"""The light types that loading produces: problems, load results, and the limits and version.

Kept apart from the loader so that what only needs to *name* a problem or a result (the bank cache
answering from its summaries, the home screen) does not pay for importing YAML and the validator on
the start-up path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.core.model import Bank

#: Bumped whenever the meaning or shape of the model changes; part of the bank cache key.
FORMAT_VERSION = 6

#: The largest bank file quizapp reads (64 MiB); bigger ones are refused with a message.
MAX_BANK_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a bank file; `line`/`column` are 1-based, 0 when unknown."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line == 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The outcome of loading one bank: the bank, or (with `bank` None) its problems."""

    path: str
    bank: Bank | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when the bank loaded without problems."""
        return self.bank is not None and not self.problems
