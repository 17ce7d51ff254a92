"""Fixtures of the UI tests."""

from __future__ import annotations

import pytest

from tests.ui.helpers import BANKS


@pytest.fixture
def in_banks_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the fixture folder and name banks relatively, so no absolute path is shown (a
    snapshot or a screen's text is then the same wherever the checkout is)."""
    monkeypatch.chdir(BANKS)


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let Pilot see sooner that the app has gone idle.

    After every key and every pause Pilot sleeps in steps of `SLEEP_GRANULARITY` (1/50 s) until
    a step passes with the process all but idle (under 1/20 of the step in CPU time): at least
    40 ms a key, most of a UI test's time. A 4 ms step keeps the same test of idleness (the
    same share of the step) and makes the UI tests about a third faster.
    """
    import textual._wait as wait

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 0.004)
    monkeypatch.setattr(wait, "SLEEP_IDLE", 0.004 / 20)
