"""Item analysis the straightforward way, in Python loops over the answers: the reference the
DuckDB analysis (`quizapp.core.stats.analysis`) is held to on random classes.

This is quizapp's analysis as it was before it moved to DuckDB (one answer at a time, every
rule spelled out), with the rules added since: rare distractors need `min_students` students,
and a partial-credit choice of a single-answer question is neither the key nor a distractor.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC

from quizapp.core.model import Bank, Question, QuestionType, Response, SelfGrade
from quizapp.core.progress import Touch, content_hash, standing
from quizapp.core.stats.analysis import discriminative_efficiency, pearson, top_third
from quizapp.core.stats.choices import miskey_reasons
from quizapp.core.stats.model import (
    RARE_SHARE,
    ChoiceStat,
    ItemAnalysis,
    MisconceptionStat,
    QuestionStat,
)
from quizapp.core.stats.rows import Entry, ResultRow


def reference(
    rows: Iterable[ResultRow], banks: Mapping[str, Bank], min_students: int = 20
) -> ItemAnalysis:
    """The item analysis of `rows`, computed one answer at a time."""
    kept: list[ResultRow] = []
    seen: set[tuple[str, int]] = set()
    self_graded = 0
    for row in rows:
        if (row.install_id, row.answer_id) in seen:
            continue
        seen.add((row.install_id, row.answer_id))
        if isinstance(row.response, SelfGrade):
            self_graded += 1
        else:
            kept.append(row)
    kept.sort(key=lambda row: (row.answered_at, row.install_id, row.answer_id))
    first: dict[tuple[str, str], dict[tuple[str, str], ResultRow]] = defaultdict(dict)
    for row in kept:
        first[row.attempt].setdefault((row.bank_id, row.question_id), row)
    entries: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for answers in first.values():
        total = sum(row.score for row in answers.values())
        for key, row in answers.items():
            rest = (total - row.score) / (len(answers) - 1) if len(answers) > 1 else None
            entries[key].append(Entry(row, rest))
    hashes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in kept:
        hashes[(row.bank_id, row.question_id)].add(row.content_hash)
    stats = [
        _question(key, found, hashes[key], banks.get(key[0]), min_students)
        for key, found in entries.items()
    ]
    stats.sort(key=lambda stat: (stat.bank_id, stat.question_id))
    return ItemAnalysis(
        questions=tuple(stats),
        misconceptions=_misconceptions(kept, banks),
        students=len({row.install_id for row in kept}),
        attempts=len({row.attempt for row in kept}),
        answers=len(kept),
        self_graded=self_graded,
        banks=tuple(sorted({row.bank_id for row in kept})),
        min_students=min_students,
    )


def _picks(response: Response | None) -> frozenset[int] | None:
    if isinstance(response, int) and not isinstance(response, bool):
        return frozenset({int(response)})
    return response if isinstance(response, frozenset) else None


def _question(
    key: tuple[str, str], entries: list[Entry], hashes: set[str], bank: Bank | None, least: int
) -> QuestionStat:
    question = None
    if bank is not None:
        question = next((q for q in bank.questions if q.id == key[1]), None)
        if question is not None:
            hashes = hashes | {content_hash(question)}
    paired = [(entry.row.score, entry.rest) for entry in entries if entry.rest is not None]
    xs = [x for x, _ in paired]
    ys = [y for _, y in paired if y is not None]
    discrimination = pearson(xs, ys)
    if discrimination is not None:  # as the analysis does: 12 places, so that 0 is not -1e-17
        discrimination = round(discrimination, 12)
    students = len({e.row.install_id for e in entries if e.row.response is not None})
    choices = _choices(question, entries, top_third(entries), students >= least)
    revealed = Counter(m for entry in entries for m in entry.row.misconceptions)
    return QuestionStat(
        bank_id=key[0],
        question_id=key[1],
        type=None if question is None else str(question.type),
        prompt=None if question is None else question.prompt,
        attempts=len(entries),
        answered=sum(entry.row.response is not None for entry in entries),
        facility=100 * sum(entry.row.score for entry in entries) / len(entries),
        discrimination=discrimination,
        efficiency=discriminative_efficiency(xs, ys),
        discrimination_attempts=len(paired),
        choices=choices,
        unanswered=sum(entry.row.response is None for entry in entries),
        miskey_reasons=miskey_reasons(choices, discrimination),
        versions=len(hashes),
        in_bank=None if bank is None else question is not None,
        misconceptions=tuple(sorted(revealed.items(), key=lambda item: (-item[1], item[0]))),
        students=students,
        min_students=least,
    )


def _choices(
    question: Question | None, entries: Sequence[Entry], top: set[int], enough: bool
) -> tuple[ChoiceStat, ...]:
    picked = [_picks(entry.row.response) for entry in entries]
    answered = [p for e, p in zip(entries, picked, strict=True) if e.row.response is not None]
    if question is not None and not question.type.has_choices:
        return ()
    if question is None and (not answered or any(found is None for found in answered)):
        return ()
    counts: Counter[int] = Counter()
    tops: Counter[int] = Counter()
    scores: dict[int, list[float]] = defaultdict(list)
    for index, (entry, found) in enumerate(zip(entries, picked, strict=True)):
        for pick in found or ():
            counts[pick] += 1
            tops[pick] += index in top
            scores[pick].append(entry.row.score)
    known = len(question.choices) if question is not None else 0
    size = max([known, *(index + 1 for index in counts)])
    total = len(answered)
    if question is None:
        single = all(len(found or ()) == 1 for found in answered)
    else:
        single = question.type != QuestionType.MULTIPLE
    stats = []
    for index in range(size):
        choice = question.choices[index] if question is not None and index < known else None
        weight: float | None = None
        if choice is not None:
            correct: bool | None = choice.correct
            weight = choice.weight
        elif question is None and single and index in scores:
            correct = sum(scores[index]) > 0
            weight = sum(scores[index]) / len(scores[index])
        else:
            correct = None
        share = counts[index] / total if total else 0.0
        stats.append(
            ChoiceStat(
                index=index,
                text=None if choice is None else choice.text,
                count=counts[index],
                percent=100 * share,
                correct=correct,
                misconception=None if choice is None else choice.misconception,
                top_count=tops[index],
                rare=correct is False and enough and share < RARE_SHARE,
                weight=weight,
                partial=bool(single and correct and weight is not None and weight < 1 - 1e-9),
            )
        )
    return tuple(stats)


def _misconceptions(
    rows: Sequence[ResultRow], banks: Mapping[str, Bank]
) -> tuple[MisconceptionStat, ...]:
    revealing: dict[tuple[str, str], list[ResultRow]] = defaultdict(list)
    for row in rows:
        for misconception in dict.fromkeys(row.misconceptions):
            revealing[(row.bank_id, misconception)].append(row)
    stats = []
    for (bank_id, m), found in revealing.items():
        carriers = {row.question_id for row in found}
        bank = banks.get(bank_id)
        for question in bank.questions if bank is not None else ():
            if m in question.misconception_ids():
                carriers.add(question.id)
        # The app's rule (quizapp.core.progress.overcoming), over UTC days.
        events: dict[str, list[tuple[ResultRow, Touch]]] = defaultdict(list)
        for row in rows:
            if row.bank_id != bank_id or row.question_id not in carriers:
                continue
            if m in row.misconceptions:
                events[row.install_id].append((row, Touch.REVEALED))
            elif row.response is not None:
                events[row.install_id].append((row, Touch.DECLINED))
        holders = sum(
            standing(
                (row.answered_at.astimezone(UTC).date(), touch)
                for row, touch in sorted(touched, key=lambda pair: pair[0].order)
            ).held
            for touched in events.values()
        )
        where = Counter(row.question_id for row in found)
        misconception = None if bank is None else bank.misconception(m)
        stats.append(
            MisconceptionStat(
                bank_id=bank_id,
                id=m,
                summary=None if misconception is None else misconception.summary,
                holders=holders,
                students=len({row.install_id for row in found}),
                times=len(found),
                questions=tuple(sorted(where.items(), key=lambda item: (-item[1], item[0]))),
            )
        )
    stats.sort(key=lambda stat: (-stat.holders, -stat.students, stat.bank_id, stat.id))
    return tuple(stats)


def is_finite(value: float | None) -> bool:
    """For comparisons: a figure that is defined."""
    return value is not None and math.isfinite(value)
