"""Results as Parquet: what `quizapp results export --format parquet` writes.

The same columns as CSV and JSON Lines (`quizapp.core.progress.export`), in the same order, with
Parquet's types: answered_at a UTC timestamp, answer_id, confidence and rating whole numbers,
score and seconds doubles, misconceptions a list of texts, and the response its tagged JSON as
text (a response has several shapes, which one Parquet type cannot hold). Parquet is the format
for a shared folder or an object store: columnar and compressed, read by DuckDB, Spark, Trino.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from quizapp.core.stats.engine import write_parquet_rows

__all__ = ["PARQUET_COLUMNS", "write_results_parquet"]

PARQUET_COLUMNS = (
    ("install_id", "VARCHAR"),
    ("answer_id", "BIGINT"),
    ("answered_at", "TIMESTAMPTZ"),
    ("bank_id", "VARCHAR"),
    ("question_id", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("session_id", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("response", "VARCHAR"),
    ("score", "DOUBLE"),
    ("outcome", "VARCHAR"),
    ("misconceptions", "VARCHAR[]"),
    ("confidence", "INTEGER"),
    ("seconds", "DOUBLE"),
    ("rating", "INTEGER"),
)


def _cells(rows: Iterable[dict[str, Any]]) -> Iterator[Sequence[Any]]:
    import json

    for fields in rows:
        response = fields["response"]
        yield [
            *(fields[name] for name in ("install_id", "answer_id")),
            datetime.fromisoformat(fields["answered_at"]),
            *(fields[name] for name in ("bank_id", "question_id", "content_hash")),
            fields["session_id"],
            fields["mode"],
            None if response is None else json.dumps(response, ensure_ascii=False,
                                                      separators=(",", ":")),
            fields["score"],
            fields["outcome"],
            list(fields["misconceptions"]),
            fields["confidence"],
            fields["seconds"],
            fields["rating"],
        ]  # fmt: skip


def write_results_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Write exported `rows` (`export_fields`) as a Parquet file at `path`; returns how many."""
    return write_parquet_rows(path, PARQUET_COLUMNS, _cells(rows))
