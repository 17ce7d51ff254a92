"""`quizapp serve`'s command line: what it checks before serving, the join code it makes up for
a host other than this machine, and the settings it hands the server. The server itself is
replaced here (tests/browser runs the real one)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

import quizapp.server
from quizapp.cli import SUBCOMMANDS, main
from quizapp.cli.serve import cmd_serve
from quizapp.core.serving import SESSION_MIB
from quizapp.core.serving.gate import CODE_ALPHABET

BANK = Path(__file__).resolve().parents[1] / "ui" / "banks" / "serve-class.yaml"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What `quizapp serve` would have served (the server is not started)."""
    calls: list[dict[str, Any]] = []

    def serve_class(config: Any, **settings: Any) -> int:
        calls.append({"config": config, **settings})
        return 0

    monkeypatch.setattr(quizapp.server, "serve_class", serve_class, raising=False)
    return calls


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cmd_serve([str(arg) for arg in args], out, err)
    return status, out.getvalue(), err.getvalue()


def test_serve_is_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert "serve" in SUBCOMMANDS
    assert main(["serve", "--help"]) == 0
    assert "usage: quizapp serve" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--time", "30"], "--time is the time limit of an exam"),
        (["--mode", "practice", "--time", "30"], "--time is the time limit of an exam"),
        (["--count", "5"], "--count needs --mode"),
        (["--mode", "quiz"], "invalid choice"),
        (["--count", "0", "--mode", "exam"], "1 or more"),
        (["--max-sessions", "0"], "1 or more"),
        (["--code", "ab"], "a join code is 4 to 32 letters and digits"),
        (["--time", "-1", "--mode", "exam"], "0 (untimed) or more"),
        (["no-such-bank.yaml"], "no such file or folder: no-such-bank.yaml"),
    ],
)
def test_usage_errors_serve_nothing(
    args: list[str], said: str, served: list[dict[str, Any]], tmp_path: Path
) -> None:
    status, _, err = run(*args, "--results", tmp_path / "r")
    assert status == 2 and said in err
    assert served == [] and not (tmp_path / "r").exists()


def test_on_this_machine_only_no_code_is_needed(
    served: list[dict[str, Any]], tmp_path: Path
) -> None:
    assert (
        run(BANK, "--mode", "exam", "--count", "2", "--time", "10", "--results", tmp_path)[0] == 0
    )
    [call] = served
    assert call["host"] == "127.0.0.1" and call["port"] == 8000 and call["code"] is None
    config = call["config"]
    assert config.banks == (str(BANK),) and config.results_dir == str(tmp_path.resolve())
    assert (config.mode, config.count, config.time_limit) == ("exam", 2, 10.0)
    assert config.code_required is False


def test_another_host_gets_a_code_made_up(served: list[dict[str, Any]], tmp_path: Path) -> None:
    run(BANK, "--host", "0.0.0.0", "--results", tmp_path)
    code = served[0]["code"]
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    assert served[0]["config"].code_required is True


def test_a_code_given_is_required_even_on_this_machine(
    served: list[dict[str, Any]], tmp_path: Path
) -> None:
    run(BANK, "--code", "week-3", "--results", tmp_path)
    assert served[0]["code"] == "WEEK3" and served[0]["config"].code_required


def test_the_default_limit_comes_from_the_memory_available(
    served: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quizapp.core.serving.available_memory", lambda: 4 << 30)
    run(BANK, "--results", tmp_path)
    assert served[0]["max_sessions"] == (2 << 30) // (SESSION_MIB << 20)
    run(BANK, "--results", tmp_path, "--max-sessions", "7")
    assert served[1]["max_sessions"] == 7


def test_the_results_folder_defaults_to_one_per_day(
    served: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run(BANK)
    folder = Path(served[0]["config"].results_dir)
    assert folder.parent == tmp_path.resolve() and folder.name.startswith("quizapp-class-20")
    assert folder.is_dir()
