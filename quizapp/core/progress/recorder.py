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

A log also takes back its session's latest answer (`SessionLog.undo`), and keeps a mock exam's
draft (`keep_draft`, replaced at every change, dropped with the submitted answers). The
recorder sets cards aside (`set_aside`, `restore`) and remembers settings for the screens.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store (sqlite3, fsrs) is imported by the worker that opens it
    from quizapp.core.progress.appender import ResultsAppender
    from quizapp.core.progress.storage.aside import Aside
    from quizapp.core.progress.storage.rows import Answered, StoredAnswer
    from quizapp.core.progress.storage.store import Store, StoreOpening

__all__ = ["DEFAULT_NEW_LIMIT", "MODES", "REVIEW_AS", "Recorder", "SessionLog", "utc_now"]

#: The mode names saved with each answer, by kind of session.
MODES = ("practice", "exam", "flashcards", "review", "target")

#: The setting naming what "Review due" gives: "flashcards" or "questions". Here, in a light
#: module, so the home screen names it without loading the store.
REVIEW_AS = "review_as"

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
    drop_draft: bool = False


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
        self._drafts: dict[str, str] = {}
        self._lock = threading.RLock()
        self._open = threading.Event()

    @property
    def saving(self) -> bool:
        """False when progress is known not to last: a store in memory with no results file
        beside it, or a failed save."""
        if self.error is not None:
            return False
        store = self.store
        return self.results is not None or store is None or store.persistent

    def session(self, mode: str, session_id: str | None = None) -> SessionLog:
        """A log for a study session in `mode` (one of `MODES`): a new one with a fresh session
        id, or the session `session_id` going on (a resumed exam)."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
        return SessionLog(self, mode, session_id or str(uuid.uuid4()))

    def save(
        self,
        answers: Sequence[Answered],
        mode: str,
        session_id: str,
        *,
        drop_draft: bool = False,
    ) -> None:
        """Save `answers` now, or keep them (with the time now) until the store is open.

        `drop_draft`: they end a mock exam, whose draft goes with them, in one transaction.
        """
        if not answers:
            return
        pending = _Pending(tuple(answers), mode, session_id, self.now(), drop_draft)
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
            drafts, self._drafts = self._drafts, {}
            self._open.set()
        for session_id, draft in drafts.items():
            self.keep_draft(session_id, draft)
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
        from quizapp.core.progress.storage.store import (
            StoreError,  # loaded already: the store is open
        )

        try:
            store.record_many(
                pending.answers,
                mode=pending.mode,
                session_id=pending.session_id,
                now=pending.at,
                drop_draft=pending.drop_draft,
            )
        except StoreError as exc:
            return self._failed(exc)
        return None

    def _failed(self, exc: Exception) -> str | None:
        """Note a failed save; the message to report when it is the first, else None."""
        first = self.error is None
        self.error = str(exc)
        return f"could not save progress: {exc}" if first else None

    # --- taking back, drafts, cards set aside, settings ---------------------------------------

    def undo(self, session_id: str) -> StoredAnswer | bool:
        """Take back the latest answer of `session_id`: the answer taken back from the store
        (True for one still waiting for it; False when there is none). Raises `StoreError`."""
        with self._lock:
            if self.store is not None:
                return self.store.undo(session_id) or False
            for index in reversed(range(len(self._pending))):
                entry = self._pending[index]
                if entry.session_id == session_id:
                    rest = entry.answers[:-1]
                    if rest:
                        self._pending[index] = _Pending(rest, entry.mode, session_id, entry.at)
                    else:
                        del self._pending[index]
                    return True
            return False

    def keep_draft(self, session_id: str, draft: str) -> None:
        """Keep `draft` (JSON) as the mock exam `session_id` stands; only the latest is kept
        while the store is not open yet. A failure is reported like a failed save."""
        from quizapp.core.progress.storage.aside import keep_draft
        from quizapp.core.progress.storage.store import StoreError

        with self._lock:
            if self.store is None:
                self._drafts[session_id] = draft
                return
            try:
                keep_draft(self.store, session_id, draft, self.now())
            except StoreError as exc:
                message = self._failed(exc)
            else:
                return
        if message is not None and self.on_error is not None:
            self.on_error(message)

    def drop_draft(self, session_id: str) -> None:
        """Forget the draft of the mock exam `session_id` (left on purpose, or discarded)."""
        from quizapp.core.progress.storage.aside import drop_draft
        from quizapp.core.progress.storage.store import StoreError

        with self._lock:
            self._drafts.pop(session_id, None)
            if self.store is not None:
                with contextlib.suppress(StoreError):  # kept: it will be offered, or dropped
                    drop_draft(self.store, session_id)

    def set_aside(self, key: tuple[str, str], kind: Aside) -> None:
        """Suspend a card, or bury it until the student's next day. Raises `StoreError` (also
        while the store is not open)."""
        from quizapp.core.progress.days import day_start, local_day, moment_of
        from quizapp.core.progress.storage.aside import Aside, set_aside

        store = self._open_store()
        now = moment_of(self.now())
        until = None
        if kind is Aside.BURIED:
            tomorrow = local_day(now, self.tz) + timedelta(days=1)
            until = datetime.fromtimestamp(day_start(tomorrow, self.tz), UTC)
        set_aside(store, *key, kind, now, until)

    def restore(self, key: tuple[str, str]) -> bool:
        """Bring a suspended or buried card back; False when it was not set aside."""
        from quizapp.core.progress.storage.aside import restore

        return restore(self._open_store(), *key)

    def setting(self, key: str) -> str | None:
        """The value remembered for `key` (None: none, or the store is not open or readable)."""
        from quizapp.core.progress.storage.aside import setting
        from quizapp.core.progress.storage.store import StoreError

        if self.store is None:
            return None
        try:
            return setting(self.store, key)
        except StoreError:
            return None

    def remember(self, key: str, value: str) -> None:
        """Remember `value` for `key` in the store (quietly not, when it cannot be written)."""
        from quizapp.core.progress.storage.aside import remember
        from quizapp.core.progress.storage.store import StoreError

        if self.store is not None:
            with contextlib.suppress(StoreError):
                remember(self.store, key, value)

    def _open_store(self) -> Store:
        from quizapp.core.progress.storage.store import StoreError

        if self.store is None:
            raise StoreError("the progress file is not open yet; try again in a moment")
        return self.store


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
        """Save every answer of a submitted exam, together, and drop the exam's draft."""
        self.recorder.save(answers, self.mode, self.session_id, drop_draft=True)

    def undo(self) -> StoredAnswer | bool:
        """Take back the session's latest answer (see `Recorder.undo`)."""
        return self.recorder.undo(self.session_id)

    def keep_draft(self, draft: str) -> None:
        """Keep the mock exam's draft (JSON) as it stands now."""
        self.recorder.keep_draft(self.session_id, draft)

    def drop_draft(self) -> None:
        """Forget the mock exam's draft: it was left on purpose."""
        self.recorder.drop_draft(self.session_id)
