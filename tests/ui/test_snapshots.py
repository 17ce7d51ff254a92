"""Snapshots of the screens at 80x24 (tests/ui/__snapshots__; regenerate with --snapshot-update
after looking at the result). Small dedicated banks and a fixed seed keep them stable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.helpers import key_for_choice, open_bank, settle, ui_app

SnapCompare = Callable[..., bool]


pytestmark = pytest.mark.usefixtures("in_banks_folder")


def planets_app() -> object:
    return ui_app(Path("ui-broken.yaml"), Path("ui-markup.yaml"), Path("ui-planets.yaml"))


async def loaded(pilot: Pilot[object]) -> None:
    await settle(pilot)


def test_home_screen_with_a_broken_bank_highlighted(snap_compare: SnapCompare) -> None:
    assert snap_compare(planets_app(), run_before=loaded)


def test_home_screen_with_a_good_bank_highlighted(snap_compare: SnapCompare) -> None:
    assert snap_compare(planets_app(), run_before=loaded, press=["end"])


def test_question(snap_compare: SnapCompare) -> None:
    async def first_question(pilot: Pilot[object]) -> None:
        await open_bank(pilot, "UI planets")

    assert snap_compare(planets_app(), run_before=first_question)


def test_feedback_after_a_wrong_answer(snap_compare: SnapCompare) -> None:
    async def wrong_answer(pilot: Pilot[object]) -> None:
        session = await open_bank(pilot, "UI planets")
        await pilot.press(key_for_choice(session, "Jupiter"), "enter")
        await settle(pilot)

    assert snap_compare(planets_app(), run_before=wrong_answer)
