"""Results files handed in by students: finding them, the problems found in them, and reading
one in Python (`read_results`: the line reader of `lines`, collected), as `quizapp results export`
writes them (`quizapp.core.progress.export`, format `RESULTS_FORMAT`). `quizapp stats` reads them
with DuckDB (`ingest`); this is the reference for what a good row is and how a bad one is named.

The format is told by the extension (`.csv`; `.jsonl`, `.ndjson`, `.json`), else by the content (a
first character `{` is JSON Lines). A file is refused as a whole, with a message naming it, when it
is not UTF-8 or is not results of a format this quizapp reads: a CSV header must start with the
format's columns in order (later versions only add columns at the end, so extra columns after them
are read), and the first JSON Lines record must hold every column. Inside a readable file a bad row
(a field missing or of the wrong kind, a score outside 0-1, a response that is not tagged JSON) is
reported with its line and skipped; the rest is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.stats.inputs.fields import EXPECTED
from quizapp.core.stats.inputs.lines import stream_results
from quizapp.core.stats.rows import ResultRow

__all__ = [
    "RESULTS_SUFFIXES",
    "ResultsFile",
    "ResultsRead",
    "RowProblem",
    "find_results_files",
    "format_of",
    "read_all",
    "read_results",
]

#: What a folder given as results is searched for.
RESULTS_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Something wrong with a results file: a bad row (its line), or the whole file (line 0)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ResultsFile:
    """What was read from one results file."""

    path: str
    format: str
    """"csv" or "jsonl" ('' when the file could not be read at all)."""
    rows: tuple[ResultRow, ...]
    problems: tuple[RowProblem, ...]
    """The bad rows that were skipped, each with its line."""
    refused: RowProblem | None = None
    """Why nothing could be read from the file, if so."""


@dataclass(frozen=True, slots=True)
class ResultsRead:
    """The rows of several results files together, each answer once."""

    rows: tuple[ResultRow, ...]
    files: tuple[ResultsFile, ...]
    duplicates: int
    """Rows left out because an earlier row had the same student and answer number (the same
    answer handed in twice, or in two overlapping exports)."""

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        """Every refused file and bad row, in the order read."""
        found: list[RowProblem] = []
        for file in self.files:
            found += [file.refused] if file.refused else file.problems
        return tuple(found)

    @property
    def refused(self) -> tuple[RowProblem, ...]:
        """Why each file that could not be read at all was refused."""
        return tuple(file.refused for file in self.files if file.refused is not None)


def read_all(paths: Sequence[str | Path]) -> ResultsRead:
    """Read every file in `paths` (see `read_results`); an answer in two files counts once."""
    files = tuple(read_results(path) for path in paths)
    seen: set[tuple[str, int]] = set()
    rows: list[ResultRow] = []
    duplicates = 0
    for file in files:
        for row in file.rows:
            key = (row.install_id, row.answer_id)
            if key in seen:
                duplicates += 1
                continue
            seen.add(key)
            rows.append(row)
    return ResultsRead(tuple(rows), files, duplicates)


def find_results_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[str]]:
    """The files named by `paths`: files as given, folders searched for `RESULTS_SUFFIXES`.

    Returns the files (each once, a folder's sorted by name) and the paths that do not exist.
    """
    found: dict[Path, None] = {}
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in RESULTS_SUFFIXES)
            for file in inside:
                if file.is_file() and not any(part.startswith(".") for part in file.parts):
                    found.setdefault(file)
        elif path.exists():
            found.setdefault(path)
        else:
            missing.append(str(given))
    return list(found), missing


def read_results(path: str | Path) -> ResultsFile:
    """Read the results file at `path`; never raises for what is in (or wrong with) the file."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="ignore").lstrip("\ufeff")
    except OSError as exc:
        return _refused(name, f"cannot read it: {exc.strerror or exc}")
    fmt = format_of(Path(path), head)
    rows: list[ResultRow] = []
    problems: list[RowProblem] = []
    for found in stream_results(Path(path), fmt, EXPECTED):
        if isinstance(found, ResultRow):
            rows.append(found)
        elif found[0] == 0:
            return _refused(name, found[1], fmt)
        else:
            problems.append(RowProblem(name, found[0], found[1]))
    return ResultsFile(name, fmt, tuple(rows), tuple(problems))


def format_of(path: Path, text: str) -> str:
    """ "csv" or "jsonl": by the extension, else by the first character of `text`."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "jsonl" if text.lstrip().startswith("{") else "csv"


def _refused(path: str, message: str, fmt: str = "") -> ResultsFile:
    return ResultsFile(path, fmt, (), (), RowProblem(path, 0, message))
