"""Schema versions: a file made by the first version opens with today's code, and later
migrations are applied in order, in one transaction, exactly once."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from quizapp.core.progress import STORE_FILE, open_store
from quizapp.core.progress.held import fill_declined, misconception_history, undeclined_banks
from quizapp.core.progress.schedule import card_id_for
from quizapp.core.progress.storage.tables import APPLICATION_ID, MIGRATIONS, TooNew, migrate
from tests.unit.progress_helpers import T0, save
from tests.unit.study_banks import EARTH

# The first schema exactly as version 1 of quizapp wrote it: frozen here, whatever the code does
# later, so the test keeps proving that old files still open.
V1_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE answers (
    id INTEGER PRIMARY KEY, answered_at REAL NOT NULL, bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL, content_hash TEXT NOT NULL, mode TEXT NOT NULL,
    session_id TEXT NOT NULL, response TEXT, score REAL NOT NULL, outcome TEXT NOT NULL,
    misconceptions TEXT NOT NULL, confidence INTEGER, seconds REAL NOT NULL,
    rating INTEGER NOT NULL
);
CREATE INDEX answers_by_bank ON answers (bank_id, answered_at);
CREATE INDEX answers_by_time ON answers (answered_at);
CREATE TABLE cards (
    id INTEGER PRIMARY KEY, bank_id TEXT NOT NULL, question_id TEXT NOT NULL,
    card TEXT NOT NULL, state INTEGER NOT NULL, due REAL NOT NULL, last_review REAL NOT NULL,
    mastered_until REAL, introduced_at REAL NOT NULL, reviews INTEGER NOT NULL,
    content_hash TEXT NOT NULL, UNIQUE (bank_id, question_id)
);
CREATE INDEX cards_by_due ON cards (bank_id, due);
CREATE INDEX cards_by_mastery ON cards (bank_id, mastered_until);
CREATE INDEX cards_by_introduction ON cards (introduced_at);
CREATE TABLE banks (
    bank_id TEXT PRIMARY KEY, questions TEXT NOT NULL, retired TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE misconceptions (
    bank_id TEXT NOT NULL, misconception_id TEXT NOT NULL, times INTEGER NOT NULL,
    first_fell REAL NOT NULL, last_fell REAL NOT NULL, overcome_at REAL,
    PRIMARY KEY (bank_id, misconception_id)
) WITHOUT ROWID;
"""

CARD_V1 = {
    "card_id": card_id_for("earth", "red"),
    "state": 2,
    "step": None,
    "stability": 9.5,
    "difficulty": 4.0,
    "due": "2025-03-10T09:00:00+00:00",
    "last_review": "2025-03-01T09:00:00+00:00",
}


def make_v1_file(folder: Path) -> Path:
    """A version-1 store with one answer, one card and one misconception, written by hand."""
    path = folder / STORE_FILE
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL)
    conn.execute("INSERT INTO meta VALUES ('install_id', 'old-install'), ('created_at', 'x')")
    conn.execute(
        "INSERT INTO answers VALUES (1, ?, 'earth', 'red', 'abc', 'practice', 's0',"
        " '{\"str\":\"Jupiter\"}', 0.0, 'wrong', '[\"bigger-is-closer\"]', NULL, 4.0, 1)",
        ((T0 - timedelta(days=2)).timestamp(),),
    )
    conn.execute(
        "INSERT INTO cards VALUES (1, 'earth', 'red', ?, 2, ?, ?, NULL, ?, 3, 'abc')",
        (json.dumps(CARD_V1), T0.timestamp() + 7 * 86400, T0.timestamp() - 2 * 86400, 0.0),
    )
    conn.execute("INSERT INTO misconceptions VALUES ('earth', 'bigger-is-closer', 1, 0, 0, NULL)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return path


def test_a_version_1_file_opens_with_its_history_and_goes_on_recording(tmp_path: Path) -> None:
    make_v1_file(tmp_path)
    opening = open_store(tmp_path)
    assert opening.warning is None
    with opening.store as store:
        assert store.scalar("PRAGMA user_version") == len(MIGRATIONS)
        assert store.install_id == "old-install"
        (old,) = store.answers()
        assert (old.response, old.misconceptions) == ("Jupiter", ("bigger-is-closer",))
        card = store.card("earth", "red")
        assert card is not None and card.stability == 9.5
        save(store, EARTH, "red", "Mars", T0)
        assert store.answer_count() == 2
        assert store.scalar("SELECT reviews FROM cards WHERE question_id = 'red'") == 4


def later_add_notes(conn: sqlite3.Connection) -> None:
    """A pretend next version: a new column, filled from the existing rows."""
    conn.execute("ALTER TABLE answers ADD COLUMN note TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE answers SET note = 'from ' || mode")


def test_migrations_appended_later_upgrade_a_version_1_file_once(tmp_path: Path) -> None:
    path = make_v1_file(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    later = len(MIGRATIONS) + 1
    assert migrate(conn, (*MIGRATIONS, later_add_notes)) == 1
    assert conn.execute("PRAGMA user_version").fetchone() == (later,)
    assert conn.execute("SELECT note FROM answers").fetchall() == [("from practice",)]
    assert migrate(conn, (*MIGRATIONS, later_add_notes)) == later  # nothing runs twice
    conn.close()
    # Today's code meets a file of a later version: it must not touch it.
    assert open_store(tmp_path).warning is not None
    with pytest.raises(TooNew):
        migrate(sqlite3.connect(path, isolation_level=None))


def test_version_3_adds_whether_the_hint_was_shown_unknown_for_older_answers(
    tmp_path: Path,
) -> None:
    make_v1_file(tmp_path)
    with open_store(tmp_path).store as store:
        assert store.scalar("PRAGMA user_version") == 3 == len(MIGRATIONS)
        save(store, EARTH, "red", "Mars", T0)
        hinted = store.select("SELECT hinted FROM answers ORDER BY id", ())
        assert [row[0] for row in hinted] == [None, 0]  # the v1 answer: not known


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = make_v1_file(tmp_path)

    def v2_breaks(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, (*MIGRATIONS[:1], v2_breaks))
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables and "answers" in tables
    conn.close()


def test_a_new_file_is_built_by_every_migration_from_zero(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "new.sqlite3", isolation_level=None)
    assert migrate(conn) == 0
    assert conn.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    assert {"meta", "answers", "cards", "banks", "misconceptions"} <= tables
    conn.close()


def shape(path: Path) -> dict[str, object]:
    """Every table's columns and indexes, whatever the spacing of the DDL that made them."""
    conn = sqlite3.connect(path)
    tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    found: dict[str, object] = {}
    for table in tables:
        columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
        indexes = {
            name: conn.execute(f"PRAGMA index_info({name})").fetchall()
            for _, name, *_ in conn.execute(f"PRAGMA index_list({table})")
        }
        found[table] = (columns, indexes)
    conn.close()
    return found


def test_the_first_migration_still_builds_exactly_the_version_1_schema(tmp_path: Path) -> None:
    (tmp_path / "by-hand").mkdir()
    by_hand = make_v1_file(tmp_path / "by-hand")
    conn = sqlite3.connect(tmp_path / "by-code.sqlite3", isolation_level=None)
    migrate(conn, MIGRATIONS[:1])
    conn.close()
    assert shape(tmp_path / "by-code.sqlite3") == shape(by_hand)


def test_version_2_adds_undo_set_aside_settings_drafts_and_what_answers_declined(
    tmp_path: Path,
) -> None:
    """A version-1 file gains the tables of version 2 (and 3's column); its old answers have no
    `declined` yet,
    and get it from the bank the first time the bank is read, so the held/overcome rule counts
    them: the old answer here revealed bigger-is-closer, two later ones decline it."""
    make_v1_file(tmp_path)
    with open_store(tmp_path).store as store:
        assert store.scalar("PRAGMA user_version") == len(MIGRATIONS)
        tables = {name for (name,) in store.select("SELECT name FROM sqlite_master")}
        assert {"undo", "set_aside", "settings", "exam_drafts"} <= tables
        (old,) = store.answers()
        assert old.declined is None
        assert undeclined_banks(store) == ["earth"]
        save(store, EARTH, "giants", frozenset({0, 1}), T0 - timedelta(days=1))
        save(store, EARTH, "pluto", 1, T0)
        (entry,) = misconception_history(store, ["earth"], UTC)
        assert entry.overcome  # the old answer is the fall; the two new ones decline it
        assert fill_declined(store, EARTH) == 1
        assert undeclined_banks(store) == []
        declined = {a.id: a.declined for a in store.answers()}
        assert declined[1] == ()  # "Jupiter" to red revealed the only one red carries
        assert declined[2] == ("bigger-is-closer",)  # giants, right
        assert fill_declined(store, EARTH) == 0
        assert misconception_history(store, ["earth"], UTC)[0].overcome


# What version 2 adds, exactly as it was released: frozen here like V1_DDL.
V2_DDL = """
ALTER TABLE answers ADD COLUMN declined TEXT;
CREATE INDEX answers_undeclined ON answers (bank_id) WHERE declined IS NULL;
CREATE TABLE undo (
    answer_id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, saved_at REAL NOT NULL,
    card TEXT, tallies TEXT NOT NULL, bank TEXT
);
CREATE INDEX undo_by_session ON undo (session_id, answer_id);
CREATE INDEX undo_by_time ON undo (saved_at);
CREATE TABLE set_aside (
    bank_id TEXT NOT NULL, question_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('suspended', 'buried')), until REAL, at REAL NOT NULL,
    PRIMARY KEY (bank_id, question_id)
) WITHOUT ROWID;
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE exam_drafts (
    session_id TEXT PRIMARY KEY, saved_at REAL NOT NULL, draft TEXT NOT NULL
) WITHOUT ROWID;
"""


def test_the_second_migration_still_builds_exactly_the_version_2_schema(tmp_path: Path) -> None:
    (tmp_path / "by-hand").mkdir()
    by_hand = make_v1_file(tmp_path / "by-hand")
    conn = sqlite3.connect(by_hand)
    conn.executescript(V2_DDL)
    conn.close()
    conn = sqlite3.connect(tmp_path / "by-code.sqlite3", isolation_level=None)
    migrate(conn, MIGRATIONS[:2])
    conn.close()
    assert shape(tmp_path / "by-code.sqlite3") == shape(by_hand)
