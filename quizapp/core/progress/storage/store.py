"""Progress that lasts: every answer and every question's FSRS card, in one SQLite file.

`open_store()` opens `progress.sqlite3` in the data folder (`default_data_dir`) and never raises
for what a student could run into: a damaged or foreign file is moved aside and a fresh one
started; a folder that cannot be written gives a store in memory, so studying goes on unsaved.
Either way `StoreOpening.warning` says what happened, for the app to show.

`Store.record` saves one answer the moment it is graded: the answer row, the question's card
rescheduled by `schedule`, the tally of the misconceptions it revealed, and a note of the rows
as they were before (`undo`), all in one transaction (`rows`); `Store.undo` takes the latest
answer of a session back. The reads behind the home and progress screens live in `figures`; the
export in `export`; suspended and buried cards, settings and exam drafts in `aside`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from fsrs import Card

from quizapp.core.model import Bank
from quizapp.core.progress.schedule import as_utc
from quizapp.core.progress.storage.checkpoint import Checkpointer
from quizapp.core.progress.storage.codec import content_hash
from quizapp.core.progress.storage.rows import (
    Answered,
    StoredAnswer,
    load_card,
    save_answer,
    stored_answers,
)
from quizapp.core.progress.storage.tables import (
    NotOurs,
    TooNew,
    check_file,
    check_header,
    configure,
    migrate,
)
from quizapp.core.progress.storage.undo import NotUndoable, prune, take_back

__all__ = [
    "STORE_FILE",
    "Store",
    "StoreError",
    "StoreOpening",
    "default_data_dir",
    "open_memory_store",
    "open_store",
]

#: The name of the progress file in the data folder.
STORE_FILE = "progress.sqlite3"


class StoreError(RuntimeError):
    """Saving or reading progress failed (disk full, file damaged while open...): show, go on."""


def default_data_dir() -> Path:
    """Where progress is kept: `$QUIZAPP_DATA_DIR`, else the user data folder (`platformdirs`)."""
    override = os.environ.get("QUIZAPP_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("quizapp"))


class Store:
    """The progress database. Safe to share between threads (one connection behind a lock)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        """Wrap `conn`, already configured and migrated (`open_store` does both)."""
        self._conn = conn
        self._lock = threading.RLock()
        self._checkpointer = None if path is None else Checkpointer(path)
        self.path = path
        """The database file, or None for a store in memory."""
        self.install_id: str = self.scalar("SELECT value FROM meta WHERE key = 'install_id'")
        """A random id made with the file: tells one student's exported results from another's."""
        # A file that cannot be written still reads.
        with contextlib.suppress(StoreError), self.writing("forget old undo records") as writer:
            prune(writer)

    @property
    def persistent(self) -> bool:
        """False for a store in memory, whose progress is lost when the app closes."""
        return self.path is not None

    def record(
        self, answer: Answered, *, mode: str, session_id: str, now: datetime | None = None
    ) -> None:
        """Save `answer` and reschedule its question's card, in one transaction.

        `answer` is an `AnswerRecord` (or an exam's `QuestionResult`); `mode` names the session
        (practice, exam, flashcards, review...) and `session_id` groups its answers. Once this
        returns the answer survives the app being killed. `now` (timezone-aware) defaults to the
        clock. Raises `StoreError` when the database cannot be written; nothing is saved then.
        """
        self.record_many([answer], mode=mode, session_id=session_id, now=now)

    def record_many(
        self,
        answers: Iterable[Answered],
        *,
        mode: str,
        session_id: str,
        now: datetime | None = None,
        drop_draft: bool = False,
    ) -> None:
        """Save several answers (a submitted exam) in one transaction, in order, all at `now`.

        `drop_draft`: the exam is submitted, so its draft (`drafts`) goes in the same
        transaction: a crash can leave either the draft or the answers, never both.
        """
        moment = as_utc(now) if now is not None else datetime.now(UTC)
        # Hashed before taking the write lock, which another quizapp may be waiting for.
        prepared = [(answer, content_hash(answer.item.question)) for answer in answers]
        with self.writing("save the answer") as conn:
            for answer, digest in prepared:
                save_answer(conn, answer, digest, str(mode), session_id, moment)
            if drop_draft:
                conn.execute("DELETE FROM exam_drafts WHERE session_id = ?", (session_id,))
        if self._checkpointer is not None:
            self._checkpointer.committed(len(prepared))

    def undo(self, session_id: str) -> StoredAnswer | None:
        """Take back the latest answer of `session_id`: delete it and put its card, the tallies
        and the bank's row back exactly as they were before it. The answer taken back, or None
        when the session has none left. Raises `StoreError` when the store cannot be written or
        the question was answered again since in another session (nothing is changed then)."""
        with self.writing("take the answer back") as conn:
            latest = conn.execute(
                "SELECT max(answer_id) FROM undo WHERE session_id = ?", (session_id,)
            ).fetchone()[0]
            if latest is None:
                return None
            (answer,) = stored_answers(conn, None, None, answer_id=latest)
            try:
                take_back(conn, session_id)
            except NotUndoable as exc:
                raise StoreError(f"could not take the answer back: {exc}") from exc
            return answer

    @contextlib.contextmanager
    def writing(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One write transaction (for this package's modules): committed when the block ends,
        rolled back when it raises; SQLite errors become `StoreError` ("could not `doing`")."""
        with self._lock, self._errors(doing):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def card(self, bank_id: str, question_id: str) -> Card | None:
        """The FSRS card of a question, or None when it was never answered."""
        with self._lock, self._errors("read a card"):
            return load_card(self._conn, bank_id, question_id)

    def changed_questions(self, bank: Bank) -> list[str]:
        """Ids of `bank`'s questions whose content changed since they were last answered."""
        stored: dict[str, str] = dict(
            self.select("SELECT question_id, content_hash FROM cards WHERE bank_id = ?", (bank.id,))
        )
        return [q.id for q in bank.questions if q.id in stored and stored[q.id] != content_hash(q)]

    def retired(self, bank_id: str) -> list[str]:
        """Answered questions of `bank_id` that the bank no longer had when last seen."""
        text = self.scalar("SELECT retired FROM banks WHERE bank_id = ?", (bank_id,))
        return [] if text is None else list(json.loads(text))

    def remember_bank(self, bank_id: str, fingerprint: str, retired: Sequence[str]) -> None:
        """Note the bank's question ids as seen now, and its answered questions it lacks."""
        with self._lock, self._errors("note the bank's questions"):
            self._conn.execute(
                "INSERT OR REPLACE INTO banks (bank_id, questions, retired) VALUES (?, ?, ?)",
                (bank_id, fingerprint, json.dumps(list(retired), ensure_ascii=False)),
            )

    def answers(
        self, bank_id: str | None = None, since: datetime | None = None
    ) -> Iterator[StoredAnswer]:
        """Every saved answer (of one bank; answered at or after `since`), oldest first, lazily."""
        with self._lock, self._errors("read the answers"):
            yield from stored_answers(self._conn, bank_id, since)

    def answer_count(self, bank_id: str | None = None) -> int:
        """How many answers are saved, for one bank or in all."""
        if bank_id is None:
            return int(self.scalar("SELECT count(*) FROM answers"))
        return int(self.scalar("SELECT count(*) FROM answers WHERE bank_id = ?", (bank_id,)))

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of a read-only query (for `quizapp.core.progress.figures`)."""
        with self._lock, self._errors("read progress"):
            return self._conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row of a read-only query (None when there is no row)."""
        rows = self.select(sql, params)
        return rows[0][0] if rows else None

    def close(self) -> None:
        """Close the database; the last connection to close folds the WAL back into the file."""
        if self._checkpointer is not None:
            self._checkpointer.stop()
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            where = self.path or "the in-memory store"
            raise StoreError(f"could not {doing} in {where}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class StoreOpening:
    """The store `open_store` opened, and what the student must be told about it, if anything."""

    store: Store
    warning: str | None = None


def open_store(data_dir: Path | None = None) -> StoreOpening:
    """The progress store in `data_dir` (default: `default_data_dir()`), created when missing.

    Never raises for a fault on disk: a file that is not a quizapp progress file (damaged, not
    SQLite, another program's) is renamed `progress.sqlite3.corrupt-<UTC time>` and a fresh one
    started; a folder or file that cannot be written, or a file from a newer quizapp, gives a
    store in memory. `StoreOpening.warning` then says what happened.
    """
    directory = default_data_dir() if data_dir is None else Path(data_dir)
    path = directory / STORE_FILE
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _unsaved(f"cannot create the folder {directory}: {exc.strerror or exc}")
    try:
        return StoreOpening(Store(_connect(path), path))
    except NotOurs as exc:
        reason = str(exc)
    except TooNew as exc:
        return _unsaved(f"{path} was saved by a newer quizapp ({exc}); upgrade quizapp to use it")
    except (sqlite3.Error, OSError) as exc:
        return _unsaved(f"cannot open {path}: {exc}")
    try:
        moved = _move_aside(path)
        store = Store(_connect(path), path)
    except (sqlite3.Error, OSError, NotOurs, TooNew) as exc:
        return _unsaved(f"{path} could not be used ({reason}) nor moved aside: {exc}")
    warning = (
        f"{path} could not be used ({reason}). It was moved to {moved} and a fresh progress "
        "file was started."
    )
    return StoreOpening(store, warning)


def open_memory_store() -> Store:
    """A store that lives in memory only (tests, and studying when nothing can be saved)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(conn)
    return Store(conn, None)


def _unsaved(reason: str) -> StoreOpening:
    return StoreOpening(open_memory_store(), f"progress will not be saved: {reason}")


def _connect(path: Path) -> sqlite3.Connection:
    """A configured, migrated connection to `path` (raises NotOurs, TooNew, sqlite3.Error)."""
    # check_same_thread=False: the app opens the store in a worker and records on the UI thread;
    # the Store's lock keeps one thread at a time on the connection.
    check_header(path)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        check_file(conn)  # only reads: another program's file is left untouched
        configure(conn)
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _move_aside(path: Path) -> Path:
    """Rename `path` (and its -wal) to `<name>.corrupt-<time>`; drop its -shm. Returns the name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{count}")
    os.replace(path, target)
    # A stale -wal must go with its file: SQLite would otherwise replay it into the fresh one.
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        os.replace(wal, target.with_name(target.name + "-wal"))
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + "-shm").unlink()
    return target
