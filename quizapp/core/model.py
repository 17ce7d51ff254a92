"""The quizapp data model: banks, questions, choices, misconceptions and answers.

Everything here is plain, immutable data (frozen, slotted dataclasses) so that a validated bank can
be cached, shared between sessions and compared in tests. Rules about *how* questions are graded
live in `quizapp.core.scoring`; rules about how a bank is read live in `quizapp.core.bank.loader`.

Weights are fractions of full marks: `1.0` is a fully correct choice, `0.5` half credit and `-0.25`
a penalty. The YAML format writes them as percentages (`weight: 50`), as Moodle does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class QuestionType(StrEnum):
    """Every kind of question the app can ask and grade."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    SHORT = "short"
    NUMERIC = "numeric"
    CLOZE = "cloze"
    ORDER = "order"
    MATCH = "match"
    FLASHCARD = "flashcard"

    @property
    def has_choices(self) -> bool:
        """True for the types answered by picking among `Question.choices`."""
        return self in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE)

    @property
    def label(self) -> str:
        """A short human name, for lists and headers."""
        return _TYPE_LABELS[self]


_TYPE_LABELS = {
    QuestionType.SINGLE: "single choice",
    QuestionType.MULTIPLE: "multiple choice",
    QuestionType.TRUE_FALSE: "true or false",
    QuestionType.SHORT: "short answer",
    QuestionType.NUMERIC: "numeric",
    QuestionType.CLOZE: "fill in the gaps",
    QuestionType.ORDER: "put in order",
    QuestionType.MATCH: "matching",
    QuestionType.FLASHCARD: "flashcard",
}


class SelfGrade(IntEnum):
    """How a student grades their own recall of a flashcard (keys 1-4, as in Anki)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


@dataclass(frozen=True, slots=True)
class Misconception:
    """A named wrong idea, shared by every option in the bank that reveals it."""

    id: str
    summary: str
    """The wrong idea, stated the way a student who holds it would say it."""
    explanation: str
    """Why it is wrong."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a `single`, `multiple` or `true_false` question."""

    text: str
    weight: float = 0.0
    """Fraction of full marks earned by picking this choice (may be negative)."""
    feedback: str = ""
    misconception: str | None = None
    """Id of the misconception behind picking this (wrong) choice."""
    pinned: bool = False
    """Keeps its position when choices are shuffled (e.g. "All of the above")."""

    @property
    def correct(self) -> bool:
        """True when picking this choice earns credit."""
        return self.weight > 0


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """An accepted (weight > 0) or known wrong (weight 0) typed answer, for `short` and gaps."""

    text: str
    """The answer, or a regular expression when `regex` is set."""
    weight: float = 1.0
    feedback: str = ""
    misconception: str | None = None
    regex: bool = False
    wildcard: bool = False
    """`text` is a Moodle pattern: each `*` stands for any run of characters (`\\*` for a star)."""


@dataclass(frozen=True, slots=True)
class OtherAnswer:
    """What any typed answer that matches none of a question's (or gap's) answers earns.

    Moodle's catch-all answer (`*` in a short-answer or numerical question): its feedback, and the
    share of full marks it gives (usually none).
    """

    feedback: str = ""
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class NumericAnswer:
    """A numeric answer accepted (or known wrong) when the typed value lies in [low, high]."""

    low: float
    high: float
    weight: float = 1.0
    feedback: str = ""
    misconception: str | None = None
    value: float | None = None
    """The exact value, when the answer was written as value +/- tolerance."""
    tolerance: float = 0.0

    def display(self) -> str:
        """The answer as a person would write it: `42`, `3.14 ± 0.01` or `10 to 20`."""
        if self.value is not None:
            shown = _num(self.value)
            return f"{shown} ± {_num(self.tolerance)}" if self.tolerance else shown
        return f"{_num(self.low)} to {_num(self.high)}"


@dataclass(frozen=True, slots=True)
class NumericUnit:
    """A unit a numeric question accepts after the number (`°C`, `km`).

    As in Moodle, `multiplier` says how many of this unit make one of the unit the answers are
    written in: with the answers in metres, `cm` is 100 and `km` 0.001. A number typed with the
    unit is divided by it before it is compared with the answers.
    """

    name: str
    multiplier: float = 1.0


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


@dataclass(frozen=True, slots=True)
class Gap:
    """One gap of a `cloze` question."""

    name: str
    answers: tuple[TextAnswer, ...]
    case_sensitive: bool = False
    otherwise: OtherAnswer | None = None
    """Feedback (and credit) for an answer that matches none of `answers`."""


@dataclass(frozen=True, slots=True)
class MatchPair:
    """One left item and the right item it belongs with."""

    left: str
    right: str
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a bank. Only the fields of its `type` are filled in."""

    id: str
    type: QuestionType
    prompt: str
    topic: str = ""
    tags: tuple[str, ...] = ()
    explanation: str = ""
    hint: str = ""
    references: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    """single, multiple, true_false (True first, then False)."""
    answers: tuple[TextAnswer, ...] = ()
    """short: accepted and known wrong answers."""
    case_sensitive: bool = False
    numeric: tuple[NumericAnswer, ...] = ()
    gaps: tuple[Gap, ...] = ()
    """cloze: in the order the gaps appear in the prompt, which holds `{{name}}` markers."""
    items: tuple[str, ...] = ()
    """order: the items in their correct order."""
    pairs: tuple[MatchPair, ...] = ()
    distractors: tuple[str, ...] = ()
    """match: extra right-hand items that belong to no left item."""
    back: str = ""
    """flashcard: the answer side (the prompt is the front)."""
    shuffle: bool = True
    """Whether choices/items may be shuffled when presented."""
    line: int = 0
    """1-based line of the question in its source file (0 when unknown)."""
    lint_ignore: tuple[str, ...] = ()
    """Codes of `quizapp lint` warnings not to report for this question (its `lint:` field)."""
    otherwise: OtherAnswer | None = None
    """short, numeric: feedback (and credit) for a typed answer that matches none of the answers."""
    units: tuple[NumericUnit, ...] = ()
    """numeric: the units accepted after the number (none: a bare number only)."""

    @property
    def correct_choices(self) -> tuple[int, ...]:
        """Indexes of the choices that earn credit."""
        return tuple(i for i, c in enumerate(self.choices) if c.weight > 0)

    def misconception_ids(self) -> tuple[str, ...]:
        """Every misconception any wrong option of this question carries, in order, once each."""
        seen: dict[str, None] = {}
        options: list[Choice | TextAnswer | NumericAnswer] = [*self.choices, *self.answers]
        options += self.numeric
        for gap in self.gaps:
            options += gap.answers
        for option in options:
            if option.misconception:
                seen[option.misconception] = None
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class ExamSpec:
    """The mock exam a bank declares (all optional; the set-up can override them)."""

    questions: int | None = None
    time_limit_minutes: float | None = None
    pass_mark: float | None = None
    """Fraction of full marks needed to pass (0.7 for 70%)."""
    blueprint: tuple[tuple[str, int], ...] = ()
    """(topic, number of questions) pairs."""


@dataclass(frozen=True, slots=True)
class Bank:
    """A validated question bank."""

    id: str
    title: str
    questions: tuple[Question, ...]
    misconceptions: dict[str, Misconception] = field(default_factory=dict)
    description: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    exam: ExamSpec | None = None
    path: str = ""
    """Where the bank was loaded from ('' when built in memory)."""
    lint_ignore: tuple[str, ...] = ()
    """Codes of `quizapp lint` warnings not to report anywhere in the bank (its `lint:` field)."""

    @property
    def topics(self) -> tuple[str, ...]:
        """The distinct topics of the questions, in order of first appearance."""
        return tuple(dict.fromkeys(q.topic for q in self.questions if q.topic))

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError when there is none)."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def misconception(self, misconception_id: str) -> Misconception | None:
        """The misconception with this id, if the bank defines it."""
        return self.misconceptions.get(misconception_id)


#: What a student gives in answer, by question type:
#: single / true_false -> int (choice index); multiple -> frozenset[int];
#: short / numeric -> str (as typed); cloze -> tuple[str, ...] (one per gap);
#: order -> tuple[int, ...] (indexes into `items`, in the order the student put them);
#: match -> tuple[int | None, ...] (for each pair, the index into `match_rights()` chosen);
#: flashcard -> SelfGrade.
Response = int | frozenset[int] | str | tuple[str, ...] | tuple[int | None, ...] | SelfGrade


def match_rights(question: Question) -> tuple[str, ...]:
    """The right-hand items a `match` question offers: each pair's right, then the distractors."""
    return tuple(p.right for p in question.pairs) + question.distractors
