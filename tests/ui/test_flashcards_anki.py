"""Flashcards as Anki users expect them, with the progress store open: the grade keys preview
the intervals from the card's real schedule, Again brings a card back, undo takes a grade back
from the store exactly, and cards can be suspended or buried (and restored from the progress
screen)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox

from quizapp.app import QuizApp
from quizapp.core.model import SelfGrade
from quizapp.core.progress import default_data_dir, open_store
from quizapp.core.study import FlashcardSession
from quizapp.core.study.items import items_of
from quizapp.screens import HomeScreen, ProgressScreen
from quizapp.screens.flashcards import FlashcardScreen
from quizapp.screens.results import ResultsScreen
from quizapp.widgets import AsideDialog
from tests.ui.helpers import (
    SEED,
    FakeClock,
    FakeNow,
    highlight_bank,
    key_for_choice,
    open_bank,
    open_setup,
    screen_text,
    settle,
)
from tests.ui.progress_ui_helpers import a_week_of_study, notices, stored
from tests.ui.study_helpers import push, study_app, study_bank

SnapCompare = Callable[..., bool]
TITLE = "Study security basics"


def deck(*ids: str) -> FlashcardSession:
    """The study bank's cards `ids` (all, in bank order, when none), 5 s a reading."""
    items = [item for item in items_of(study_bank()) if not ids or item.question.id in ids]
    return FlashcardSession(items, seed=SEED, clock=FakeClock(step=5.0))


async def study(pilot: Pilot[Any], session: FlashcardSession) -> FlashcardScreen:
    """Show `session` as the app shows a set-up's flashcards: saved, and scheduled by the store."""
    app = pilot.app
    assert isinstance(app, QuizApp)
    await settle(pilot)  # the store is open
    screen = app.study_screen(session)
    assert isinstance(screen, FlashcardScreen)
    await push(pilot, screen)
    return screen


def rows() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a grade changes, in the test's progress file."""
    with open_store(default_data_dir()).store as store:
        return {
            table: store.select(f"SELECT * FROM {table} ORDER BY 1, 2")
            for table in ("answers", "cards", "misconceptions", "banks", "set_aside")
        }


def buttons(app: QuizApp) -> str:
    """The line of grade buttons, as shown."""
    return next(line for line in screen_text(app).splitlines() if "1 Again" in line)


async def test_the_grade_keys_preview_when_each_grade_brings_a_new_card_back() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await study(pilot, deck("reuse"))
        await pilot.press("space")
        await settle(pilot)
        line = buttons(app)
        # fsrs's learning steps for a new card: 1 and 10 minutes; Hard halfway; Easy graduates.
        assert "1 Again <1m" in line and "2 Hard <6m" in line and "3 Good <10m" in line
        assert re.search(r"4 Easy \d+d", line)


async def test_a_card_in_review_shows_its_real_intervals() -> None:
    a_week_of_study()  # mfa: graded Good twice on 2 March, so in review now
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await study(pilot, deck("mfa"))
        await pilot.press("space")
        await settle(pilot)
        outlook = screen.session.outlook
        assert outlook is not None
        with open_store(default_data_dir()).store as store:
            card = store.card("study-security", "mfa")
        assert card is not None and card.step is None  # graduated
        labels = [outlook.label(grade) for grade in SelfGrade]
        assert labels[0] == "<10m"  # Again: the relearning step
        assert all(label.endswith("d") for label in labels[1:])
        line = buttons(app)
        for key, grade in enumerate(SelfGrade, start=1):
            assert f"{key} {grade.name.title()} {labels[key - 1]}" in line
        await pilot.press("4")
        await settle(pilot)
        with open_store(default_data_dir()).store as store:
            card = store.card("study-security", "mfa")
        assert card is not None
        days = round((card.due - FakeNow()()).total_seconds() / 86400)
        assert f"{days}d" == labels[3]  # the preview is what the grade did


def test_interval_preview_snapshot(snap_compare: SnapCompare) -> None:
    a_week_of_study()

    async def turned(pilot: Pilot[object]) -> None:
        await study(pilot, deck("mfa"))
        await pilot.press("space")
        await settle(pilot)

    assert snap_compare(study_app(), run_before=turned)


async def test_again_brings_the_card_back_and_the_session_ends_when_none_is_due_today() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await study(pilot, deck("padlock", "reuse"))
        await pilot.press("space", "1")  # padlock: Again, back in a minute
        await settle(pilot)
        assert "Card 2 of 2 · 1 coming back · Passwords" in screen_text(app)
        await pilot.press("space", "4")  # reuse: Easy, gone for days
        await settle(pilot)
        # No new card is left: the one coming back is shown, before its minute is up.
        assert "Card 1 of 2 · again · Web" in screen_text(app)
        await pilot.press("space", "3")  # Good: its next learning step (10 minutes)
        await settle(pilot)
        assert "Card 1 of 2 · again" in screen_text(app)
        await pilot.press("space", "4")  # Easy: graduates; nothing is due today any more
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert [(a.question_id, a.rating) for a in stored()] == [
            ("padlock", 1),
            ("reuse", 4),
            ("padlock", 3),
            ("padlock", 4),
        ]
        assert screen.session.finished
        assert "Score 1 of 2 (50%)" in screen_text(app)  # each card once, by its first grade


async def test_undo_takes_the_grade_back_from_the_store_exactly() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await study(pilot, deck("padlock", "reuse"))
        await pilot.press("space", "4")  # padlock Easy
        await settle(pilot)
        before = rows()
        await pilot.press("space", "1")  # reuse Again: a new card row, its answer
        await settle(pilot)
        assert rows() != before
        await pilot.press("u")
        await settle(pilot)
        assert rows() == before  # the answer gone, the card row as it was
        assert "Took back your Again" in notices(app)[-1]
        assert screen.session.current_item is not None
        assert screen.session.current_item.question.id == "reuse" and not screen.session.flipped
        assert "Card 2 of 2 · Passwords" in screen_text(app)
        assert "coming back" not in screen_text(app)
        await pilot.press("ctrl+z")  # and the Easy before it
        await settle(pilot)
        assert rows()["answers"] == [] and rows()["cards"] == []
        assert "Card 1 of 2 · Web" in screen_text(app)
        assert screen.check_action("undo", ()) is None  # nothing left: dimmed


async def test_suspend_and_bury_set_cards_aside_until_restored() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await study(pilot, deck("padlock", "reuse", "manager"))
        await pilot.press("exclamation_mark")  # padlock: suspended
        await settle(pilot)
        assert "Suspended: it will not come due" in notices(app)[-1]
        assert "Card 2 of 3" in screen_text(app)
        await pilot.press("minus")  # reuse: buried until tomorrow
        await settle(pilot)
        assert notices(app)[-1] == "Buried until tomorrow."
        assert [(q, kind) for _, q, kind, *_ in rows()["set_aside"]] == [
            ("padlock", "suspended"),
            ("reuse", "buried"),
        ]
        await pilot.press("u")  # the burial taken back
        await settle(pilot)
        assert [q for _, q, *_ in rows()["set_aside"]] == ["padlock"]
        assert "Card 2 of 3" in screen_text(app)
        await pilot.press("space", "4", "space", "4", "q")  # reuse and manager graded
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await highlight_bank(pilot, TITLE)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        text = screen_text(app)
        assert "1 set aside" in text
        assert "Set aside: 1 suspended · a lists them, to restore" in text
        app.clear_notifications()  # the flashcards' notices have gone by now
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AsideDialog)
        assert "⏸ suspended" in screen_text(app)
        assert "What does the padlock in the address bar tell you?" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen) and rows()["set_aside"] == []
        assert "set aside" not in screen_text(app)
        assert app.screen.check_action("aside", ()) is False


async def test_undo_takes_a_practice_answer_back_too() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, TITLE)
        before = rows()
        await pilot.press(key_for_choice(session, "The site is run by an honest company."))
        await pilot.press("enter")  # wrong: https-is-safe revealed, the card rescheduled
        await settle(pilot)
        assert session.current_record is not None and rows() != before
        await pilot.press("u")
        await settle(pilot)
        assert rows() == before  # no answer, no card, no tally of the misconception
        assert session.current_record is None and session.records == ()
        assert "Answer taken back" in notices(app)[-1]
        await pilot.press(key_for_choice(session, "The connection to the site is encrypted."))
        await pilot.press("enter")
        await settle(pilot)
        assert [(a.question_id, a.outcome) for a in stored()] == [("padlock", "right")]


async def test_flashcards_can_take_only_the_cards_due() -> None:
    a_week_of_study()  # Monday: padlock, reuse, manager and phishing-signs due; mfa not
    app = study_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        setup = await open_setup(pilot, TITLE)
        due = setup.query_one("#setup-due", Checkbox)
        assert "Due cards only" not in screen_text(app)  # practice: not offered
        await pilot.press("3")  # flashcards
        await settle(pilot)
        assert "Due cards only (4 due)" in screen_text(app)
        due.value = True
        await settle(pilot)
        assert "4 questions · Flashcards" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FlashcardScreen)
        ids = {item.question.id for item in screen.session.items}
        assert ids == {"padlock", "reuse", "manager", "phishing-signs"}
