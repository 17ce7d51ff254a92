"""The progress store's speed: saving an answer, and the home screen's counts, with a full store.

    python benchmarks/bench_store.py [--questions 10000] [--answers 100000] [--records 2000]

Targets from the progress issue:

1. `Store.record` (one answer, its card rescheduled, in one committed transaction) under 1 ms at
   the 99th percentile with 100,000 answers over 10,000 cards already stored.
2. Opening the home screen with 10,000 cards and 100,000 answers stays within 20% of opening it
   with an empty store. Measured in-process as what the home screen does per bank: the bank read
   from the warm bank cache plus its `bank_progress`; the counting query alone is printed too,
   in milliseconds (against an empty store it costs next to nothing, so its own ratio says little).

The stores live in a temporary folder on the system's temp disk. With `synchronous=NORMAL` no
commit waits for the disk; WAL checkpoints do, and quizapp runs them between answers (when the
store has been idle for half a second). Answers recorded back to back, as here, never leave such
a pause, so the backstop autocheckpoint (every 10,000 pages, ~1,100 answers) shows up once per
round as the slowest answer. Each round records `--records` answers; the table gives the median
of the rounds.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen_bank import generate

from quizapp.core.bank import BankCache
from quizapp.core.model import Bank
from quizapp.core.progress import (
    Store,
    content_hash,
    open_store,
)
from quizapp.core.progress.figures import bank_progress, progress_counts
from quizapp.core.progress.schedule import mastered_until, new_card, rating_for, review
from quizapp.core.progress.storage.codec import response_to_json
from quizapp.core.scoring import grade
from quizapp.core.study import (
    AnswerRecord,
    StudyItem,
)
from quizapp.core.study.presenting import present

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def fill(store: Store, bank: Bank, answers: int, rng: random.Random) -> datetime:
    """Store `answers` answers spread over the bank's questions, in batches; returns their end."""
    questions = bank.questions
    per_card = max(1, answers // len(questions))
    answer_rows, card_rows = [], []
    end = START
    for question in questions:
        digest = content_hash(question)
        card = new_card(bank.id, question.id, START)
        at = START + timedelta(minutes=rng.randrange(0, 600))
        introduced = at
        for _ in range(per_card):
            choice = rng.randrange(len(question.choices))
            verdict = grade(question, choice)
            rating = rating_for(choice, verdict.score, None, 8.0)
            card = review(card, rating, at)
            answer_rows.append(
                (
                    at.timestamp(), bank.id, question.id, digest, "practice", "fill",
                    response_to_json(choice), verdict.score, str(verdict.outcome),
                    json.dumps(list(verdict.misconceptions)), None, 8.0, int(rating),
                )
            )  # fmt: skip
            end = max(end, at)
            at = max(card.due, at + timedelta(minutes=1))
        until = mastered_until(card)
        card_rows.append(
            (
                bank.id, question.id, card.to_json(), int(card.state), card.due.timestamp(),
                card.last_review.timestamp() if card.last_review else 0.0,
                None if until is None else until.timestamp(), introduced.timestamp(),
                per_card, digest,
            )
        )  # fmt: skip
    conn = store._conn  # setup only: batch inserts in one transaction
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO answers (answered_at, bank_id, question_id, content_hash, mode, session_id,"
        " response, score, outcome, misconceptions, confidence, seconds, rating)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        answer_rows,
    )
    conn.executemany(
        "INSERT INTO cards (bank_id, question_id, card, state, due, last_review, mastered_until,"
        " introduced_at, reviews, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        card_rows,
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return end


def record_latencies(store: Store, bank: Bank, count: int, now: datetime) -> list[float]:
    """Milliseconds taken by each of `count` calls of `Store.record`, on random questions."""
    rng = random.Random(7)
    records = []
    for _ in range(count):
        question = rng.choice(bank.questions)
        choice = rng.randrange(len(question.choices))
        presented = present(question, rng)
        item = StudyItem(bank, question)
        records.append(AnswerRecord(presented, choice, grade(question, choice), item, None, 6.0))
    times = []
    gc.collect()
    for index, record in enumerate(records):
        start = time.perf_counter()
        store.record(
            record, mode="practice", session_id="bench", now=now + timedelta(seconds=index)
        )
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def paired_medians(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median milliseconds of `runs` calls of each, alternated so drift hits both alike."""
    first(), second()  # warm
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, times in ((first, samples[0]), (second, samples[1])):
            start = time.perf_counter()
            action()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples[0]), statistics.median(samples[1])


def main() -> None:
    """Build the stores, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --records answers")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="quizapp-bench-store-") as folder:
        measure(args, Path(folder))


def measure(args: argparse.Namespace, work: Path) -> None:
    """Build the stores in `work`, measure, print the table."""
    bank_file = work / "big.yaml"
    bank_file.write_text(generate(args.questions), encoding="utf-8")
    cache = BankCache(work / "cache")
    loaded = cache.load(bank_file)  # parses and fills the cache
    assert loaded.bank is not None, loaded.problems[:3]
    bank = loaded.bank

    full_opening = open_store(work / "full")
    empty_opening = open_store(work / "empty")
    full, empty = full_opening.store, empty_opening.store
    print(f"filling: {args.answers:,} answers over {args.questions:,} cards ...", flush=True)
    started = time.perf_counter()
    end = fill(full, bank, args.answers, random.Random(3))
    print(f"  filled in {time.perf_counter() - started:.1f} s; {full.answer_count():,} answers")

    os.sync()  # let the disk settle after the bulk fill
    now = end + timedelta(days=1)
    rounds = []
    for number in range(args.rounds):
        moment = now + timedelta(hours=number)
        latencies = record_latencies(full, bank, args.records, moment)
        rounds.append((percentile(latencies, 0.50), percentile(latencies, 0.99), max(latencies)))
        print(
            f"  round {number + 1}: p50 {rounds[-1][0]:.3f} ms, p99 {rounds[-1][1]:.3f} ms,"
            f" max {rounds[-1][2]:.2f} ms ({full.answer_count():,} answers stored)"
        )
    p50 = statistics.median(r[0] for r in rounds)
    p99 = statistics.median(r[1] for r in rounds)
    worst = max(r[2] for r in rounds)

    def home(store: Store) -> object:
        result = cache.load(bank_file)
        assert result.bank is not None
        return bank_progress(store, result.bank, now)

    query_full, query_empty = paired_medians(
        lambda: bank_progress(full, bank, now), lambda: bank_progress(empty, bank, now), args.runs
    )
    summary_full, summary_empty = paired_medians(
        lambda: progress_counts(full, bank.id, len(bank.questions), now),
        lambda: progress_counts(empty, bank.id, len(bank.questions), now),
        args.runs,
    )
    home_full, home_empty = paired_medians(lambda: home(full), lambda: home(empty), args.runs)
    print(f"  progress with a full store: {bank_progress(full, bank, now)}")

    rows = [
        ("record(): p50 (median of rounds)", f"{p50:.3f} ms", ""),
        ("record(): p99 (median of rounds)", f"{p99:.3f} ms", "< 1 ms"),
        ("record(): slowest", f"{worst:.2f} ms", "(info)"),
        ("bank_progress, full store", f"{query_full:.2f} ms", "(info)"),
        ("bank_progress, empty store", f"{query_empty:.2f} ms", "(info)"),
        ("progress_counts (summary), full store", f"{summary_full:.2f} ms", "(info)"),
        ("progress_counts (summary), empty store", f"{summary_empty:.2f} ms", "(info)"),
        ("home path (cached bank + progress), full", f"{home_full:.1f} ms", ""),
        ("home path (cached bank + progress), empty", f"{home_empty:.1f} ms", ""),
        ("home path full / empty", f"{home_full / home_empty:.3f}x", "<= 1.2x"),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"\n{'measure':<{width}}  {'figure':>12}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>12}  {target}")
    full.close()
    empty.close()


if __name__ == "__main__":
    main()
