"""The quiz screen driven by keyboard: right and wrong answers, feedback, leaving, the results."""

from __future__ import annotations

from quizapp.core.scoring import Outcome
from quizapp.screens import HomeScreen
from quizapp.screens.quiz import QuizScreen
from quizapp.screens.results import ResultsScreen
from tests.ui.helpers import PLANETS, key_for_choice, open_bank, screen_text, settle, ui_app


async def test_a_right_answer_shows_right() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        assert "Question 1 of 9 · Planets" in screen_text(app)
        await pilot.press(key_for_choice(session, "Mercury"), "enter")
        await settle(pilot)
        assert session.records[0].grade.outcome is Outcome.RIGHT
        text = screen_text(app)
        assert "✔ RIGHT · score 100%" in text
        assert "Mercury orbits at about 0.4 AU." in text  # the feedback of the picked choice


async def test_a_wrong_answer_explains_its_misconception() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await pilot.press(key_for_choice(session, "Jupiter"), "enter")
        await settle(pilot)
        assert session.records[0].grade.misconceptions == ("bigger-is-closer",)
        text = screen_text(app)
        assert "✘ WRONG" in text
        assert "Correct answer: Mercury" in text
        assert "Misconception" in text
        assert "The planet that looks biggest must be the closest to the Sun." in text
        assert "How big a planet looks says nothing about its orbit" in text


async def test_letter_keys_pick_by_display_position() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        position = int(key_for_choice(session, "Earth")) - 1
        await pilot.press("abcdefghi"[position], "enter")
        await settle(pilot)
        presented = session.records[0].presented
        assert presented.question.choices[session.records[0].response].text == "Earth"  # type: ignore[index]


async def test_enter_without_a_pick_answers_nothing() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await pilot.press("enter", "n")
        await settle(pilot)
        assert session.records == ()
        assert session.position == 0
        assert "Pick a choice first" in screen_text(app)


async def test_footer_offers_next_only_after_answering() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        text = screen_text(app)
        assert "; Enter submits." in text  # in practice, Enter grades the answer
        footer = text.splitlines()[-1]
        assert "Submit" in footer and "Next" not in footer
        await pilot.press(key_for_choice(session, "Mercury"), "enter")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Next question" in footer and "Submit" not in footer
        await pilot.press("n")
        await settle(pilot)
        assert session.position == 1
        assert "Question 2 of 9" in screen_text(app)


async def test_q_leaves_the_quiz_for_the_bank_list() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_bank(pilot, "UI planets")
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter", "enter")  # the set-up, then a fresh session from question 1
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.position == 0


async def test_the_last_answer_leads_to_the_results() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 60), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await pilot.press(key_for_choice(session, "Jupiter"), "enter", "enter")  # wrong
        await pilot.press(key_for_choice(session, "Jupiter"), "enter", "enter")  # 1 of 2 right
        await pilot.press(key_for_choice(session, "False"), "enter", "enter")
        await pilot.press(*"Mars", "enter", "enter")
        await pilot.press("8", "enter", "enter")
        await pilot.press(*"Paris", "enter", *"Seine", "enter", "enter")
        await pilot.press("enter", "enter")  # order: as shown
        await pilot.press("1", "1", "enter", "enter")  # match: both to the first planet
        await pilot.press("space", "3", "enter")  # flashcard: Good, then the results
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        report = app.screen.report
        assert len(report.results) == 9
        assert [r.item.question.id for r in report.results] == [q.id for q in session.questions]
        text = screen_text(app)
        assert report.wrong >= 2 and report.partial >= 1
        assert f"of 9 ({report.percent:.0f}%)" in text
        assert f"✘ {report.wrong} wrong" in text
        assert "Misconceptions you fell for" in text
        assert "The planet that looks biggest must be the closest to the Sun." in text
        # In the list of questions a cloze prompt's gaps are numbered blanks, not {{markers}}.
        assert "The capital of France is [1] ___ and it stands on the [2] ___." in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_q_after_some_answers_shows_their_results() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await pilot.press(key_for_choice(session, "Mercury"), "enter", "enter")
        await pilot.press(key_for_choice(session, "Jupiter"), "enter")  # answered, not moved on
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert "Stop this session?" in screen_text(app)  # answers given: it asks first
        assert "You have answered 2 of 9 questions" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert len(app.screen.report.results) == 2
        text = screen_text(app)
        assert "Stopped early" in text and "Stopped after 2 of 9" in text  # the notice
