"""Session set-up: topics and tags, counts, seeded shuffles, exam blueprints, several banks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import pytest

from quizapp.core.study import (
    DEFAULT_PASS_MARK,
    ExamSession,
    FlashcardSession,
    Mode,
    PracticeSession,
    SessionConfig,
    StudyError,
    StudyItem,
    available_tags,
    available_topics,
    exam_defaults,
    retry_mistakes,
    select_items,
    start_session,
)
from tests.unit.study_banks import EARTH, STARS, FakeClock, some_response

EXAM = SessionConfig(mode=Mode.EXAM)


def ids(items: Sequence[StudyItem]) -> list[str]:
    return [item.question.id for item in items]


# --- what there is to choose from ---------------------------------------------------------------


def test_topics_in_order_of_first_appearance_with_general_for_the_untopical() -> None:
    assert available_topics([EARTH]) == ("Planets", "Moons", "General")
    assert available_topics([STARS, EARTH]) == (
        "Stars",
        "Navigation",
        "Planets",
        "Moons",
        "General",
    )


def test_tags_include_the_banks_own() -> None:
    assert available_tags([EARTH]) == ("astronomy", "inner")
    assert available_tags([EARTH, STARS]) == ("astronomy", "inner", "stellar")


# --- filters and counts -------------------------------------------------------------------------


def test_topic_filter_keeps_only_those_topics_in_bank_order() -> None:
    config = SessionConfig(topics=frozenset({"Moons", "General"}), shuffle_questions=False)
    assert ids(select_items([EARTH], config)) == [
        "titan", "moon-count", "moons-match", "capital", "inner-order", "au",
    ]  # fmt: skip


def test_tag_filter_matches_any_tag_of_the_question_or_its_bank() -> None:
    inner = SessionConfig(tags=frozenset({"inner"}), shuffle_questions=False)
    assert ids(select_items([EARTH, STARS], inner)) == ["closest", "red", "inner-order", "polaris"]
    either = replace(inner, tags=frozenset({"inner", "stellar"}))
    assert ids(select_items([EARTH, STARS], either)) == [
        "closest", "red", "inner-order", "closest", "sun-type", "polaris",
    ]  # fmt: skip
    # Every Earth question carries its bank's tag.
    assert len(select_items([EARTH], replace(inner, tags=frozenset({"astronomy"})))) == 10


def test_topics_and_tags_together_must_both_match() -> None:
    config = SessionConfig(
        topics=frozenset({"Planets"}), tags=frozenset({"inner"}), shuffle_questions=False
    )
    assert ids(select_items([EARTH], config)) == ["closest", "red"]


def test_count_takes_the_first_questions_or_all_when_larger() -> None:
    config = SessionConfig(count=3, shuffle_questions=False)
    assert ids(select_items([EARTH], config)) == ["closest", "giants", "pluto"]
    assert len(select_items([EARTH], replace(config, count=50))) == 10
    with pytest.raises(StudyError, match="at least one question"):
        select_items([EARTH], replace(config, count=0))


def test_nothing_matching_is_an_error_that_names_the_filters() -> None:
    config = SessionConfig(topics=frozenset({"Comets"}), tags=frozenset({"icy"}))
    with pytest.raises(StudyError, match="no question matches topics Comets and tags icy"):
        select_items([EARTH], config)
    with pytest.raises(StudyError, match="no question matches tags stellar"):
        select_items([EARTH], SessionConfig(tags=frozenset({"stellar"})))


def test_several_banks_keep_each_questions_bank_in_its_key() -> None:
    items = select_items([EARTH, STARS], SessionConfig(shuffle_questions=False))
    assert len(items) == 13
    keys = [item.key for item in items]
    assert ("earth", "closest") in keys and ("stars", "closest") in keys
    assert len(set(keys)) == 13
    assert all(item.question in item.bank.questions for item in items)


# --- shuffling ----------------------------------------------------------------------------------


def test_seeded_shuffles_repeat_and_differ_between_seeds() -> None:
    def order(seed: int) -> list[tuple[str, str]]:
        return [i.key for i in select_items([EARTH, STARS], SessionConfig(seed=seed))]

    assert order(4) == order(4)
    assert len({tuple(order(seed)) for seed in range(10)}) > 1
    assert sorted(order(4)) == sorted(i.key for i in select_items([EARTH, STARS], SessionConfig()))
    unshuffled = select_items([EARTH], SessionConfig(seed=4, shuffle_questions=False))
    assert ids(unshuffled) == [q.id for q in EARTH.questions]


def test_a_shuffled_count_is_a_random_subset() -> None:
    drawn = {
        frozenset(ids(select_items([EARTH], SessionConfig(count=3, seed=s)))) for s in range(10)
    }
    assert len(drawn) > 1 and all(len(d) == 3 for d in drawn)


# --- exams and blueprints -----------------------------------------------------------------------


def test_exam_draws_the_blueprint_per_topic_then_fills_to_the_declared_count() -> None:
    for seed in range(30):
        items = select_items([EARTH], replace(EXAM, seed=seed))
        topics = Counter(item.topic for item in items)
        assert len(items) == 5 and len(set(ids(items))) == 5
        assert topics["Planets"] >= 2 and topics["Moons"] >= 1


def test_blueprint_counts_are_exact_when_they_fill_the_exam() -> None:
    config = replace(EXAM, count=4, blueprint=(("Planets", 3), ("General", 1)))
    seen = set()
    for seed in range(30):
        items = select_items([EARTH], replace(config, seed=seed))
        assert Counter(item.topic for item in items) == {"Planets": 3, "General": 1}
        seen.add(tuple(ids(items)))
    assert len(seen) > 1  # different draws and orders for different seeds
    unshuffled = replace(config, shuffle_questions=False)
    draws = {frozenset(ids(select_items([EARTH], replace(unshuffled, seed=s)))) for s in range(10)}
    assert len(draws) > 1  # not merely the first questions of each topic
    assert select_items([EARTH], replace(config, seed=8)) == select_items(
        [EARTH], replace(config, seed=8)
    )


def test_an_unshuffled_exam_keeps_its_draw_in_bank_order() -> None:
    config = replace(EXAM, seed=2, shuffle_questions=False)
    items = select_items([EARTH], config)
    positions = [EARTH.questions.index(item.question) for item in items]
    assert positions == sorted(positions)


def test_blueprint_that_cannot_be_met_says_why() -> None:
    config = replace(EXAM, blueprint=(("Moons", 4),), count=5)
    with pytest.raises(StudyError, match="topic 'Moons' has 3 questions, the blueprint asks for 4"):
        select_items([EARTH], config)
    config = replace(EXAM, blueprint=(("Comets", 1),))
    with pytest.raises(StudyError, match="topic 'Comets' has 0 questions"):
        select_items([EARTH], config)
    with pytest.raises(StudyError, match="asks for 3 questions, more than the 2 of the exam"):
        select_items([EARTH], replace(EXAM, count=2))


def test_exam_overrides_and_blueprint_without_a_count() -> None:
    no_blueprint = replace(EXAM, blueprint=(), shuffle_questions=False)
    assert ids(select_items([EARTH], no_blueprint)) == [
        "closest",
        "giants",
        "pluto",
        "red",
        "titan",
    ]
    only_blueprint = replace(EXAM, blueprint=(("Moons", 2),), count=None)
    bank = replace(EARTH, exam=None)
    assert Counter(i.topic for i in select_items([bank], only_blueprint)) == {"Moons": 2}
    assert len(select_items([bank], EXAM)) == 10  # nothing declared: every question


def test_the_banks_blueprint_gives_way_to_a_topic_or_tag_filter() -> None:
    moons = replace(EXAM, topics=frozenset({"Moons"}))
    assert Counter(i.topic for i in select_items([EARTH], moons)) == {"Moons": 3}
    general = replace(EXAM, topics=frozenset({"General"}), blueprint=(("Moons", 1),))
    with pytest.raises(StudyError, match="topic 'Moons' has 0 questions"):
        select_items([EARTH], general)  # a blueprint set up by the student still applies


def test_exam_defaults_of_one_bank_and_of_several() -> None:
    assert exam_defaults([EARTH]) == EARTH.exam
    merged = exam_defaults([EARTH, STARS])
    assert merged.questions == 7
    assert merged.time_limit_minutes == 15
    assert merged.pass_mark == 0.8  # the stricter
    assert merged.blueprint == (("Planets", 2), ("Moons", 1), ("Stars", 1))
    undeclared = replace(STARS, exam=None)
    assert exam_defaults([EARTH, undeclared]).questions == 5 + 3
    assert exam_defaults([undeclared, replace(EARTH, exam=None)]).questions is None


def test_multi_bank_exam_draws_from_both_blueprints() -> None:
    for seed in range(10):
        items = select_items([EARTH, STARS], replace(EXAM, seed=seed))
        topics = Counter(i.topic for i in items)
        assert len(items) == 7
        assert topics["Planets"] >= 2 and topics["Moons"] >= 1 and topics["Stars"] >= 1


# --- starting sessions --------------------------------------------------------------------------


def test_start_session_builds_the_chosen_mode() -> None:
    clock = FakeClock()
    practice = start_session([EARTH], SessionConfig(seed=1, confidence=True, count=4), clock)
    assert isinstance(practice, PracticeSession)
    assert practice.total == 4 and practice.confidence and practice.pass_mark is None
    cards = start_session([EARTH], SessionConfig(mode=Mode.FLASHCARDS, seed=1), clock)
    assert isinstance(cards, FlashcardSession) and cards.total == 10


def test_exam_takes_the_banks_limit_and_pass_mark_unless_overridden() -> None:
    clock = FakeClock()
    exam = start_session([EARTH], replace(EXAM, seed=1), clock)
    assert isinstance(exam, ExamSession)
    assert (exam.total, exam.remaining(), exam.pass_mark) == (5, 600.0, 0.6)
    exam = start_session([EARTH], replace(EXAM, time_limit_minutes=2, pass_mark=0.9), clock)
    assert isinstance(exam, ExamSession)
    assert (exam.remaining(), exam.pass_mark) == (120.0, 0.9)
    exam = start_session([replace(EARTH, exam=None)], replace(EXAM, time_limit_minutes=0), clock)
    assert isinstance(exam, ExamSession)
    assert (exam.remaining(), exam.pass_mark) == (None, DEFAULT_PASS_MARK)


def test_start_session_refuses_impossible_settings() -> None:
    with pytest.raises(StudyError, match="pass mark"):
        start_session([EARTH], SessionConfig(pass_mark=70))
    with pytest.raises(StudyError, match="time limit"):
        start_session([EARTH], replace(EXAM, time_limit_minutes=-1))


def test_the_same_seed_replays_the_same_session_with_pinned_choices_in_place() -> None:
    def shown(seed: int) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
        session = start_session([EARTH], SessionConfig(seed=seed))
        assert isinstance(session, PracticeSession)
        out = []
        while (current := session.current) is not None:
            out.append((current.question.id, current.choice_order, current.item_order))
            session.answer(some_response(current.question))
            session.advance()
        return out

    assert shown(11) == shown(11)
    runs = [shown(seed) for seed in range(10)]
    assert len({tuple(run) for run in runs}) > 1
    closest = [orders for run in runs for qid, orders, _ in run if qid == "closest"]
    assert len(set(closest)) > 1
    assert all(order[4] == 4 for order in closest)  # "None of these" is pinned last


# --- retry mistakes -----------------------------------------------------------------------------


def test_retry_mistakes_studies_exactly_the_wrong_and_partly_right() -> None:
    clock = FakeClock()
    config = SessionConfig(topics=frozenset({"Planets"}), shuffle_questions=False)
    session = start_session([EARTH], config, clock)
    assert isinstance(session, PracticeSession)
    # closest: Venus (half); giants: both right; pluto: True (wrong); red: Mars (right).
    for response in (3, frozenset({0, 1}), 0, "Mars"):
        session.answer(response)
        session.advance()
    report = session.report()
    retry = retry_mistakes(report, seed=3, clock=clock)
    assert [item.key for item in retry.items] == [("earth", "closest"), ("earth", "pluto")]
    assert not retry.confidence
    for response in (0, 1):
        retry.answer(response)
        retry.advance()
    with pytest.raises(StudyError, match="no mistakes"):
        retry_mistakes(retry.report())
