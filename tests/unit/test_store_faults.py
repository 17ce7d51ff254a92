"""What can go wrong with the progress file, and how studying goes on regardless.

Damaged and foreign files are moved aside (and kept) with a message naming both paths; a folder
that cannot be written, or a file from a newer quizapp, gives a store in memory with a warning;
two quizapps writing at once lose nothing.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from quizapp.core.progress import STORE_FILE, Store, open_store
from quizapp.core.progress.storage.store import StoreOpening
from quizapp.core.progress.storage.tables import APPLICATION_ID
from tests.unit.progress_helpers import T0, save
from tests.unit.study_banks import EARTH


def assert_fresh_and_working(opening: StoreOpening, folder: Path) -> None:
    """The store is a new one on disk, and an answer saved in it is there after reopening."""
    with opening.store as store:
        assert store.persistent and store.answer_count() == 0
        save(store, EARTH, "red", "Mars", T0)
    with open_store(folder).store as again:
        assert again.answer_count() == 1


def moved_aside(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{STORE_FILE}.corrupt-*"))


def test_a_file_of_random_bytes_is_moved_aside_and_a_fresh_store_started(tmp_path: Path) -> None:
    junk = random.Random(1).randbytes(10_000)
    (tmp_path / STORE_FILE).write_bytes(junk)
    opening = open_store(tmp_path)
    (kept,) = moved_aside(tmp_path)
    assert kept.read_bytes() == junk
    assert opening.warning is not None
    assert str(tmp_path / STORE_FILE) in opening.warning and str(kept) in opening.warning
    assert "not an SQLite database" in opening.warning
    assert_fresh_and_working(opening, tmp_path)


def test_a_file_that_starts_like_sqlite_but_is_damaged_is_moved_aside(tmp_path: Path) -> None:
    damaged = b"SQLite format 3\x00" + random.Random(2).randbytes(8_000)
    (tmp_path / STORE_FILE).write_bytes(damaged)
    opening = open_store(tmp_path)
    assert opening.warning is not None and "could not be used" in opening.warning
    (kept,) = moved_aside(tmp_path)
    assert kept.read_bytes() == damaged
    assert_fresh_and_working(opening, tmp_path)


def test_another_programs_database_is_moved_aside_untouched(tmp_path: Path) -> None:
    foreign = sqlite3.connect(tmp_path / STORE_FILE)
    foreign.execute("CREATE TABLE recipes (name TEXT)")
    foreign.execute("INSERT INTO recipes VALUES ('soup')")
    foreign.commit()
    foreign.close()
    opening = open_store(tmp_path)
    assert opening.warning is not None and "another program's" in opening.warning
    assert "recipes" in opening.warning
    (kept,) = moved_aside(tmp_path)
    check = sqlite3.connect(kept)
    assert check.execute("SELECT name FROM recipes").fetchall() == [("soup",)]
    assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # not even set to WAL
    check.close()
    assert_fresh_and_working(opening, tmp_path)


def test_a_quizapp_file_whose_tables_are_gone_is_moved_aside(tmp_path: Path) -> None:
    open_store(tmp_path).store.close()
    gutted = sqlite3.connect(tmp_path / STORE_FILE)
    gutted.execute("DROP TABLE cards")
    gutted.commit()
    gutted.close()
    opening = open_store(tmp_path)
    assert opening.warning is not None and "tables are missing" in opening.warning
    assert len(moved_aside(tmp_path)) == 1
    assert_fresh_and_working(opening, tmp_path)


def test_a_damaged_files_wal_goes_aside_with_it(tmp_path: Path) -> None:
    (tmp_path / STORE_FILE).write_bytes(b"not a database at all" * 50)
    (tmp_path / f"{STORE_FILE}-wal").write_bytes(b"stale log")
    (tmp_path / f"{STORE_FILE}-shm").write_bytes(b"stale index")
    opening = open_store(tmp_path)
    (kept, kept_wal) = moved_aside(tmp_path)
    assert kept_wal.name == kept.name + "-wal" and kept_wal.read_bytes() == b"stale log"
    assert_fresh_and_working(opening, tmp_path)


def test_an_empty_file_holds_nothing_to_keep_and_is_started_in_place(tmp_path: Path) -> None:
    # A zero-byte file is also what a second quizapp starting at the same moment sees while the
    # first creates the store: moving it aside would split the two, so it is simply created.
    (tmp_path / STORE_FILE).write_bytes(b"")
    opening = open_store(tmp_path)
    assert opening.warning is None and moved_aside(tmp_path) == []
    assert opening.store.scalar("PRAGMA application_id") == APPLICATION_ID
    assert_fresh_and_working(opening, tmp_path)


def test_quizapps_starting_together_on_a_new_folder_share_one_store(tmp_path: Path) -> None:
    openings: list[StoreOpening] = []
    barrier = threading.Barrier(4)

    def start() -> None:
        barrier.wait()
        openings.append(open_store(tmp_path))

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [o.warning for o in openings] == [None] * 4 and moved_aside(tmp_path) == []
    assert len({o.store.install_id for o in openings}) == 1
    for opening in openings:
        opening.store.close()


def test_a_folder_that_cannot_be_created_gives_an_unsaved_store_that_works(
    tmp_path: Path,
) -> None:
    (tmp_path / "afile").write_text("a file where the folder would go")
    opening = open_store(tmp_path / "afile" / "sub")
    assert opening.warning is not None
    assert opening.warning.startswith("progress will not be saved: cannot create the folder")
    assert str(tmp_path / "afile" / "sub") in opening.warning
    with opening.store as store:
        assert not store.persistent and store.path is None
        save(store, EARTH, "red", "Mars", T0)
        assert store.answer_count() == 1 and store.card("earth", "red") is not None


def test_a_store_written_by_a_newer_quizapp_is_left_alone(tmp_path: Path) -> None:
    open_store(tmp_path).store.close()
    newer = sqlite3.connect(tmp_path / STORE_FILE)
    newer.execute("PRAGMA user_version = 99")
    newer.commit()
    newer.close()
    before = (tmp_path / STORE_FILE).read_bytes()
    opening = open_store(tmp_path)
    assert opening.warning is not None and "newer quizapp" in opening.warning
    assert opening.warning.startswith("progress will not be saved:")
    assert not opening.store.persistent and moved_aside(tmp_path) == []
    opening.store.close()
    assert (tmp_path / STORE_FILE).read_bytes() == before


WRITER = """
import sys
from datetime import timedelta
sys.path.insert(0, {root!r})
from quizapp.core.progress.storage.store import open_store
from tests.unit.progress_helpers import T0, answer_of
from tests.unit.study_banks import EARTH
name, count = sys.argv[1], int(sys.argv[2])
with open_store({folder!r}).store as store:
    sys.stdout.write("ready\\n")
    sys.stdout.flush()
    sys.stdin.readline()  # start together
    for i in range(count):
        question, typed = (("red", "Mars"), ("titan", "Mars"), ("moon-count", "2"))[i % 3]
        record = answer_of(EARTH, question, typed)
        store.record(record, mode="practice", session_id=name, now=T0 + timedelta(seconds=i))
"""


def test_two_quizapps_writing_at_once_lose_nothing_and_corrupt_nothing(tmp_path: Path) -> None:
    root = str(Path(__file__).resolve().parents[2])
    script = WRITER.format(root=root, folder=str(tmp_path))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, name, "150"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        assert writer.wait(timeout=60) == 0
    with open_store(tmp_path).store as store:
        assert store.answer_count() == 300
        sessions = store.select("SELECT session_id, count(*) FROM answers GROUP BY session_id")
        assert sorted(sessions) == [("one", 150), ("two", 150)]
        assert store.scalar("SELECT sum(reviews) FROM cards") == 300
        assert store.scalar("PRAGMA integrity_check") == "ok"


def test_two_stores_in_one_process_interleave_their_writes(tmp_path: Path) -> None:
    first, second = open_store(tmp_path).store, open_store(tmp_path).store

    def write(store: Store, session: str) -> None:
        for i in range(60):
            save(store, EARTH, "red", "Mars", T0 + timedelta(seconds=i), session_id=session)

    pairs = ((first, "a"), (second, "b"))
    threads = [threading.Thread(target=write, args=pair) for pair in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert first.answer_count() == second.answer_count() == 120
    assert first.scalar("SELECT reviews FROM cards") == 120
    first.close()
    second.close()
    assert os.path.exists(tmp_path / STORE_FILE)
