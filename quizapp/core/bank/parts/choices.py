"""The question types answered by picking: single, multiple and true_false."""

from __future__ import annotations

from typing import Any

from quizapp.core.bank.parts.checks import describe, is_text
from quizapp.core.bank.parts.fields import CHOICE_KEYS, WEIGHT_SUM_SLACK
from quizapp.core.bank.parts.questions import QuestionScope
from quizapp.core.model import Choice, QuestionType

_CHOICE_KEYS = frozenset(CHOICE_KEYS)
_FEEDBACK_KEYS = {True: True, False: False, "true": True, "false": False}


def build_choices(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of a single/multiple question; an inferred type is settled by the correct count."""
    entries = raw.get("choices")
    if type(entries) is not list:
        if "choices" not in raw:
            scope.error((), "missing `choices`")
        else:
            scope.error(("choices",), f"`choices` must be a list, not {describe(entries)}")
        return None
    if len(entries) < 2:
        scope.error(("choices",), f"needs at least 2 choices, not {len(entries)}")
    before = len(scope.checker.issues)
    choices: list[Choice] = []
    weighted = False
    texts: dict[str, int] = {}
    for index, entry in enumerate(entries):
        sub = ("choices", index)
        what = f"choice {index + 1}"
        if type(entry) is not dict:
            scope.error(sub, f"{what} must be a mapping with `text`, not {describe(entry)}")
            continue
        scope.keys(entry, _CHOICE_KEYS, sub, what)
        text: Any = entry.get("text")
        if not is_text(text):
            text = scope.text(entry, "text", sub, True, what)
        elif text in texts:
            message = f"same text as choice {texts[text] + 1}"
            scope.error((*sub, "text"), message, False, what)
        else:
            texts[text] = index
        weight = 0.0
        if "weight" in entry:
            weighted = True
            weight = scope.weight(entry, sub, 0.0, what)
            if "correct" in entry:
                message = "use either `correct` or `weight`, not both"
                scope.error((*sub, "correct"), message, True, what)
        elif "correct" in entry:
            correct = entry["correct"]
            if type(correct) is bool:
                weight = 1.0 if correct else 0.0
            else:
                message = f"`correct` must be true or false, not {describe(correct)}"
                scope.error((*sub, "correct"), message, False, what)
        feedback = scope.text(entry, "feedback", sub, False, what)
        pinned = scope.flag(entry, "pin", False, sub, what) if "pin" in entry else False
        misconception = scope.misconception(entry, sub, what)
        choices.append(Choice(text, weight, feedback, misconception, pinned))
    if len(scope.checker.issues) != before:
        return None  # counting correct choices now would only repeat those problems
    return _settle(scope, raw, kind, choices, weighted)


def _settle(
    scope: QuestionScope,
    raw: dict[Any, Any],
    kind: QuestionType,
    choices: list[Choice],
    weighted: bool,
) -> dict[str, Any] | None:
    full = [i for i, c in enumerate(choices) if c.weight == 1.0]
    positive = [i for i, c in enumerate(choices) if c.weight > 0]
    if "type" not in raw:
        kind = QuestionType.SINGLE if len(full) == 1 or len(positive) < 2 else QuestionType.MULTIPLE
    if not (full if kind is QuestionType.SINGLE else positive):
        scope.error(("choices",), "no choice is correct (mark one with `correct: true`)")
        return None
    if kind is QuestionType.SINGLE:
        if len(full) != 1:
            spot = ("choices", full[1]) if full else ("choices",)
            message = (
                f"{len(full)} choices are correct, but a `single` question needs exactly one "
                "at full marks (use `type: multiple` for several)"
            )
            scope.error(spot, message)
            return None
        return {"type": kind, "choices": tuple(choices)}
    if not weighted:
        share = 1.0 / len(positive)
        choices = [
            Choice(c.text, share if c.weight > 0 else -share, c.feedback, c.misconception, c.pinned)
            for c in choices
        ]
    else:
        total = sum(c.weight for c in choices if c.weight > 0) * 100
        if abs(total - 100) > WEIGHT_SUM_SLACK:
            message = f"the positive weights add up to {total:g}%, but must add up to 100%"
            scope.error(("choices",), message)
            return None
        # 33.33% three times is meant as thirds: scale so that the right picks earn exactly 1,
        # or a fully right answer would be graded as only partly right.
        scale = 100 / total
        choices = [
            Choice(c.text, c.weight * scale, c.feedback, c.misconception, c.pinned)
            if c.weight > 0
            else c
            for c in choices
        ]
    return {"type": kind, "choices": tuple(choices)}


def build_true_false(scope: QuestionScope, raw: dict[Any, Any], kind: QuestionType) -> Any:
    """Fields of a true_false question: the two choices "True" and "False", True first."""
    answer = raw.get("answer")
    if type(answer) is not bool:
        if "answer" not in raw:
            scope.error((), "missing `answer` (true or false)")
        else:
            scope.error(("answer",), f"`answer` must be true or false, not {describe(answer)}")
        return None
    feedback = {True: "", False: ""}
    given = raw.get("feedback")
    if "feedback" in raw:
        if type(given) is dict:
            for key, value in given.items():
                side = _FEEDBACK_KEYS.get(key) if isinstance(key, bool | str) else None
                if side is None:
                    message = f"unknown key '{key}' in `feedback` (use `true:` and `false:`)"
                    scope.error(("feedback", key), message, at_key=True)
                elif type(value) is str:
                    feedback[side] = value
                else:
                    message = f"`feedback` for {key} must be text, not {describe(value)}"
                    scope.error(("feedback", key), message)
        else:
            message = "`feedback` must be a mapping with `true:` and `false:`"
            scope.error(("feedback",), f"{message}, not {describe(given)}")
    misconception = scope.misconception(raw, (), "`misconception`")
    choices = (
        Choice("True", 1.0 if answer else 0.0, feedback[True], None if answer else misconception),
        Choice("False", 0.0 if answer else 1.0, feedback[False], misconception if answer else None),
    )
    return {"choices": choices}
