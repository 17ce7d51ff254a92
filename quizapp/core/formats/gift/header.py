"""The comments at the top of a GIFT file that quizapp's export writes and its import reads.

    // Earth and sky
    // Exported from the quizapp bank 'earth-and-sky'.
    // Misconception 'bigger-is-closer': The planet that looks biggest must be the closest ...

Moodle skips comments, so the file imports there as it is; quizapp reads back the bank's title,
its id, and the id of each misconception (the summary in an answer's feedback says which).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.model import Bank

_EXPORTED = re.compile(r"^//\s*Exported from the quizapp bank '([A-Za-z0-9_.-]+)'\.\s*$")
_MISCONCEPTION = re.compile(r"^//\s*Misconception '([A-Za-z0-9_.-]+)':\s*(\S.*?)\s*$")


@dataclass(frozen=True, slots=True)
class Header:
    """What the leading comments say: '' and {} when they are not quizapp's."""

    title: str = ""
    bank_id: str = ""
    misconceptions: dict[str, str] = field(default_factory=dict)
    """Summary (spaces collapsed) -> misconception id."""


def write_header(bank: Bank) -> str:
    """The leading comments for `bank`, ending with a blank line."""
    title = " ".join(bank.title.split())
    lines = [f"// {title}", f"// Exported from the quizapp bank '{bank.id}'."]
    for misconception in bank.misconceptions.values():
        summary = " ".join(misconception.summary.split())
        lines.append(f"// Misconception '{misconception.id}': {summary}")
    return "\n".join(lines) + "\n\n"


def read_header(text: str) -> Header:
    """The header at the top of GIFT `text`; an empty `Header` when it has none."""
    lines: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        lines.append(stripped)
    if len(lines) < 2:
        return Header()
    exported = _EXPORTED.match(lines[1])
    if exported is None:
        return Header()
    known: dict[str, str] = {}
    for line in lines[2:]:
        found = _MISCONCEPTION.match(line)
        if found:
            known.setdefault(" ".join(found.group(2).split()), found.group(1))
    return Header(lines[0][2:].strip(), exported.group(1), known)
