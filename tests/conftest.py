"""Fixtures shared by every test: no real user cache or progress, no randomness, no blinking
cursor."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QUIZAPP_CACHE_DIR at a fresh folder, so no test reads or writes the user's cache."""
    directory = tmp_path / "quizapp-cache"
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(directory))
    return directory


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QUIZAPP_DATA_DIR at a fresh folder, so no test reads or writes the user's progress."""
    directory = tmp_path / "quizapp-data"
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(directory))
    return directory


@pytest.fixture(autouse=True)
def fixed_random() -> Iterator[None]:
    """Seed the global random generator, so anything left unseeded still repeats."""
    state = random.getstate()
    random.seed(20240601)
    yield
    random.setstate(state)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep Input cursors steady, so screenshots do not depend on timing.

    Textual is imported here, not at module level, so core unit tests do not pay for it.
    """
    from textual.widgets import Input

    monkeypatch.setattr(Input, "cursor_blink", False)
