"""Moodle GIFT: import a `.gift` file as a quizapp bank, and export a bank as GIFT for Moodle.

Import reads Moodle's full syntax the way Moodle's own reader does (`read`, `answers`,
`text`): titles, `[html]`/`[markdown]`/`[plain]`/`[moodle]` texts (HTML becomes plain text,
Markdown is kept as written), `$CATEGORY:` as topics, `// [id:...] [tag:...]` comments, every
escape, weights, feedback, general feedback (the explanation), true/false, short answer,
numeric, matching and missing-word questions. Essay and description items have no place in
quizapp: they are reported, with what else could not be carried over, as notes with their line.

A missing word (`Grant is {~buried =entombed} in Grant's tomb.`) becomes a choice question
whose prompt shows `_____` where the block was; typed answers there make a cloze with one gap
named `blank`. Export (`carry`, `write`) writes what GIFT can hold and notes the rest.

A misconception travels in the feedback of the answer that carries it (`misconceptions`); the
bank's title, id and misconception ids in the leading comments the export writes (`header`),
which Moodle ignores and the importer reads back. Without that header the title is the first level
of the categories when every question shares it, else the file name, and the id is the file
name's (`identity`: never a bundled bank's id).
"""

from __future__ import annotations

import os
import re

from quizapp.core.formats.common import (
    ExportResult,
    FormatError,
    ImportResult,
    Note,
    decode_text,
)
from quizapp.core.formats.controls import drop_controls
from quizapp.core.formats.gift.header import read_header
from quizapp.core.formats.gift.read import read_gift
from quizapp.core.formats.gift.write import write_gift
from quizapp.core.formats.identity import identity
from quizapp.core.formats.misconceptions import Attacher
from quizapp.core.model import Bank, Question

NAME = "gift"
LABEL = "Moodle GIFT"
#: Moodle names its GIFT exports `.txt`; content sniffing tells them from Aiken and CSV files.
EXTENSIONS = (".gift", ".txt")

#: How much of a file sniffing looks at.
_SNIFF_BYTES = 64 * 1024
_MARK_RE = re.compile(r"^[ \t]*(?:::[^\n]*?::|\$CATEGORY:|//[^\n]*\[(?:id|tag):)", re.MULTILINE)
_BLOCK_RE = re.compile(r"\{\s*(?:[=~]|#\s*[-+.\d=]|(?:T|F|TRUE|FALSE)\s*[#}])", re.IGNORECASE)


def sniff(data: bytes) -> bool:
    """True when `data` looks like GIFT: a `::title::`, a `$CATEGORY:` or a GIFT answer block."""
    text = data[:_SNIFF_BYTES].decode("utf-8", errors="replace")
    if "\0" in text:
        return False
    return _MARK_RE.search(text) is not None or _BLOCK_RE.search(text) is not None


def import_bank(data: bytes, path: str) -> ImportResult:
    """The bank in the GIFT file `path` holding `data`; FormatError when it holds no question."""
    text, notes = drop_controls(decode_text(data))
    header = read_header(text)
    questions, read_notes = read_gift(text)
    notes += read_notes
    notes.sort(key=lambda note: note.line)
    if not questions:
        raise FormatError(_nothing(notes), notes=tuple(notes))
    attacher = Attacher(header.misconceptions)
    questions = [attacher.question(q) for q in questions]
    title = header.title or _common_category(questions)
    bank_id, bank_title, named = identity(path, title or _stem(path), header.bank_id)
    bank = Bank(
        id=bank_id,
        title=bank_title,
        questions=tuple(questions),
        misconceptions=attacher.misconceptions,
    )
    return ImportResult(bank, tuple(named + notes))


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0].strip() or "GIFT questions"


def _common_category(questions: list[Question]) -> str:
    """The first level of every question's category, when they all share one ('' otherwise)."""
    tops = {q.topic.split(" / ", 1)[0] for q in questions}
    return tops.pop() if len(tops) == 1 else ""


def export_bank(bank: Bank) -> ExportResult:
    """`bank` as GIFT text (UTF-8), and what GIFT could not hold."""
    text, notes, written = write_gift(bank)
    return ExportResult(text.encode("utf-8"), tuple(notes), written)


def _nothing(notes: list[Note]) -> str:
    if not notes:
        return "no GIFT question in this file"
    left = "it was" if len(notes) == 1 else f"all {len(notes)} items were"
    return f"no question quizapp can use: {left} left out (listed above)"
