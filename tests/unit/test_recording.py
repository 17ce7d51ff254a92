"""The recorder between the study screens and the store: answers wait for the store to open,
each session has its own id, and a failed save is reported once while studying goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.progress import Recorder, Store, StoreError, open_store
from quizapp.core.progress.storage.store import StoreOpening, open_memory_store
from tests.unit.progress_helpers import T0, answer_of
from tests.unit.study_banks import EARTH


def test_answers_given_before_the_store_opens_are_saved_when_it_does(tmp_path: Path) -> None:
    recorder = Recorder(lambda: T0)
    log = recorder.session("practice")
    log.record(answer_of(EARTH, "red", "Jupiter"))
    assert recorder.store is None and recorder.waiting == 1
    assert not recorder.wait_until_open(0)
    assert recorder.opened(open_store(tmp_path)) is None
    assert recorder.waiting == 0 and recorder.wait_until_open(0)
    log.record(answer_of(EARTH, "titan", "Saturn"))
    store = recorder.store
    assert store is not None
    saved = [(a.question_id, a.mode, a.session_id, a.answered_at) for a in store.answers()]
    assert saved == [
        ("red", "practice", log.session_id, T0),
        ("titan", "practice", log.session_id, T0),
    ]
    recorder.close()


def test_every_session_has_its_own_id_and_a_known_mode() -> None:
    recorder = Recorder(lambda: T0)
    first, second = recorder.session("exam"), recorder.session("exam")
    assert first.session_id != second.session_id and len(first.session_id) == 36
    with pytest.raises(ValueError, match="unknown mode 'quiz'"):
        recorder.session("quiz")


def test_an_exam_is_saved_together() -> None:
    recorder = Recorder(lambda: T0)
    recorder.opened(StoreOpening(open_memory_store()))
    log = recorder.session("exam")
    log.record_all([answer_of(EARTH, "red", "Mars"), answer_of(EARTH, "titan", "Io")])
    log.record_all([])
    assert recorder.store is not None
    assert [a.mode for a in recorder.store.answers()] == ["exam", "exam"]


def test_a_failed_save_is_reported_once_and_later_answers_are_still_tried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reported: list[str] = []
    recorder = Recorder(lambda: T0, on_error=reported.append)
    recorder.opened(StoreOpening(open_memory_store()))
    log = recorder.session("practice")
    calls = []

    def full(self: Store, answers: object, **kwargs: object) -> None:
        calls.append(kwargs["mode"])
        raise StoreError("disk full")

    monkeypatch.setattr(Store, "record_many", full)
    log.record(answer_of(EARTH, "red", "Jupiter"))
    log.record(answer_of(EARTH, "titan", "Saturn"))
    assert calls == ["practice", "practice"]
    assert reported == ["could not save progress: disk full"]
    assert not recorder.saving and recorder.error == "disk full"


def test_saving_is_false_for_a_store_in_memory(tmp_path: Path) -> None:
    recorder = Recorder()
    assert recorder.saving  # not known yet: nothing to warn about
    recorder.opened(StoreOpening(open_memory_store(), "progress will not be saved: no room"))
    assert not recorder.saving and recorder.warning == "progress will not be saved: no room"
    on_disk = Recorder()
    on_disk.opened(open_store(tmp_path))
    assert on_disk.saving
    on_disk.close()


def test_a_failed_save_of_waiting_answers_is_returned_by_opened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder(lambda: T0)
    recorder.session("flashcards").record(answer_of(EARTH, "red", "Jupiter"))

    def full(self: Store, answers: object, **kwargs: object) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(Store, "record_many", full)
    assert (
        recorder.opened(StoreOpening(open_memory_store())) == "could not save progress: disk full"
    )


def test_each_session_log_has_its_mode_and_a_fresh_session_id() -> None:
    recorder = Recorder()
    first, second = recorder.session("target"), recorder.session("target")
    assert first.mode == "target" and first.session_id != second.session_id
    with pytest.raises(ValueError, match="unknown mode"):
        recorder.session("cramming")
