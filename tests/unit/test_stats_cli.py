"""`quizapp stats`: results files from several students (and the local store), its three outputs,
bad rows reported with their lines, and its exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from quizapp.cli.stats import cmd_stats
from quizapp.core.model import Response
from quizapp.core.progress import COLUMNS, export_answers, open_store
from quizapp.core.stats.inputs.files import read_results
from tests.unit.progress_helpers import T0, save
from tests.unit.test_stats import CLASS, CLASS_YAML

A, B, C, D = 0, 1, 2, 3

#: The six-student class of test_stats (worked out by hand there), as each student's sessions.
PICKS: dict[str, list[tuple[str, dict[str, Response]]]] = {
    "s1": [("e1", {"q1": A, "q2": A, "q3": A, "q4": B})],
    "s2": [("e1", {"q1": A, "q2": A, "q3": A, "q4": B})],
    "s3": [("e1", {"q1": A, "q2": A, "q3": B, "q4": B})],
    "s4": [("e1", {"q1": A, "q2": B, "q3": B, "q4": A}), ("later", {"q2": A})],
    "s5": [("e1", {"q1": A, "q2": C, "q3": B, "q4": D})],
    "s6": [("e1", {"q1": B, "q2": B, "q3": C, "q4": A})],
}


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(newline=""), io.StringIO()
    status = cmd_stats([str(arg) for arg in args], out, err)
    return status, out.getvalue(), err.getvalue()


def student_store(folder: Path, student: str) -> Path:
    """A progress store in `folder` holding `student`'s answers, saved as the app saves them."""
    with open_store(folder).store as store:
        minute = 0
        for session, picks in PICKS[student]:
            for question, response in picks.items():
                minute += 1
                now = T0 + timedelta(minutes=minute)
                save(store, CLASS, question, response, now, mode="exam", session_id=session)
    return folder


def export(folder: Path, fmt: str, target: Path) -> Path:
    with open_store(folder).store as store, open(target, "w", encoding="utf-8", newline="") as f:
        export_answers(store, fmt, f)
    return target


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "class.yaml"
    path.write_text(CLASS_YAML, encoding="utf-8")
    return path


@pytest.fixture
def handed_in(tmp_path: Path) -> Path:
    """The class's results folder: s1-s3 exported as CSV, s4-s5 as JSON Lines, and s6 typed by
    hand (JSON Lines, with the same fields the export writes)."""
    folder = tmp_path / "handed-in"
    folder.mkdir()
    for number, student in enumerate(["s1", "s2", "s3", "s4", "s5"], start=1):
        fmt = "csv" if number <= 3 else "jsonl"
        export(student_store(tmp_path / student, student), fmt, folder / f"{student}.{fmt}")
    lines = []
    for number, (question, pick) in enumerate(PICKS["s6"][0][1].items(), start=1):
        right = pick == A
        lines.append(
            {
                "install_id": "student-six",
                "answer_id": number,
                "answered_at": f"2025-03-03T10:0{number}:00.000Z",
                "bank_id": "class",
                "question_id": question,
                "content_hash": "0000000000000000",
                "session_id": "e1",
                "mode": "exam",
                "response": {"int": pick},
                "score": 1.0 if right else 0.0,
                "outcome": "right" if right else "wrong",
                "misconceptions": [] if right else ["m-a"],
                "confidence": None,
                "seconds": 9.5,
                "rating": 3 if right else 1,
            }
        )
    text = "\n".join(json.dumps(line) for line in lines) + "\n"
    (folder / "s6-by-hand.jsonl").write_text(text, encoding="utf-8")
    return folder


def test_mixed_csv_and_jsonl_files_give_the_hand_worked_statistics(
    handed_in: Path, bank_file: Path
) -> None:
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert (data["students"], data["attempts"], data["answers"]) == (6, 7, 25)
    figures = {
        q["question_id"]: (round(q["facility"], 3), round(q["discrimination"], 3))
        for q in data["questions"]
    }
    assert figures == {
        "q1": (83.333, 0.108),
        "q2": (57.143, 0.333),
        "q3": (33.333, 0.5),
        "q4": (33.333, -0.746),
    }
    q4 = data["questions"][3]
    assert q4["flags"] == ["mis-keyed?", "edited"]  # s6's hand-typed hash is not the bank's
    assert [c["count"] for c in q4["choices"]] == [2, 3, 0, 1]
    assert q4["choices"][1]["text"] == "Four really right"
    holders = {m["id"]: m["holders"] for m in data["misconceptions"]}
    assert holders["m-a"] == 2  # s6 (by hand) and s4 (q2 right later, but the same day)


def test_the_table_fits_80_columns_and_names_what_needs_a_look(
    handed_in: Path, bank_file: Path
) -> None:
    status, out, _ = run(handed_in, "--banks", bank_file)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "6 students, 7 attempts, 25 answers"
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if line.startswith("q4 "))
    assert row.split()[:4] == ["q4", "6", "33.3%", "-0.75"] and "mis-keyed?" in row
    assert "q4: looks mis-keyed: the top third picked B 2×, the key A 0×" in out
    assert "  *A Four keyed" in out and "   B Four really right" in out
    assert "m-b" in out and "  Idea B" in out


def test_csv_output_has_question_choice_and_misconception_rows(
    handed_in: Path, bank_file: Path
) -> None:
    status, out, _ = run(handed_in, "--banks", bank_file, "--csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    kinds = [row["kind"] for row in rows]
    assert kinds.count("question") == 4 and kinds.count("choice") == 16
    assert kinds.count("misconception") == 3
    q2 = next(r for r in rows if r["kind"] == "question" and r["question_id"] == "q2")
    assert (q2["attempts"], q2["facility"], q2["discrimination"]) == ("7", "57.1429", "0.3333")
    choice = next(r for r in rows if r["kind"] == "choice" and r["question_id"] == "q2")
    assert (choice["choice"], choice["text"], choice["correct"], choice["count"]) == (
        "A",
        "Two right",
        "true",
        "4",
    )
    m_b = next(r for r in rows if r["kind"] == "misconception" and r["misconception"] == "m-b")
    assert (m_b["holders"], m_b["students"], m_b["detail"]) == ("3", "3", "q3:3;q2:1")


def test_the_local_store_is_read_when_no_results_are_given(tmp_path: Path, bank_file: Path) -> None:
    data_dir = student_store(tmp_path / "mine", "s4")
    status, out, err = run("--data-dir", data_dir, "--banks", bank_file, "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert (data["students"], data["attempts"], data["answers"]) == (1, 2, 5)
    assert run("--data-dir", data_dir, "--banks", bank_file, "--bank", "nope")[0] == 1


def test_bad_rows_are_reported_with_their_lines_and_skipped(
    tmp_path: Path, handed_in: Path, bank_file: Path
) -> None:
    good = (handed_in / "s1.csv").read_text(encoding="utf-8").splitlines()
    header, first = good[0], good[1]
    broken = first.replace('"{""int"":0}"', '"{""int"":"')  # a response cut short
    lines = [
        header,
        first,  # line 2: fine
        first.replace("q1,", "q1-again,", 1).replace(",1,", ",99,", 1),  # line 3: fine, new id
        first.rsplit(",", 1)[0],  # line 4: a field short
        first.replace(",1.0,", ",lots,"),  # line 5: a score that is not a number
        first.replace(",1.0,", ",1.5,"),  # line 6: out of range
        broken,  # line 7
        '"quoted, over',  # lines 8-9: one record spanning two lines, too few fields
        'two lines"',
        first.replace(",right,", ",maybe,"),  # line 10
    ]
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    jsonl = (handed_in / "s4.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(jsonl[0])
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text(
        "\n".join(
            [
                jsonl[0],
                "{not json",
                json.dumps({k: v for k, v in record.items() if k != "session_id"}),
                "",
                json.dumps({**record, "answer_id": 77, "response": {"int": "two"}}),
                "[1, 2]",
            ]
        ),
        encoding="utf-8",
    )
    status, out, err = run(bad_csv, bad_jsonl, "--banks", bank_file, "--json")
    assert status == 0  # bad rows are skipped, not fatal
    assert err.splitlines() == [
        f"{bad_csv}:4: 14 fields; the header has 15",
        f"{bad_csv}:5: score 'lots' is not a number",
        f"{bad_csv}:6: score 1.5 is not between 0 and 1",
        f"{bad_csv}:7: response '{{\"int\":' is not JSON",
        f"{bad_csv}:8: 1 fields; the header has 15",
        f"{bad_csv}:10: outcome 'maybe' is not right, partial or wrong",
        f"{bad_jsonl}:2: not JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{bad_jsonl}:3: no 'session_id' field",
        f'{bad_jsonl}:5: response {{"int": "two"}} is not a quizapp response',
        f"{bad_jsonl}:6: not a JSON object",
    ]
    assert json.loads(out)["answers"] == 3  # the two good CSV rows and the first JSON line


def test_files_of_another_format_are_refused_by_name(
    tmp_path: Path, handed_in: Path, bank_file: Path
) -> None:
    foreign = tmp_path / "moodle.csv"
    foreign.write_text("student,question,score\nann,q1,1\n", encoding="utf-8")
    not_ours = tmp_path / "other.jsonl"
    not_ours.write_text('{"student": "ann", "score": 1}\n', encoding="utf-8")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(",".join(COLUMNS).encode() + b"\nJos\xe9\n")
    status, out, err = run(handed_in, foreign, not_ours, latin, "--banks", bank_file)
    assert status == 1  # the readable files are still analysed, but the run says it failed
    assert out.startswith("6 students")
    assert (
        f"{foreign}: is not quizapp results, format 1: column 1 of the header should be "
        "'install_id', not 'student'"
    ) in err
    assert f"{not_ours}: is not quizapp results, format 1: the first record has no " in err
    assert f"{latin}: is not UTF-8 text (line 2)" in err
    assert read_results(foreign).refused is not None and not read_results(foreign).rows


def test_a_later_format_with_extra_columns_at_the_end_is_read(tmp_path: Path) -> None:
    student_store(tmp_path / "s1", "s1")
    text = export(tmp_path / "s1", "csv", tmp_path / "s1.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    later = [lines[0] + ",seat"] + [line + ",12B" for line in lines[1:]]
    (tmp_path / "later.txt").write_text("\n".join(later) + "\n", encoding="utf-8")
    read = read_results(tmp_path / "later.txt")  # no telling extension: the content says CSV
    assert (read.format, len(read.rows), read.problems, read.refused) == ("csv", 4, (), None)


def test_an_answer_handed_in_twice_counts_once(handed_in: Path, bank_file: Path) -> None:
    copy = handed_in.parent / "copy-of-s1.csv"
    copy.write_bytes((handed_in / "s1.csv").read_bytes())
    status, out, err = run(handed_in, copy, "--banks", bank_file, "--json")
    assert status == 0 and json.loads(out)["answers"] == 25
    assert "4 answers were in more than one file; each counted once" in err


def test_exit_codes(tmp_path: Path, handed_in: Path, bank_file: Path) -> None:
    assert run(tmp_path / "missing.csv")[0] == 2
    assert run(handed_in, "--banks", tmp_path / "missing.yaml")[0] == 2
    assert run(handed_in, "--json", "--csv")[0] == 2
    status, _, err = run("--data-dir", tmp_path / "empty")
    assert status == 1 and "no progress saved" in err
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert run(empty)[0] == 1  # a folder without results files
    status, _, err = run(handed_in, "--bank", "other", "--banks", bank_file)
    assert status == 1 and "no answers to bank 'other' to analyse" in err
    status, out, _ = run("--help")
    assert status == 0 and "--banks PATH" in out


def test_without_the_bank_the_analysis_still_runs(handed_in: Path, tmp_path: Path) -> None:
    status, out, _ = run(handed_in, "--banks", tmp_path / "class-missing-dir", "--json")
    assert status == 2  # a --banks path that does not exist is a usage error
    status, out, err = run(handed_in, "--json")  # the bundled banks: none of them is "class"
    data = json.loads(out)
    assert status == 0 and data["questions"][0]["in_bank"] is None
    assert "no bank 'class' in --banks: choice texts and misconception summaries" in err
    assert data["questions"][0]["choices"][0]["text"] is None


def test_the_command_does_not_import_textual() -> None:
    script = (
        "import sys, quizapp.cli.stats\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_quizapp_stats_runs_from_the_command_line(
    handed_in: Path, bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizapp.cli import main

    assert main(["stats", str(handed_in), "--banks", str(bank_file)]) == 0
    assert capsys.readouterr().out.startswith("6 students, 7 attempts, 25 answers")
    assert main(["stats", "--csv", "--json"]) == 2
