"""Every question type can be answered with the keyboard alone, and the response reaches the
session with original indexes (not display positions)."""

from __future__ import annotations

from textual.pilot import Pilot

from quizapp.core.model import QuestionType, SelfGrade, match_rights
from quizapp.core.scoring import Outcome
from quizapp.core.study import PracticeSession
from tests.ui.helpers import (
    PLANETS,
    current_type,
    key_for_choice,
    open_bank,
    screen_text,
    settle,
    ui_app,
)

#: Keys that answer each type somehow (right or wrong), used to get past questions.
ANY_ANSWER = {
    QuestionType.SINGLE: ("1", "enter"),
    QuestionType.MULTIPLE: ("1", "enter"),
    QuestionType.TRUE_FALSE: ("1", "enter"),
    QuestionType.SHORT: ("x", "enter"),
    QuestionType.NUMERIC: ("1", "enter"),
    QuestionType.CLOZE: ("x", "enter", "x", "enter"),
    QuestionType.ORDER: ("enter",),
    QuestionType.MATCH: ("1", "1", "enter"),
    QuestionType.FLASHCARD: ("space", "1"),
}


async def skip_to(pilot: Pilot[object], session: PracticeSession, kind: QuestionType) -> None:
    """Answer questions (anyhow) and move on until a question of `kind` is asked."""
    while current_type(session) is not kind:
        await pilot.press(*ANY_ANSWER[current_type(session)])
        await settle(pilot)
        assert session.current_record is not None, f"{current_type(session)} was not answered"
        await pilot.press("enter")
        await settle(pilot)


async def test_multiple_choice_toggles_with_arrows_and_space() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.MULTIPLE)
        presented = session.current
        assert presented is not None
        texts = [presented.question.choices[i].text for i in presented.choice_order]
        for text in texts:  # move down the list, toggling the two gas giants
            await pilot.press("down")
            if text in ("Jupiter", "Saturn"):
                await pilot.press("space")
        await pilot.press("enter")
        await settle(pilot)
        record = session.records[-1]
        assert record.response == frozenset({0, 1})
        assert record.grade.outcome is Outcome.RIGHT
        assert "✔ RIGHT" in screen_text(app)


async def test_multiple_choice_number_keys_toggle_on_and_off() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.MULTIPLE)
        sun, jupiter = key_for_choice(session, "The Sun"), key_for_choice(session, "Jupiter")
        await pilot.press(sun, jupiter, sun, "enter")  # the Sun picked, then unpicked
        await settle(pilot)
        assert session.records[-1].response == frozenset({0})
        assert session.records[-1].grade.outcome is Outcome.PARTIAL
        text = screen_text(app)
        assert "◐ PARTLY RIGHT · score 50%" in text
        # Several right answers one a line (their full stops would read badly joined by "; ").
        assert "Correct answers:" in text and "• Jupiter" in text and "• Saturn" in text
        assert "Jupiter; Saturn" not in text


async def test_true_false_by_arrow_keys() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.TRUE_FALSE)
        presented = session.current
        assert presented is not None
        false_position = presented.choice_order.index(1)  # True first, then False
        await pilot.press(*["down"] * (false_position + 1), "enter")
        await settle(pilot)
        assert session.records[-1].response == 1
        assert "Right: it is a dwarf planet." in screen_text(app)


async def test_short_answer_is_typed() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.SHORT)
        await pilot.press("enter")  # nothing typed yet: nothing submitted
        assert session.current_record is None
        await pilot.press(*"Jupiter", "enter")
        await settle(pilot)
        assert session.records[-1].response == "Jupiter"
        text = screen_text(app)
        assert "Jupiter is banded, not red." in text
        assert "How big a planet looks says nothing about its orbit" in text


async def test_numeric_answer_is_typed() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.NUMERIC)
        await pilot.press("8", "enter")
        await settle(pilot)
        assert session.records[-1].response == "8"
        assert session.records[-1].grade.outcome is Outcome.RIGHT


async def test_cloze_enter_moves_to_the_next_gap_then_submits() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.CLOZE)
        text = screen_text(app)
        assert "The capital of France is [1] ____ and it stands on the [2] ____." in text
        assert "city" not in text and "river" not in text  # the author's gap ids stay hidden
        await pilot.press(*"Paris", "enter")
        assert session.current_record is None
        await pilot.press(*"Loire", "enter")
        await settle(pilot)
        assert session.records[-1].response == ("Paris", "Loire")
        text = screen_text(app)
        assert "◐ PARTLY RIGHT · score 50%" in text
        assert "✔ [1] Paris" in text  # each gap marked, with what it accepts when wrong
        assert "✘ [2] Loire   accepted: Seine" in text


async def test_order_items_move_with_brackets_and_shift_arrows() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.ORDER)
        presented = session.current
        assert presented is not None
        order = list(presented.item_order)
        # The highlighted item has a › before it, not only a lighter background.
        assert any(line.lstrip().startswith("› 1.") for line in screen_text(app).splitlines())
        moves = 0
        # Bring the item that belongs at `place` up to it; the moved item stays highlighted.
        for place in range(len(order)):
            position = order.index(place)
            await pilot.press(*["up"] * len(order), *["down"] * position)
            for _ in range(position - place):
                await pilot.press("shift+up" if moves % 2 else "left_square_bracket")
                moves += 1
            order.insert(place, order.pop(position))
        assert moves > 0  # the items were shown out of order
        await pilot.press("enter")
        await settle(pilot)
        assert session.records[-1].response == (0, 1, 2)
        assert session.records[-1].grade.outcome is Outcome.RIGHT


async def test_match_by_number_keys() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.MATCH)
        presented = session.current
        assert presented is not None
        rights = match_rights(presented.question)
        for pair in presented.question.pairs:  # each press matches one row and moves down
            await pilot.press(str(presented.right_order.index(rights.index(pair.right)) + 1))
        await pilot.press("enter")
        await settle(pilot)
        assert session.records[-1].response == (0, 1)
        assert session.records[-1].grade.outcome is Outcome.RIGHT


async def test_flashcard_turns_with_space_and_grades_with_numbers() -> None:
    app = ui_app(PLANETS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await open_bank(pilot, "UI planets")
        await skip_to(pilot, session, QuestionType.FLASHCARD)
        back = "The mean distance from the Earth to the Sun"
        assert back not in screen_text(app)
        await pilot.press("3")  # grading before turning the card does nothing
        assert session.current_record is None
        assert "Recall the answer, then press Space to turn the card." in screen_text(app)
        await pilot.press("space")
        await settle(pilot)
        text = screen_text(app)
        assert back in text
        assert "Recall the answer" not in text  # turned: the instructions say what is next
        assert "How well did you recall it? Press 1 Again, 2 Hard, 3 Good or 4 Easy." in text
        await pilot.press("2")
        await settle(pilot)
        assert session.records[-1].response is SelfGrade.HARD
        assert "you said Hard" in screen_text(app)
