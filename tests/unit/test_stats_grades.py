"""`quizapp stats --students`: the gradebook of the six-student class, per attempt and topic, and
the CSV Moodle's gradebook imports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.unit.test_stats import CLASS_YAML
from tests.unit.test_stats_cli import handed_in, run  # noqa: F401 - the fixture is used below

TOPICS_YAML = CLASS_YAML.replace("  - id: q3\n", "  - id: q3\n    topic: Hard ones\n").replace(
    "  - id: q4\n", "  - id: q4\n    topic: Hard ones\n"
)


def bank(tmp_path: Path) -> Path:
    path = tmp_path / "class.yaml"
    path.write_text(TOPICS_YAML, encoding="utf-8")
    return path


def test_one_row_per_student_and_attempt_with_topics_and_time(
    handed_in: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    status, out, err = run(handed_in, "--banks", bank(tmp_path), "--students", "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["identifier"] == "install_id"
    attempts = data["attempts"]
    assert len(attempts) == 7  # six exams, and s4's later session
    hand = next(a for a in attempts if a["install_id"] == "student-six")
    # s6: q1 B, q2 B, q3 C, q4 A: only q4 right; q3 and q4 are "Hard ones", q1 and q2 "General".
    assert (hand["bank_id"], hand["mode"], hand["questions"], hand["score"]) == (
        "class", "exam", 4, 25.0,
    )  # fmt: skip
    assert hand["topics"] == {"General": 0.0, "Hard ones": 50.0}
    assert hand["seconds"] == 38.0  # 9.5 s on each of the four questions
    assert hand["started"] == "2025-03-03T10:01:00Z"
    later = [a for a in attempts if a["questions"] == 1]
    assert len(later) == 1 and later[0]["score"] == 100.0 and later[0]["seconds"] == 5.0


def test_the_table_fits_80_columns(handed_in: Path, tmp_path: Path) -> None:  # noqa: F811
    status, out, _ = run(handed_in, "--banks", bank(tmp_path), "--students")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["student", "bank", "mode", "started", "score", "time"]
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if line.startswith("student-six"))
    assert row.split()[-2:] == ["25.0%", "0:38"]
    assert "  General 0%, Hard ones 50%" in out


def test_the_moodle_csv_has_an_identifier_and_one_grade_column_per_assessment(
    handed_in: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    identities = tmp_path / "class-list.csv"
    identities.write_text("install_id,email\nstudent-six,six@school.example\n", encoding="utf-8")
    status, out, err = run(
        handed_in, "--banks", bank(tmp_path), "--students", "--moodle",
        "--identities", identities,
    )  # fmt: skip
    assert status == 0
    assert "5 students are not in" in err and "their install_id is given instead" in err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["email", "class (exam)"]
    assert ["six@school.example", "25.00"] in rows
    assert len(rows) == 7  # the header and six students, each once
    scores = sorted(float(row[1]) for row in rows[1:])
    # s1, s2 75%; s3 50%; s5, s6 25%; s4 sat the exam (50%), then q2 alone (100%): the best.
    assert scores == [25.0, 25.0, 50.0, 75.0, 75.0, 100.0]


def test_the_long_csv_and_a_bad_identities_file(handed_in: Path, tmp_path: Path) -> None:  # noqa: F811
    status, out, _ = run(handed_in, "--banks", bank(tmp_path), "--students", "--csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert status == 0 and len(rows) == 7
    assert rows[0].keys() >= {"install_id", "bank_id", "mode", "started", "score", "topics"}
    hand = next(row for row in rows if row["install_id"] == "student-six")
    assert (hand["score"], hand["seconds"], hand["topics"]) == (
        "25.00", "38.0", "General: 0.0; Hard ones: 50.0",
    )  # fmt: skip
    broken = tmp_path / "broken.csv"
    broken.write_text("just-one-cell\n", encoding="utf-8")
    status, _, err = run(handed_in, "--students", "--identities", broken)
    assert status == 2 and "line 1: expected install_id,identifier" in err
