"""HTML from Anki notes, Moodle or CSV files turned into the plain text a bank holds.

Line breaks (`<br>`, the ends of `<div>`, `<p>` and list items) become newlines, entities are
unescaped, other tags are dropped, and images, audio and video are collected by file name so the
importer can report them: media are never imported.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BREAKS = frozenset({"br", "hr"})
_BLOCKS = frozenset(
    {"div", "p", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
)
_MEDIA = frozenset({"img", "audio", "video", "source", "object", "embed"})
_SKIPPED = frozenset({"script", "style"})
#: A tag or an entity: text without either is not treated as HTML by `looks_like_html`.
_HTML_SIGN = re.compile(
    r"</?(?:br|div|p|b|i|u|s|em|strong|span|font|img|sub|sup|ul|ol|li|a|hr|table|tr|td|code|pre)"
    r"\b[^>]*>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BREAKS:
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self._block_break()
            if tag == "li":
                self.parts.append("- ")
        elif tag in _MEDIA:
            source = dict(attrs).get("src") or dict(attrs).get("data")
            if source:
                self.media.append(source)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._block_break()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)

    def _block_break(self) -> None:
        if self.parts and not "".join(self.parts[-2:]).endswith("\n"):
            self.parts.append("\n")


def html_to_text(html: str) -> tuple[str, tuple[str, ...]]:
    """The plain text of `html`, and the file names of the media it shows (not imported)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return tidy("".join(parser.parts)), tuple(parser.media)


def looks_like_html(text: str) -> bool:
    """True when `text` holds a common HTML tag or an entity (`<br>`, `&amp;`)."""
    return _HTML_SIGN.search(text) is not None


def tidy(text: str) -> str:
    """Non-breaking spaces made spaces, spaces at line ends removed, at most one blank line."""
    text = text.replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return joined.strip()
