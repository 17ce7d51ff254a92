"""`quizapp validate` and `quizapp schema`: output, counts and exit status."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quizapp.cli.validate import cmd_schema, cmd_validate
from quizapp.core.bank.schema import bank_schema

VALID = "title: T\nquestions: [{id: q, prompt: P, answer: true}]\n"
BROKEN = "title: T\nquestions:\n  - {id: q, promt: P, answer: true}\n  - {id: r}\n"


def run(paths: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cmd_validate(paths, out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def banks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks" / "more").mkdir(parents=True)
    (tmp_path / "banks" / "good.yaml").write_text(VALID)
    (tmp_path / "banks" / "more" / "bad.yml").write_text(BROKEN)
    (tmp_path / "banks" / "readme.txt").write_text("not a bank")
    return tmp_path


def test_valid_banks_exit_zero(banks: Path) -> None:
    assert run(["banks/good.yaml"]) == (0, "1 bank checked: 1 valid, 0 invalid (0 problems)\n", "")


def test_every_problem_of_every_bank_is_printed(banks: Path) -> None:
    status, out, err = run(["banks"])
    assert status == 1 and err == ""
    assert out.splitlines() == [
        "banks/more/bad.yml:3:5: question 'q': missing `prompt`",
        "banks/more/bad.yml:3:13: question 'q': unknown key 'promt' (did you mean 'prompt'?)",
        "banks/more/bad.yml:4:5: question 'r': cannot tell the question type: "
        "add `type:` or the fields of one type",
        "banks/more/bad.yml:4:5: question 'r': missing `prompt`",
        "2 banks checked: 1 valid, 1 invalid (4 problems)",
    ]


def test_a_missing_path_is_a_usage_error(banks: Path) -> None:
    status, out, err = run(["banks/good.yaml", "nowhere.yaml"])
    assert status == 2
    assert err == "nowhere.yaml: no such file or folder\n"
    assert out == "1 bank checked: 1 valid, 0 invalid (0 problems)\n"


def test_no_bank_files_is_a_usage_error(banks: Path) -> None:
    (banks / "empty").mkdir()
    status, out, err = run(["empty"])
    assert (status, out) == (2, "")
    assert "no bank files" in err


def test_no_paths_validates_the_bundled_banks(banks: Path) -> None:
    status, out, _ = run([])
    assert status == 0
    assert out.endswith(" invalid (0 problems)\n")
    assert int(out.split()[0]) >= 1


def test_schema_prints_the_json_schema() -> None:
    out = io.StringIO()
    assert cmd_schema(out) == 0
    assert json.loads(out.getvalue()) == bank_schema()
    assert out.getvalue().endswith("}\n")
