"""Control characters are data: found, named and shown escaped, never sent to a terminal raw.

Text from a bank, an imported file, a results file or a file name reaches the screen and the
instructor's shell. Sent raw, an escape (ESC, U+001B) could clear the screen or recolour it, an OSC
sequence retitle the terminal, a bell ring, and a bidirectional override (U+202A-U+202E,
U+2066-U+2069) make text read backwards. So the validator refuses them in banks, importers drop
them, and everything quizapp prints passes through `visible`, which writes each one as a JSON-style
escape (`\\u001b`): readable, and still valid inside the JSON that `--json` prints.
"""

from __future__ import annotations

import re

__all__ = ["CONTROLS", "CONTROL_ADVICE", "describe", "visible"]

#: C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: What a problem about a control character in a bank tells its author.
CONTROL_ADVICE = "remove it (a terminal would act on it instead of showing it)"

_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x0B: "VT",
    0x0C: "FF",
    0x0D: "CR",
    0x1B: "ESC",
    0x7F: "DEL",
    0x85: "NEL",
    0x9B: "CSI",
    0x9D: "OSC",
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
}


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


#: The same, but for a carriage return that ends a line (CSV's line ends), which is harmless.
_CONTROLS_BUT_CRLF = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def visible(text: str, *, keep_crlf: bool = False) -> str:
    """`text` with every control character written as an escape (`\\u001b`); tab and line feed
    are kept, and with `keep_crlf` a carriage return right before a line feed."""
    if CONTROLS.search(text) is None:
        return text
    return (_CONTROLS_BUT_CRLF if keep_crlf else CONTROLS).sub(_escape, text)


def describe(char: str) -> str:
    """`U+001B (ESC)`: a control character by code point, with its short name when it has one."""
    code = ord(char)
    return f"U+{code:04X} ({_NAMES[code]})" if code in _NAMES else f"U+{code:04X}"
