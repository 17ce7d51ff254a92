"""The results screen: score and pass mark, topic bars, misconceptions, CBM, the question list,
opening a review, retrying the mistakes and going home; a snapshot at 80x24."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import OptionList

from quizapp.core.model import SelfGrade
from quizapp.core.study import TopicScore
from quizapp.screens import HomeScreen
from quizapp.screens.quiz import QuizScreen
from quizapp.screens.results import ResultsScreen
from quizapp.screens.review import ReviewScreen
from quizapp.widgets import TopicBars
from tests.ui.helpers import screen_text, settle
from tests.ui.study_helpers import answered_practice, expired_exam, push, study_app

SnapCompare = Callable[..., bool]

ALL_RIGHT = (0, frozenset({0, 1}), 1, "password manager", SelfGrade.EASY)


async def test_results_show_the_score_pass_mark_topics_and_misconceptions() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 60)) as pilot:
        await push(pilot, ResultsScreen(report))
        text = screen_text(app)
        assert report.score == 2.5 and report.passed is False
        assert "Score 2.5 of 5 (50%)" in text
        assert "NOT PASSED" in text and "pass mark 60%" in text
        assert "✔ 2 right   ◐ 1 partly right   ✘ 2 wrong" in text
        assert "Time taken 1 min 03 s" in text  # the fake clock moves 7 s at every reading
        web = next(line for line in text.splitlines() if line.strip().startswith("Web"))
        assert "█" in web and "0.5/2" in web and "25%" in web
        passwords = next(line for line in text.splitlines() if "Passwords" in line)
        assert "2/3" in passwords and "67%" in passwords
        assert "Misconceptions you fell for" in text
        assert "A padlock in the address bar means the site is trustworthy." in text
        assert "HTTPS only encrypts the connection" in text  # the explanation
        assert "1. What does the padlock in the address bar tell you?" in text  # where it showed
        assert "A long password is safe even if it is reused." in text
        assert "CBM" not in text  # no confidence was asked


async def test_a_report_without_mistakes_passes_and_offers_no_retry() -> None:
    report = answered_practice(answers=ALL_RIGHT).report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        text = screen_text(app)
        assert "PASSED" in text and "NOT PASSED" not in text
        assert "No misconceptions revealed this time." in text
        assert "Retry mistakes" not in text.splitlines()[-1]
        screen = app.screen
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is screen


async def test_an_expired_exam_says_the_time_ran_out() -> None:
    report = expired_exam().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        text = screen_text(app)
        assert report.expired
        assert "Results · Mock exam · Study security basics" in text
        assert "Time ran out: the exam was submitted automatically." in text
        assert "Score 1 of 5 (20%)" in text and "NOT PASSED" in text
        assert "(4 not answered)" in text and "⚑ 1 flagged" in text
        row = next(line for line in text.splitlines() if " 2. " in line)
        assert "(not answered)" in row and "⚑" in row


async def test_enter_reviews_the_highlighted_question_and_escape_comes_back() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.index == 2
        assert "Review · question 3 of 5 · Passwords" in screen_text(app)
        await pilot.press("n", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.query_one(OptionList).highlighted == 3  # where the review ended


async def test_a_click_on_a_question_reviews_it() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        await pilot.click("#results-questions", offset=(6, 2))  # the second row
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.index == 1


async def test_retry_mistakes_practises_exactly_the_wrong_and_partly_right() -> None:
    report = answered_practice(confidence=True).report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        assert "r Retry mistakes" in screen_text(app).splitlines()[-1]
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        session = app.screen.session
        assert [item.question.id for item in session.items] == [
            "padlock",
            "phishing-signs",
            "reuse",
        ]
        assert session.confidence  # certainty-based marking carries over
        assert "Question 1 of 3 · Web" in screen_text(app)


async def test_escape_goes_home_whatever_is_on_the_stack() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        await pilot.press("r")  # a retry on top, then its own results on top of that
        await settle(pilot)
        await push(pilot, ResultsScreen(report))
        assert len(app.screen_stack) == 4
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1


async def test_confidence_shows_the_cbm_score_and_calibration() -> None:
    report = answered_practice(confidence=True).report()
    app = study_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await push(pilot, ResultsScreen(report))
        text = screen_text(app)
        assert report.cbm is not None and report.cbm.total == -9
        assert "Score 2.5 of 5 (50%)" in text
        assert "CBM score -9 (-1.80 per question, at best +3)" in text
        lines = text.splitlines()
        assert any(
            line.split() == ["1", "not", "sure", "1", "1", "100%", "+1", "/", "0"] for line in lines
        )
        assert any(line.split()[:6] == ["3", "sure", "2", "0", "0%", "+3"] for line in lines)
        assert "Sure but wrong: questions 1, 3" in text


async def test_wide_terminals_put_the_questions_beside_the_summary() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await push(pilot, ResultsScreen(report))
        questions = app.screen.query_one("#results-questions").region
        summary = app.screen.query_one("#results-summary").region
        assert questions.x >= summary.right and questions.height > 20
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        questions = app.screen.query_one("#results-questions").region
        summary = app.screen.query_one("#results-summary").region
        assert questions.y >= summary.bottom and questions.width == 80


def test_results_snapshot(snap_compare: SnapCompare) -> None:
    async def results(pilot: Pilot[object]) -> None:
        await push(pilot, ResultsScreen(answered_practice(confidence=True).report()))

    assert snap_compare(study_app(), run_before=results)


async def test_topic_bars_keep_long_topic_names_whole_when_there_is_room() -> None:
    class Bars(App[None]):
        def compose(self) -> ComposeResult:
            yield TopicBars(
                [
                    TopicScore("What does not justify disclosure", 1, 2, 2),
                    TopicScore("Why confidentiality matters in probation work today", 2, 2, 2),
                ]
            )

    app = Bars()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert lines[0].startswith("What does not justify disclosure ")
        assert lines[0].rstrip().endswith("1/2   50%")
        assert lines[1].startswith("Why confidentiality matters in probation…")  # too long
        assert "█" * 20 in lines[1]  # the bar keeps a third of the line


async def test_a_long_counts_line_wraps_between_counts_not_inside_one() -> None:
    app = study_app()
    async with app.run_test(size=(120, 40)) as pilot:  # the summary beside the list: narrow
        await push(pilot, ResultsScreen(expired_exam().report()))
        lines = screen_text(app).splitlines()
        assert any("✔ 1 right" in line and "✘ 4 wrong" in line for line in lines)
        assert any(line.strip().startswith("⚑ 1 flagged") for line in lines)
