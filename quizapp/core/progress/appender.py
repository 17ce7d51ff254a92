"""One student's answers appended to a results file as they are graded (`quizapp serve`).

The file is JSON Lines in the `quizapp results export` format (`export.answer_fields` shapes every
row), so `quizapp stats` reads a folder of them as it reads exported files. Each `append` writes
its rows with one `write` and `fsync`s them before it returns: an answer the student saw graded
survives the tab being closed or the process killed.

A student who signs in again continues their file: the first append reads it for the student's
`install_id` and the last `answer_id`, and numbering goes on from there. Two app processes of
one student (two tabs) take turns through an exclusive `flock` on the file, and each reads what
the other appended before numbering its own rows. A last line cut short (a disk that filled up)
is left as it is, on a line of its own: `quizapp stats` reports and skips it.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quizapp.core.progress.export import answer_fields
from quizapp.core.progress.schedule import rating_for
from quizapp.core.progress.storage.codec import content_hash
from quizapp.core.progress.storage.rows import Answered, StoredAnswer

__all__ = ["ResultsAppender"]

try:
    import fcntl
except ImportError:  # not POSIX: a single process per student is then assumed
    fcntl = None  # type: ignore[assignment]


class ResultsAppender:
    """Appends answers to the JSON Lines results file at `path` (created when missing)."""

    def __init__(self, path: Path) -> None:
        """An appender for `path`; nothing is read or written until the first `append`."""
        self.path = path
        self.install_id: str | None = None
        """The student's id in the file: read from it, else made at the first append."""
        self.written = 0
        """Answers this appender wrote."""
        self._next_id = 1
        self._size = -1
        """The file's size after our last write (-1: not read yet)."""
        self._ends_cleanly = True

    def append(
        self, answers: Sequence[Answered], *, mode: str, session_id: str, at: datetime
    ) -> None:
        """Write `answers` (graded at `at`, of session `session_id` in `mode`) and sync them.

        Raises OSError when the file cannot be written; nothing, or a part of one line, is then
        in it.
        """
        if not answers:
            return
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(self.path, flags | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            if fcntl is not None:
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            size = os.fstat(descriptor).st_size
            if size != self._size:
                self._catch_up(descriptor, size)
            if self.install_id is None:
                self.install_id = str(uuid.uuid4())
            first = self._next_id
            rows = [
                self._fields(answer, first + n, mode, session_id, at)
                for n, answer in enumerate(answers)
            ]
            lines = [json.dumps(row, ensure_ascii=False) for row in rows]
            data = ("" if self._ends_cleanly else "\n") + "\n".join(lines) + "\n"
            _write_all(descriptor, data.encode("utf-8"))
            os.fsync(descriptor)
            self._next_id = first + len(answers)
            self._size = size + len(data.encode("utf-8"))
            self._ends_cleanly = True
            self.written += len(answers)
        finally:
            os.close(descriptor)  # and the lock with it

    def _fields(
        self, answer: Answered, number: int, mode: str, session_id: str, at: datetime
    ) -> dict[str, Any]:
        verdict = answer.grade
        bank_id, question_id = answer.item.key
        stored = StoredAnswer(
            id=number,
            answered_at=at.astimezone(UTC),
            bank_id=bank_id,
            question_id=question_id,
            content_hash=content_hash(answer.item.question),
            mode=str(mode),
            session_id=session_id,
            response=answer.response,
            score=verdict.score,
            outcome=str(verdict.outcome),
            misconceptions=tuple(verdict.misconceptions),
            confidence=answer.confidence,
            seconds=answer.seconds,
            rating=int(
                rating_for(answer.response, verdict.score, answer.confidence, answer.seconds)
            ),
        )
        return answer_fields(self.install_id or "", stored)

    def _catch_up(self, descriptor: int, size: int) -> None:
        """Read the file as it is now: the student's id, the last answer number, its last byte."""
        os.lseek(descriptor, 0, os.SEEK_SET)
        chunks = []
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        data = b"".join(chunks)
        self._ends_cleanly = not data or data.endswith(b"\n")
        last = 0
        for line in data.splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut short: stats reports it
            if not isinstance(record, dict):
                continue
            if self.install_id is None and isinstance(record.get("install_id"), str):
                self.install_id = record["install_id"]
            number = record.get("answer_id")
            if isinstance(number, int) and not isinstance(number, bool):
                last = max(last, number)
        self._next_id = max(self._next_id, last + 1)
        self._size = size


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        done = os.write(descriptor, view)
        view = view[done:]
