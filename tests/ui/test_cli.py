"""The command line: help, version, subcommand dispatch, bad paths, and light start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import __version__
from quizapp.cli import main
from quizapp.core.progress import open_store
from tests.ui.helpers import PLANETS
from tests.unit.progress_helpers import T0, save
from tests.unit.study_banks import EARTH

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m quizapp ARGS` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args], cwd=cwd, capture_output=True, text=True
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"quizapp {__version__}"


def test_help_names_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for text in ("BANK_OR_FOLDER", "validate", "schema", "--cache-dir", "--version", "--data-dir"):
        assert text in out


def test_a_missing_bank_is_a_usage_error_without_traceback() -> None:
    result = run("no/such/bank.yaml")
    assert result.returncode == 2
    assert "no such file or folder: no/such/bank.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_and_schema_are_dispatched(capsys: pytest.CaptureFixture[str]) -> None:
    good = ROOT / "tests" / "ui" / "banks" / "ui-planets.yaml"
    broken = ROOT / "tests" / "ui" / "banks" / "ui-broken.yaml"
    assert main(["validate", str(good)]) == 0
    capsys.readouterr()
    assert main(["validate", str(broken)]) == 1
    captured = capsys.readouterr()
    assert f"{broken}:" in captured.out + captured.err
    assert main(["schema"]) == 0
    assert '"$schema"' in capsys.readouterr().out


def test_a_bank_named_like_a_command_opens_with_a_path(tmp_path: Path) -> None:
    # `validate` as the first word is the command; later words are paths to open.
    result = run("--version", "validate", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"quizapp {__version__}"
    result = run("./validate", cwd=tmp_path)  # does not exist: an open error, not the command
    assert result.returncode == 2 and "no such file or folder: validate" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["schema"], ["validate", "x.yaml"], ["results", "export", "-h"]],
)
def test_commands_that_do_not_open_the_app_do_not_import_textual(args: list[str]) -> None:
    code = (
        "import sys\nfrom quizapp.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\nprint('TEXTUAL' if 'textual' in sys.modules else 'LIGHT')"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "LIGHT"


class FakeApp:
    """Stands in for the app `make_app` builds: records how it was made, runs at once."""

    made: dict[str, object] = {}
    return_code = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        FakeApp.made = {"args": args, **kwargs}

    def run(self) -> None:
        pass


def test_data_dir_and_new_limit_reach_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quizapp.app.make_app", FakeApp)
    assert main(["--data-dir", str(tmp_path), "--new-limit", "5", str(PLANETS)]) == 0
    assert FakeApp.made["data_dir"] == tmp_path and FakeApp.made["new_limit"] == 5
    monkeypatch.setenv("QUIZAPP_NEW_LIMIT", "7")
    assert main([str(PLANETS)]) == 0
    # No --data-dir: the app takes $QUIZAPP_DATA_DIR, else the user data folder.
    assert FakeApp.made["data_dir"] is None and FakeApp.made["new_limit"] == 7


@pytest.mark.parametrize("limit", ["-1", "many"])
def test_a_bad_new_limit_is_a_usage_error(
    limit: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("quizapp.app.make_app", FakeApp)
    with pytest.raises(SystemExit) as exit_:
        main(["--new-limit", limit, str(PLANETS)])
    assert exit_.value.code == 2
    assert f"expected a whole number, 0 or more, not {limit!r}" in capsys.readouterr().err
    monkeypatch.setenv("QUIZAPP_NEW_LIMIT", limit)
    with pytest.raises(SystemExit) as exit_:
        main([str(PLANETS)])
    assert exit_.value.code == 2
    assert "QUIZAPP_NEW_LIMIT" in capsys.readouterr().err


def test_results_export_writes_the_saved_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["results", "export", "--format", "csv", "-o", "-", "--data-dir", str(data)]) == 1
    assert "no progress saved in" in capsys.readouterr().err
    with open_store(data).store as store:
        save(store, EARTH, "red", "Jupiter", T0)
    out = tmp_path / "results.jsonl"
    args = ["results", "export", "--format", "jsonl", "-o", str(out), "--data-dir", str(data)]
    assert main(args) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    row = json.loads(line)
    assert (row["question_id"], row["misconceptions"]) == ("red", ["bigger-is-closer"])
    assert "wrote 1 answer to" in capsys.readouterr().err
    assert main(["results"]) == 2
    assert main(["results", "export", "--format", "xml", "-o", "-"]) == 2
