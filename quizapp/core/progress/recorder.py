"""Saving answers as they are graded: the link between the study screens and the progress store.

Textual-free. The app makes one `Recorder`; the store is opened in a worker thread and handed
over with `opened()`, while the home screen is already showing. Each study screen takes a
`SessionLog` (`Recorder.session(mode)`), one session id, and calls `record` after every graded
answer (practice, a flashcard's grade) or `record_all` once an exam is submitted.

Answers given before the store is open are kept, with the time they were given, and saved the
moment it opens: nothing graded is lost. In a class session (`quizapp serve`) every answer is also
appended to the student's results file (`results`, a `ResultsAppender`) at once, before the store
sees it. A save that fails (`StoreError`: disk full, the file
gone bad while open) is reported once through `on_error`; studying goes on and later answers are
still tried.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store (sqlite3, fsrs) is imported by the worker that opens it
    from quizapp.core.progress.appender import ResultsAppender
    from quizapp.core.progress.rows import Answered
    from quizapp.core.progress.store import Store, StoreOpening

__all__ = ["DEFAULT_NEW_LIMIT", "MODES", "Recorder", "SessionLog", "utc_now"]

#: The mode names saved with each answer, by kind of session.
MODES = ("practice", "exam", "flashcards", "review", "target")

#: New cards a "Review due" session brings in per day, unless told otherwise. It lives here, in
#: a light module, so that the command line and the app name it without loading the store.
DEFAULT_NEW_LIMIT = 20


def utc_now() -> datetime:
    """The time now, in UTC (the recorder's default clock)."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class _Pending:
    answers: tuple[Answered, ...]
    mode: str
    session_id: str
    at: datetime


class Recorder:
    """The app's progress store, once open, and the answers waiting for it.

    `now` gives the time saved with each answer and that progress is counted at; `tz` the
    student's days (None: the system's time zone); `new_limit` the new cards a "Review due"
    brings in per day. Thread-safe: the store arrives from a worker, answers from the UI thread.
    """

    def __init__(
        self,
        now: Callable[[], datetime] = utc_now,
        *,
        tz: tzinfo | None = None,
        new_limit: int = DEFAULT_NEW_LIMIT,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """A recorder with no store yet; `on_error` is told of the first failed save."""
        self.now = now
        self.tz = tz
        self.new_limit = new_limit
        self.on_error = on_error
        self.store: Store | None = None
        """The open store, or None until `opened`."""
        self.warning: str | None = None
        """What went wrong opening the store (progress not saved, a file moved aside)."""
        self.error: str | None = None
        """Why the first answer that could not be saved was not, once one failed."""
        self.results: ResultsAppender | None = None
        """Where every answer is also appended as a results row (a class session), if anywhere."""
        self._pending: list[_Pending] = []
        self._lock = threading.Lock()
        self._open = threading.Event()

    @property
    def saving(self) -> bool:
        """False when progress is known not to last: a store in memory with no results file
        beside it, or a failed save."""
        if self.error is not None:
            return False
        store = self.store
        return self.results is not None or store is None or store.persistent

    def session(self, mode: str) -> SessionLog:
        """A log for a new study session in `mode` (one of `MODES`), with a fresh session id."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
        return SessionLog(self, mode, str(uuid.uuid4()))

    def save(self, answers: Sequence[Answered], mode: str, session_id: str) -> None:
        """Save `answers` now, or keep them (with the time now) until the store is open."""
        if not answers:
            return
        pending = _Pending(tuple(answers), mode, session_id, self.now())
        message = self._append(pending)
        with self._lock:
            if self.store is None:
                self._pending.append(pending)
            else:
                message = self._write(self.store, pending) or message
        if message is not None and self.on_error is not None:
            self.on_error(message)

    def opened(self, opening: StoreOpening) -> str | None:
        """Take the store `open_store` gave and save what waited for it (from any thread).

        Returns the message of a failed save among those (for the caller to show), else None.
        """
        with self._lock:
            self.store, self.warning = opening.store, opening.warning
            pending, self._pending = self._pending, []
            messages = [self._write(opening.store, entry) for entry in pending]
            self._open.set()
        return next((m for m in messages if m is not None), None)

    def wait_until_open(self, timeout: float) -> bool:
        """Block until the store is open (at most `timeout` seconds); True when it is."""
        return self._open.wait(timeout)

    @property
    def waiting(self) -> int:
        """How many sessions' answers wait for the store to open."""
        with self._lock:
            return len(self._pending)

    def close(self) -> None:
        """Close the store (answers still waiting for it are lost: call `wait_until_open`)."""
        with self._lock:
            if self.store is not None:
                self.store.close()

    def _append(self, pending: _Pending) -> str | None:
        """Append one batch to the results file, if any; a message when this is the first
        failure (later ones are tried and counted in `error` too, but not reported again)."""
        results = self.results
        if results is None:
            return None
        try:
            results.append(
                pending.answers, mode=pending.mode, session_id=pending.session_id, at=pending.at
            )
        except OSError as exc:
            first = self.error is None
            self.error = f"{results.path}: {exc.strerror or exc}"
            return f"could not write your results: {self.error}" if first else None
        return None

    def _write(self, store: Store, pending: _Pending) -> str | None:
        """Save one batch; the message to report when this is the first failure, else None."""
        from quizapp.core.progress.store import StoreError  # loaded already: the store is open

        try:
            store.record_many(
                pending.answers, mode=pending.mode, session_id=pending.session_id, now=pending.at
            )
        except StoreError as exc:
            first = self.error is None
            self.error = str(exc)
            return f"could not save progress: {exc}" if first else None
        return None


@dataclass(frozen=True, slots=True)
class SessionLog:
    """One study session's answers, saved under its mode and session id."""

    recorder: Recorder
    mode: str
    session_id: str

    def record(self, answer: Answered) -> None:
        """Save one graded answer (a practice answer, a flashcard's grade)."""
        self.recorder.save([answer], self.mode, self.session_id)

    def record_all(self, answers: Sequence[Answered]) -> None:
        """Save every answer of a submitted exam, together."""
        self.recorder.save(answers, self.mode, self.session_id)
