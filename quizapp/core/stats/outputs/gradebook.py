"""The gradebook written out: a table, CSV (one row per attempt), JSON, Parquet, or Moodle's CSV.

Moodle's gradebook imports CSV (Grades > Import > CSV file): a header row, a column that
identifies each user, mapped on import ("Map from" that column, "Map to" email address, ID
number or username), and one column per grade item, each mapped to an existing grade item or a
new one. `write_moodle_csv` writes exactly that: the identifier, then one column per bank and
mode (`week3 (exam)`) holding the student's best score there, 0-100; a student who never took
one has the cell empty, which Moodle leaves ungraded.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, TextIO

from quizapp.core.stats.engine import write_parquet_rows
from quizapp.core.stats.grades import AttemptGrade, Gradebook
from quizapp.core.stats.outputs.table import WIDTH, escaped, one_line

__all__ = [
    "GRADE_COLUMNS",
    "render_grades",
    "write_grades_csv",
    "write_grades_json",
    "write_grades_parquet",
    "write_moodle_csv",
]

GRADE_COLUMNS = (
    "identifier",
    "install_id",
    "bank_id",
    "session_id",
    "mode",
    "started",
    "questions",
    "score",
    "seconds",
    "topics",
)


def _moment(grade: AttemptGrade) -> str:
    return grade.started.isoformat(timespec="seconds").replace("+00:00", "Z")


def _topics_cell(grade: AttemptGrade) -> str:
    return "; ".join(f"{topic}: {score:.1f}" for topic, score in grade.topics)


def _cells(grade: AttemptGrade) -> list[Any]:
    seconds = "" if grade.seconds is None else f"{grade.seconds:.1f}"
    return [
        grade.identifier, grade.install_id, grade.bank_id, grade.session_id, grade.mode,
        _moment(grade), grade.questions, f"{grade.score:.2f}", seconds, _topics_cell(grade),
    ]  # fmt: skip


def write_grades_csv(book: Gradebook, out: TextIO) -> int:
    """One row per attempt (`GRADE_COLUMNS`; topics as `topic: score; ...`); rows written."""
    writer = csv.writer(out)
    writer.writerow([book.identifier, *GRADE_COLUMNS[1:]])
    for grade in book.attempts:
        writer.writerow(_cells(grade))
    return len(book.attempts)


def write_grades_json(book: Gradebook, out: TextIO) -> None:
    """`{"identifier": NAME, "attempts": [...]}`, scores 0-100, topics as an object."""
    attempts = [
        {
            "identifier": grade.identifier,
            "install_id": grade.install_id,
            "bank_id": grade.bank_id,
            "session_id": grade.session_id,
            "mode": grade.mode,
            "started": _moment(grade),
            "questions": grade.questions,
            "score": round(grade.score, 6),
            "seconds": None if grade.seconds is None else round(grade.seconds, 3),
            "topics": {topic: round(score, 6) for topic, score in grade.topics},
        }
        for grade in book.attempts
    ]
    json.dump({"identifier": book.identifier, "attempts": attempts}, out, ensure_ascii=False,
              indent=2)  # fmt: skip
    out.write("\n")


def write_moodle_csv(book: Gradebook, out: TextIO) -> int:
    """Moodle's import CSV (see the module docstring); returns the students written."""
    columns = book.assessments
    best: dict[str, dict[tuple[str, str], float]] = {}
    for grade in book.attempts:
        row = best.setdefault(grade.identifier, {})
        key = (grade.bank_id, grade.mode)
        row[key] = max(row.get(key, 0.0), grade.score)
    writer = csv.writer(out)
    writer.writerow([book.identifier, *(f"{bank} ({mode})" for bank, mode in columns)])
    for identifier in sorted(best):
        scores = best[identifier]
        writer.writerow(
            [identifier, *("" if key not in scores else f"{scores[key]:.2f}" for key in columns)]
        )
    return len(best)


def write_grades_parquet(book: Gradebook, path: Path, memory_limit: int | None = None) -> int:
    """The CSV's rows as a Parquet file (typed columns); returns the rows written."""
    columns = [
        ("identifier", "VARCHAR"), ("install_id", "VARCHAR"), ("bank_id", "VARCHAR"),
        ("session_id", "VARCHAR"), ("mode", "VARCHAR"), ("started", "TIMESTAMPTZ"),
        ("questions", "INTEGER"), ("score", "DOUBLE"), ("seconds", "DOUBLE"),
        ("topics", "MAP(VARCHAR, DOUBLE)"),
    ]  # fmt: skip
    rows = [
        [g.identifier, g.install_id, g.bank_id, g.session_id, g.mode, g.started, g.questions,
         g.score, g.seconds, dict(g.topics)]
        for g in book.attempts
    ]  # fmt: skip
    return write_parquet_rows(path, columns, rows, memory_limit)


def render_grades(book: Gradebook) -> str:
    """The gradebook as an 80-column table, ending with a newline."""
    lines = [f"{'student':<22} {'bank':<18} {'mode':<8} {'started':<16} {'score':>6} {'time':>5}"]
    for grade in book.attempts:
        minutes = "" if grade.seconds is None else f"{int(grade.seconds // 60)}:"
        time = "" if grade.seconds is None else f"{minutes}{int(grade.seconds % 60):02d}"
        lines.append(
            f"{one_line(grade.identifier, 22):<22} {one_line(grade.bank_id, 18):<18} "
            f"{one_line(grade.mode, 8):<8} {grade.started:%Y-%m-%d %H:%M} "
            f"{grade.score:>5.1f}% {time:>5}"
        )
        if grade.topics:
            topics = ", ".join(f"{escaped(t)} {score:.0f}%" for t, score in grade.topics)
            lines.append("  " + one_line(topics, WIDTH - 2))
    return "\n".join(lines) + "\n"
