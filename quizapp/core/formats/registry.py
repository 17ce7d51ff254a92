"""Which formats there are, and which one a file is in (by its extension, then its content)."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

from quizapp.core.formats.common import FormatError

#: Every format, in the order `detect_format` sniffs content (most distinctive first).
FORMAT_NAMES = ("gift", "aiken", "csv", "apkg", "moodlexml")
_SNIFF_ORDER = ("apkg", "moodlexml", "aiken", "csv", "gift")


def format_named(name: str) -> ModuleType:
    """The module of the format called `name`; FormatError when there is no such format."""
    if name not in FORMAT_NAMES:
        raise FormatError(f"unknown format '{name}' (known: {', '.join(FORMAT_NAMES)})")
    return importlib.import_module(f"quizapp.core.formats.{name}")


def detect_format(path: str, data: bytes) -> str | None:
    """The name of the format of the file at `path` holding `data`, or None when unknown.

    The extension decides when exactly one format claims it; otherwise (`.txt` is
    claimed by both GIFT and Aiken) the content is sniffed among the formats that claim it, then
    among all of them.
    """
    extension = os.path.splitext(path)[1].lower()
    modules = {name: format_named(name) for name in FORMAT_NAMES}
    claiming = [name for name, module in modules.items() if extension in module.EXTENSIONS]
    if len(claiming) == 1:
        return claiming[0]
    for candidates in (claiming, list(modules)):
        ordered = [name for name in _SNIFF_ORDER if name in candidates]
        for name in ordered:
            if modules[name].sniff(data):
                return name
    return None
