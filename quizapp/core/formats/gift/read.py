"""Reading GIFT text into quizapp questions: blocks, comments, categories, titles and prompts.

A question is a run of non-blank lines (Moodle's rule); lines starting with `//` are comments,
wherever they are, and an `[id:...]` or `[tag:...]` in a comment belongs to the question of its
run. `$CATEGORY: $course$/top/Unit 1/Loops` sets the topic of the questions after it to the path
below `top`, its parts joined with " / " ("Unit 1 / Loops"), so two sections of the same name in
different units stay apart. Answer blocks are read by `answers`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.bank import GAP_RE, ID_RE
from quizapp.core.formats.common import Note, slugify
from quizapp.core.formats.gift.answers import (
    Context,
    Skip,
    choices,
    is_matching,
    is_true_false,
    matching,
    numeric,
    true_false,
    typed,
)
from quizapp.core.formats.gift.text import hide_escapes, render, show, split_format
from quizapp.core.model import Gap, Question, QuestionType

#: The name of the one gap of a missing-word question read as a cloze.
GAP_NAME = "blank"
#: What stands in the prompt where the answer block of a missing-word question was.
BLANK = "_____"
_SPOT = "\ufdef"  # where the block was, while the prompt is rendered
_META_RE = re.compile(r"\[(id|tag):([^\]]*)\]")
_CONTEXT_RE = re.compile(r"\$\w+\$")


@dataclass
class _Block:
    """A run of non-blank lines: its text lines (escapes hidden) and its comment lines."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)


def read_gift(text: str) -> tuple[list[Question], list[Note]]:
    """The questions of a GIFT text (line endings already `\\n`) and what was left out."""
    notes: list[Note] = []
    questions: list[Question] = []
    ids = _Ids()
    topic = ""
    for block in _blocks(text, notes):
        given, given_at, tags = _metadata(block, notes)
        lines = block.lines
        if lines and lines[0][1].lstrip().startswith("$CATEGORY:"):
            topic = topic_of(show(lines[0][1].lstrip()[len("$CATEGORY:") :]))
            lines = lines[1:]
        if not lines:
            if given or tags:
                where = block.comments[0][0]
                notes.append(Note(where, "an [id:] or [tag:] comment with no question after it"))
            continue
        read = _question(lines, notes)
        if read is None:
            continue
        fields, title = read
        qid = ids.make(given, title, given_at, notes)
        questions.append(Question(id=qid, topic=topic, tags=tags, **fields))
    return questions, notes


def topic_of(category: str) -> str:
    """The topic for a `$CATEGORY:` path: the parts below `$course$/top`, joined with " / "."""
    parts = [
        " ".join(part.replace("\0", "/").split())
        for part in category.replace("//", "\0").split("/")
    ]
    if parts and _CONTEXT_RE.fullmatch(parts[0]):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    return " / ".join(part for part in parts if part)


def category_of(topic: str) -> str:
    """The `$CATEGORY:` path that `topic_of` reads back as `topic` (a "/" in a name doubled)."""
    parts = [" ".join(part.split()).replace("/", "//") for part in topic.split(" / ")]
    parts = [part for part in parts if part]
    return "/".join(["$course$", "top", *parts])


def _blocks(text: str, notes: list[Note]) -> Iterator[_Block]:
    block = _Block()
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if not stripped:
            if block.lines or block.comments:
                yield block
                block = _Block()
        elif stripped.startswith("//"):
            block.comments.append((number, stripped))
        else:
            hidden, removed = hide_escapes(raw)
            if removed:
                notes.append(Note(number, "characters U+FDD0..U+FDEF (not text) are left out"))
            block.lines.append((number, hidden))
    if block.lines or block.comments:
        yield block


def _metadata(block: _Block, notes: list[Note]) -> tuple[str, int, tuple[str, ...]]:
    """The `[id:...]` (and its line) and the `[tag:...]`s in the comments of a block."""
    given, given_at = "", 0
    tags: list[str] = []
    for number, comment in block.comments:
        for kind, value in _META_RE.findall(comment):
            value = value.strip()
            if not value:
                continue
            if kind == "tag":
                if value not in tags:
                    tags.append(value)
            elif given and value != given:
                notes.append(Note(number, f"a second id '{value}' is left out (kept '{given}')"))
            else:
                given, given_at = value, number
    return given, given_at, tuple(tags)


def _question(lines: list[tuple[int, str]], notes: list[Note]) -> tuple[dict[str, Any], str] | None:
    """The fields of one question and its title, or None (with a note) when it is left out."""
    starts = list(_offsets(lines))
    text = "\n".join(line for _, line in lines)

    def line_of(at: int) -> int:
        return lines[max(0, bisect.bisect_right(starts, at) - 1)][0]

    start = len(text) - len(text.lstrip())
    title = ""
    if text.startswith("::", start):
        end = text.find("::", start + 2)
        if end == -1:
            notes.append(Note(line_of(start), "the title has no closing `::`; read as text"))
            start += 2
        else:
            title = show(text[start + 2 : end]).strip()
            start = end + 2
    opening, closing = text.find("{", start), text.find("}", start)
    if opening == -1 and closing == -1:
        message = "a description (text with no answer block) is not a question: left out"
        notes.append(Note(line_of(start), message))
        return None
    problem = _braces(text, opening, closing)
    if problem:
        notes.append(Note(line_of(problem[0]), f"question left out: {problem[1]}"))
        return None
    closing = text.find("}", opening)
    head, tail = text[start:opening], text[closing + 1 :]
    fmt, head = split_format(head.lstrip(), "moodle")
    body, body_at, explanation_at = text[opening + 1 : closing], opening + 1, closing
    general = body.rfind("####")
    explanation = ""
    if general != -1:
        explanation_at = body_at + general
        explanation, body = body[general + 4 :], body[:general]
    body_at += len(body) - len(body.lstrip())
    body = body.strip()
    ctx = Context(fmt, line_of)
    try:
        fields = _answers(body, body_at, ctx, bool(tail.strip()))
    except Skip as skip:
        notes.append(Note(line_of(skip.at), f"question left out: {skip.message}"))
        return None
    if fields is None:
        notes.append(Note(line_of(opening), "an essay question (`{}`) cannot be graded: left out"))
        return None
    prompt = _prompt(head, tail, ctx, fields, opening)
    if not prompt.strip():
        notes.append(Note(line_of(start), "question left out: it has no text"))
        return None
    fields.update(prompt=prompt, explanation=ctx.text(explanation, explanation_at))
    fields["line"] = lines[0][0]
    notes.extend(ctx.notes)
    return fields, title


def _offsets(lines: list[tuple[int, str]]) -> Iterator[int]:
    at = 0
    for _, line in lines:
        yield at
        at += len(line) + 1


def _braces(text: str, opening: int, closing: int) -> tuple[int, str] | None:
    """Where and why the braces of a question do not make one answer block (None when they do)."""
    if opening == -1:
        return closing, "`}` with no `{` before it (write \\} for a brace in text)"
    if closing != -1 and closing < opening:
        return closing, "`}` before the answer block (write \\} for a brace in text)"
    closing = text.find("}", opening)
    if closing == -1:
        return opening, "`{` with no closing `}`"
    second = text.find("{", closing)
    if second != -1:
        return second, "a second answer block (GIFT has one per question; write \\{ in text)"
    stray = text.find("}", closing + 1)
    if stray != -1:
        return stray, "a `}` after the answer block (write \\} for a brace in text)"
    return None


def _answers(body: str, at: int, ctx: Context, embedded: bool) -> dict[str, Any] | None:
    """The type-specific fields for an answer block (None for an essay), as Moodle tells types."""
    if not body:
        return None
    if body.startswith("#"):
        return numeric(body, at, ctx)
    if "~" in body:
        return choices(body, at, ctx)
    if "=" in body and is_matching(body, at):
        return matching(body, at, ctx)
    if is_true_false(body):
        return true_false(body, at, ctx)
    answers, otherwise = typed(body, at, ctx)
    if embedded:
        return {"type": QuestionType.CLOZE, "gaps": (Gap(GAP_NAME, answers, False, otherwise),)}
    return {"type": QuestionType.SHORT, "answers": answers, "otherwise": otherwise}


def _prompt(head: str, tail: str, ctx: Context, fields: dict[str, Any], opening: int) -> str:
    """The question text; a missing word leaves a blank (a `{{blank}}` gap in a cloze)."""

    def left_out(message: str) -> None:
        ctx.note(opening, message)

    if not tail.strip():
        return render(head, ctx.fmt, left_out)
    rendered = render(head + _SPOT + tail, ctx.fmt, left_out)
    if fields["type"] is QuestionType.CLOZE:
        gapped = rendered.replace(_SPOT, "{{" + GAP_NAME + "}}")
        if [found.group(1).strip() for found in GAP_RE.finditer(gapped)] == [GAP_NAME]:
            return gapped
        # Braces in the text would read as more gaps: keep the blank in a short-answer question.
        fields["type"] = QuestionType.SHORT
        gap = fields.pop("gaps")[0]
        fields.update(answers=gap.answers, otherwise=gap.otherwise)
    return rendered.replace(_SPOT, BLANK)


class _Ids:
    """Question ids: a valid `[id:]` as given, else a slug of it or of the title, else q<n>."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._count = 0

    def make(self, given: str, title: str, line: int, notes: list[Note]) -> str:
        self._count += 1
        base = given if ID_RE.match(given) else slugify(given)
        base = base or slugify(title) or f"q{self._count}"
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        if given and candidate != given:
            notes.append(Note(line, f"the id '{given}' is taken or not valid: using '{candidate}'"))
        return candidate
