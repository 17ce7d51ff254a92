"""Shared by the progress-store tests: a fixed clock, answers built like a session builds them."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.core.model import Bank, Response, SelfGrade
from quizapp.core.progress import Store, open_store
from quizapp.core.scoring import Grade, grade, outcome_for
from quizapp.core.study import AnswerRecord, StudyItem
from quizapp.core.study.presenting import present

#: A Monday morning, UTC: every test's "now" is counted from here.
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def answer_of(
    bank: Bank,
    question_id: str,
    response: Response,
    *,
    confidence: int | None = None,
    seconds: float = 5.0,
) -> AnswerRecord:
    """The record a session would make of `response` to `question_id` of `bank`."""
    question = bank.question(question_id)
    presented = present(question, random.Random(0))
    if isinstance(response, SelfGrade):  # a flashcard session grades any question this way
        score = 0.0 if response is SelfGrade.AGAIN else 1.0
        verdict = Grade(score, outcome_for(score), (), (), "")
    else:
        verdict = grade(question, response)
    return AnswerRecord(
        presented, response, verdict, StudyItem(bank, question), confidence, seconds
    )


def save(
    store: Store,
    bank: Bank,
    question_id: str,
    response: Response,
    now: datetime,
    *,
    confidence: int | None = None,
    seconds: float = 5.0,
    mode: str = "practice",
    session_id: str = "s1",
) -> AnswerRecord:
    """Record `response` to `question_id` at `now`; returns the record saved."""
    record = answer_of(bank, question_id, response, confidence=confidence, seconds=seconds)
    store.record(record, mode=mode, session_id=session_id, now=now)
    return record


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store on disk in a temporary data folder, closed after the test."""
    opening = open_store(tmp_path / "data")
    assert opening.warning is None
    with opening.store as opened:
        yield opened


def killed_after(script: str, count: int) -> tuple[list[int], str, int | None]:
    """Run `script`, which prints "<word> N" after its step N, and SIGKILL it once it has
    printed `count`: every N it printed before it died, its stderr and its return code.

    What it printed after the line that stopped the reading is read through the same buffered
    pipe: `communicate()` reads the raw descriptor, and would lose the lines already buffered
    when the child wrote faster than this process read (as on a loaded machine).
    """
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    printed: list[int] = []
    try:
        for line in process.stdout:
            printed.append(int(line.split()[1]))
            if printed[-1] >= count:
                break
    finally:
        os.kill(process.pid, signal.SIGKILL)
    printed += [int(line.split()[1]) for line in process.stdout.read().splitlines()]
    errors = process.stderr.read()
    process.wait(timeout=30)
    return printed, errors, process.returncode
