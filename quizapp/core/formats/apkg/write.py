"""Writing a bank as an Anki deck package (`.apkg`) through `genanki`.

- flashcards become Basic notes (front, back); cloze questions become Cloze notes, each gap a
  `{{cN::answer}}` deletion; every other type becomes a Basic note whose front is the prompt (with
  the choices, items or pairs listed) and whose back is the correct answer as quizapp's grading
  shows it, then the explanation: Anki cannot grade them, the student checks the answer.
- topics become subdecks `Bank title::Topic` (a topic written `A / B` becomes `A::B`); questions
  without a topic go in the bank's deck. Tags are kept (spaces made `_`).
- note type and deck ids come from a hash of the bank id, and each note's guid from the bank and
  question ids, so importing a re-export into Anki updates the notes instead of duplicating them.

What a note cannot hold (choice feedback and misconceptions, hints, a gap's other accepted answers)
is reported once per kind with a count.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import re
import sqlite3
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import genanki  # type: ignore[import-untyped]

from quizapp.core.bank import GAP_RE
from quizapp.core.formats.common import ExportResult, Note
from quizapp.core.model import (
    Bank,
    NumericAnswer,
    Question,
    QuestionType,
    TextAnswer,
    match_rights,
)
from quizapp.core.study import correct_answer_text

_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def stable_id(*parts: str) -> int:
    """An id in genanki's recommended range (2^30..2^31) from a hash of `parts`."""
    digest = hashlib.sha256("\x1f".join(("quizapp", *parts)).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def write_package(bank: Bank) -> ExportResult:
    """The `.apkg` bytes of `bank`, and what its notes could not hold."""
    basic = genanki.Model(
        stable_id("model", "basic", bank.id),
        "quizapp Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=_CSS,
    )
    cloze = genanki.Model(
        stable_id("model", "cloze", bank.id),
        "quizapp Cloze",
        fields=[{"name": "Text"}, {"name": "Back Extra"}],
        templates=[
            {"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}
        ],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
    )
    decks: dict[str, Any] = {}
    lost: Counter[str] = Counter()
    for question in bank.questions:
        name = _deck_name(bank, question.topic)
        if name not in decks:
            decks[name] = genanki.Deck(stable_id("deck", bank.id, question.topic), name)
        fields = _cloze_fields(question, lost) if question.type is QuestionType.CLOZE else None
        model = cloze if fields is not None else basic
        if fields is None:
            fields = [_front(question), _back(question)]
        _count_losses(question, lost)
        note = genanki.Note(
            model=model,
            fields=fields,
            tags=[re.sub(r"\s+", "_", tag) for tag in question.tags],
            guid=genanki.guid_for(bank.id, question.id),
        )
        decks[name].add_note(note)
    if not decks:
        decks[bank.title] = genanki.Deck(stable_id("deck", bank.id, ""), bank.title)
    data = _package(list(decks.values()))
    return ExportResult(data, _loss_notes(lost), len(bank.questions))


def _package(decks: list[Any]) -> bytes:
    """Write the decks into a collection of our own and zip it as genanki would."""
    with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            now = time.time()
            package = genanki.Package(decks)
            package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return buffer.getvalue()


def _deck_name(bank: Bank, topic: str) -> str:
    if not topic:
        return bank.title
    levels = [level.strip() for level in topic.split(" / ") if level.strip()]
    return "::".join([bank.title, *levels])


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _front(question: Question) -> str:
    lines = [_html(question.prompt)]
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        if question.type is QuestionType.MULTIPLE:
            lines.append("<i>(several answers)</i>")
        lines += [f"{_LETTERS[i % 26]}. {_html(c.text)}" for i, c in enumerate(question.choices)]
    elif question.type is QuestionType.TRUE_FALSE:
        lines.append("<i>True or false?</i>")
    elif question.type is QuestionType.ORDER:
        lines.append("<i>Put in order:</i>")
        lines += [f"- {_html(item)}" for item in sorted(question.items)]
    elif question.type is QuestionType.MATCH:
        lines.append("<i>Match:</i>")
        lines += [f"- {_html(pair.left)}" for pair in question.pairs]
        lines.append("<i>with:</i>")
        lines += [f"- {_html(right)}" for right in sorted(set(match_rights(question)))]
    return "<br>".join(lines)


def _back(question: Question) -> str:
    answer = question.back if question.type is QuestionType.FLASHCARD else _answer(question)
    parts = [_html(answer)]
    if question.explanation.strip():
        parts.append(_html(question.explanation))
    return "<br><br>".join(parts)


def _answer(question: Question) -> str:
    text = correct_answer_text(question)
    if question.type is QuestionType.MULTIPLE:
        letters = ", ".join(_LETTERS[i % 26] for i in question.correct_choices)
        return f"{letters}. {text}"
    if question.type is QuestionType.SINGLE:
        weights = [c.weight for c in question.choices]
        return f"{_LETTERS[weights.index(max(weights)) % 26]}. {text}"
    return text


def _cloze_fields(question: Question, lost: Counter[str]) -> list[str] | None:
    """The Text and Back Extra of a Cloze note, or None when a gap cannot be written as one."""
    answers = {gap.name: gap.answers for gap in question.gaps}
    pieces: list[str] = []
    at = 0
    for number, match in enumerate(GAP_RE.finditer(question.prompt), start=1):
        accepted = [a for a in answers.get(match.group(1).strip(), ()) if a.weight > 0]
        plain = [a.text for a in accepted if not a.regex]
        if not plain or "::" in plain[0] or "}}" in plain[0]:
            lost["gap without a plain answer"] += 1
            return None
        if len(accepted) > 1:
            lost["other accepted answers of a gap"] += 1
        pieces.append(_html(question.prompt[at : match.start()]))
        pieces.append(f"{{{{c{number}::{_html(plain[0])}}}}}")
        at = match.end()
    pieces.append(_html(question.prompt[at:]))
    return ["".join(pieces), _html(question.explanation)]


def _count_losses(question: Question, lost: Counter[str]) -> None:
    if any(c.feedback or c.misconception for c in question.choices):
        lost["choice feedback and misconceptions"] += 1
    typed: list[TextAnswer | NumericAnswer] = [*question.answers, *question.numeric]
    typed += (answer for gap in question.gaps for answer in gap.answers)
    if any(a.feedback or a.misconception for a in typed):
        lost["answer feedback and misconceptions"] += 1
    if question.hint:
        lost["hint"] += 1
    if question.type not in (QuestionType.FLASHCARD, QuestionType.CLOZE):
        lost["graded question made a Basic note"] += 1


def _loss_notes(lost: Counter[str]) -> tuple[Note, ...]:
    messages = {
        "graded question made a Basic note": "graded questions exported as Basic notes: Anki "
        "cannot grade them, so the front lists the choices and the back shows the answer",
        "choice feedback and misconceptions": "choice feedback and misconceptions left out: "
        "an Anki note cannot hold them",
        "answer feedback and misconceptions": "feedback and misconceptions of typed answers "
        "left out: an Anki note cannot hold them",
        "hint": "hints left out",
        "other accepted answers of a gap": "a gap's other accepted answers left out: a cloze "
        "deletion holds one answer",
        "gap without a plain answer": "cloze questions exported as Basic notes: a gap's answer "
        "is a pattern or holds `::` or `}}`, which a cloze deletion cannot",
    }
    notes = []
    for kind, message in messages.items():
        count = lost[kind]
        if count:
            noun = "1 question" if count == 1 else f"{count} questions"
            notes.append(Note(0, f"{message} ({noun})"))
    return tuple(notes)
