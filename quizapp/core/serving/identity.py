"""Who a student is in a class session: the identifier typed on the sign-in screen, and the name
of the results file it gives.

The identifier is data from the browser, so it is checked before it is used for anything: 1 to
64 characters, ASCII letters and digits, spaces, `-`, `_` and `.`, starting with a letter or a
digit (so never `.`, `..` or a hidden file). It is never used as a path as typed: the file name is
the identifier in lower case with each run of spaces made one `-` (so "Ann Lee", "ann lee" and
"ann-lee" are one student), and `results_path` checks that the file is inside the results folder.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = [
    "IDENTIFIER_MAX",
    "IdentifierError",
    "check_identifier",
    "results_file_name",
    "results_path",
]

#: The longest identifier accepted, in characters.
IDENTIFIER_MAX = 64

_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.")
_SPACES = re.compile(" +")


class IdentifierError(ValueError):
    """An identifier that cannot be used; the message says why, for the student."""


def _shown(character: str) -> str:
    """`character` as the student can read it: control and other invisible ones escaped."""
    if character.isprintable() and not character.isspace():
        return character
    return repr(character)[1:-1] if character != " " else "space"


def check_identifier(text: str) -> str:
    """The identifier in `text`, without the spaces around it; raises `IdentifierError`."""
    name = text.strip()
    if not name:
        raise IdentifierError("type your name or student number")
    if len(name) > IDENTIFIER_MAX:
        raise IdentifierError(f"use at most {IDENTIFIER_MAX} characters (this is {len(name)})")
    bad = sorted(set(name) - _ALLOWED)
    if bad:
        listed = " ".join(_shown(character) for character in bad[:5])
        raise IdentifierError(f"use letters, digits, spaces, '-', '_' and '.' only (not {listed})")
    if not name[0].isalnum():
        raise IdentifierError("start with a letter or a digit")
    return name


def results_file_name(identifier: str) -> str:
    """The results file of `identifier` (checked first): `ann-lee.jsonl` for "Ann  Lee"."""
    return _SPACES.sub("-", check_identifier(identifier).lower()) + ".jsonl"


def results_path(folder: Path, identifier: str) -> Path:
    """Where the answers of `identifier` are written in `folder`.

    Raises `IdentifierError` for a bad identifier and ValueError when the file would not be
    directly inside `folder` (the file is a link to somewhere else, say).
    """
    home = folder.resolve()
    path = home / results_file_name(identifier)
    if path.resolve().parent != home:
        raise ValueError(f"{path} is not inside {home}")
    return path
