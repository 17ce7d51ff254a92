"""The gradebook: one row per student, attempt and bank, from the answers `prepare` kept.

Per attempt (one student's session) and bank: the mode, when it started, the questions it
answered, its score (the mean score of each question's first answer, as a percentage, the same
basis as the facility index), the score on each topic of the bank (topics from the banks given;
questions without one are "General"), and the time taken (the `seconds` of every answer in it,
repeats included). Self-graded flashcard answers are left out, as in the item analysis.

Students are known by their `install_id`; an instructor's CSV mapping install ids to Moodle's
identifiers (email or idnumber) puts those in the `identifier` column instead (`read_identities`).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quizapp.core.model import Bank
from quizapp.core.stats.engine import Connection

__all__ = ["AttemptGrade", "Gradebook", "gradebook", "read_identities"]

_FIRSTS = """
CREATE OR REPLACE TEMP TABLE firsts AS
SELECT install_id, session_id, bank_id, question_id, mode, answered_at, score
FROM kept
QUALIFY row_number() OVER (PARTITION BY install_id, session_id, bank_id, question_id
    ORDER BY answered_at, answer_id) = 1
"""

_ATTEMPTS = """
SELECT f.install_id, f.session_id, f.bank_id, arg_min(f.mode, f.answered_at),
    min(f.answered_at), count(*), 100 * avg(f.score), any_value(t.seconds)
FROM firsts AS f
JOIN (SELECT install_id, session_id, bank_id, sum(seconds) AS seconds FROM kept GROUP BY ALL)
    AS t USING (install_id, session_id, bank_id)
GROUP BY ALL
ORDER BY f.install_id, min(f.answered_at), f.session_id, f.bank_id
"""

_TOPICS = """
SELECT f.install_id, f.session_id, f.bank_id, t.topic, 100 * avg(f.score)
FROM firsts AS f JOIN topics AS t USING (bank_id, question_id)
GROUP BY ALL ORDER BY t.topic
"""


@dataclass(frozen=True, slots=True)
class AttemptGrade:
    """One student's attempt at one bank."""

    identifier: str
    """From the identities file, else the install id."""
    install_id: str
    bank_id: str
    session_id: str
    mode: str
    started: datetime
    questions: int
    score: float
    """0-100."""
    topics: tuple[tuple[str, float], ...]
    """Each topic's score (0-100), by topic name; empty when the bank is not given."""
    seconds: float | None
    """Time taken; None when the results do not say."""


@dataclass(frozen=True, slots=True)
class Gradebook:
    """Every attempt, and what the identities file did not name."""

    attempts: tuple[AttemptGrade, ...]
    identifier: str
    """The identifier column's name: `install_id`, or the identities file's second column."""
    unnamed: tuple[str, ...]
    """Install ids the identities file (when given) does not have."""

    @property
    def assessments(self) -> tuple[tuple[str, str], ...]:
        """Every (bank, mode) some attempt was at, sorted: Moodle's grade columns."""
        return tuple(sorted({(a.bank_id, a.mode) for a in self.attempts}))


def read_identities(path: Path) -> dict[str, str]:
    """install_id -> identifier, from a CSV's first two columns; a first row whose first cell is
    `install_id` is a header, and its second cell names the identifier (`email`, `idnumber`).
    The name is kept under the key "" . ValueError when a row has fewer than two cells."""
    names: dict[str, str] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) < 2:
                raise ValueError(f"line {number}: expected install_id,identifier")
            if number == 1 and row[0].strip() == "install_id":
                names[""] = row[1].strip() or "identifier"
                continue
            names[row[0].strip()] = row[1].strip()
    return names


def gradebook(
    con: Connection, banks: Mapping[str, Bank], identities: Mapping[str, str] | None = None
) -> Gradebook:
    """The gradebook of the table `kept` on `con` (see the module docstring)."""
    names = dict(identities or {})
    column = names.pop("", "identifier") if names else "install_id"
    con.db.execute(
        "CREATE OR REPLACE TEMP TABLE topics (bank_id VARCHAR, question_id VARCHAR, topic VARCHAR)"
    )
    appender = con.db.appender("topics")
    for bank in banks.values():
        for question in bank.questions:
            appender.append_row(bank.id, question.id, question.topic or "General")
    appender.flush()
    con.run(_FIRSTS, label="gradebook")
    topics: dict[tuple[str, str, str], list[tuple[str, float]]] = defaultdict(list)
    for install_id, session_id, bank_id, topic, score in con.rows(_TOPICS):
        topics[(install_id, session_id, bank_id)].append((topic, score))
    attempts = []
    unnamed: dict[str, None] = {}
    for install_id, session_id, bank_id, mode, started, count, score, seconds in con.rows(
        _ATTEMPTS
    ):
        if names and install_id not in names:
            unnamed[install_id] = None
        attempts.append(
            AttemptGrade(
                identifier=names.get(install_id, install_id),
                install_id=install_id,
                bank_id=bank_id,
                session_id=session_id,
                mode=mode,
                started=started,
                questions=count,
                score=score,
                topics=tuple(topics[(install_id, session_id, bank_id)]),
                seconds=seconds,
            )
        )
    return Gradebook(tuple(attempts), column, tuple(unnamed))
