"""Reading a Moodle XML quiz into questions: each `<question>` by its type, categories as topics.

`<question type="category">` switches the category of the questions after it. When every
question sits under one top category, that category names the bank (its `<idnumber>` is the
bank's id, its description the bank's) and the levels below it make the topics, joined by " / ";
otherwise the whole path is the topic. What each question carries beside its answers: the
general feedback (the explanation), hints (joined, one a line), tags, and the `<idnumber>` (the
question's id; else a slug of its name). Description and essay items, and the types quizapp has
no form for, are left out with a note on their line, as is every question Moodle would refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from quizapp.core.bank import GAP_RE, ID_RE
from quizapp.core.formats.common import MediaFile, Note, slugify
from quizapp.core.formats.htmltext import convert_html
from quizapp.core.formats.moodlexml.cloze import gapselect, multianswer
from quizapp.core.formats.moodlexml.parse import Node
from quizapp.core.formats.moodlexml.text import (
    Context,
    category_parts,
    legacy_image,
    text_of,
)
from quizapp.core.formats.moodlexml.types import (
    Fields,
    Skip,
    matching,
    multichoice,
    numerical,
    ordering,
    shortanswer,
    truefalse,
)
from quizapp.core.model import Question, QuestionType

Reader = Callable[[Node, Context, str], Fields]
READERS: dict[str, Reader] = {
    "multichoice": multichoice,
    "truefalse": truefalse,
    "shortanswer": shortanswer,
    "numerical": numerical,
    "matching": matching,
    "match": matching,
    "cloze": multianswer,
    "multianswer": multianswer,
    "gapselect": gapselect,
    "ddwtos": gapselect,
    "ordering": ordering,
}
LEFT_OUT = {
    "description": "a description is not a question",
    "essay": "an essay question is graded by a person, not by quizapp",
}
#: The heading above the misconception ids in the top category's description (export writes it).
INDEX_HEADING = "Misconceptions (quizapp ids):"
_INDEX_LINE = re.compile(r"^([A-Za-z0-9_.-]+): (\S.*)$")
_COMBINED = {
    "correctfeedback": "a correct",
    "partiallycorrectfeedback": "a partly correct",
    "incorrectfeedback": "an incorrect",
}


@dataclass
class Quiz:
    """What a Moodle XML file holds, read."""

    questions: list[Question] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    media: list[MediaFile] = field(default_factory=list)
    title: str = ""
    bank_id: str = ""
    description: str = ""
    index: dict[str, str] = field(default_factory=dict)
    """Summary -> misconception id, from the top category's description."""


@dataclass
class _Category:
    info: str
    idnumber: str


def read_quiz(root: Node) -> Quiz:
    """The questions of a `<quiz>` element, with notes, embedded files and the bank's identity."""
    quiz = Quiz()
    categories: dict[tuple[str, ...], _Category] = {}
    path: tuple[str, ...] = ()
    paths: list[tuple[str, ...]] = []
    ids = _Ids()
    for node in root.findall("question"):
        if node.attrib.get("type") == "category":
            path = tuple(category_parts(node.inner("category")))
            info = text_of(node.find("info"), "moodle_auto_format", Context(node.line))
            known = categories.get(path)
            if known is None:
                categories[path] = _Category(info, node.value("idnumber"))
            else:  # the same category again: what it said first still holds
                known.info = known.info or info
                known.idnumber = known.idnumber or node.value("idnumber")
            continue
        question = _question(node, ids, quiz)
        if question is not None:
            quiz.questions.append(question)
            paths.append(path)
    _place(quiz, paths, categories)
    return quiz


def _place(
    quiz: Quiz, paths: list[tuple[str, ...]], categories: dict[tuple[str, ...], _Category]
) -> None:
    """Topics below the one top category every question shares (which names the bank)."""
    tops = {path[0] if path else "" for path in paths}
    top = tops.pop() if len(tops) == 1 else ""
    depth = 1 if top else 0
    quiz.questions = [
        replace(q, topic=" / ".join(path[depth:]))
        for q, path in zip(quiz.questions, paths, strict=True)
    ]
    if not top:
        return
    quiz.title = top
    category = categories.get((top,))
    if category is None:
        return
    if ID_RE.match(category.idnumber):
        quiz.bank_id = category.idnumber
    description, _, index = category.info.partition(INDEX_HEADING)
    quiz.description = description.strip()
    for line in index.split("\n"):
        found = _INDEX_LINE.match(line.strip())
        if found:
            quiz.index.setdefault(" ".join(found.group(2).split()), found.group(1))


def _question(node: Node, ids: _Ids, quiz: Quiz) -> Question | None:
    kind = node.attrib.get("type", "")
    name = convert_html(node.inner("name")).text  # Moodle keeps a name's text, not its tags
    shown = f"question '{name}'" if name else "a question"
    reader = READERS.get(kind)
    if reader is None:
        reason = LEFT_OUT.get(kind) or f"quizapp has no question type like Moodle's '{kind}'"
        quiz.notes.append(Note(node.line, f"{shown} left out: {reason}"))
        return None
    ctx = Context(node.line)
    text_node = node.find("questiontext")
    fmt = text_node.attrib.get("format", "html") if text_node is not None else "html"
    try:
        fields = reader(node, ctx, fmt)
        prompt = fields.pop("prompt_text", None) or text_of(text_node, "html", ctx)
        prompt = " ".join(filter(None, [prompt, legacy_image(node, ctx)]))
        suffix = fields.pop("prompt_suffix", "")
        prompt = f"{prompt}\n\n{suffix}" if suffix else prompt
        if not prompt.strip():
            raise Skip("it has no text")
        if fields["type"] is QuestionType.CLOZE:
            _check_gaps(prompt, fields)
    except Skip as skip:
        quiz.notes.append(Note(node.line, f"{shown} left out: {skip.message}"))
        return None
    explanation = text_of(node.find("generalfeedback"), fmt, ctx)
    hints = [text_of(hint, fmt, ctx) for hint in node.findall("hint")]
    present = [what for tag, what in _COMBINED.items() if text_of(node.find(tag), fmt, Context(0))]
    if present:
        ctx.note(f"the feedback for {', '.join(present)} answer has no place in quizapp: left out")
    tags_node = node.find("tags")
    tags = [t.value("text") for t in (tags_node.findall("tag") if tags_node is not None else [])]
    quiz.notes.extend(ctx.notes)
    quiz.media.extend(ctx.media)
    return Question(
        id=ids.make(node.value("idnumber"), name, node.line, quiz.notes),
        prompt=prompt,
        tags=tuple(dict.fromkeys(t for t in tags if t)),
        explanation=explanation,
        hint="\n".join(h for h in hints if h),
        line=node.line,
        **fields,
    )


def _check_gaps(prompt: str, fields: Fields) -> None:
    names = [found.group(1).strip() for found in GAP_RE.finditer(prompt)]
    if names != [gap.name for gap in fields["gaps"]]:
        raise Skip("its text holds `{{ }}` of its own, which quizapp would read as gaps")


class _Ids:
    """Question ids: a valid `<idnumber>` as given, else a slug of it or of the name, else q<n>."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._count = 0

    def make(self, given: str, name: str, line: int, notes: list[Note]) -> str:
        self._count += 1
        base = given if ID_RE.match(given) else slugify(given)
        base = base or slugify(name) or f"q{self._count}"
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        if given and candidate != given:
            notes.append(
                Note(line, f"the idnumber '{given}' is taken or not valid: using '{candidate}'")
            )
        return candidate
