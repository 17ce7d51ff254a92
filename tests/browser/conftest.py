"""The browser tests' Chromium: Debian's `chromium` package driven by Playwright for Python.

No browser can be downloaded here, so `playwright install` is never run: Playwright starts the
system's Chromium (`executable_path`). `.ci/run` installs the package when it is missing, so these
tests always run; a machine without it fails them, saying so, rather than skipping them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS
from tests.browser.tabs import Browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium, with a fresh profile, for the tests of a module."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (as .ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1000, "height": 640},
        )
        try:
            yield Browser(context, tmp_path_factory.mktemp("screenshots"))
        finally:
            context.close()
