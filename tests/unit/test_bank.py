"""Valid banks load into exactly the model the README describes."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank import Problem, load_bank
from quizapp.core.bank.loader import parse_bank
from quizapp.core.model import (
    Bank,
    Choice,
    ExamSpec,
    Gap,
    MatchPair,
    Misconception,
    NumericAnswer,
    Question,
    QuestionType,
    TextAnswer,
)
from quizapp.core.scoring import Outcome, grade

BANKS = Path(__file__).resolve().parent.parent / "banks"
README_EXAMPLE = BANKS / "readme-example.yaml"

BIGGER = "bigger-is-closer"

EXPECTED_README_BANK = Bank(
    id="earth-and-sky",
    title="Earth and sky",
    description="A short tour of the format.",
    tags=("demo", "geography"),
    source="Written for the quizapp documentation.",
    exam=ExamSpec(questions=8, time_limit_minutes=15.0, pass_mark=0.7, blueprint=(("Planets", 1),)),
    misconceptions={
        BIGGER: Misconception(
            BIGGER,
            "The planet that looks biggest must be the closest to the Sun.",
            "How big a planet looks says nothing about its orbit; Mercury is small and closest.",
        ),
        "closest-planet.1": Misconception(
            "closest-planet.1",
            "We must be at the centre of things.",
            "Earth is the third planet from the Sun.",
        ),
    },
    path=str(README_EXAMPLE),
    questions=(
        Question(
            id="closest-planet",
            type=QuestionType.SINGLE,
            prompt="Which planet is closest to the Sun?",
            topic="Planets",
            tags=("solar-system",),
            choices=(
                Choice("Mercury", 1.0, "Mercury orbits at about 0.4 AU."),
                Choice("Jupiter", 0.0, "Jupiter is the fifth planet.", BIGGER),
                Choice("Earth", 0.0, "", "closest-planet.1"),
                Choice("None of these", 0.0, "", None, pinned=True),
            ),
            explanation=(
                "The order is Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus, Neptune."
            ),
            hint="It is also the smallest.",
            references=("https://en.wikipedia.org/wiki/Mercury_(planet)",),
            line=19,
        ),
        Question(
            id="gas-giants",
            type=QuestionType.MULTIPLE,
            prompt="Which of these are gas giants?",
            choices=(
                Choice("Jupiter", 0.5),
                Choice("Saturn", 0.5),
                Choice("Mars", -0.5, misconception=BIGGER),
            ),
            shuffle=False,
            line=40,
        ),
        Question(
            id="pluto-planet",
            type=QuestionType.TRUE_FALSE,
            prompt="Pluto is classified as a planet.",
            choices=(
                Choice("True", 0.0, "It was until 2006.", BIGGER),
                Choice("False", 1.0, "Right: it is a dwarf planet."),
            ),
            shuffle=False,
            line=49,
        ),
        Question(
            id="red-planet",
            type=QuestionType.SHORT,
            prompt="Which planet is called the red planet?",
            answers=(
                TextAnswer("Mars"),
                TextAnswer("planet Mars"),
                TextAnswer("^(the )?planet mars$", regex=True),
                TextAnswer("Jupiter", 0.0, "Jupiter is banded, not red.", BIGGER),
            ),
            line=55,
        ),
        Question(
            id="planet-count",
            type=QuestionType.NUMERIC,
            prompt="How many planets are in the Solar System?",
            numeric=(
                NumericAnswer(8.0, 8.0, 1.0, value=8.0),
                NumericAnswer(9.0, 9.0, 0.0, misconception=BIGGER, value=9.0),
            ),
            line=62,
        ),
        Question(
            id="capital-gap",
            type=QuestionType.CLOZE,
            prompt="The capital of France is {{city}} and it stands on the {{river}}.",
            gaps=(
                Gap("city", (TextAnswer("Paris"),)),
                Gap(
                    "river",
                    (
                        TextAnswer("Seine"),
                        TextAnswer("the Seine"),
                        TextAnswer("Loire", 0.0, "The Loire does not pass through Paris."),
                    ),
                ),
            ),
            line=68,
        ),
        Question(
            id="inner-planets",
            type=QuestionType.ORDER,
            prompt="Put these planets in order from the Sun outwards.",
            items=("Mercury", "Venus", "Earth", "Mars"),
            line=76,
        ),
        Question(
            id="planet-moons",
            type=QuestionType.MATCH,
            prompt="Match each moon to its planet.",
            pairs=(MatchPair("Titan", "Saturn"), MatchPair("Io", "Jupiter")),
            distractors=("Neptune",),
            line=81,
        ),
        Question(
            id="au",
            type=QuestionType.FLASHCARD,
            prompt="What is an astronomical unit?",
            back="The mean distance from the Earth to the Sun, about 150 million km.",
            line=89,
        ),
    ),
)


def test_readme_example_loads_into_the_expected_bank() -> None:
    result = load_bank(README_EXAMPLE)
    assert result.problems == ()
    assert result.ok
    assert result.bank == EXPECTED_README_BANK


@pytest.mark.parametrize("name", ["valid-all-types.yaml", "valid-anchors.yaml"])
def test_valid_fixtures_load_clean(name: str) -> None:
    result = load_bank(BANKS / name)
    assert result.problems == ()
    assert result.bank is not None


def test_full_forms_of_every_field() -> None:
    bank = load_bank(BANKS / "valid-all-types.yaml").bank
    assert bank is not None
    assert bank.exam == ExamSpec(4, 7.5, 0.625, (("Networks", 2), ("Numbers", 1)))
    single = bank.question("weighted-single")
    assert [c.weight for c in single.choices] == [1.0, 0.5, -0.25]
    multiple = bank.question("weighted-multiple")
    assert [c.weight for c in multiple.choices] == [0.6, 0.4, -0.5, -1.0]
    assert multiple.choices[3].pinned and not multiple.shuffle
    true_false = bank.question("tf-true")
    assert true_false.choices == (
        Choice("True", 1.0, "Right."),
        Choice("False", 0.0, "It is: 0 = 2 x 0.", "tf-true.1"),
    )
    assert bank.misconceptions["tf-true.1"].summary == "Zero has no parity."
    short = bank.question("short-weighted")
    assert short.case_sensitive
    assert [(a.text, a.weight) for a in short.answers] == [
        ("HTTP", 1.0),
        ("HTTPS", 1.0),
        ("TCP", 0.25),
        ("FTP", 0.0),
        ("HTML", 0.0),
    ]
    assert short.answers[-1].misconception == "short-weighted.1"
    numeric = bank.question("numeric-answers").numeric
    assert numeric[0] == NumericAnswer(3.14 - 0.005, 3.14 + 0.005, 1.0, value=3.14, tolerance=0.005)
    assert numeric[1] == NumericAnswer(3.0, 3.3, 0.5, "Roughly.")
    assert numeric[2] == NumericAnswer(3.1416, 3.1416, 1.0, value=3.1416)
    assert numeric[3] == NumericAnswer(22.0, 22.0, 0.0, misconception="rounding", value=22.0)
    assert numeric[4] == NumericAnswer(3.3, 4.0, 0.0, "Too big.")
    assert numeric[5] == NumericAnswer(3.0, 3.0, 0.0, value=3.0)
    assert bank.question("numeric-range").numeric == (NumericAnswer(1.0, 2.0),)
    cloze = bank.question("cloze-full")
    # Gaps come in the order of the markers in the prompt, not of the `gaps` mapping.
    assert [gap.name for gap in cloze.gaps] == ["first", "second"]
    assert cloze.gaps[1] == Gap(
        "second",
        (TextAnswer("b"), TextAnswer("^be+$", regex=True), TextAnswer("c", 0.0, "After b.")),
        case_sensitive=True,
    )
    card = bank.question("card-front")
    assert (card.prompt, card.back, card.references) == (
        "TCP handshake?",
        "SYN, SYN-ACK, ACK.",
        ("RFC 793",),
    )


def test_anchors_aliases_and_merge_keys_are_plain_yaml() -> None:
    bank = load_bank(BANKS / "valid-anchors.yaml").bank
    assert bank is not None
    first, second, third = bank.questions
    assert second.choices == first.choices and second.prompt == "Pick A again."
    assert third.topic == "Shared" and third.choices[0] == first.choices[0]
    assert first.choices[1].feedback == "Well done."


def bank_of(question_yaml: str) -> Bank:
    """The bank made of one question, failing the test with its problems if it is invalid."""
    text = "title: T\nmisconceptions: {m: {summary: S}}\nquestions:\n" + question_yaml
    result = parse_bank(text, "inference.yaml")
    assert result.problems == (), [str(p) for p in result.problems]
    assert result.bank is not None
    return result.bank


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("choices: [{text: a, correct: true}, {text: b}]", QuestionType.SINGLE),
        ("choices: [{text: a, correct: true}, {text: b, weight: 50}]", QuestionType.SINGLE),
        ("choices: [{text: a, correct: true}, {text: b, correct: true}]", QuestionType.MULTIPLE),
        ("choices: [{text: a, weight: 50}, {text: b, weight: 50}]", QuestionType.MULTIPLE),
        ("answer: false", QuestionType.TRUE_FALSE),
        ("answers: [a]", QuestionType.SHORT),
        ("pattern: '^a$'", QuestionType.SHORT),
        ("answer: 4.5", QuestionType.NUMERIC),
        ("range: [1, 2]", QuestionType.NUMERIC),
        ("answers: [1, {value: 2}, {range: [3, 4]}]", QuestionType.NUMERIC),
        ("gaps: {x: [a]}", QuestionType.CLOZE),
        ("items: [a, b]", QuestionType.ORDER),
        ("pairs: [{left: a, right: b}, {left: c, right: d}]", QuestionType.MATCH),
        ("back: B", QuestionType.FLASHCARD),
    ],
)
def test_type_is_inferred_from_the_fields(fields: str, expected: QuestionType) -> None:
    prompt = "'Fill {{x}}'" if "gaps" in fields else "P"
    bank = bank_of(f"  - id: q\n    prompt: {prompt}\n    {fields}\n")
    assert bank.questions[0].type is expected


def test_flashcard_front_is_the_prompt() -> None:
    question = bank_of("  - {id: card, front: F, back: B}\n").questions[0]
    assert (question.type, question.prompt, question.back) == (QuestionType.FLASHCARD, "F", "B")


def test_multiple_without_weights_shares_credit_and_penalty() -> None:
    question = bank_of(
        "  - id: q\n    type: multiple\n    prompt: P\n    choices:\n"
        "      - {text: a, correct: true}\n      - {text: b, correct: true}\n"
        "      - {text: c, correct: true}\n      - {text: d, misconception: m}\n"
    ).questions[0]
    third = 1 / 3
    assert [c.weight for c in question.choices] == [third, third, third, -third]
    assert question.choices[3].misconception == "m"


def test_numeric_answer_with_tolerance() -> None:
    question = bank_of("  - {id: q, prompt: P, answer: 10, tolerance: 0.5}\n").questions[0]
    assert question.numeric == (NumericAnswer(9.5, 10.5, 1.0, value=10.0, tolerance=0.5),)


def test_bank_id_defaults_to_the_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "my-networks.yaml"
    path.write_text("title: T\nquestions: [{id: q, prompt: P, answer: true}]\n")
    result = load_bank(path)
    assert result.bank is not None
    assert (result.bank.id, result.bank.path) == ("my-networks", str(path))


def test_question_line_is_where_the_question_starts() -> None:
    text = "title: T\nquestions:\n\n  # a comment\n  - id: a\n    prompt: P\n    answer: true\n"
    text += "  - {id: b, prompt: P, answer: false}\n"
    result = parse_bank(text)
    assert result.bank is not None
    assert [q.line for q in result.bank.questions] == [5, 8]


def test_progress_is_reported_from_zero_to_one() -> None:
    questions = "".join(f"  - {{id: q{i}, prompt: P, answer: true}}\n" for i in range(1200))
    seen: list[float] = []
    result = parse_bank("title: T\nquestions:\n" + questions, progress=seen.append)
    assert result.ok
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) >= 3


def test_problem_text_has_the_compiler_format() -> None:
    assert str(Problem("b.yaml", 3, 7, "oops")) == "b.yaml:3:7: oops"
    assert str(Problem("b.yaml", 0, 0, "oops")) == "b.yaml: oops"


def test_parse_bank_accepts_text_and_bytes_alike() -> None:
    text = "title: Café\nquestions: [{id: q, prompt: Où?, answer: true}]\n"
    from_text = parse_bank(text, "a.yaml")
    from_bytes = parse_bank(text.encode("utf-8"), "a.yaml")
    assert from_text.bank is not None
    assert from_text == from_bytes
    assert from_text.bank.title == "Café"


def test_weights_close_to_100_percent_are_scaled_to_full_marks() -> None:
    question = bank_of(
        "  - id: q\n    type: multiple\n    prompt: P\n    choices:\n"
        "      - {text: a, weight: 33.33}\n      - {text: b, weight: 33.33}\n"
        "      - {text: c, weight: 33.33}\n      - {text: d, weight: -50}\n"
    ).questions[0]
    weights = [c.weight for c in question.choices]
    assert sum(weights[:3]) == pytest.approx(1.0, abs=1e-12)
    assert weights[3] == -0.5
    assert grade(question, frozenset({0, 1, 2})).outcome is Outcome.RIGHT


def test_the_readme_example_is_the_fixture_verbatim() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("title: Earth and sky")
    block = readme[start : readme.index("```", start)]
    assert block == README_EXAMPLE.read_text(encoding="utf-8")


def test_a_percent_that_rounds_a_simple_fraction_is_read_as_that_fraction() -> None:
    question = bank_of(
        "  - id: q\n    prompt: P\n    choices:\n      - {text: a, correct: true}\n"
        "      - {text: b, weight: -33.33333333333333}\n      - {text: c, weight: 16.6666667}\n"
        "      - {text: d, weight: 14.2857143}\n      - {text: e, weight: 33.333}\n"
        "      - {text: f, weight: 0.0000001}\n"
    ).questions[0]
    weights = [c.weight for c in question.choices]
    # -33.33333333333333 / 100 is one float step from -1/3; 7 decimals are meant as the fraction.
    assert weights[1:4] == [-1 / 3, 1 / 6, 1 / 7]
    # Percents that are not a hair away from a simple fraction are taken as written.
    assert weights[4:] == [33.333 / 100, 0.0000001 / 100]
