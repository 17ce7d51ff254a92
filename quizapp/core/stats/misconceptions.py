"""Misconceptions across a class: who holds each one, and in which questions it shows, in SQL.

A student holds a misconception when their latest attempt touching it revealed it (the rule is
stated in `analysis`). Misconception ids belong to a bank, so each is counted per bank. Over the
table `kept` (every answer analysed, repeats included):

- `revealing`: one row per answer and misconception it revealed (a misconception named twice in
  one answer counts once);
- `carriers`: the questions that can reveal each one: those whose options carry it in the bank
  (the table `bank_carriers`, from Python) and those where some answer revealed it;
- each student's latest answer (by time, then answer number) to a carrier gives their latest
  attempt touching it; they hold it when some answer of that attempt revealed it.
"""

from __future__ import annotations

from collections.abc import Mapping

from quizapp.core.model import Bank
from quizapp.core.stats.engine import Connection
from quizapp.core.stats.model import MisconceptionStat

__all__ = ["misconception_stats"]

_REVEALING = """
CREATE OR REPLACE TEMP TABLE revealing AS
SELECT bank_id, m, question_id, install_id, session_id
FROM (SELECT bank_id, question_id, install_id, session_id,
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

#: Each student's latest attempt touching each misconception they revealed, counted over the
#: students with several attempts (with one, it is the attempt that revealed it).
_LATEST = """
latest AS (
    SELECT c.bank_id, c.m, k.install_id,
        arg_max(k.session_id, (k.answered_at, k.answer_id)) AS session_id
    FROM kept AS k JOIN carriers AS c ON c.bank_id = k.bank_id AND c.question_id = k.question_id
    WHERE EXISTS (SELECT 1 FROM revealing AS r
        WHERE r.bank_id = c.bank_id AND r.m = c.m AND r.install_id = k.install_id)
    GROUP BY ALL
)"""

_LATEST_ONE_EACH = """
latest AS (SELECT DISTINCT bank_id, m, install_id, session_id FROM revealing)"""

_STATS = """
WITH {latest},
attempts AS (SELECT DISTINCT bank_id, m, install_id, session_id FROM revealing),
holders AS (
    SELECT l.bank_id, l.m, count(*) AS holders
    FROM latest AS l JOIN attempts AS a USING (bank_id, m, install_id, session_id)
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


def misconception_stats(
    con: Connection, banks: Mapping[str, Bank], one_each: bool = False
) -> tuple[MisconceptionStat, ...]:
    """Every misconception some answer in `kept` revealed, most widely held first.

    Needs the table `bank_carriers` (bank_id, m, question_id) of the given banks, and says
    `one_each` when every student made one attempt (then those who revealed it hold it).
    """
    con.run(_REVEALING, label="misconceptions")
    con.run(_CARRIERS, label="misconceptions")
    found = []
    latest = _LATEST_ONE_EACH if one_each else _LATEST
    for bank_id, m, holders, students, times, questions in con.rows(_STATS.format(latest=latest)):
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
