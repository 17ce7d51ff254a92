"""The practice session state machine: flow, seeded presentation and the summary."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from quizapp.core.model import (
    Bank,
    Choice,
    MatchPair,
    Misconception,
    Question,
    QuestionType,
    Response,
    SelfGrade,
    TextAnswer,
    match_rights,
)
from quizapp.core.scoring import AnswerError, Outcome
from quizapp.core.study import PracticeSession, SessionError, StudyItem
from quizapp.core.study.presenting import present

BIGGER = Misconception("bigger-is-closer", "Bigger planets are closer.", "Size says nothing.")
CENTRE = Misconception("earth-centre", "Earth is at the centre.", "Earth is the third planet.")


def single(qid: str, *, misconceptions: tuple[str | None, ...] = (None, None, None)) -> Question:
    """A single-choice question whose choice 0 is right; choice 3 is pinned last."""
    return Question(
        id=qid,
        type=QuestionType.SINGLE,
        prompt=f"Question {qid}?",
        choices=(
            Choice("right", 1.0),
            Choice("wrong 1", misconception=misconceptions[0]),
            Choice("wrong 2", misconception=misconceptions[1]),
            Choice("wrong 3", misconception=misconceptions[2]),
            Choice("Half", 0.5),
            Choice("None of these", pinned=True),
        ),
    )


ORDER = Question(
    id="inner",
    type=QuestionType.ORDER,
    prompt="Order these.",
    items=("Mercury", "Venus", "Earth", "Mars"),
)
MATCH = Question(
    id="moons",
    type=QuestionType.MATCH,
    prompt="Match.",
    pairs=(MatchPair("Titan", "Saturn"), MatchPair("Io", "Jupiter")),
    distractors=("Neptune",),
)
SHORT = Question(
    id="red",
    type=QuestionType.SHORT,
    prompt="Red planet?",
    answers=(TextAnswer("Mars"), TextAnswer("Jupiter", 0.0, misconception="bigger-is-closer")),
)

BANK = Bank(
    id="demo",
    title="Demo",
    questions=(
        single("a", misconceptions=("bigger-is-closer", "earth-centre", "not-in-bank")),
        single("b", misconceptions=("earth-centre", None, None)),
        SHORT,
        ORDER,
        MATCH,
    ),
    misconceptions={BIGGER.id: BIGGER, CENTRE.id: CENTRE},
)


def answer_and_advance(session: PracticeSession, *responses: Response) -> None:
    for response in responses:
        session.answer(response)
        session.advance()


# --- flow ---------------------------------------------------------------------------------------


def test_walks_the_questions_in_bank_order() -> None:
    session = PracticeSession(BANK, seed=1)
    assert (session.total, session.position, session.finished) == (5, 0, False)
    current = session.current
    assert current is not None and current.question.id == "a"
    assert session.current_record is None

    record = session.answer(0)
    assert record.grade.outcome is Outcome.RIGHT
    assert session.current_record == record
    assert session.records == (record,)
    session.advance()
    assert session.position == 1
    assert session.current is not None and session.current.question.id == "b"
    assert session.current_record is None


def test_finishes_after_advancing_past_the_last_question() -> None:
    session = PracticeSession(BANK, [SHORT], seed=1)
    session.answer("Mars")
    assert not session.finished  # the feedback for the last answer is still on screen
    session.advance()
    assert session.finished
    assert session.current is None and session.current_record is None
    with pytest.raises(SessionError):
        session.answer("Mars")
    with pytest.raises(SessionError):
        session.advance()


def test_cannot_answer_twice_or_advance_unanswered() -> None:
    session = PracticeSession(BANK, seed=1)
    with pytest.raises(SessionError, match="answered before"):
        session.advance()
    session.answer(1)
    with pytest.raises(SessionError, match="already answered"):
        session.answer(0)
    assert session.records[0].grade.outcome is Outcome.WRONG


def test_a_badly_shaped_response_records_nothing() -> None:
    session = PracticeSession(BANK, seed=1)
    with pytest.raises(AnswerError):
        session.answer("right")
    assert session.current_record is None and session.records == ()
    assert session.answer(0).grade.score == 1.0


def test_a_session_over_no_questions_is_finished_at_once() -> None:
    session = PracticeSession(BANK, [], seed=1)
    assert session.finished and session.current is None and session.total == 0
    summary = session.summary()
    assert (summary.answered, summary.total, summary.percent) == (0, 0, 0.0)


def test_responses_use_original_indexes_whatever_the_display_order() -> None:
    for seed in range(20):
        session = PracticeSession(BANK, seed=seed)
        assert session.answer(0).grade.outcome is Outcome.RIGHT
        session.advance()
        session.answer(0)
        session.advance()
        session.answer("Mars")
        session.advance()
        assert session.answer((0, 1, 2, 3)).grade.outcome is Outcome.RIGHT
        session.advance()
        assert session.answer((0, 1)).grade.outcome is Outcome.RIGHT


# --- presentation -------------------------------------------------------------------------------


Shown = tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...]]
RESPONSES: dict[QuestionType, Response] = {
    QuestionType.SINGLE: 0,
    QuestionType.SHORT: "x",
    QuestionType.ORDER: (0, 1, 2, 3),
    QuestionType.MATCH: (None, None),
}


def presented_orders(seed: int | None, *, shuffle_questions: bool = False) -> list[Shown]:
    """(question id, choice order, item order, right order) of every question, as presented."""
    session = PracticeSession(BANK, seed=seed, shuffle_questions=shuffle_questions)
    shown: list[Shown] = []
    while (current := session.current) is not None:
        shown.append(
            (current.question.id, current.choice_order, current.item_order, current.right_order)
        )
        session.answer(RESPONSES[current.question.type])
        session.advance()
    return shown


def test_the_same_seed_presents_the_same_session() -> None:
    assert presented_orders(7, shuffle_questions=True) == presented_orders(
        7, shuffle_questions=True
    )
    runs = {tuple(presented_orders(seed, shuffle_questions=True)) for seed in range(10)}
    assert len(runs) > 1


def test_questions_shuffle_only_when_asked() -> None:
    in_bank_order = [q.id for q in BANK.questions]
    assert [shown[0] for shown in presented_orders(3)] == in_bank_order
    orders = {
        tuple(s[0] for s in presented_orders(seed, shuffle_questions=True)) for seed in range(10)
    }
    assert len(orders) > 1
    assert all(sorted(order) == sorted(in_bank_order) for order in orders)


def test_choices_shuffle_around_pinned_choices() -> None:
    question = single("a")
    orders = {present(question, random.Random(seed)).choice_order for seed in range(30)}
    assert len(orders) > 1
    for order in orders:
        assert sorted(order) == list(range(6))
        assert order[5] == 5  # "None of these" stays last


def test_choices_keep_their_order_when_shuffling_is_off() -> None:
    question = single("a")
    unshuffled = replace(question, shuffle=False)
    identity = tuple(range(6))
    assert present(unshuffled, random.Random(1)).choice_order == identity
    assert present(question, random.Random(1), shuffle_choices=False).choice_order == identity


def test_order_items_are_always_shuffled_and_never_shown_solved() -> None:
    for seed in range(50):
        for shuffle_choices in (True, False):
            order = present(ORDER, random.Random(seed), shuffle_choices).item_order
            assert sorted(order) == [0, 1, 2, 3]
            assert order != (0, 1, 2, 3)
    two = Question(id="two", type=QuestionType.ORDER, prompt="?", items=("a", "b"))
    assert all(present(two, random.Random(s)).item_order == (1, 0) for s in range(10))


def test_match_rights_are_shuffled_and_never_lined_up_with_their_left_items() -> None:
    rights = match_rights(MATCH)
    seen = set()
    for seed in range(50):
        order = present(MATCH, random.Random(seed)).right_order
        assert sorted(order) == [0, 1, 2]
        assert [rights[i] for i in order[:2]] != ["Saturn", "Jupiter"]
        seen.add(order)
    assert len(seen) > 1


def test_an_unseeded_session_still_presents_valid_orders() -> None:
    for question_id, choices, items, rights in presented_orders(None, shuffle_questions=True):
        if question_id in ("a", "b"):
            assert sorted(choices) == list(range(6)) and choices[5] == 5
        if question_id == "inner":
            assert items != (0, 1, 2, 3)
        if question_id == "moons":
            assert sorted(rights) == [0, 1, 2]


# --- summary ------------------------------------------------------------------------------------


def test_summary_totals_and_misconception_tallies() -> None:
    session = PracticeSession(BANK, seed=5)
    # a: wrong 2 -> earth-centre; b: wrong 1 -> earth-centre; red: Jupiter -> bigger-is-closer;
    # inner: one neighbour swap (5/6); moons: unanswered.
    answer_and_advance(session, 2, 1, "Jupiter", (1, 0, 2, 3))
    summary = session.summary()
    assert (summary.answered, summary.total) == (4, 5)
    assert (summary.right, summary.partial, summary.wrong) == (0, 1, 3)
    assert summary.score == pytest.approx(5 / 6)
    assert summary.max_score == 4
    assert summary.percent == pytest.approx(100 * (5 / 6) / 4)
    tallies = [(t.misconception.id, t.question_ids, t.count) for t in summary.misconceptions]
    assert tallies == [("earth-centre", ("a", "b"), 2), ("bigger-is-closer", ("red",), 1)]


def test_summary_ties_keep_first_appearance_and_skip_unknown_ids() -> None:
    session = PracticeSession(BANK, seed=5)
    # a: wrong 3 -> "not-in-bank" (skipped); b: wrong 1 -> earth-centre; red -> bigger-is-closer.
    answer_and_advance(session, 3, 1, "jupiter")
    assert [t.misconception for t in session.summary().misconceptions] == [CENTRE, BIGGER]
    session = PracticeSession(BANK, seed=5)
    answer_and_advance(session, 1, 1)
    summary = session.summary()
    assert [t.misconception for t in summary.misconceptions] == [BIGGER, CENTRE]


def test_summary_full_marks_and_flashcards() -> None:
    card = Question(id="au", type=QuestionType.FLASHCARD, prompt="AU?", back="Sun-Earth distance")
    bank = Bank(id="cards", title="Cards", questions=(card, card))
    session = PracticeSession(bank, seed=0)
    answer_and_advance(session, SelfGrade.GOOD, SelfGrade.AGAIN)
    summary = session.summary()
    assert (summary.right, summary.wrong, summary.percent) == (1, 1, 50.0)
    assert session.finished


def test_misconception_lookup() -> None:
    session = PracticeSession(BANK, seed=0)
    assert session.misconception("bigger-is-closer") == BIGGER
    assert session.misconception("not-in-bank") is None


# --- study items, several banks, timing ---------------------------------------------------------

STARS = Bank(
    id="stars",
    title="Stars",
    questions=(single("a", misconceptions=("bigger-is-closer", None, None)),),
    misconceptions={
        "bigger-is-closer": Misconception("bigger-is-closer", "Brightest is closest.", "No.")
    },
)


def test_a_session_over_items_from_two_banks() -> None:
    items = [StudyItem(BANK, BANK.questions[0]), StudyItem(STARS, STARS.questions[0])]
    session = PracticeSession(items=items, seed=1)
    assert session.bank.title == "Demo + Stars"
    assert session.current_item == items[0]
    record = session.answer(1)
    assert record.item.key == ("demo", "a")
    assert session.misconception("bigger-is-closer") == BIGGER
    session.advance()
    assert session.current_item is not None and session.current_item.key == ("stars", "a")
    # The current question's own bank explains its misconception.
    assert session.misconception("bigger-is-closer") == STARS.misconceptions["bigger-is-closer"]
    assert session.misconception("earth-centre") == CENTRE
    session.answer(1)
    session.advance()
    assert session.current_item is None
    tallies = session.summary().misconceptions
    assert [(t.bank_id, t.question_ids) for t in tallies] == [("demo", ("a",)), ("stars", ("a",))]


def test_a_session_over_one_banks_items_names_that_bank() -> None:
    session = PracticeSession(items=[StudyItem(BANK, SHORT)], seed=1)
    assert session.bank is BANK and session.questions == (SHORT,)


def test_a_session_needs_a_bank_or_items_but_not_both() -> None:
    with pytest.raises(TypeError):
        PracticeSession()
    with pytest.raises(TypeError):
        PracticeSession(BANK, items=[StudyItem(BANK, SHORT)])


def test_each_answer_is_timed_from_when_its_question_appeared() -> None:
    now = [50.0]
    session = PracticeSession(BANK, [SHORT, ORDER], seed=1, clock=lambda: now[0])
    now[0] += 8
    first = session.answer("Mars")
    now[0] += 20  # reading the feedback is not answering time
    session.advance()
    now[0] += 3
    second = session.answer((0, 1, 2, 3))
    assert (first.seconds, second.seconds, session.seconds) == (8, 3, 31)
    assert session.report().seconds == 31


def test_an_answer_can_be_taken_back_and_given_again() -> None:
    session = PracticeSession(BANK)
    with pytest.raises(SessionError, match="no answer"):
        session.take_back()
    first = session.answer(1)
    assert session.take_back() == first
    assert session.current_record is None and session.records == () and session.position == 0
    session.answer(0)
    assert [r.response for r in session.records] == [0]
