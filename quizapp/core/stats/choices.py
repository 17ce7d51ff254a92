"""Choice distributions of choice questions, rare distractors, partial credit and mis-key signs.

The counts come from SQL (`queries.CHOICES`: per choice, the attempts that picked it, those of
the top third, the score they earned); this module lays them against the bank's choices. The
rules are stated in `quizapp.core.stats.analysis`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quizapp.core.model import Question, QuestionType
from quizapp.core.stats.model import MISKEY_MIN_PICKS, RARE_SHARE, ChoiceStat

__all__ = ["PickCount", "choice_stats", "miskey_reasons"]

#: Below full marks by more than rounding: a choice worth this much less than 1 is partial.
_FULL = 1 - 1e-9


@dataclass(frozen=True, slots=True)
class PickCount:
    """How often one choice index was picked (one row of `queries.CHOICES`)."""

    picked: int
    top: int
    earned: float
    """The sum of the scores of the attempts that picked it."""


def choice_stats(
    question: Question | None,
    counts: Mapping[int, PickCount],
    answered: int,
    shape: tuple[bool, bool],
    enough: bool,
) -> tuple[ChoiceStat, ...]:
    """Every choice of the question with its picks; () when it is not a choice question.

    `shape` says whether every response was a choice response, and a single one. Without the
    bank (`question` None) a question whose responses are all choice indexes counts as a choice
    question, with as many choices as the highest index picked; for a single-answer one a choice
    that earned credit is taken as keyed, with the mean score it earned as its weight. `enough`:
    enough students answered to call a distractor rare.
    """
    all_choice, all_single = shape
    if question is not None and not question.type.has_choices:
        return ()
    if question is None and (not answered or not all_choice):
        return ()
    known = len(question.choices) if question is not None else 0
    size = max([known, *(index + 1 for index in counts if index >= 0)])
    single = all_single if question is None else question.type != QuestionType.MULTIPLE
    stats: list[ChoiceStat] = []
    for index in range(size):
        choice = question.choices[index] if question is not None and index < known else None
        count = counts.get(index, PickCount(0, 0, 0.0))
        weight: float | None
        if choice is not None:
            correct: bool | None = choice.correct
            weight = choice.weight
        elif question is None and single and count.picked:
            weight = count.earned / count.picked
            correct = count.earned > 0  # single answer: a pick that earned credit is keyed
        else:
            correct, weight = None, None
        share = count.picked / answered if answered else 0.0
        stats.append(
            ChoiceStat(
                index=index,
                text=None if choice is None else choice.text,
                count=count.picked,
                percent=100 * share,
                correct=correct,
                misconception=None if choice is None else choice.misconception,
                top_count=count.top,
                rare=correct is False and enough and share < RARE_SHARE,
                weight=weight,
                partial=bool(single and correct and weight is not None and weight < _FULL),
            )
        )
    return tuple(stats)


def miskey_reasons(choices: Sequence[ChoiceStat], discrimination: float | None) -> tuple[str, ...]:
    """Why a question looks mis-keyed, in words (empty when it does not).

    The key is the choices that earn full marks (all that earn credit, when none does alone:
    a multiple-answer question's); a partial-credit choice is neither key nor distractor.
    """
    reasons: list[str] = []
    keyed = [choice for choice in choices if choice.correct and not choice.partial]
    keyed = keyed or [choice for choice in choices if choice.correct]
    if keyed:
        best_key = max(keyed, key=lambda choice: choice.top_count)
        for choice in choices:
            if choice.correct is not False or choice.top_count < MISKEY_MIN_PICKS:
                continue
            if choice.top_count > best_key.top_count:
                keys = "/".join(key.letter for key in keyed)
                reasons.append(
                    f"the top third picked {choice.letter} {choice.top_count}×, "
                    f"the key {keys} {best_key.top_count}×"
                )
    if discrimination is not None and discrimination < 0:
        reasons.append(f"negative discrimination ({discrimination:.2f})")
    return tuple(reasons)
