"""Reading a Moodle XML file safely into a small tree that knows the line of every element.

Files people are sent can be hostile: a "billion laughs" entity bomb or an external entity that
reads a local file. The parser is defusedxml's, told to refuse any document type declaration and
any entity declaration or reference before expat expands it; a file that is not well-formed is
refused with the line and column expat gives. The tree is quizapp's own (`Node`), built as expat
reads, so that every element keeps the line its start tag is on, for notes.

Text is decoded first (UTF-8, or the encoding the XML declaration names), control characters are
dropped with a note per line (`controls`), and the cleaned text is handed to the parser as UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from quizapp.core.formats.common import FormatError, Note, decode_text
from quizapp.core.formats.controls import drop_controls

_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_DECLARED = re.compile(r"\A(\ufeff?<\?xml[^>]*?encoding=[\"'])([A-Za-z0-9._-]+)([\"'])")


@dataclass
class Node:
    """One element: its tag, attributes, the line of its start tag, its text and children."""

    tag: str
    attrib: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The element's own text (CDATA included, entities decoded), not its children's."""
        return "".join(self.parts)

    def find(self, tag: str) -> Node | None:
        """The first child called `tag`."""
        return next((child for child in self.children if child.tag == tag), None)

    def findall(self, tag: str) -> list[Node]:
        """Every child called `tag`, in order."""
        return [child for child in self.children if child.tag == tag]

    def value(self, tag: str, default: str = "") -> str:
        """The trimmed text of the first child `tag` (`<single>true</single>`), or `default`."""
        child = self.find(tag)
        return default if child is None else child.text.strip()

    def inner(self, tag: str) -> str:
        """The trimmed text of `<tag><text>...</text></tag>` ('' when either is missing)."""
        child = self.find(tag)
        return "" if child is None else child.value("text")


class _Builder:
    """The parser's target: builds `Node`s, each with the line expat is on at its start tag."""

    def __init__(self) -> None:
        self.parser: DefusedXMLParser | None = None
        self.stack: list[Node] = []
        self.root: Node | None = None

    def line(self) -> int:
        expat = getattr(self.parser, "parser", None)
        return int(getattr(expat, "CurrentLineNumber", 0))

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        node = Node(tag, dict(attrib), self.line())
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, data: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(data)

    def close(self) -> Node | None:
        return self.root


def decoded(data: bytes) -> str:
    """The text of an XML file: in the encoding its declaration names, else UTF-8."""
    declared = _DECLARATION.match(data)
    name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if name.replace("_", "-") in ("utf-8", "utf8"):
        return decode_text(data)
    try:
        text = data.decode(name)
    except LookupError:
        raise FormatError(f"the XML declaration names an unknown encoding '{name}'", 1) from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FormatError(f"not {name} text as declared (byte at line {line})", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(data: bytes) -> tuple[Node, list[Note]]:
    """The root element of the XML file `data`, and the control characters dropped from it.

    FormatError, with the line, when it is not well-formed or declares a DTD or entities.
    """
    text, notes = drop_controls(decoded(data))
    text = _DECLARED.sub(lambda m: m.group(1) + "UTF-8" + m.group(3), text, count=1)
    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(text.lstrip("\ufeff").encode("utf-8"))
        root = parser.close()
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(": line", 1)[0]
        message = f"not well-formed XML at line {line}, column {column + 1}: {reason}"
        raise FormatError(message, line) from None
    except DTDForbidden:
        line = builder.line()
        message = "the file declares a document type (<!DOCTYPE ...>), which Moodle XML never has"
        raise FormatError(f"{message}: refused (it can hide entity tricks)", line) from None
    except (EntitiesForbidden, ExternalReferenceForbidden):
        line = builder.line()
        message = "the file declares or refers to XML entities: refused (an XML bomb or a leak)"
        raise FormatError(message, line) from None
    if not isinstance(root, Node):
        raise FormatError("the file holds no XML element", 1)
    return root, notes
