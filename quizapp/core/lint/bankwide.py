"""The linter's rules about a bank as a whole: answer keys with a pattern, unused misconceptions.

Test-wise students learn a writer's habits: the right answer is usually B, or usually the longest
choice. `QA105` and `QA106` look at the single-choice questions with at least three choices (a
question that lists the code in its `lint:` is left out) and warn when one habit holds in more
than half of them *and* random placement would produce such a majority less than 1% of the time
(an exact binomial tail, times the number of positions that could have been the majority), so a
small bank is not blamed for a coincidence.

Position is judged in the order the choices are written, shuffled or not: quizapp shuffles them
when it shows them, but exports (Aiken, Anki, printouts) and other apps keep the written order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator

from quizapp.core.lint.rules import Finding
from quizapp.core.model import Bank, Question, QuestionType

#: Report a habit only when chance alone would produce it less often than this.
CHANCE_LIMIT = 0.01
#: A question needs this many choices for position and length to say anything.
MIN_CHOICES = 3

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def bank_findings(bank: Bank) -> Iterator[Finding]:
    """The warnings about the bank as a whole (QA105, QA106, QA108)."""
    yield from _position(bank)
    yield from _longest(bank)
    yield from _unused_misconceptions(bank)


def _eligible(bank: Bank, code: str) -> list[Question]:
    return [
        q
        for q in bank.questions
        if q.type is QuestionType.SINGLE
        and len(q.choices) >= MIN_CHOICES
        and code not in q.lint_ignore
    ]


def _key(question: Question) -> int:
    """The position of the full-marks choice."""
    weights = [c.weight for c in question.choices]
    return weights.index(max(weights))


def _position(bank: Bank) -> Iterator[Finding]:
    questions = _eligible(bank, "QA105")
    if not questions:
        return
    counts = Counter(_key(q) for q in questions)
    position, count = max(counts.items(), key=lambda item: (item[1], -item[0]))
    total = len(questions)
    chance = sum(1 / len(q.choices) for q in questions if position < len(q.choices)) / total
    widest = max(len(q.choices) for q in questions)
    if 2 * count <= total or widest * binomial_tail(total, count, chance) >= CHANCE_LIMIT:
        return
    place = _ORDINALS[position] if position < len(_ORDINALS) else f"number {position + 1}"
    message = (
        f"the correct answer is the {place} choice in {count} of {total} single-choice questions "
        f"({count / total:.0%}); spread it over the positions"
    )
    if any(q.shuffle for q in questions):
        message += " (quizapp shuffles choices, but exports and printouts keep the written order)"
    yield Finding("QA105", message, -1, ("questions",), at_key=True)


def _longest(bank: Bank) -> Iterator[Finding]:
    questions = _eligible(bank, "QA106")
    if not questions:
        return
    count = 0
    for question in questions:
        key = _key(question)
        sizes = [len(c.text.strip()) for c in question.choices]
        count += all(size < sizes[key] for i, size in enumerate(sizes) if i != key)
    total = len(questions)
    chance = sum(1 / len(q.choices) for q in questions) / total
    if 2 * count <= total or binomial_tail(total, count, chance) >= CHANCE_LIMIT:
        return
    message = (
        f"the correct choice is the longest in {count} of {total} single-choice questions "
        f"({count / total:.0%}): students who guess the longest choice score well; "
        "make some wrong choices as long and as careful"
    )
    yield Finding("QA106", message, -1, ("questions",), at_key=True)


def _unused_misconceptions(bank: Bank) -> Iterator[Finding]:
    used: set[str] = set()
    for question in bank.questions:
        used.update(question.misconception_ids())
    for mid in bank.misconceptions:
        if mid not in used:
            message = f"misconception '{mid}' is not used by any option: link it or remove it"
            yield Finding("QA108", message, -1, ("misconceptions", mid), at_key=True)


def binomial_tail(trials: int, successes: int, chance: float) -> float:
    """P(X >= successes) for X ~ Binomial(trials, chance), computed in log space."""
    if successes <= 0:
        return 1.0
    if chance <= 0:
        return 0.0
    if chance >= 1:
        return 1.0
    log_p, log_q = math.log(chance), math.log1p(-chance)
    base = math.lgamma(trials + 1)
    terms = [
        base - math.lgamma(k + 1) - math.lgamma(trials - k + 1) + k * log_p + (trials - k) * log_q
        for k in range(successes, trials + 1)
    ]
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))
