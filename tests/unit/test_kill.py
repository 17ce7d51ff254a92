"""Killed mid-session: no answer the student saw graded is lost.

A real quizapp process records answers one by one and prints "graded N" after each `record`
returns, as the app shows a grade only after saving it. The test kills it with SIGKILL while it
is still recording, reopens the store and looks for every answer that was printed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.core.progress import open_store

RECORDER = """
import sys
from datetime import timedelta
from pathlib import Path
sys.path.insert(0, {root!r})
from quizapp.core.progress.store import open_store
from tests.unit.progress_helpers import T0, answer_of
from tests.unit.study_banks import EARTH
store = open_store(Path({folder!r})).store
for n in range(1, 1_000_000):
    record = answer_of(EARTH, ("red", "titan")[n % 2], f"answer {{n}}")
    store.record(record, mode="practice", session_id="killed", now=T0 + timedelta(seconds=n))
    print(f"graded {{n}}", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_every_answer_shown_as_graded_survives_sigkill(tmp_path: Path) -> None:
    root = str(Path(__file__).resolve().parents[2])
    script = RECORDER.format(root=root, folder=str(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    printed: list[int] = []
    try:
        for line in process.stdout:
            printed.append(int(line.split()[1]))
            if printed[-1] >= 300:  # well past the first background checkpoint (100 answers)
                break
    finally:
        os.kill(process.pid, signal.SIGKILL)
    rest, errors = process.communicate(timeout=30)
    printed += [int(line.split()[1]) for line in rest.splitlines()]  # printed before it died
    assert process.returncode == -signal.SIGKILL, errors
    assert printed == list(range(1, len(printed) + 1)) and len(printed) >= 300

    with open_store(tmp_path).store as store:
        saved = {answer.response for answer in store.answers()}
        assert {f"answer {n}" for n in printed} <= saved
        assert store.scalar("PRAGMA integrity_check") == "ok"
        # Each answer also rescheduled its card in the same transaction.
        reviews = store.scalar("SELECT sum(reviews) FROM cards")
        assert reviews == store.answer_count() >= len(printed)
