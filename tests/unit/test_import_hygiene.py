"""The Textual-free rooms (`quizapp.core`, `quizapp.cli`) never import Textual.

As in harlequin's tests/unit_tests/test_import_hygiene.py: a fresh interpreter imports the modules
and then looks at what ended up in `sys.modules`. One interpreter imports them all, one after the
other, noting which (with what it newly brought in) loaded Textual or Rich; each module is then a
test of its own.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import quizapp.cli
import quizapp.core


def _modules() -> list[str]:
    found = []
    for package in (quizapp.core, quizapp.cli):
        found.append(package.__name__)
        found += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return sorted(found)


MODULES = _modules()

SCRIPT = """
import importlib, json, sys
def ui():
    return {m for m in sys.modules if m == "textual" or m.startswith(("textual.", "rich"))}
found = {}
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
    found[name] = sorted(ui())
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def loaded() -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(MODULES)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result


def test_every_room_is_covered() -> None:
    assert len(MODULES) >= 60  # the walk found the modules: model, bank, progress, cli...
    for name in ("quizapp.cli.args", "quizapp.cli.lint", "quizapp.core.progress.recorder"):
        assert name in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_module_does_not_import_textual(module: str, loaded: dict[str, list[str]]) -> None:
    assert loaded[module] == []


def test_the_first_frame_waits_for_no_store_nor_scheduler() -> None:
    """The app and its home screen load without SQLite, fsrs or the store: those load in the
    worker that opens the store, after the first frame (a name such as the setting "review as"
    must live in a light module)."""
    script = (
        "import json, sys; import quizapp.app, quizapp.screens.home, quizapp.flow; "
        "heavy = ('sqlite3', 'fsrs', 'quizapp.core.progress.storage.store'); "
        "print(json.dumps(sorted(m for m in heavy"
        " if m in sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == []
