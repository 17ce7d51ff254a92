"""Item analysis: which questions and distractors work, from the answers of a class.

Answers come from the local store (`stats_rows.rows_from_store`) or from results files handed in
by students (`stats_files.read_all`). A *student* is an install id; an *attempt* is one student's
session (install id, session id). Self-graded flashcard answers are left out: nobody tested them.

Per question (`QuestionStat`):

- **attempts**: the attempts that answered it. A question met twice in one session counts once,
  with its first answer (as Moodle counts a student's first attempt).
- **facility index**: the mean score of those attempts, as a percentage (Moodle's "Facility index").
- **discrimination index**: as Moodle's statistics report computes it, the Pearson correlation
  between the question's score and the score on the *rest of the test*, over attempts. The test is
  the attempt's session, for sessions that answered at least two questions; the rest-of-test score
  is the mean score of the session's other questions. Moodle sums the other questions' marks
  instead; when every attempt answers the same number of questions the two differ by a constant
  factor and the correlation is the same, and when sessions differ in length (practice sessions
  do) the mean keeps a long session from looking like a strong student. None when it is undefined:
  fewer than two such attempts, or either score the same in all of them. Moodle prints it x100.
- **discriminative efficiency** (Moodle's, too): the same covariance divided by the largest one
  the two sets of scores allow (both sorted in the same order).
- **choices** (choice questions): how many attempts picked each choice, and the percentage of the
  attempts that answered. A wrong choice is a **rare distractor** when under `RARE_SHARE` (5%)
  picked it, once at least `RARE_MIN_ATTEMPTS` (20) attempts answered, so that a small class does
  not flag every distractor.
- **looks mis-keyed** when (a) among the top third of attempts by rest-of-test score (ties at the
  cut included), one wrong choice is picked by at least `MISKEY_MIN_PICKS` (2) of them and more
  often than every correct choice, or (b) the discrimination index is negative.
- **edited**: answered in more than one version (its content hash differs between answers, or from
  the bank as it is now), so its figures mix versions; choice texts are the bank's current ones.

Which choices are correct comes from the bank when it is given; else, for single-answer
questions, a choice counts as correct when the attempts that picked it scored above 0.

Per misconception (`MisconceptionStat`): the students who **hold** it, by the app's rule
(`quizapp.core.progress.overcoming`): they fell for it and have not declined it on two different
(UTC) days since. An answer touches a misconception when it answers a question whose options
carry it (from the bank), or any question where some answer revealed it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from quizapp.core.model import Bank, Question, SelfGrade
from quizapp.core.progress import content_hash
from quizapp.core.stats.choices import choice_stats, miskey_reasons
from quizapp.core.stats.misconceptions import misconception_stats
from quizapp.core.stats.model import ItemAnalysis, QuestionStat
from quizapp.core.stats.rows import Entry, ResultRow

__all__ = ["analyse", "discriminative_efficiency", "pearson", "top_third"]


def analyse(
    rows: Iterable[ResultRow], banks: Mapping[str, Bank] | None = None, bank_id: str | None = None
) -> ItemAnalysis:
    """The item analysis of `rows` (only those of `bank_id`, when given).

    `banks` (by id) give choice texts, the key of choice questions and misconception summaries;
    answers to banks not in it are analysed from the rows alone.
    """
    banks = banks or {}
    kept: list[ResultRow] = []
    self_graded = 0
    for row in rows:
        if bank_id is not None and row.bank_id != bank_id:
            continue
        if isinstance(row.response, SelfGrade):
            self_graded += 1
        else:
            kept.append(row)
    kept.sort(key=lambda row: (row.answered_at, row.install_id, row.answer_id))
    entries = _entries(kept)
    hashes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in kept:
        hashes[(row.bank_id, row.question_id)].add(row.content_hash)
    stats = [
        _question_stat(key, found, hashes[key], banks.get(key[0])) for key, found in entries.items()
    ]
    stats.sort(key=lambda stat: _position(stat, banks))
    return ItemAnalysis(
        questions=tuple(stats),
        misconceptions=misconception_stats(kept, banks),
        students=len({row.install_id for row in kept}),
        attempts=len({row.attempt for row in kept}),
        answers=len(kept),
        self_graded=self_graded,
        banks=tuple(sorted({row.bank_id for row in kept})),
    )


def _entries(rows: Sequence[ResultRow]) -> dict[tuple[str, str], list[Entry]]:
    """Each question's first answer in every attempt, with its rest-of-test score."""
    first: dict[tuple[str, str], dict[tuple[str, str], ResultRow]] = defaultdict(dict)
    for row in rows:  # oldest first: setdefault keeps an attempt's first answer
        first[row.attempt].setdefault((row.bank_id, row.question_id), row)
    entries: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for answers in first.values():
        total = sum(row.score for row in answers.values())
        others = len(answers) - 1
        for key, row in answers.items():
            rest = (total - row.score) / others if others else None
            entries[key].append(Entry(row, rest))
    return entries


def _question_stat(
    key: tuple[str, str], entries: list[Entry], hashes: set[str], bank: Bank | None
) -> QuestionStat:
    question = _question(bank, key[1])
    if question is not None:
        hashes = hashes | {content_hash(question)}
    paired = [(entry.row.score, entry.rest) for entry in entries if entry.rest is not None]
    scores = [score for score, _ in paired]
    rests = [rest for _, rest in paired if rest is not None]
    discrimination = pearson(scores, rests)
    top = top_third(entries)
    choices = choice_stats(question, entries, top)
    revealed: dict[str, int] = defaultdict(int)
    for entry in entries:
        for misconception in entry.row.misconceptions:
            revealed[misconception] += 1
    attempts = len(entries)
    return QuestionStat(
        bank_id=key[0],
        question_id=key[1],
        type=None if question is None else str(question.type),
        prompt=None if question is None else question.prompt,
        attempts=attempts,
        answered=sum(entry.row.response is not None for entry in entries),
        facility=100 * sum(entry.row.score for entry in entries) / attempts,
        discrimination=discrimination,
        efficiency=discriminative_efficiency(scores, rests),
        discrimination_attempts=len(paired),
        choices=choices,
        unanswered=sum(entry.row.response is None for entry in entries),
        miskey_reasons=miskey_reasons(choices, discrimination),
        versions=len(hashes),
        in_bank=None if bank is None else question is not None,
        misconceptions=tuple(sorted(revealed.items(), key=lambda item: (-item[1], item[0]))),
    )


def _question(bank: Bank | None, question_id: str) -> Question | None:
    if bank is None:
        return None
    try:
        return bank.question(question_id)
    except KeyError:
        return None


def _position(stat: QuestionStat, banks: Mapping[str, Bank]) -> tuple[str, int, str]:
    """Bank by bank; in a bank's order when it is available, else by id (and retired last)."""
    bank = banks.get(stat.bank_id)
    ids = [] if bank is None else [question.id for question in bank.questions]
    place = ids.index(stat.question_id) if stat.question_id in ids else len(ids)
    return (stat.bank_id, place, stat.question_id)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's correlation of two equally long series; None when undefined (n < 2, or either
    series constant)."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    sxx = sum(d * d for d in dx)
    syy = sum(d * d for d in dy)
    # Scores are multiples of small fractions: a spread this small is rounding, not variance.
    if sxx < 1e-12 or syy < 1e-12:
        return None
    r = sum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy)
    return max(-1.0, min(1.0, r))


def discriminative_efficiency(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Moodle's discriminative efficiency: cov(x, y) / cov(sorted x, sorted y); None when the
    largest possible covariance is 0 (or fewer than two pairs)."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    pairs = zip(sorted(xs), sorted(ys), strict=True)
    largest = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    if largest < 1e-12:
        return None
    return covariance / largest


def top_third(entries: Sequence[Entry]) -> set[int]:
    """Indexes (into `entries`) of the top third by rest-of-test score, ties at the cut included.

    Only entries with a rest-of-test score take part; with fewer than three, the set is empty.
    """
    ranked = sorted(
        ((entry.rest, index) for index, entry in enumerate(entries) if entry.rest is not None),
        reverse=True,
    )
    if len(ranked) < 3:
        return set()
    cut = ranked[math.ceil(len(ranked) / 3) - 1][0]
    return {index for rest, index in ranked if rest >= cut - 1e-9}
