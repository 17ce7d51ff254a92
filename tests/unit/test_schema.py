"""The JSON Schema: committed, well-formed, complete, and in agreement with the validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quizapp.core.bank import load_bank, schema_json
from quizapp.core.bank.loader import parse_bank
from quizapp.core.bank.parts import fields
from quizapp.core.bank.parts.yamlsafe import YamlFailure, load_yaml
from quizapp.core.bank.schema import bank_schema
from quizapp.core.model import QuestionType

ROOT = Path(__file__).resolve().parent.parent.parent
BANKS = ROOT / "tests" / "banks"
SCHEMA_FILE = ROOT / "quizapp" / "schema" / "bank.schema.json"
ALL_BANKS = sorted(BANKS.glob("*.yaml")) + sorted((ROOT / "questions").glob("*.yaml"))

#: Fixtures broken only in ways JSON Schema cannot express: the validator alone rejects them.
VALIDATOR_ONLY = {
    "invalid-dangling.yaml": "misconception ids must refer to defined misconceptions",
    "invalid-duplicate-ids.yaml": "question ids must be unique across the list",
    "invalid-duplicate-keys.yaml": "the data a schema sees keeps only the last of two keys",
    "invalid-correct-count.yaml": "how many choices are correct depends on their values",
    "invalid-weight-sum.yaml": "weights must add up to 100%",
    "invalid-full-marks.yaml": "one answer must earn full marks",
    "invalid-regex.yaml": "a pattern must compile",
    "invalid-range.yaml": "a range's low end must not be above its high end",
    "invalid-cloze.yaml": "gap markers in the prompt must match the gaps",
    "invalid-exam.yaml": "the exam must fit the bank's questions and topics",
    "invalid-repeats.yaml": "choice texts and left items must not repeat",
    "invalid-controls.yaml": "no text may hold a control character (a pattern on every string "
    "of the schema would drown its other messages in editors)",
}

VALIDATOR = Draft202012Validator(bank_schema())


def as_json(value: Any) -> Any:
    """YAML data as a JSON document: keys become strings (`true:` becomes "true")."""
    if isinstance(value, dict):
        return {_key(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def _key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def schema_accepts(text: bytes) -> bool:
    """Whether an editor checking `text` against the schema would find it valid."""
    try:
        data = load_yaml(text.decode("utf-8"), check_aliases=True).data
    except (UnicodeDecodeError, YamlFailure):
        return False  # not YAML an editor (or quizapp) would read at all
    return bool(VALIDATOR.is_valid(as_json(data)))


def test_committed_schema_file_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_json()
    assert json.loads(schema_json()) == bank_schema()


def test_schema_is_a_valid_2020_12_schema() -> None:
    Draft202012Validator.check_schema(bank_schema())
    assert bank_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", ALL_BANKS, ids=lambda p: p.name)
def test_schema_and_validator_agree(path: Path) -> None:
    valid = load_bank(path).ok
    accepted = schema_accepts(path.read_bytes())
    if path.name in VALIDATOR_ONLY:
        assert (valid, accepted) == (False, True), VALIDATOR_ONLY[path.name]
    else:
        assert valid == accepted


def test_validator_only_fixtures_exist() -> None:
    names = {path.name for path in ALL_BANKS}
    assert set(VALIDATOR_ONLY) <= names
    assert any(load_bank(path).ok for path in ALL_BANKS)  # and valid banks are compared too


@pytest.mark.parametrize(
    "question",
    [
        "{id: q, prompt: P, answers: [1, a]}",
        "{id: q, prompt: P, answer: 5, answers: [a]}",
        "{id: q, prompt: P, answer: true, choices: [{text: a, correct: true}, {text: b}]}",
        "{id: q, prompt: P, front: F, back: B}",
        "{id: q, front: F}",
        "{id: q, prompt: P, answer: true, feedback: {true: a, maybe: b}}",
        "{id: q, prompt: P, range: [1, 2], tolerance: 1}",
        "{id: q, prompt: P, answers: [{value: 1, range: [0, 2]}]}",
        "{id: q, prompt: P, answers: [{value: 1, tolerance: 0.5, weight: 50}, 2]}",
        "{id: q, prompt: P, answer: Paris}",
        "{id: q, prompt: P, type: order, items: [a, b], shuffle: false}",
        "{id: q, prompt: P, wrong_answers: [a]}",
        "{id: q, type: flashcard, prompt: P, back: B}",
        "{id: q, prompt: 'Fill {{a}}', gaps: {a: {pattern: x, wrong_answers: [y]}}}",
        "{id: q, prompt: P, choices: [{text: a, correct: true, weight: 100}, {text: b}]}",
        "{id: q, prompt: P, answer: true, misconception: {summary: S, id: x}}",
    ],
)
def test_schema_and_validator_agree_on_edge_cases(question: str) -> None:
    text = f"title: T\nquestions:\n  - {question}\n"
    assert parse_bank(text).ok == schema_accepts(text.encode())


def _question_branches() -> list[dict[str, Any]]:
    branches: list[dict[str, Any]] = bank_schema()["$defs"]["question"]["anyOf"]
    return branches


def test_schema_fields_are_the_validators_fields() -> None:
    schema = bank_schema()
    defs = schema["$defs"]
    assert set(schema["properties"]) == set(fields.BANK_KEYS)
    assert set(defs["exam"]["properties"]) == set(fields.EXAM_KEYS)
    assert set(defs["misconception"]["properties"]) == set(fields.MISCONCEPTION_KEYS)
    assert set(defs["choice"]["properties"]) == set(fields.CHOICE_KEYS)
    assert set(defs["textAnswer"]["properties"]) == set(fields.TEXT_ANSWER_KEYS)
    assert set(defs["wrongText"]["properties"]) == set(fields.WRONG_TEXT_KEYS)
    assert set(defs["numericAnswer"]["properties"]) == set(fields.NUMERIC_ANSWER_KEYS)
    assert set(defs["wrongNumeric"]["properties"]) == set(fields.WRONG_NUMERIC_KEYS)
    assert set(defs["gap"]["properties"]) == set(fields.GAP_KEYS)
    assert set(defs["pair"]["properties"]) == set(fields.PAIR_KEYS)
    covered = set()
    for branch in _question_branches():
        type_values = branch["properties"]["type"].get("enum") or [
            branch["properties"]["type"]["const"]
        ]
        for value in type_values:
            kind = QuestionType(value)
            assert set(branch["properties"]) == set(fields.ALLOWED_KEYS[kind])
            covered.add(kind)
    assert covered == set(QuestionType)
