"""Choice distributions of choice questions, rare distractors and the signs of a mis-key.

The rules are stated in `quizapp.core.stats.analysis`; this module only counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.core.model import Question, Response
from quizapp.core.stats.model import (
    MISKEY_MIN_PICKS,
    RARE_MIN_ATTEMPTS,
    RARE_SHARE,
    ChoiceStat,
)
from quizapp.core.stats.rows import Entry

__all__ = ["choice_stats", "miskey_reasons", "picks"]


def picks(response: Response | None) -> frozenset[int] | None:
    """The choice indexes a response picked; None when it is not a choice response."""
    if isinstance(response, bool):
        return None
    if isinstance(response, int):  # SelfGrade is an int too, but never reaches the analysis
        return frozenset({int(response)})
    if isinstance(response, frozenset):
        return response
    return None


def choice_stats(
    question: Question | None, entries: Sequence[Entry], top: set[int]
) -> tuple[ChoiceStat, ...]:
    """Every choice of the question with its picks; () when it is not a choice question.

    Without the bank (`question` None) a question whose responses are all choice indexes counts
    as a choice question, with as many choices as the highest index picked.
    """
    picked = [picks(entry.row.response) for entry in entries]
    pairs = zip(entries, picked, strict=True)
    answered = [found for entry, found in pairs if entry.row.response is not None]
    if question is not None and not question.type.has_choices:
        return ()
    if question is None and (not answered or any(found is None for found in answered)):
        return ()
    counts: dict[int, int] = {}
    top_counts: dict[int, int] = {}
    scores: dict[int, list[float]] = {}
    for index, (entry, found) in enumerate(zip(entries, picked, strict=True)):
        for pick in found or ():
            counts[pick] = counts.get(pick, 0) + 1
            top_counts[pick] = top_counts.get(pick, 0) + (index in top)
            scores.setdefault(pick, []).append(entry.row.score)
    known = len(question.choices) if question is not None else 0
    size = max([known, *(index + 1 for index in counts)])
    total = sum(entry.row.response is not None for entry in entries)
    single = question is None and all(len(found or ()) == 1 for found in answered)
    stats: list[ChoiceStat] = []
    for index in range(size):
        choice = question.choices[index] if question is not None and index < known else None
        if choice is not None:
            correct: bool | None = choice.correct
        elif single and index in scores:
            correct = sum(scores[index]) > 0  # single answer: a pick that earned credit is keyed
        else:
            correct = None
        count = counts.get(index, 0)
        share = count / total if total else 0.0
        stats.append(
            ChoiceStat(
                index=index,
                text=None if choice is None else choice.text,
                count=count,
                percent=100 * share,
                correct=correct,
                misconception=None if choice is None else choice.misconception,
                top_count=top_counts.get(index, 0),
                rare=correct is False and total >= RARE_MIN_ATTEMPTS and share < RARE_SHARE,
            )
        )
    return tuple(stats)


def miskey_reasons(choices: Sequence[ChoiceStat], discrimination: float | None) -> tuple[str, ...]:
    """Why a question looks mis-keyed, in words (empty when it does not)."""
    reasons: list[str] = []
    keyed = [choice for choice in choices if choice.correct]
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
