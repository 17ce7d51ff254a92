"""The home screen: banks listed at once, broken banks explained, the empty state."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from quizapp.core.bank import LoadResult, load_bank
from quizapp.core.catalog import BankCache, default_cache_dir, summarize
from quizapp.screens.home import HomeScreen
from quizapp.widgets.bank_list import BankList
from tests.ui.helpers import BROKEN, MARKUP, PLANETS, screen_text, settle, ui_app


def rows(app: object) -> list[str]:
    """The text of each row of the bank list."""
    banks = app.screen.query_one(BankList)  # type: ignore[attr-defined]
    return [str(banks.get_option_at_index(i).prompt) for i in range(banks.option_count)]


async def test_lists_good_and_broken_banks() -> None:
    app = ui_app(BROKEN, PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        listed = rows(app)
        assert any(r.startswith("UI planets\n9 questions · Planets, Maps, Units") for r in listed)
        assert any(r.startswith("⚠ ") and "broken" in r for r in listed)
        text = screen_text(app)
        assert "UI planets" in text and "broken:" in text


async def test_highlighting_a_broken_bank_shows_its_problems() -> None:
    problems = summarize(load_bank(BROKEN)).problems
    assert problems, "the broken fixture must be broken"
    app = ui_app(BROKEN, PLANETS)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        banks = app.screen.query_one(BankList)
        broken_row = next(i for i, r in enumerate(rows(app)) if r.startswith("⚠"))
        banks.highlighted = broken_row
        await pilot.pause()
        text = screen_text(app)
        assert "This bank is broken" in text
        assert problems[0].message[:30] in text.replace("\n", " ")


async def test_choosing_a_broken_bank_stays_home_and_says_why() -> None:
    app = ui_app(BROKEN)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "This bank has problems" in screen_text(app)


async def test_an_empty_folder_explains_what_to_do(tmp_path: Path) -> None:
    app = ui_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No question banks found." in text
        assert "quizapp validate" in text


async def test_cached_banks_show_at_once_while_others_load(monkeypatch: pytest.MonkeyPatch) -> None:
    BankCache(default_cache_dir()).load(PLANETS)  # a previous run cached this one
    release = threading.Event()
    original = BankCache.load

    def slow_load(self: BankCache, path: Path, progress: object = None) -> LoadResult:
        if path == MARKUP:
            release.wait(10)
        return original(self, path, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(BankCache, "load", slow_load)
    app = ui_app(PLANETS, MARKUP)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        listed = rows(app)
        assert listed[0].startswith("UI planets\n9 questions")
        assert "loading…" in listed[1]
        assert "Reading 1 of 1: ui-markup.yaml" in screen_text(app)
        release.set()
        await settle(pilot)
        assert rows(app)[1].startswith("UI [bold]markup[/bold] bank\n1 question")
        assert "Reading" not in screen_text(app)
