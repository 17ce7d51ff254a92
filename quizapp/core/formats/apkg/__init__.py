"""Anki packages: `.apkg` decks and `.colpkg` collections in, `.apkg` decks out.

Import (both package generations, see `read`): every note becomes a question through the same
rules as Anki's text exports (`ankinote`): a flashcard with the first field as the front and the
second as the back, or, for a cloze note, a cloze question with one gap per `{{cN::...}}`
(`c1` used twice becomes gaps `c1` and `c1_2`: a quizapp gap name appears once in a prompt).
Fields are HTML and become plain text. The deck of a note's first card becomes its topic, levels
joined by " / "; when every note sits under one top deck, that deck names the bank and the
levels below it make the topics. Tags are kept, made valid (`Geo::Europe` -> `geo-europe`).

What is not carried over is reported, never dropped silently: media (once, with a count, and per
note with the note id), fields after the second, extra card templates, notes that cannot become
questions. Packages carry no line numbers, so notes name the Anki note id instead.

Export is in `write` (through `genanki`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from quizapp.core.formats.ankinote import CLOZE, note_question, plain_fields
from quizapp.core.formats.apkg.read import Collection, NoteType, RawNote, read_package
from quizapp.core.formats.common import (
    ExportResult,
    FormatError,
    IdMaker,
    ImportResult,
    Note,
    slugify,
)
from quizapp.core.formats.controls import dropped, message
from quizapp.core.formats.identity import identity
from quizapp.core.model import Bank, Question

NAME = "apkg"
LABEL = "Anki package"
EXTENSIONS = (".apkg", ".colpkg")
_ZIP = b"PK\x03\x04"
_UNKNOWN = NoteType("", False, (), 1)
#: The deck every Anki collection has; it names no subject.
_DEFAULT_DECK = "Default"


def sniff(data: bytes) -> bool:
    """True for a zip archive that names an Anki collection file."""
    return data.startswith(_ZIP) and b"collection.anki2" in data


def import_bank(data: bytes, path: str) -> ImportResult:
    """The bank made of the notes in the Anki package `data` (read from `path`)."""
    collection = read_package(data)
    if not collection.notes:
        raise FormatError(f"the package holds no notes ({collection.member} is empty)")
    root = _common_root(collection.notes)
    title = dropped(root)[0] or _title_from(path)
    ids = IdMaker()
    questions: list[Question] = []
    notes: list[Note] = []
    extra_fields: Counter[int] = Counter()
    for raw in collection.notes:
        notetype = collection.notetypes.get(raw.notetype, _UNKNOWN)
        question, problems = _question(raw, notetype, ids, root)
        notes += problems
        if question is not None:
            questions.append(question)
        if any(value.strip() for value in raw.fields[2:]):
            extra_fields[raw.notetype] += 1
    notes += _notetype_notes(collection, extra_fields)
    if collection.media_count:
        notes.append(Note(0, _media_message(collection)))
    if not questions:
        message = f"none of the {len(collection.notes)} notes could be made into questions"
        raise FormatError(message, notes=tuple(notes))
    bank_id, title, named = identity(path, title)
    bank = Bank(id=bank_id, title=title, questions=tuple(questions), source="Anki")
    return ImportResult(bank, tuple(named + notes))


def export_bank(bank: Bank) -> ExportResult:
    """The bank as an Anki deck package (see `write`)."""
    from quizapp.core.formats.apkg.write import write_package

    return write_package(bank)


def _question(
    raw: RawNote, notetype: NoteType, ids: IdMaker, root: str
) -> tuple[Question | None, list[Note]]:
    what = f"note {raw.id}"
    fields: list[str] = []
    found: list[str] = []
    for value in (*raw.fields, *raw.deck):
        cleaned, names = dropped(value)
        fields.append(cleaned)
        found += names
    deck = tuple(fields[len(raw.fields) :])
    text = plain_fields(fields[: len(raw.fields)], html=True)
    notes = [Note(0, f"{what}: media '{name}' not imported") for name in text.media]
    if found:
        notes.append(Note(0, f"{what}: {message(tuple(dict.fromkeys(found)))}"))
    if notetype.cloze and not CLOZE.search(text.fields[0]):
        notes.append(Note(0, f"{what} skipped: a cloze note without a cloze deletion"))
        return None, notes
    levels = deck[1:] if root else deck
    topic = " / ".join(levels)
    tags = tuple(dict.fromkeys(tag for tag in map(slugify, raw.tags) if tag))
    question, reason = note_question(ids.make(f"n{raw.id}"), text.fields, topic=topic, tags=tags)
    if question is None:
        notes.append(Note(0, f"{what} skipped: {reason}"))
    return question, notes


def _common_root(notes: tuple[RawNote, ...]) -> str:
    """The top deck every note sits under ('' when they differ, or it is Anki's Default)."""
    roots = {raw.deck[0] if raw.deck else "" for raw in notes}
    root = roots.pop() if len(roots) == 1 else ""
    return "" if root == _DEFAULT_DECK else root


def _title_from(path: str) -> str:
    stem = PurePath(path).stem.replace("_", " ").strip()
    return stem or "Anki deck"


def _notetype_notes(collection: Collection, extra_fields: Counter[int]) -> list[Note]:
    notes: list[Note] = []
    used = Counter(raw.notetype for raw in collection.notes)
    for ntid, count in used.items():
        notetype = collection.notetypes.get(ntid)
        if notetype is None:
            message = f"{_notes(count)} of an unknown note type (id {ntid}): read as front, back"
            notes.append(Note(0, message))
            continue
        name = f"note type '{notetype.name}'"
        if extra_fields[ntid]:
            dropped = ", ".join(notetype.fields[2:]) or "after the second"
            message = f"{name}: fields {dropped} not imported ({_notes(extra_fields[ntid])})"
            notes.append(Note(0, message))
        if notetype.templates > 1 and not notetype.cloze:
            message = (
                f"{name} makes {notetype.templates} cards per note; each note became one "
                f"question, front to back ({_notes(count)})"
            )
            notes.append(Note(0, message))
    return notes


def _notes(count: int) -> str:
    return "1 note" if count == 1 else f"{count} notes"


def _media_message(collection: Collection) -> str:
    count = collection.media_count
    files = "1 media file" if count == 1 else f"{count} media files"
    names = collection.media_names[:5]
    listed = f" ({', '.join(names)}{', ...' if count > len(names) else ''})" if names else ""
    return f"{files} in the package not imported{listed}: quizapp shows text only"
