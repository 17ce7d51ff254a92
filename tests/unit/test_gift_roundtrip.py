"""GIFT export: a bank written as GIFT and read back is the same bank, for every type GIFT holds.

What GIFT cannot hold is left out or changed with a note, never silently; the text written is the
GIFT Moodle's own export writes (checked on a small bank, line by line).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import FormatError, Note, gift
from quizapp.core.formats.gift.answers import read_percent
from quizapp.core.formats.gift.write import percent
from quizapp.core.model import Bank, OtherAnswer, Question

FIXTURES = Path(__file__).parents[1] / "formats" / "gift"

ROUND_TRIP = r"""
title: Round trip
id: round-trip
questions:
  - id: specials
    topic: Syntax
    tags: [escapes, with space]
    prompt: 'Which of ~ = # { } : \ are special? A URL like http://x.org // is text.'
    choices:
      - {text: 'All of ~ = # { } : \', correct: true, feedback: 'Yes: even \ and \n as text'}
      - {text: None, feedback: "Line one\nline two"}
      - {text: '%50% off', weight: -25, feedback: '[html] is not a format here'}
      - {text: '[markdown] is text too', feedback: '#1 -> fine'}
    explanation: "Escape them with a backslash.\n\nTwo paragraphs."

  - id: Primes.Unweighted_2
    topic: Syntax
    prompt: <b>Bold</b> & friends. Which are prime?
    choices:
      - {text: "2", correct: true}
      - {text: "3", correct: true}
      - {text: "5", correct: true}
      - {text: "4", feedback: 4 = 2 × 2.}

  - id: weighted
    topic: Maths / Numbers
    type: multiple
    prompt: Which are even?
    choices:
      - {text: "2", weight: 50, feedback: Yes.}
      - {text: "4", weight: 50}
      - {text: "7", weight: -100, feedback: Odd.}
      - {text: "9"}

  - id: pluto
    topic: Maths / Numbers
    prompt: Pluto is a planet.
    answer: false
    feedback: {true: "It was until 2006.", false: "Right: a dwarf planet."}
    explanation: The IAU decided in 2006.

  - id: sun
    prompt: The Sun is a star.
    answer: true
    feedback: {true: "Yes."}

  - id: moon
    prompt: The Moon is a planet.
    answer: false
    feedback: {true: "No: it is a satellite."}

  - id: capital
    topic: TCP/IP
    prompt: What is the capital of Italy?
    answers:
      - {text: Rome, feedback: "Yes #1."}
      - {text: Roma, weight: 50, feedback: "Italian: half marks."}
      - {text: "R*m*a", wildcard: true}
    wrong_answers:
      - {text: Milan, feedback: Fashion capital.}

  - id: boiling
    topic: TCP/IP
    prompt: 'Water boils at what temperature (°C)?'
    answer: 100
    tolerance: 0.5
    explanation: At sea level.

  - id: nineties
    prompt: Give a year in the 1990s.
    range: [1990, 1999]

  - id: grant
    prompt: When was Ulysses S. Grant born?
    answers:
      - {value: 1822, feedback: Exactly.}
      - {value: 1822, tolerance: 2, weight: 50, feedback: Close.}
      - {range: [-5, 0.001], weight: 25}
    wrong_answers:
      - {value: 1900, feedback: Much later.}

  - id: capitals
    type: match
    prompt: 'Match: country -> capital.'
    pairs:
      - {left: Canada, right: Ottawa}
      - {left: "Italy {it}", right: "Rome = Roma"}
      - {left: Japan, right: Tokyo}
    distractors: [Sydney, "São Paulo"]
    explanation: Capitals.

  - id: gap-middle
    prompt: Ottawa is the capital of {{blank}}, not of Australia.
    gaps:
      blank:
        answers: [Canada, {text: "canada dominion", weight: 50}]
        wrong_answers: [{text: Australia, feedback: "No: Canberra."}]

  - id: gap-first
    prompt: '{{blank}} is the largest continent.'
    gaps: {blank: [Asia]}

  - id: missing-word
    prompt: Grant is _____ in Grant's tomb.
    choices:
      - {text: buried}
      - {text: entombed, correct: true}
"""


def load_yaml(text: str) -> Bank:
    loaded = parse_bank(text, "bank.yaml")
    assert loaded.ok, loaded.problems
    assert loaded.bank is not None
    return loaded.bank


def round_trip(bank: Bank) -> tuple[gift.ExportResult, gift.ImportResult]:
    exported = gift.export_bank(bank)
    return exported, gift.import_bank(exported.data, f"{bank.id}.gift")


def unlined(questions: tuple[Question, ...]) -> list[Question]:
    return [dataclasses.replace(q, line=0) for q in questions]


def test_every_gift_type_comes_back_the_same():
    bank = load_yaml(ROUND_TRIP)
    exported, back = round_trip(bank)
    assert exported.notes == ()
    assert back.notes == ()
    assert unlined(back.bank.questions) == unlined(bank.questions)
    assert back.bank.id == bank.id


def test_export_writes_gift_as_moodle_does():
    bank = load_yaml(ROUND_TRIP)
    text = gift.export_bank(bank).data.decode("utf-8")
    assert text.startswith("// Round trip\n// Exported from the quizapp bank 'round-trip'.\n\n")
    for expected in [
        "$CATEGORY: $course$/top/Syntax\n",
        "// [id:specials] [tag:escapes] [tag:with space]\n"
        "::specials::Which of \\~ \\= \\# \\{ \\} \\: \\\\ are special? "
        "A URL like http\\://x.org // is text.{\n"
        "\t=All of \\~ \\= \\# \\{ \\} \\: \\\\#Yes\\: even \\\\ and \\\\n as text\n"
        "\t~None#Line one\\nline two\n"
        "\t~%-25%[moodle]%50% off#[moodle][html] is not a format here\n"
        "\t~[moodle][markdown] is text too#\\#1 -> fine\n"
        "\t####Escape them with a backslash.\\n\\nTwo paragraphs.\n"
        "}\n",
        "::Primes.Unweighted_2::[plain]<b>Bold</b> & friends. Which are prime?{\n"
        "\t~%33.33333%2\n\t~%33.33333%3\n\t~%33.33333%5\n\t~%-33.33333%4#4 \\= 2 × 2.\n}\n",
        "$CATEGORY: $course$/top/Maths/Numbers\n",
        "::pluto::Pluto is a planet.{FALSE#It was until 2006.#Right\\: a dwarf planet."
        "####The IAU decided in 2006.}\n",
        "::sun::The Sun is a star.{TRUE##Yes.}\n",
        "::moon::The Moon is a planet.{FALSE#No\\: it is a satellite.}\n",
        "$CATEGORY: $course$/top/TCP//IP\n",
        "\t=%50%Roma#Italian\\: half marks.\n\t=R*m*a\n\t=%0%Milan#Fashion capital.\n",
        "::boiling::Water boils at what temperature (°C)?{#100:0.5####At sea level.}\n",
        "$CATEGORY: $course$/top\n",
        "::nineties::Give a year in the 1990s.{#1990..1999}\n",
        "{#\n\t=1822#Exactly.\n\t=%50%1822:2#Close.\n\t=%25%-5..0.001\n\t=%0%1900#Much later.\n}\n",
        "\t=Canada -> Ottawa\n\t=Italy \\{it\\} -> Rome \\= Roma\n\t=Japan -> Tokyo\n"
        "\t= -> Sydney\n\t= -> São Paulo\n\t####Capitals.\n}\n",
        "::gap-middle::Ottawa is the capital of {=Canada =%50%canada dominion "
        "=%0%Australia#No\\: Canberra.}, not of Australia.\n",
        "::gap-first::{=Asia} is the largest continent.\n",
    ]:
        assert expected in text


def test_export_then_import_then_export_gives_the_same_questions_text():
    first = gift.export_bank(load_yaml(ROUND_TRIP)).data.decode("utf-8")
    again = gift.export_bank(gift.import_bank(first.encode(), "round-trip.gift").bank).data
    # Only the header differs: GIFT has no bank title, so the import takes the file name.
    assert again.decode("utf-8").split("\n\n", 1)[1] == first.split("\n\n", 1)[1]


@pytest.mark.parametrize("name", ["types", "syntax", "windows"])
def test_imported_fixtures_survive_a_round_trip(name):
    path = FIXTURES / f"{name}.gift"
    bank = gift.import_bank(path.read_bytes(), str(path)).bank
    exported, back = round_trip(bank)
    assert exported.notes == ()
    assert unlined(back.bank.questions) == unlined(bank.questions)


def test_wildcards_and_catch_alls_come_back_and_a_literal_star_is_not_written():
    path = FIXTURES / "skipped.gift"
    bank = gift.import_bank(path.read_bytes(), str(path)).bank  # 'grey*': Moodle's wildcard
    exported, back = round_trip(bank)
    assert exported.notes == ()
    assert unlined(back.bank.questions) == unlined(bank.questions)
    assert back.bank.question("kept").otherwise is not None
    literal = load_yaml(
        "title: Stars\nquestions:\n  - {id: q, prompt: P, answers: [Paris, 'C*'], "
        "otherwise: {feedback: Try again., weight: 10}}\n"
    )
    exported, back = round_trip(literal)
    assert exported.notes == (
        Note(3, "question 'q': the answer 'C*' holds `*`, a wildcard in GIFT: left out"),
    )
    assert "\t=%10%*#Try again.\n" in exported.data.decode("utf-8")
    q = back.bank.question("q")
    assert ([a.text for a in q.answers], q.otherwise) == (["Paris"], OtherAnswer("Try again.", 0.1))


def test_misconceptions_travel_in_the_feedback_and_keep_their_ids():
    bank = load_yaml(MISCONCEPTIONS)
    exported, back = round_trip(bank)
    text = exported.data.decode("utf-8")
    assert "// Misconception 'closer': Bigger looks closer.\n" in text
    written = "~wrong#It is not.\\n\\nMisconception\\: Bigger looks closer. — Size is not distance."
    assert written in text
    assert unlined(back.bank.questions) == unlined(bank.questions)
    assert back.bank.misconceptions == bank.misconceptions
    assert (back.bank.id, back.bank.title) == ("sky", "Sky and size")


MISCONCEPTIONS = """
title: Sky and size
id: sky
misconceptions:
  closer: {summary: Bigger looks closer., explanation: Size is not distance.}
questions:
  - id: pick
    prompt: Pick.
    choices:
      - {text: right, correct: true}
      - {text: wrong, feedback: It is not., misconception: closer}
      - {text: other, misconception: {summary: An inline one.}}
  - id: tf
    prompt: The Moon is bigger than the Sun.
    answer: false
    misconception: closer
  - id: typed
    prompt: Name it.
    answers: [Sun]
    wrong_answers: [{text: Moon, misconception: closer}]
  - id: number
    prompt: How many?
    answer: 8
    wrong_answers: [{value: 9, feedback: Pluto., misconception: closer}]
"""


NOT_GIFT = """
title: Not GIFT
exam: {questions: 1}
misconceptions:
  closer: {summary: Bigger looks closer.}
questions:
  - id: order
    type: order
    prompt: Order these.
    items: [a, b]
  - id: card
    front: Front
    back: Back
  - id: two-gaps
    prompt: '{{a}} and {{b}}'
    gaps: {a: [x], b: [y]}
  - id: lossy
    prompt: Pick.
    hint: Think.
    references: [a book]
    shuffle: false
    choices:
      - {text: right, correct: true}
      - {text: wrong, misconception: closer}
      - {text: none of these, pin: true}
  - id: cased
    prompt: Type it.
    answers: [Exact]
    pattern: 'colou?r'
    case_sensitive: true
  - id: named-gap
    prompt: The {{city}} is big.
    gaps: {city: [Paris]}
  - id: gap-last
    prompt: The capital is {{blank}}
    gaps: {blank: [Paris]}
  - id: pair-feedback
    prompt: Match.
    pairs:
      - {left: a, right: b, feedback: because}
      - {left: c, right: d}
  - id: arrow
    prompt: Match.
    pairs:
      - {left: a -> b, right: c}
      - {left: d, right: e}
  - id: duplicate
    prompt: Two choices that differ only by a trailing space.
    choices:
      - {text: "same", correct: true}
      - {text: "same "}
  - id: odd-grade
    prompt: Pick.
    choices:
      - {text: right, correct: true}
      - {text: close, weight: 37}
"""


def test_what_gift_cannot_hold_is_noted_with_the_bank_line():
    bank = load_yaml(NOT_GIFT)
    exported, back = round_trip(bank)
    lines = {q.id: q.line for q in bank.questions}
    assert exported.notes == (
        Note(0, "the bank's mock exam settings are not part of GIFT: left out"),
        Note(
            lines["order"], "question 'order': put in order questions have no GIFT form: left out"
        ),
        Note(lines["card"], "question 'card': flashcard questions have no GIFT form: left out"),
        Note(
            lines["two-gaps"],
            "question 'two-gaps': a cloze with 2 gaps has no GIFT form "
            "(one missing word): left out",
        ),
        Note(lines["lossy"], "question 'lossy': the hint is left out"),
        Note(lines["lossy"], "question 'lossy': the references are left out"),
        Note(
            lines["lossy"],
            "question 'lossy': GIFT does not say whether to shuffle: Moodle's quiz setting decides",
        ),
        Note(lines["lossy"], "question 'lossy': GIFT cannot pin a choice in place"),
        Note(
            lines["cased"],
            "question 'cased': GIFT answers are not case-sensitive: written as case-insensitive",
        ),
        Note(lines["cased"], "question 'cased': the pattern 'colou?r' has no GIFT form: left out"),
        Note(
            lines["named-gap"],
            "question 'named-gap': the gap 'city' is called 'blank' in GIFT, "
            "which does not name gaps",
        ),
        Note(
            lines["gap-last"],
            "question 'gap-last': the gap ends the text, "
            "and GIFT reads that as a short-answer question",
        ),
        Note(
            lines["pair-feedback"],
            "question 'pair-feedback': the feedback on matching pairs is left out",
        ),
        Note(
            lines["arrow"],
            "question 'arrow': the left item 'a -> b' holds `->`, which GIFT reads as the arrow: "
            "left out",
        ),
        Note(lines["duplicate"], "question 'duplicate' is left out: GIFT cannot hold it unchanged"),
        Note(
            lines["odd-grade"],
            "question 'odd-grade': Moodle's editor offers no grade of 37%; when importing, "
            "choose 'Nearest grade if not listed' or Moodle refuses the question",
        ),
    )
    kept = {q.id: q for q in back.bank.questions}
    assert list(kept) == ["lossy", "cased", "named-gap", "gap-last", "pair-feedback", "odd-grade"]
    assert [c.text for c in kept["lossy"].choices] == ["right", "wrong", "none of these"]
    assert kept["lossy"].choices[1].misconception == "closer"
    assert back.bank.misconceptions["closer"].summary == "Bigger looks closer."
    assert kept["named-gap"].prompt == "The {{blank}} is big."
    assert (kept["gap-last"].type.value, kept["gap-last"].prompt) == ("short", "The capital is")
    assert kept["odd-grade"].choices[1].weight == 0.37


def _peer_cases() -> list[str]:
    from tests.unit.test_gift_peer import CASES, SUITE_DIR

    return CASES if SUITE_DIR is not None else []


@pytest.mark.parametrize("name", _peer_cases() or ["(suite not present)"])
def test_banks_imported_from_the_peer_cases_survive_a_round_trip(name):
    from tests.unit.test_gift_peer import SUITE_DIR

    if SUITE_DIR is None:
        pytest.skip("peer suite not present: ../shared/peer-suites/gift-pegjs")
    try:
        bank = gift.import_bank((SUITE_DIR / f"{name}.gift").read_bytes(), f"{name}.gift").bank
    except FormatError:
        pytest.skip("nothing to import (descriptions, essays or a lone category)")
    exported, back = round_trip(bank)
    assert exported.notes == ()
    assert unlined(back.bank.questions) == unlined(bank.questions)


@pytest.mark.parametrize(
    ("weight", "written"),
    [
        (1 / 3, "33.33333"),
        (-1 / 3, "-33.33333"),
        (5 / 6, "83.33333"),
        (0.5, "50"),
        (0.37, "37"),
        (33.33333 / 100, "33.33333000"),  # `weight: 33.33333` in YAML: not a third, not read as one
        (0.123456789, "12.34567890"),
    ],
)
def test_weights_are_written_as_moodle_does_and_read_back_exactly(weight, written):
    assert percent(weight) == written
    assert read_percent(written) == weight


def test_weights_with_more_than_seven_decimals_are_taken_as_written():
    assert read_percent("33.33333") == 1 / 3
    assert read_percent("33.333333333") == 0.33333333333
    assert read_percent("12.5") == 0.125


def test_an_answer_with_an_arrow_is_left_out_with_the_reason():
    bank = load_yaml(
        "title: T\nquestions:\n"
        "  - {id: a, prompt: Which arrow?, answers: ['->', right]}\n"
        "  - {id: b, prompt: Fine., answers: [ok]}\n"
    )
    exported, back = round_trip(bank)
    assert exported.notes == (
        Note(
            3,
            "question 'a': the answer '->' holds `->`, which GIFT reads as a matching pair: "
            "left out",
        ),
    )
    assert [q.id for q in back.bank.questions] == ["b"]
