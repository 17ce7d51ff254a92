"""quizapp.served: the app each student of a class session gets in their browser tab.

`python -m quizapp.served CONFIG [--joined]` runs it; the class server (`quizapp.server`) starts
one such process per tab, with the settings it wrote to CONFIG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.served.app import ALLOWED_COMMANDS, CodeCheck, ServedApp
    from quizapp.served.driver import JoinAnswered, ServedDriver

__all__ = ["ALLOWED_COMMANDS", "CodeCheck", "JoinAnswered", "ServedApp", "ServedDriver"]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "ALLOWED_COMMANDS": "app",
        "CodeCheck": "app",
        "JoinAnswered": "driver",
        "ServedApp": "app",
        "ServedDriver": "driver",
    },
)
