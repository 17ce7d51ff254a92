"""The item analysis in SQL, over the table `raw` that `ingest` fills.

Each statement builds one temporary table (or answers one question); `analysis` runs them in
order and turns the few rows per question they give into the result dataclasses. The rules are
the ones stated in `quizapp.core.stats.analysis`; here is only how DuckDB computes them:

- `answers`: the good rows, an answer found in two sources kept once (the first source's; a
  view of `raw` when no answer was read twice, the usual case);
- `kept`: of those, the bank asked for, self-graded flashcard answers left out (a view);
- `entries`: each attempt's first answer to each question, with the attempt's total and size
  (window functions over the attempt), hence its rest-of-test score;
- `figures`: per question, counts, facility and the moments behind Pearson's r (`covar_pop`,
  `var_pop`: `corr` itself is that ratio, but gives no way to tell "undefined" from noise);
- the largest covariance the two sets of scores allow (discriminative efficiency's
  denominator) pairs the i-th smallest score with the i-th smallest rest score. Scores take few
  values, so each side is grouped into runs of equal values with their ranks, and the runs that
  overlap in rank are paired: the same sum without sorting a million rows;
- the top third's cut: the rest score at rank ceil(n/3) from the top, from the same runs;
- `picks`: the choice counts, with those of the top third and the score they earned.
"""

from __future__ import annotations

__all__ = [
    "ANSWERS",
    "ANSWERS_VIEW",
    "ATTEMPTS",
    "NO_REPEATS",
    "ONE_ATTEMPT_EACH",
    "REPEATED",
    "STUDENTS_ARE_ATTEMPTS",
    "STUDENTS_COUNTED",
    "FIRST_ENTRIES",
    "CHOICES",
    "EFFICIENCY",
    "ENTRIES",
    "ENTRIES_VIEW",
    "REST_IN_PLACE",
    "RUNS",
    "FIGURES",
    "HASHES",
    "REVEALED",
    "TOP",
    "TOTALS",
]

#: The good rows read, and how many distinct hashes of (student, answer number) they have: as
#: many as rows proves that no answer was read twice (fewer may be a collision: `REPEATED`);
#: the same for (attempt, question) proves that no attempt met a question twice.
TOTALS = """
SELECT count(*), count(DISTINCT hash(install_id, answer_id)),
    count(DISTINCT hash(install_id, session_id, bank_id, question_id))
FROM raw WHERE NOT bad
"""

#: How many good rows repeat an earlier row's student and answer number, counted exactly.
REPEATED = """
SELECT coalesce(sum(n - 1), 0)
FROM (SELECT count(*) AS n FROM raw WHERE NOT bad GROUP BY install_id, answer_id HAVING n > 1)
"""

#: Every good row, when no answer was read twice.
ANSWERS_VIEW = """
CREATE OR REPLACE TEMP VIEW answers AS
SELECT * EXCLUDE (src, pos, bad, rest) FROM raw WHERE NOT bad
"""

#: Each answer once (the first source's), when some answer was read twice.
ANSWERS = """
CREATE OR REPLACE TEMP TABLE answers AS
SELECT * EXCLUDE (src, pos, bad, rest) FROM raw WHERE NOT bad
QUALIFY row_number() OVER (PARTITION BY install_id, answer_id ORDER BY src, pos) = 1
"""

#: Per attempt: its score total and size (over every answer: right when none repeats).
ATTEMPTS = """
CREATE OR REPLACE TEMP TABLE attempts AS
SELECT install_id, session_id, sum(score) AS total, count(*) AS size FROM kept GROUP BY ALL
"""

#: True when no attempt met a question twice: as many distinct hashes of (attempt, question) as
#: answers proves it (fewer: a repeat, or a collision, and the exact way is taken).
NO_REPEATS = """
SELECT count(*) = count(DISTINCT hash(install_id, session_id, bank_id, question_id)) FROM kept
"""

#: True when every student made one attempt (so a question's students are its attempts).
ONE_ATTEMPT_EACH = "SELECT count(*) = count(DISTINCT install_id) FROM attempts"

_REST = "CASE WHEN size > 1 THEN (total - score) / (size - 1) END AS rest"

#: The entries when no answer was read twice and no attempt met a question twice (the usual
#: case): every good row of `raw` is an entry, and its rest-of-test score is written beside it
#: rather than in a copy of a million rows (`{kept}`: the rows `kept` keeps).
REST_IN_PLACE = """
UPDATE raw SET rest = CASE WHEN a.size > 1 THEN (a.total - raw.score) / (a.size - 1) END
FROM attempts AS a
WHERE raw.install_id = a.install_id AND raw.session_id = a.session_id AND {kept}
"""

ENTRIES_VIEW = """
CREATE OR REPLACE TEMP VIEW entries AS
SELECT bank_id, question_id, install_id, kind, pick, picks, score, misconceptions, rest
FROM raw WHERE {kept}
"""

#: The entries when no attempt met a question twice but some answer was read twice.
ENTRIES = f"""
CREATE OR REPLACE TEMP TABLE entries AS
SELECT k.bank_id, k.question_id, k.install_id, k.kind, k.pick, k.picks, k.score, k.misconceptions,
    {_REST}
FROM kept AS k JOIN attempts AS a USING (install_id, session_id)
"""

#: The entries when some attempt met a question twice: its first answer counts, alone.
FIRST_ENTRIES = f"""
CREATE OR REPLACE TEMP TABLE entries AS
SELECT bank_id, question_id, install_id, kind, pick, picks, score, misconceptions, {_REST}
FROM (
    SELECT *, sum(score) OVER attempt AS total, count(*) OVER attempt AS size
    FROM (
        SELECT bank_id, question_id, install_id, session_id, kind, pick, picks, score,
            misconceptions
        FROM kept
        QUALIFY row_number() OVER (PARTITION BY install_id, session_id, bank_id, question_id
            ORDER BY answered_at, answer_id) = 1
    )
    WINDOW attempt AS (PARTITION BY install_id, session_id)
)
"""

#: Per question: attempts, answered, facility, the moments of (score, rest), whether every
#: response is a choice (and a single one), and the students who answered.
FIGURES = """
SELECT bank_id, question_id, count(*) AS attempts, count(*) FILTER (kind <> 'none') AS answered,
    100 * avg(score) AS facility, count(rest) AS paired,
    covar_pop(score, rest) AS covariance,
    var_pop(score) FILTER (rest IS NOT NULL) AS var_score, var_pop(rest) AS var_rest,
    avg(score) FILTER (rest IS NOT NULL) AS mean_score, avg(rest) AS mean_rest,
    coalesce(bool_and(kind IN ('int', 'set')) FILTER (kind <> 'none'), false) AS all_choice,
    coalesce(bool_and(kind = 'int' OR len(picks) = 1) FILTER (kind <> 'none'), false)
        AS all_single,
    {students} AS students
FROM entries GROUP BY bank_id, question_id
"""

#: `FIGURES`' students: counted, or (one attempt each) the attempts that answered.
STUDENTS_COUNTED = "count(DISTINCT install_id) FILTER (kind <> 'none')"
STUDENTS_ARE_ATTEMPTS = "count(*) FILTER (kind <> 'none')"

#: Per question: the runs of equal scores (side x) and of equal rest-of-test scores (side y)
#: among the attempts that have both, in one scan of the entries (two grouping sets).
RUNS = """
CREATE OR REPLACE TEMP TABLE runs AS
SELECT bank_id, question_id, CASE WHEN score IS NULL THEN 'y' ELSE 'x' END AS side,
    coalesce(score, rest) AS v, n
FROM (
    SELECT bank_id, question_id, score, rest, count(*) AS n FROM entries WHERE rest IS NOT NULL
    GROUP BY GROUPING SETS ((bank_id, question_id, score), (bank_id, question_id, rest))
)
"""

#: The sum of (x - mean x)(y - mean y) over the sorted pairing, per question (see above).
EFFICIENCY = """
WITH means AS (
    SELECT bank_id, question_id, sum(v * n) FILTER (side = 'x') / sum(n) FILTER (side = 'x')
        AS mx, sum(v * n) FILTER (side = 'y') / sum(n) FILTER (side = 'y') AS my
    FROM runs GROUP BY ALL
),
ranked AS (
    SELECT *, coalesce(sum(n) OVER w, 0) AS lo, coalesce(sum(n) OVER w, 0) + n AS hi
    FROM runs
    WINDOW w AS (PARTITION BY bank_id, question_id, side ORDER BY v
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
xs AS (SELECT * FROM ranked WHERE side = 'x'),
ys AS (SELECT * FROM ranked WHERE side = 'y')
SELECT xs.bank_id, xs.question_id,
    sum((least(xs.hi, ys.hi) - greatest(xs.lo, ys.lo)) * (xs.v - m.mx) * (ys.v - m.my))
FROM xs JOIN ys ON xs.bank_id = ys.bank_id AND xs.question_id = ys.question_id
    AND xs.lo < ys.hi AND ys.lo < xs.hi
JOIN means AS m ON m.bank_id = xs.bank_id AND m.question_id = xs.question_id
GROUP BY ALL
"""

#: Per question with three rest scores or more: the rest score at rank ceil(n/3) from the top.
TOP = """
CREATE OR REPLACE TEMP TABLE cuts AS
SELECT bank_id, question_id, max(v) FILTER (above >= ceil(total / 3)) AS cut
FROM (
    SELECT bank_id, question_id, v,
        sum(n) OVER (PARTITION BY bank_id, question_id ORDER BY v DESC) AS above,
        sum(n) OVER (PARTITION BY bank_id, question_id) AS total
    FROM runs WHERE side = 'y'
)
GROUP BY ALL HAVING max(total) >= 3
"""

#: Per question and choice index: attempts that picked it, of them the top third (rest score
#: at the cut or above, ties included), and the score they earned.
CHOICES = """
SELECT e.bank_id, e.question_id, e.pick, count(*) AS picked,
    count(*) FILTER (e.rest >= c.cut - 1e-9) AS top, sum(e.score) AS earned
FROM (SELECT bank_id, question_id, rest, score, pick FROM entries WHERE kind = 'int'
      UNION ALL
      SELECT bank_id, question_id, rest, score, unnest(picks) FROM entries WHERE kind = 'set')
    AS e
LEFT JOIN cuts AS c ON c.bank_id = e.bank_id AND c.question_id = e.question_id
GROUP BY ALL
"""

#: Per question: the misconceptions its (first) answers revealed, with how many answers.
REVEALED = """
SELECT bank_id, question_id, m, count(*)
FROM (SELECT bank_id, question_id, unnest(from_json(misconceptions, '["VARCHAR"]')) AS m
      FROM entries WHERE misconceptions IS NOT NULL)
GROUP BY ALL
"""

#: Per question: the content hashes it was answered in.
HASHES = """
SELECT bank_id, question_id, list(DISTINCT content_hash ORDER BY content_hash)
FROM kept GROUP BY ALL
"""
