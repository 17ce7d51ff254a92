"""Which keys the bank format allows where: the one list both the validator and the schema read."""

from __future__ import annotations

import re

from quizapp.core.model import QuestionType

BANK_KEYS = (
    *("title", "id", "description", "tags", "source", "exam", "misconceptions", "questions"),
    "lint",
)
EXAM_KEYS = ("questions", "time_limit", "pass_mark", "blueprint")
MISCONCEPTION_KEYS = ("summary", "explanation")
COMMON_KEYS = (
    *("id", "type", "prompt", "topic", "tags", "explanation", "hint", "references", "shuffle"),
    "lint",
)
CHOICE_KEYS = ("text", "correct", "weight", "feedback", "misconception", "pin")
TEXT_ANSWER_KEYS = ("text", "weight", "feedback", "wildcard")
WRONG_TEXT_KEYS = ("text", "feedback", "misconception", "wildcard")
NUMERIC_ANSWER_KEYS = ("value", "tolerance", "range", "weight", "feedback")
WRONG_NUMERIC_KEYS = ("value", "tolerance", "range", "feedback", "misconception")
GAP_KEYS = ("answers", "pattern", "wrong_answers", "case_sensitive", "otherwise")
OTHERWISE_KEYS = ("feedback", "weight")
PAIR_KEYS = ("left", "right", "feedback")
UNIT_KEYS = ("name", "multiplier")

#: The fields each question type adds to `COMMON_KEYS`.
TYPE_KEYS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("choices",),
    QuestionType.MULTIPLE: ("choices",),
    QuestionType.TRUE_FALSE: ("answer", "feedback", "misconception"),
    QuestionType.SHORT: ("answers", "pattern", "case_sensitive", "wrong_answers", "otherwise"),
    QuestionType.NUMERIC: (
        "answer",
        "tolerance",
        "range",
        "answers",
        "wrong_answers",
        "otherwise",
        "units",
    ),
    QuestionType.CLOZE: ("gaps",),
    QuestionType.ORDER: ("items",),
    QuestionType.MATCH: ("pairs", "distractors"),
    QuestionType.FLASHCARD: ("front", "back"),
}

#: Every key some question type allows, for "unknown key" suggestions.
ALL_QUESTION_KEYS: frozenset[str] = frozenset(COMMON_KEYS).union(*TYPE_KEYS.values())

#: The keys allowed on a question of each type, as sets for fast checks.
ALLOWED_KEYS: dict[QuestionType, frozenset[str]] = {
    kind: frozenset(COMMON_KEYS + extra) for kind, extra in TYPE_KEYS.items()
}

#: The fields whose presence tells the question type when `type` is left out.
INDICATORS = ("choices", "answer", "answers", "pattern", "range", "gaps", "items", "pairs")
FLASHCARD_INDICATORS = ("front", "back")

ID_PATTERN = r"^[A-Za-z0-9_.-]+$"
ID_RE = re.compile(ID_PATTERN)
ID_RULE = "use only letters, digits, '-', '_' and '.'"
NONEMPTY_PATTERN = r"\S"

#: Marks a gap in a cloze prompt: `{{name}}`.
GAP_RE = re.compile(r"\{\{(.*?)\}\}")

WEIGHT_MIN = -100.0
WEIGHT_MAX = 100.0
#: How far the positive weights of a `multiple` question may stray from 100% (rounding: 33.33 x 3).
WEIGHT_SUM_SLACK = 0.05
