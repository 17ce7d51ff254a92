"""quizapp.server: the class server of `quizapp serve` (aiohttp, through textual-serve).

`serve_class` runs a class session: one app process (`quizapp.served`) per browser tab, behind
the join code and the limit on tabs (`server`), with the instructor's live table (`board`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.faces import lazy_names

if TYPE_CHECKING:
    from quizapp.server.run import serve_class
    from quizapp.server.server import ClassServer

__all__ = ["ClassServer", "serve_class"]

#: Where each name of this face is defined, imported on first use (so a face costs nothing).
__getattr__ = lazy_names(
    __name__,
    {
        "ClassServer": "server",
        "serve_class": "run",
    },
)
