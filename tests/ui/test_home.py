"""The home screen: banks listed at once, broken banks explained, the empty state."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from quizapp.core.bank import BankCache, LoadResult, default_cache_dir, load_bank, summarize
from quizapp.screens import HomeScreen
from quizapp.screens.setup import SetupScreen
from quizapp.widgets import BankList
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


@pytest.mark.usefixtures("in_banks_folder")  # short relative paths: no line wraps by checkout
async def test_highlighting_a_broken_bank_shows_its_problems() -> None:
    problems = summarize(load_bank(Path(BROKEN.name))).problems
    assert problems, "the broken fixture must be broken"
    app = ui_app(Path(BROKEN.name), Path(PLANETS.name))
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


async def test_enter_opens_the_setup_of_the_highlighted_bank() -> None:
    app = ui_app(BROKEN, PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(BankList).highlighted = next(
            i for i, r in enumerate(rows(app)) if r.startswith("UI planets")
        )
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        assert [bank.id for bank in screen.banks] == ["ui-planets"]


async def test_space_marks_banks_to_study_together() -> None:
    app = ui_app(BROKEN, MARKUP, PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert "space Mark" in screen_text(app).splitlines()[-1]
        banks = app.screen.query_one(BankList)
        broken, markup, planets = (
            next(i for i, r in enumerate(rows(app)) if r.startswith(start))
            for start in ("⚠", "UI [bold]", "UI planets")
        )
        banks.highlighted = broken
        await pilot.press("space")  # a broken bank cannot be marked
        await settle(pilot)
        assert not any(r.startswith("✔") for r in rows(app))
        assert "This bank has problems; only good" in screen_text(app)
        for index in (planets, markup):
            banks.highlighted = index
            await pilot.press("space")
        await settle(pilot)
        assert rows(app)[planets].startswith("✔ UI planets")
        assert rows(app)[markup].startswith("✔ UI [bold]markup[/bold] bank")
        assert "2 banks marked · Enter studies them together" in screen_text(app)
        await pilot.press("space")  # unmark the markup bank again, then mark it back
        await settle(pilot)
        assert "1 bank marked" in screen_text(app) and not rows(app)[markup].startswith("✔")
        await pilot.press("space", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        assert [bank.id for bank in screen.banks] == ["ui-markup", "ui-planets"]  # list order
        assert "UI [bold]markup[/bold] bank + UI planets" in screen_text(app)
