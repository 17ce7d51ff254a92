"""Reading Anki packages (`.apkg`, `.colpkg`) without trusting them.

A package is a zip archive holding the collection, an SQLite database, under one of three names;
the newest is preferred, because packages written by recent Anki versions also carry an old
`collection.anki2` whose only note asks the user to update Anki:

- `collection.anki21b`: compressed with zstd, schema 18 (note types and decks in their own tables,
  note type settings as protobuf, deck names with `\\x1f` between levels);
- `collection.anki21` and `collection.anki2`: plain SQLite, schema 11 (note types and decks as
  JSON in the `col` table).

The collection is copied to a file of our own in a fresh temporary folder (never to a path named in
the archive), at most `MAX_COLLECTION_BYTES` of it, so a zip bomb stops early, and opened read-only.
Every way a package can be broken ends as a `FormatError` with a plain message.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from quizapp.core.formats.apkg.proto import media_names, notetype_is_cloze
from quizapp.core.formats.common import FormatError

#: The largest collection quizapp unpacks (uncompressed); larger ones are refused.
MAX_COLLECTION_BYTES = 1024 * 1024 * 1024
#: The largest media manifest read to name the media files.
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
#: Collection files, the preferred first.
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_NOT_MEDIA = frozenset({*COLLECTIONS, "media", "meta"})
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class NoteType:
    """What the importer needs to know about a note type."""

    name: str
    cloze: bool
    fields: tuple[str, ...]
    templates: int


@dataclass(frozen=True, slots=True)
class RawNote:
    """One note as stored: fields still HTML, the deck of its first card split into levels."""

    id: int
    notetype: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Collection:
    """The notes of a package, their note types, and the media files it carries."""

    member: str
    notetypes: dict[int, NoteType]
    notes: tuple[RawNote, ...]
    media_count: int
    media_names: tuple[str, ...]


def read_package(data: bytes) -> Collection:
    """The collection inside the package `data`; FormatError when it cannot be read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FormatError(f"not an Anki package: not a readable zip archive ({exc})") from None
    with archive:
        names = set(archive.namelist())
        member = next((name for name in COLLECTIONS if name in names), None)
        if member is None:
            raise FormatError(
                "not an Anki package: the archive holds no collection.anki2, "
                "collection.anki21 or collection.anki21b"
            )
        media = [name for name in names if name not in _NOT_MEDIA and not name.endswith("/")]
        named = _manifest(archive, names, member)
        with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as folder:
            target = Path(folder) / "collection.sqlite"  # our own name, never the archive's
            _unpack(archive, member, target)
            notetypes, notes = _read_database(target)
    return Collection(member, notetypes, notes, len(media), named)


def _unpack(archive: zipfile.ZipFile, member: str, target: Path) -> None:
    """Copy `member` (decompressing zstd for anki21b) to `target`, within the size limit."""
    try:
        with archive.open(member) as source, open(target, "wb") as sink:
            if member.endswith("b"):
                _copy(_zstd_reader(source), sink, member)
            else:
                _copy(source, sink, member)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise FormatError(f"{member} cannot be unpacked: {exc}") from None


def _zstd_reader(source: IO[bytes]) -> IO[bytes]:
    import zstandard  # only packages of Anki 2.1.50 and newer need it

    reader: IO[bytes] = zstandard.ZstdDecompressor().stream_reader(source, read_across_frames=True)
    return reader


def _copy(source: IO[bytes], sink: IO[bytes], member: str) -> None:
    written = 0
    try:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > MAX_COLLECTION_BYTES:
                limit = MAX_COLLECTION_BYTES // (1024 * 1024)
                raise FormatError(f"{member} unpacks to more than {limit} MiB: refused")
            sink.write(chunk)
    except FormatError:
        raise
    except Exception as exc:  # zstandard.ZstdError and zlib.error have no common base
        raise FormatError(f"{member} is damaged: {exc}") from None


def _manifest(archive: zipfile.ZipFile, names: set[str], member: str) -> tuple[str, ...]:
    """The media file names the package lists (best effort: () when it cannot tell)."""
    if "media" not in names or archive.getinfo("media").file_size > MAX_MANIFEST_BYTES:
        return ()
    try:
        raw = archive.read("media")
        if member.endswith("b"):
            import zstandard

            reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
            return media_names(reader.read(MAX_MANIFEST_BYTES))
        listed = json.loads(raw.decode("utf-8")) if raw else {}
    except Exception:  # a damaged manifest only costs the names in a message
        return ()
    if not isinstance(listed, dict):
        return ()
    return tuple(str(name) for name in listed.values())


def _read_database(path: Path) -> tuple[dict[int, NoteType], tuple[RawNote, ...]]:
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise FormatError(f"the collection cannot be opened: {exc}") from None
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "notetypes" in tables:
            notetypes, decks = _schema_18(connection)
        elif "col" in tables:
            notetypes, decks = _schema_11(connection)
        else:
            raise FormatError("not an Anki collection: it has neither note types nor a `col` table")
        return notetypes, _notes(connection, decks)
    except sqlite3.Error as exc:
        raise FormatError(f"the collection is not a readable Anki database ({exc})") from None
    finally:
        connection.close()


def _schema_18(connection: sqlite3.Connection) -> tuple[dict[int, NoteType], dict[int, str]]:
    fields: dict[int, list[str]] = {}
    for ntid, name in connection.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(int(ntid), []).append(str(name))
    templates = dict(connection.execute("SELECT ntid, COUNT(*) FROM templates GROUP BY ntid"))
    notetypes = {
        int(ntid): NoteType(
            str(name),
            notetype_is_cloze(bytes(config or b"")),
            tuple(fields.get(int(ntid), ())),
            int(templates.get(ntid, 1)),
        )
        for ntid, name, config in connection.execute("SELECT id, name, config FROM notetypes")
    }
    decks = {int(did): str(name) for did, name in connection.execute("SELECT id, name FROM decks")}
    return notetypes, decks


def _schema_11(connection: sqlite3.Connection) -> tuple[dict[int, NoteType], dict[int, str]]:
    row = connection.execute("SELECT models, decks FROM col LIMIT 1").fetchone()
    if row is None:
        raise FormatError("not an Anki collection: its `col` table is empty")
    try:
        models: Any = json.loads(row[0] or "{}")
        deck_table: Any = json.loads(row[1] or "{}")
    except (json.JSONDecodeError, TypeError) as exc:
        raise FormatError(f"the collection's note types or decks are damaged ({exc})") from None
    if not isinstance(models, dict) or not isinstance(deck_table, dict):
        raise FormatError("the collection's note types or decks are damaged")
    notetypes: dict[int, NoteType] = {}
    for key, model in models.items():
        if not isinstance(model, dict) or not str(key).lstrip("-").isdigit():
            continue
        fields = sorted((f for f in model.get("flds", ()) if isinstance(f, dict)), key=_ord)
        notetypes[int(key)] = NoteType(
            str(model.get("name", "")),
            model.get("type") == 1,
            tuple(str(f.get("name", "")) for f in fields),
            max(1, len(model.get("tmpls", ()) or ())),
        )
    decks = {
        int(key): str(deck.get("name", ""))
        for key, deck in deck_table.items()
        if isinstance(deck, dict) and str(key).lstrip("-").isdigit()
    }
    return notetypes, decks


def _ord(field: dict[str, Any]) -> int:
    value = field.get("ord", 0)
    return value if isinstance(value, int) else 0


def _notes(connection: sqlite3.Connection, decks: dict[int, str]) -> tuple[RawNote, ...]:
    first_deck: dict[int, int] = {}
    for nid, did in connection.execute("SELECT nid, did FROM cards ORDER BY nid, ord"):
        first_deck.setdefault(int(nid), int(did))
    notes = []
    query = "SELECT id, mid, tags, flds FROM notes ORDER BY id"
    for nid, mid, tags, flds in connection.execute(query):
        deck = decks.get(first_deck.get(int(nid), -1), "")
        notes.append(
            RawNote(
                id=int(nid),
                notetype=int(mid),
                fields=tuple(str(flds or "").split("\x1f")),
                tags=tuple(str(tags or "").split()),
                deck=deck_levels(deck),
            )
        )
    return tuple(notes)


def deck_levels(name: str) -> tuple[str, ...]:
    """A deck name split into its levels (`A::B`, or `A\\x1fB` as schema 18 stores it)."""
    parts = name.replace("\x1f", "::").split("::")
    return tuple(part.strip() for part in parts if part.strip())
