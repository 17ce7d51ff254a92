"""A wheel built from the tree carries the bundled banks (from the top-level `questions/`), the
stylesheets and the schema, and the installed app finds its banks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_wheel_carries_the_banks_and_the_installed_app_finds_them(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("quizapp", "questions"):
        shutil.copytree(ROOT / folder, tree / folder, ignore=ignore)
    wheels = tmp_path / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*build, "-w", str(wheels), str(tree)], check=True, capture_output=True)
    (wheel,) = wheels.glob("quizapp-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    banks = sorted(path.name for path in (ROOT / "questions").glob("*.yaml"))
    assert banks and all(f"quizapp/questions/{bank}" in names for bank in banks)
    assert {"quizapp/quizapp.tcss", "quizapp/screens/quiz.tcss"} <= names
    assert "quizapp/schema/bank.schema.json" in names
    assert {"quizapp/server/templates/index.html", "quizapp/screens/signin.tcss"} <= names

    target = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target"]
    subprocess.run([*install, str(target), str(wheel)], check=True, capture_output=True)
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}

    def installed(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, text=True
        )

    where = installed("-c", "from quizapp.core.bank import bundled_banks_dir as d; print(d())")
    assert where.stdout.strip() == str(target / "quizapp" / "questions")  # not the checkout's
    done = installed("-m", "quizapp", "validate")
    assert done.returncode == 0, done.stderr
    assert f"{len(banks)} banks checked: {len(banks)} valid" in done.stdout


def test_every_bundled_bank_points_its_editor_at_the_committed_schema() -> None:
    for bank in (ROOT / "questions").glob("*.yaml"):
        first = bank.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), bank.name
        assert (bank.parent / first.removeprefix(prefix)).resolve().is_file(), bank.name
