"""The files of the bank cache: a small JSON summary and a pickled `Bank` per bank file.

Both are written atomically (a temporary file, then `os.replace`), so a reader sees the old file
or the new one, never half of one. The pickle names each model class and passes its fields
positionally, so loading it calls the dataclass constructors directly instead of going through the
slower `__setstate__` that frozen slotted dataclasses get.
"""

from __future__ import annotations

import gc
import io
import pickle
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from quizapp.core.model import (
    Bank,
    Choice,
    ExamSpec,
    Gap,
    MatchPair,
    Misconception,
    NumericAnswer,
    Question,
    TextAnswer,
)

_MODEL = (
    Bank,
    Question,
    Choice,
    TextAnswer,
    NumericAnswer,
    Gap,
    MatchPair,
    Misconception,
    ExamSpec,
)


def _reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = [f.name for f in fields(cls)]
    get = attrgetter(*names)
    return lambda obj: (cls, get(obj))


_DISPATCH = {cls: _reducer(cls) for cls in _MODEL}


def dump_bank(key: dict[str, Any], bank: Bank) -> bytes:
    """The pickle of `bank`, headed by the cache `key` it is valid for."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = _DISPATCH  # type: ignore[assignment]
    pickler.dump((key, bank))
    return buffer.getvalue()


def load_bank_pickle(path: Path, key: dict[str, Any]) -> Bank | None:
    """The bank pickled at `path` if it was stored under `key`; None when stale or unreadable."""
    paused = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as handle:
            stored_key, bank = pickle.load(handle)
    except Exception:  # a corrupt or foreign cache file is only a cache miss
        return None
    finally:
        if paused:
            gc.enable()
    return bank if stored_key == key and isinstance(bank, Bank) else None
