"""Fixtures of the UI tests."""

from __future__ import annotations

import pytest

from tests.ui.helpers import BANKS


@pytest.fixture
def in_banks_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the fixture folder and name banks relatively, so no absolute path is shown (a
    snapshot or a screen's text is then the same wherever the checkout is)."""
    monkeypatch.chdir(BANKS)
