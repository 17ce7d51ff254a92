"""Every graded answer reaches the progress store: practice, flashcards, a submitted exam; answers
given before the store opens; a store that fails, cannot be written, or is damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox

from quizapp.app import QuizApp
from quizapp.core.model import SelfGrade
from quizapp.core.progress import STORE_FILE, Store, StoreError
from quizapp.screens.exam import ExamScreen
from quizapp.screens.flashcards import FlashcardScreen
from quizapp.screens.results import ResultsScreen
from tests.ui.helpers import FakeNow, key_for_choice, open_bank, open_setup, screen_text, settle
from tests.ui.progress_ui_helpers import notices, stored
from tests.ui.study_helpers import study_app

STUDY = "Study security basics"
HONEST = "The site is run by an honest company."


async def test_practice_answers_are_saved_as_they_are_graded() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, STUDY)
        await pilot.press(key_for_choice(session, HONEST), "enter")
        await settle(pilot)
        first = stored()
        assert [(a.question_id, a.mode, a.score, a.misconceptions) for a in first] == [
            ("padlock", "practice", 0.0, ("https-is-safe",))
        ]
        assert first[0].answered_at == FakeNow()()  # the app's clock, not the machine's
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(key_for_choice(session, "A padlock icon in the message"), "enter")
        await settle(pilot)
        second = stored()
        assert [a.question_id for a in second] == ["padlock", "phishing-signs"]
        assert second[1].score == 0.0 and second[1].response == frozenset({2})
        assert second[0].session_id == second[1].session_id
        await pilot.press("q", "y", "escape")  # stop (yes), then home; a new session: a new id
        session = await open_bank(pilot, STUDY)
        await pilot.press(key_for_choice(session, "The connection to the site is encrypted."))
        await pilot.press("enter")
        await settle(pilot)
        third = stored()[-1]
        assert third.score == 1.0 and third.session_id != second[0].session_id


async def test_flashcard_grades_are_saved_with_their_rating() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot, STUDY)
        await pilot.press("3", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FlashcardScreen)
        await pilot.press("space", "1", "space", "4")
        await settle(pilot)
        saved = stored()
        assert [(a.mode, a.response, a.score, a.rating) for a in saved] == [
            ("flashcards", SelfGrade.AGAIN, 0.0, 1),
            ("flashcards", SelfGrade.EASY, 1.0, 4),
        ]


async def test_a_submitted_exam_saves_every_answer_at_once() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        setup = await open_setup(pilot, STUDY)
        await pilot.press("2")
        setup.query_one("#setup-shuffle-questions", Checkbox).value = False
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        session = screen.session
        wrong = [c.text for c in session.current.question.choices].index(HONEST)
        await pilot.press(str(session.current.choice_order.index(wrong) + 1))
        await settle(pilot)
        assert stored() == []  # nothing is graded before the exam is submitted
        await pilot.press("s", "y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        saved = stored()
        assert len(saved) == session.total == 5
        assert {a.mode for a in saved} == {"exam"} and len({a.session_id for a in saved}) == 1
        given = [a for a in saved if a.response is not None]
        assert [(a.question_id, a.misconceptions) for a in given] == [
            ("padlock", ("https-is-safe",))
        ]
        report = session.report()
        assert sorted(a.score for a in saved) == sorted(r.grade.score for r in report.results)


async def test_answers_given_before_the_store_opens_are_saved_when_it_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The store is opened only when the test says so: as if opening it took a long time.
    monkeypatch.setattr(QuizApp, "on_mount", lambda self: None)
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, STUDY)
        await pilot.press(key_for_choice(session, HONEST), "enter")
        await settle(pilot)
        assert "WRONG" in screen_text(app)  # graded and shown while the store is not open
        assert app.recorder.store is None and app.recorder.waiting == 1
        app._open_store()
        await settle(pilot)
        assert app.recorder.store is not None and app.recorder.waiting == 0
    saved = stored()
    assert [(a.question_id, a.answered_at) for a in saved] == [("padlock", FakeNow()())]


async def test_a_failed_save_is_said_once_and_studying_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise StoreError("could not save the answer in progress.sqlite3: database or disk is full")

    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, STUDY)
        monkeypatch.setattr(Store, "record_many", full)
        await pilot.press(key_for_choice(session, HONEST), "enter", "enter")
        await settle(pilot)
        await pilot.press(key_for_choice(session, "A padlock icon in the message"), "enter")
        await settle(pilot)
        assert len(session.records) == 2  # both graded, with feedback, despite the store
        failures = [n for n in notices(app) if n.startswith("could not save progress")]
        assert failures == [
            "could not save progress: could not save the answer in progress.sqlite3: "
            "database or disk is full"
        ]
        await pilot.press("q", "y", "escape")
        await settle(pilot)
        assert "progress not saved" in screen_text(app).splitlines()[0]


async def test_an_unwritable_data_folder_still_opens_and_says_progress_is_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(blocker / "quizapp"))
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert "quizapp · choose a question bank · progress not saved" in screen_text(app)
        assert any(n.startswith("progress will not be saved: cannot create") for n in notices(app))
        session = await open_bank(pilot, STUDY)  # studying goes on, in memory
        await pilot.press(key_for_choice(session, HONEST), "enter")
        await settle(pilot)
        assert "WRONG" in screen_text(app)
        assert app.recorder.store is not None and app.recorder.store.answer_count() == 1


async def test_a_damaged_progress_file_is_moved_aside_with_a_notice(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / STORE_FILE).write_bytes(b"this is not a database, it is a shopping list\n" * 20)
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        moved = list(data_dir.glob(f"{STORE_FILE}.corrupt-*"))
        assert len(moved) == 1 and b"shopping list" in moved[0].read_bytes()
        notice = next(n for n in notices(app) if "could not be used" in n)
        assert f"moved to {moved[0]}" in notice and "fresh progress file" in notice
        assert "progress not saved" not in screen_text(app)
        session = await open_bank(pilot, STUDY)
        await pilot.press(key_for_choice(session, HONEST), "enter")
        await settle(pilot)
    assert [a.question_id for a in stored()] == ["padlock"]  # saved in the fresh file
