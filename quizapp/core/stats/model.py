"""What item analysis finds: per question, per choice and per misconception (plain data).

Built by `analysis.analyse`; written out by `export` and shown by the
`quizapp stats` command and the instructor's screen. The rules behind every number are in the
docstring of `analysis`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "DEFAULT_MIN_STUDENTS",
    "MISKEY_MIN_PICKS",
    "RARE_MIN_ATTEMPTS",
    "RARE_SHARE",
    "ChoiceStat",
    "Flag",
    "ItemAnalysis",
    "MisconceptionStat",
    "QuestionStat",
    "choice_letter",
]

#: A wrong choice picked by fewer than this share of the attempts that answered is rare...
RARE_SHARE = 0.05
#: ...once at least this many students answered the question (fewer prove nothing). The same
#: minimum backs a mis-key: below it the sign is still shown, marked "too few answers".
DEFAULT_MIN_STUDENTS = 20
#: The name the thresholds used to give it (JSON `thresholds.rare_min_attempts`).
RARE_MIN_ATTEMPTS = DEFAULT_MIN_STUDENTS
#: How many of the strongest attempts must pick one wrong choice for it to suggest a mis-key.
MISKEY_MIN_PICKS = 2


class Flag(StrEnum):
    """A short word for what needs an instructor's look, as the table prints it."""

    MISKEYED = "mis-keyed?"
    RARE = "rare distractor"
    EDITED = "edited"
    NOT_IN_BANK = "not in bank"


def choice_letter(index: int) -> str:
    """A choice's letter in the bank's own order: A, B, ... Z, then 27, 28..."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


@dataclass(frozen=True, slots=True)
class ChoiceStat:
    """How often one choice of a choice question was picked."""

    index: int
    """Its index in the bank's own order (responses use these, whatever the shuffle was)."""
    text: str | None
    """From the bank as it is now; None when the bank is not available."""
    count: int
    """Attempts that picked it."""
    percent: float
    """Of the attempts that answered the question (a multiple-answer question's add up to more
    than 100)."""
    correct: bool | None
    """Whether it earns credit: from the bank, else inferred from the scores; None: unknown."""
    misconception: str | None
    top_count: int
    """Picks among the top third of attempts by rest-of-test score."""
    rare: bool
    weight: float | None = None
    """The share of the marks picking it alone earns, from the bank (else the mean score of the
    attempts that picked it, for single-answer questions); None when unknown."""
    partial: bool = False
    """It earns part of the marks of a single-answer question: neither the key nor wrong."""

    @property
    def letter(self) -> str:
        """A, B, C... in the bank's order."""
        return choice_letter(self.index)


@dataclass(frozen=True, slots=True)
class QuestionStat:
    """The item analysis of one question."""

    bank_id: str
    question_id: str
    type: str | None
    """The question's type (`QuestionType` value) when its bank is available."""
    prompt: str | None
    attempts: int
    """Attempts (one student's session) that answered it; a question asked twice in one session
    counts once, with its first answer."""
    answered: int
    """Of those, the attempts that gave a response (an exam question can be left blank)."""
    facility: float | None
    """Mean score of the attempts, as a percentage (None with no attempt)."""
    discrimination: float | None
    """Pearson correlation (-1 to 1) of the question's score with the rest-of-test score."""
    efficiency: float | None
    """Discriminative efficiency: the covariance as a share (-1 to 1) of its largest possible
    value given the two sets of scores."""
    discrimination_attempts: int
    """The attempts the two figures above are computed over (sessions of 2 questions or more)."""
    choices: tuple[ChoiceStat, ...]
    """For choice questions only: every choice, in the bank's order."""
    unanswered: int
    miskey_reasons: tuple[str, ...]
    """Why the question looks mis-keyed (empty: it does not)."""
    versions: int
    """How many different contents (hashes) it was answered in, counting the bank's current one."""
    in_bank: bool | None
    """False when its bank is available but no longer has it; None when the bank is not."""
    misconceptions: tuple[tuple[str, int], ...]
    """Misconceptions its answers revealed, with how many answers revealed each."""
    students: int = 0
    """Students who gave it a response: the evidence behind its flags."""
    min_students: int = 0
    """How many students a flag needs (`DEFAULT_MIN_STUDENTS` unless told otherwise)."""

    @property
    def too_few(self) -> bool:
        """Too few students answered for a flag to mean much (it is shown, marked so)."""
        return self.students < self.min_students

    @property
    def edited(self) -> bool:
        """Answered in more than one version (the question changed between answers)."""
        return self.versions > 1

    @property
    def rare_distractors(self) -> tuple[ChoiceStat, ...]:
        """The wrong choices almost nobody picks."""
        return tuple(choice for choice in self.choices if choice.rare)

    @property
    def flags(self) -> tuple[Flag, ...]:
        """What needs a look, most serious first."""
        found: list[Flag] = []
        if self.miskey_reasons:
            found.append(Flag.MISKEYED)
        if self.rare_distractors:
            found.append(Flag.RARE)
        if self.edited:
            found.append(Flag.EDITED)
        if self.in_bank is False:
            found.append(Flag.NOT_IN_BANK)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class MisconceptionStat:
    """How widely one misconception is held in the class."""

    bank_id: str
    id: str
    summary: str | None
    """The wrong idea in the student's words, from the bank (None when it is not available)."""
    holders: int
    """Students who hold it: fell for it, and have not declined it on two different days since
    (`quizapp.core.progress.overcoming`)."""
    students: int
    """Students who ever fell for it."""
    times: int
    """Answers that revealed it."""
    questions: tuple[tuple[str, int], ...]
    """The questions it showed in, with how many answers revealed it there (most first)."""


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    """The item analysis of a set of answers."""

    questions: tuple[QuestionStat, ...]
    misconceptions: tuple[MisconceptionStat, ...]
    students: int
    attempts: int
    answers: int
    """Answers analysed (self-graded ones are not)."""
    self_graded: int
    """Self-graded flashcard answers, left out: nobody tested them."""
    banks: tuple[str, ...]
    """Ids of the banks the answers belong to."""
    min_students: int = DEFAULT_MIN_STUDENTS
    """The students a flag needs (rare distractor; below it a mis-key is marked too few)."""

    @property
    def empty(self) -> bool:
        """True when there was no answer to analyse."""
        return not self.questions

    def question(self, bank_id: str, question_id: str) -> QuestionStat | None:
        """The analysis of one question, if it was answered."""
        for stat in self.questions:
            if (stat.bank_id, stat.question_id) == (bank_id, question_id):
                return stat
        return None
