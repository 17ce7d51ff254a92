"""Writing a `Bank` back as a hand-editable YAML bank file, in the README's style.

`bank_to_yaml(bank)` is what `quizapp import` writes, so an instructor can read and edit what came
out of Moodle or Anki. The text uses the format's shorthands wherever they give back the same
bank (`correct: true`, `answer: false` with `feedback: {true:, false:}`, `answer: 42` with
`tolerance`, answer lists), literal blocks (`|`) for multi-line text and short flow mappings for
small choices. Loading the text with `parse_bank` gives a bank equal to the one written (apart
from `path` and the questions' `line`): the tests check that for every bundled bank.

Every misconception is written under the bank's `misconceptions:`, inline ones included (under
the ids the loader gave them, `question-id.1`), so choices refer to them by id.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import yaml

from quizapp.core.formats.percents import multiple_percents, percent
from quizapp.core.formats.yamlstyle import WIDTH, Dumper, FlowList, compact, texts
from quizapp.core.model import (
    Bank,
    Choice,
    NumericAnswer,
    NumericUnit,
    OtherAnswer,
    Question,
    QuestionType,
    TextAnswer,
)

SCHEMA_LINE = "# yaml-language-server: $schema=quizapp-bank.schema.json"


def bank_to_yaml(bank: Bank) -> str:
    """The bank as YAML text, schema line first, that `parse_bank` reads back to an equal bank."""
    doc: dict[str, Any] = {"title": bank.title, "id": bank.id}
    _put(doc, "description", bank.description)
    _put(doc, "tags", texts(bank.tags))
    _put(doc, "source", bank.source)
    _put(doc, "lint", texts(bank.lint_ignore))
    if bank.exam is not None:
        exam: dict[str, Any] = {}
        _put(exam, "questions", bank.exam.questions)
        _put(exam, "time_limit", bank.exam.time_limit_minutes)
        if bank.exam.pass_mark is not None:
            exam["pass_mark"] = percent(bank.exam.pass_mark)
        if bank.exam.blueprint:
            exam["blueprint"] = compact(dict(bank.exam.blueprint))
        doc["exam"] = exam
    if bank.misconceptions:
        doc["misconceptions"] = {
            m.id: compact({"summary": m.summary, "explanation": m.explanation})
            for m in bank.misconceptions.values()
        }
    doc["questions"] = [_question(q) for q in bank.questions]
    text = yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=WIDTH, indent=2)
    return f"{SCHEMA_LINE}\n{_spaced(text)}"


def _spaced(text: str) -> str:
    """A blank line before the exam, misconceptions and questions, and between questions."""
    out: list[str] = []
    questions = 0
    for line in text.splitlines(keepends=True):
        if line.startswith(("exam:", "misconceptions:", "questions:")):
            out.append("\n")
            questions = 1 if line.startswith("questions:") else 0
        elif questions and line.startswith("  - "):
            # Inside `questions:` only a question starts at this indent: deeper text is indented.
            if questions > 1:
                out.append("\n")
            questions += 1
        out.append(line)
    return "".join(out)


def _question(q: Question) -> dict[str, Any]:
    if q.type is QuestionType.TRUE_FALSE and _true_false(q.choices) is None:
        # Choices the `answer:` shorthand cannot say (partial credit on the wrong one...): the
        # same choices as a single-choice question grade the same.
        q = replace(q, type=QuestionType.SINGLE)
    out: dict[str, Any] = {"id": q.id}
    body, inferred = _body(q)
    if inferred is not q.type:
        out["type"] = q.type.value
    _put(out, "topic", q.topic)
    _put(out, "tags", texts(q.tags))
    out["front" if q.type is QuestionType.FLASHCARD else "prompt"] = q.prompt
    out.update(body)
    _put(out, "explanation", q.explanation)
    _put(out, "hint", q.hint)
    _put(out, "references", texts(q.references))
    if q.shuffle != (q.type is not QuestionType.TRUE_FALSE):
        out["shuffle"] = q.shuffle
    _put(out, "lint", texts(q.lint_ignore))
    return out


def _body(q: Question) -> tuple[dict[str, Any], QuestionType | None]:
    """The fields of `q`'s type, and the type the loader infers from them (None: cannot)."""
    match q.type:
        case QuestionType.TRUE_FALSE:
            return _true_false(q.choices) or {}, QuestionType.TRUE_FALSE
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            body = _choices(q)
            full = sum(1 for c in q.choices if c.weight == 1.0)
            positive = sum(1 for c in q.choices if c.weight > 0)
            single = full == 1 or positive < 2
            return body, QuestionType.SINGLE if single else QuestionType.MULTIPLE
        case QuestionType.SHORT:
            body = _text_answers(q.answers, q.case_sensitive, q.otherwise)
            return body, QuestionType.SHORT
        case QuestionType.NUMERIC:
            return (
                _numeric(q.numeric) | _otherwise(q.otherwise) | _units(q.units),
                QuestionType.NUMERIC,
            )
        case QuestionType.CLOZE:
            gaps: dict[str, Any] = {}
            for gap in q.gaps:
                spec = _text_answers(gap.answers, gap.case_sensitive, gap.otherwise)
                gaps[gap.name] = spec["answers"] if list(spec) == ["answers"] else spec
            return {"gaps": gaps}, QuestionType.CLOZE
        case QuestionType.ORDER:
            return {"items": texts(q.items)}, None
        case QuestionType.MATCH:
            pairs = [
                compact({"left": p.left, "right": p.right, "feedback": p.feedback}) for p in q.pairs
            ]
            body = {"pairs": pairs}
            _put(body, "distractors", texts(q.distractors))
            return body, None
        case QuestionType.FLASHCARD:
            return {"back": q.back}, QuestionType.FLASHCARD


def _true_false(choices: tuple[Choice, ...]) -> dict[str, Any] | None:
    """The `answer:` shorthand of a true/false question, or None when its choices do not fit it."""
    if len(choices) != 2 or (choices[0].text, choices[1].text) != ("True", "False"):
        return None
    true, false = choices
    if {true.weight, false.weight} != {0.0, 1.0} or true.pinned or false.pinned:
        return None
    answer = true.weight == 1.0
    right, wrong = (true, false) if answer else (false, true)
    if right.misconception is not None:
        return None
    out: dict[str, Any] = {"answer": answer}
    if true.feedback or false.feedback:
        out["feedback"] = compact({True: true.feedback, False: false.feedback})
    _put(out, "misconception", wrong.misconception)
    return out


def _choices(q: Question) -> dict[str, Any]:
    positive = [c.weight for c in q.choices if c.weight > 0]
    share = 1.0 / len(positive) if positive else 0.0
    plain = q.type is QuestionType.MULTIPLE and all(
        c.weight == (share if c.weight > 0 else -share) for c in q.choices
    )
    percents = multiple_percents([c.weight for c in q.choices])
    if q.type is not QuestionType.MULTIPLE or plain or percents is None:
        percents = [percent(c.weight) for c in q.choices]
    entries = []
    for choice, weight in zip(q.choices, percents, strict=True):
        entry: dict[str, Any] = {"text": choice.text}
        if plain or (q.type is not QuestionType.MULTIPLE and choice.weight == 1.0):
            if choice.weight > 0:
                entry["correct"] = True
        elif choice.weight:
            entry["weight"] = weight
        _put(entry, "feedback", choice.feedback)
        _put(entry, "misconception", choice.misconception)
        if choice.pinned:
            entry["pin"] = True
        entries.append(compact(entry))
    return {"choices": entries}


def _text_answers(
    answers: tuple[TextAnswer, ...], case_sensitive: bool, otherwise: OtherAnswer | None
) -> dict[str, Any]:
    """`answers`, `pattern`, `wrong_answers`, `case_sensitive` and `otherwise` of a short question
    or a gap."""
    patterns = [i for i, a in enumerate(answers) if a.regex]
    last_accepted = max((i for i, a in enumerate(answers) if a.weight > 0), default=-1)
    split = patterns[0] + 1 if patterns else last_accepted + 1
    accepted, wrong = answers[:split], answers[split:]
    out: dict[str, Any] = {}
    listed = [a for a in accepted if not a.regex]
    if listed:
        simple = all(a.weight == 1.0 and not a.feedback and not a.wildcard for a in listed)
        if simple:
            out["answers"] = texts(tuple(a.text for a in listed))
        else:
            out["answers"] = [
                compact(
                    {
                        "text": a.text,
                        "weight": _weight(a.weight, 1.0),
                        "feedback": a.feedback,
                        "wildcard": a.wildcard or None,
                    }
                )
                for a in listed
            ]
    if patterns:
        out["pattern"] = answers[patterns[0]].text
    if case_sensitive:
        out["case_sensitive"] = True
    if wrong:
        out["wrong_answers"] = [
            compact(
                {
                    "text": a.text,
                    "feedback": a.feedback,
                    "misconception": a.misconception,
                    "wildcard": a.wildcard or None,
                }
            )
            for a in wrong
        ]
    return out | _otherwise(otherwise)


def _otherwise(otherwise: OtherAnswer | None) -> dict[str, Any]:
    """The `otherwise:` field of a short or numeric question or a gap ({} when it has none)."""
    if otherwise is None:
        return {}
    spec = {"feedback": otherwise.feedback, "weight": _weight(otherwise.weight, 0.0)}
    return {"otherwise": compact(spec)}


def _numeric(answers: tuple[NumericAnswer, ...]) -> dict[str, Any]:
    last_accepted = max((i for i, a in enumerate(answers) if a.weight > 0), default=-1)
    accepted, wrong = answers[: last_accepted + 1], answers[last_accepted + 1 :]
    out: dict[str, Any] = {}
    if len(accepted) == 1 and accepted[0].weight == 1.0 and not accepted[0].feedback:
        only = accepted[0]
        if only.value is None:
            out["range"] = FlowList([only.low, only.high])
        else:
            out["answer"] = only.value
            _put(out, "tolerance", only.tolerance)
    else:
        out["answers"] = [
            compact(_numeric_where(a) | {"weight": _weight(a.weight, 1.0), "feedback": a.feedback})
            for a in accepted
        ]
    if wrong:
        out["wrong_answers"] = [
            compact(_numeric_where(a) | {"feedback": a.feedback, "misconception": a.misconception})
            for a in wrong
        ]
    return out


def _units(units: tuple[NumericUnit, ...]) -> dict[str, Any]:
    """`units:` as the README writes it: names, with a mapping only for a multiplier."""
    if not units:
        return {}
    entries = [
        u.name if u.multiplier == 1.0 else compact({"name": u.name, "multiplier": u.multiplier})
        for u in units
    ]
    return {"units": entries if any(isinstance(e, dict) for e in entries) else FlowList(entries)}


def _numeric_where(answer: NumericAnswer) -> dict[str, Any]:
    if answer.value is None:
        return {"range": FlowList([answer.low, answer.high])}
    return {"value": answer.value, "tolerance": answer.tolerance or None}


def _weight(weight: float, default: float) -> float | int | None:
    return None if weight == default else percent(weight)


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Set `key` unless `value` is empty (the format's default)."""
    if value not in (None, "", (), [], 0):
        out[key] = value
