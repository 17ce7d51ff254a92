"""Moodle XML: import a `.xml` question export from Moodle as a bank, and export a bank for Moodle.

Import (`parse`, `read`, `types`, `cloze`,
`text`) reads what Moodle's own importer reads and refuses what it refuses: every
question type quizapp has a form for, categories as topics, the texts in each of Moodle's text
formats, embedded files (saved by `quizapp import --media DIR`, their alt text kept in the
question). A question Moodle would refuse (a grade it does not offer, a cloze with no embedded
answer, no answer at full marks...) is left out with a note on its line, and the rest imports.

Export (`write`) writes XML that Moodle imports as it is: each question in its Moodle
type, the topic as a category below one named after the bank, the explanation as general
feedback, and each misconception in the feedback of the answer that carries it.
"""

from __future__ import annotations

import re

from quizapp.core.formats.common import ExportResult, FormatError, ImportResult, Note
from quizapp.core.formats.identity import identity
from quizapp.core.formats.misconceptions import Attacher
from quizapp.core.formats.moodlexml.parse import parse
from quizapp.core.formats.moodlexml.read import read_quiz
from quizapp.core.model import Bank

NAME = "moodlexml"
LABEL = "Moodle XML"
EXTENSIONS = (".xml",)
#: The command line saves the files this format embeds when given `--media DIR`.
CARRIES_MEDIA = True

_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<quiz[\s>]", re.S
)


def sniff(data: bytes) -> bool:
    """True when the file is XML whose root element is `<quiz>`."""
    return _ROOT.match(data[:4096]) is not None


def import_bank(data: bytes, path: str) -> ImportResult:
    """The bank in the Moodle XML file `path` holding `data`; FormatError when none imports."""
    root, notes = parse(data)
    if root.tag != "quiz":
        raise FormatError(f"not Moodle XML: the root element is <{root.tag}>, not <quiz>", 1)
    quiz = read_quiz(root)
    notes = sorted(notes + quiz.notes, key=lambda note: note.line)
    if not quiz.questions:
        raise FormatError(_nothing(notes), notes=tuple(notes))
    attacher = Attacher(quiz.index)
    questions = tuple(attacher.question(q) for q in quiz.questions)
    bank_id, title, named = identity(path, quiz.title, quiz.bank_id)
    bank = Bank(
        id=bank_id,
        title=title,
        questions=questions,
        misconceptions=attacher.misconceptions,
        description=quiz.description,
    )
    media = tuple(sorted(quiz.media, key=lambda item: item.line))
    return ImportResult(bank, tuple(named + notes), media)


def export_bank(bank: Bank) -> ExportResult:
    """`bank` as Moodle XML (UTF-8), and what Moodle XML could not hold."""
    from quizapp.core.formats.moodlexml.write import write_quiz

    text, notes, written = write_quiz(bank)
    if not written:
        raise FormatError("no question can be written as Moodle XML", notes=tuple(notes))
    return ExportResult(text.encode("utf-8"), tuple(notes), written)


def _nothing(notes: list[Note]) -> str:
    if not notes:
        return "no question in this Moodle XML file"
    return "no question quizapp can use: each one is left out (the reasons are listed above)"
