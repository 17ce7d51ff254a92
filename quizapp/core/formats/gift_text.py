"""GIFT text: escapes, the `[html]`/`[markdown]`/`[plain]`/`[moodle]` prefixes, HTML as plain text.

Reading hides every escape (`\\~ \\= \\# \\{ \\} \\: \\\\ \\n`) behind a stand-in character
before any GIFT rule looks at the text, as Moodle does with its placeholders, so an escaped `=`
never splits answers; `show` turns the stand-ins back into the characters. The stand-ins are Unicode
noncharacters (U+FDD0...), which no text file holds; `hide_escapes` removes and reports any.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

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


Images = Callable[[list[str]], None]


def render(text: str, fmt: str, images: Images | None = None) -> str:
    """Plain text of a (hidden-escape) GIFT `text` written in `fmt`.

    HTML is turned into plain text (images are passed to `images`); Markdown is kept as written;
    Moodle and plain texts lose the spaces around each line, as Moodle trims them.
    """
    if fmt == "html":
        plain, found = html_to_text(show(text.strip()))
        if found and images is not None:
            images(found)
        return plain
    if fmt == "markdown":
        return show(text.strip())
    return show("\n".join(part.strip() for part in text.split("\n")).strip())


_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "ol",
        "p",
        "section",
        "table",
        "tbody",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIPPED = frozenset({"script", "style", "head", "title"})
_SPACES = re.compile(r"[ \t\n\r\f]+")


class _PlainText(HTMLParser):
    """Collects the text of an HTML fragment as a browser would lay it out, without styling."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.images: list[str] = []
        self._pre = 0
        self._skip = 0
        self._links: list[tuple[str, int]] = []

    def _break(self) -> None:
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag == "pre":
            self._break()
            self._pre += 1
        elif tag == "img":
            source = found.get("src") or found.get("alt") or "an image"
            self.images.append(source.rsplit("/", 1)[-1] or source)
        elif tag == "a":
            self._links.append((found.get("href") or "", len(self.out)))
        elif tag in _BLOCKS:
            self._break()
            if tag == "li":
                self.out.append("- ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
            self._break()
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            shown = "".join(self.out[start:])
            if href.startswith(("http:", "https:", "mailto:")) and href not in shown:
                self.out.append(f" ({href})")
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            self.out.append(data)
            return
        data = _SPACES.sub(" ", data)
        if not self.out or self.out[-1].endswith("\n"):
            data = data.lstrip(" ")
        if data:
            self.out.append(data)


def html_to_text(html: str) -> tuple[str, list[str]]:
    """The plain text of an HTML fragment, and the file names of the images it showed."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    lines = [line.rstrip() for line in "".join(parser.out).replace("\xa0", " ").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip(), parser.images
