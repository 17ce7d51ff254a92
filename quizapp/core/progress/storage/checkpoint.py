"""Folding the progress store's WAL back into its file, between answers, off the answer path."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from pathlib import Path

__all__ = ["CHECKPOINT_EVERY", "Checkpointer"]

#: Answers saved between two background checkpoints (each is about ten pages of WAL).
CHECKPOINT_EVERY = 100


class Checkpointer:
    """Folds the WAL back into the database file on its own thread, while the student reads.

    A checkpoint waits for the disk twice. Run by the committing connection (SQLite's default,
    every 1000 pages) it made one answer in a hundred take 5 ms; run on another thread at the
    same time as a commit it slows that commit as much. So it runs once enough answers have
    gathered *and* no answer has been saved for `IDLE_SECONDS` (the student is reading the
    feedback). Answers saved back to back without a pause leave it to the backstop,
    `tables.AUTOCHECKPOINT_PAGES`. The thread starts with the first checkpoint due;
    `stop` ends it.
    """

    IDLE_SECONDS = 0.5

    def __init__(self, path: Path, every: int = CHECKPOINT_EVERY) -> None:
        self._path = path
        self._every = every
        self._pending = 0
        self._last = time.monotonic()
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.checkpoints = 0
        """How many checkpoints the thread has run."""

    def committed(self, answers: int) -> None:
        """Note `answers` more answers saved; wake the thread once enough have gathered."""
        self._last = time.monotonic()
        self._pending += answers
        if self._pending < self._every or self._stopping:
            return
        self._pending = 0
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="quizapp-store-checkpoint", daemon=True
            )
            self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
            try:
                while self._idle():
                    # Best effort: a failed checkpoint is retried at the next one, or at close.
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                        self.checkpoints += 1
            finally:
                conn.close()

    def _idle(self) -> bool:
        """Wait for a checkpoint to be due and the store to be idle; False when stopping."""
        self._wake.wait()
        while not self._stopping:
            self._wake.clear()
            quiet = time.monotonic() - self._last
            if quiet >= self.IDLE_SECONDS:
                return True
            self._wake.wait(self.IDLE_SECONDS - quiet)  # `stop` cuts the wait short
        return False

    def stop(self) -> None:
        """End the thread (after the checkpoint it may be running)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
