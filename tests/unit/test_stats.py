"""Item analysis on small synthetic classes whose statistics are worked out by hand below."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.bank.loader import parse_bank
from quizapp.core.model import Bank, Response, SelfGrade
from quizapp.core.progress import content_hash
from quizapp.core.scoring import grade
from quizapp.core.stats import Flag, ResultRow, analyse, render_table
from quizapp.core.stats.analysis import discriminative_efficiency, pearson

CLASS_YAML = """
id: class
title: Synthetic class
misconceptions:
  m-a: {summary: Idea A, explanation: Why A is wrong.}
  m-b: {summary: Idea B, explanation: Why B is wrong.}
  m-c: {summary: Idea C, explanation: Why C is wrong.}
questions:
  - id: q1
    prompt: Question one?
    choices:
      - {text: One right, correct: true}
      - {text: One B, misconception: m-a}
      - {text: One C, misconception: m-b}
      - {text: One D, feedback: No.}
  - id: q2
    prompt: Question two?
    choices:
      - {text: Two right, correct: true}
      - {text: Two B, misconception: m-a}
      - {text: Two C, misconception: m-b}
      - {text: Two D, feedback: No.}
  - id: q3
    prompt: Question three?
    choices:
      - {text: Three right, correct: true}
      - {text: Three B, misconception: m-b}
      - {text: Three C, misconception: m-a}
      - {text: Three D, feedback: No.}
  - id: q4
    prompt: Question four (keyed A, but B is really right)?
    choices:
      - {text: Four keyed, correct: true}
      - {text: Four really right, feedback: No.}
      - {text: Four C, misconception: m-c}
      - {text: Four D, misconception: m-c}
"""


def load(text: str) -> Bank:
    result = parse_bank(text.encode(), "class.yaml")
    assert result.bank is not None, result.problems
    return result.bank


CLASS = load(CLASS_YAML)
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
A, B, C, D = 0, 1, 2, 3


class Answers:
    """Builds the rows a class would hand in: graded by quizapp's own scoring, one minute apart."""

    def __init__(self, bank: Bank = CLASS) -> None:
        self.bank = bank
        self.rows: list[ResultRow] = []
        self.ids: dict[str, int] = {}

    def add(self, student: str, session: str, question: str, response: Response | None) -> None:
        self.ids[student] = self.ids.get(student, 0) + 1
        q = self.bank.question(question)
        if response is None:
            score, outcome, revealed = 0.0, "wrong", ()
        elif isinstance(response, SelfGrade):
            score, outcome, revealed = 1.0, "right", ()
        else:
            verdict = grade(q, response)
            score, outcome, revealed = verdict.score, str(verdict.outcome), verdict.misconceptions
        self.rows.append(
            ResultRow(
                install_id=student,
                answer_id=self.ids[student],
                answered_at=T0 + timedelta(minutes=len(self.rows)),
                bank_id=self.bank.id,
                question_id=question,
                content_hash=content_hash(q),
                session_id=session,
                mode="exam",
                response=response,
                score=score,
                outcome=outcome,
                misconceptions=revealed,
            )
        )

    def session(self, student: str, session: str, **picks: Response | None) -> None:
        for question, response in picks.items():
            self.add(student, session, question, response)


def six_students() -> Answers:
    """Six students, one exam session each, four questions; s1 strongest ... s6 weakest.

    Picks (A is the keyed answer everywhere) and scores:

             q1  q2  q3  q4     total
        s1   A 1 A 1 A 1 B 0    3
        s2   A 1 A 1 A 1 B 0    3
        s3   A 1 A 1 B 0 B 0    2
        s4   A 1 B 0 B 0 A 1    2
        s5   A 1 C 0 B 0 D 0    1
        s6   B 0 B 0 C 0 A 1    1

    Then s4 comes back in a second session of one question: q2, A (right).
    """
    answers = Answers()
    answers.session("s1", "e1", q1=A, q2=A, q3=A, q4=B)
    answers.session("s2", "e1", q1=A, q2=A, q3=A, q4=B)
    answers.session("s3", "e1", q1=A, q2=A, q3=B, q4=B)
    answers.session("s4", "e1", q1=A, q2=B, q3=B, q4=A)
    answers.session("s5", "e1", q1=A, q2=C, q3=B, q4=D)
    answers.session("s6", "e1", q1=B, q2=B, q3=C, q4=A)
    answers.session("s4", "later", q2=A)
    return answers


@pytest.fixture
def analysis():
    return analyse(six_students().rows, {"class": CLASS})


def test_counts_students_attempts_and_answers(analysis) -> None:
    assert (analysis.students, analysis.attempts, analysis.answers) == (6, 7, 25)
    assert [stat.question_id for stat in analysis.questions] == ["q1", "q2", "q3", "q4"]


def test_facility_is_the_mean_score_of_the_attempts_as_a_percentage(analysis) -> None:
    facility = {stat.question_id: stat.facility for stat in analysis.questions}
    assert facility["q1"] == pytest.approx(100 * 5 / 6)  # 83.333
    assert facility["q2"] == pytest.approx(100 * 4 / 7)  # s4's second session counts: 57.143
    assert facility["q3"] == pytest.approx(100 * 2 / 6)  # 33.333
    assert facility["q4"] == pytest.approx(100 * 2 / 6)
    assert analysis.question("class", "q2").attempts == 7


def test_discrimination_is_the_correlation_with_the_rest_of_the_test(analysis) -> None:
    """Worked by hand with rest = total - item (every exam session has 4 questions, so the mean
    of the other three is that sum / 3, which leaves the correlation unchanged).
    Sxy, Sxx, Syy are sums of products of deviations from the means; r = Sxy / sqrt(Sxx Syy).

    q1: x = 1 1 1 1 1 0, rest = 2 2 1 1 0 1; means 5/6, 7/6
        Sxy = 1/6 (5/6+5/6-1/6-1/6-7/6) + (-5/6)(-1/6) = 1/36 + 5/36 = 1/6
        Sxx = 5/36 + 25/36 = 5/6;  Syy = (25+25+1+1+49+1)/36 = 17/6
        r = (1/6) / sqrt(85/36) = 1/sqrt(85) = 0.108
    q2: x = 1 1 1 0 0 0, rest = 2 2 1 2 1 1; means 1/2, 3/2 (s4's one-question session: no rest)
        deviations all +-1/2: Sxy = 1/4 (1+1-1-1+1+1) = 1/2, Sxx = Syy = 6/4; r = 1/3 = 0.333
    q3: x = 1 1 0 0 0 0, rest = 2 2 2 2 1 1; means 1/3, 5/3
        Sxy = (2/9)(2) + (-1/9)(2) + (2/9)(2) = 2/3, Sxx = Syy = 4/3; r = 0.5
    q4: x = 0 0 0 1 0 1, rest = 3 3 2 1 1 0; means 1/3, 5/3
        Sxy = (-1/3)(4/3 + 4/3 + 1/3) + (2/3)(-2/3) + (-1/3)(-2/3) + (2/3)(-5/3) = -7/3
        Sxx = 4/3;  Syy = (16+16+1+4+4+25)/9 = 22/3
        r = (-7/3) / sqrt(88/9) = -7/sqrt(88) = -0.746
    """
    r = {stat.question_id: stat.discrimination for stat in analysis.questions}
    assert round(r["q1"], 3) == round(1 / math.sqrt(85), 3) == 0.108
    assert round(r["q2"], 3) == 0.333
    assert round(r["q3"], 3) == 0.500
    assert round(r["q4"], 3) == round(-7 / math.sqrt(88), 3) == -0.746
    assert analysis.question("class", "q2").discrimination_attempts == 6


def test_discriminative_efficiency_compares_with_the_sorted_covariance(analysis) -> None:
    """q3: sorted x = 0 0 0 0 1 1 against sorted rest = 1 1 2 2 2 2 gives the same covariance
    as the real pairs (2/3): efficiency 1. q2: sorted pairs give Sxy = 6/4, real 1/2: 1/3."""
    assert round(analysis.question("class", "q3").efficiency, 3) == 1.0
    assert round(analysis.question("class", "q2").efficiency, 3) == 0.333


def test_choice_counts_and_percentages(analysis) -> None:
    q2 = analysis.question("class", "q2")
    assert [(c.letter, c.count) for c in q2.choices] == [("A", 4), ("B", 2), ("C", 1), ("D", 0)]
    assert [round(c.percent, 1) for c in q2.choices] == [57.1, 28.6, 14.3, 0.0]
    assert [c.text for c in q2.choices] == ["Two right", "Two B", "Two C", "Two D"]
    assert [c.correct for c in q2.choices] == [True, False, False, False]
    assert q2.choices[1].misconception == "m-a"
    assert not q2.rare_distractors  # 7 attempts: too few to call any distractor rare


def test_a_question_whose_strong_students_favour_a_wrong_choice_looks_mis_keyed(analysis) -> None:
    # The top third of q4 by rest-of-test score: s1 and s2 (rest 3). Both picked B; the key A: 0.
    q4 = analysis.question("class", "q4")
    assert [c.top_count for c in q4.choices] == [0, 2, 0, 0]
    assert Flag.MISKEYED in q4.flags
    assert q4.miskey_reasons == (
        "the top third picked B 2×, the key A 0×",
        "negative discrimination (-0.75)",
    )
    others = [stat for stat in analysis.questions if stat.question_id != "q4"]
    assert all(not stat.miskey_reasons for stat in others)


def test_misconception_holders_by_the_apps_rule(analysis) -> None:
    """m-a revealed by s6 (q1 B, q2 B, q3 C) and s4 (q2 B); s4 then answered q2 (which carries
    m-a) right in a later session, but the same day: one day of declining is not two, so both
    hold it. m-b: s5 (q2 C, q3 B), s3 (q3 B), s4 (q3 B; q2 right later, the same day). m-c: s5
    (q4 D)."""
    held = {m.id: (m.holders, m.students, m.times) for m in analysis.misconceptions}
    assert held == {"m-a": (2, 2, 4), "m-b": (3, 3, 4), "m-c": (1, 1, 1)}
    by_id = {m.id: m for m in analysis.misconceptions}
    assert by_id["m-a"].questions == (("q2", 2), ("q1", 1), ("q3", 1))
    assert by_id["m-b"].questions == (("q3", 3), ("q2", 1))
    assert by_id["m-a"].summary == "Idea A"
    assert [m.id for m in analysis.misconceptions] == ["m-b", "m-a", "m-c"]  # most held first


def test_declining_a_misconception_on_two_days_overcomes_it() -> None:
    """s4 answers q2 right again the next day: a second day, so s4 no longer holds m-a nor
    m-b (q2's options carry both)."""
    answers = six_students()
    answers.add("s4", "next-day", "q2", A)
    last = answers.rows[-1]
    answers.rows[-1] = dataclasses.replace(last, answered_at=last.answered_at + timedelta(days=1))
    held = {m.id: m.holders for m in analyse(answers.rows, {"class": CLASS}).misconceptions}
    assert held == {"m-a": 1, "m-b": 2, "m-c": 1}


def test_a_question_met_twice_in_one_session_counts_its_first_answer() -> None:
    answers = six_students()
    answers.add("s1", "e1", "q1", B)  # s1 meets q1 again at the end of the same exam
    stat = analyse(answers.rows, {"class": CLASS}).question("class", "q1")
    assert stat.attempts == 6 and stat.facility == pytest.approx(100 * 5 / 6)
    assert round(stat.discrimination, 3) == 0.108


def test_rare_distractors_need_enough_attempts() -> None:
    """20 students answer q1: 16 A, 3 B (15%), 1 C (5%: not under 5%), 0 D (0%: rare)."""
    answers = Answers()
    picks = [A] * 16 + [B] * 3 + [C]
    for number, pick in enumerate(picks):
        answers.add(f"p{number}", "x", "q1", pick)
    stat = analyse(answers.rows, {"class": CLASS}).question("class", "q1")
    assert [c.letter for c in stat.rare_distractors] == ["D"]
    assert Flag.RARE in stat.flags
    fewer = analyse(answers.rows[:19], {"class": CLASS}).question("class", "q1")
    assert not fewer.rare_distractors  # 19 attempts: not enough to judge
    table = render_table(analyse(answers.rows, {"class": CLASS}))
    assert "q1: rare distractor D: picked by 0 of 20 (under 5%)" in table
    d_line = next(line for line in table.splitlines() if line.startswith("   D One D "))
    assert d_line.split() == ["D", "One", "D", "0", "0.0%", "rare"] and len(d_line) == 80


def test_without_the_bank_choices_and_the_key_come_from_the_answers() -> None:
    analysis = analyse(six_students().rows, {})
    q4 = analysis.question("class", "q4")
    assert q4.type is None and q4.in_bank is None
    # The highest index picked is D (3); A earned credit, so it is taken as the key.
    assert [(c.letter, c.count, c.correct, c.text) for c in q4.choices] == [
        ("A", 2, True, None),
        ("B", 3, False, None),
        ("C", 0, None, None),
        ("D", 1, False, None),
    ]
    assert q4.miskey_reasons  # still found: the strong students' B beats the inferred key
    assert analysis.misconceptions[0].summary is None


def test_a_question_answered_in_two_versions_is_flagged_edited() -> None:
    answers = six_students()
    answers.rows[0] = replace(answers.rows[0], content_hash="0123456789abcdef")
    analysis = analyse(answers.rows, {"class": CLASS})
    assert analysis.question("class", "q1").edited
    assert Flag.EDITED in analysis.question("class", "q1").flags
    assert not analysis.question("class", "q2").edited
    # Edited in the bank since it was answered: the bank's hash differs from every row's.
    changed = replace(CLASS.questions[1], prompt="Question two, reworded?")
    bank = replace(CLASS, questions=(CLASS.questions[0], changed, *CLASS.questions[2:]))
    assert analyse(six_students().rows, {"class": bank}).question("class", "q2").versions == 2


def test_a_question_no_longer_in_its_bank_is_flagged() -> None:
    bank = replace(CLASS, questions=CLASS.questions[:3])
    stat = analyse(six_students().rows, {"class": bank}).question("class", "q4")
    assert stat.in_bank is False and Flag.NOT_IN_BANK in stat.flags
    assert stat.choices[1].text is None  # no text to show, counts still there
    assert stat.choices[1].count == 3


def test_self_graded_answers_and_other_banks_are_left_out() -> None:
    answers = six_students()
    answers.add("s1", "cards", "q1", SelfGrade.GOOD)
    analysis = analyse(answers.rows, {"class": CLASS})
    assert (analysis.self_graded, analysis.answers) == (1, 25)
    assert analysis.question("class", "q1").attempts == 6
    assert analyse(answers.rows, {"class": CLASS}, bank_id="other").empty


def test_unanswered_exam_questions_score_zero_and_pick_nothing() -> None:
    answers = Answers()
    answers.session("u1", "e", q1=A, q2=A)
    answers.session("u2", "e", q1=None, q2=B)
    stat = analyse(answers.rows, {"class": CLASS}).question("class", "q1")
    assert (stat.attempts, stat.answered, stat.unanswered) == (2, 1, 1)
    assert stat.facility == 50.0
    assert [c.percent for c in stat.choices] == [100.0, 0.0, 0.0, 0.0]  # of those who answered


def test_discrimination_is_none_when_undefined() -> None:
    assert pearson([1, 1, 1], [0.5, 0.2, 0.9]) is None  # the item: no variance
    assert pearson([1, 0, 1], [0.5, 0.5, 0.5]) is None  # the rest: no variance
    assert pearson([1], [0.5]) is None
    assert pearson([1, 0], [1, 0]) == 1.0
    assert discriminative_efficiency([1, 1], [0, 1]) is None
    answers = Answers()
    answers.session("solo", "e", q1=A)  # a session of one question has no rest of the test
    answers.session("solo2", "e", q1=B)
    stat = analyse(answers.rows, {"class": CLASS}).question("class", "q1")
    assert stat.discrimination is None and stat.discrimination_attempts == 0
