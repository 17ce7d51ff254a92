"""The help dialog (`?`, F1) lists the current screen's keys, hidden alternates included; the
command palette (ctrl+p) offers help, themes and the screen's actions."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from quizapp.screens import HelpScreen
from quizapp.screens.quiz import QuizScreen
from quizapp.screens.results import ResultsScreen
from tests.ui.helpers import screen_text, settle
from tests.ui.study_helpers import answered_practice, practice, push, study_app


def key_line(text: str, description: str) -> list[str]:
    """The words of the line in the help dialog that ends with `description`."""
    cells = (cell for line in text.splitlines() for cell in line.split("│"))
    return next(c for c in cells if c.rstrip().endswith(f"  {description}")).split()


async def test_question_mark_lists_the_keys_of_the_results_screen() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(answered_practice().report()))
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Keys · Results" in text
        assert key_line(text, "Retry mistakes") == ["r", "Retry", "mistakes"]
        assert key_line(text, "Home")[:2] == ["esc", "q"]  # q is hidden from the footer
        assert key_line(text, "Summary or questions")[0] == "tab"  # not in the footer at all
        assert key_line(text, "Review")[0] == "⏎"
        assert key_line(text, "Quit")[0] == "^q"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)


async def test_help_follows_what_applies_now() -> None:
    app = study_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await push(pilot, QuizScreen(practice()))
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "Keys · Quiz" in text
        assert key_line(text, "Pick")[:2] == ["1-9", "a-i"]
        assert key_line(text, "Submit")[0] == "⏎"
        assert "Next question" not in text  # nothing answered yet
        await pilot.press("question_mark")  # ? closes it again
        await pilot.press("2", "enter", "f1")
        await settle(pilot)
        text = screen_text(app)
        assert isinstance(app.screen, HelpScreen)
        assert key_line(text, "Next question")[:2] == ["⏎", "n"]
        assert "Submit" not in text


async def test_f1_opens_help_while_typing_and_question_mark_is_typed() -> None:
    session = practice()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, QuizScreen(session))
        for response in ("2", "1", "2"):  # on to the typed question
            await pilot.press(response, "enter", "enter")
        await settle(pilot)
        assert session.position == 3
        await pilot.press(*"what?")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert "what?" in screen_text(app)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "Keys · Quiz" in screen_text(app)


async def still(pilot: Pilot[object]) -> str:
    """The screen once it stops changing.

    The palette searches in a worker and shows the hits in batches, and opening a palette from
    another swaps screens: wait for the worker, then until the screen is the same twice (no fixed
    sleep, so a slow machine cannot cut it short).
    """
    text = ""
    for _ in range(50):
        await settle(pilot)
        shown = screen_text(pilot.app)
        if shown == text:
            break
        text = shown
    return text


async def search(pilot: Pilot[object], query: str) -> str:
    """Type `query` into the open command palette; the screen once the hits are in."""
    await pilot.press(*query)
    return await still(pilot)


async def test_the_command_palette_offers_help_themes_and_the_screens_actions() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(answered_practice().report()))
        assert "^p palette" in screen_text(app).splitlines()[-1]
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        text = await search(pilot, "")
        assert "The keys of this screen" in text  # Help, with its description
        assert "Down" not in text and "Copy selected text" not in text  # no widget plumbing
        for query, hit, detail in (
            ("theme", "Theme", "Change the current theme"),
            ("retry", "Retry mistakes", "On this screen (key: r)"),
            ("summary", "Summary or questions", "On this screen (key: tab)"),
        ):
            text = await search(pilot, query)
            assert hit in text and detail in text, query
            await pilot.press(*["backspace"] * len(query))
        await search(pilot, "help")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "Keys · Results" in screen_text(app)


async def test_the_theme_can_be_switched_from_the_palette() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme != "textual-light"
        await pilot.press("ctrl+p")
        await search(pilot, "theme")
        await pilot.press("enter")
        text = await still(pilot)
        assert isinstance(app.screen, CommandPalette)  # now listing the themes
        assert "Search for themes" in text
        await search(pilot, "textual-light")
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "textual-light"


class Guarded(Screen[None]):
    """A screen with work that would be lost: it asks before the app quits."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def confirm_quit(self) -> None:
        self.asked += 1


async def test_quitting_asks_a_screen_that_would_lose_work() -> None:
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Guarded()
        await push(pilot, screen)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert screen.asked == 1
        assert app.is_running and app.screen is screen
        await app.pop_screen()
        await pilot.press("ctrl+q")  # nothing to lose on the home screen: quits at once
        await pilot.pause()
        assert not app.is_running
