"""The progress store's SQLite file: recognising it, configuring it, and migrating its schema.

`PRAGMA application_id` marks the file as quizapp's and `PRAGMA user_version` holds its schema
version: version N is what `MIGRATIONS[:N]` build. A migration, once released, is never edited;
a change to the schema is a new function appended to `MIGRATIONS`, which `migrate` applies in
one transaction to files of any older version.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS",
    "NotOurs",
    "TooNew",
    "check_file",
    "check_header",
    "configure",
    "migrate",
]

#: "QZAP": tells a quizapp progress file from any other SQLite file.
APPLICATION_ID = 0x515A4150

#: How long a write waits for another quizapp (a second window) to finish its own (ms).
BUSY_TIMEOUT_MS = 5000

#: The WAL size (pages) at which a commit checkpoints by itself: a safety net only, far above
#: what the background checkpoints let the WAL reach.
AUTOCHECKPOINT_PAGES = 10_000

Migration = Callable[[sqlite3.Connection], None]

#: Version 1. Times are seconds since the Unix epoch (UTC) as REAL; JSON is UTF-8 text.
#: `answers`: every answer (source of truth); `cards`: each question's FSRS card and the columns
#: the counts need; `banks`: per bank, a fingerprint of its question ids when last seen and the
#: answered questions it no longer has (`retired`, left out of its counts); `misconceptions`:
#: per misconception, how often and when it was fallen for, and when it was overcome.
V1_SCHEMA = (
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        answered_at REAL NOT NULL,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        mode TEXT NOT NULL,
        session_id TEXT NOT NULL,
        response TEXT,
        score REAL NOT NULL,
        outcome TEXT NOT NULL,
        misconceptions TEXT NOT NULL,
        confidence INTEGER,
        seconds REAL NOT NULL,
        rating INTEGER NOT NULL
    )""",
    "CREATE INDEX answers_by_bank ON answers (bank_id, answered_at)",
    "CREATE INDEX answers_by_time ON answers (answered_at)",
    """CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        card TEXT NOT NULL,
        state INTEGER NOT NULL,
        due REAL NOT NULL,
        last_review REAL NOT NULL,
        mastered_until REAL,
        introduced_at REAL NOT NULL,
        reviews INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        UNIQUE (bank_id, question_id)
    )""",
    "CREATE INDEX cards_by_due ON cards (bank_id, due)",
    "CREATE INDEX cards_by_mastery ON cards (bank_id, mastered_until)",
    "CREATE INDEX cards_by_introduction ON cards (introduced_at)",
    """CREATE TABLE banks (
        bank_id TEXT PRIMARY KEY,
        questions TEXT NOT NULL,
        retired TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE misconceptions (
        bank_id TEXT NOT NULL,
        misconception_id TEXT NOT NULL,
        times INTEGER NOT NULL,
        first_fell REAL NOT NULL,
        last_fell REAL NOT NULL,
        overcome_at REAL,
        PRIMARY KEY (bank_id, misconception_id)
    ) WITHOUT ROWID""",
)


def _v1(conn: sqlite3.Connection) -> None:
    """The first schema, and the install id that tells one student's exports from another's."""
    for statement in V1_SCHEMA:
        conn.execute(statement)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("install_id", str(uuid.uuid4())), ("created_at", created)],
    )


#: Version 2. `answers.declined`: the misconceptions a question's options carried that the
#: answer did *not* reveal (JSON list; NULL for answers saved before version 2, filled in from
#: the bank the next time it is read: `held.fill_declined`), the events the held/overcome rule
#: (`overcoming.standing`) reads. `undo`: per answer, what it changed (the card, tally and bank
#: rows as they were before, as JSON), so `Store.undo` puts them back exactly. `set_aside`:
#: questions suspended (until the student restores them) or buried (until `until`). `settings`:
#: what the app remembers between runs. `exam_drafts`: a mock exam under way, kept at every
#: change so that one closed by accident can be resumed. `misconceptions.overcome_at` is kept as
#: it was but no longer written: whether a misconception is overcome is read from the answers.
V2_SCHEMA = (
    "ALTER TABLE answers ADD COLUMN declined TEXT",
    "CREATE INDEX answers_undeclined ON answers (bank_id) WHERE declined IS NULL",
    """CREATE TABLE undo (
        answer_id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL,
        saved_at REAL NOT NULL,
        card TEXT,
        tallies TEXT NOT NULL,
        bank TEXT
    )""",
    "CREATE INDEX undo_by_session ON undo (session_id, answer_id)",
    "CREATE INDEX undo_by_time ON undo (saved_at)",
    """CREATE TABLE set_aside (
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('suspended', 'buried')),
        until REAL,
        at REAL NOT NULL,
        PRIMARY KEY (bank_id, question_id)
    ) WITHOUT ROWID""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE exam_drafts (
        session_id TEXT PRIMARY KEY,
        saved_at REAL NOT NULL,
        draft TEXT NOT NULL
    ) WITHOUT ROWID""",
)


def _v2(conn: sqlite3.Connection) -> None:
    """Undo, suspended and buried cards, settings, exam drafts, and the declined column."""
    for statement in V2_SCHEMA:
        conn.execute(statement)


def _v3(conn: sqlite3.Connection) -> None:
    """Version 3. `answers.hinted`: 1 when the question's hint was shown before the answer, 0
    when not; NULL for the answers saved before quizapp offered hints."""
    conn.execute("ALTER TABLE answers ADD COLUMN hinted INTEGER")


#: MIGRATIONS[n] turns a version-n file into a version-n+1 one. Append only.
MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3)

_V1_TABLES = frozenset({"meta", "answers", "cards", "banks", "misconceptions"})

#: The tables a file of each version has (version -> names), to notice a gutted file.
_TABLES = {
    1: _V1_TABLES,
    2: _V1_TABLES | {"undo", "set_aside", "settings", "exam_drafts"},
    3: _V1_TABLES | {"undo", "set_aside", "settings", "exam_drafts"},
}


class NotOurs(Exception):
    """The file is not a quizapp progress file (not SQLite, damaged, or another program's)."""


class TooNew(Exception):
    """The file was written by a newer quizapp, whose schema this one does not know."""

    def __init__(self, version: int, known: int) -> None:
        super().__init__(f"schema version {version}; this quizapp knows up to {known}")
        self.version = version


def _unreadable(exc: sqlite3.DatabaseError) -> bool:
    """True for the errors that mean the bytes are not a sound database (not 'busy', 'full'...)."""
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT")


#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """Raise `NotOurs` when `path` exists, is not empty and does not start like SQLite's files.

    Checked before SQLite opens it: given a file that is not a database, SQLite would delete the
    -wal beside it on closing, which is to be kept with the file when it is moved aside.
    """
    try:
        with open(path, "rb") as handle:
            start = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    if start and start != SQLITE_HEADER:
        raise NotOurs("it is not an SQLite database")


def check_file(conn: sqlite3.Connection, known: int = len(MIGRATIONS)) -> int:
    """The schema version of the file behind `conn` (0: empty, to be created), reading only.

    Raises `NotOurs` for a file that is not a quizapp progress file, `TooNew` for one written by a
    newer quizapp, and lets other SQLite errors (locked, I/O) through.
    """
    try:
        # One statement, so one snapshot: another quizapp may be creating the file right now.
        application_id, version, names = conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id()),"
            " (SELECT user_version FROM pragma_user_version()),"
            " (SELECT json_group_array(name) FROM sqlite_master WHERE type = 'table')"
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        if _unreadable(exc):
            raise NotOurs(f"it is not a readable SQLite database: {exc}") from exc
        raise
    tables = set(json.loads(names))
    if application_id == 0 and not tables:
        return 0  # a new, empty file: ours to create (another quizapp may be creating it too)
    if application_id != APPLICATION_ID:
        return _foreign(tables)
    if version > known:
        raise TooNew(version, known)
    missing = _TABLES.get(version, frozenset()) - tables
    if version == 0 or missing:
        raise NotOurs("quizapp's tables are missing from it")
    return int(version)


def _foreign(tables: set[str]) -> int:
    if tables:
        shown = ", ".join(sorted(tables)[:5])
        raise NotOurs(f"it is another program's SQLite database (tables: {shown})")
    raise NotOurs("it is an SQLite database of another program")


def configure(conn: sqlite3.Connection) -> None:
    """Set the connection up for many small, safe commits from one or two processes."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # WAL: an answer is one small append to the -wal file, and readers never block the writer.
    _use_wal(conn)
    # NORMAL (not FULL) in WAL mode: a commit is in the -wal file, held by the operating system,
    # as soon as it returns, so killing quizapp (even SIGKILL) loses nothing committed; only an
    # OS crash or power cut can lose the last few commits (never corrupting the file). FULL would
    # fsync every answer: about ten times the cost per commit, for that last case alone.
    conn.execute("PRAGMA synchronous = NORMAL")
    # Checkpoints are `checkpoint.Checkpointer`'s, between answers; this is a backstop.
    conn.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
    conn.execute("PRAGMA foreign_keys = OFF")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL (a no-op once it is), waiting out another quizapp doing the same.

    The switch needs the file to itself and fails at once, without SQLite's busy wait, when
    another connection is reading it: two quizapps creating the store at the same moment.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the file up to `len(migrations)`, in one write transaction; returns the old version.

    The file is checked again inside the transaction, so two quizapps starting at once on a new
    file create it once. Raises what `check_file` raises; nothing is changed then.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = check_file(conn, len(migrations))
        for step in migrations[version:]:
            step(conn)
        if version < len(migrations):
            conn.execute(f"PRAGMA user_version = {len(migrations)}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return version
