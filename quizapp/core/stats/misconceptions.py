"""Misconceptions across a class: who holds each one, and in which questions it shows, in SQL.

A student holds a misconception by the app's own rule (`quizapp.core.progress.overcoming`): they
fell for it, and have not declined it on two different days since (UTC days, as results files
time answers in UTC). Misconception ids belong to a bank, so each is counted per bank. Over the
table `kept` (every answer analysed, repeats included):

- `revealing`: one row per answer and misconception it revealed (a misconception named twice in
  one answer counts once);
- `carriers`: the questions that can reveal each one: those whose options carry it in the bank
  (the table `bank_carriers`, from Python) and those where some answer revealed it;
- every answer to a carrier is an event, revealing or declining; the student's last revealing
  answer (by time, then answer number) and the days they declined it on since give the rule's
  verdict.
"""

from __future__ import annotations

from collections.abc import Mapping

from quizapp.core.model import Bank
from quizapp.core.progress import OVERCOME_DAYS
from quizapp.core.stats.engine import Connection
from quizapp.core.stats.model import MisconceptionStat

__all__ = ["misconception_stats"]

_REVEALING = """
CREATE OR REPLACE TEMP TABLE revealing AS
SELECT bank_id, m, question_id, install_id, session_id, answered_at AS moment, answer_id AS num
FROM (SELECT bank_id, question_id, install_id, session_id, answered_at, answer_id,
        unnest(list_distinct(from_json(misconceptions, '["VARCHAR"]'))) AS m
      FROM kept WHERE misconceptions IS NOT NULL)
"""

_CARRIERS = """
CREATE OR REPLACE TEMP TABLE carriers AS
SELECT DISTINCT bank_id, m, question_id FROM revealing
UNION
SELECT b.bank_id, b.m, b.question_id FROM bank_carriers AS b
WHERE EXISTS (SELECT 1 FROM revealing AS r WHERE r.bank_id = b.bank_id AND r.m = b.m)
"""

#: Each student's standing with each misconception they revealed, by the app's rule
#: (`quizapp.core.progress.overcoming`): every answer to a carrier question (not left blank) is an
#: event, revealing when it lists the misconception and declining otherwise; the student holds it
#: unless they declined it on `OVERCOME_DAYS` different (UTC) days after the last answer that
#: revealed it, in the order of (time, answer number).
_STATS = """
WITH last AS (
    SELECT bank_id, m, install_id, max(moment) AS moment, arg_max(num, (moment, num)) AS num
    FROM revealing GROUP BY ALL
),
spread AS (
    -- Only a student who answered on two days or more can have overcome anything: the others
    -- hold all they revealed, without the join below.
    SELECT install_id FROM kept GROUP BY install_id
    HAVING min(epoch_us(answered_at) // 86400000000) < max(epoch_us(answered_at) // 86400000000)
),
standing AS (
    -- Every answer after the last one that revealed the misconception declines it (it is the
    -- last): only the days of those answers to its carriers are counted.
    SELECT l.bank_id, l.m, l.install_id, {days} AS overcome
    FROM last AS l
    JOIN spread USING (install_id)
    JOIN carriers AS c ON c.bank_id = l.bank_id AND c.m = l.m
    LEFT JOIN kept AS k ON k.bank_id = c.bank_id AND k.question_id = c.question_id
        AND k.install_id = l.install_id
    GROUP BY ALL
),
holders AS (
    SELECT l.bank_id, l.m, count(*) FILTER (WHERE NOT coalesce(s.overcome, false)) AS holders
    FROM last AS l LEFT JOIN standing AS s USING (bank_id, m, install_id)
    GROUP BY ALL
),
wheres AS (
    SELECT bank_id, m, list((question_id, n) ORDER BY n DESC, question_id) AS questions
    FROM (SELECT bank_id, m, question_id, count(*) AS n FROM revealing GROUP BY ALL)
    GROUP BY ALL
),
totals AS (
    SELECT bank_id, m, count(DISTINCT install_id) AS students, count(*) AS times
    FROM revealing GROUP BY ALL
)
SELECT t.bank_id, t.m, coalesce(h.holders, 0), t.students, t.times, w.questions
FROM totals AS t JOIN wheres AS w USING (bank_id, m) LEFT JOIN holders AS h USING (bank_id, m)
"""


#: The answers that count for overcoming: given after the last one that revealed it, not blank.
_AFTER = (
    "k.kind <> 'none' AND (k.answered_at > l.moment "
    "OR (k.answered_at = l.moment AND k.answer_id > l.num))"
)
_DAY = "epoch_us(k.answered_at) // 86400000000"


def _overcome(days: int) -> str:
    """Whether those answers fall on `days` different UTC days. For two, the first and the last
    day differ: a pair of numbers per student instead of the set of their days (a million answers
    are counted in a fraction of the memory)."""
    if days == 2:
        return f"coalesce(max({_DAY}) FILTER ({_AFTER}) > min({_DAY}) FILTER ({_AFTER}), false)"
    return f"count(DISTINCT {_DAY}) FILTER ({_AFTER}) >= {days}"


def misconception_stats(
    con: Connection, banks: Mapping[str, Bank]
) -> tuple[MisconceptionStat, ...]:
    """Every misconception some answer in `kept` revealed, most widely held first.

    Needs the table `bank_carriers` (bank_id, m, question_id) of the given banks.
    """
    con.run(_REVEALING, label="misconceptions")
    con.run(_CARRIERS, label="misconceptions")
    found = []
    query = _STATS.format(days=_overcome(OVERCOME_DAYS))
    for bank_id, m, holders, students, times, questions in con.rows(query):
        bank = banks.get(bank_id)
        misconception = None if bank is None else bank.misconception(m)
        found.append(
            MisconceptionStat(
                bank_id=bank_id,
                id=m,
                summary=None if misconception is None else misconception.summary,
                holders=holders,
                students=students,
                times=times,
                questions=tuple((pair[0], pair[1]) for pair in _pairs(questions)),
            )
        )
    found.sort(key=lambda stat: (-stat.holders, -stat.students, stat.bank_id, stat.id))
    return tuple(found)


def _pairs(values: list[object]) -> list[tuple[str, int]]:
    """DuckDB gives unnamed structs back as dicts or tuples, depending on the client."""
    pairs: list[tuple[str, int]] = []
    for value in values:
        items = list(value.values()) if isinstance(value, dict) else list(value)  # type: ignore[call-overload]
        pairs.append((str(items[0]), int(items[1])))
    return pairs
