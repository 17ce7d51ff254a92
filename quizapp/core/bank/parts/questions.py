"""Checking one question: its id, its type (given or inferred), its common fields, then the rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quizapp.core.bank.lintcodes import LINT_CODES
from quizapp.core.bank.parts.checks import Checker, Scope, describe, is_number, is_text, suggest
from quizapp.core.bank.parts.fields import (
    ALL_QUESTION_KEYS,
    ALLOWED_KEYS,
    FLASHCARD_INDICATORS,
    ID_RE,
    ID_RULE,
    MISCONCEPTION_KEYS,
    TYPE_KEYS,
)
from quizapp.core.model import Misconception, Question, QuestionType

_MISCONCEPTION_KEYS = frozenset(MISCONCEPTION_KEYS)
_TYPE_NAMES = [kind.value for kind in QuestionType]
_FIRST, _LAST = min(LINT_CODES), max(LINT_CODES)


class QuestionScope(Scope):
    """A question being checked: knows its id and the bank's misconceptions (inline ones added)."""

    __slots__ = ("qid", "known", "inline")

    def __init__(
        self, checker: Checker, path: tuple[Any, ...], label: str, qid: str, known: dict[str, Any]
    ) -> None:
        super().__init__(checker, path, label)
        self.qid = qid
        self.known: dict[str, Misconception] = known
        self.inline = 0

    def misconception(self, raw: dict[Any, Any], sub: tuple[Any, ...], what: str) -> str | None:
        """The misconception id of `raw` (a reference checked against the bank, or inline)."""
        value = raw.get("misconception")
        if value is None and "misconception" not in raw:
            return None
        where = (*sub, "misconception")
        if type(value) is str:
            if value in self.known:
                return value
            hint = suggest(value, self.known)
            self.error(where, f"{what} refers to unknown misconception '{value}'{hint}")
            return None
        if type(value) is not dict:
            message = f"{what}: `misconception` must be an id or a mapping with `summary`"
            self.error(where, f"{message}, not {describe(value)}")
            return None
        self.keys(value, _MISCONCEPTION_KEYS, where, f"{what}: inline misconception")
        summary = self.text(value, "summary", where, True, what)
        explanation = self.text(value, "explanation", where, False, what)
        self.inline += 1
        mid = f"{self.qid}.{self.inline}"
        if mid in self.known:
            self.error(where, f"inline misconception '{mid}' clashes with a misconception id")
            return None
        self.known[mid] = Misconception(mid, summary, explanation)
        return mid


Builder = Callable[[QuestionScope, dict[Any, Any], QuestionType], dict[str, Any] | None]


def build_question(
    checker: Checker,
    raw: Any,
    index: int,
    known: dict[str, Misconception],
    line: int,
    builders: dict[QuestionType, Builder],
) -> Question | None:
    """The `Question` for `raw` (the index-th of the bank), or None after recording its issues."""
    path = ("questions", index)
    if type(raw) is not dict:
        message = f"question {index + 1} must be a mapping with `id` and `prompt`"
        checker.add(path, f"{message}, not {describe(raw)}")
        return None
    before = len(checker.issues)
    qid = raw.get("id")
    if type(qid) is str and ID_RE.match(qid):
        scope = QuestionScope(checker, path, f"question '{qid}'", qid, known)
    else:
        label = f"question {index + 1}"
        scope = QuestionScope(checker, path, label, f"question-{index + 1}", known)
        _bad_id(scope, raw)
    kind = question_type(scope, raw)
    _check_keys(scope, raw, kind)
    prompt_key = "prompt"
    if kind is QuestionType.FLASHCARD and "prompt" not in raw:
        prompt_key = "front"
    elif kind is QuestionType.FLASHCARD and "front" in raw:
        scope.error(("front",), "use either `prompt` or `front`, not both", at_key=True)
    prompt = scope.text(raw, prompt_key, required=True)
    topic = scope.text(raw, "topic")
    explanation = scope.text(raw, "explanation")
    hint = scope.text(raw, "hint")
    tags = scope.texts(raw, "tags")
    references = scope.texts(raw, "references")
    shuffle = scope.flag(raw, "shuffle", kind is not QuestionType.TRUE_FALSE)
    lint_ignore = lint_codes(scope, raw)
    if kind is None:
        return None
    fields = builders[kind](scope, raw, kind)
    if fields is None or len(checker.issues) != before:
        return None
    return Question(
        id=scope.qid,
        type=fields.pop("type", kind),
        prompt=prompt,
        topic=topic,
        tags=tuple(tags),
        explanation=explanation,
        hint=hint,
        references=tuple(references),
        shuffle=shuffle,
        line=line,
        lint_ignore=lint_ignore,
        **fields,
    )


#: Letters typed for the digits they look like ("QA1O1", "qal05").
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _unconfused(code: str) -> str:
    """`code` in capitals with look-alike letters after its prefix read as digits.

    difflib's similarity rates "QA1O1" as close to "QA112" as to "QA101", but the letter O typed
    for a zero is the likelier slip.
    """
    upper = code.upper()
    return upper[:2] + upper[2:].translate(_LOOKALIKE_DIGITS)


def lint_codes(scope: Scope, raw: dict[Any, Any]) -> tuple[str, ...]:
    """The `lint:` field of `raw` (a question or the bank): codes of lint warnings to silence."""
    if "lint" not in raw:
        return ()
    scope.texts(raw, "lint")  # reports a value that is not a list of texts
    written = raw["lint"]
    codes: dict[str, None] = {}
    for index, code in enumerate(written if type(written) is list else ()):
        if not is_text(code) or code in LINT_CODES:  # a blank or non-text entry is reported above
            if is_text(code):
                codes[code] = None
            continue
        fixed = _unconfused(code)
        if fixed in LINT_CODES:
            hint = f" (did you mean '{fixed}'?)"
        else:
            hint = suggest(code, LINT_CODES) or f" (codes run from {_FIRST} to {_LAST})"
        scope.error(("lint", index), f"unknown lint code '{code}'{hint}")
    return tuple(codes)


def _bad_id(scope: QuestionScope, raw: dict[Any, Any]) -> None:
    qid = raw.get("id")
    if "id" not in raw:
        scope.error((), "missing `id`")
    elif type(qid) is not str:
        scope.error(("id",), f"`id` must be text, not {describe(qid)}")
    else:
        message = f"invalid id '{qid}': {ID_RULE}"
        scope.error(("id",), message)


def question_type(scope: QuestionScope, raw: dict[Any, Any]) -> QuestionType | None:
    """The type written in `type`, or the one the fields imply (None, with an issue, if neither)."""
    given = raw.get("type")
    if given is not None or "type" in raw:
        if type(given) is str and given in _TYPE_NAMES:
            return QuestionType(given)
        shown = given if type(given) is str else describe(given)
        scope.error(("type",), f"unknown type '{shown}'{suggest(shown, _TYPE_NAMES)}")
        return None
    found: dict[str, list[str]] = {}
    for key in raw:
        family = _family(key, raw[key])
        if family:
            found.setdefault(family, []).append(key)
    if len(found) == 1:
        return QuestionType(next(iter(found)))
    if found:
        clues = ", ".join(f"`{'`/`'.join(keys)}` means {kind}" for kind, keys in found.items())
        scope.error((), f"cannot tell the question type ({clues}): add `type:`")
    elif "answer" in raw:
        value = raw["answer"]
        message = "`answer` must be true/false or a number (for typed answers use `answers:`)"
        scope.error(("answer",), f"{message}, not {describe(value)}")
    else:
        scope.error((), "cannot tell the question type: add `type:` or the fields of one type")
    return None


def _family(key: Any, value: Any) -> str | None:
    """The type a field implies when `type` is missing ('single' stands for single/multiple)."""
    if key == "choices":
        return QuestionType.SINGLE.value
    if key == "answer":
        if type(value) is bool:
            return QuestionType.TRUE_FALSE.value
        return QuestionType.NUMERIC.value if is_number(value) else None
    if key == "answers":
        numeric = type(value) is list and value and all(map(_numeric_entry, value))
        return QuestionType.NUMERIC.value if numeric else QuestionType.SHORT.value
    if key == "pattern":
        return QuestionType.SHORT.value
    if key == "range":
        return QuestionType.NUMERIC.value
    if key == "gaps":
        return QuestionType.CLOZE.value
    if key == "items":
        return QuestionType.ORDER.value
    if key == "pairs":
        return QuestionType.MATCH.value
    if key in FLASHCARD_INDICATORS:
        return QuestionType.FLASHCARD.value
    return None


def _numeric_entry(entry: Any) -> bool:
    return is_number(entry) or (type(entry) is dict and ("value" in entry or "range" in entry))


def _check_keys(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType | None) -> None:
    allowed = ALLOWED_KEYS[kind] if kind is not None else ALL_QUESTION_KEYS
    if raw.keys() <= allowed:
        return
    for key in raw:
        if key in allowed:
            continue
        if kind is not None and key in ALL_QUESTION_KEYS:
            owners = [t.value for t, keys in TYPE_KEYS.items() if key in keys]
            shown = " and ".join(f"`{owner}`" for owner in owners)
            message = f"`{key}` does not belong in a `{kind.value}` question (it is for {shown})"
            scope.error((key,), message, at_key=True)
        else:
            hint = suggest(key, sorted(allowed))
            scope.error((key,), f"unknown key '{key}'{hint}", at_key=True)
