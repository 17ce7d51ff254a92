"""Results that leave the machine: every saved answer as CSV or JSON Lines, for an instructor.

The format is stable, since an instructor's tools read files exported by many students (version
`RESULTS_FORMAT`; later versions only add columns at the end). One row (CSV) or one object per
line (JSON Lines) per answer, oldest first, with these fields, in this order:

    install_id      random id of the student's quizapp install: tells students' files apart
    answer_id       the answer's number in that install (1, 2, ...)
    answered_at     ISO 8601 time in UTC, e.g. 2025-03-01T14:02:03.250Z
    bank_id         the bank's id
    question_id     the question's id in the bank
    content_hash    16 hex digits fingerprinting the question's text as it was answered
    session_id      groups the answers of one session
    mode            practice, exam, flashcards, review, target...
    response        what the student gave, as tagged JSON (`quizapp.core.progress.storage.codec`):
                    {"int": 2}, {"set": [0, 2]}, {"str": "Paris"}, {"tuple": [...]},
                    {"self_grade": 3}; indexes count from 0 in the bank's own order;
                    empty (CSV) or null (JSON) for an exam question left unanswered
    score           0 to 1
    outcome         right, partial or wrong
    misconceptions  ids of the misconceptions the answer revealed: joined with ";" in CSV
                    (ids never contain one), a list in JSON
    confidence      1-3 when asked, else empty (CSV) or null (JSON)
    seconds         time taken on the question
    rating          the spaced-repetition rating it gave: 1 Again, 2 Hard, 3 Good, 4 Easy

CSV is RFC 4180 (comma separated, a header row, quoted where needed, CRLF line ends), UTF-8.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Literal, TextIO

from quizapp.core.progress.days import day_start
from quizapp.core.progress.storage.codec import response_to_json
from quizapp.core.progress.storage.rows import StoredAnswer
from quizapp.core.progress.storage.store import Store

__all__ = [
    "COLUMNS",
    "EXPORT_FORMATS",
    "RESULTS_FORMAT",
    "answer_fields",
    "export_answers",
    "export_fields",
]

#: The version of the exported format (see the module docstring).
RESULTS_FORMAT = 1

EXPORT_FORMATS = ("csv", "jsonl")

COLUMNS = (
    "install_id",
    "answer_id",
    "answered_at",
    "bank_id",
    "question_id",
    "content_hash",
    "session_id",
    "mode",
    "response",
    "score",
    "outcome",
    "misconceptions",
    "confidence",
    "seconds",
    "rating",
)


def answer_fields(install_id: str, answer: StoredAnswer) -> dict[str, Any]:
    """The exported fields of `answer`, as JSON Lines writes them (in `COLUMNS` order)."""
    response = response_to_json(answer.response)
    moment = answer.answered_at.astimezone(UTC).isoformat(timespec="milliseconds")
    return {
        "install_id": install_id,
        "answer_id": answer.id,
        "answered_at": moment.replace("+00:00", "Z"),
        "bank_id": answer.bank_id,
        "question_id": answer.question_id,
        "content_hash": answer.content_hash,
        "session_id": answer.session_id,
        "mode": answer.mode,
        "response": None if response is None else json.loads(response),
        "score": answer.score,
        "outcome": answer.outcome,
        "misconceptions": list(answer.misconceptions),
        "confidence": answer.confidence,
        "seconds": round(answer.seconds, 3),
        "rating": answer.rating,
    }


def _csv_row(fields: dict[str, Any]) -> list[Any]:
    row = dict(fields)
    if row["response"] is not None:
        row["response"] = json.dumps(row["response"], ensure_ascii=False, separators=(",", ":"))
    row["misconceptions"] = ";".join(row["misconceptions"])
    return ["" if row[name] is None else row[name] for name in COLUMNS]


def export_answers(
    store: Store,
    fmt: Literal["csv", "jsonl"] | str,
    out: TextIO,
    bank_id: str | None = None,
    since: date | None = None,
    tz: tzinfo | None = None,
) -> int:
    """Write the saved answers (of `bank_id`; from the local day `since` on) to `out`.

    `fmt` is "csv" (open `out` with `newline=""`) or "jsonl". Returns how many answers were
    written. Raises ValueError for another format, `StoreError` when the store cannot be read.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown results format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    rows = export_fields(store, bank_id, since, tz)
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for fields in rows:
            writer.writerow(_csv_row(fields))
            count += 1
    else:
        for fields in rows:
            out.write(json.dumps(fields, ensure_ascii=False) + "\n")
            count += 1
    return count


def export_fields(
    store: Store, bank_id: str | None = None, since: date | None = None, tz: tzinfo | None = None
) -> Iterator[dict[str, Any]]:
    """The exported fields of every saved answer (of `bank_id`; from the local day `since` on),
    oldest first, as `answer_fields` gives them (for writers of other formats: Parquet)."""
    start = None if since is None else datetime.fromtimestamp(day_start(since, tz), UTC)
    for answer in store.answers(bank_id, start):
        yield answer_fields(store.install_id, answer)
