"""Control characters are data, never text: importers drop them and say where.

A question bank is shown in a terminal, where an escape (ESC, U+001B), a bell or a C1 control can
move the cursor or change colours, and a bidirectional override (U+202A-U+202E, U+2066-U+2069)
can make text read backwards. No question needs them, so every importer drops them from the text
it reads (tab and line breaks are kept) and reports each line where it did, as
"dropped control character U+001B".
"""

from __future__ import annotations

from quizapp.core.formats.common import Note
from quizapp.core.visible import CONTROLS


def dropped(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` without its control characters, and their code points (`U+001B`), once each."""
    found = CONTROLS.findall(text)
    if not found:
        return text, ()
    names = tuple(dict.fromkeys(f"U+{ord(char):04X}" for char in found))
    return CONTROLS.sub("", text), names


def message(names: tuple[str, ...]) -> str:
    """ "dropped control character U+001B" (or "characters U+001B, U+0007")."""
    plural = "s" if len(names) > 1 else ""
    return f"dropped control character{plural} {', '.join(names)}"


def drop_controls(text: str, first_line: int = 1) -> tuple[str, list[Note]]:
    """`text` without control characters, and a note for each line that held some."""
    if CONTROLS.search(text) is None:
        return text, []
    notes: list[Note] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        cleaned, names = dropped(line)
        if names:
            lines[number] = cleaned
            notes.append(Note(first_line + number, message(names)))
    return "\n".join(lines), notes
