"""The progress store: where it lives, what an answer saves, and that it all comes back."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import State

from quizapp.core.model import Bank, Response, SelfGrade
from quizapp.core.progress import (
    STORE_FILE,
    Store,
    StoreError,
    content_hash,
    default_data_dir,
    open_store,
    response_from_json,
)
from quizapp.core.progress.schedule import card_id_for
from quizapp.core.progress.storage.checkpoint import CHECKPOINT_EVERY, Checkpointer
from quizapp.core.progress.storage.codec import response_to_json
from quizapp.core.progress.storage.tables import APPLICATION_ID, MIGRATIONS
from quizapp.core.study import ExamSession
from quizapp.core.study.items import items_of
from tests.unit.progress_helpers import T0, answer_of, save, store
from tests.unit.study_banks import EARTH, EARTH_YAML, STARS, FakeClock, load

__all__ = ["store"]  # the fixture


def test_the_data_folder_comes_from_the_environment_else_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(tmp_path / "mine"))
    assert default_data_dir() == tmp_path / "mine"
    opening = open_store()
    opening.store.close()
    assert (tmp_path / "mine" / STORE_FILE).is_file()
    monkeypatch.delenv("QUIZAPP_DATA_DIR")
    assert default_data_dir().name == "quizapp"


def test_a_new_store_is_marked_as_ours_in_wal_mode_and_syncs_normally(
    tmp_path: Path,
) -> None:
    opening = open_store(tmp_path)
    with opening.store as store:
        assert opening.warning is None and store.persistent
        assert store.path == tmp_path / STORE_FILE
        assert store.scalar("PRAGMA application_id") == APPLICATION_ID
        assert store.scalar("PRAGMA user_version") == len(MIGRATIONS)
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA synchronous") == 1  # NORMAL
        assert store.scalar("PRAGMA busy_timeout") == 5000
        assert len(store.install_id) == 36


def test_every_kind_of_response_is_saved_and_read_back_equal(store: Store) -> None:
    responses: dict[str, Response] = {
        "closest": 1,
        "giants": frozenset({2, 0}),
        "red": "Jupiter",
        "moon-count": "1",
        "capital": ("Paris",),
        "inner-order": (3, 2, 1, 0),
        "moons-match": (1, None),
        "au": SelfGrade.HARD,
    }
    for offset, (question_id, response) in enumerate(responses.items()):
        save(store, EARTH, question_id, response, T0 + timedelta(minutes=offset), confidence=2)
    saved = list(store.answers())
    assert [a.question_id for a in saved] == list(responses)
    assert [a.response for a in saved] == list(responses.values())
    assert type(saved[-1].response) is SelfGrade and type(saved[0].response) is int
    first = saved[0]
    assert first.misconceptions == ("bigger-is-closer",) and first.outcome == "wrong"
    assert (first.bank_id, first.mode, first.session_id) == ("earth", "practice", "s1")
    assert (first.confidence, first.seconds, first.score, first.rating) == (2, 5.0, 0.0, 1)
    assert first.answered_at == T0 and first.content_hash == content_hash(EARTH.questions[0])


def test_an_answer_creates_the_card_and_the_next_one_reschedules_it(store: Store) -> None:
    assert store.card("earth", "titan") is None
    save(store, EARTH, "titan", "Saturn", T0)
    card = store.card("earth", "titan")
    assert card is not None and card.card_id == card_id_for("earth", "titan")
    assert card.state is State.Learning and card.due == T0 + timedelta(minutes=10)
    save(store, EARTH, "titan", "Saturn", T0 + timedelta(minutes=15))
    again = store.card("earth", "titan")
    assert again is not None and again.state is State.Review
    assert again.due > T0 + timedelta(days=1)
    assert store.scalar("SELECT reviews FROM cards WHERE question_id = 'titan'") == 2


def test_the_same_question_id_in_two_banks_is_two_cards(store: Store) -> None:
    save(store, EARTH, "closest", 0, T0)
    save(store, STARS, "closest", 1, T0)
    earth, stars = store.card("earth", "closest"), store.card("stars", "closest")
    assert earth is not None and stars is not None and earth.card_id != stars.card_id
    assert store.answer_count("earth") == store.answer_count("stars") == 1


def test_a_submitted_exam_is_saved_at_once_with_unanswered_questions_as_again(
    store: Store,
) -> None:
    exam = ExamSession(items_of(EARTH)[:3], time_limit_minutes=None, pass_mark=0.5, seed=1,
                       clock=FakeClock())  # fmt: skip
    exam.set_answer(0)
    report = exam.submit()
    store.record_many(report.results, mode="exam", session_id="e1", now=T0)
    saved = list(store.answers())
    assert [a.response for a in saved] == [0, None, None]
    assert [a.rating for a in saved] == [3, 1, 1]
    assert {a.mode for a in saved} == {"exam"}


def test_a_failing_answer_saves_nothing_of_its_batch(store: Store) -> None:
    good = answer_of(EARTH, "titan", "Saturn")
    bad = dataclasses.replace(answer_of(EARTH, "red", "Mars"), response=2.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.record_many([good, bad], mode="practice", session_id="s1", now=T0)
    assert store.answer_count() == 0 and store.card("earth", "titan") is None
    save(store, EARTH, "titan", "Saturn", T0)  # the store still works
    assert store.answer_count() == 1


def test_a_database_that_refuses_writes_raises_a_store_error(store: Store) -> None:
    store._conn.execute("PRAGMA query_only = ON")  # as a full disk or a read-only file would
    with pytest.raises(StoreError, match="could not save the answer"):
        save(store, EARTH, "titan", "Saturn", T0)
    store._conn.execute("PRAGMA query_only = OFF")
    assert store.answer_count() == 0


def test_answers_and_cards_outlive_the_store_and_the_install_id_stays(tmp_path: Path) -> None:
    with open_store(tmp_path).store as first:
        save(first, EARTH, "red", "Mars", T0)
        install_id = first.install_id
    with open_store(tmp_path).store as second:
        assert second.install_id == install_id
        assert [a.response for a in second.answers()] == ["Mars"]
        assert second.card("earth", "red") is not None
    with open_store(tmp_path / "other").store as elsewhere:
        assert elsewhere.install_id != install_id


def test_answers_filter_by_bank_and_time(store: Store) -> None:
    save(store, EARTH, "red", "Mars", T0)
    save(store, STARS, "polaris", "north", T0 + timedelta(days=1))
    save(store, EARTH, "titan", "Saturn", T0 + timedelta(days=2))
    assert [a.question_id for a in store.answers("earth")] == ["red", "titan"]
    later = [a.question_id for a in store.answers(since=T0 + timedelta(days=1))]
    assert later == ["polaris", "titan"]


def edited(bank: Bank, question_id: str, **changes: object) -> Bank:
    """`bank` with one question changed."""
    questions = tuple(
        dataclasses.replace(q, **changes) if q.id == question_id else q  # type: ignore[arg-type]
        for q in bank.questions
    )
    return dataclasses.replace(bank, questions=questions)


def test_an_edited_question_keeps_its_history_and_is_noticed(store: Store) -> None:
    save(store, EARTH, "red", "Mars", T0)
    save(store, EARTH, "titan", "Saturn", T0)
    assert store.changed_questions(EARTH) == []
    moved = edited(EARTH, "red", line=999, lint_ignore=("QA109",))
    assert store.changed_questions(moved) == []  # where it stands is not what it says
    reworded = edited(EARTH, "red", prompt="Which planet looks red?")
    assert store.changed_questions(reworded) == ["red"]
    save(store, reworded, "red", "Mars", T0 + timedelta(days=1))
    assert store.changed_questions(reworded) == []
    assert [a.question_id for a in store.answers("earth")] == ["red", "titan", "red"]


def test_the_content_hash_is_stable_across_loads_and_sees_every_field() -> None:
    again = load("\n\n" + EARTH_YAML, "earth")  # same bank, every line moved down
    assert [content_hash(q) for q in again.questions] == [content_hash(q) for q in EARTH.questions]
    closest = EARTH.question("closest")
    choices = (dataclasses.replace(closest.choices[0], feedback="Yes."), *closest.choices[1:])
    assert content_hash(dataclasses.replace(closest, choices=choices)) != content_hash(closest)
    assert content_hash(dataclasses.replace(closest, topic="Other")) != content_hash(closest)
    assert len(content_hash(closest)) == 16


@pytest.mark.parametrize(
    ("response", "text"),
    [
        (2, '{"int":2}'),
        (frozenset({3, 1}), '{"set":[1,3]}'),
        ("Paris", '{"str":"Paris"}'),
        (("a", "b"), '{"tuple":["a","b"]}'),
        ((2, None, 0), '{"tuple":[2,null,0]}'),
        ((), '{"tuple":[]}'),
        (SelfGrade.EASY, '{"self_grade":4}'),
        (None, None),
    ],
)
def test_responses_are_tagged_json(response: object, text: str | None) -> None:
    assert response_to_json(response) == text  # type: ignore[arg-type]
    assert response_from_json(text) == response


def test_what_is_not_a_response_is_refused() -> None:
    with pytest.raises(TypeError):
        response_to_json(True)
    with pytest.raises(TypeError):
        response_to_json(frozenset({"a"}))  # type: ignore[arg-type]
    for text in ('{"int":"2"}', '{"set":[1.5]}', "[1]", '{"int":1,"str":"a"}', '{"tuple":[1,"a"]}'):
        with pytest.raises(ValueError):
            response_from_json(text)


def test_the_store_is_usable_from_another_thread(store: Store) -> None:
    import threading

    errors: list[BaseException] = []

    def work() -> None:
        try:
            save(store, EARTH, "red", "Mars", T0)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=work)  # the app opens the store in a worker thread
    thread.start()
    thread.join()
    assert errors == [] and store.answer_count() == 1


def answers_in_the_file_alone(path: Path, tmp_path: Path) -> int:
    """Answers in the database file without its WAL: what has been checkpointed into it."""
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    conn = sqlite3.connect(copy)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'answers'").fetchall():
            return 0  # even the tables are still in the WAL
        return int(conn.execute("SELECT count(*) FROM answers").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(("idle_seconds", "folded"), [(0.05, 100), (3600.0, 0)])
def test_answers_are_folded_into_the_file_once_the_student_pauses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, idle_seconds: float, folded: int
) -> None:
    monkeypatch.setattr(Checkpointer, "IDLE_SECONDS", idle_seconds)
    store = open_store(tmp_path / "data").store
    for i in range(CHECKPOINT_EVERY):
        save(store, EARTH, "red", "Mars", T0 + timedelta(seconds=i))
    checkpointer = store._checkpointer
    assert checkpointer is not None
    deadline = time.monotonic() + 10
    while folded and checkpointer.checkpoints == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert store.path is not None
    assert answers_in_the_file_alone(store.path, tmp_path) == folded
    store.close()  # stops the thread at once, even mid-wait
    assert checkpointer._thread is not None and not checkpointer._thread.is_alive()
    assert answers_in_the_file_alone(tmp_path / "data" / STORE_FILE, tmp_path) == 100
