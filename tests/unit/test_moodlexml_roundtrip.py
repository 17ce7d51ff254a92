"""Moodle XML export: bank -> XML -> bank keeps every question (each type) and misconception, XML
-> bank -> XML keeps Moodle's fixtures' questions, what Moodle cannot hold is noted, and
`quizapp import --media DIR` saves the embedded files without writing over others."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from quizapp.cli.convert import cmd_export, cmd_import
from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import Note, moodlexml
from quizapp.core.model import Bank, Question

FIXTURES = Path(__file__).parents[1] / "formats" / "moodlexml"

EVERY_TYPE = """
title: Every type for Moodle
id: every-type
description: One question of each type Moodle XML holds.
misconceptions:
  bigger-is-closer:
    summary: The planet that looks biggest must be the closest.
    explanation: How big a planet looks says nothing about its orbit.
questions:
  - id: closest
    topic: Planets
    tags: [solar-system]
    prompt: Which planet is closest to the Sun?
    choices:
      - {text: Mercury, correct: true, feedback: About 0.4 AU.}
      - {text: Jupiter, feedback: The fifth planet., misconception: bigger-is-closer}
      - {text: Earth, misconception: {summary: We are at the centre., explanation: We are not.}}
    explanation: Mercury, Venus, Earth, Mars...
    hint: It is also the smallest.
  - id: giants
    topic: Planets / Outer
    prompt: Which are gas giants?
    choices:
      - {text: Jupiter, correct: true}
      - {text: Saturn, correct: true}
      - {text: Mars, misconception: bigger-is-closer}
    shuffle: false
  - id: thirds
    topic: Planets / Outer
    prompt: Which are prime?
    choices:
      - {text: '2', weight: 33.3333333}
      - {text: '3', weight: 33.3333333}
      - {text: '5', weight: 33.3333333}
      - {text: '4', weight: -50, feedback: 4 = 2 x 2.}
  - id: pluto
    prompt: Pluto is a planet.
    answer: false
    feedback: {true: It was until 2006., false: 'Right: a dwarf planet.'}
    misconception: bigger-is-closer
  - id: red
    prompt: Which planet is the red one?
    answers:
      - Mars
      - {text: "*mars*", wildcard: true, weight: 50, feedback: Just the name.}
    wrong_answers:
      - {text: Jupiter, feedback: Banded., misconception: bigger-is-closer}
    otherwise: {feedback: It is Mars., weight: 10}
    case_sensitive: true
  - id: count
    prompt: How many planets are there?
    answers:
      - {value: 8}
      - {value: 8.5, tolerance: 0.5, weight: 50, feedback: Close.}
    wrong_answers: [{value: 9, feedback: Not any more., misconception: bigger-is-closer}]
    otherwise: {feedback: Count again.}
  - id: capital
    prompt: The capital of France is {{g1}} on the {{g2}}.
    gaps:
      g1: [Paris]
      g2:
        answers: [Seine, {text: the Seine, weight: 50}]
        wrong_answers:
          - {text: Loire, feedback: 'No: # and } are fine.', misconception: bigger-is-closer}
        otherwise: {feedback: Look at a map.}
  - id: inner
    type: order
    prompt: Put them in order from the Sun.
    items: [Mercury, Venus, Earth, Mars]
  - id: moons
    type: match
    prompt: Match each moon to its planet.
    pairs:
      - {left: Titan, right: Saturn}
      - {left: Io, right: Jupiter}
    distractors: [Neptune]
"""


def bank_of(text: str) -> Bank:
    loaded = parse_bank(text, "bank.yaml")
    assert loaded.problems == ()
    assert loaded.bank is not None
    return loaded.bank


def unlined(questions: tuple[Question, ...]) -> list[Question]:
    return [dataclasses.replace(q, line=0) for q in questions]


def round_trip(bank: Bank) -> tuple[moodlexml.ExportResult, moodlexml.ImportResult]:
    exported = moodlexml.export_bank(bank)
    return exported, moodlexml.import_bank(exported.data, "exported.xml")


def test_every_type_comes_back_with_its_misconceptions() -> None:
    bank = bank_of(EVERY_TYPE)
    exported, back = round_trip(bank)
    assert exported.notes == () and exported.written == len(bank.questions)
    assert back.notes == ()
    assert unlined(back.bank.questions) == unlined(bank.questions)
    assert back.bank.misconceptions == bank.misconceptions
    assert (back.bank.id, back.bank.title, back.bank.description) == (
        bank.id,
        bank.title,
        bank.description,
    )


def test_a_weight_a_hair_from_a_moodle_grade_comes_back_as_that_grade() -> None:
    bank = bank_of(EVERY_TYPE.replace("33.3333333", "33.33333"))
    assert bank.question("thirds").choices[0].weight != 1 / 3  # the loader scales 99.99999%
    _, back = round_trip(bank)
    assert [c.weight for c in back.bank.question("thirds").choices] == [1 / 3, 1 / 3, 1 / 3, -0.5]


def test_the_xml_is_what_moodle_writes_and_reads() -> None:
    text = moodlexml.export_bank(bank_of(EVERY_TYPE)).data.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')
    for expected in [
        "<text>$course$/top/Every type for Moodle</text>",
        "<idnumber>every-type</idnumber>",
        "<text>$course$/top/Every type for Moodle/Planets/Outer</text>",
        '<question type="multichoice">',
        '<answer fraction="33.33333" format="plain_text">',
        "<text>The fifth planet.\n\nMisconception: The planet that looks biggest must be the "
        "closest. — How big a planet looks says nothing about its orbit.</text>",
        '<question type="truefalse">',
        "<usecase>1</usecase>",
        "<text>*</text>",
        "<tolerance>0.5</tolerance>",
        "{1:SHORTANSWER:=Seine~%50%the Seine~%0%Loire#No\\: \\# and \\} are fine."[:40],
        '<question type="ordering">',
        '<question type="matching">',
        '<hint format="plain_text">',
        "<tag><text>solar-system</text></tag>",
    ]:
        assert expected in text, expected


def test_what_moodle_xml_cannot_hold_is_noted_with_the_bank_line() -> None:
    text = """
title: Lossy
questions:
  - id: card
    front: Front
    back: Back
  - id: pinned
    prompt: Pick.
    references: [a book]
    choices: [{text: a, correct: true}, {text: none of these, pin: true}]
  - id: pattern
    prompt: Colour?
    answers: [red]
    pattern: 'colou?r'
  - id: odd
    prompt: Pick.
    choices: [{text: a, correct: true}, {text: b, weight: 37}]
  - id: named
    prompt: The {{city}}.
    gaps: {city: [Paris]}
"""
    bank = bank_of(text)
    exported, back = round_trip(bank)
    lines = {q.id: q.line for q in bank.questions}
    assert exported.notes == (
        Note(
            lines["card"], "question 'card': flashcard questions have no Moodle XML form: left out"
        ),
        Note(lines["pinned"], "question 'pinned': the references are left out"),
        Note(lines["pinned"], "question 'pinned': Moodle cannot pin a choice in place"),
        Note(
            lines["pattern"],
            "question 'pattern': the pattern 'colou?r' has no Moodle form: left out",
        ),
        Note(
            lines["odd"],
            "question 'odd': Moodle's editor offers no grade of 37%; when importing, choose "
            "'Nearest grade if not listed' or Moodle refuses the question",
        ),
        Note(
            lines["named"],
            "question 'named': Moodle numbers gaps: the gap 'city' comes back as 'g1'",
        ),
    )
    assert exported.written == 4
    # Moodle refuses the 37% grade, and so does quizapp reading it back.
    assert [q.id for q in back.bank.questions] == ["pinned", "pattern", "named"]
    assert back.bank.question("named").prompt == "The {{g1}}."


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in FIXTURES.glob("*.xml")
        if not p.name.startswith(("broken", "error_invalid_grades"))
    ),
)
def test_moodle_files_come_back_through_quizapp(name: str) -> None:
    first = moodlexml.import_bank((FIXTURES / name).read_bytes(), name)
    exported, again = round_trip(first.bank)
    assert exported.written == len(first.bank.questions)
    assert [(q.id, q.type, q.topic) for q in again.bank.questions] == [
        (q.id, q.type, q.topic) for q in first.bank.questions
    ]
    assert unlined(again.bank.questions) == unlined(first.bank.questions)


def run_import(*args: str, media: str | None = None, force: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    file, output = args
    code = cmd_import(file, output, None, force, out, err, media)
    return code, out.getvalue(), err.getvalue()


def test_media_are_saved_only_when_asked_and_never_over_other_files(tmp_path: Path) -> None:
    source = str(FIXTURES / "truefalse.xml")
    code, out, _ = run_import(source, str(tmp_path / "a.yaml"))
    assert code == 0
    assert "4 embedded files not saved (give --media DIR to save them): " in out
    media = tmp_path / "media"
    (media).mkdir()
    (media / "logo.jpg").write_bytes(b"mine")
    code, out, _ = run_import(source, str(tmp_path / "b.yaml"), media=str(media))
    assert code == 0
    assert f"truefalse.xml:18: {media / 'logo.jpg'} exists; not written over (give --force)" in out
    assert f"truefalse.xml:21: saved {media / 'infos.jpg'}" in out
    assert (media / "logo.jpg").read_bytes() == b"mine"
    assert sorted(p.name for p in media.iterdir()) == [
        "infos.jpg",
        "logo.jpg",
        "thumbdown.jpg",
        "thumbup.jpg",
    ]
    code, out, _ = run_import(source, str(tmp_path / "c.yaml"), media=str(media), force=True)
    assert code == 0 and f"saved {media / 'logo.jpg'}" in out
    assert (media / "logo.jpg").read_bytes() != b"mine"


def test_export_and_import_on_the_command_line(tmp_path: Path) -> None:
    bank = tmp_path / "every.yaml"
    bank.write_text(EVERY_TYPE, encoding="utf-8")
    target = tmp_path / "every.xml"
    out, err = io.StringIO(), io.StringIO()
    assert cmd_export(str(bank), "moodlexml", str(target), False, out, err) == 0
    assert "(9 questions) to" in out.getvalue() and "(Moodle XML)" in out.getvalue()
    code, text, _ = run_import(str(target), str(tmp_path / "back.yaml"))
    assert code == 0 and "imported 9 questions" in text
