"""Item analysis: which questions and distractors work, from the answers of a class.

The analysis runs in DuckDB (`queries`, `misconceptions`): answers come from results files handed
in by students, read by DuckDB's own readers (`ingest.load_files`), or from Python rows (the local
store, `rows.rows_from_store`; `ingest.load_rows`). The Python functions at the end of this module
(`pearson`, `discriminative_efficiency`, `top_third`) state the figures plainly; the tests hold
the SQL to them. A *student* is an install id; an *attempt* is one student's
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
  picked it, once at least `min_students` (`DEFAULT_MIN_STUDENTS`, 20) students answered, so that
  a small class does not flag every distractor. A choice of a single-answer question that earns
  part of the marks is **partial**: neither the key nor a distractor.
- **looks mis-keyed** when (a) among the top third of attempts by rest-of-test score (ties at the
  cut included), one wrong choice is picked by at least `MISKEY_MIN_PICKS` (2) of them and more
  often than every full-credit choice, or (b) the discrimination index is negative. With fewer
  than `min_students` students the sign is still given, marked "too few answers" (`too_few`).
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
from typing import Any

from quizapp.core.model import Bank, Question
from quizapp.core.progress import content_hash
from quizapp.core.stats import queries
from quizapp.core.stats.choices import PickCount, choice_stats, miskey_reasons
from quizapp.core.stats.engine import Connection, connect
from quizapp.core.stats.inputs.ingest import load_rows
from quizapp.core.stats.misconceptions import misconception_stats
from quizapp.core.stats.model import DEFAULT_MIN_STUDENTS, ItemAnalysis, QuestionStat
from quizapp.core.stats.rows import Entry, ResultRow

__all__ = [
    "analyse",
    "analyse_loaded",
    "discriminative_efficiency",
    "pearson",
    "prepare",
    "top_third",
]

#: A spread this small is rounding, not variance (scores are multiples of small fractions).
_TINY = 1e-12
#: Figures are rounded to this many decimals: DuckDB sums in parallel, in no fixed order, so the
#: last bits of a figure vary from run to run (-0.8749999999999997 or -0.8750000000000002 for
#: -0.875), and a figure shown to two places must not flicker between -0.87 and -0.88.
_PLACES = 12


def analyse(
    rows: Iterable[ResultRow],
    banks: Mapping[str, Bank] | None = None,
    bank_id: str | None = None,
    min_students: int = DEFAULT_MIN_STUDENTS,
) -> ItemAnalysis:
    """The item analysis of `rows` (only those of `bank_id`, when given).

    `banks` (by id) give choice texts, the key of choice questions and misconception summaries;
    answers to banks not in it are analysed from the rows alone. Runs on a DuckDB database of
    its own; `analyse_loaded` analyses one that is already filled.
    """
    with connect() as con:
        load_rows(con, rows)
        prepare(con, bank_id)
        return analyse_loaded(con, banks or {}, min_students)


def prepare(con: Connection, bank_id: str | None = None) -> tuple[int, int]:
    """Count each answer once and keep those of `bank_id` (views `answers`, `kept`); returns the
    good rows read and the answers among them (fewer: answers found in more than one source)."""
    good, distinct, questions = con.rows(queries.TOTALS)[0]
    con.no_repeats = questions == good
    repeated = con.rows(queries.REPEATED)[0][0] if distinct < good else 0
    con.run(queries.ANSWERS if repeated else queries.ANSWERS_VIEW, label="counting answers once")
    bank = "true" if bank_id is None else "bank_id = '" + bank_id.replace("'", "''") + "'"
    # Which rows of `raw` are kept, when `answers` is a view of it (no answer read twice).
    con.kept_in_raw = None if repeated else f"NOT bad AND kind <> 'self_grade' AND {bank}"
    con.db.execute(
        f"CREATE OR REPLACE TEMP VIEW kept_answers AS SELECT * FROM answers WHERE {bank}"
    )
    con.db.execute("CREATE OR REPLACE TEMP VIEW kept AS SELECT * FROM kept_answers "
                   "WHERE kind <> 'self_grade'")  # fmt: skip
    con.db.execute("CREATE OR REPLACE TEMP VIEW left_out AS SELECT count(*) AS self_graded "
                   "FROM kept_answers WHERE kind = 'self_grade'")  # fmt: skip
    return int(good), int(good) - int(repeated)


def analyse_loaded(
    con: Connection, banks: Mapping[str, Bank], min_students: int = DEFAULT_MIN_STUDENTS
) -> ItemAnalysis:
    """The item analysis of the table `kept` that `prepare` made on `con`."""
    _bank_tables(con, banks)
    con.run(queries.ATTEMPTS, label="attempts")
    no_repeats = con.no_repeats or con.rows(queries.NO_REPEATS)[0][0]
    if no_repeats and con.kept_in_raw is not None:
        con.run(queries.REST_IN_PLACE.format(kept=con.kept_in_raw), label="rest-of-test scores")
        con.db.execute(queries.ENTRIES_VIEW.format(kept=con.kept_in_raw))
    else:
        con.run(queries.ENTRIES if no_repeats else queries.FIRST_ENTRIES, label="first answers")
    con.run(queries.RUNS, label="ranks")
    con.run(queries.TOP, label="top thirds")
    (one_each,) = con.rows(queries.ONE_ATTEMPT_EACH)[0]
    students = queries.STUDENTS_ARE_ATTEMPTS if one_each else queries.STUDENTS_COUNTED
    figures = con.rows(queries.FIGURES.format(students=students))
    largest = {(b, q): v for b, q, v in con.rows(queries.EFFICIENCY)}
    picks: dict[tuple[str, str], dict[int, PickCount]] = defaultdict(dict)
    for bank, question, pick, picked, top, earned in con.rows(queries.CHOICES):
        if pick is not None:
            picks[(bank, question)][pick] = PickCount(picked, top, earned)
    revealed: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for bank, question, misconception, times in con.rows(queries.REVEALED):
        revealed[(bank, question)].append((misconception, times))
    hashes = {(b, q): set(found) for b, q, found in con.rows(queries.HASHES)}
    stats = []
    for row in figures:
        key = (row[0], row[1])
        context = (banks.get(key[0]), largest.get(key), picks[key], revealed[key], hashes[key])
        stats.append(_question_stat(row, context, min_students))
    stats.sort(key=lambda stat: _position(stat, banks))
    ((students, attempts, answers, self_graded, found),) = con.rows(_SUMMARY)
    return ItemAnalysis(
        questions=tuple(stats),
        misconceptions=misconception_stats(con, banks),
        students=students,
        attempts=attempts,
        answers=answers,
        self_graded=self_graded,
        banks=tuple(sorted(found)),
        min_students=min_students,
    )


_SUMMARY = """
SELECT count(DISTINCT install_id), count(*), coalesce(sum(size), 0),
    (SELECT self_graded FROM left_out), (SELECT coalesce(list(DISTINCT bank_id), []) FROM entries)
FROM attempts
"""


def _bank_tables(con: Connection, banks: Mapping[str, Bank]) -> None:
    """The questions of the given banks whose options carry each misconception, for SQL."""
    con.db.execute("CREATE OR REPLACE TEMP TABLE bank_carriers (bank_id VARCHAR, m VARCHAR, "
                   "question_id VARCHAR)")  # fmt: skip
    appender = con.db.appender("bank_carriers")
    for bank in banks.values():
        for question in bank.questions:
            for misconception in question.misconception_ids():
                appender.append_row(bank.id, misconception, question.id)
    appender.flush()


def _question_stat(
    row: tuple[Any, ...], context: tuple[Any, ...], min_students: int
) -> QuestionStat:
    bank_id, question_id, attempts, answered, facility, paired, covariance = row[:7]
    var_score, var_rest, _mean_score, _mean_rest, all_choice, all_single, students = row[7:]
    bank, largest, counts, revealed, hashes = context
    question = _question(bank, question_id)
    if question is not None:
        hashes = hashes | {content_hash(question)}
    defined = paired >= 2 and var_score * paired >= _TINY and var_rest * paired >= _TINY
    discrimination = None
    efficiency = None
    if defined:
        r = covariance / math.sqrt(var_score * var_rest)
        discrimination = round(max(-1.0, min(1.0, r)), _PLACES)
        if largest is not None and largest >= _TINY:
            efficiency = round(covariance * paired / largest, _PLACES)
    choices = choice_stats(
        question, counts, answered, (all_choice, all_single), students >= min_students
    )
    return QuestionStat(
        bank_id=bank_id,
        question_id=question_id,
        type=None if question is None else str(question.type),
        prompt=None if question is None else question.prompt,
        attempts=attempts,
        answered=answered,
        facility=round(facility, _PLACES),
        discrimination=discrimination,
        efficiency=efficiency,
        discrimination_attempts=paired,
        choices=choices,
        unanswered=attempts - answered,
        miskey_reasons=miskey_reasons(choices, discrimination),
        versions=len(hashes),
        in_bank=None if bank is None else question is not None,
        misconceptions=tuple(sorted(revealed, key=lambda item: (-item[1], item[0]))),
        students=students,
        min_students=min_students,
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
