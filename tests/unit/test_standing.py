"""The held/overcome rule, as a pure function over (day, revealed|declined) events."""

from __future__ import annotations

from datetime import date

from quizapp.core.progress.overcoming import OVERCOME_DAYS, Touch, standing

R, D = Touch.REVEALED, Touch.DECLINED
MON, TUE, WED, THU = (date(2025, 3, d) for d in (3, 4, 5, 6))


def test_never_revealed_is_neither_held_nor_overcome() -> None:
    found = standing([(MON, D), (TUE, D), (WED, D)])
    assert not found.held and not found.overcome and found.revealed == 0


def test_held_from_the_first_fall_until_declined_on_two_different_days() -> None:
    assert OVERCOME_DAYS == 2
    assert standing([(MON, R)]).held
    same_day = standing([(MON, R), (MON, D), (MON, D), (MON, D)])
    assert same_day.held and same_day.declined_days == 1  # one day, however many answers
    overcome = standing([(MON, R), (MON, D), (WED, D)])
    assert overcome.overcome and overcome.overcome_on == WED and not overcome.held


def test_declines_before_the_last_fall_do_not_count_and_a_new_fall_starts_over() -> None:
    assert standing([(MON, D), (TUE, D), (WED, R)]).held
    again = standing([(MON, R), (TUE, D), (WED, D), (THU, R), (THU, D)])
    assert again.held and again.revealed == 2 and again.declined_days == 1
    assert again.overcome_on is None
