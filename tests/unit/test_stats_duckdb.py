"""The DuckDB analysis against the Python reference on random classes, and what came with it:
the evidence minimum, partial credit, control characters escaped."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from quizapp.core.bank.loader import parse_bank
from quizapp.core.model import Bank, Response, SelfGrade
from quizapp.core.stats import analyse, render_table
from quizapp.core.stats.outputs.export import analysis_to_json, csv_rows
from quizapp.core.stats.outputs.table import escaped
from tests.unit.stats_reference import reference
from tests.unit.test_stats import CLASS, Answers, six_students

MIXED_YAML = """
id: mixed
title: Every shape of answer
misconceptions:
  m-x: {summary: Idea X, explanation: Why X is wrong.}
  m-y: {summary: Idea Y, explanation: Why Y is wrong.}
questions:
  - id: leaves
    topic: Plants
    prompt: Where does photosynthesis take place?
    choices:
      - {text: In the chloroplasts, correct: true}
      - {text: In the leaves, weight: 50}
      - {text: In the nucleus, misconception: m-x}
  - id: primes
    type: multiple
    topic: Numbers
    prompt: Which are prime?
    choices:
      - {text: "2", correct: true}
      - {text: "3", correct: true}
      - {text: "4", misconception: m-y}
      - {text: "9", misconception: m-x}
  - id: water
    topic: Plants
    prompt: Sound travels faster in water than in air.
    answer: true
    misconception: m-y
  - id: gold
    prompt: The symbol for gold?
    answers: [Au]
    wrong_answers:
      - {text: Ag, misconception: m-x}
"""


def load(text: str) -> Bank:
    result = parse_bank(text.encode(), "mixed.yaml")
    assert result.bank is not None, result.problems
    return result.bank


MIXED = load(MIXED_YAML)
BANKS = {"class": CLASS, "mixed": MIXED}


def random_class(seed: int) -> list:
    """Students with one to three sessions each over both banks, blank exam answers and
    self-graded cards; for some seeds questions met twice in a session, for odd seeds one
    student's file handed in twice (each combination takes its own way through the SQL)."""
    rng = random.Random(seed)
    answers = {"class": Answers(CLASS), "mixed": Answers(MIXED)}
    rows = []
    for student in range(rng.randrange(2, 30)):
        name = f"st{student}"
        for session in range(rng.randrange(1, 4)):
            bank = rng.choice([CLASS, MIXED])
            builder = answers[bank.id]
            questions = rng.sample(bank.questions, rng.randrange(1, len(bank.questions) + 1))
            if seed % 3 == 0 and rng.random() < 0.2:  # one seed in three
                questions.append(rng.choice(questions))  # met twice in one session
            for question in questions:
                builder.add(name, f"s{session}", question.id, _response(question, rng))
    for builder in answers.values():
        for index, row in enumerate(builder.rows):  # one clock for both banks, shuffled ties
            rows.append(replace(row, answered_at=row.answered_at + timedelta(
                seconds=rng.randrange(0, 3) * 60 + index % 2)))  # fmt: skip
    numbers: dict[str, int] = {}
    for index, row in enumerate(rows):  # answer numbers count a student's answers in both banks
        numbers[row.install_id] = numbers.get(row.install_id, 0) + 1
        rows[index] = replace(row, answer_id=numbers[row.install_id])
    if seed % 2:  # odd seeds: st0's file handed in twice (DuckDB then copies each answer once)
        rows += [row for row in rows if row.install_id == "st0"]
    return rows


def _response(question, rng: random.Random) -> Response | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.08:
        return SelfGrade.GOOD
    if question.type == "multiple":
        return frozenset(rng.sample(range(len(question.choices)), rng.randrange(1, 3)))
    if question.type == "short":
        return rng.choice(["Au", "Ag", "Fe"])
    return rng.randrange(len(question.choices))


def _key(stat):
    return (stat.bank_id, stat.question_id)


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("with_banks", [True, False])
def test_duckdb_and_the_python_reference_agree_on_random_classes(
    seed: int, with_banks: bool
) -> None:
    rows = random_class(seed)
    banks = BANKS if with_banks else {}
    got = analyse(rows, banks, min_students=5)
    want = reference(rows, banks, min_students=5)
    assert (got.students, got.attempts, got.answers, got.self_graded, got.banks) == (
        want.students, want.attempts, want.answers, want.self_graded, want.banks,
    )  # fmt: skip
    assert sorted(map(_key, got.questions)) == [_key(q) for q in want.questions]
    expected = {_key(q): q for q in want.questions}
    for stat in got.questions:
        other = expected[_key(stat)]
        for name in ("attempts", "answered", "unanswered", "discrimination_attempts",
                     "versions", "in_bank", "misconceptions", "students"):  # fmt: skip
            assert getattr(stat, name) == getattr(other, name), (name, stat.question_id)
        for name in ("facility", "discrimination", "efficiency"):
            mine, theirs = getattr(stat, name), getattr(other, name)
            assert (mine is None) == (theirs is None), (name, stat.question_id, mine, theirs)
            assert mine is None or mine == pytest.approx(theirs, abs=1e-9), name
        assert stat.miskey_reasons == other.miskey_reasons
        plain = [
            (c.index, c.count, c.correct, c.top_count, c.rare, c.partial) for c in stat.choices
        ]
        assert plain == [
            (c.index, c.count, c.correct, c.top_count, c.rare, c.partial) for c in other.choices
        ]
    assert got.misconceptions == want.misconceptions


def test_flags_on_too_few_students_are_marked_and_the_minimum_is_stated() -> None:
    analysis = analyse(six_students().rows, {"class": CLASS})
    q4 = analysis.question("class", "q4")
    assert (q4.students, q4.min_students, q4.too_few) == (6, 20, True)
    table = render_table(analysis)
    assert "Needs a look (a flag needs 20 students)" in table
    words = " ".join(table.split())
    assert "q4: looks mis-keyed: the top third picked B 2×, the key A 0× (too few answers: 6 " \
        "students)" in words  # fmt: skip
    assert "-0.75 mis-keyed?, too few answers" in words
    data = analysis_to_json(analysis)
    assert data["thresholds"]["min_students"] == 20
    assert data["questions"][3]["too_few_answers"] is True
    row = next(r for r in csv_rows(analysis) if r.get("question_id") == "q4")
    assert row["flags"] == "mis-keyed?;too few answers" and row["students"] == 6
    enough = analyse(six_students().rows, {"class": CLASS}, min_students=6)
    assert not enough.question("class", "q4").too_few
    assert "too few" not in render_table(enough)


def test_the_minimum_decides_rare_distractors() -> None:
    answers = Answers()
    for number, pick in enumerate([0] * 9 + [1]):
        answers.add(f"p{number}", "x", "q1", pick)
    rare = [c.letter for c in analyse(answers.rows, {"class": CLASS}, min_students=10)
            .question("class", "q1").rare_distractors]  # fmt: skip
    assert rare == ["C", "D"]
    assert not analyse(answers.rows, {"class": CLASS}).question("class", "q1").rare_distractors


def test_partial_credit_is_marked_as_partial_not_as_the_key() -> None:
    answers = Answers(MIXED)
    for number, pick in enumerate([0, 0, 1, 1, 1, 2]):
        answers.add(f"p{number}", "x", "leaves", pick)
    analysis = analyse(answers.rows, {"mixed": MIXED})
    a, b, c = analysis.question("mixed", "leaves").choices
    assert (a.partial, b.partial, c.partial) == (False, True, False)
    assert (b.correct, b.weight) == (True, 0.5)
    table = render_table(analysis)
    assert "  *A In the chloroplasts" in table
    assert "  ~B In the leaves (50% credit)" in table
    assert "~ partial credit" in table
    choice = analysis_to_json(analysis)["questions"][0]["choices"][1]
    assert (choice["partial"], choice["weight"], choice["correct"]) == (True, 0.5, True)
    cells = [r for r in csv_rows(analysis) if r["kind"] == "choice"]
    assert [r["correct"] for r in cells] == ["true", "partial", "false"]


def test_without_the_bank_a_partly_scoring_pick_is_partial() -> None:
    answers = Answers(MIXED)
    for number, pick in enumerate([0, 1, 1, 2]):
        answers.add(f"p{number}", "x", "leaves", pick)
    choices = analyse(answers.rows, {}).question("mixed", "leaves").choices
    assert [(c.correct, c.partial, c.weight) for c in choices] == [
        (True, False, 1.0), (True, True, 0.5), (False, False, 0.0),
    ]  # fmt: skip


def test_control_characters_from_files_are_escaped() -> None:
    assert escaped("q\x1b[31m1\u202e\x07") == "q\\x1b[31m1\\u202e\\x07"
    answers = Answers()
    answers.add("s1", "x", "q1", 0)
    answers.rows[0] = replace(answers.rows[0], question_id="evil\x1b]0;title\x07")
    table = render_table(analyse(answers.rows, {}))
    assert "\x1b" not in table and "\x07" not in table and "evil\\x1b]0;title\\x07" in table
