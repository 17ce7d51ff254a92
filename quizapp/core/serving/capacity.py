"""How many students one machine can serve: memory per app process, and the default limit.

Every browser tab is an app process of its own (textual-serve's model), and memory is what runs
out first. `SESSION_MIB` is the resident memory of one student's app process measured on a mock
exam (`benchmarks/bench_serve.py` measures it again, with the figures in the README). The default
`--max-sessions` gives the students half of the memory available when the server starts, so the
machine and the instructor's own programs keep the rest.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["SESSION_MIB", "available_memory", "default_max_sessions", "resident_memory"]

#: Resident memory of one student's app process, in MiB (measured; see the module docstring).
SESSION_MIB = 55

_MIB = 1 << 20


def _kib_field(path: Path, name: str) -> int | None:
    """A `Name:   1234 kB` field of a /proc file, in bytes (None when unreadable)."""
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key == name:
            number = value.split()[0] if value.split() else ""
            return int(number) * 1024 if number.isdigit() else None
    return None


def available_memory() -> int | None:
    """Bytes of memory available for new programs (Linux's MemAvailable), None when unknown."""
    return _kib_field(Path("/proc/meminfo"), "MemAvailable")


def resident_memory(pid: int) -> int | None:
    """Bytes of memory process `pid` holds (its VmRSS), None when unknown (or gone)."""
    return _kib_field(Path(f"/proc/{pid}/status"), "VmRSS")


def default_max_sessions(available: int | None, per_session_mib: int = SESSION_MIB) -> int:
    """The sessions half of `available` bytes holds, at least 1; 20 when memory is unknown."""
    if available is None:
        return 20
    return max(1, available // 2 // (per_session_mib * _MIB))
