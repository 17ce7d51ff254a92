"""Package faces that cost nothing until used.

Each room of quizapp (`quizapp.core.bank`, `quizapp.core.progress`...) has an `__init__` that is
its face: the names other rooms import from it. A face must not import its modules when it is
itself imported, or merely naming a light type (a `Problem`, the default new-card limit) would
load YAML, SQLite and the scheduler on the app's start-up path. So a face lists where each name
lives, for the type checker under `TYPE_CHECKING`, and `lazy_names` imports the module on first
use (PEP 562's module `__getattr__`).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package`: each name of `homes` from its module there."""

    def attribute(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return attribute
