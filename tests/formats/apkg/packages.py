"""Small Anki packages built for the tests (no binary fixtures are committed).

`legacy_package` writes a schema-11 collection (`collection.anki2` or `collection.anki21`) with
genanki's own schema, as Anki 2.1 wrote them; `modern_package` writes a schema-18 collection
compressed with zstd (`collection.anki21b`) beside the dummy `collection.anki2` that recent Anki
versions add, with protobuf note type settings and `\\x1f` between deck levels.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import zstandard
from genanki.apkg_col import APKG_COL  # type: ignore[import-untyped]
from genanki.apkg_schema import APKG_SCHEMA  # type: ignore[import-untyped]

BASIC, CLOZE, REVERSED = 1001, 1002, 1003
#: The only note of the legacy collection that recent packages carry for old Anki versions.
UPDATE_ANKI = "Please update to the latest Anki version, then import the .colpkg/.apkg file again."


@dataclass
class AnkiNote:
    """A note to write: its id, note type, fields, tags and the deck of its card."""

    id: int
    notetype: int
    fields: list[str]
    tags: str = ""
    deck: int = 1


@dataclass
class Deck:
    id: int
    name: str  # levels joined by "::"


@dataclass
class Content:
    notes: list[AnkiNote]
    decks: list[Deck] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)


NOTETYPES = {
    BASIC: ("Basic", False, ["Front", "Back"], 1),
    CLOZE: ("Cloze", True, ["Text", "Back Extra"], 1),
    REVERSED: ("Basic (and reversed card)", False, ["Front", "Back", "Source"], 2),
}


def _database(build: Callable[[sqlite3.Connection], None]) -> bytes:
    """The bytes of an SQLite database filled by `build(connection)`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.db"
        connection = sqlite3.connect(path)
        build(connection)
        connection.commit()
        connection.close()
        return path.read_bytes()


def _insert_notes(connection: sqlite3.Connection, notes: list[AnkiNote]) -> None:
    for number, note in enumerate(notes):
        connection.execute(
            "INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, '', 0, 0, '')",
            (note.id, f"guid{note.id}", note.notetype, f" {note.tags} ", "\x1f".join(note.fields)),
        )
        templates = NOTETYPES[note.notetype][3]
        for ordinal in range(templates):
            connection.execute(
                "INSERT INTO cards VALUES (?, ?, ?, ?, 0, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                (note.id * 10 + ordinal, note.id, note.deck, ordinal, number),
            )


def legacy_collection(content: Content) -> bytes:
    """A schema-11 collection: note types and decks as JSON in `col`."""

    def build(connection: sqlite3.Connection) -> None:
        connection.executescript(APKG_SCHEMA)
        connection.executescript(APKG_COL)
        models = {
            str(ntid): {
                "id": ntid,
                "name": name,
                "type": 1 if cloze else 0,
                "flds": [{"name": f, "ord": i} for i, f in enumerate(fields)],
                "tmpls": [{"name": f"Card {i + 1}", "ord": i} for i in range(templates)],
            }
            for ntid, (name, cloze, fields, templates) in NOTETYPES.items()
        }
        decks = json.loads(connection.execute("SELECT decks FROM col").fetchone()[0])
        for deck in content.decks:
            decks[str(deck.id)] = {"id": deck.id, "name": deck.name}
        connection.execute(
            "UPDATE col SET models = ?, decks = ?", (json.dumps(models), json.dumps(decks))
        )
        _insert_notes(connection, content.notes)

    return _database(build)


def _modern_collection(content: Content) -> bytes:
    """A schema-18 collection: note types, fields, templates and decks in their own tables."""

    def build(connection: sqlite3.Connection) -> None:
        connection.executescript(APKG_SCHEMA)
        connection.executescript(
            """
            CREATE TABLE notetypes (id integer PRIMARY KEY, name text, mtime_secs integer,
                usn integer, config blob);
            CREATE TABLE fields (ntid integer, ord integer, name text, config blob);
            CREATE TABLE templates (ntid integer, ord integer, name text, mtime_secs integer,
                usn integer, config blob);
            CREATE TABLE decks (id integer PRIMARY KEY, name text, mtime_secs integer,
                usn integer, common blob, kind blob);
            """
        )
        css = _protobuf_string(
            3, b".card {a:b}"
        )  # field 3 (css) before and after the kind: must be skipped
        for ntid, (name, cloze, fields, templates) in NOTETYPES.items():
            config = css + (b"\x08\x01" if cloze else b"") + b"\x10\x00"
            connection.execute("INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)", (ntid, name, config))
            for ordinal, field_name in enumerate(fields):
                connection.execute(
                    "INSERT INTO fields VALUES (?, ?, ?, x'')", (ntid, ordinal, field_name)
                )
            for ordinal in range(templates):
                connection.execute(
                    "INSERT INTO templates VALUES (?, ?, ?, 0, 0, x'')",
                    (ntid, ordinal, f"Card {ordinal}"),
                )
        for deck in [Deck(1, "Default"), *content.decks]:
            stored = deck.name.replace("::", "\x1f")
            connection.execute("INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')", (deck.id, stored))
        _insert_notes(connection, content.notes)

    return _database(build)


def _zip(members: dict[str, bytes], extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**members, **(extra or {})}.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def legacy_package(
    content: Content, member: str = "collection.anki2", extra: dict[str, bytes] | None = None
) -> bytes:
    """An .apkg as Anki 2.1 (or genanki) writes it: the collection, `media` JSON, media files."""
    names = {str(i): name for i, name in enumerate(content.media)}
    members = {member: legacy_collection(content), "media": json.dumps(names).encode()}
    members.update({str(i): data for i, data in enumerate(content.media.values())})
    return _zip(members, extra)


def _protobuf_string(number: int, value: bytes) -> bytes:
    assert len(value) < 128
    return bytes([number << 3 | 2, len(value)]) + value


def modern_package(content: Content, extra: dict[str, bytes] | None = None) -> bytes:
    """An .apkg as Anki 2.1.50+ writes it: zstd collection, dummy anki2, protobuf media list."""
    compress = zstandard.ZstdCompressor().compress
    dummy = Content([AnkiNote(1, BASIC, [UPDATE_ANKI, ""])])
    entries = b"".join(
        _protobuf_string(1, _protobuf_string(1, name.encode()) + bytes([0x10, len(data)]))
        for name, data in content.media.items()
    )
    members = {
        "collection.anki2": legacy_collection(dummy),
        "collection.anki21b": compress(_modern_collection(content)),
        "media": compress(entries),
        "meta": b"\x08\x03",
    }
    members.update({str(i): compress(data) for i, data in enumerate(content.media.values())})
    return _zip(members, extra)
