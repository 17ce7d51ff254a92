"""The Aiken format: single-answer multiple-choice questions in plain text, as Moodle reads them.

    What is the capital of Australia?
    A. Sydney
    B) Canberra
    ANSWER: B

A question is its text (one line, or several), then its options `A.` or `A)` (a space after them
is optional, as Moodle reads `A)Text` and `B.Text` too), then `ANSWER: <letter>`. Blank lines
between questions are optional. Like Moodle, the importer recovers from a bad question: it is
reported with its line and skipped, and the good ones are imported. Aiken holds no feedback,
explanation or topic, and only single-answer questions; the exporter writes true/false questions
as `A. True` / `B. False` and reports what it leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.formats.common import (
    ExportResult,
    FormatError,
    IdMaker,
    ImportResult,
    Note,
    decode_text,
)
from quizapp.core.formats.controls import drop_controls
from quizapp.core.formats.identity import identity
from quizapp.core.model import Bank, Choice, Question, QuestionType

NAME = "aiken"
LABEL = "Aiken"
EXTENSIONS = (".aiken", ".txt")

#: An option line: a capital letter, `.` or `)`, then the text, a space or tab between them
#: optional (Moodle's own rule, `/^[A-Z][).][ \t]?/`).
_OPTION = re.compile(r"^([A-Z])[.)][ \t]*(.*)$")
_ANSWER = re.compile(r"^ANSWER:[ \t]*([A-Z])$")
#: Lines meant as an ANSWER line that Moodle would not read as one (`Answer: b`, `ANSWER B`,
#: `ANSWER: B because...`); "Answer the following:" stays question text.
_ANSWER_LIKE = re.compile(r"^((?-i:ANSWER)\b|answer\s*[:=-]?\s*[a-z]\W*$)", re.IGNORECASE)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class _Draft:
    """A question being read: its text lines, then its options."""

    line: int
    text: list[str] = field(default_factory=list)
    options: list[tuple[str, str, int]] = field(default_factory=list)
    """(letter, text, line) of each option."""


def sniff(data: bytes) -> bool:
    """True when the text has an option line followed later by an `ANSWER: X` line."""
    try:
        text = data[:65536].decode("utf-8", "ignore")
    except ValueError:
        return False
    lines = [line.strip() for line in text.splitlines()]
    options = [i for i, line in enumerate(lines) if _OPTION.match(line)]
    answers = [i for i, line in enumerate(lines) if _ANSWER.match(line)]
    return bool(options and answers and options[0] < answers[-1])


def import_bank(data: bytes, path: str) -> ImportResult:
    """Read an Aiken file; bad questions become notes. FormatError when none can be imported."""
    text, notes = drop_controls(decode_text(data))
    questions: list[Question] = []
    ids = IdMaker()
    draft: _Draft | None = None

    def drop(reason: str) -> None:
        nonlocal draft
        if draft is not None:
            notes.append(_skipped(draft, reason))
        draft = None

    last = 0  # the line of the last non-blank line
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        after_blank, last = number > last + 1, number
        option = _OPTION.match(line)
        answer = _ANSWER.match(line)
        if option:
            if draft is None or not draft.text:
                notes.append(Note(number, "option line with no question text before it (skipped)"))
                continue
            draft.options.append((option.group(1), option.group(2).strip(), number))
        elif answer or _ANSWER_LIKE.match(line):
            if draft is None:
                notes.append(Note(number, "ANSWER line with no question before it (skipped)"))
                continue
            if answer is None:
                drop(f"line {number} '{line}' should be `ANSWER:` and one capital letter")
                continue
            question = _finish(draft, answer.group(1), number, notes, ids)
            if question is not None:
                questions.append(question)
            draft = None
        else:
            if draft is not None and draft.options:
                drop(f"no ANSWER line after its options (line {number} starts a new question)")
            elif draft is not None and after_blank:
                # Question text runs on over lines, not over blank lines: a heading or a stray
                # line above a question is reported, not glued onto its text.
                drop(f"text with no options and no ANSWER line (line {number} starts a new one)")
            if draft is None:
                draft = _Draft(number)
            draft.text.append(line)
    if draft is not None:
        drop("no ANSWER line before the end of the file")
    if not questions:
        message = "no Aiken question could be read"
        if notes:
            count = f"{len(notes)} problems" if len(notes) > 1 else "1 problem"
            message += f" ({count}, the first at line {notes[0].line})"
        raise FormatError(message, notes[0].line if notes else 0, tuple(notes))
    bank_id, title, named = identity(path)
    bank = Bank(id=bank_id, title=title, questions=tuple(questions))
    return ImportResult(bank, tuple(named + notes))


def _finish(
    draft: _Draft, letter: str, line: int, notes: list[Note], ids: IdMaker
) -> Question | None:
    """The question `draft` with `letter` as its answer, or None after noting why it is bad."""

    def bad(reason: str) -> None:
        notes.append(_skipped(draft, reason))

    if len(draft.options) < 2:
        bad(f"it needs at least 2 options, not {len(draft.options)}")
        return None
    for index, (given, _, option_line) in enumerate(draft.options):
        expected = _LETTERS[index] if index < len(_LETTERS) else "?"
        if given != expected:
            bad(f"option {given} at line {option_line} where {expected} was expected")
            return None
    letters = [given for given, _, _ in draft.options]
    if letter not in letters:
        bad(f"ANSWER: {letter} (line {line}) is not one of its options {letters[0]}-{letters[-1]}")
        return None
    seen: dict[str, str] = {}
    for given, text, option_line in draft.options:
        if not text:
            bad(f"option {given} at line {option_line} has no text")
            return None
        if text in seen:
            bad(f"options {seen[text]} and {given} both read '{text}'")
            return None
        seen[text] = given
    choices = tuple(
        Choice(text, 1.0 if given == letter else 0.0) for given, text, _ in draft.options
    )
    return Question(
        id=ids.make(),
        type=QuestionType.SINGLE,
        prompt="\n".join(draft.text),
        choices=choices,
        line=draft.line,
    )


def _skipped(draft: _Draft, reason: str) -> Note:
    """The note for a bad question: where it starts, how it begins, what is wrong."""
    start = draft.text[0]
    shown = start if len(start) <= 40 else start[:39] + "…"
    return Note(draft.line, f"question '{shown}' skipped: {reason}")


def export_bank(bank: Bank) -> ExportResult:
    """The bank's single-answer questions in Aiken; the others are skipped and reported.

    FormatError (with the notes) when the bank has no question Aiken can hold.
    """
    blocks: list[str] = []
    notes: list[Note] = []
    lost = 0
    for question in bank.questions:
        block, reason = _aiken_block(question)
        if block is None:
            notes.append(Note(question.line, f"question '{question.id}' skipped: {reason}"))
            continue
        if reason:
            notes.append(Note(question.line, f"question '{question.id}': {reason}"))
        blocks.append(block)
        lost += _has_extras(question)
    if not blocks:
        raise FormatError("no question can be written in Aiken", 0, tuple(notes))
    if lost:
        notes.append(
            Note(
                0,
                f"Aiken holds no feedback, explanations, hints, misconceptions, topics or tags: "
                f"{lost} of the exported questions had some, left out",
            )
        )
    return ExportResult("\n".join(blocks).encode("utf-8"), tuple(notes), len(blocks))


def _aiken_block(question: Question) -> tuple[str | None, str]:
    """(the question's Aiken text, a remark) or (None, why it cannot be written in Aiken)."""
    if question.type not in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
        return None, f"Aiken holds only single-answer questions, not {question.type.label}"
    if len(question.choices) > len(_LETTERS):
        return None, f"Aiken letters its options A-Z, and it has {len(question.choices)}"
    remark = ""
    if any(0 < choice.weight < 1 or choice.weight < 0 for choice in question.choices):
        remark = "partial credit and penalties left out (Aiken has one right answer)"
    prompt = [line.strip() for line in question.prompt.split("\n") if line.strip()]
    for line in prompt:
        if _OPTION.match(line) or _ANSWER_LIKE.match(line):
            return None, f"its prompt line '{line}' would read as an option or an ANSWER line"
    texts = [" ".join(choice.text.split()) for choice in question.choices]
    if any("\n" in choice.text for choice in question.choices):
        remark = "; ".join(filter(None, [remark, "line breaks in options made spaces"]))
    right = max(range(len(question.choices)), key=lambda i: question.choices[i].weight)
    lines = [*prompt]
    lines += [f"{_LETTERS[i]}. {text}" for i, text in enumerate(texts)]
    lines.append(f"ANSWER: {_LETTERS[right]}")
    return "\n".join(lines) + "\n", remark


def _has_extras(question: Question) -> bool:
    return bool(
        question.explanation
        or question.hint
        or question.topic
        or question.tags
        or question.references
        or any(choice.feedback or choice.misconception for choice in question.choices)
    )
