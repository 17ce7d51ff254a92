"""Answers into DuckDB: results files through DuckDB's own readers, rows from Python by appender.

Every answer lands in one table, `raw` (`RAW_TABLE`), with its response reduced to what item
analysis reads: its `kind` (the tag of quizapp's tagged JSON: int, set, str, tuple, self_grade,
or none for a question left blank) and its `picks` (the choice indexes of int and set responses).
`bad` marks a row that breaks a rule of the format (`fields`), checked in SQL.

A file is first looked at by `sniff` (format; a foreign or non-UTF-8 start is refused by name).
Then all CSV files are read by one `read_csv`, all JSON Lines files by one `read_json`, all
Parquet files by one `read_parquet`. A JSON Lines file that DuckDB's JSON reader cannot read
through (a line that is not JSON) or that holds a bad row is read again by DuckDB line by line,
each row keeping its line number, and only its bad lines go to Python, to be named in the words
the line reader always used (`lines.jsonl_problem`). A CSV file with a fault (a record with too
few fields...), or any file with a byte that is not UTF-8, is read by the line-by-line reader
(`lines.stream_results`), which streams its good rows here; a Parquet file's bad rows are
reported by row number. So clean files, the usual case, never go through Python.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from quizapp.core.model import Response, SelfGrade
from quizapp.core.progress import COLUMNS
from quizapp.core.stats.engine import Connection
from quizapp.core.stats.inputs.fields import EXPECTED
from quizapp.core.stats.inputs.files import RowProblem
from quizapp.core.stats.inputs.ingest_sql import (
    LINES,
    RAW_COLUMNS,
    bad_rows_sql,
    select_sql,
    setup_sql,
)
from quizapp.core.stats.inputs.lines import jsonl_problem, stream_results
from quizapp.core.stats.inputs.sniff import Sniffed, sniff
from quizapp.core.stats.rows import ResultRow

__all__ = ["Loaded", "load_files", "load_rows", "response_kind"]

_BATCH = 10_000


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading the results files found besides the rows."""

    problems: tuple[RowProblem, ...]
    """Refused files and bad rows, in the order the files were given."""
    refused: tuple[RowProblem, ...]


def response_kind(response: Response | None) -> tuple[str, int | None, list[int] | None]:
    """The `kind`, `pick` and `picks` columns for a response decoded in Python."""
    if response is None:
        return "none", None, None
    if isinstance(response, SelfGrade):
        return "self_grade", None, None
    if isinstance(response, bool):  # never a response; kept out of the choice counts
        return "bad", None, None
    if isinstance(response, int):
        return "int", response, None
    if isinstance(response, frozenset):
        return "set", None, sorted(response)
    return ("str" if isinstance(response, str) else "tuple"), None, None


def load_rows(con: Connection, rows: Iterable[ResultRow], src: int = 0) -> int:
    """Append `rows` (from the local store, a test, or the line reader) to `raw`; returns how
    many. `src` orders them among the files (an answer in two sources counts the first)."""
    setup(con)
    count = 0
    appender = con.db.appender("raw")
    try:
        for row in rows:
            kind, pick, picks = response_kind(row.response)
            names = json.dumps(list(row.misconceptions)) if row.misconceptions else None
            appender.append_row(
                src, count, row.install_id, row.answer_id, row.answered_at, row.bank_id,
                row.question_id, row.content_hash, row.session_id, row.mode, kind, pick, picks,
                row.score, names, row.seconds, False, None,
            )  # fmt: skip
            count += 1
            if count % _BATCH == 0:
                appender.flush()
    finally:
        appender.flush()
    return count


def setup(con: Connection) -> None:
    """Create `raw` and the macros the readers use, once per connection."""
    if not con.has_raw:
        con.db.execute(";\n".join(setup_sql(RAW_COLUMNS)))
        con.has_raw = True


def load_files(con: Connection, paths: Sequence[Path]) -> Loaded:
    """Read every results file in `paths` into `raw` (see the module docstring)."""
    setup(con)
    problems: dict[int, list[RowProblem]] = {}
    by_format: dict[str, list[tuple[int, str]]] = {"csv": [], "jsonl": [], "parquet": []}
    for src, path in enumerate(paths, start=1):
        found = sniff(path)
        if found.refused is None and found.format == "parquet":
            found = _parquet_columns(con, found)
        if found.refused is not None:
            problems[src] = [found.refused]
        else:
            by_format[found.format].append((src, found.path))
    again: list[tuple[int, str, str]] = []
    for fmt, files in by_format.items():
        if files:
            again += [(src, name, fmt) for src, name in _read_fast(con, fmt, files, problems)]
    for src, name, fmt in sorted(again):
        named = _read_lines(con, src, name) if fmt == "jsonl" else None
        problems[src] = named if named is not None else _read_slow(con, src, name, fmt)
    found_problems = tuple(p for src in sorted(problems) for p in problems[src])
    return Loaded(found_problems, tuple(p for p in found_problems if p.line == 0))


def _read_fast(
    con: Connection, fmt: str, files: list[tuple[int, str]], problems: dict[int, list[RowProblem]]
) -> list[tuple[int, str]]:
    """Read `files` of `fmt` in one DuckDB scan; the files to read again line by line."""
    try:
        _insert(con, fmt, files)
    except con.error:
        if len(files) == 1:
            return [] if fmt == "parquet" and _parquet_refused(files[0], problems) else files
        return [again for one in files for again in _read_fast(con, fmt, [one], problems)]
    bad = {src for (src,) in con.rows("SELECT DISTINCT src FROM raw WHERE bad")}
    if fmt == "parquet":
        for src, name in files:
            if src in bad:
                problems[src] = _parquet_problems(con, src, name)
        return []
    if bad:
        con.db.execute(f"DELETE FROM raw WHERE src IN ({','.join(map(str, sorted(bad)))})")
    return [(src, name) for src, name in files if src in bad]


def _insert(con: Connection, fmt: str, files: list[tuple[int, str]]) -> None:
    names = [name for _, name in files]
    label = f"reading {len(names)} file{'s' * (len(names) != 1)}"
    con.run(f"INSERT INTO raw {select_sql(fmt)}", [names, [src for src, _ in files]], label)


def _read_lines(con: Connection, src: int, name: str) -> list[RowProblem] | None:
    """Read one JSON Lines file line by line in DuckDB, each row keeping its line; the bad
    lines are named in the line reader's words. None when DuckDB cannot read it even so (a byte
    that is not UTF-8): then the line reader must."""
    con.db.execute("SET preserve_insertion_order = true")  # lines are numbered as read
    try:
        con.run(f"INSERT INTO raw {select_sql('jsonl_lines')}", [name, src], "reading again")
        bad = con.rows(
            f"SELECT n, line FROM ({LINES}) WHERE n IN "
            "(SELECT pos FROM raw WHERE src = $2 AND bad) ORDER BY n",
            [name, src],
        )
    except con.error:
        con.db.execute("DELETE FROM raw WHERE src = ?", [src])
        return None
    finally:
        con.db.execute("SET preserve_insertion_order = false")
    return [RowProblem(name, number, jsonl_problem(name, line or "")) for number, line in bad]


def _read_slow(con: Connection, src: int, name: str, fmt: str) -> list[RowProblem]:
    """Read one file line by line: its good rows go to `raw` as they come (so a big file costs
    no memory), its problems come back; a file refused late (a byte that is not UTF-8 far down)
    has the rows it gave taken out again."""
    problems: list[RowProblem] = []

    def rows() -> Iterator[ResultRow]:
        for found in stream_results(Path(name), fmt, EXPECTED):
            if isinstance(found, ResultRow):
                yield found
            else:
                problems.append(RowProblem(name, *found))

    load_rows(con, rows(), src)
    refused = [problem for problem in problems if problem.line == 0]
    if refused:
        con.db.execute("DELETE FROM raw WHERE src = ?", [src])
        return refused
    return problems


def _parquet_columns(con: Connection, found: Sniffed) -> Sniffed:
    """`found`, refused when it is not a Parquet file with every column of the format."""
    try:
        names = {row[0] for row in con.rows("DESCRIBE SELECT * FROM read_parquet(?)", [found.path])}
    except con.error:
        return replace(found, refused=RowProblem(found.path, 0, f"is not a Parquet file; expected "
                                                 f"{EXPECTED}"))  # fmt: skip
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        why = f"is not {EXPECTED}: it has no {missing[0]!r} column"
        return replace(found, refused=RowProblem(found.path, 0, why))
    return found


def _parquet_refused(file: tuple[int, str], problems: dict[int, list[RowProblem]]) -> bool:
    src, name = file
    problems[src] = [RowProblem(name, 0, f"is not a Parquet file DuckDB can read; expected "
                                f"{EXPECTED}")]  # fmt: skip
    return True


def _parquet_problems(con: Connection, src: int, name: str) -> list[RowProblem]:
    """Each bad row of a Parquet file, by row number, in the words of the line reader."""
    from quizapp.core.stats.inputs.fields import row_from_fields

    found: list[RowProblem] = []
    rows = con.rows(bad_rows_sql(), [name])
    names = [column for column, _ in _PARQUET_FIELDS]
    for number, *values in rows:
        fields: dict[str, Any] = dict(zip(names, values, strict=True))
        try:
            row_from_fields(_plain(fields), name)
        except ValueError as exc:
            found.append(RowProblem(name, number, str(exc)))
        else:
            found.append(RowProblem(name, number, "a field of the wrong type"))
    return found  # the bad rows stay in `raw`, marked: nothing reads them


_PARQUET_FIELDS = [
    ("install_id", "VARCHAR"),
    ("answer_id", "VARCHAR"),
    ("answered_at", "VARCHAR"),
    ("bank_id", "VARCHAR"),
    ("question_id", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("session_id", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("response", "VARCHAR"),
    ("score", "VARCHAR"),
    ("outcome", "VARCHAR"),
    ("misconceptions", "VARCHAR"),
]


def _plain(fields: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row's cells (read as text) as the JSON Lines values they stand for."""
    values = dict(fields)
    with contextlib.suppress(ValueError, TypeError):
        values["misconceptions"] = json.loads(fields["misconceptions"])
    for name, kind in (("answer_id", int), ("score", float)):
        with contextlib.suppress(ValueError, TypeError):
            values[name] = kind(fields[name]) if fields[name] is not None else None
    with contextlib.suppress(ValueError):
        values["response"] = None if fields["response"] is None else json.loads(fields["response"])
    values.setdefault("confidence", None)
    values.update(seconds=None, rating=None, confidence=None)
    return values
