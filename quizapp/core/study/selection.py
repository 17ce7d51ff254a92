"""Setting up a study session: which questions, in which mode, with which options.

`select_items` turns a `SessionConfig` and one or more banks into the list of questions to study
(filtered by topic and tag, drawn by the exam blueprint, counted and shuffled, all seeded), and
`start_session` builds the session for the chosen mode. `retry_mistakes` starts a practice session
on exactly what a report marks wrong or partly right.

Rules decided here, and documented in the README's "Study modes":
- a question matches the tags when it or its bank has any of them; untopical ones are "General";
- an exam takes the banks' `exam:` (see `exam_defaults`) unless the set-up overrides it; the
  bank's blueprint applies only when no topic or tag filter narrows the questions, while a
  blueprint given in the set-up always applies; `time_limit_minutes=0` or `blueprint=()` in the
  set-up turn the bank's off;
- a count larger than what matches takes everything that matches; without shuffling, a count
  takes the first questions in bank order;
- `only` (flashcards "due only") keeps just the questions it names, after topics and tags.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quizapp.core.model import Bank, ExamSpec
from quizapp.core.study.exam import ExamSession
from quizapp.core.study.flashcards import FlashcardSession
from quizapp.core.study.items import Mode, StudyError, StudyItem, topic_of
from quizapp.core.study.practice import PracticeSession
from quizapp.core.study.report import SessionReport

__all__ = [
    "DEFAULT_PASS_MARK",
    "SessionConfig",
    "available_tags",
    "available_topics",
    "exam_defaults",
    "retry_mistakes",
    "select_items",
    "start_session",
]

#: The pass mark of an exam when neither the set-up nor any bank gives one.
DEFAULT_PASS_MARK = 0.7

Session = PracticeSession | ExamSession | FlashcardSession


@dataclass(frozen=True, slots=True)
class SessionConfig:
    """The choices of the set-up step. The defaults study everything, shuffled, in practice."""

    mode: Mode = Mode.PRACTICE
    topics: frozenset[str] = frozenset()
    """Empty: all topics. Questions without a topic are under `GENERAL_TOPIC`."""
    tags: frozenset[str] = frozenset()
    """Empty: all; otherwise questions having any of these tags (their own or their bank's)."""
    count: int | None = None
    """None: all (an exam: the banks' `exam.questions`, else the blueprint's total, else all)."""
    shuffle_questions: bool = True
    shuffle_choices: bool = True
    seed: int | None = None
    confidence: bool = False
    """Certainty-based marking: ask 1-3 with every answer (practice and exam)."""
    time_limit_minutes: float | None = None
    """Exam: overrides the banks' limit; 0 means untimed."""
    pass_mark: float | None = None
    """Fraction 0..1. Exam: overrides the banks' (default 0.7); else None means no pass or fail."""
    blueprint: tuple[tuple[str, int], ...] | None = None
    """Exam: (topic, count) pairs overriding the banks' blueprint; () means none."""
    only: frozenset[tuple[str, str]] | None = None
    """Only these questions, by (bank id, question id): the cards due now, for flashcards of
    "due only". None: no such limit."""


def available_topics(banks: Sequence[Bank]) -> tuple[str, ...]:
    """Every topic of `banks`, in order of first appearance ("General" for untopical questions)."""
    return tuple(dict.fromkeys(topic_of(q) for bank in banks for q in bank.questions))


def available_tags(banks: Sequence[Bank]) -> tuple[str, ...]:
    """Every tag of `banks` and their questions, in order of first appearance."""
    tags: dict[str, None] = {}
    for bank in banks:
        tags.update(dict.fromkeys(bank.tags))
        for question in bank.questions:
            tags.update(dict.fromkeys(question.tags))
    return tuple(tags)


def exam_defaults(banks: Sequence[Bank]) -> ExamSpec:
    """The exam the banks declare; for several banks, their `exam:` sections merged.

    Merged: questions and time limits add up (a bank that declares no count brings all its
    questions, one without a limit no time); the strictest pass mark wins; blueprints add up
    per topic. Fields no bank declares stay None (an empty blueprint).
    """
    if len(banks) == 1:
        return banks[0].exam or ExamSpec()
    specs = [(bank, bank.exam or ExamSpec()) for bank in banks]
    declared_count = any(spec.questions is not None for _, spec in specs)
    limits = [s.time_limit_minutes for _, s in specs if s.time_limit_minutes is not None]
    marks = [s.pass_mark for _, s in specs if s.pass_mark is not None]
    blueprint: dict[str, int] = {}
    for _, spec in specs:
        for topic, count in spec.blueprint:
            blueprint[topic] = blueprint.get(topic, 0) + count
    return ExamSpec(
        questions=sum(
            len(bank.questions) if spec.questions is None else spec.questions
            for bank, spec in specs
        )
        if declared_count
        else None,
        time_limit_minutes=sum(limits) if limits else None,
        pass_mark=max(marks) if marks else None,
        blueprint=tuple(blueprint.items()),
    )


def _questions(count: int) -> str:
    return f"{count} question" if count == 1 else f"{count} questions"


def _matching(banks: Sequence[Bank], config: SessionConfig) -> list[StudyItem]:
    pool = [StudyItem(bank, q) for bank in banks for q in bank.questions]
    if config.topics:
        pool = [item for item in pool if item.topic in config.topics]
    if config.tags:
        pool = [
            item for item in pool if not config.tags.isdisjoint(item.question.tags + item.bank.tags)
        ]
    if config.only is not None:
        pool = [item for item in pool if item.key in config.only]
        if not pool:
            raise StudyError("none of these cards is due now")
    if not pool:
        wanted = [f"topics {', '.join(sorted(config.topics))}"] if config.topics else []
        wanted += [f"tags {', '.join(sorted(config.tags))}"] if config.tags else []
        raise StudyError(
            f"no question matches {' and '.join(wanted)}" if wanted else "there are no questions"
        )
    return pool


def _draw(
    pool: list[StudyItem],
    blueprint: Sequence[tuple[str, int]],
    count: int | None,
    rng: random.Random,
) -> list[StudyItem]:
    """Draw each blueprint topic's share of `pool`, then fill up to `count` from the rest."""
    wanted: dict[str, int] = {}
    for topic, n in blueprint:
        wanted[topic] = wanted.get(topic, 0) + n
    needed = sum(wanted.values())
    if count is None:
        count = needed
    if needed > count:
        raise StudyError(
            f"the blueprint asks for {_questions(needed)}, more than the {count} of the exam"
        )
    drawn: list[int] = []
    for topic, n in wanted.items():
        in_topic = [i for i, item in enumerate(pool) if item.topic == topic]
        if len(in_topic) < n:
            raise StudyError(
                f"topic {topic!r} has {_questions(len(in_topic))}, the blueprint asks for {n}"
            )
        drawn += rng.sample(in_topic, n)
    taken = set(drawn)
    rest = [i for i in range(len(pool)) if i not in taken]
    drawn += rng.sample(rest, min(count - len(drawn), len(rest)))
    return [pool[i] for i in sorted(drawn)]  # bank order; shuffled afterwards when asked


def select_items(banks: Sequence[Bank], config: SessionConfig) -> list[StudyItem]:
    """The questions `config` asks for from `banks`, in the order they will be studied.

    Filters by topics and tags; an exam with a blueprint draws that many questions per topic and
    fills up to the count from the rest; the count takes the first questions (all of them when it
    is larger); `shuffle_questions` shuffles, seeded by `config.seed`. Raises `StudyError` when
    nothing matches or the blueprint cannot be met.
    """
    if config.count is not None and config.count < 1:
        raise StudyError(f"a session needs at least one question, not {config.count}")
    pool = _matching(banks, config)
    rng = random.Random(config.seed)
    count = config.count
    blueprint: tuple[tuple[str, int], ...] = ()
    if config.mode is Mode.EXAM:
        blueprint = config.blueprint or ()
        defaults = exam_defaults(banks)
        if config.blueprint is None and not config.topics and not config.tags:
            blueprint = defaults.blueprint
        if count is None:
            count = defaults.questions
    if blueprint:
        chosen = _draw(pool, blueprint, count, rng)
        if config.shuffle_questions:
            rng.shuffle(chosen)
        return chosen
    if config.shuffle_questions:
        rng.shuffle(pool)
    return pool if count is None else pool[:count]


def start_session(
    banks: Sequence[Bank],
    config: SessionConfig,
    clock: Callable[[], float] = time.monotonic,
) -> Session:
    """The session `config` describes over `banks`, its clock started now.

    Raises `StudyError` for a set-up that cannot be met (see `select_items`) or a pass mark
    outside 0..1 or a negative time limit.
    """
    if config.pass_mark is not None and not 0 <= config.pass_mark <= 1:
        raise StudyError(f"the pass mark is a fraction from 0 to 1, not {config.pass_mark}")
    if config.time_limit_minutes is not None and config.time_limit_minutes < 0:
        raise StudyError(f"the time limit cannot be negative ({config.time_limit_minutes})")
    items = select_items(banks, config)
    match config.mode:
        case Mode.EXAM:
            defaults = exam_defaults(banks)
            limit = config.time_limit_minutes
            pass_mark = next(
                mark
                for mark in (config.pass_mark, defaults.pass_mark, DEFAULT_PASS_MARK)
                if mark is not None
            )
            return ExamSession(
                items,
                time_limit_minutes=defaults.time_limit_minutes if limit is None else limit,
                pass_mark=pass_mark,
                seed=config.seed,
                shuffle_choices=config.shuffle_choices,
                confidence=config.confidence,
                clock=clock,
            )
        case Mode.FLASHCARDS:
            return FlashcardSession(
                items, seed=config.seed, clock=clock, pass_mark=config.pass_mark
            )
        case Mode.PRACTICE:
            return PracticeSession(
                items=items,
                seed=config.seed,
                shuffle_choices=config.shuffle_choices,
                confidence=config.confidence,
                clock=clock,
                pass_mark=config.pass_mark,
            )


def retry_mistakes(
    report: SessionReport,
    *,
    seed: int | None = None,
    shuffle_choices: bool = True,
    confidence: bool | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> PracticeSession:
    """A practice session on exactly the questions `report` marks wrong or partly right.

    Keeps their order and, unless `confidence` says otherwise, the report's use of confidence.
    Raises `StudyError` when there were no mistakes.
    """
    mistakes = report.mistakes()
    if not mistakes:
        raise StudyError("there are no mistakes to retry")
    return PracticeSession(
        items=mistakes,
        seed=seed,
        shuffle_choices=shuffle_choices,
        confidence=report.cbm is not None if confidence is None else confidence,
        clock=clock,
        pass_mark=report.pass_mark,
    )
