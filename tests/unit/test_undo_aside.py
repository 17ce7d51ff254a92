"""Taking answers back, setting cards aside, settings and exam drafts, against the SQLite file:
undo leaves every table exactly as it was before the answer."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

import pytest

from quizapp.core.model import SelfGrade
from quizapp.core.progress import Store, StoreError
from quizapp.core.progress.figures import bank_progress, due_keys, review_due_items
from quizapp.core.progress.recorder import Recorder
from quizapp.core.progress.storage.aside import (
    Aside,
    drop_draft,
    keep_draft,
    latest_draft,
    remember,
    restore,
    set_aside,
    set_aside_in,
    setting,
)
from quizapp.core.progress.storage.store import StoreOpening
from quizapp.core.progress.storage.undo import UNDO_SECONDS
from tests.unit.progress_helpers import T0, answer_of, save, store
from tests.unit.study_banks import EARTH

__all__ = ["store"]  # the fixture

HOUR, DAY = timedelta(hours=1), timedelta(days=1)
TABLES = ("answers", "cards", "misconceptions", "banks")


def rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an answer changes, in a fixed order."""
    return {table: store.select(f"SELECT * FROM {table} ORDER BY 1, 2") for table in TABLES}


def test_undo_puts_back_the_card_the_tallies_and_the_bank_row_exactly(store: Store) -> None:
    save(store, EARTH, "red", "Jupiter", T0, session_id="s1")  # card, bigger-is-closer tally
    bank_progress(store, EARTH, T0)  # the bank's row, with its fingerprint
    store.remember_bank("earth", "fingerprint", ["red", "gone"])  # red retired, as if deleted
    before = rows(store)
    card_before = store.card("earth", "red")
    save(store, EARTH, "red", "Jupiter", T0 + HOUR, session_id="s2")  # again: every table
    save(store, EARTH, "closest", 2, T0 + HOUR, session_id="s2")  # new card, earth-centre
    assert rows(store) != before
    taken = [store.undo("s2"), store.undo("s2")]
    assert [(a.question_id, a.response) for a in taken if a] == [("closest", 2), ("red", "Jupiter")]
    assert rows(store) == before
    assert store.card("earth", "red") == card_before
    assert store.retired("earth") == ["red", "gone"]
    assert store.undo("s2") is None  # nothing left in that session
    assert store.undo("s1") is not None and store.answer_count() == 0
    assert rows(store)["cards"] == [] and rows(store)["misconceptions"] == []


def test_an_answer_the_card_has_moved_on_from_is_not_taken_back(store: Store) -> None:
    save(store, EARTH, "titan", "Saturn", T0, session_id="mine")
    save(store, EARTH, "titan", "Pluto", T0 + HOUR, session_id="another window")
    before = rows(store)
    with pytest.raises(StoreError, match="answered again since"):
        store.undo("mine")
    assert rows(store) == before


def test_undo_rows_are_forgotten_a_day_later(store: Store, tmp_path: Any) -> None:
    from quizapp.core.progress import open_store

    save(store, EARTH, "titan", "Saturn", T0, session_id="old")
    save(store, EARTH, "red", "Mars", T0 + DAY - HOUR, session_id="yesterday")
    save(store, EARTH, "red", "Mars", T0 + DAY + HOUR, session_id="today")
    store.close()
    # Opening prunes what is more than a day older than the latest answer.
    with open_store(tmp_path / "data").store as again:
        assert again.scalar("SELECT count(*) FROM undo") == 2
        assert again.undo("old") is None and again.answer_count() == 3
        assert again.undo("today") is not None
    assert UNDO_SECONDS == 86400


def test_suspended_cards_never_come_due_and_buried_ones_come_back_the_next_day(
    store: Store,
) -> None:
    save(store, EARTH, "red", "Jupiter", T0)
    save(store, EARTH, "titan", "Pluto", T0)
    later = T0 + 2 * DAY
    assert {q for _, q in due_keys(store, [EARTH], later)} == {"red", "titan"}
    set_aside(store, "earth", "red", Aside.SUSPENDED, T0)
    set_aside(store, "earth", "titan", Aside.BURIED, T0, until=T0 + DAY)
    set_aside(store, "earth", "closest", Aside.SUSPENDED, T0)  # a new card, never answered
    progress = bank_progress(store, EARTH, T0 + HOUR)
    assert (progress.due, progress.new, progress.learned, progress.set_aside) == (0, 7, 0, 3)
    assert progress.total == len(EARTH.questions)
    items = review_due_items(store, [EARTH], T0 + HOUR, new_limit=20, tz=UTC)
    assert {i.question.id for i in items}.isdisjoint({"red", "titan", "closest"})
    assert due_keys(store, [EARTH], T0 + HOUR) == frozenset()
    # The next day the buried card is back; the suspended ones stay out, for years.
    assert {q for _, q in due_keys(store, [EARTH], later)} == {"titan"}
    assert {q for _, q in due_keys(store, [EARTH], later + 3000 * DAY)} == {"titan"}
    listed = set_aside_in(store, "earth", T0 + HOUR)
    assert [(c.question_id, c.kind) for c in listed] == [
        ("closest", Aside.SUSPENDED),
        ("red", Aside.SUSPENDED),
        ("titan", Aside.BURIED),
    ]
    assert listed[-1].until == T0 + DAY and listed[0].since == T0
    assert [c.question_id for c in set_aside_in(store, "earth", later)] == ["closest", "red"]
    assert restore(store, "earth", "red") and not restore(store, "earth", "red")
    assert {q for _, q in due_keys(store, [EARTH], later)} == {"red", "titan"}
    with pytest.raises(ValueError, match="buried"):
        set_aside(store, "earth", "red", Aside.BURIED, T0)


def test_settings_and_exam_drafts_are_kept(store: Store) -> None:
    assert setting(store, "review_as") is None
    remember(store, "review_as", "flashcards")
    remember(store, "review_as", "questions")
    assert setting(store, "review_as") == "questions"
    assert latest_draft(store) is None
    keep_draft(store, "exam-1", '{"a": 1}', T0)
    keep_draft(store, "exam-2", '{"b": 2}', T0 + HOUR)
    keep_draft(store, "exam-1", '{"a": 3}', T0 + 2 * HOUR)  # replaced, and now the latest
    assert latest_draft(store) == ("exam-1", '{"a": 3}')
    drop_draft(store, "exam-1")
    assert latest_draft(store) == ("exam-2", '{"b": 2}')
    # A submitted exam's answers and the end of its draft are one transaction.
    store.record_many(
        [answer_of(EARTH, "titan", "Saturn")], mode="exam", session_id="exam-2", drop_draft=True
    )
    assert latest_draft(store) is None and store.answer_count() == 1


def test_the_recorder_takes_back_answers_before_and_after_the_store_opens(store: Store) -> None:
    recorder = Recorder(lambda: T0, tz=UTC)
    log = recorder.session("flashcards")
    log.record(answer_of(EARTH, "au", SelfGrade.AGAIN))
    log.record(answer_of(EARTH, "red", "Mars"))
    assert log.undo() is True and recorder.waiting == 1  # still waiting for the store
    log.keep_draft('{"x": 1}')
    recorder.opened(StoreOpening(store))
    assert [a.question_id for a in store.answers()] == ["au"]
    assert latest_draft(store) == (log.session_id, '{"x": 1}')
    taken = log.undo()
    assert not isinstance(taken, bool) and taken.question_id == "au"
    assert log.undo() is False and store.answer_count() == 0
    log.drop_draft()
    assert latest_draft(store) is None
    recorder.set_aside(("earth", "red"), Aside.BURIED)
    (buried,) = set_aside_in(store, "earth", T0)
    assert buried.until == T0.replace(hour=0) + DAY  # the start of the student's next day
