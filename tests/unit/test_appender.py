"""The results file of a class session: every graded answer appended, synced, in the export
format, continued when the student comes back, and nothing shown as graded lost to a kill."""

from __future__ import annotations

import json
import signal
from datetime import timedelta
from pathlib import Path

import pytest

from quizapp.core.progress import COLUMNS, Recorder, ResultsAppender
from quizapp.core.stats import analyse, read_all
from quizapp.core.stats.inputs.files import read_results
from tests.unit.progress_helpers import T0, answer_of, killed_after
from tests.unit.study_banks import EARTH

#: A response to each question used, as a session would hold it.
RESPONSES: dict[str, object] = {"closest": 0, "red": "Mars", "giants": frozenset({0})}


def _append(appender: ResultsAppender, *question_ids: str, session: str = "s1") -> None:
    answers = [answer_of(EARTH, q, RESPONSES[q]) for q in question_ids]  # type: ignore[arg-type]
    appender.append(answers, mode="exam", session_id=session, at=T0)


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_rows_are_in_the_results_export_format(tmp_path: Path) -> None:
    path = tmp_path / "ann.jsonl"
    appender = ResultsAppender(path)
    _append(appender, "closest")
    _append(appender, "red")
    rows = _rows(path)
    assert [list(row) for row in rows] == [list(COLUMNS)] * 2
    assert [row["answer_id"] for row in rows] == [1, 2]
    assert rows[0]["answered_at"] == "2025-03-03T09:00:00.000Z"
    assert rows[0]["response"] == {"int": 0} and rows[0]["outcome"] == "right"
    read = read_results(path)
    assert read.problems == () and read.refused is None and len(read.rows) == 2
    assert appender.written == 2


def test_a_student_who_comes_back_continues_their_file(tmp_path: Path) -> None:
    path = tmp_path / "ann.jsonl"
    first = ResultsAppender(path)
    _append(first, "closest", "red")
    again = ResultsAppender(path)  # a new tab, after the first was closed
    _append(again, "giants", session="s2")
    rows = _rows(path)
    assert [row["answer_id"] for row in rows] == [1, 2, 3]
    assert {row["install_id"] for row in rows} == {first.install_id} == {again.install_id}
    analysis = analyse(read_all([path]).rows)
    assert analysis.students == 1 and analysis.attempts == 2


def test_two_tabs_of_one_student_take_turns(tmp_path: Path) -> None:
    path = tmp_path / "ann.jsonl"
    left, right = ResultsAppender(path), ResultsAppender(path)
    for _ in range(3):
        _append(left, "closest", session="left")
        _append(right, "red", session="right")
    ids = [row["answer_id"] for row in _rows(path)]
    assert ids == [1, 2, 3, 4, 5, 6]
    assert read_all([path]).duplicates == 0


def test_a_line_cut_short_stays_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "ann.jsonl"
    _append(ResultsAppender(path), "closest")
    with path.open("a", encoding="utf-8") as out:
        out.write('{"install_id": "cut sho')  # the disk filled up mid-line
    _append(ResultsAppender(path), "red")
    read = read_results(path)
    assert len(read.rows) == 2
    assert [problem.line for problem in read.problems] == [2]


def test_the_recorder_writes_the_file_before_the_store_opens(tmp_path: Path) -> None:
    recorder = Recorder(lambda: T0)
    recorder.results = ResultsAppender(tmp_path / "ann.jsonl")
    assert recorder.saving
    recorder.session("practice").record(answer_of(EARTH, "closest", 0))
    assert recorder.waiting == 1  # the store has the answer to come
    assert [row["mode"] for row in _rows(tmp_path / "ann.jsonl")] == ["practice"]


def test_a_file_that_cannot_be_written_is_reported_once(tmp_path: Path) -> None:
    said: list[str] = []
    recorder = Recorder(lambda: T0, on_error=said.append)
    recorder.results = ResultsAppender(tmp_path / "gone" / "ann.jsonl")
    log = recorder.session("practice")
    log.record(answer_of(EARTH, "closest", 0))
    log.record(answer_of(EARTH, "red", "Mars"))
    assert len(said) == 1 and "could not write your results" in said[0]
    assert not recorder.saving


APPENDER = """
import sys
from datetime import timedelta
from pathlib import Path
sys.path.insert(0, {root!r})
from quizapp.core.progress import ResultsAppender
from tests.unit.progress_helpers import T0, answer_of
from tests.unit.study_banks import EARTH
appender = ResultsAppender(Path({path!r}))
for n in range(1, 1_000_000):
    record = answer_of(EARTH, "red", f"answer {{n}}")
    appender.append([record], mode="practice", session_id="killed", at=T0 + timedelta(seconds=n))
    print(f"graded {{n}}", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_every_answer_shown_as_graded_survives_sigkill(tmp_path: Path) -> None:
    root = str(Path(__file__).resolve().parents[2])
    path = tmp_path / "ann.jsonl"
    script = APPENDER.format(root=root, path=str(path))
    printed, errors, returncode = killed_after(script, 200)
    assert returncode == -signal.SIGKILL, errors
    assert printed == list(range(1, len(printed) + 1)) and len(printed) >= 200

    read = read_results(path)
    saved = [row.response for row in read.rows]
    assert [f"answer {n}" for n in printed] == saved[: len(printed)]
    assert read.problems == ()  # no line was left half written
    assert [row.answer_id for row in read.rows] == list(range(1, len(read.rows) + 1))
    assert timedelta(0) < read.rows[-1].answered_at - read.rows[0].answered_at
