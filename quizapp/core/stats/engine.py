"""The DuckDB connection item analysis runs on, and a progress bar for long queries.

DuckDB is imported here, and only when a connection is made, so that nothing on the app's
start-up path pays for it. Only the extensions the `duckdb` wheel has built in (json, parquet,
icu) are used: the connection never installs nor loads one from the network, which this machine
and a school's offline exam room cannot reach. The memory limit (default `default_memory_limit`)
bounds DuckDB's buffers; beyond it, DuckDB spills to a private temporary folder instead of
failing, so a department's year of answers fits a laptop.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from quizapp.core.visible import visible

if TYPE_CHECKING:
    from _duckdb import DuckDBPyConnection

__all__ = [
    "MEMORY_SHARE",
    "Connection",
    "connect",
    "default_memory_limit",
    "memory_limit_text",
    "parse_memory_limit",
    "query",
    "write_parquet_rows",
]

#: The share of the machine's memory DuckDB may use by default (a twentieth: 1.2 GB of 24 GB).
#: More buys little: ten million answers took 50 s with 1 GB and with 2.4 GB alike, spilling
#: what did not fit to disk, and the machine stays free for the instructor's other work.
MEMORY_SHARE = 0.05
#: The least it gets, whatever the machine.
_FLOOR = 256 * 1024**2
#: Queries that end sooner than this draw no progress bar.
_QUIET_SECONDS = 1.0
_UNITS = {"": 1, "B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3, "TB": 1000**4}
_UNITS |= {"KIB": 1024, "MIB": 1024**2, "GIB": 1024**3, "TIB": 1024**4}


def default_memory_limit() -> int:
    """`MEMORY_SHARE` of this machine's physical memory, in bytes (at least 256 MB)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not a POSIX system: assume 8 GB
        total = 8 * 1024**3
    return max(_FLOOR, int(total * MEMORY_SHARE))


def parse_memory_limit(text: str) -> int:
    """Bytes from `2GB`, `1.5 GiB`, `800MB` or a plain number of bytes; ValueError otherwise."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?I?B?)\s*", text.upper())
    if found is None or found.group(2) not in _UNITS:
        raise ValueError(f"expected a size such as 2GB or 800MB, not {text!r}")
    size = int(float(found.group(1)) * _UNITS[found.group(2)])
    if size < 64 * 1024**2:
        raise ValueError(f"{text!r} is too little for DuckDB; give at least 64MB")
    return size


def memory_limit_text(size: int) -> str:
    """`size` bytes as DuckDB's settings write it (whole megabytes)."""
    return f"{max(1, size // 1024**2)}MiB"


class Connection:
    """A DuckDB connection for one analysis, with its spill folder; close it when done."""

    def __init__(self, memory_limit: int | None = None, progress: TextIO | None = None) -> None:
        duckdb = _engine()

        self.spill = tempfile.mkdtemp(prefix="quizapp-stats-")
        limit = memory_limit or default_memory_limit()
        config: dict[str, Any] = {
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            "allow_community_extensions": False,
            "memory_limit": memory_limit_text(limit),
            "temp_directory": self.spill,
            "threads": max(1, min(os.cpu_count() or 1, 8)),
        }
        self.db: DuckDBPyConnection = duckdb.connect(":memory:", config=config)
        # DuckDB tracks a query's progress only with its bar on; its own bar would print on
        # standard output, into a --json document, so it tracks and `query` draws on stderr
        # (when that is a terminal: else nobody sees a bar, and tracking is not free).
        tracked = progress is not None and _is_terminal(progress)
        self.db.execute(f"SET enable_progress_bar = {str(tracked).lower()}")
        self.db.execute("SET enable_progress_bar_print = false")
        self.db.execute("SET progress_bar_time = 0")
        self.db.execute("SET TimeZone = 'UTC'")  # a time written without a zone is UTC
        # Every query that needs an order says so; without this, inserts run in parallel.
        self.db.execute("SET preserve_insertion_order = false")
        self.progress = progress
        self.error: type[Exception] = duckdb.Error
        self.has_raw = False
        """Whether the table of answers read, `raw`, is made (by `ingest.setup`)."""
        self.no_repeats = False
        """Proven by `analysis.prepare`: no attempt read met a question twice."""
        self.kept_in_raw: str | None = None
        """The condition on `raw` of the answers analysed, when they are rows of `raw` as read
        (set by `analysis.prepare`); None when they had to be copied (an answer read twice)."""

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database and remove what it spilled to disk."""
        self.db.close()
        shutil.rmtree(self.spill, ignore_errors=True)

    def run(self, sql: str, params: Sequence[Any] | None = None, label: str = "") -> None:
        """Execute `sql`, drawing a progress bar when it takes long (see `query`)."""
        query(self, sql, params, label)

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """The rows `sql` returns."""
        rows: list[tuple[Any, ...]] = self.db.execute(sql, params or []).fetchall()
        return rows


def _engine() -> Any:
    """DuckDB's engine module. The `duckdb` package's Python layer (relations, expressions,
    its version lookup) takes 0.1 s to import and none of it is used here: its compiled engine,
    `_duckdb`, which that package re-exports, takes a fifth of that."""
    try:
        import _duckdb

        return _duckdb
    except ImportError:  # a build that ships the engine inside the package
        import duckdb

        return duckdb


def connect(memory_limit: int | None = None, progress: TextIO | None = None) -> Connection:
    """A fresh in-memory database (see `Connection`)."""
    return Connection(memory_limit, progress)


def query(con: Connection, sql: str, params: Sequence[Any] | None, label: str) -> None:
    """Execute `sql` on `con`; if it runs longer than a second and `con.progress` is a terminal,
    draw `label` and a bar of DuckDB's own progress estimate on it until the query ends."""
    stream = con.progress
    if stream is None or not _is_terminal(stream):
        con.db.execute(sql, params or [])
        return
    failure: list[BaseException] = []

    def work() -> None:
        try:
            con.db.execute(sql, params or [])
        except BaseException as exc:  # handed back to the caller's thread below
            failure.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    with _bar(stream, label or "analysing") as draw:
        worker.start()
        start = time.monotonic()
        while worker.is_alive():
            worker.join(0.1)
            if time.monotonic() - start >= _QUIET_SECONDS:
                draw(con.db.query_progress())
    if failure:
        raise failure[0]


@contextmanager
def _bar(stream: TextIO, label: str) -> Iterator[Any]:
    drawn = [False]

    def draw(percent: float) -> None:
        if percent < 0:  # DuckDB has no estimate yet
            return
        share = min(100.0, percent) / 100
        cells = round(30 * share)
        name = visible(label)[:30]
        stream.write(f"\r{name:<30} [{'█' * cells}{' ' * (30 - cells)}] {share:4.0%}")
        stream.flush()
        drawn[0] = True

    try:
        yield draw
    finally:
        if drawn[0]:
            stream.write("\r" + " " * 70 + "\r")
            stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def write_parquet_rows(
    path: Path,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Sequence[Any]],
    memory_limit: int | None = None,
) -> int:
    """Write `rows` (Python values in the order of `columns`: name and DuckDB type) to a
    Parquet file at `path`, replaced in one step; returns the rows written."""
    target = Path(path)
    temporary = target.with_name(f".tmp-{target.name}")
    with connect(memory_limit) as con:
        spec = ", ".join(f'"{name}" {kind}' for name, kind in columns)
        con.db.execute(f"CREATE TABLE out ({spec})")
        appender = con.db.appender("out")
        count = 0
        for row in rows:
            appender.append_row(*row)
            count += 1
        appender.flush()
        con.db.execute(f"COPY out TO '{_quoted(temporary)}' (FORMAT parquet)")
    temporary.replace(target)
    return count


def _quoted(path: Path) -> str:
    """`path` inside a SQL string literal."""
    return str(path).replace("'", "''")
