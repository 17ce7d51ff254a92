"""quizapp.core.lint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.core.lint.linter import lint_bank

__all__ = [
    "lint_bank",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "lint_bank": "linter",
    },
)
