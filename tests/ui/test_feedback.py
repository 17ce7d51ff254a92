"""Honest feedback on every answer, as the student sees it: partial credit marked as partial,
per-gap and per-pair marks, numbers refused before grading, hints kept with the answer,
references as links, and Escape in a text box that never ends the session."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.pilot import Pilot
from textual.style import Style
from textual.widgets import Input, Static

from quizapp.core.model import QuestionType, match_rights
from quizapp.core.scoring import Outcome
from quizapp.core.study import PracticeSession
from quizapp.screens.quiz import QuizScreen
from quizapp.screens.results import ResultsScreen
from quizapp.screens.review import ReviewScreen
from tests.ui.helpers import BANKS, current_type, open_bank, screen_text, settle, ui_app
from tests.ui.progress_ui_helpers import notices, stored

FEEDBACK = BANKS / "ui-feedback.yaml"
TITLE = "UI feedback"
SnapCompare = Callable[..., bool]


async def skip_to(pilot: Pilot[object], session: PracticeSession, kind: QuestionType) -> None:
    """Answer (anyhow) and move on until a question of `kind` is asked."""
    answers = {
        QuestionType.SINGLE: ("1",),
        QuestionType.NUMERIC: ("1",),
        QuestionType.CLOZE: ("x", "enter", "x"),
        QuestionType.MATCH: ("1", "1"),
    }
    while current_type(session) is not kind:
        await pilot.press(*answers[current_type(session)], "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)


async def test_a_choice_worth_part_of_the_marks_is_marked_partial_everywhere() -> None:
    app = ui_app(FEEDBACK)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_bank(pilot, TITLE)
        await pilot.press("2", "enter")  # Venus, worth half marks
        await settle(pilot)
        text = screen_text(app)
        assert "◐ PARTLY RIGHT · score 50%" in text
        assert "›◐  Venus  (part marks: 50%)" in text  # not the ✔ of the right choice
        assert " ✔  Mercury" in text and "›✔" not in text
        await pilot.press("q", "y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        stopped = "Stopped after 1 of 5 questions: these results are for that question."
        assert stopped in notices(app)  # not "for those 1"
        app.clear_notifications()  # the "stopped early" notice covers the list's right side
        await settle(pilot)
        assert "◐  1. Which planet is closest to the Sun?  50%" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "◐ part marks" in text  # the legend names the mark
        assert "›◐  Venus  (part marks: 50%)" in text


async def test_the_hint_is_shown_kept_with_the_answer_and_saved() -> None:
    app = ui_app(FEEDBACK)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, TITLE)
        text = screen_text(app)
        assert "Press h for a hint." in text and "h Hint" in text.splitlines()[-1]
        assert "It is also the smallest planet." not in text
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "Hint  It is also the smallest planet." in text
        assert "Press h for a hint." not in text and "h Hint" not in text.splitlines()[-1]
        await pilot.press("1", "enter")
        await settle(pilot)
        assert session.records[0].hinted
        assert "✔ RIGHT · score 100% · hint used" in screen_text(app)
        (saved,) = stored()
        assert saved.rating == 2  # a right answer after the hint schedules as Hard, not Good


async def test_references_appear_as_links_in_the_feedback_and_the_review() -> None:
    app = ui_app(FEEDBACK)
    async with app.run_test(size=(80, 40), notifications=True) as pilot:
        await open_bank(pilot, TITLE)
        await pilot.press("1", "enter")
        await settle(pilot)
        text = screen_text(app)
        url = "https://en.wikipedia.org/wiki/Mercury_(planet)"
        assert "References" in text and f"• {url}" in text
        assert "• NASA, Solar System Exploration" in text  # a citation stays text
        content = app.screen.query_one(".references", Static).content
        assert isinstance(content, Content)
        links = [span.style.link for span in content.spans if isinstance(span.style, Style)]
        assert links == [url]
        await pilot.press("q", "y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert f"• {url}" in screen_text(app)


async def test_a_number_that_cannot_be_read_is_refused_before_grading() -> None:
    app = ui_app(FEEDBACK)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, TITLE)
        await skip_to(pilot, session, QuestionType.NUMERIC)
        assert "you may add a unit: °C, C, degrees" in screen_text(app)
        await pilot.press(*"about 100", "enter")
        await settle(pilot)
        assert session.current_record is None and len(stored()) == 1  # nothing graded or saved
        assert "'about 100': type just the number, with nothing before it." in notices(app)
        field = app.screen.query_one(Input)
        field.value = "1,500"
        await pilot.press("enter")
        await settle(pilot)
        assert session.current_record is None
        assert any("could mean 1500" in notice for notice in notices(app))
        field.value = "100 °C"  # a unit the question declares
        await pilot.press("enter")
        await settle(pilot)
        record = session.current_record
        assert record is not None and record.grade.outcome is Outcome.RIGHT


async def test_escape_in_a_text_box_leaves_the_box_not_the_session() -> None:
    app = ui_app(FEEDBACK)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, TITLE)
        await skip_to(pilot, session, QuestionType.NUMERIC)
        await pilot.press("f2")  # the hint, from inside the text box (h would type)
        await settle(pilot)
        assert "Hint  Celsius set it as the top of his scale." in screen_text(app)
        await pilot.press(*"99", "escape")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)  # still studying
        assert not isinstance(app.focused, Input)  # out of the box, its text kept
        assert app.screen.query_one(Input).value == "99"
        await pilot.press("escape")  # outside the box Escape stops, and asks first
        await settle(pilot)
        assert "Stop this session?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("tab", *"9", "enter")  # back into the box, then on
        await settle(pilot)
        record = session.current_record
        assert record is not None and record.response == "999" and record.hinted


async def test_each_gap_and_each_pair_is_marked_on_its_own_line() -> None:
    app = ui_app(FEEDBACK)
    async with app.run_test(size=(80, 30), notifications=True) as pilot:
        session = await open_bank(pilot, TITLE)
        await skip_to(pilot, session, QuestionType.CLOZE)
        await pilot.press(*"Paris", "enter", *"Loire", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "✔ [1] Paris" in text
        assert "✘ [2] Loire   accepted: Seine or the Seine" in text
        assert "› The Loire does not pass through Paris." in text
        await pilot.press("enter")
        await settle(pilot)
        presented = session.current
        assert presented is not None and presented.question.type is QuestionType.MATCH
        assert "› Titan" in screen_text(app)  # the row being matched: not only a background
        rights = match_rights(presented.question)
        titan = presented.right_order.index(rights.index("Saturn")) + 1
        neptune = presented.right_order.index(rights.index("Neptune")) + 1
        await pilot.press(str(titan), str(neptune), "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "✔ Titan → Saturn" in text
        assert "✘ Io → Neptune   right: Jupiter" in text
        assert "Io is one of the four moons Galileo saw." in text  # the wrong pair's feedback
        assert "Titan is the moon with a thick atmosphere." not in text  # a right pair's: none


async def test_at_60x20_the_quiz_footer_keeps_help_in_sight() -> None:
    app = ui_app(FEEDBACK)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await open_bank(pilot, TITLE)
        footer = screen_text(app).splitlines()[-1]
        assert "h Hint" in footer and "? Help" in footer


def feedback_app(*keys: str) -> Callable[[Pilot[object]], object]:
    """A `run_before` that opens the feedback bank and presses `keys`."""

    async def run(pilot: Pilot[object]) -> None:
        session = await open_bank(pilot, TITLE)
        if keys[:1] == ("cloze",):
            await skip_to(pilot, session, QuestionType.CLOZE)
        await pilot.press(*(key for key in keys if key != "cloze"))
        await settle(pilot)

    return run


def test_snapshot_partial_mark(snap_compare: SnapCompare) -> None:
    assert snap_compare(ui_app(FEEDBACK), run_before=feedback_app("2", "enter"))


def test_snapshot_per_gap_marks(snap_compare: SnapCompare) -> None:
    keys = ("cloze", *"Paris", "enter", *"Loire", "enter")
    assert snap_compare(ui_app(FEEDBACK), run_before=feedback_app(*keys))


def test_snapshot_hint_shown(snap_compare: SnapCompare) -> None:
    assert snap_compare(ui_app(FEEDBACK), run_before=feedback_app("h"))
