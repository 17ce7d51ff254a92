"""The fields of one results row, checked and decoded into a `ResultRow`.

The checks behind "bad row" reports: every column of the format present, answer_id a whole
number from 1, a score from 0 to 1, a response in quizapp's tagged JSON, an outcome of right,
partial or wrong, misconceptions a list of ids, an ISO 8601 time. `ValueError` says what is wrong.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any

from quizapp.core.progress import COLUMNS, RESULTS_FORMAT, response_from_json
from quizapp.core.stats.rows import ResultRow

__all__ = ["EXPECTED", "bad_header", "csv_values", "row_from_fields"]

#: What a results file must be, as messages name it.
EXPECTED = f"quizapp results, format {RESULTS_FORMAT}"

_OUTCOMES = frozenset({"right", "partial", "wrong"})


def csv_values(fields: dict[str, str]) -> dict[str, Any]:
    """The CSV cells as the JSON Lines values they stand for."""
    values: dict[str, Any] = dict(fields)
    values["answer_id"] = _number(fields["answer_id"], "answer_id", int)
    values["score"] = _number(fields["score"], "score", float)
    response = fields["response"].strip()
    try:
        values["response"] = json.loads(response) if response else None
    except json.JSONDecodeError:
        raise ValueError(f"response {response!r} is not JSON") from None
    cell = fields["misconceptions"].strip()
    values["misconceptions"] = [part for part in cell.split(";") if part] if cell else []
    return values


def _number(text: str, name: str, kind: type[int] | type[float]) -> int | float:
    try:
        return kind(text.strip())
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a number") from None


def row_from_fields(values: dict[str, Any], source: str) -> ResultRow:
    """The row `values` (JSON Lines values) describe; ValueError says what is wrong."""
    missing = [name for name in COLUMNS if name not in values]
    if missing:
        raise ValueError(f"no {missing[0]!r} field")
    answer_id = values["answer_id"]
    if type(answer_id) is not int or answer_id < 1:
        raise ValueError(f"answer_id {answer_id!r} is not a whole number from 1")
    score = values["score"]
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise ValueError(f"score {score!r} is not a number")
    if not math.isfinite(score) or not 0 <= score <= 1:
        raise ValueError(f"score {score!r} is not between 0 and 1")
    response = values["response"]
    try:
        decoded = None if response is None else response_from_json(json.dumps(response))
    except ValueError:
        raise ValueError(f"response {json.dumps(response)} is not a quizapp response") from None
    misconceptions = values["misconceptions"]
    if not isinstance(misconceptions, list) or not all(isinstance(m, str) for m in misconceptions):
        raise ValueError("misconceptions is not a list of ids")
    outcome = _text(values, "outcome")
    if outcome not in _OUTCOMES:
        raise ValueError(f"outcome {outcome!r} is not right, partial or wrong")
    return ResultRow(
        install_id=_text(values, "install_id", required=True),
        answer_id=answer_id,
        answered_at=_moment(values["answered_at"]),
        bank_id=_text(values, "bank_id", required=True),
        question_id=_text(values, "question_id", required=True),
        content_hash=_text(values, "content_hash"),
        session_id=_text(values, "session_id", required=True),
        mode=_text(values, "mode"),
        response=decoded,
        score=float(score),
        outcome=outcome,
        misconceptions=tuple(misconceptions),
        source=source,
        seconds=_seconds(values.get("seconds")),
    )


def _seconds(value: Any) -> float | None:
    """The time taken, when it is a number (the format never made it a rule: not checked)."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _text(values: dict[str, Any], name: str, required: bool = False) -> str:
    value = values[name]
    if not isinstance(value, str):
        raise ValueError(f"{name} {value!r} is not text")
    if required and not value.strip():
        raise ValueError(f"{name} is empty")
    return value


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"answered_at {value!r} is not a time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"answered_at {value!r} is not an ISO 8601 time") from None
    # The export always writes UTC with a Z; a time without a zone is read as UTC too.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def bad_header(record: list[str]) -> str:
    """Why `record` is not the header of a results CSV file."""
    expected = list(COLUMNS)
    for index, name in enumerate(expected):
        if index >= len(record) or record[index].strip() != name:
            got = repr(record[index]) if index < len(record) else "nothing"
            return (
                f"is not {EXPECTED}: column {index + 1} of the header should be {name!r}, "
                f"not {got} (the header starts: {','.join(expected[:3])},...)"
            )
    return f"is not {EXPECTED}"  # pragma: no cover - only called on a mismatch
