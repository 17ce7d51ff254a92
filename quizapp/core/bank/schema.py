"""The JSON Schema (draft 2020-12) of the bank format, for editors that complete and check YAML.

It follows the validator's key lists (`parts.fields`; a test holds the two together) and its
type inference: without `type`, a question must carry a field that tells its type. Some rules are
beyond JSON Schema (misconception references, unique ids, how many choices are correct, weights
adding up to 100%); only the validator checks those. `quizapp/schema/bank.schema.json` is this
schema as written by `quizapp schema`.
"""

from __future__ import annotations

import json
from typing import Any

from quizapp.core.bank.lintcodes import LINT_CODES
from quizapp.core.bank.parts.fields import (
    FLASHCARD_INDICATORS,
    ID_PATTERN,
    INDICATORS,
    NONEMPTY_PATTERN,
    WEIGHT_MAX,
    WEIGHT_MIN,
)
from quizapp.core.model import QuestionType

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_CLUES = frozenset(INDICATORS + FLASHCARD_INDICATORS)

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _text(description: str) -> Schema:
    return {"type": "string", "description": description}


def _filled(description: str) -> Schema:
    return {"type": "string", "pattern": NONEMPTY_PATTERN, "description": description}


def _flag(description: str) -> Schema:
    return {"type": "boolean", "description": description}


def _list(items: Schema, description: str, minimum: int = 0) -> Schema:
    schema: Schema = {"type": "array", "items": items, "description": description}
    if minimum:
        schema["minItems"] = minimum
    return schema


def _object(properties: Schema, required: tuple[str, ...] = (), **extra: Any) -> Schema:
    schema: Schema = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = list(required)
    schema.update(extra)
    return schema


_WEIGHT: Schema = {
    "type": "number",
    "minimum": WEIGHT_MIN,
    "maximum": WEIGHT_MAX,
    "description": "Percent of full marks earned (-100 to 100).",
}
_NUMBER: Schema = {"type": "number"}
_RANGE: Schema = {
    "type": "array",
    "prefixItems": [_NUMBER, _NUMBER],
    "minItems": 2,
    "maxItems": 2,
    "description": "[low, high]: any number in between is accepted.",
}
_TOLERANCE: Schema = {"type": "number", "minimum": 0, "description": "Accepted +/- this much."}
_WILDCARD: Schema = {
    "type": "boolean",
    "description": "The text is a Moodle pattern: each `*` matches any run of characters.",
}

_COMMON: Schema = {
    "id": {**_ref("id"), "description": "Unique in the bank; never change it."},
    "prompt": _filled("The question (Markdown-free text)."),
    "topic": _text("The topic, for filtering and exam blueprints."),
    "tags": _list(_ref("filled"), "Free-form tags."),
    "explanation": _text("Shown after the answer."),
    "hint": _text("Shown on request."),
    "references": _list(_ref("filled"), "Links or citations."),
    "shuffle": _flag("Whether choices/items may be shuffled (default true)."),
    "lint": {**_ref("lint"), "description": "Codes of `quizapp lint` warnings to silence here."},
}


def _type_fields(kind: QuestionType) -> tuple[Schema, tuple[str, ...], list[Schema]]:
    """The extra properties of a question type, its required fields, and further constraints."""
    text_answers = _list({"anyOf": [_ref("filled"), _ref("textAnswer")]}, "Accepted answers.", 1)
    wrong_texts = _list({"anyOf": [_ref("filled"), _ref("wrongText")]}, "Known wrong answers.")
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return {"choices": _list(_ref("choice"), "The options.", 2)}, ("choices",), []
    if kind is QuestionType.TRUE_FALSE:
        feedback = _object({"true": _text("After answering true."), "false": _text("After false.")})
        fields = {
            "answer": _flag("The correct answer."),
            "feedback": feedback,
            "misconception": _ref("misconceptionRef"),
        }
        return fields, ("answer",), []
    if kind is QuestionType.SHORT:
        fields = {
            "answers": text_answers,
            "pattern": _filled("A regular expression matched against the whole answer."),
            "case_sensitive": _flag("Compare case (default false)."),
            "wrong_answers": wrong_texts,
            "otherwise": _ref("otherwise"),
        }
        return fields, (), [{"anyOf": [{"required": ["answers"]}, {"required": ["pattern"]}]}]
    if kind is QuestionType.NUMERIC:
        entries = {"anyOf": [_NUMBER, _ref("numericAnswer")]}
        wrong = {"anyOf": [_NUMBER, _ref("wrongNumeric")]}
        fields = {
            "answer": {"type": "number", "description": "The correct value."},
            "tolerance": _TOLERANCE,
            "range": _RANGE,
            "answers": _list(entries, "Accepted values or ranges, with weights.", 1),
            "wrong_answers": _list(wrong, "Known wrong values."),
            "otherwise": _ref("otherwise"),
            "units": _list(
                {"anyOf": [_ref("unitName"), _ref("unit")]},
                "Units a student may type after the number (none: a bare number only).",
                1,
            ),
        }
        forms = [{"required": [form]} for form in ("answer", "range", "answers")]
        return fields, (), [{"oneOf": forms}, {"dependentRequired": {"tolerance": ["answer"]}}]
    if kind is QuestionType.CLOZE:
        gaps = {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"anyOf": [text_answers, _ref("gap")]},
            "description": "Answers for each {{name}} in the prompt.",
        }
        return {"gaps": gaps}, ("gaps",), []
    if kind is QuestionType.ORDER:
        items = {
            **_list(_ref("filled"), "The items, in the correct order.", 2),
            "uniqueItems": True,
        }
        return {"items": items}, ("items",), []
    if kind is QuestionType.MATCH:
        fields = {
            "pairs": _list(_ref("pair"), "Each left item with its right item.", 2),
            "distractors": _list(_ref("filled"), "Extra right-hand items."),
        }
        return fields, ("pairs",), []
    fields = {"front": _filled("The front (instead of prompt)."), "back": _filled("The answer.")}
    return fields, ("back",), [{"oneOf": [{"required": ["prompt"]}, {"required": ["front"]}]}]


def _question(kinds: tuple[QuestionType, ...]) -> Schema:
    """The schema of a question of one of `kinds` (single and multiple share one)."""
    extra, required, rules = _type_fields(kinds[0])
    names = [kind.value for kind in kinds]
    type_schema = {"const": names[0]} if len(names) == 1 else {"enum": names}
    properties = {**_COMMON, "type": {**type_schema, "description": "The question type."}, **extra}
    needs_prompt = kinds[0] is not QuestionType.FLASHCARD
    schema = _object(properties, ("id", "prompt", *required) if needs_prompt else ("id", *required))
    # Without `type`, the fields tell the type (as in the validator): one of them must be there.
    clues = [{"required": ["type"]}] + [{"required": [key]} for key in extra if key in _CLUES]
    schema["allOf"] = [{"anyOf": clues}, *rules]
    schema["title"] = " / ".join(names)
    return schema


def _defs() -> Schema:
    inline = _object(
        {"summary": _filled("The wrong idea."), "explanation": _text("Why it is wrong.")},
        ("summary",),
    )
    kinds = [(QuestionType.SINGLE, QuestionType.MULTIPLE)] + [
        (kind,) for kind in QuestionType if kind not in (QuestionType.SINGLE, QuestionType.MULTIPLE)
    ]
    misconception_ref = {"anyOf": [_ref("id"), _ref("misconception")]}
    return {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "filled": {"type": "string", "pattern": NONEMPTY_PATTERN},
        "lint": _list({"enum": list(LINT_CODES)}, "Codes of `quizapp lint` warnings."),
        "misconception": inline,
        "misconceptionRef": {**misconception_ref, "description": "A misconception id, or inline."},
        "choice": _object(
            {
                "text": _filled("What the student sees."),
                "correct": _flag("A correct choice (full marks)."),
                "weight": _WEIGHT,
                "feedback": _text("Shown when picked."),
                "misconception": _ref("misconceptionRef"),
                "pin": _flag("Keep this choice in place when shuffling."),
            },
            ("text",),
            **{"not": {"required": ["correct", "weight"]}},
        ),
        "textAnswer": _object(
            {
                "text": _filled("An accepted answer."),
                "weight": _WEIGHT,
                "feedback": _text(""),
                "wildcard": _WILDCARD,
            },
            ("text",),
        ),
        "wrongText": _object(
            {
                "text": _filled("A wrong answer."),
                "feedback": _text(""),
                "misconception": _ref("misconceptionRef"),
                "wildcard": _WILDCARD,
            },
            ("text",),
        ),
        "otherwise": _object(
            {
                "feedback": _text("Shown for any answer that matches none of the answers."),
                "weight": {**_WEIGHT, "minimum": 0},
            },
            description="Feedback (and credit) for any other answer (Moodle's `*` answer).",
        ),
        "numericAnswer": _numeric({"weight": _WEIGHT}),
        "wrongNumeric": _numeric({"misconception": _ref("misconceptionRef")}),
        "gap": _object(
            {
                "answers": _list({"anyOf": [_ref("filled"), _ref("textAnswer")]}, "", 1),
                "pattern": _filled("A regular expression."),
                "wrong_answers": _list({"anyOf": [_ref("filled"), _ref("wrongText")]}, ""),
                "case_sensitive": _flag("Compare case."),
                "otherwise": _ref("otherwise"),
            },
            (),
            anyOf=[{"required": ["answers"]}, {"required": ["pattern"]}],
        ),
        "unitName": {
            "type": "string",
            "pattern": r"^\s*[^\s0-9+\-−.,]",
            "description": "A unit, as typed after the number (°C); it may not start like one.",
        },
        "unit": _object(
            {
                "name": _ref("unitName"),
                "multiplier": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "description": "How many of this unit make one of the answers' unit, as in "
                    "Moodle (answers in metres: cm 100, km 0.001).",
                },
            },
            ("name",),
        ),
        "pair": _object(
            {"left": _filled("Left item."), "right": _filled("Its match."), "feedback": _text("")},
            ("left", "right"),
        ),
        "exam": _object(
            {
                "questions": {"type": "integer", "minimum": 1, "description": "How many."},
                "time_limit": {"type": "number", "exclusiveMinimum": 0, "description": "Minutes."},
                "pass_mark": {"type": "number", "minimum": 0, "maximum": 100, "description": "%."},
                "blueprint": {
                    "type": "object",
                    "additionalProperties": {"type": "integer", "minimum": 1},
                    "description": "Questions per topic.",
                },
            }
        ),
        "question": {"anyOf": [_question(group) for group in kinds]},
    }


def _numeric(extra: Schema) -> Schema:
    properties = {
        "value": _NUMBER,
        "tolerance": _TOLERANCE,
        "range": _RANGE,
        "feedback": _text(""),
        **extra,
    }
    forms = [{"required": ["value"]}, {"required": ["range"]}]
    rules = {"oneOf": forms, "dependentRequired": {"tolerance": ["value"]}}
    return _object(properties, (), **rules)


def bank_schema() -> dict[str, Any]:
    """The JSON Schema of a bank file."""
    defs = _defs()
    properties = {
        "title": _filled("The bank's name."),
        "id": {**_ref("id"), "description": "Defaults to the file name without .yaml."},
        "description": _text("A sentence or two about the bank."),
        "tags": _list(_ref("filled"), "Free-form tags."),
        "source": _text("Attribution."),
        "exam": {**_ref("exam"), "description": "The bank's mock exam."},
        "misconceptions": {
            "type": "object",
            "propertyNames": _ref("id"),
            "additionalProperties": _ref("misconception"),
            "description": "Named wrong ideas, referenced by id from wrong options.",
        },
        "questions": _list(_ref("question"), "The questions.", 1),
        "lint": {**_ref("lint"), "description": "Codes of `quizapp lint` warnings to silence."},
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "quizapp question bank",
        "description": "One YAML file is one bank. See the quizapp README for the format.",
        **_object(properties, ("title", "questions")),
        "$defs": defs,
    }


def schema_json() -> str:
    """The schema as committed in `quizapp/schema/bank.schema.json` (indented, newline-ended)."""
    return json.dumps(bank_schema(), indent=2) + "\n"
