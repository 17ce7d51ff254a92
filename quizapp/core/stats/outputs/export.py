"""Item analysis as machine-readable data: one JSON document, or one CSV table.

JSON (`analysis_to_json`): `{"students", "attempts", "answers", "self_graded", "banks",
"thresholds", "questions": [...], "misconceptions": [...]}`; each question with its figures, flags,
reasons and choices, each misconception with its holders and the questions it showed in.
Percentages are 0-100, the discrimination index and efficiency -1 to 1, null when undefined.

CSV (`write_csv`, RFC 4180 with a header): one table whose `kind` column says what a row is:

    question       bank_id, question_id, attempts, count (attempts that answered), facility,
                   discrimination, efficiency, students (who answered), flags (with
                   "too few answers" when under the minimum), detail (why it looks mis-keyed)
    choice         bank_id, question_id, choice (A, B...), text, correct (true, false, or
                   partial for part of the marks), misconception, count, percent,
                   flags ("rare distractor"), weight (the share of the marks it earns)
    misconception  bank_id, misconception, text (its summary), holders, students,
                   count (answers that revealed it), detail (question:count;...)

Cells that do not apply to a kind are empty; several flags are joined with ";". `write_parquet`
writes the same rows as a Parquet file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from quizapp.core.stats.engine import write_parquet_rows
from quizapp.core.stats.model import (
    MISKEY_MIN_PICKS,
    RARE_MIN_ATTEMPTS,
    RARE_SHARE,
    Flag,
    ItemAnalysis,
    MisconceptionStat,
    QuestionStat,
)

__all__ = ["CSV_COLUMNS", "TOO_FEW", "analysis_to_json", "write_csv", "write_json", "write_parquet"]

#: How a flag is marked when fewer students answered than the minimum.
TOO_FEW = "too few answers"

CSV_COLUMNS = (
    "kind",
    "bank_id",
    "question_id",
    "choice",
    "misconception",
    "text",
    "correct",
    "attempts",
    "count",
    "percent",
    "facility",
    "discrimination",
    "efficiency",
    "holders",
    "students",
    "flags",
    "detail",
    "weight",
)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def analysis_to_json(analysis: ItemAnalysis) -> dict[str, Any]:
    """The analysis as plain JSON data (see the module docstring)."""
    return {
        "students": analysis.students,
        "attempts": analysis.attempts,
        "answers": analysis.answers,
        "self_graded": analysis.self_graded,
        "banks": list(analysis.banks),
        "thresholds": {
            "rare_share": RARE_SHARE,
            "rare_min_attempts": RARE_MIN_ATTEMPTS,
            "min_students": analysis.min_students,
            "miskey_min_picks": MISKEY_MIN_PICKS,
        },
        "questions": [_question(stat) for stat in analysis.questions],
        "misconceptions": [_misconception(stat) for stat in analysis.misconceptions],
    }


def _question(stat: QuestionStat) -> dict[str, Any]:
    return {
        "bank_id": stat.bank_id,
        "question_id": stat.question_id,
        "type": stat.type,
        "attempts": stat.attempts,
        "answered": stat.answered,
        "unanswered": stat.unanswered,
        "facility": _round(stat.facility),
        "discrimination": _round(stat.discrimination),
        "discriminative_efficiency": _round(stat.efficiency),
        "discrimination_attempts": stat.discrimination_attempts,
        "students": stat.students,
        "too_few_answers": stat.too_few,
        "flags": [str(flag) for flag in stat.flags],
        "miskey_reasons": list(stat.miskey_reasons),
        "versions": stat.versions,
        "in_bank": stat.in_bank,
        "choices": [
            {
                "index": choice.index,
                "letter": choice.letter,
                "text": choice.text,
                "correct": choice.correct,
                "partial": choice.partial,
                "weight": _round(choice.weight),
                "misconception": choice.misconception,
                "count": choice.count,
                "percent": _round(choice.percent),
                "top_third": choice.top_count,
                "rare": choice.rare,
            }
            for choice in stat.choices
        ],
        "misconceptions": dict(stat.misconceptions),
    }


def _misconception(stat: MisconceptionStat) -> dict[str, Any]:
    return {
        "bank_id": stat.bank_id,
        "id": stat.id,
        "summary": stat.summary,
        "holders": stat.holders,
        "students": stat.students,
        "times": stat.times,
        "questions": dict(stat.questions),
    }


def write_json(analysis: ItemAnalysis, out: TextIO) -> None:
    """Write the analysis to `out` as one indented JSON document."""
    json.dump(analysis_to_json(analysis), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(analysis: ItemAnalysis, out: TextIO) -> int:
    """Write the analysis to `out` (opened with `newline=""`) as CSV; returns the rows written."""
    writer = csv.DictWriter(out, CSV_COLUMNS, restval="")
    writer.writeheader()
    count = 0
    for row in csv_rows(analysis):
        writer.writerow(row)
        count += 1
    return count


def write_parquet(analysis: ItemAnalysis, path: Path, memory_limit: int | None = None) -> int:
    """The CSV's rows as a Parquet file at `path` (every column text, empty cells null)."""
    columns = [(name, "VARCHAR") for name in CSV_COLUMNS]
    rows = (
        [None if row.get(name, "") == "" else str(row[name]) for name in CSV_COLUMNS]
        for row in csv_rows(analysis)
    )
    return write_parquet_rows(path, columns, rows, memory_limit)


def csv_rows(analysis: ItemAnalysis) -> Iterator[dict[str, Any]]:
    """The rows of the CSV table, as dicts by column (see the module docstring)."""
    for stat in analysis.questions:
        flags = [str(flag) for flag in stat.flags]
        yield {
            "kind": "question",
            "bank_id": stat.bank_id,
            "question_id": stat.question_id,
            "attempts": stat.attempts,
            "count": stat.answered,
            "facility": _cell(stat.facility),
            "discrimination": _cell(stat.discrimination),
            "efficiency": _cell(stat.efficiency),
            "students": stat.students,
            "flags": ";".join(flags + ([TOO_FEW] if flags and stat.too_few else [])),
            "detail": "; ".join(stat.miskey_reasons),
        }
        for choice in stat.choices:
            correct = "" if choice.correct is None else str(choice.correct).lower()
            yield {
                "kind": "choice",
                "bank_id": stat.bank_id,
                "question_id": stat.question_id,
                "choice": choice.letter,
                "text": choice.text or "",
                "correct": "partial" if choice.partial else correct,
                "misconception": choice.misconception or "",
                "count": choice.count,
                "percent": _cell(choice.percent),
                "flags": str(Flag.RARE) if choice.rare else "",
                "weight": _cell(choice.weight),
            }
    for item in analysis.misconceptions:
        yield {
            "kind": "misconception",
            "bank_id": item.bank_id,
            "misconception": item.id,
            "text": item.summary or "",
            "holders": item.holders,
            "students": item.students,
            "count": item.times,
            "detail": ";".join(f"{question}:{times}" for question, times in item.questions),
        }


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"
