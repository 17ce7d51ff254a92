"""`quizapp results export --format parquet`: typed columns, read back by `quizapp stats` with
the same figures as the CSV export."""

from __future__ import annotations

import io
import json
from pathlib import Path

from quizapp.cli.results import cmd_results_export
from tests.unit.test_stats_cli import run, student_store
from tests.unit.test_stats_engine import bank_file  # noqa: F401 - the fixture


def export(data_dir: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    status = cmd_results_export(["--data-dir", str(data_dir), *args], io.StringIO(), err)
    return status, err.getvalue()


def test_parquet_export_is_read_back_with_the_same_figures(
    tmp_path: Path,
    bank_file: Path,  # noqa: F811
) -> None:
    import _duckdb

    data_dir = student_store(tmp_path / "s4", "s4")
    target = tmp_path / "s4.parquet"
    status, err = export(data_dir, "--format", "parquet", "-o", str(target))
    assert status == 0 and "wrote 5 answers" in err
    types = dict(_duckdb.connect().execute(f"DESCRIBE SELECT * FROM '{target}'").fetchall()[i][:2]
                 for i in range(15))  # fmt: skip
    assert types["answered_at"] == "TIMESTAMP WITH TIME ZONE"
    assert (types["answer_id"], types["misconceptions"]) == ("BIGINT", "VARCHAR[]")
    export(data_dir, "--format", "csv", "-o", str(tmp_path / "s4.csv"))
    from_parquet = json.loads(run(target, "--banks", bank_file, "--json")[1])
    from_csv = json.loads(run(tmp_path / "s4.csv", "--banks", bank_file, "--json")[1])
    assert from_parquet == from_csv and from_parquet["answers"] == 5


def test_parquet_needs_a_file(tmp_path: Path) -> None:
    data_dir = student_store(tmp_path / "s1", "s1")
    status, err = export(data_dir, "--format", "parquet", "-o", "-")
    assert status == 2 and "Parquet is not text" in err
