"""`quizapp.core` (and the Textual-free commands) never import Textual.

As in harlequin's tests/unit_tests/test_import_hygiene.py: a fresh interpreter imports every module
of the package and then looks at what ended up in `sys.modules`.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import pkgutil, sys
import quizapp.core
names = [m.name for m in pkgutil.walk_packages(quizapp.core.__path__, "quizapp.core.")]
for name in names + ["quizapp.commands", "quizapp.recording", "quizapp.results_cli"]:
    __import__(name)
print(len(names))
print(sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "rich"))))
"""


def test_core_and_commands_do_not_import_textual() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    )
    count, imported = done.stdout.splitlines()
    assert int(count) >= 15  # every module was really imported: model, bank, catalog, parts...
    assert imported == "[]"
