"""Telling a results file's format and refusing a foreign one, from its first bytes only.

DuckDB reads the rows (`ingest`); whether a file is quizapp results at all is
told here first, the same way `files` tells it, so that a foreign file is
refused by name with the same words whatever its size: a CSV header must start with the format's
columns in order, the first JSON Lines record must hold every column, a Parquet file must have
every column. Text that is not UTF-8 near the start is left to the full reader, which finds the
line.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.progress import COLUMNS
from quizapp.core.stats.inputs.fields import EXPECTED, bad_header
from quizapp.core.stats.inputs.files import JSONL_SUFFIXES, RowProblem, read_results

__all__ = ["PARQUET_MAGIC", "Sniffed", "sniff"]

PARQUET_MAGIC = b"PAR1"
#: How much of a text file is read to find its header or first record.
_CHUNK = 1 << 16
_MOST = 1 << 22


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What the start of a results file says."""

    path: str
    format: str
    """"csv", "jsonl" or "parquet"."""
    refused: RowProblem | None = None
    """Why the file cannot be read as results, if so."""


def sniff(path: Path) -> Sniffed:
    """The format of the results file at `path`, or why it is refused; never raises."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_CHUNK)
            fmt = _format(path, head)
            if fmt == "parquet":
                return Sniffed(name, fmt)
            text = _first_text(handle, head)
    except OSError as exc:
        return Sniffed(name, "", RowProblem(name, 0, f"cannot read it: {exc.strerror or exc}"))
    if text is None:  # not UTF-8 near the start: the full reader says where
        refused = read_results(path).refused
        return Sniffed(name, fmt, refused or RowProblem(name, 0, f"is not {EXPECTED}"))
    problem = _csv_header(text) if fmt == "csv" else _jsonl_first(text)
    return Sniffed(name, fmt, None if problem is None else RowProblem(name, 0, problem))


def _format(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".parquet" or (suffix not in (".csv", *JSONL_SUFFIXES) and head[:4] == b"PAR1"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "jsonl" if head.lstrip().lstrip(codecs.BOM_UTF8).startswith(b"{") else "csv"


def _first_text(handle: io.BufferedReader, head: bytes) -> str | None:
    """The start of the file as text, up to a line end after some content (None: not UTF-8)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    text = ""
    chunk = head
    try:
        while True:
            text += decoder.decode(chunk, final=not chunk)
            content = text.lstrip()
            if not chunk or len(text) >= _MOST or ("\n" in content and _balanced(content)):
                return text
            chunk = handle.read(_CHUNK)
    except UnicodeDecodeError:
        return None


def _balanced(text: str) -> bool:
    """Whether the first record of CSV `text` has ended (its quotes are closed at a line end)."""
    quotes = 0
    for index, char in enumerate(text):
        if char == '"':
            quotes += 1
        elif char == "\n" and quotes % 2 == 0 and text[:index].strip():
            return True
    return False


def _csv_header(text: str) -> str | None:
    try:
        for record in csv.reader(io.StringIO(text, newline="")):
            if record and record != [""]:
                if [name.strip() for name in record[: len(COLUMNS)]] != list(COLUMNS):
                    return bad_header(record)
                return None
    except csv.Error:
        return f"is not {EXPECTED}: its header is not CSV"
    return f"is empty; expected {EXPECTED}"


def _jsonl_first(text: str) -> str | None:
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            why = f"not JSON: {exc.msg} (column {exc.colno})"
        else:
            keys = record if isinstance(record, dict) else {}
            missing = [name for name in COLUMNS if name not in keys]
            if isinstance(record, dict) and not missing:
                return None
            shape = isinstance(record, dict)
            why = f"the first record has no {missing[0]!r} field" if shape else "not a JSON object"
        return f"is not {EXPECTED}: {why} (line {number})"
    return f"is empty; expected {EXPECTED}"
