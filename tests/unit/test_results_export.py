"""Results that leave the machine: the CSV and JSON Lines files and `quizapp results export`."""

from __future__ import annotations

import csv
import io
import json
import time
from dataclasses import replace
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest

from quizapp.cli.results import cmd_results, cmd_results_export
from quizapp.core.model import QuestionType
from quizapp.core.progress import (
    COLUMNS,
    STORE_FILE,
    Store,
    content_hash,
    export_answers,
    open_store,
)
from quizapp.core.study import ExamSession
from quizapp.core.study.items import items_of
from tests.unit.progress_helpers import T0, save
from tests.unit.study_banks import EARTH, STARS, FakeClock


def fill(store: Store) -> None:
    """Four answers over three days, two banks, one exam question left blank."""
    save(store, EARTH, "closest", 1, T0, confidence=3, seconds=4.25, session_id="a")
    save(store, EARTH, "giants", frozenset({0, 2}), T0 + timedelta(days=1), session_id="b")
    save(store, STARS, "polaris", "north", T0 + timedelta(days=2), session_id="c")
    exam = ExamSession(items_of(EARTH)[3:4], time_limit_minutes=None, pass_mark=0.5,
                       clock=FakeClock())  # fmt: skip
    store.record_many(exam.submit().results, mode="exam", session_id="d", now=T0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder).store as store:
        fill(store)
    return folder


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_the_documented_columns_and_one_row_per_answer(data_dir: Path) -> None:
    out = io.StringIO(newline="")
    with open_store(data_dir).store as store:
        assert export_answers(store, "csv", out) == 4
        install_id = store.install_id
    text = out.getvalue()
    assert text.splitlines()[0] == ",".join(COLUMNS) and "\r\n" in text
    rows = read_csv(text)
    assert [r["question_id"] for r in rows] == ["closest", "red", "giants", "polaris"]
    first = rows[0]
    assert first["install_id"] == install_id and first["answer_id"] == "1"
    assert first["answered_at"] == "2025-03-03T09:00:00.000Z"
    assert (first["bank_id"], first["session_id"], first["mode"]) == ("earth", "a", "practice")
    assert first["content_hash"] == content_hash(EARTH.question("closest"))
    assert first["response"] == '{"int":1}'
    assert (first["score"], first["outcome"], first["rating"]) == ("0.0", "wrong", "1")
    assert (first["confidence"], first["seconds"]) == ("3", "4.25")
    assert first["misconceptions"] == "bigger-is-closer"
    giants = rows[2]
    assert giants["response"] == '{"set":[0,2]}' and giants["misconceptions"] == "bigger-is-closer"
    assert giants["confidence"] == "" and giants["outcome"] == "wrong"
    unanswered = rows[1]
    assert (unanswered["mode"], unanswered["response"], unanswered["misconceptions"]) == (
        "exam",
        "",
        "",
    )


def test_several_misconceptions_share_one_csv_cell(tmp_path: Path) -> None:
    # An answer revealing two misconceptions: a multiple-choice pick of both wrong choices.
    multi = replace(EARTH.question("closest"), type=QuestionType.MULTIPLE, id="two-wrongs")
    bank = replace(EARTH, questions=(multi,))
    out = io.StringIO(newline="")
    with open_store(tmp_path).store as store:
        save(store, bank, "two-wrongs", frozenset({1, 2}), T0)
        export_answers(store, "csv", out)
    assert read_csv(out.getvalue())[0]["misconceptions"] == "bigger-is-closer;earth-centre"


def test_jsonl_keeps_types_lists_and_nulls(data_dir: Path) -> None:
    out = io.StringIO()
    with open_store(data_dir).store as store:
        assert export_answers(store, "jsonl", out) == 4
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [list(line) for line in lines] == [list(COLUMNS)] * 4
    first, unanswered, giants, polaris = lines
    assert first["response"] == {"int": 1} and first["misconceptions"] == ["bigger-is-closer"]
    assert first["confidence"] == 3 and first["score"] == 0.0 and first["answer_id"] == 1
    assert unanswered["response"] is None and unanswered["misconceptions"] == []
    assert giants["response"] == {"set": [0, 2]} and giants["confidence"] is None
    assert polaris["response"] == {"str": "north"} and polaris["outcome"] == "right"


def test_export_filters_by_bank_and_day(data_dir: Path) -> None:
    with open_store(data_dir).store as store:
        out = io.StringIO()
        assert export_answers(store, "jsonl", out, bank_id="stars") == 1
        out = io.StringIO()
        assert export_answers(store, "jsonl", out, since=date(2025, 3, 4), tz=UTC) == 2
        ids = [json.loads(line)["question_id"] for line in out.getvalue().splitlines()]
        assert ids == ["giants", "polaris"]
        assert export_answers(store, "csv", io.StringIO(), bank_id="nothing") == 0
        with pytest.raises(ValueError, match="unknown results format"):
            export_answers(store, "xml", io.StringIO())


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cmd_results_export(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def test_the_command_writes_a_file_and_says_how_many(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    target.write_text("an old export")
    status, out, err = run("--format", "csv", "-o", str(target), "--data-dir", str(data_dir))
    assert (status, out) == (0, "")
    assert err == f"quizapp results export: wrote 4 answers to {target}\n"
    assert len(read_csv(target.read_text(encoding="utf-8"))) == 4


def test_the_command_writes_to_stdout_with_a_dash_and_filters(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setenv("TZ", "UTC")  # --since is a day on the student's own clock
        time.tzset()
        status, out, err = run(
            "--format", "jsonl", "-o", "-", "--bank", "earth", "--since", "2025-03-04",
            "--data-dir", str(data_dir),
        )  # fmt: skip
    time.tzset()
    assert status == 0 and "to standard output" in err
    assert [json.loads(line)["question_id"] for line in out.splitlines()] == ["giants"]


def test_the_command_finds_the_store_through_the_environment(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(data_dir))
    status, out, _ = run("--format", "jsonl", "-o", "-")
    assert status == 0 and len(out.splitlines()) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.csv"], "the following arguments are required: --format"),
        (["--format", "csv"], "the following arguments are required: -o/--output"),
        (["--format", "xml", "-o", "x"], "invalid choice: 'xml'"),
        (["--format", "csv", "-o", "x", "--since", "3 March"], "expected a date as YYYY-MM-DD"),
        (["--format", "csv", "-o", "x", "--frobnicate"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2_with_the_reason(args: list[str], message: str) -> None:
    status, out, err = run(*args)
    assert status == 2 and out == "" and message in err and err.startswith("usage:")


def test_help_goes_to_stdout_and_exits_0() -> None:
    status, out, err = run("--help")
    assert status == 0 and out.startswith("usage: quizapp results export") and err == ""


def test_nothing_saved_yet_is_a_failure_not_an_empty_file(tmp_path: Path) -> None:
    status, _, err = run("--format", "csv", "-o", str(tmp_path / "r.csv"), "--data-dir",
                         str(tmp_path / "empty"))  # fmt: skip
    assert status == 1 and "no progress saved in" in err
    assert not (tmp_path / "r.csv").exists() and not (tmp_path / "empty").exists()


def test_an_output_that_cannot_be_written_fails_and_leaves_no_file(
    data_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "afile").write_text("")
    target = tmp_path / "afile" / "r.csv"
    status, _, err = run("--format", "csv", "-o", str(target), "--data-dir", str(data_dir))
    assert status == 1 and f"cannot write {target}" in err


def test_the_store_itself_is_never_the_output(data_dir: Path) -> None:
    target = data_dir / STORE_FILE
    before = target.read_bytes()
    status, _, err = run("--format", "csv", "-o", str(target), "--data-dir", str(data_dir))
    assert status == 2 and "the progress store itself" in err
    assert target.read_bytes() == before


def test_a_damaged_store_is_reported_and_fails(tmp_path: Path) -> None:
    (tmp_path / STORE_FILE).write_bytes(b"garbage" * 100)
    status, _, err = run("--format", "csv", "-o", "-", "--data-dir", str(tmp_path))
    assert status == 1 and "could not be used" in err


def test_results_needs_the_export_action() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cmd_results(["import"], out, err) == 2 and "unknown action 'import'" in err.getvalue()
    assert cmd_results([], out, io.StringIO()) == 2
    assert cmd_results(["--help"], out, err) == 0 and "results export" in out.getvalue()
    assert cmd_results(["export", "--help"], io.StringIO(), io.StringIO()) == 0
