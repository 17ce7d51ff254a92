"""HTML from Moodle (GIFT), Anki notes or CSV files turned into the plain text a bank holds.

The text is laid out as a browser would show it, without styling: runs of white space collapse to
one space (except inside `<pre>`), `<br>` is a line break, blocks (`<p>`, `<div>`, list items,
headings, table rows...) start on a line of their own, list items get a `- `, entities are
unescaped, a link keeps its address as `text (url)`, and scripts, styles and comments are dropped.
An image is shown by its alt text (else its file name) in brackets, `[Moodle logo]`, as Moodle's own
html_to_text does, so a side that is only a picture still says something; images, audio and video
are also collected by file name so the importer can report them: the files themselves are not
part of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol"),
        *("p", "section", "table", "tbody", "thead", "tr", "ul"),
    }
)
_MEDIA = frozenset({"audio", "video", "source", "object", "embed"})
_SKIPPED = frozenset({"script", "style", "head", "title"})
#: HTML's white space: what a browser collapses (a non-breaking space is not part of it).
_SPACES = re.compile(r"[ \t\n\r\f]+")
#: Links whose address is worth keeping next to their text.
_ADDRESSES = ("http:", "https:", "mailto:")
#: A tag or an entity: text without either is not treated as HTML by `looks_like_html`.
_HTML_SIGN = re.compile(
    r"</?(?:br|div|p|b|i|u|s|em|strong|span|font|img|sub|sup|ul|ol|li|a|hr|table|tr|td|code|pre)"
    r"\b[^>]*>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PlainText:
    """An HTML fragment as plain text, and the media it showed (file names, in order)."""

    text: str
    images: tuple[str, ...]
    media: tuple[str, ...]
    """Audio, video and embedded objects."""

    @property
    def left_out(self) -> tuple[str, ...]:
        """Every image and medium, images first."""
        return self.images + self.media


class _Layout(HTMLParser):
    """Collects the text of an HTML fragment as a browser would lay it out, without styling."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.images: list[str] = []
        self.media: list[str] = []
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
            name = _file_name(found.get("src") or found.get("alt") or "an image")
            self.images.append(name)
            # What the picture shows stays in the text, as Moodle's html_to_text writes it.
            alt = " ".join((found.get("alt") or "").split())
            self.handle_data(f"[{alt or name}]")
        elif tag in _MEDIA:
            source = found.get("src") or found.get("data")
            if source:
                self.media.append(_file_name(source))
        elif tag == "a":
            self._links.append((found.get("href") or "", len(self.out)))
        elif tag in _BLOCKS:
            self._break()
            if tag == "li":
                self.out.append("- ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":  # `<a/>` opens no link that a closing tag would end
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
            if href.startswith(_ADDRESSES) and href not in shown:
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
        # Collapsing goes across tags: `a <b> b</b>` shows one space, and none starts a line.
        if not self.out or self.out[-1].endswith(("\n", " ")):
            data = data.lstrip(" ")
        if data:
            self.out.append(data)


def _file_name(source: str) -> str:
    """The last part of a path or address (`@@PLUGINFILE@@/map.png` -> `map.png`)."""
    return source.rsplit("/", 1)[-1] or source


def convert_html(html: str) -> PlainText:
    """The plain text of an HTML fragment, with the images and media it showed."""
    parser = _Layout()
    parser.feed(html)
    parser.close()
    return PlainText(tidy("".join(parser.out)), tuple(parser.images), tuple(parser.media))


def html_to_text(html: str) -> tuple[str, tuple[str, ...]]:
    """The plain text of `html`, and the file names of the images and media it showed."""
    plain = convert_html(html)
    return plain.text, plain.left_out


def looks_like_html(text: str) -> bool:
    """True when `text` holds a common HTML tag or an entity (`<br>`, `&amp;`)."""
    return _HTML_SIGN.search(text) is not None


def tidy(text: str) -> str:
    """Non-breaking spaces made spaces, spaces at line ends removed, at most one blank line."""
    text = text.replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return joined.strip()
