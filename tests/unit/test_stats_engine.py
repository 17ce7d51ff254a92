"""Reading results with DuckDB and what the connection promises: a clean file never read in
Python, Parquet in and out (bad rows by row number), a file refused late, no extension ever
fetched, a memory limit kept, a progress bar only on a terminal, and DuckDB not loaded at
start-up."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from quizapp.core.stats import connect, parse_memory_limit
from quizapp.core.stats.engine import memory_limit_text, query
from quizapp.core.stats.inputs import ingest as ingest_module
from tests.unit.test_stats_cli import handed_in, run  # noqa: F401 - the fixture is used below


def test_a_clean_file_is_read_by_duckdb_alone(
    handed_in: Path,  # noqa: F811 - the fixture
    bank_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = []
    line_reader = ingest_module.stream_results
    monkeypatch.setattr(
        ingest_module,
        "stream_results",
        lambda p, *rest: read.append(str(p)) or line_reader(p, *rest),
    )
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    assert (status, err, read) == (0, "", [])  # no file went through the line reader
    assert json.loads(out)["answers"] == 25
    broken = handed_in / "s4.jsonl"
    broken.write_text(broken.read_text(encoding="utf-8") + "{oops\n", encoding="utf-8")
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    # DuckDB reads it again line by line; only the bad line is looked at in Python.
    assert read == [] and err == f"{broken}:6: not JSON: Expecting property name " \
        "enclosed in double quotes (column 2)\n"  # fmt: skip
    assert json.loads(out)["answers"] == 25
    csv_file = handed_in / "s1.csv"
    csv_file.write_text(csv_file.read_text(encoding="utf-8") + "x,y\r\n", encoding="utf-8")
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    assert read == [str(csv_file)] and f"{csv_file}:6: 2 fields; the header has 15" in err
    assert json.loads(out)["answers"] == 25


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    from tests.unit.test_stats import CLASS_YAML

    path = tmp_path / "class.yaml"
    path.write_text(CLASS_YAML, encoding="utf-8")
    return path


def test_parquet_in_and_out(
    handed_in: Path,  # noqa: F811 - the fixture
    bank_file: Path,
    tmp_path: Path,
) -> None:
    import _duckdb

    con = _duckdb.connect()
    parquet = tmp_path / "class.parquet"
    files = [str(p) for p in sorted(handed_in.glob("*.jsonl"))]
    con.execute(
        "COPY (SELECT * REPLACE (to_json(response)::VARCHAR AS response) FROM read_json(?, "
        "format='newline_delimited')) TO '" + str(parquet) + "' (FORMAT parquet)",
        [files],
    )
    for jsonl in handed_in.glob("*.jsonl"):
        jsonl.unlink()
    (handed_in / "class.parquet").write_bytes(parquet.read_bytes())
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["answers"] == 25  # the same class, s4-s6 now from Parquet
    output = tmp_path / "stats.parquet"
    status, _, err = run(handed_in, "--banks", bank_file, "--parquet", output)
    assert status == 0 and "wrote 23 rows" in err
    kinds = con.execute(f"SELECT kind, count(*) FROM '{output}' GROUP BY 1 ORDER BY 1").fetchall()
    assert kinds == [("choice", 16), ("misconception", 3), ("question", 4)]
    fake = tmp_path / "not.parquet"
    fake.write_text("hello", encoding="utf-8")
    status, _, err = run(fake)
    assert status == 1 and f"{fake}: is not a Parquet file" in err


def test_a_bad_parquet_row_is_reported_by_its_row_number(tmp_path: Path) -> None:
    import _duckdb

    from quizapp.core.stats.outputs.parquet import PARQUET_COLUMNS

    path = tmp_path / "bad.parquet"
    con = _duckdb.connect()
    columns = ", ".join(f"{name} {kind}" for name, kind in PARQUET_COLUMNS)
    con.execute(f"CREATE TABLE t ({columns})")
    row = ["i1", 1, "2025-03-03 09:00:00+00", "class", "q1", "h", "s", "exam", '{"int":0}', 1.0,
           "right", [], None, 2.0, 3]  # fmt: skip
    con.execute("INSERT INTO t VALUES (" + ",".join("?" * len(row)) + ")", row)
    row[1], row[9] = 2, 1.5
    con.execute("INSERT INTO t VALUES (" + ",".join("?" * len(row)) + ")", row)
    con.execute(f"COPY t TO '{path}' (FORMAT parquet)")
    status, out, err = run(path, "--json")
    assert status == 0 and err.splitlines()[0] == f"{path}:2: score 1.5 is not between 0 and 1"
    assert json.loads(out)["answers"] == 1


def test_the_connection_never_fetches_extensions_and_keeps_its_memory_limit() -> None:
    with connect(parse_memory_limit("300MB")) as con:
        settings = dict(con.rows(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ("
            "'autoinstall_known_extensions', 'autoload_known_extensions', 'memory_limit')"
        ))  # fmt: skip
        assert settings["autoinstall_known_extensions"] == "false"
        assert settings["autoload_known_extensions"] == "false"
        assert settings["memory_limit"].startswith("286")
        loaded = {name for (name,) in con.rows(
            "SELECT extension_name FROM duckdb_extensions() WHERE loaded")}  # fmt: skip
        assert {"json", "parquet"} <= loaded
    assert memory_limit_text(parse_memory_limit("2GB")) == "1907MiB"
    for bad in ("lots", "10MB", "2 parsecs"):
        with pytest.raises(ValueError):
            parse_memory_limit(bad)


def test_the_command_line_refuses_a_bad_memory_limit_and_minimum(handed_in: Path) -> None:  # noqa: F811
    assert run(handed_in, "--memory-limit", "lots")[0] == 2
    assert run(handed_in, "--min-students", "0")[0] == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _SlowDatabase:
    """A connection's database whose statements take a while, and are half done meanwhile."""

    def __init__(self, db: object) -> None:
        self.db = db

    def execute(self, sql: str, params: object) -> object:
        time.sleep(0.4)
        return self.db.execute(sql, params)  # type: ignore[attr-defined]

    def query_progress(self) -> float:
        return 50.0


def test_a_progress_bar_is_drawn_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizapp.core.stats import engine

    monkeypatch.setattr(engine, "_QUIET_SECONDS", 0.0)
    for stream, drawn in ((io.StringIO(), False), (_Terminal(), True)):
        with connect(progress=stream) as con:
            real = con.db
            con.db = _SlowDatabase(real)  # type: ignore[assignment]
            query(con, "SELECT 1", None, "counting")
            con.db = real
            assert con.rows("SELECT 42") == [(42,)]
        text = stream.getvalue()
        assert bool(text) is drawn
        if drawn:
            assert text.startswith("\rcounting") and " 50%" in text and text.endswith("\r")


def test_a_byte_that_is_not_utf8_far_down_refuses_the_whole_file(
    handed_in: Path,  # noqa: F811 - the fixture
    bank_file: Path,
    tmp_path: Path,
) -> None:
    good = (handed_in / "s1.csv").read_bytes()  # a header and four answers
    late = tmp_path / "late.csv"
    late.write_bytes(good + good.splitlines(keepends=True)[1].replace(b",q1,", b",q\xe9,"))
    status, _, err = run(late, "--banks", bank_file, "--json")
    assert status == 1
    assert err.splitlines() == [
        f"{late}: is not UTF-8 text (line 6); expected quizapp results, format 1",
        "quizapp stats: no answers to analyse",
    ]  # the four good rows before it were taken out again


def test_duckdb_is_not_loaded_until_an_analysis_runs() -> None:
    import subprocess
    import sys

    script = (
        "import sys, quizapp.app, quizapp.cli.stats, quizapp.cli.results, "
        "quizapp.screens.instructor\n"
        "print(sorted(m for m in sys.modules if m in ('duckdb', '_duckdb')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
