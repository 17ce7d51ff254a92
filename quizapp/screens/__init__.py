"""The app's screens, one per module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.screens.help import SKIPPED_ACTIONS, HelpScreen
    from quizapp.screens.home import HomeScreen

__all__ = [
    "HelpScreen",
    "HomeScreen",
    "SKIPPED_ACTIONS",
]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "HelpScreen": "help",
        "HomeScreen": "home",
        "SKIPPED_ACTIONS": "help",
    },
)
