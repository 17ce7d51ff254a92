"""A class's results files made from one real exported session, for `bench_stats.py`.

    python benchmarks/gen_results.py OUT.jsonl [--answers 1000000] [--format jsonl|csv|parquet]

One student sits a mock exam on a bundled bank (recorded in a real progress store and written by
`quizapp results export`); the class is that session's rows repeated with new students. Each
student has an ability; on a choice question they pick the key with that probability, else a
distractor (graded by quizapp's own scoring, so scores, outcomes and misconceptions are real).
Other question types keep the real answer. Seeded: the same arguments give the same file.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quizapp.core.bank import BankCache, bundled_banks_dir
from quizapp.core.model import Bank, Question, match_rights
from quizapp.core.progress import export_answers, open_store
from quizapp.core.progress.storage.codec import response_to_json
from quizapp.core.scoring import grade
from quizapp.core.study import AnswerRecord, StudyItem
from quizapp.core.study.presenting import present

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
SESSION = 22  # answers per student, as in the measurement (1,012,000 / 46,000)


def bundled_bank(name: str = "probation-confidentiality") -> Bank:
    """A bank shipped with quizapp."""
    with tempfile.TemporaryDirectory() as cache:
        result = BankCache(Path(cache)).load(bundled_banks_dir() / f"{name}.yaml")
    assert result.bank is not None
    return result.bank


def real_session(bank: Bank, size: int = SESSION) -> list[dict[str, Any]]:
    """One student's exam on the first `size` questions, as `quizapp results export` writes it."""
    rng = random.Random(1)
    questions = [q for q in bank.questions if q.type != "flashcard"][:size]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder)).store as store:
        records = []
        for question in questions:
            response = _right(question) if rng.random() < 0.7 else _any(question, rng)
            presented = present(question, rng)
            verdict = grade(question, response)
            item = StudyItem(bank, question)
            records.append(AnswerRecord(presented, response, verdict, item, None, 12.5))
        store.record_many(records, mode="exam", session_id="real", now=START)
        out = io.StringIO()
        export_answers(store, "jsonl", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _right(question: Question) -> Any:
    """A fully right response to a question of any type but flashcards."""
    if question.type.has_choices:
        keyed = [i for i, c in enumerate(question.choices) if c.correct]
        return keyed[0] if question.type != "multiple" else frozenset(keyed)
    if question.type == "short":
        return question.answers[0].text
    if question.type == "numeric":
        return str(question.numeric[0].low)
    if question.type == "cloze":
        return tuple(gap.answers[0].text for gap in question.gaps)
    if question.type == "match":
        rights = match_rights(question)
        return tuple(rights.index(pair.right) for pair in question.pairs)
    return tuple(range(len(question.items)))  # order: the items as written


def _any(question: Question, rng: random.Random) -> Any:
    """A response that is most likely wrong."""
    if question.type.has_choices:
        pick = rng.randrange(len(question.choices))
        return pick if question.type != "multiple" else frozenset({pick})
    if question.type in ("short", "numeric"):
        return "no idea"
    right = _right(question)
    return tuple(reversed(right)) if question.type != "cloze" else ("no idea",) * len(right)


def _variants(bank: Bank, row: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The right and the wrong answers a student could give to the row's question."""
    question = bank.question(row["question_id"])
    if not question.type.has_choices or question.type == "multiple":
        return [row], [row]
    right, wrong = [], []
    for index in range(len(question.choices)):
        verdict = grade(question, index)
        variant = {
            **row,
            "response": json.loads(response_to_json(index) or "null"),
            "score": verdict.score,
            "outcome": str(verdict.outcome),
            "misconceptions": list(verdict.misconceptions),
        }
        (right if verdict.score >= 1 else wrong).append(variant)
    return right or wrong, wrong or right


def class_rows(answers: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """About `answers` rows: whole sessions of students made from the real session."""
    bank = bundled_bank()
    session = real_session(bank)
    variants = [_variants(bank, row) for row in session]
    rng = random.Random(seed)
    students = max(1, round(answers / len(session)))
    for student in range(students):
        ability = rng.betavariate(4, 2)
        install = f"{student:08x}-{rng.getrandbits(64):016x}"
        day = START + timedelta(days=rng.randrange(60), seconds=rng.randrange(86_400))
        for number, (right, wrong) in enumerate(variants, start=1):
            base = rng.choice(right if rng.random() < ability else wrong)
            yield {
                **base,
                "install_id": install,
                "answer_id": number,
                "answered_at": (day + timedelta(seconds=40 * number))
                .isoformat(timespec="milliseconds")
                .replace("+00:00", "Z"),
                "session_id": f"exam-{student}",
                "seconds": round(rng.uniform(4, 90), 3),
            }


def write(path: Path, answers: int, fmt: str = "jsonl") -> int:
    """Write the class to `path` as JSON Lines (or CSV, or Parquet through DuckDB)."""
    count = 0
    if fmt == "jsonl":
        with open(path, "w", encoding="utf-8") as out:
            for row in class_rows(answers):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        return count
    import duckdb  # only for the other formats: DuckDB converts the JSON Lines written first

    staged = path.with_suffix(".staging.jsonl")
    count = write(staged, answers)
    try:
        con = duckdb.connect()
        con.execute("SET TimeZone = 'UTC'")
        con.execute(f"COPY ({convert_sql(fmt)}) TO '{path}' (FORMAT {fmt})", [str(staged)])
        con.close()
    finally:
        staged.unlink()
    return count


def convert_sql(fmt: str) -> str:
    """The SELECT that turns JSON Lines results ($1) into the columns of `fmt`'s files."""
    response = "json(response::VARCHAR)::VARCHAR"
    if fmt == "csv":
        return (
            f"SELECT * REPLACE ({response} AS response, "
            "array_to_string(misconceptions, ';') AS misconceptions) "
            "FROM read_json($1, format='newline_delimited', columns=" + _COLUMNS + ")"
        )
    return (
        f"SELECT * REPLACE ({response} AS response, answered_at::TIMESTAMPTZ AS answered_at) "
        "FROM read_json($1, format='newline_delimited', columns=" + _COLUMNS + ")"
    )


_COLUMNS = (
    "{'install_id': 'VARCHAR', 'answer_id': 'BIGINT', 'answered_at': 'VARCHAR', "
    "'bank_id': 'VARCHAR', 'question_id': 'VARCHAR', 'content_hash': 'VARCHAR', "
    "'session_id': 'VARCHAR', 'mode': 'VARCHAR', 'response': 'JSON', 'score': 'DOUBLE', "
    "'outcome': 'VARCHAR', 'misconceptions': 'VARCHAR[]', 'confidence': 'INTEGER', "
    "'seconds': 'DOUBLE', 'rating': 'INTEGER'}"
)


def main() -> None:
    """Parse the arguments and write the file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    args = parser.parse_args()
    count = write(args.out, args.answers, args.format)
    print(f"wrote {count} answers to {args.out}")


if __name__ == "__main__":
    main()
