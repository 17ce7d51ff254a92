"""The line-by-line reader of results files, for the files DuckDB's readers find a fault in.

It reads one line at a time, so a file of any size that holds one bad row costs time, not
memory: good rows are handed on as they come (`ingest` appends them to DuckDB in batches), and
each bad row becomes a `RowProblem` with its line. A file that is foreign (its header or first
record) or that is not UTF-8 (found at whichever line) is refused as a whole: the stream then
ends with a problem of line 0, and whatever rows it gave before must be dropped.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from quizapp.core.progress import COLUMNS
from quizapp.core.stats.inputs.fields import bad_header, csv_values, row_from_fields
from quizapp.core.stats.rows import ResultRow

__all__ = ["Refused", "jsonl_problem", "stream_results"]


class Refused(Exception):
    """Why a whole file cannot be read (raised inside the stream, given as a line-0 problem)."""


def stream_results(path: Path, fmt: str, expected: str) -> Iterator[ResultRow | tuple[int, str]]:
    """The rows of the results file at `path` ("csv" or "jsonl"), and `(line, message)` for each
    bad row; a refusal is `(0, message)`, and ends the stream (`expected` names the format)."""
    try:
        with open(path, "rb") as handle:
            lines = _decoded(handle, expected)
            if fmt == "jsonl":
                yield from _jsonl(str(path), lines, expected)
            else:
                yield from _csv(str(path), lines, expected)
    except Refused as refused:
        yield (0, str(refused))
    except OSError as exc:
        yield (0, f"cannot read it: {exc.strerror or exc}")


def _decoded(handle: BinaryIO, expected: str) -> Iterator[str]:
    """The file's lines as text, line ends kept; `Refused` at the first that is not UTF-8."""
    first = True
    for number, raw in enumerate(handle, start=1):
        try:
            yield raw.decode("utf-8-sig" if first else "utf-8")
        except UnicodeDecodeError:
            raise Refused(f"is not UTF-8 text (line {number}); expected {expected}") from None
        first = False


def _csv(path: str, lines: Iterator[str], expected: str) -> Iterator[ResultRow | tuple[int, str]]:
    reader = csv.reader(lines)
    header: list[str] | None = None
    end = 0  # the last line of the previous record: a record may span lines
    try:
        for record in reader:
            line, end = end + 1, reader.line_num
            if not record or record == [""]:
                continue
            if header is None:
                header = record
                if [name.strip() for name in record[: len(COLUMNS)]] != list(COLUMNS):
                    raise Refused(bad_header(record))
                continue
            if len(record) != len(header):
                yield (line, f"{len(record)} fields; the header has {len(header)}")
                continue
            fields = dict(zip(COLUMNS, record, strict=False))
            try:
                yield row_from_fields(csv_values(fields), f"{path}:{line}")
            except ValueError as exc:
                yield (line, str(exc))
    except csv.Error as exc:
        yield (reader.line_num, f"not CSV: {exc}")
    if header is None:
        raise Refused(f"is empty; expected {expected}")


def jsonl_problem(path: str, text: str) -> str:
    """What is wrong with one line of a JSON Lines results file (DuckDB found it bad)."""
    try:
        record = json.loads(text.strip())
    except json.JSONDecodeError as exc:
        return f"not JSON: {exc.msg} (column {exc.colno})"
    if not isinstance(record, dict):
        return "not a JSON object"
    try:
        row_from_fields(record, path)
    except ValueError as exc:
        return str(exc)
    return "a field of a type its column does not take"


def _jsonl(path: str, lines: Iterator[str], expected: str) -> Iterator[ResultRow | tuple[int, str]]:
    first = True
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            record, error = None, f"not JSON: {exc.msg} (column {exc.colno})"
        else:
            error = "" if isinstance(record, dict) else "not a JSON object"
        if first:
            first = False
            keys = record if isinstance(record, dict) else {}
            missing = [name for name in COLUMNS if name not in keys]
            if error or missing:
                why = error or f"the first record has no {missing[0]!r} field"
                raise Refused(f"is not {expected}: {why} (line {number})")
        if error:
            yield (number, error)
            continue
        assert isinstance(record, dict)
        try:
            yield row_from_fields(record, f"{path}:{number}")
        except ValueError as exc:
            yield (number, str(exc))
    if first:
        raise Refused(f"is empty; expected {expected}")
