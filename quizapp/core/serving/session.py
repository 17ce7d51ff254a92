"""The banks and the session of a class: read once by the server to check them, then by each
student's app to start the session the instructor fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizapp.core.bank import BankCache, Problem, find_bank_files
from quizapp.core.model import Bank
from quizapp.core.serving.config import ServedConfig
from quizapp.core.study import DEFAULT_PASS_MARK, Mode, exam_defaults, select_items

__all__ = ["describe_session", "load_served_banks"]


def load_served_banks(
    paths: Sequence[str | Path], cache: BankCache
) -> tuple[list[Bank], list[Problem]]:
    """The valid banks in `paths` (files, or folders searched for them), and every problem
    found: a missing path, or a bank that does not validate (left out)."""
    files, problems = find_bank_files(paths)
    banks: list[Bank] = []
    for file in files:
        result = cache.load(file)
        if result.bank is not None and not result.problems:
            banks.append(result.bank)
        problems += result.problems
    return banks, problems


def _minutes(minutes: float) -> str:
    whole = int(minutes) if float(minutes).is_integer() else minutes
    return f"{whole} minute" if whole == 1 else f"{whole} minutes"


def describe_session(banks: Sequence[Bank], config: ServedConfig) -> str:
    """What every student goes into, in a sentence ("" when nothing is fixed).

    Raises `StudyError` when the banks cannot give that session.
    """
    session = config.session_config()
    if session is None:
        return ""
    count = len(select_items(banks, session))
    questions = f"{count} question" if count == 1 else f"{count} questions"
    if session.mode is Mode.EXAM:
        defaults = exam_defaults(banks)
        limit = session.time_limit_minutes
        if limit is None:
            limit = defaults.time_limit_minutes
        timing = _minutes(limit) if limit else "untimed"
        mark = defaults.pass_mark if defaults.pass_mark is not None else DEFAULT_PASS_MARK
        return f"A mock exam: {questions}, {timing}, pass mark {round(mark * 100)}%."
    if session.mode is Mode.FLASHCARDS:
        return f"Flashcards: {questions}, graded by yourself."
    return f"Practice: {questions}, with feedback after each answer."
