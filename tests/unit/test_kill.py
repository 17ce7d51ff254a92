"""Killed mid-session: no answer the student saw graded is lost.

A real quizapp process records answers one by one and prints "graded N" after each `record`
returns, as the app shows a grade only after saving it. The test kills it with SIGKILL while it
is still recording, reopens the store and looks for every answer that was printed.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from quizapp.core.progress import open_store
from tests.unit.progress_helpers import killed_after

RECORDER = """
import sys
from datetime import timedelta
from pathlib import Path
sys.path.insert(0, {root!r})
from quizapp.core.progress.storage.store import open_store
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
    # Well past the first background checkpoint (100 answers).
    printed, errors, returncode = killed_after(script, 300)
    assert returncode == -signal.SIGKILL, errors
    assert printed == list(range(1, len(printed) + 1)) and len(printed) >= 300

    with open_store(tmp_path).store as store:
        saved = {answer.response for answer in store.answers()}
        assert {f"answer {n}" for n in printed} <= saved
        assert store.scalar("PRAGMA integrity_check") == "ok"
        # Each answer also rescheduled its card in the same transaction.
        reviews = store.scalar("SELECT sum(reviews) FROM cards")
        assert reviews == store.answer_count() >= len(printed)


EXAM = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from quizapp.core.progress.storage.aside import keep_draft
from quizapp.core.progress.storage.drafts import draft_json
from quizapp.core.progress.storage.store import open_store
from quizapp.core.study import ExamSession
from quizapp.core.study.items import items_of
from tests.unit.progress_helpers import T0
from tests.unit.study_banks import EARTH
store = open_store(Path({folder!r})).store
ticks = [0.0]
exam = ExamSession(items_of(EARTH)[:4], time_limit_minutes=60, pass_mark=0.6,
                   clock=lambda: ticks[0])
for n in range(1, 1_000_000):
    ticks[0] += 1.0
    exam.go_to(n % 4)
    exam.toggle_flag()
    keep_draft(store, "killed-exam", draft_json(exam.items, exam.standing()), T0)
    print(f"kept {{n}}", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_an_exam_killed_mid_way_is_kept_as_it_stood(tmp_path: Path) -> None:
    from quizapp.core.progress.storage.aside import latest_draft
    from quizapp.core.progress.storage.drafts import read_draft, resume_draft
    from tests.unit.study_banks import EARTH

    root = str(Path(__file__).resolve().parents[2])
    script = EXAM.format(root=root, folder=str(tmp_path))
    printed, errors, returncode = killed_after(script, 150)
    assert returncode == -signal.SIGKILL, errors

    with open_store(tmp_path).store as store:
        kept = latest_draft(store)
        assert kept is not None and kept[0] == "killed-exam"
        saved = read_draft(*kept)
        assert saved is not None
        session = resume_draft(saved, {"earth": EARTH}).start(lambda: 0.0)
        # The draft is the last one printed, or one more (kept, killed before it printed).
        last = printed[-1]
        assert session.elapsed() == pytest.approx(last, abs=1.01)
        n = round(session.elapsed())
        assert n in (last, last + 1)
        # Step k (1..n) toggled the flag of question k % 4: flagged when toggled an odd
        # number of times.
        toggles = [(n - k) // 4 + 1 for k in range(1, 5)]
        flagged = [session.is_flagged(k % 4) for k in range(1, 5)]
        assert flagged == [count % 2 == 1 for count in toggles]
