"""The review of one question: the student's answer beside the correct one, every choice with
its feedback and misconception, the confidence given, moving with n/p; a snapshot at 80x24."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from quizapp.core.bank import load_bank
from quizapp.core.model import SelfGrade
from quizapp.core.study import PracticeSession
from quizapp.screens.results import ResultsScreen
from quizapp.screens.review import ReviewScreen
from tests.ui.helpers import PLANETS, SEED, screen_text, settle, ui_app
from tests.ui.study_helpers import answered_practice, expired_exam, push, study_app

SnapCompare = Callable[..., bool]


def box_line(text: str, label: str) -> str:
    """The line of `text` that holds the box titled `label`, and the line below it."""
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if label in line)
    return lines[index + 1]


async def test_the_answer_is_shown_beside_the_correct_one() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ResultsScreen(report))
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Review · question 1 of 5 · Web" in text
        assert "What does the padlock in the address bar tell you?" in text
        assert "✘ WRONG · score 0%" in text
        both = box_line(text, "Your answer")
        assert "Correct answer" in next(line for line in text.splitlines() if "Your answer" in line)
        given, correct = both.split("│ │")
        assert "The site is run by an honest" in given
        assert "The connection to the site is" in correct


async def test_every_choice_shows_its_marks_feedback_and_misconception() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 60)) as pilot:
        await push(pilot, ReviewScreen(report, 0))
        lines = screen_text(app).splitlines()
        picked = next(i for i, line in enumerate(lines) if "›✘  The site is run by" in line)
        assert "Anyone can get a certificate." in lines[picked + 1]
        assert "⚠ A padlock in the address bar means the site is trustworthy." in lines[picked + 2]
        right = next(i for i, line in enumerate(lines) if " ✔  The connection to the site" in line)
        assert "Right, and nothing more than that." in lines[right + 1]
        assert any("Encryption says nothing about the content." in line for line in lines)
        text = "\n".join(lines)
        assert "┏━ Misconception" in text  # the one the student fell for, in its own panel
        assert "HTTPS only encrypts the connection" in text
        assert "TLS protects data in transit" in text  # the explanation
        assert "Confidently wrong" not in text  # no confidence was asked


async def test_a_confidently_wrong_answer_is_singled_out() -> None:
    report = answered_practice(confidence=True).report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ReviewScreen(report, 2))
        text = screen_text(app)
        assert "Confidently wrong" in text
        assert "most dangerous kind of misconception" in text
        assert "confidence 3 (sure) · CBM -6" in text
        await pilot.press("n")  # a right answer at low confidence: no warning
        await settle(pilot)
        text = screen_text(app)
        assert "Review · question 4 of 5" in text
        assert "Confidently wrong" not in text
        assert "✔ RIGHT · score 100% · confidence 1 (not sure) · CBM +1" in text


async def test_a_typed_answer_and_a_partly_right_one() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ReviewScreen(report, 3))
        given, correct = box_line(screen_text(app), "Your answer").split("│ │")
        assert "password manager" in given and "password manager" in correct
        await pilot.press("p", "p")
        await settle(pilot)
        text = screen_text(app)
        assert "◐ PARTLY RIGHT · score 50%" in text
        given, correct = box_line(text, "Your answer").split("│ │")
        assert "A sender address that does not" in given


async def test_n_and_p_stop_at_the_ends() -> None:
    report = answered_practice().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ReviewScreen(report, 0))
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "Next question" in footer and "Previous" not in footer
        await pilot.press("p")
        assert screen.index == 0
        await pilot.press(*"nnnnnn")
        await settle(pilot)
        assert screen.index == 4
        footer = screen_text(app).splitlines()[-1]
        assert "Previous question" in footer and "Next" not in footer


async def test_an_unanswered_exam_question() -> None:
    report = expired_exam().report()
    app = study_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, ReviewScreen(report, 1))
        text = screen_text(app)
        assert "✘ NOT ANSWERED · score 0% · ⚑ flagged" in text
        assert "(not answered)" in box_line(text, "Your answer")


async def test_typed_ordered_and_matched_answers_are_written_out() -> None:
    bank = load_bank(PLANETS).bank
    assert bank is not None
    session = PracticeSession(bank, seed=SEED)
    answers = (1, frozenset({0}), 0, "Jupiter", "9", ("Paris", "Rhine"), (1, 0, 2), (1, None))
    for response in (*answers, SelfGrade.HARD):
        session.answer(response)
        session.advance()
    report = session.report()
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24)) as pilot:
        expected = {
            4: ("9", "8"),
            6: ("Venus → Mercury → Earth", "Mercury → Venus → Earth"),
            8: ("You graded your recall: Hard", "The mean distance from the"),
        }
        # Gaps and pairs are marked one a line, with what they accept (gaps by number).
        marked = {
            5: ("✔ [1] Paris", "✘ [2] Rhine   accepted: Seine"),
            7: ("✘ Titan → Jupiter   right: Saturn", "✘ Io → —   right: Jupiter"),
        }
        await push(pilot, ReviewScreen(report, 4))
        for index in range(4, 9):
            assert app.screen.index == index  # type: ignore[attr-defined]
            text = screen_text(app)
            if index in marked:
                assert all(line in text for line in marked[index]), index
                assert "city" not in text and "river" not in text
            else:
                given, correct = expected[index]
                left, right = box_line(text, "Your answer").split("│ │")
                assert given in left and correct in right, index
            await pilot.press("n")
            await settle(pilot)


def test_review_snapshot(snap_compare: SnapCompare) -> None:
    async def review(pilot: Pilot[object]) -> None:
        await push(pilot, ReviewScreen(answered_practice(confidence=True).report(), 0))

    assert snap_compare(study_app(), run_before=review)
