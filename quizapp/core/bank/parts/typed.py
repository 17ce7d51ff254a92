"""The question types answered by typing: short, numeric and cloze."""

from __future__ import annotations

import re
import warnings
from typing import Any

from quizapp.core.bank.parts.checks import describe, is_number, is_text, must_be_text, suggest
from quizapp.core.bank.parts.fields import (
    GAP_KEYS,
    GAP_RE,
    NUMERIC_ANSWER_KEYS,
    OTHERWISE_KEYS,
    TEXT_ANSWER_KEYS,
    WRONG_NUMERIC_KEYS,
    WRONG_TEXT_KEYS,
)
from quizapp.core.bank.parts.questions import QuestionScope
from quizapp.core.bank.parts.units import read_units
from quizapp.core.model import Gap, NumericAnswer, OtherAnswer, QuestionType, TextAnswer

_TEXT_ANSWER_KEYS = frozenset(TEXT_ANSWER_KEYS)
_WRONG_TEXT_KEYS = frozenset(WRONG_TEXT_KEYS)
_NUMERIC_ANSWER_KEYS = frozenset(NUMERIC_ANSWER_KEYS)
_WRONG_NUMERIC_KEYS = frozenset(WRONG_NUMERIC_KEYS)
_GAP_KEYS = frozenset(GAP_KEYS)
_OTHERWISE_KEYS = frozenset(OTHERWISE_KEYS)
_NUMERIC_FORMS = ("answer", "range", "answers")
#: A `*` of a Moodle pattern (not `\\*`).
_STAR = re.compile(r"(?<!\\)\*")
Sub = tuple[Any, ...]


def build_short(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of a short question: accepted answers, an optional pattern, known wrong answers."""
    found = text_answers(scope, raw, (), ("answers",), "")
    otherwise = other_answer(scope, raw, (), "")
    if found is None:
        return None
    return {"answers": found[0], "case_sensitive": found[1], "otherwise": otherwise}


def other_answer(
    scope: QuestionScope, spec: dict[Any, Any], sub: Sub, what: str
) -> OtherAnswer | None:
    """The `otherwise:` of a short or numeric question or a gap: any other answer's feedback."""
    if "otherwise" not in spec:
        return None
    where = (*sub, "otherwise")
    value = spec["otherwise"]
    label = f"{what}, `otherwise`" if what else "`otherwise`"
    if type(value) is not dict:
        message = f"must be a mapping with `feedback` (and `weight`), not {describe(value)}"
        scope.error(where, message, False, label)
        return None
    scope.keys(value, _OTHERWISE_KEYS, where, label)
    feedback = scope.text(value, "feedback", where, False, label)
    weight = scope.weight(value, where, 0.0, label)
    if weight < 0:
        message = "`weight` must not be negative: any other answer earns no marks or some"
        scope.error((*where, "weight"), message, False, label)
        return None
    return OtherAnswer(feedback, weight)


def text_answers(
    scope: QuestionScope, spec: dict[Any, Any], sub: Sub, answers_sub: Sub, what: str
) -> tuple[tuple[TextAnswer, ...], bool] | None:
    """The typed answers of `spec` (a short question or a cloze gap), accepted ones first."""
    if "answers" not in spec and "pattern" not in spec:
        scope.error(sub, "needs `answers` or `pattern`", False, what)
        return None
    accepted: list[TextAnswer] = []
    before = len(scope.checker.issues)
    if "answers" in spec:
        entries = spec["answers"]
        if type(entries) is not list or not entries:
            shown = "empty" if entries == [] else describe(entries)
            message = f"`answers` must be a list of answers, not {shown}"
            scope.error(answers_sub, message, False, what)
        else:
            for index, entry in enumerate(entries):
                one = _text_answer(scope, entry, (*answers_sub, index), what, index, True)
                if one is not None:
                    accepted.append(one)
    if "pattern" in spec:
        pattern = spec["pattern"]
        if not is_text(pattern):
            scope.error((*sub, "pattern"), f"`pattern` {must_be_text(pattern)}", False, what)
        else:
            try:
                with warnings.catch_warnings():  # e.g. "possible nested set": not for the user
                    warnings.simplefilter("ignore")
                    re.compile(pattern)
            except re.error as exc:
                message = f"invalid `pattern`: {exc.msg} at position {exc.pos}"
                scope.error((*sub, "pattern"), message, False, what)
            accepted.append(TextAnswer(pattern, 1.0, regex=True))
    case_sensitive = scope.flag(spec, "case_sensitive", False, sub, what)
    wrong: list[TextAnswer] = []
    for index, entry in enumerate(_entries(scope, spec, sub, what)):
        one = _text_answer(scope, entry, (*sub, "wrong_answers", index), what, index, False)
        if one is not None:
            wrong.append(one)
    if len(scope.checker.issues) != before:
        return None
    if not any(answer.weight == 1.0 for answer in accepted):
        message = "no answer earns full marks (give one `weight: 100`)"
        scope.error(answers_sub, message, False, what)
        return None
    return (*accepted, *wrong), case_sensitive


def _entries(scope: QuestionScope, spec: dict[Any, Any], sub: Sub, what: str) -> list[Any]:
    """The `wrong_answers` list of `spec` ([] when absent or not a list)."""
    entries = spec.get("wrong_answers", [])
    if type(entries) is list:
        return entries
    message = f"`wrong_answers` must be a list, not {describe(entries)}"
    scope.error((*sub, "wrong_answers"), message, False, what)
    return []


def _text_answer(
    scope: QuestionScope, entry: Any, sub: Sub, what: str, index: int, accepted: bool
) -> TextAnswer | None:
    label = f"{what}, " if what else ""
    label += f"answer {index + 1}" if accepted else f"wrong answer {index + 1}"
    if type(entry) is str:
        if is_text(entry):
            return TextAnswer(entry, 1.0 if accepted else 0.0)
        scope.error(sub, "is empty", False, label)
        return None
    if type(entry) is not dict:
        quote = " (put it in quotes)" if isinstance(entry, int | float) else ""
        message = f"must be text or a mapping with `text`, not {describe(entry)}{quote}"
        scope.error(sub, message, False, label)
        return None
    scope.keys(entry, _TEXT_ANSWER_KEYS if accepted else _WRONG_TEXT_KEYS, sub, label)
    text = scope.text(entry, "text", sub, True, label)
    feedback = scope.text(entry, "feedback", sub, False, label)
    wildcard = scope.flag(entry, "wildcard", False, sub, label)
    if wildcard and text and not _STAR.search(text):
        message = "`wildcard: true` but the answer has no `*` (write `\\*` for a star itself)"
        scope.error((*sub, "wildcard"), message, False, label)
    elif wildcard and text and not _STAR.sub("", text).strip():
        message = "a pattern of stars alone matches every answer: use `otherwise:` for that"
        scope.error((*sub, "text"), message, False, label)
    if accepted:
        weight = scope.weight(entry, sub, 1.0, label)
        return TextAnswer(text, weight, feedback, wildcard=wildcard)
    misconception = scope.misconception(entry, sub, label)
    return TextAnswer(text, 0.0, feedback, misconception, wildcard=wildcard)


def build_numeric(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of a numeric question: accepted values or ranges, then known wrong ones."""
    forms = [key for key in _NUMERIC_FORMS if key in raw]
    if not forms:
        scope.error((), "missing `answer`, `range` or `answers`")
        return None
    if len(forms) > 1:
        message = "use only one of `answer` (with `tolerance`), `range` and `answers`"
        scope.error((forms[1],), message, at_key=True)
        return None
    before = len(scope.checker.issues)
    units = read_units(scope, raw)
    accepted: list[NumericAnswer | None] = []
    if forms[0] == "answers":
        entries = raw["answers"]
        if type(entries) is not list or not entries:
            shown = "empty" if entries == [] else describe(entries)
            scope.error(("answers",), f"`answers` must be a list of answers, not {shown}")
        for index, entry in enumerate(entries if type(entries) is list else []):
            accepted.append(_numeric(scope, entry, ("answers", index), f"answer {index + 1}", True))
    else:
        if "tolerance" in raw and forms[0] == "range":
            scope.error(("tolerance",), "`tolerance` goes with `answer`, not `range`", at_key=True)
        accepted.append(_numeric_fields(scope, raw, (), "", "answer", True))
    wrong = [
        _numeric(scope, entry, ("wrong_answers", index), f"wrong answer {index + 1}", False)
        for index, entry in enumerate(_entries(scope, raw, (), ""))
    ]
    otherwise = other_answer(scope, raw, (), "")
    if len(scope.checker.issues) != before:
        return None
    if not any(answer is not None and answer.weight == 1.0 for answer in accepted):
        scope.error((forms[0],), "no answer earns full marks (give one `weight: 100`)")
        return None
    numeric = tuple(a for a in (*accepted, *wrong) if a is not None)
    return {"numeric": numeric, "otherwise": otherwise, "units": units}


def _numeric(
    scope: QuestionScope, entry: Any, sub: Sub, what: str, accepted: bool
) -> NumericAnswer | None:
    if is_number(entry):
        value = float(entry)
        return NumericAnswer(value, value, 1.0 if accepted else 0.0, value=value)
    if type(entry) is not dict:
        message = f"must be a number or a mapping with `value` or `range`, not {describe(entry)}"
        scope.error(sub, message, False, what)
        return None
    scope.keys(entry, _NUMERIC_ANSWER_KEYS if accepted else _WRONG_NUMERIC_KEYS, sub, what)
    return _numeric_fields(scope, entry, sub, what, "value", accepted)


def _numeric_fields(
    scope: QuestionScope, spec: dict[Any, Any], sub: Sub, what: str, value_key: str, accepted: bool
) -> NumericAnswer | None:
    """One numeric answer from `value_key` (+ `tolerance`) or `range`, `weight`, `feedback`..."""
    weight = scope.weight(spec, sub, 1.0, what) if accepted else 0.0
    feedback = scope.text(spec, "feedback", sub, False, what)
    misconception = None if accepted else scope.misconception(spec, sub, what)
    if value_key in spec:
        if "range" in spec:
            message = f"use either `{value_key}` or `range`, not both"
            scope.error((*sub, "range"), message, True, what)
            return None
        value = scope.number(spec, value_key, sub, what)
        tolerance = scope.number(spec, "tolerance", sub, what)
        if tolerance is not None and tolerance < 0:
            message = f"`tolerance` must not be negative, not {tolerance:g}"
            scope.error((*sub, "tolerance"), message, False, what)
            return None
        if value is None:
            return None
        spread = tolerance or 0.0
        return NumericAnswer(
            value - spread, value + spread, weight, feedback, misconception, value, spread
        )
    if "range" not in spec:
        scope.error(sub, f"missing `{value_key}` or `range`", False, what)
        return None
    if "tolerance" in spec and value_key == "value":
        scope.error((*sub, "tolerance"), "`tolerance` goes with `value`, not `range`", True, what)
    bounds = spec["range"]
    if type(bounds) is not list or len(bounds) != 2 or not all(map(is_number, bounds)):
        message = f"`range` must be a list of two numbers [low, high], not {describe(bounds)}"
        scope.error((*sub, "range"), message, False, what)
        return None
    low, high = float(bounds[0]), float(bounds[1])
    if low > high:
        message = f"`range` [{low:g}, {high:g}] has its low end above its high end"
        scope.error((*sub, "range"), message, False, what)
        return None
    return NumericAnswer(low, high, weight, feedback, misconception)


def build_cloze(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of a cloze question: one `Gap` per `{{name}}` marker, in the prompt's order."""
    prompt = raw.get("prompt")
    specs = raw.get("gaps")
    if type(specs) is not dict or not specs:
        if "gaps" not in raw:
            scope.error((), "missing `gaps`")
        else:
            shown = "empty" if specs == {} else describe(specs)
            scope.error(("gaps",), f"`gaps` must be a mapping of gap names to answers, not {shown}")
        return None
    if type(prompt) is not str:
        return None
    names: list[str] = []
    for match in GAP_RE.finditer(prompt):
        name = match.group(1).strip()
        if not name:
            scope.error(("prompt",), "empty gap `{{}}` in the prompt")
        elif name in names:
            scope.error(("prompt",), f"gap `{{{{{name}}}}}` appears twice in the prompt")
        else:
            names.append(name)
            if name not in specs:
                hint = suggest(name, [str(key) for key in specs if key not in names])
                message = f"gap `{{{{{name}}}}}` has no entry in `gaps`{hint}"
                scope.error(("prompt",), message)
    if not names and not GAP_RE.search(prompt):
        scope.error(("prompt",), "the prompt has no `{{name}}` gaps")
    for key in specs:
        if key not in names:
            hint = suggest(key, [name for name in names if name not in specs])
            scope.error(("gaps", key), f"gap '{key}' is not used in the prompt{hint}", at_key=True)
    gaps: list[Gap] = []
    for name in names:
        if name not in specs:
            continue
        spec, sub, what = specs[name], ("gaps", name), f"gap '{name}'"
        otherwise = None
        if type(spec) is list:
            found = text_answers(scope, {"answers": spec}, sub, sub, what)
        elif type(spec) is dict:
            scope.keys(spec, _GAP_KEYS, sub, what)
            found = text_answers(scope, spec, sub, (*sub, "answers"), what)
            otherwise = other_answer(scope, spec, sub, what)
        else:
            message = f"must be a list of answers or a mapping with `answers`, not {describe(spec)}"
            scope.error(sub, message, False, what)
            found = None
        if found is not None:
            gaps.append(Gap(name, found[0], found[1], otherwise))
    return {"gaps": tuple(gaps)}
