"""Checking a whole bank: its top-level fields, misconceptions, questions and mock exam."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from quizapp.core.bank.parts.arrange import build_flashcard, build_match, build_order
from quizapp.core.bank.parts.checks import Checker, Scope, describe, is_integer, is_number, suggest
from quizapp.core.bank.parts.choices import build_choices, build_true_false
from quizapp.core.bank.parts.fastpath import fast_question
from quizapp.core.bank.parts.fields import BANK_KEYS, EXAM_KEYS, ID_RE, ID_RULE, MISCONCEPTION_KEYS
from quizapp.core.bank.parts.questions import Builder, build_question, lint_codes
from quizapp.core.bank.parts.typed import build_cloze, build_numeric, build_short
from quizapp.core.model import Bank, ExamSpec, Misconception, Question, QuestionType

_BANK_KEYS = frozenset(BANK_KEYS)
_EXAM_KEYS = frozenset(EXAM_KEYS)
_MISCONCEPTION_KEYS = frozenset(MISCONCEPTION_KEYS)
_BUILDERS: dict[QuestionType, Builder] = {
    QuestionType.SINGLE: build_choices,
    QuestionType.MULTIPLE: build_choices,
    QuestionType.TRUE_FALSE: build_true_false,
    QuestionType.SHORT: build_short,
    QuestionType.NUMERIC: build_numeric,
    QuestionType.CLOZE: build_cloze,
    QuestionType.ORDER: build_order,
    QuestionType.MATCH: build_match,
    QuestionType.FLASHCARD: build_flashcard,
}
#: Report progress this often (in questions) while checking a big bank.
PROGRESS_STEP = 500

Progress = Callable[[float], None] | None


def build_bank(
    checker: Checker,
    data: Any,
    default_id: str,
    source_path: str,
    question_lines: list[int],
    progress: Progress = None,
) -> Bank | None:
    """The `Bank` described by `data`, or None when `checker` has gathered any issue."""
    if data is None:
        checker.add((), "the file is empty: a bank needs a `title` and `questions`")
        return None
    if type(data) is not dict:
        message = "the top level must be a mapping with `title` and `questions`"
        checker.add((), f"{message}, not {describe(data)}")
        return None
    scope = Scope(checker, (), "")
    scope.keys(data, _BANK_KEYS, ())
    title = scope.text(data, "title", (), True)
    bank_id = default_id
    if "id" in data:
        given = data["id"]
        if type(given) is not str:
            scope.error(("id",), f"`id` must be text, not {describe(given)}")
        elif not ID_RE.match(given):
            scope.error(("id",), f"invalid id '{given}': {ID_RULE}")
        else:
            bank_id = given
    known = _misconceptions(scope, data)
    questions = _questions(checker, data, known, question_lines, progress)
    exam = _exam(scope, data) if "exam" in data else None
    bank = Bank(
        id=bank_id,
        title=title,
        questions=tuple(questions),
        misconceptions=known,
        description=scope.text(data, "description"),
        tags=tuple(scope.texts(data, "tags")),
        source=scope.text(data, "source"),
        exam=exam,
        path=source_path,
        lint_ignore=lint_codes(scope, data),
    )
    return None if checker.issues else bank


def _misconceptions(scope: Scope, data: dict[Any, Any]) -> dict[str, Misconception]:
    known: dict[str, Misconception] = {}
    if "misconceptions" not in data:
        return known
    entries = scope.mapping(data["misconceptions"], ("misconceptions",), "`misconceptions`")
    for key, entry in (entries or {}).items():
        sub = ("misconceptions", key)
        valid = type(key) is str and ID_RE.match(key) is not None
        if not valid:
            message = f"invalid misconception id '{key}': {ID_RULE}"
            scope.error(sub, message, at_key=True)
        what = f"misconception '{key}'"
        if type(entry) is not dict:
            scope.error(sub, f"{what} must be a mapping with `summary`, not {describe(entry)}")
            continue
        scope.keys(entry, _MISCONCEPTION_KEYS, sub, what)
        summary = scope.text(entry, "summary", sub, True, what)
        explanation = scope.text(entry, "explanation", sub, False, what)
        if valid:
            known[key] = Misconception(key, summary, explanation)
    return known


def _questions(
    checker: Checker,
    data: dict[Any, Any],
    known: dict[str, Misconception],
    lines: list[int],
    progress: Progress,
) -> list[Question]:
    entries = data.get("questions")
    if type(entries) is not list or not entries:
        if "questions" not in data:
            checker.add((), "missing `questions`")
        else:
            shown = "empty" if entries == [] else describe(entries)
            checker.add(("questions",), f"`questions` must be a list of questions, not {shown}")
        return []
    built: list[Question] = []
    first: dict[str, int] = {}
    count = len(entries)
    for index, raw in enumerate(entries):
        if progress is not None and index % PROGRESS_STEP == 0:
            progress(index / count)
        line = lines[index] if index < len(lines) else 0
        question = fast_question(raw, known, line) if type(raw) is dict else None
        if question is None:
            question = build_question(checker, raw, index, known, line, _BUILDERS)
        if question is not None:
            built.append(question)
        qid = raw.get("id") if type(raw) is dict else None
        if type(qid) is str:
            if qid in first:
                earlier = first[qid]
                where = f"line {lines[earlier]}" if earlier < len(lines) else f"#{earlier + 1}"
                message = f"question '{qid}': duplicate id (already used at {where})"
                checker.add(("questions", index, "id"), message)
            else:
                first[qid] = index
    if progress is not None:
        progress(1.0)
    return built


def _exam(scope: Scope, data: dict[Any, Any]) -> ExamSpec | None:
    exam = scope.mapping(data["exam"], ("exam",), "`exam`")
    if exam is None:
        return None
    sub, what = ("exam",), "exam"
    scope.keys(exam, _EXAM_KEYS, sub, what)
    entries = data.get("questions")
    entries = entries if type(entries) is list else []
    questions = _count(scope, exam, "questions", what, minimum=1)
    if questions is not None and questions > len(entries):
        message = f"asks for {questions} questions, but the bank has {len(entries)}"
        scope.error((*sub, "questions"), message, False, what)
    time_limit = scope.number(exam, "time_limit", sub, what)
    if time_limit is not None and time_limit <= 0:
        scope.error((*sub, "time_limit"), "`time_limit` must be above 0 (minutes)", False, what)
    pass_mark = scope.number(exam, "pass_mark", sub, what)
    if pass_mark is not None and not 0 <= pass_mark <= 100:
        message = f"`pass_mark` {pass_mark:g} is outside 0..100 (percent)"
        scope.error((*sub, "pass_mark"), message, False, what)
    blueprint = _blueprint(scope, exam, entries, questions)
    return ExamSpec(
        questions=questions,
        time_limit_minutes=time_limit,
        pass_mark=None if pass_mark is None else pass_mark / 100.0,
        blueprint=blueprint,
    )


def _count(scope: Scope, raw: dict[Any, Any], key: Any, what: str, minimum: int) -> int | None:
    value: Any = raw.get(key)
    if value is None and key not in raw:
        return None
    if not is_integer(value) or value < minimum:
        message = f"must be a whole number, at least {minimum}, not {value!r}"
        if not is_number(value):
            message = f"must be a whole number, not {describe(value)}"
        sub = ("exam", "blueprint", key) if what != "exam" else ("exam", key)
        scope.error(sub, f"`{key}` {message}", False, what)
        return None
    return int(value)


def _blueprint(
    scope: Scope, exam: dict[Any, Any], entries: list[Any], questions: int | None
) -> tuple[tuple[str, int], ...]:
    if "blueprint" not in exam:
        return ()
    plan = scope.mapping(exam["blueprint"], ("exam", "blueprint"), "exam: `blueprint`")
    if plan is None:
        return ()
    topics = Counter(
        q.get("topic") for q in entries if type(q) is dict and type(q.get("topic")) is str
    )
    out: list[tuple[str, int]] = []
    for topic, _ in plan.items():
        wanted = _count(scope, plan, topic, "exam blueprint", minimum=1)
        if wanted is None:
            continue
        if topic not in topics:
            hint = suggest(topic, [t for t in topics if type(t) is str])
            message = f"exam blueprint topic '{topic}' has no questions{hint}"
            scope.error(("exam", "blueprint", topic), message, at_key=True)
        elif wanted > topics[topic]:
            message = f"exam blueprint asks for {wanted} '{topic}' questions, but the bank has "
            scope.error(("exam", "blueprint", topic), f"{message}{topics[topic]}")
        out.append((str(topic), wanted))
    total = sum(count for _, count in out)
    if questions is not None and total > questions:
        message = f"exam blueprint adds up to {total} questions, more than the exam's {questions}"
        scope.error(("exam", "blueprint"), message)
    return tuple(out)
