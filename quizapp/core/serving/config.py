"""The settings of a class session, as the server hands them to each student's app process.

`quizapp serve` writes one `ServedConfig` as JSON into a private temporary folder (the file
readable by its owner only) and starts every app process with that file's path: nothing a
browser sends reaches these settings. The join code itself is not in it: the server checks codes.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from quizapp.core.study import Mode, SessionConfig

__all__ = ["SERVED_MODES", "ServedConfig", "read_config", "write_config"]

#: The sessions an instructor can fix for the class (`--mode`).
SERVED_MODES = tuple(mode.value for mode in Mode)


@dataclass(frozen=True, slots=True)
class ServedConfig:
    """What every student's app is started with."""

    banks: tuple[str, ...]
    """The bank files and folders served (absolute paths)."""
    results_dir: str
    """Where each student's answers are written, one JSON Lines file each."""
    mode: str | None = None
    """The session every student goes straight into (`SERVED_MODES`); None: the home screen."""
    count: int | None = None
    """Questions in that session (None: the banks' exam, else all)."""
    time_limit: float | None = None
    """Minutes, for an exam (None: the banks' limit; 0: untimed)."""
    code_required: bool = False
    """True when a student who did not come with the code in the address must type it."""
    cache_dir: str | None = None
    """The cache of validated banks the processes share (None: none)."""
    title: str = "quizapp class session"
    about: str = ""
    """What the student goes into, in a sentence, for the sign-in screen (`describe_session`)."""
    seed: int | None = None
    """Fixes every session's shuffles (None: each student's are different)."""

    def __post_init__(self) -> None:
        if self.mode is not None and self.mode not in SERVED_MODES:
            raise ValueError(f"unknown mode {self.mode!r}; use one of {', '.join(SERVED_MODES)}")
        if self.count is not None and self.count < 1:
            raise ValueError(f"a session needs at least one question, not {self.count}")
        if self.time_limit is not None and self.time_limit < 0:
            raise ValueError(f"the time limit cannot be negative ({self.time_limit})")

    def session_config(self) -> SessionConfig | None:
        """The session every student starts (None: no mode is fixed, they choose at home)."""
        if self.mode is None:
            return None
        limit = self.time_limit if self.mode == Mode.EXAM else None
        return SessionConfig(
            mode=Mode(self.mode), count=self.count, time_limit_minutes=limit, seed=self.seed
        )

    def to_dict(self) -> dict[str, Any]:
        """The settings as JSON values."""
        values = asdict(self)
        values["banks"] = list(self.banks)
        return values

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ServedConfig:
        """Settings from `to_dict`'s values; raises ValueError (or TypeError) when they are bad."""
        banks = values.get("banks")
        if not isinstance(banks, list) or not all(isinstance(b, str) for b in banks):
            raise ValueError("banks: expected a list of paths")
        if not isinstance(values.get("results_dir"), str):
            raise ValueError("results_dir: expected a path")
        known = {name: values[name] for name in cls.__dataclass_fields__ if name in values}
        known["banks"] = tuple(banks)
        return cls(**known)


def write_config(config: ServedConfig, path: Path) -> None:
    """Write `config` to `path`, readable and writable by its owner only."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        json.dump(config.to_dict(), out, indent=2)


def read_config(path: Path) -> ServedConfig:
    """The settings in `path`; raises OSError, or ValueError for a file that is not settings."""
    values = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(values, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return ServedConfig.from_dict(values)
