"""Import and export of foreign question formats: Moodle GIFT, Aiken, CSV/TSV and Anki packages.

Each format lives in its own module of this package (`gift`, `aiken`, `csv`, `apkg`) and defines:

- `NAME` (the name given to `--from`/`--to`), `EXTENSIONS` (lower-case, with the dot),
  `sniff(data) -> bool` (the content looks like it) and, optionally, `LABEL` (a human name such
  as "Moodle GIFT", shown by the command line);
- `import_bank(data, path) -> ImportResult`, raising `FormatError` only when nothing can be
  imported at all (not UTF-8, not this format, a corrupt archive);
- `export_bank(bank) -> ExportResult`, counting the questions it wrote.

What a format cannot carry over is never dropped silently: it comes back as a `Note` with the line
it was found on, for the command line to print as `file:line: message`. Neither notes nor
`FormatError` messages name the file: the caller does.

The modules are imported lazily by name, so a format whose module is missing or broken does not
stop the others from working: `format_named` reports it as a `FormatError`.
"""

from __future__ import annotations

import importlib
import os
import re
import unicodedata
from dataclasses import dataclass
from types import ModuleType

from quizapp.core.model import Bank

#: Every format, in the order `detect_format` sniffs content (most distinctive first).
FORMAT_NAMES = ("gift", "aiken", "csv", "apkg")
_SNIFF_ORDER = ("apkg", "aiken", "csv", "gift")


@dataclass(frozen=True, slots=True)
class Note:
    """Something not carried over (on import) or skipped (on export)."""

    line: int
    """1-based line in the source file, 0 when there is none."""
    message: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A bank read from a foreign file, and what could not be carried over."""

    bank: Bank
    notes: tuple[Note, ...]


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


def format_named(name: str) -> ModuleType:
    """The module of the format called `name`; FormatError when there is no such format."""
    if name not in FORMAT_NAMES:
        raise FormatError(f"unknown format '{name}' (known: {', '.join(FORMAT_NAMES)})")
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ImportError as exc:
        # A format still being written, or one whose optional library is not installed.
        raise FormatError(f"the {name} format is not available in this install ({exc})") from exc


def detect_format(path: str, data: bytes) -> str | None:
    """The name of the format of the file at `path` holding `data`, or None when unknown.

    The extension decides when exactly one available format claims it; otherwise (`.txt` is
    claimed by both GIFT and Aiken) the content is sniffed among the formats that claim it, then
    among all of them.
    """
    extension = os.path.splitext(path)[1].lower()
    modules = _available()
    claiming = [name for name, module in modules.items() if extension in module.EXTENSIONS]
    if len(claiming) == 1:
        return claiming[0]
    for candidates in (claiming, list(modules)):
        ordered = [name for name in _SNIFF_ORDER if name in candidates]
        for name in ordered:
            if modules[name].sniff(data):
                return name
    return None


def _available() -> dict[str, ModuleType]:
    """The format modules that import, by name (a missing one is simply not offered)."""
    found: dict[str, ModuleType] = {}
    for name in FORMAT_NAMES:
        try:
            found[name] = format_named(name)
        except FormatError:
            continue
    return found


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
    """A bank title made from the file name's stem (`week_3-quiz.txt` -> `Week 3 quiz`)."""
    stem = os.path.splitext(os.path.basename(path))[0]
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
