"""Moodle patterns in typed answers (`wildcard: true`) and feedback for any other answer
(`otherwise:`): the bank format reads, grades, writes and lints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank import load_bank
from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import bank_to_yaml
from quizapp.core.lint import lint_bank
from quizapp.core.model import Bank, OtherAnswer
from quizapp.core.scoring import Outcome, Unreadable, grade

BANK = Path(__file__).resolve().parent.parent / "banks" / "valid-wildcards.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(BANK)
    assert loaded.problems == ()
    assert loaded.bank is not None
    return loaded.bank


def test_a_wildcard_answer_matches_what_moodle_would(bank: Bank) -> None:
    q = bank.question("read-it")
    assert grade(q, "Read the MANUAL!").outcome is Outcome.RIGHT
    assert grade(q, "the user manual, of course").score == 1.0
    half = grade(q, "the online docs")
    assert half.score == 0.5 and half.feedback == ("The manual is better.",)
    # A star is not a literal: "*manual*" written as plain text would not match these.
    assert grade(q, "manual").score == 1.0


def test_a_wrong_wildcard_reveals_its_misconception(bank: Bank) -> None:
    found = grade(bank.question("read-it"), "ask the moon")
    assert found.score == 0.0
    assert found.misconceptions == ("moon-is-planet",)


def test_any_other_answer_gets_the_catch_all_feedback(bank: Bank) -> None:
    other = grade(bank.question("read-it"), "a book")
    assert other.outcome is Outcome.WRONG
    assert other.feedback == ("Read the manual: it is all there.",)
    assert grade(bank.question("read-it"), "   ").feedback == ()  # no answer is not an answer


def test_a_numeric_catch_all_gives_its_weight(bank: Bank) -> None:
    q = bank.question("pi")
    assert grade(q, "3.14").score == 1.0
    wrong = grade(q, "4")
    assert wrong.score == pytest.approx(0.1)
    assert wrong.feedback == ("Pi is a little over three.",)
    with pytest.raises(Unreadable, match="'four' is not a number"):  # refused, never graded
        grade(q, "four")


def test_a_gap_catch_all(bank: Bank) -> None:
    q = bank.question("capital")
    assert q.gaps[0].otherwise == OtherAnswer("Not that one.", 0.0)
    assert grade(q, ("Lyon",)).feedback == ("Not that one.",)
    assert grade(q, ("Paris",)).outcome is Outcome.RIGHT


def test_the_yaml_writer_keeps_wildcards_and_catch_alls(bank: Bank) -> None:
    text = bank_to_yaml(bank)
    assert "wildcard: true" in text and "otherwise:" in text
    again = parse_bank(text, "again.yaml")
    assert again.problems == ()
    assert again.bank is not None
    strip = [q.id for q in bank.questions]
    for qid in strip:
        mine, theirs = bank.question(qid), again.bank.question(qid)
        assert (mine.answers, mine.numeric, mine.gaps, mine.otherwise) == (
            theirs.answers,
            theirs.numeric,
            theirs.gaps,
            theirs.otherwise,
        )


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("{text: manual, wildcard: true}", "has no `*`"),
        ("{text: '**', wildcard: true}", "use `otherwise:`"),
        ("{text: '*a*', wildcard: yes please}", "`wildcard` must be true or false"),
    ],
)
def test_bad_wildcards_are_reported(answer: str, message: str) -> None:
    text = f"title: T\nquestions:\n  - {{id: q, prompt: P, answers: [x, {answer}]}}\n"
    problems = [str(p) for p in parse_bank(text, "t.yaml").problems]
    assert any(message in p for p in problems), problems


@pytest.mark.parametrize(
    ("otherwise", "message"),
    [
        ("Nope", "must be a mapping with `feedback`"),
        ("{feedback: x, weight: -10}", "must not be negative"),
        ("{feedback: x, misconception: y}", "unknown key 'misconception'"),
    ],
)
def test_bad_catch_alls_are_reported(otherwise: str, message: str) -> None:
    text = f"title: T\nquestions:\n  - {{id: q, prompt: P, answers: [x], otherwise: {otherwise}}}\n"
    problems = [str(p) for p in parse_bank(text, "t.yaml").problems]
    assert any(message in p for p in problems), problems


def test_a_catch_all_with_feedback_explains_the_wrong_answers_for_lint() -> None:
    head = "title: T\nquestions:\n  - id: q\n    prompt: P\n    answers: [Paris]\n"
    wrong = "    wrong_answers: [Lyon]\n    explanation: Paris is the capital.\n"
    plain = parse_bank(head + wrong, "t.yaml").bank
    assert plain is not None
    assert [w.code for w in lint_bank(plain, "t.yaml")] == ["QA101"]
    caught = head + wrong + "    otherwise: {feedback: Paris is the capital of France.}\n"
    explained = parse_bank(caught, "t.yaml").bank
    assert explained is not None
    assert lint_bank(explained, "t.yaml") == []
    verdict = head + wrong + "    otherwise: {feedback: Wrong.}\n"
    only = parse_bank(verdict, "t.yaml").bank
    assert only is not None
    assert [w.code for w in lint_bank(only, "t.yaml", verdict)] == ["QA102"]
