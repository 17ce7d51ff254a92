"""One Anki note (or CSV row) turned into a question: a flashcard, or a cloze question.

A note's first field is the front and its second the back. A front with cloze deletions
(`{{c1::Paris}}`, `{{c2::Seine::river}}`) becomes a `cloze` question instead: each deletion is a
gap whose answer is the deleted text, the hints become the question's hint, and the back (Anki's
"Back Extra") becomes the explanation. Sound tags (`[sound:x.mp3]`) and images are reported, not
imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizapp.core.formats.htmltext import html_to_text, looks_like_html
from quizapp.core.model import Gap, Question, QuestionType, TextAnswer

#: `{{c1::answer}}` or `{{c1::answer::hint}}`; the answer may not hold `}}`.
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_SOUND = re.compile(r"\[sound:([^\]]+)\]")


@dataclass(frozen=True, slots=True)
class NoteText:
    """The plain text of a note's fields, and what could not be carried over."""

    fields: tuple[str, ...]
    media: tuple[str, ...]


def plain_fields(fields: Sequence[str], html: bool | None) -> NoteText:
    """The fields as plain text: HTML converted when `html` (None: when a field looks like it)."""
    out: list[str] = []
    media: list[str] = []
    for value in fields:
        media += _SOUND.findall(value)
        value = _SOUND.sub("", value)
        if html or (html is None and looks_like_html(value)):
            if not html:
                # Only guessed to be HTML (`&amp;` in a spreadsheet cell): the line breaks the
                # author typed are meant, though a browser would show them as spaces.
                value = value.replace("\n", "<br>")
            value, shown = html_to_text(value)
            media += shown
        else:
            value = value.strip()
        out.append(value)
    return NoteText(tuple(out), tuple(media))


def note_question(
    qid: str,
    fields: Sequence[str],
    *,
    topic: str = "",
    tags: tuple[str, ...] = (),
    line: int = 0,
) -> tuple[Question | None, str]:
    """The question for plain-text `fields` (front, back, ...), or (None, why it cannot be one)."""
    front = fields[0] if fields else ""
    back = fields[1] if len(fields) > 1 else ""
    if not front.strip():
        return None, "its front is empty"
    if CLOZE.search(front):
        question, reason = _cloze(qid, front, back)
    elif not back.strip():
        return None, "its back is empty"
    else:
        question, reason = Question(qid, QuestionType.FLASHCARD, front, back=back), ""
    if question is None:
        return None, reason
    return replace(question, topic=topic, tags=tags, line=line), ""


def _cloze(qid: str, front: str, back: str) -> tuple[Question | None, str]:
    gaps: list[Gap] = []
    hints: list[str] = []
    used: dict[str, int] = {}

    def gap(match: re.Match[str]) -> str:
        base = f"c{match.group(1)}"
        used[base] = used.get(base, 0) + 1
        name = base if used[base] == 1 else f"{base}_{used[base]}"
        answer = match.group(2).strip()
        gaps.append(Gap(name, (TextAnswer(answer, 1.0),)))
        if match.group(3) and match.group(3).strip():
            hints.append(f"{name}: {match.group(3).strip()}")
        return "{{" + name + "}}"

    prompt = CLOZE.sub(gap, front)
    if any(not g.answers[0].text for g in gaps):
        return None, "a cloze deletion is empty"
    if _stray_braces(prompt, gaps):
        return None, "its text holds `{{` `}}` that are not cloze deletions"
    question = Question(
        qid,
        QuestionType.CLOZE,
        prompt,
        explanation=back,
        hint="; ".join(hints),
        gaps=tuple(gaps),
    )
    return question, ""


def _stray_braces(prompt: str, gaps: list[Gap]) -> bool:
    """True when `{{...}}` in the prompt are not all the gaps just made (the loader would balk)."""
    names = re.findall(r"\{\{(.*?)\}\}", prompt)
    return names != [g.name for g in gaps]
