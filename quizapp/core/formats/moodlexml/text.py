"""Moodle XML texts as the plain text a bank holds, and the files embedded beside them.

A text element is `<questiontext format="html"><text>...</text><file .../></questiontext>`. Its
format says how Moodle shows it:

- `html` (and any format Moodle does not know, which it reads as HTML): laid out as a browser
  shows it (`htmltext`), an image by its alt text in brackets (`[Moodle logo]`), as Moodle's own
  html_to_text does;
- `moodle_auto_format`: HTML is allowed and every line break is a break (Moodle adds `<br>`);
- `markdown`: the emphasis, heading, code and list marks taken off, links as `text (url)`;
- `plain_text` and `wiki_like`: as written.

`<file name="..." encoding="base64">` elements are decoded into `MediaFile`s, under a plain file
name (no folder, nothing hidden), for the command line to save with `--media DIR`.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass, field

from quizapp.core.formats.common import MediaFile, Note
from quizapp.core.formats.htmltext import convert_html, tidy
from quizapp.core.formats.moodlexml.parse import Node

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_BULLET = re.compile(r"^(\s*)[*+-]\s+", re.MULTILINE)
_MD_BREAK = re.compile(r" {2,}$", re.MULTILINE)
_UNSAFE = re.compile(r"[^\w.\- ()+,]+")


@dataclass
class Context:
    """What reading one question collects: notes, embedded files, and the line to put them at."""

    line: int
    notes: list[Note] = field(default_factory=list)
    media: list[MediaFile] = field(default_factory=list)

    def note(self, message: str) -> None:
        """Something of the question not carried over."""
        self.notes.append(Note(self.line, message))


def as_plain(raw: str, fmt: str) -> str:
    """The plain text of `raw`, written in the Moodle text format `fmt`."""
    fmt = fmt.strip()
    if fmt in ("plain_text", "wiki_like"):
        return raw.strip()
    if fmt == "markdown":
        return markdown_to_text(raw)
    if fmt == "moodle_auto_format":
        raw = raw.strip().replace("\n", "<br>")
    return convert_html(raw).text


def text_of(node: Node | None, default_format: str, ctx: Context) -> str:
    """The plain text of a text element (`<questiontext format=...><text>`), files collected."""
    if node is None:
        return ""
    collect_files(node, ctx)
    return as_plain(node.value("text"), node.attrib.get("format", default_format))


def collect_files(node: Node, ctx: Context) -> None:
    """Decode the `<file>` children of `node` into `ctx.media`."""
    for item in node.findall("file"):
        name = safe_name(item.attrib.get("name", ""))
        if item.attrib.get("encoding", "base64") != "base64":
            ctx.note(f"the file '{name}' is not base64-encoded: not saved")
            continue
        try:
            data = base64.b64decode("".join(item.text.split()), validate=True)
        except (binascii.Error, ValueError):
            ctx.note(f"the file '{name}' is damaged (not base64): not saved")
            continue
        ctx.media.append(MediaFile(name, data, item.line))


def legacy_image(question: Node, ctx: Context) -> str:
    """Moodle 1.9's `<image>` + `<image_base64>`: the file collected, `[name]` for the text."""
    name = question.value("image")
    payload = question.value("image_base64")
    if not name or not payload:
        return ""
    clean = safe_name(name.replace("/", "_"))
    try:
        data = base64.b64decode("".join(payload.split()), validate=True)
    except (binascii.Error, ValueError):
        ctx.note(f"the image '{clean}' is damaged (not base64): not saved")
        return f"[{clean}]"
    ctx.media.append(MediaFile(clean, data, question.line))
    return f"[{clean}]"


def safe_name(name: str) -> str:
    """A file name that cannot leave the folder it is saved in: no path, not hidden."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base).strip()
    base = _UNSAFE.sub("_", base).lstrip(".").strip()
    return base[:120] or "file"


def markdown_to_text(text: str) -> str:
    """Markdown as the plain text it reads as: marks dropped, links as `text (url)`."""
    text = text.replace("\r\n", "\n")
    text = _MD_IMAGE.sub(lambda m: f"[{m.group(1) or m.group(2).rsplit('/', 1)[-1]}]", text)
    text = _MD_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_BULLET.sub(r"\1- ", text)
    text = _MD_BREAK.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
    text = text.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")
    return tidy(text)


def category_parts(path: str) -> list[str]:
    """The names of a category path (`$course$/top/Unit 1/Loops` -> Unit 1, Loops).

    The context (`$course$`, `$system$`...) and Moodle's hidden `top` are not names; a `/` in a
    name is written `//`.
    """
    parts = [" ".join(p.replace("\0", "/").split()) for p in path.replace("//", "\0").split("/")]
    if parts and re.fullmatch(r"\$\w+\$", parts[0]):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    return [part for part in parts if part]


def category_path(parts: list[str]) -> str:
    """The path `category_parts` reads back as `parts`, under the course's `top`."""
    return "/".join(["$course$", "top", *(part.replace("/", "//") for part in parts)])
