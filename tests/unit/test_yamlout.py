"""`bank_to_yaml`: the YAML that `quizapp import` writes loads back to the very same bank."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
import yaml

from quizapp.core.bank import bundled_banks_dir, load_bank
from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import bank_to_yaml
from quizapp.core.formats.percents import multiple_percents, percent
from quizapp.core.formats.yamlout import SCHEMA_LINE
from quizapp.core.formats.yamlstyle import FOLD_LENGTH
from quizapp.core.model import (
    Bank,
    Choice,
    NumericAnswer,
    Question,
    QuestionType,
    TextAnswer,
)

BANKS = Path(__file__).resolve().parent.parent / "banks"
ROUND_TRIP_FILES = [
    *sorted(bundled_banks_dir().glob("*.yaml")),
    BANKS / "readme-example.yaml",
    BANKS / "valid-all-types.yaml",
    BANKS / "valid-anchors.yaml",
]

#: Every shape the writer has a shorthand or a special case for.
AWKWARD = """\
title: "Awkward: every shape"
id: awkward
description: |
  Two lines,
  the second with a trailing newline.
tags: ["yes", "1.5", "- dash", "#hash"]
source: 'quote '' and "double"'
lint: [QA109]
exam: {questions: 3, time_limit: 7.5, pass_mark: 66.5, blueprint: {T1: 1}}
misconceptions:
  m1: {summary: "A: colon", explanation: ""}
questions:
  - id: thirds
    topic: T1
    type: multiple
    prompt: "Pick the three (weights 33.33333)."
    choices:
      - {text: a, weight: 33.33333, feedback: "  leading spaces"}
      - {text: b, weight: 33.33333}
      - {text: c, weight: 33.33333}
      - {text: d, weight: -50, misconception: m1}
      - {text: e, misconception: {summary: Inline one, explanation: Why}}
  - id: one-right-multiple
    type: multiple
    prompt: Only one is right, yet it is a multiple-answer question.
    choices: [{text: x, correct: true}, {text: "y", pin: true}]
    shuffle: false
  - id: partial-single
    prompt: |-
      A prompt
        with an indented line
      and no final newline
    choices:
      - {text: full, correct: true}
      - {text: half, weight: 50, feedback: "ok\\nsort of"}
      - {text: minus, weight: -25}
  - id: tf-true
    prompt: True or false?
    answer: true
    feedback: {true: Right}
    shuffle: true
  - id: short-all
    prompt: Type it
    answers:
      - {text: Paris, weight: 100, feedback: "Yes"}
      - {text: paris france, weight: 50}
    pattern: "^par(is)?$"
    case_sensitive: true
    wrong_answers: [{text: Lyon, misconception: m1}, Nice]
  - id: numeric-many
    prompt: Pick a number
    answers:
      - {value: 3.14159, tolerance: 0.001, weight: 100, feedback: Pi}
      - {range: [3, 3.5], weight: 50}
    wrong_answers: [{value: 22, tolerance: 1, misconception: m1}, 7]
  - id: numeric-range
    prompt: Between
    range: [-1.5, 2]
    units: [m, {name: km, multiplier: 0.001}]
  - id: numeric-tol
    prompt: About 0.1
    answer: 0.1
    tolerance: 0.05
    units: ["°C", C]
  - id: gaps
    prompt: "{{a}} and {{b}}"
    gaps:
      a: [one, uno]
      b: {answers: [{text: two, weight: 100}, {text: dos, weight: 50}], case_sensitive: true,
          wrong_answers: [{text: three, feedback: "no"}]}
  - id: order
    type: order
    prompt: Order these
    items: ["1", "true", "null"]
    shuffle: false
  - id: match
    type: match
    prompt: Match
    pairs: [{left: a, right: b, feedback: fb}, {left: c, right: d}]
    distractors: [e]
  - id: card
    front: "A long front that goes on and on so that the writer has to fold it over more
      than one line of text"
    back: "a\\u2028b \\u00e9 c"
    hint: "#not a comment"
    references: ["https://example.com/a#b"]
    lint: [QA101, QA102]
"""


def _comparable(bank: Bank) -> Bank:
    """`bank` without what depends on its file: the path and each question's line."""
    questions = tuple(dataclasses.replace(q, line=0) for q in bank.questions)
    return dataclasses.replace(bank, path="", questions=questions)


def _round_trip(bank: Bank) -> Bank:
    result = parse_bank(bank_to_yaml(bank), "written.yaml")
    assert result.bank is not None, result.problems
    return result.bank


@pytest.mark.parametrize("path", ROUND_TRIP_FILES, ids=lambda p: p.name)
def test_every_bundled_and_readme_bank_loads_back_equal(path: Path) -> None:
    loaded = load_bank(path).bank
    assert loaded is not None
    assert _comparable(_round_trip(loaded)) == _comparable(loaded)


def test_every_shape_loads_back_equal() -> None:
    loaded = parse_bank(AWKWARD, "awkward.yaml").bank
    assert loaded is not None
    again = _round_trip(loaded)
    assert _comparable(again) == _comparable(loaded)
    # Written once more, the text is stable: nothing drifts on each import/export cycle.
    assert bank_to_yaml(again) == bank_to_yaml(loaded)


def test_the_text_is_in_the_readme_style() -> None:
    loaded = parse_bank(AWKWARD, "awkward.yaml").bank
    assert loaded is not None
    text = bank_to_yaml(loaded)
    assert text.startswith(SCHEMA_LINE + "\ntitle: ")
    assert "    answer: true\n    feedback: {true: Right}\n" in text
    assert "      - {text: x, correct: true}\n" in text
    assert "    prompt: |-\n      A prompt\n        with an indented line\n" in text
    assert "    front: >-\n" in text  # a long line is folded
    assert "\n\n  - id: one-right-multiple\n    type: multiple\n" in text
    assert "  - id: partial-single\n    prompt:" in text  # single is inferred: no `type:`
    assert "tags: ['yes', '1.5', '- dash', '#hash']" in text
    assert "    units: [°C, C]\n" in text  # plain names in a flow list
    assert "    units:\n      - m\n      - {name: km, multiplier: 0.001}\n" in text
    assert "\nquestions:\n  - id: thirds\n" in text  # no blank line before the first question


def test_a_bank_built_in_memory_is_written_valid() -> None:
    """Importers build banks directly: their weights need not be what the loader would make."""
    thirds = tuple(Choice(t, 0.3333333) for t in "abc") + (Choice("d", -0.5),)
    partial = (Choice("True", 1.0), Choice("False", 0.5, "half right"))
    questions = (
        Question("m", QuestionType.MULTIPLE, "Pick three", choices=thirds),
        Question("tf", QuestionType.TRUE_FALSE, "Half marks for False", choices=partial),
    )
    again = _round_trip(Bank("mem", "In memory", questions))
    weights = [c.weight for c in again.questions[0].choices]
    assert weights[:3] == [pytest.approx(1 / 3)] * 3 and weights[3] == -0.5
    # `answer: true` cannot give False half marks: the same choices as a single question can.
    assert again.questions[1].type is QuestionType.SINGLE
    assert again.questions[1].choices == partial


def test_percents_read_back_exactly() -> None:
    # Every weight the loader makes is some percent / 100: it comes back as that same percent.
    for written in (50, 10, 7, -25, 33.333, 1e-7, 12.3456789, 0.1, 99.99):
        fraction = written / 100.0
        assert percent(fraction) == written
        assert float(percent(fraction)) / 100.0 == fraction
    assert isinstance(percent(0.5), int)
    # A fraction no float over 100 gives (importers make those) is written as its nearest.
    assert percent(0.3333333) == 33.33333


def test_loader_scaled_weights_are_written_as_their_original_percents() -> None:
    text = "title: t\nquestions:\n  - id: q\n    type: multiple\n    prompt: p\n    choices:\n"
    text += "".join(f"      - {{text: c{i}, weight: 33.333}}\n" for i in range(3))
    loaded = parse_bank(text, "t.yaml").bank
    assert loaded is not None
    weights = [c.weight for c in loaded.questions[0].choices]
    assert weights != [0.33333] * 3  # the loader scaled them to add up to exactly 1
    assert multiple_percents(weights) == [33.333] * 3


def test_simple_fraction_weights_load_back_exactly() -> None:
    """No percent divides back to exactly -1/3: the loader reads its 7 decimals as the fraction."""
    thirds = (1.0, -1 / 3, 1 / 3, 1 / 6, -1 / 6, 1 / 7, -1 / 7, 2 / 3, 5 / 12)
    single = tuple(Choice(f"s{i}", w) for i, w in enumerate(thirds))
    weighted = (1 / 3, 1 / 6, 1 / 2, -1 / 3, -1 / 7)
    multiple = tuple(Choice(f"m{i}", w) for i, w in enumerate(weighted))
    answers = (TextAnswer("one", 1.0), TextAnswer("third", 1 / 3), TextAnswer("sixth", 1 / 6))
    questions = (
        Question("single", QuestionType.SINGLE, "Pick one", choices=single),
        Question("multiple", QuestionType.MULTIPLE, "Pick some", choices=multiple),
        Question("short", QuestionType.SHORT, "Type it", answers=answers),
        Question(
            "numeric",
            QuestionType.NUMERIC,
            "A number",
            numeric=(
                NumericAnswer(1.0, 2.0),
                NumericAnswer(3.0, 4.0, 1 / 7),
            ),
        ),
    )
    bank = Bank("fractions", "Fractions", questions)
    text = bank_to_yaml(bank)
    assert "{text: s1, weight: -33.3333333}" in text
    assert _comparable(_round_trip(bank)) == _comparable(bank)


def test_random_texts_survive_the_round_trip() -> None:
    """Quoting: whatever characters a card holds, it loads back the same."""
    # No control characters: a bank may not hold them (NEL, CR... are refused by the validator).
    pieces = [*"ab c:#-'\"\t\\{}[],&*!|>%@`é€", "  ", "\n", "\n\n", " \n", "\u2028", "\u2029"]
    pieces += ["yes", "null", "~", "1.5", "0x1F", "- ", "? ", "...", "---", "{{x}}"]
    one_line = [p for p in pieces if not set(p) & set("\n\u2028\u2029")]
    rng = random.Random(7)
    questions = []
    for index in range(600):
        # Half the cards are single lines (long ones are folded), some starting with spaces.
        choices = pieces if index % 2 else one_line
        lead = " " * rng.choice((0, 0, 1, 2)) if index % 2 == 0 else ""
        front = lead + "".join(rng.choice(choices) for _ in range(rng.randint(1, 40)))
        back = lead + "".join(rng.choice(choices) for _ in range(rng.randint(1, 120)))
        if not front.strip() or not back.strip():
            continue
        questions.append(Question(f"c{index}", QuestionType.FLASHCARD, front, back=back))
    assert sum(q.back.startswith(" ") and len(q.back) > FOLD_LENGTH for q in questions) > 50
    bank = Bank("fuzz", "Fuzz", tuple(questions))
    again = _round_trip(bank)
    assert [(q.prompt, q.back) for q in again.questions] == [(q.prompt, q.back) for q in questions]


@pytest.mark.parametrize(
    "text", [" " + "word " * 30 + "end", "  two" + " b" * 60, "\tx" + " y" * 60]
)
def test_a_long_line_starting_with_white_space_keeps_its_spaces(text: str) -> None:
    """A folded block would turn one of its spaces into a line break: it is quoted instead."""
    card = Question("c", QuestionType.FLASHCARD, "front", back=text)
    written = bank_to_yaml(Bank("b", "B", (card,)))
    assert ">" not in written.split("back:")[1].split("\n")[0]
    assert _round_trip(Bank("b", "B", (card,))).questions[0].back == text


def test_a_long_line_without_edge_spaces_is_still_folded() -> None:
    text = "word " * 30 + "end"
    card = Question("c", QuestionType.FLASHCARD, "front", back=text)
    written = bank_to_yaml(Bank("b", "B", (card,)))
    assert "    back: >-\n" in written
    assert _round_trip(Bank("b", "B", (card,))).questions[0].back == text


def test_the_output_is_plain_yaml_a_person_can_edit() -> None:
    loaded = load_bank(BANKS / "readme-example.yaml").bank
    assert loaded is not None
    text = bank_to_yaml(loaded)
    assert "!!" not in text and "&" not in text.split("questions:")[0].replace("& ", "")
    data = yaml.safe_load(text)
    assert data["questions"][0]["choices"][0] == {
        "text": "Mercury",
        "correct": True,
        "feedback": "Mercury orbits at about 0.4 AU.",
    }
    assert data["misconceptions"]["closest-planet.1"]["summary"] == (
        "We must be at the centre of things."
    )
