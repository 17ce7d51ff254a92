"""Certainty-based marking in practice: after an answer the quiz asks how sure the student is,
grades only then, records the level, and the results show the CBM table."""

from __future__ import annotations

from quizapp.core.scoring import Outcome
from quizapp.screens.quiz import QuizScreen
from quizapp.screens.results import ResultsScreen
from quizapp.widgets import ConfidencePrompt
from quizapp.widgets.answers.choices import ChoiceRow
from tests.ui.helpers import screen_text, settle
from tests.ui.study_helpers import practice, push, study_app


async def test_the_prompt_comes_before_the_grading() -> None:
    session = practice(confidence=True)
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, QuizScreen(session))
        await pilot.press("2", "enter")  # the right choice, shown second with seed 7
        await settle(pilot)
        assert session.records == ()
        text = screen_text(app)
        # The README's words for the levels, everywhere they are named.
        assert "How sure are you?   1 not sure · 2 fairly sure · 3 sure" in text
        assert "1 not sure (+1 / 0)    2 fairly sure (+2 / -2)    3 sure (+3 / -6)" in text
        assert "RIGHT" not in text and "WRONG" not in text
        assert "1 Not sure  2 Fairly sure  3 Sure  esc Change answer" in text.splitlines()[-1]
        await pilot.press("3")
        await settle(pilot)
        record = session.records[0]
        assert record.confidence == 3 and record.grade.outcome is Outcome.RIGHT
        text = screen_text(app)
        assert "You were 3 (sure) · CBM mark +3" in text
        assert "✔ RIGHT" in text
        assert not app.screen.query(ConfidencePrompt)


async def test_escape_at_the_prompt_goes_back_to_the_answer() -> None:
    session = practice(confidence=True)
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, QuizScreen(session))
        await pilot.press("1", "enter", "escape")
        await settle(pilot)
        assert session.records == ()
        assert isinstance(app.screen, QuizScreen)  # escape did not leave the quiz
        assert "How sure are you?" not in screen_text(app)
        await pilot.press("3", "enter", "1")  # another pick, asked again, low confidence
        await settle(pilot)
        assert session.records[0].confidence == 1
        presented = session.records[0].presented
        assert session.records[0].response == presented.choice_order[2]


async def test_changing_the_answer_withdraws_the_question() -> None:
    session = practice(confidence=True)
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, QuizScreen(session))
        await pilot.press("1", "enter")
        await settle(pilot)
        await pilot.click(ChoiceRow, offset=(10, 0))  # the mouse picks again
        await settle(pilot)
        assert not app.screen.query(ConfidencePrompt)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.click("#confidence-2")
        await settle(pilot)
        assert session.records[0].confidence == 2


async def test_without_confidence_an_answer_is_graded_at_once() -> None:
    session = practice(confidence=False)
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, QuizScreen(session))
        await pilot.press("1", "enter")
        await settle(pilot)
        assert session.records[0].confidence is None
        assert "How sure are you?" not in screen_text(app)


async def test_the_results_show_the_calibration_of_the_session() -> None:
    session = practice(confidence=True)
    app = study_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await push(pilot, QuizScreen(session))
        await pilot.press("3", "enter", "3", "enter")  # padlock: wrong, sure
        await pilot.press("2", "3", "enter", "2", "enter")  # phishing: both signs, fairly sure
        await pilot.press("1", "enter", "3", "enter")  # reuse: True, wrong, sure
        await pilot.press(*"password manager", "enter", "1", "enter")  # right, not sure
        await pilot.press("space", "3", "2", "enter")  # the flashcard: Good, fairly sure
        await settle(pilot)
        assert [r.confidence for r in session.records] == [3, 2, 3, 1, 2]
        assert isinstance(app.screen, ResultsScreen)
        report = app.screen.report
        assert report.cbm is not None
        assert [row.accuracy for row in report.cbm.rows] == [1.0, 1.0, 0.0]
        text = screen_text(app)
        assert f"CBM score {report.cbm.total:g}" in text
        lines = text.splitlines()
        assert any(line.split()[:6] == ["3", "sure", "2", "0", "0%", "+3"] for line in lines)
        assert "Sure but wrong: questions 1, 3" in text
