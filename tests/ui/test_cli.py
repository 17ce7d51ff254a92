"""The command line: help, version, subcommand dispatch, bad paths, and light start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import __version__
from quizapp.__main__ import main

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
    for text in ("BANK_OR_FOLDER", "validate", "schema", "--cache-dir", "--version"):
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


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["schema"], ["validate", "x.yaml"]])
def test_commands_that_do_not_open_the_app_do_not_import_textual(args: list[str]) -> None:
    code = (
        "import sys\nfrom quizapp.__main__ import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\nprint('TEXTUAL' if 'textual' in sys.modules else 'LIGHT')"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "LIGHT"
