"""Writing a bank as Moodle XML, the way Moodle's own export writes it, so Moodle imports it as is.

The questions go into a category named after the bank (`$course$/top/<title>`, its idnumber the
bank's id, its description the bank's, with the ids of the misconceptions listed for the way back)
and, below it, one category per topic. Every text is written `plain_text`, as the bank holds it;
each question's id is its name and its idnumber, its explanation the general feedback, its hint a
hint, its tags tags. The answers are written by `answers`; what Moodle XML cannot hold
is noted, and a question it cannot hold at all (a flashcard) is left out with a note.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from quizapp.core.formats.common import Note
from quizapp.core.formats.moodlexml.answers import Writer, text_element
from quizapp.core.formats.moodlexml.read import INDEX_HEADING
from quizapp.core.formats.moodlexml.text import category_path
from quizapp.core.model import Bank, Question

#: Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_quiz(bank: Bank) -> tuple[str, list[Note], int]:
    """The Moodle XML of `bank`, what it had to leave out, and how many questions it holds."""
    notes: list[Note] = []
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    out.append(f"<!-- Exported from the quizapp bank {escape(bank.id)} -->\n")
    out.append(_category([bank.title], _info(bank), bank.id))
    if bank.tags or bank.source or bank.exam:
        message = "the bank's tags, source and mock exam settings are not part of Moodle XML"
        notes.append(Note(0, message))
    topic = ""
    written = 0
    for question in bank.questions:
        writer = Writer(question, bank.misconceptions, notes)
        body = writer.body()
        if body is None:
            continue
        if question.topic != topic:
            parts = [bank.title, *(p for p in question.topic.split(" / ") if p.strip())]
            top = len(parts) == 1
            out.append(_category(parts, _info(bank) if top else "", bank.id if top else ""))
            topic = question.topic
        out.append(_question(question, writer, body))
        written += 1
    out.append("</quiz>\n")
    text, removed = _NOT_XML.subn("", "".join(out))
    if removed:
        notes.append(Note(0, f"{removed} control characters XML cannot hold were left out"))
    return text, notes, written


def _info(bank: Bank) -> str:
    """The top category's description: the bank's, then the misconception ids for the way back."""
    lines = [bank.description.strip()] if bank.description.strip() else []
    if bank.misconceptions:
        listed = [f"{m.id}: {' '.join(m.summary.split())}" for m in bank.misconceptions.values()]
        lines.append("\n".join([INDEX_HEADING, *listed]))
    return "\n\n".join(lines)


def _category(parts: list[str], info: str, idnumber: str) -> str:
    return (
        '  <question type="category">\n'
        f"    <category>\n      <text>{escape(category_path(parts))}</text>\n    </category>\n"
        f'    <info format="plain_text">\n      <text>{escape(info)}</text>\n    </info>\n'
        f"    <idnumber>{escape(idnumber)}</idnumber>\n"
        "  </question>\n\n"
    )


def _question(q: Question, writer: Writer, body: str) -> str:
    parts = [
        f"<!-- question: {escape(q.id)}  -->\n",
        f'  <question type="{writer.moodle_type}">\n',
        f"    <name>\n      <text>{escape(q.id)}</text>\n    </name>\n",
        text_element("questiontext", writer.prompt),
        text_element("generalfeedback", q.explanation.strip()),
    ]
    if writer.moodle_type != "cloze":
        parts.append("    <defaultgrade>1.0000000</defaultgrade>\n")
    parts.append("    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n")
    parts.append(f"    <idnumber>{escape(q.id)}</idnumber>\n")
    parts.append(body)
    if q.hint.strip():
        parts.append(text_element("hint", q.hint.strip()))
    if q.tags:
        listed = "".join(f"      <tag><text>{escape(tag)}</text></tag>\n" for tag in q.tags)
        parts.append(f"    <tags>\n{listed}    </tags>\n")
    parts.append("  </question>\n\n")
    return "".join(parts)
