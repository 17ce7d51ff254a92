"""GIFT text: escapes, the `[html]`/`[markdown]`/`[plain]`/`[moodle]` prefixes, HTML as plain text.

Reading hides every escape (`\\~ \\= \\# \\{ \\} \\: \\\\ \\n`) behind a stand-in character
before any GIFT rule looks at the text, as Moodle does with its placeholders, so an escaped `=`
never splits answers; `show` turns the stand-ins back into the characters. The stand-ins are Unicode
noncharacters (U+FDD0...), which no text file holds; `hide_escapes` removes and reports any.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizapp.core.formats.htmltext import convert_html

#: The characters a backslash escapes in GIFT (`n` stands for a line break).
ESCAPED = "\\~=#{}:n"
_HIDE = {char: chr(0xFDD0 + index) for index, char in enumerate(ESCAPED)}
_SHOW = str.maketrans({hidden: ("\n" if char == "n" else char) for char, hidden in _HIDE.items()})
_ESCAPE_RE = re.compile(r"\\([\\~=#{}:n])")
#: Noncharacters: the stand-ins and the reader's own markers; never text, so removed.
_STAND_INS_RE = re.compile("[\ufdd0-\ufdef]")

#: The text formats a GIFT text may name in brackets at its start.
FORMATS = ("moodle", "html", "plain", "markdown")
_FORMAT_RE = re.compile(r"\[(moodle|html|plain|markdown)\]")


def hide_escapes(line: str) -> tuple[str, bool]:
    """`line` with its escapes hidden, and whether it held stand-in characters (now removed)."""
    cleaned = _STAND_INS_RE.sub("", line)
    return _ESCAPE_RE.sub(lambda m: _HIDE[m.group(1)], cleaned), cleaned != line


def show(text: str) -> str:
    """Hidden escapes back as the characters they stand for."""
    return text.translate(_SHOW)


def escape(text: str) -> str:
    """`text` written so that GIFT reads it back unchanged: specials escaped, breaks as `\\n`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def split_format(text: str, default: str) -> tuple[str, str]:
    """The format a (stripped) text names with a `[name]` prefix, or `default`, and the rest."""
    found = _FORMAT_RE.match(text)
    if found is None:
        return default, text
    return found.group(1), text[found.end() :]


def starts_with_format(text: str) -> bool:
    """True when `text` would be read as starting with a format prefix."""
    return _FORMAT_RE.match(text) is not None


#: Told what an HTML text showed that is not imported: "images are not imported (left out: ...)".
LeftOut = Callable[[str], None]


def render(text: str, fmt: str, left_out: LeftOut | None = None) -> str:
    """Plain text of a (hidden-escape) GIFT `text` written in `fmt`.

    HTML is turned into plain text (`htmltext`; what it showed but is not imported is told to
    `left_out`); Markdown is kept as written; Moodle and plain texts lose the spaces around each
    line, as Moodle trims them.
    """
    if fmt == "html":
        plain = convert_html(show(text.strip()))
        if plain.left_out and left_out is not None:
            kinds = [
                kind for kind, names in (("images", plain.images), ("media", plain.media)) if names
            ]
            what = " and ".join(kinds)
            kept = ", their alt text is kept" if plain.images else ""
            left_out(f"{what} are not imported{kept} (left out: {', '.join(plain.left_out)})")
        return plain.text
    if fmt == "markdown":
        return show(text.strip())
    return show("\n".join(part.strip() for part in text.split("\n")).strip())
