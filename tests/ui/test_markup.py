"""Text from a bank is data: markup-like brackets in it print literally and do nothing."""

from __future__ import annotations

from quizapp.screens.quiz import QuizScreen
from tests.ui.helpers import MARKUP, open_bank, screen_text, settle, ui_app


async def test_markup_in_titles_prompts_and_choices_prints_literally() -> None:
    app = ui_app(MARKUP)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert "UI [bold]markup[/bold] bank" in screen_text(app)
        await open_bank(pilot, "UI [bold]markup[/bold] bank")
        text = screen_text(app)
        assert "Is [bold]this[/bold] bold? [@click=app.quit]Click me[/]" in text
        assert "[red]No[/red], it is literal" in text
        assert "[@click=app.quit]Quit[/]" in text


async def test_markup_in_feedback_and_misconceptions_prints_literally() -> None:
    app = ui_app(MARKUP)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI [bold]markup[/bold] bank")
        await pilot.click("ChoiceRow", offset=(10, 1))  # the second row: the "Quit" choice
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, QuizScreen)
        assert session.records[-1].response == 1
        text = screen_text(app)
        assert "[b]Feedback[/b] is literal too" in text
        assert "[i]Markup[/i] is rendered" in text
        assert "Bank text is data: [link=x]never[/link] markup." in text
        assert "[reverse]Explained[/reverse] literally." in text
