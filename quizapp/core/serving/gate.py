"""Who may come in: the join code of a class session and the limit on wrong tries.

A join code is made of letters and digits that cannot be mistaken for one another (no 0/O,
1/I/L); it is compared ignoring case, spaces and dashes, in constant time (both sides are hashed
first, so not even their lengths are compared). `RateLimiter` counts the wrong codes each client
address gave: after `attempts` of them within `window` seconds the address is refused for
`lockout` seconds, right code or not, so guessing a six-character code (32**6, about a billion)
would take centuries. Time is always passed in, so tests need no clock.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections import deque
from dataclasses import dataclass, field

__all__ = [
    "CODE_ALPHABET",
    "CodeError",
    "RateLimiter",
    "check_code_choice",
    "codes_match",
    "is_loopback",
    "make_join_code",
    "normalise_code",
]

#: The characters of generated codes: no 0, O, 1, I or L, which read alike.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

#: What is read of a code typed by a client; anything longer is cut here (and is then wrong).
_LONGEST = 64


class CodeError(ValueError):
    """A join code the instructor chose that cannot be used; the message says why."""


def is_loopback(host: str) -> bool:
    """True for an address only this machine reaches (127.0.0.0/8, ::1, localhost): a server
    listening there needs no join code."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_join_code(length: int = 6) -> str:
    """A random code of `length` characters from `CODE_ALPHABET`."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    """`text` as codes are compared: upper case, without spaces and dashes."""
    return "".join(c for c in text[:_LONGEST].upper() if c not in " -\t")


def check_code_choice(text: str) -> str:
    """The code an instructor gave (`--code`), normalised; raises `CodeError` when it is not
    4 to 32 letters and digits."""
    code = normalise_code(text)
    if not 4 <= len(code) <= 32 or not (code.isascii() and code.isalnum()):
        raise CodeError("a join code is 4 to 32 letters and digits (spaces and dashes ignored)")
    return code


def codes_match(given: str, expected: str) -> bool:
    """True when `given` is the join code `expected`, compared in constant time."""
    left = hashlib.sha256(normalise_code(given).encode("utf-8")).digest()
    right = hashlib.sha256(normalise_code(expected).encode("utf-8")).digest()
    return hmac.compare_digest(left, right)


@dataclass
class RateLimiter:
    """Wrong codes counted per client address, and the addresses refused for a while."""

    attempts: int = 5
    """Wrong codes allowed within `window` before the address is locked out."""
    window: float = 300.0
    lockout: float = 60.0
    max_addresses: int = 10_000
    """Addresses remembered at most; the oldest are forgotten first (memory stays bounded)."""
    _failures: dict[str, deque[float]] = field(default_factory=dict, repr=False)
    _locked: dict[str, float] = field(default_factory=dict, repr=False)

    def wait(self, address: str, now: float) -> float:
        """Seconds before `address` may try a code again (0: now)."""
        until = self._locked.get(address)
        if until is None:
            return 0.0
        if until <= now:
            del self._locked[address]
            return 0.0
        return until - now

    def failed(self, address: str, now: float) -> float:
        """Count a wrong code from `address`; returns how long it is now refused (0: not)."""
        times = self._failures.pop(address, None) or deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        times.append(now)
        if len(times) >= self.attempts:
            self._locked[address] = now + self.lockout
            times.clear()
        else:
            self._failures[address] = times  # re-inserted: the most recent last
        self._forget_oldest()
        return self.wait(address, now)

    def succeeded(self, address: str) -> None:
        """A right code from `address`: its wrong ones are forgotten."""
        self._failures.pop(address, None)

    def _forget_oldest(self) -> None:
        for table in (self._failures, self._locked):
            while len(table) > self.max_addresses:
                del table[next(iter(table))]
