"""CSV and TSV: term/definition files (Quizlet style) and Anki's "Notes in Plain Text" exports.

Each row is a note: its first field the front of a flashcard, its second the back (a front with
Anki cloze deletions becomes a cloze question). A plain file is two columns separated by tabs,
commas, semicolons or pipes (found by which one splits every row alike), with an optional
header row such as `front,back` or `term,definition` (a `tags` or `topic` column is used too).
Anki's exports start with header lines, all understood:

    #separator:tab          tab, comma, semicolon, pipe, space, colon, or the character itself
    #html:true              fields are HTML: turned into plain text
    #columns:Front	Back	Tags
    #deck column:3          the deck becomes the topic (`Bio::Cells` -> `Bio / Cells`)
    #tags column:4          tags are kept (as slugs); `#tags:a b` adds tags to every note
    #notetype column:1      #guid column:2 (the guid becomes the question id)

Fields follow CSV quoting (`""` inside quotes, fields spanning lines). Rows that cannot become a
question are reported with their line. The exporter writes `front,back` rows with a header: a
choice question's front is its prompt and choices, its back the correct answer.
"""

from __future__ import annotations

import csv as _csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quizapp.core.bank import GAP_RE
from quizapp.core.formats.ankinote import note_question, plain_fields
from quizapp.core.formats.common import (
    ExportResult,
    FormatError,
    IdMaker,
    ImportResult,
    Note,
    decode_text,
    slugify,
)
from quizapp.core.formats.controls import drop_controls
from quizapp.core.formats.identity import identity
from quizapp.core.model import Bank, Choice, NumericAnswer, Question, QuestionType, TextAnswer
from quizapp.core.study import correct_answer_text

NAME = "csv"
LABEL = "CSV/TSV"
#: `.txt` is what Anki names its text exports (shared with GIFT and Aiken: the content decides).
EXTENSIONS = (".csv", ".tsv", ".tab", ".txt")

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
    "space": " ",
    "colon": ":",
}
_CANDIDATES = ("\t", ",", ";", "|")
_HEADER = re.compile(r"^#([a-z ]+):(.*)$", re.IGNORECASE)
_FRONT_NAMES = frozenset({"front", "term", "question", "word", "prompt", "text"})
_BACK_NAMES = frozenset({"back", "definition", "answer", "meaning", "back extra"})
_SAMPLE_ROWS = 50


@dataclass
class _Layout:
    """How the rows of a file are laid out."""

    separator: str = ""
    html: bool | None = None
    """None: convert a field when it looks like HTML."""
    columns: list[str] = field(default_factory=list)
    special: dict[str, int] = field(default_factory=dict)
    """0-based index of the `deck`, `tags`, `notetype` and `guid` columns."""
    tags: tuple[str, ...] = ()
    deck: str = ""
    anki: bool = False


def sniff(data: bytes) -> bool:
    """True for Anki's text export headers, or rows that split alike on tabs or commas."""
    text = data[:65536].decode("utf-8", "ignore")
    if re.match(r"\A(?:\ufeff)?#(separator|html|columns|notetype|deck|tags)\b", text, re.I):
        return True
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if len(lines) < 2 or any("{" in line or "::" in line for line in lines):
        return all("\t" in line for line in lines) and len(lines) >= 2
    return _best_separator("\n".join(lines)) != ""


def import_bank(data: bytes, path: str) -> ImportResult:
    """Read a CSV/TSV or Anki text file into a bank of flashcards (and cloze questions)."""
    text, notes = drop_controls(decode_text(data))
    lines = text.split("\n")
    layout, first = _read_headers(lines)
    body = "\n".join(lines[first:])
    if not layout.separator:
        extension = os.path.splitext(path)[1].lower()
        layout.separator = "\t" if extension in (".tsv", ".tab") else _best_separator(body)
        if not layout.separator:
            raise FormatError("no row has two columns (a front and a back)", first + 1)
    questions: list[Question] = []
    ids = IdMaker()
    extra_line = 0
    width = len(layout.columns) or 0
    rows = _rows(body, layout.separator, first)
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if not layout.anki and not layout.columns and _is_header(row):
            layout.columns = [cell.strip().lower() for cell in row]
            layout.special = _named_specials(layout.columns)
            width = len(row)
            continue
        width = width or len(row)
        if layout.anki and len(row) < width:
            row += [""] * (width - len(row))  # Anki leaves trailing empty fields out
        if len(row) != width and not (layout.anki and not layout.columns):
            notes.append(Note(line, f"row skipped: {len(row)} fields where {width} were expected"))
            continue
        question, reason, media, extra = _question(row, layout, ids, line)
        if extra and not extra_line:
            extra_line = line
        if question is None:
            notes.append(Note(line, f"row skipped: {reason}"))
            continue
        notes += [Note(line, f"media file '{name}' not imported") for name in media]
        questions.append(question)
    if extra_line:
        notes.append(Note(extra_line, "fields after the second were not imported (front/back)"))
    if not questions:
        raise FormatError("no flashcard could be read", first + 1, tuple(notes))
    # Anki's `#deck:` header names the deck every note goes to: the bank's title.
    bank_id, title, named = identity(path, " / ".join(_levels(layout.deck)))
    bank = Bank(id=bank_id, title=title, questions=tuple(questions))
    return ImportResult(bank, tuple(named + notes))


def _levels(deck: str) -> list[str]:
    return [level.strip() for level in deck.split("::") if level.strip()]


def _read_headers(lines: list[str]) -> tuple[_Layout, int]:
    """Anki's `#key:value` header lines at the top; the layout and the first line after them."""
    layout = _Layout()
    specials: dict[str, str] = {}
    index = 0
    while index < len(lines) and (match := _HEADER.match(lines[index])):
        index += 1
        layout.anki = True
        key, value = match.group(1).strip().lower(), match.group(2).strip()
        if key == "separator":
            layout.separator = _SEPARATORS.get(value.lower(), value[:1])
        elif key == "html":
            layout.html = value.lower() == "true"
        elif key == "tags":
            layout.tags = tuple(value.split())
        elif key == "deck":
            layout.deck = value
        elif key == "columns":
            specials["columns"] = value
        elif key.endswith(" column") and value.isdigit() and int(value) > 0:
            layout.special[key.removesuffix(" column")] = int(value) - 1
    if "columns" in specials:
        separator = layout.separator or _best_separator(specials["columns"]) or "\t"
        layout.separator = layout.separator or separator
        layout.columns = next(_csv.reader([specials["columns"]], delimiter=separator))
    return layout, index


def _named_specials(columns: list[str]) -> dict[str, int]:
    names = {"tags": "tags", "topic": "deck", "deck": "deck", "category": "deck"}
    return {names[name]: i for i, name in enumerate(columns) if name in names}


def _is_header(row: list[str]) -> bool:
    cells = [cell.strip().lower() for cell in row]
    return len(cells) >= 2 and cells[0] in _FRONT_NAMES and cells[1] in _BACK_NAMES


def _rows(body: str, separator: str, offset: int) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the 1-based line it starts on."""
    reader = _csv.reader(io.StringIO(body), delimiter=separator, strict=False)
    start = 1
    for row in reader:
        yield offset + start, row
        start = reader.line_num + 1


def _question(
    row: list[str], layout: _Layout, ids: IdMaker, line: int
) -> tuple[Question | None, str, tuple[str, ...], bool]:
    """(question or None, why None, media left out, whether fields beyond the back were lost)."""
    special = layout.special
    fields = [cell for i, cell in enumerate(row) if i not in special.values()]

    def cell(name: str) -> str:
        index = special.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    text = plain_fields(fields, layout.html)
    # As the .apkg importer does: deck levels joined by " / ", tags made slugs (`Geo::EU`).
    tags = tuple(dict.fromkeys(filter(None, map(slugify, (*layout.tags, *cell("tags").split())))))
    topic = " / ".join(level.strip() for level in (cell("deck") or layout.deck).split("::"))
    qid = ids.make(cell("guid"))
    question, reason = note_question(qid, text.fields, topic=topic, tags=tags, line=line)
    extra = any(value.strip() for value in text.fields[2:])
    return question, reason, text.media, extra


def _best_separator(sample: str) -> str:
    """The candidate that splits the most rows into the same number (at least 2) of fields."""
    best, best_score = "", 0.0
    for separator in _CANDIDATES:
        reader = _csv.reader(io.StringIO(sample), delimiter=separator, strict=False)
        counts = [len(row) for _, row in zip(range(_SAMPLE_ROWS), reader, strict=False) if row]
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) if common >= 2 else 0.0
        if score > best_score:
            best, best_score = separator, score
    return best


def export_bank(bank: Bank) -> ExportResult:
    """`front,back` rows with a header: every question as a flashcard, the answer on the back."""
    buffer = io.StringIO()
    writer = _csv.writer(buffer, lineterminator="\n")
    writer.writerow(["front", "back"])
    lost = 0
    for question in bank.questions:
        writer.writerow([_front(question), _back(question)])
        lost += bool(question.topic or question.tags or question.hint or _feedback(question))
    notes: list[Note] = []
    if lost:
        message = "CSV holds a front and a back: topics, tags, hints, feedback and misconceptions"
        notes.append(Note(0, f"{message} of {lost} questions were left out"))
    return ExportResult(buffer.getvalue().encode("utf-8"), tuple(notes), len(bank.questions))


def _front(question: Question) -> str:
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        lines = [f"{_label(i)}. {c.text}" for i, c in enumerate(question.choices)]
        return "\n".join([question.prompt, *lines])
    if question.type is QuestionType.CLOZE:
        return GAP_RE.sub("[...]", question.prompt)
    if question.type is QuestionType.ORDER:
        return "\n".join([question.prompt, *(f"- {item}" for item in sorted(question.items))])
    if question.type is QuestionType.MATCH:
        return "\n".join([question.prompt, *(f"- {pair.left}" for pair in question.pairs)])
    return question.prompt


def _label(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index] if index < 26 else str(index + 1)


def _back(question: Question) -> str:
    answer = question.back if question.type is QuestionType.FLASHCARD else None
    answer = answer if answer is not None else correct_answer_text(question)
    return f"{answer}\n\n{question.explanation}" if question.explanation else answer


def _feedback(question: Question) -> bool:
    options: list[Choice | TextAnswer | NumericAnswer] = [*question.choices, *question.answers]
    options += question.numeric
    return any(option.feedback or option.misconception for option in options)
