"""What every format module shares: the results of importing and exporting, the error that
refuses a file, and how a file's name becomes a bank's id and title."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

from quizapp.core.model import Bank
from quizapp.core.visible import CONTROLS


@dataclass(frozen=True, slots=True)
class Note:
    """Something not carried over (on import) or skipped (on export)."""

    line: int
    """1-based line in the source file, 0 when there is none."""
    message: str


@dataclass(frozen=True, slots=True)
class MediaFile:
    """A file a foreign file carried inside it (an image of a Moodle XML question)."""

    name: str
    """A plain file name, safe to write in a folder of the user's choice (no path in it)."""
    data: bytes
    line: int
    """Where the file was found in the source (0 when unknown)."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A bank read from a foreign file, and what could not be carried over."""

    bank: Bank
    notes: tuple[Note, ...]
    media: tuple[MediaFile, ...] = ()
    """Files the source embeds, for the command line to save with `--media DIR`."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A bank written in a foreign format, and what it had to leave out."""

    data: bytes
    notes: tuple[Note, ...]
    written: int
    """How many of the bank's questions are in `data` (the others were skipped, with a note)."""


class FormatError(ValueError):
    """The file cannot be imported at all: not UTF-8, not this format, a corrupt archive.

    `notes`, when given, are the problems that left nothing to import (each bad question).
    """

    def __init__(self, message: str, line: int = 0, notes: tuple[Note, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.notes = notes


def decode_text(data: bytes) -> str:
    """`data` as text: UTF-8 (a byte-order mark is dropped), line endings made `\\n`.

    Raises FormatError naming the line of the first byte that is not UTF-8 (the caller names the
    file: FormatError messages never include the path).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = (
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}); "
            "save it as UTF-8 and import it again"
        )
        raise FormatError(message, line) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bank_id_for(path: str) -> str:
    """A valid bank id made from the file name's stem (`Week 3 Quiz.gift` -> `week-3-quiz`)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return slugify(stem) or "bank"


def title_for(path: str) -> str:
    """A bank title made from the file name's stem (`week_3-quiz.txt` -> `Week 3 quiz`); a
    control character in the name is dropped (a bank may not hold one)."""
    stem = CONTROLS.sub("", os.path.splitext(os.path.basename(path))[0])
    words = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else "Imported questions"


def slugify(text: str) -> str:
    """Only lower-case letters, digits, '-', '_' and '.' (accents dropped); '' when none left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9_.]+", "-", ascii_text.lower())
    return slug.strip("-.")[:60].strip("-.")


class IdMaker:
    """Hands out unique question ids: slugs of titles when there are some, else q1, q2..."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._count = 0

    def make(self, title: str = "") -> str:
        """A fresh id made from `title` (or `q<n>`), suffixed `-2`, `-3`... when already taken."""
        self._count += 1
        base = slugify(title) or f"q{self._count}"
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        return candidate
