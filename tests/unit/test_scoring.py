"""Grading of every question type, with the README's partial-credit rules and worked numbers."""

from __future__ import annotations

import pytest

from quizapp.core.model import (
    Choice,
    Gap,
    MatchPair,
    NumericAnswer,
    Question,
    QuestionType,
    Response,
    SelfGrade,
    TextAnswer,
)
from quizapp.core.scoring import (
    AnswerError,
    Credit,
    Outcome,
    Unreadable,
    choice_credit,
    grade,
    normalise,
    refusal,
)

CLOSEST = Question(
    id="closest-planet",
    type=QuestionType.SINGLE,
    prompt="Which planet is closest to the Sun?",
    choices=(
        Choice("Mercury", 1.0, feedback="Mercury orbits at about 0.4 AU."),
        Choice(
            "Jupiter", feedback="Jupiter is the fifth planet.", misconception="bigger-is-closer"
        ),
        Choice("Venus", 0.5, feedback="Close: second."),
        Choice("Earth", -0.5, misconception="earth-centre"),
        Choice("None of these", pinned=True),
    ),
)

# README defaults for `multiple`: k=2 correct choices worth 1/2 each, each wrong choice costs 1/2.
GIANTS = Question(
    id="gas-giants",
    type=QuestionType.MULTIPLE,
    prompt="Which of these are gas giants?",
    choices=(
        Choice("Jupiter", 0.5, feedback="Yes, mostly hydrogen."),
        Choice("Saturn", 0.5),
        Choice("Mars", -0.5, feedback="Mars is rocky.", misconception="bigger-is-closer"),
        Choice("Venus", -0.5, misconception="hot-is-gas"),
    ),
)

PLUTO = Question(
    id="pluto-planet",
    type=QuestionType.TRUE_FALSE,
    prompt="Pluto is classified as a planet.",
    choices=(
        Choice("True", feedback="It was until 2006.", misconception="bigger-is-closer"),
        Choice("False", 1.0, feedback="Right: it is a dwarf planet."),
    ),
)

RED = Question(
    id="red-planet",
    type=QuestionType.SHORT,
    prompt="Which planet is called the red planet?",
    answers=(
        TextAnswer("Mars"),
        TextAnswer("planet Mars"),
        TextAnswer("^(the )?planet mars$", regex=True),
        TextAnswer("Ares", 0.5, feedback="That is its Greek god."),
        TextAnswer("Jupiter", 0.0, "Jupiter is banded, not red.", "bigger-is-closer"),
    ),
)

COUNT = Question(
    id="planet-count",
    type=QuestionType.NUMERIC,
    prompt="How many planets are in the Solar System?",
    numeric=(
        NumericAnswer(8, 8, value=8),
        NumericAnswer(7, 9, 0.5, feedback="Close."),
        NumericAnswer(9, 9, 0.0, "Pluto was demoted.", "bigger-is-closer", value=9),
    ),
)

CAPITAL = Question(
    id="capital-gap",
    type=QuestionType.CLOZE,
    prompt="The capital of France is {{city}} and it stands on the {{river}}.",
    gaps=(
        Gap("city", (TextAnswer("Paris"),)),
        Gap(
            "river",
            (
                TextAnswer("Seine"),
                TextAnswer("the Seine"),
                TextAnswer("Loire", 0.0, "The Loire does not pass through Paris.", "longest-river"),
            ),
        ),
    ),
)

INNER = Question(
    id="inner-planets",
    type=QuestionType.ORDER,
    prompt="Put these planets in order from the Sun outwards.",
    items=("Mercury", "Venus", "Earth", "Mars"),
)

MOONS = Question(
    id="planet-moons",
    type=QuestionType.MATCH,
    prompt="Match each moon to its planet.",
    pairs=(
        MatchPair("Titan", "Saturn", "Titan has a thick atmosphere."),
        MatchPair("Io", "Jupiter"),
        MatchPair("Europa", "Jupiter"),
    ),
    distractors=("Neptune",),
)
# match_rights(MOONS) == ("Saturn", "Jupiter", "Jupiter", "Neptune")

AU = Question(
    id="au",
    type=QuestionType.FLASHCARD,
    prompt="What is an astronomical unit?",
    back="The mean distance from the Earth to the Sun.",
)


# --- single and true/false ----------------------------------------------------------------------


def test_single_correct_choice_scores_one_with_its_feedback() -> None:
    result = grade(CLOSEST, 0)
    assert (result.score, result.outcome) == (1.0, Outcome.RIGHT)
    assert result.feedback == ("Mercury orbits at about 0.4 AU.",)
    assert result.misconceptions == ()
    assert result.correct_answer == "Mercury"


def test_single_wrong_choice_reveals_its_misconception() -> None:
    result = grade(CLOSEST, 1)
    assert (result.score, result.outcome) == (0.0, Outcome.WRONG)
    assert result.misconceptions == ("bigger-is-closer",)
    assert result.feedback == ("Jupiter is the fifth planet.",)


def test_single_partial_weight_and_negative_weight_never_below_zero() -> None:
    assert (grade(CLOSEST, 2).score, grade(CLOSEST, 2).outcome) == (0.5, Outcome.PARTIAL)
    penalty = grade(CLOSEST, 3)
    assert (penalty.score, penalty.outcome) == (0.0, Outcome.WRONG)
    assert penalty.misconceptions == ("earth-centre",)
    assert penalty.feedback == ()  # the choice has no feedback; no empty strings


def test_a_choice_below_full_marks_is_partly_right_and_only_there() -> None:
    credits = [choice_credit(CLOSEST, choice) for choice in CLOSEST.choices]
    assert credits == [Credit.FULL, Credit.NONE, Credit.PARTIAL, Credit.NONE, Credit.NONE]
    # In a multiple-answer question each right choice is worth a share, and is fully right.
    assert [choice_credit(GIANTS, c) for c in GIANTS.choices[:3]] == [
        Credit.FULL,
        Credit.FULL,
        Credit.NONE,
    ]


def test_true_false_grades_like_single() -> None:
    assert grade(PLUTO, 1).outcome is Outcome.RIGHT
    wrong = grade(PLUTO, 0)
    assert wrong.outcome is Outcome.WRONG
    assert wrong.misconceptions == ("bigger-is-closer",)
    assert wrong.feedback == ("It was until 2006.",)
    assert wrong.correct_answer == "False"


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ("0", "str"),
        (True, "bool"),
        (SelfGrade.GOOD, "SelfGrade"),
        (frozenset({0}), "frozenset"),
        (5, "out of range"),
        (-1, "out of range"),
    ],
)
def test_single_rejects_wrong_shapes(response: Response, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        grade(CLOSEST, response)


# --- multiple -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("picked", "score", "outcome"),
    [
        ({0, 1}, 1.0, Outcome.RIGHT),
        ({0}, 0.5, Outcome.PARTIAL),
        ({0, 1, 2}, 0.5, Outcome.PARTIAL),  # README: picking everything never earns full marks
        ({0, 1, 2, 3}, 0.0, Outcome.WRONG),
        ({2}, 0.0, Outcome.WRONG),  # clamped at 0, not -0.5
        (set(), 0.0, Outcome.WRONG),  # an empty selection is a (wrong) answer
    ],
)
def test_multiple_sums_weights_clamped(picked: set[int], score: float, outcome: Outcome) -> None:
    result = grade(GIANTS, frozenset(picked))
    assert result.score == pytest.approx(score)
    assert result.outcome is outcome


def test_multiple_weights_above_one_are_clamped() -> None:
    generous = Question(
        id="q",
        type=QuestionType.MULTIPLE,
        prompt="?",
        choices=(Choice("a", 0.75), Choice("b", 0.75)),
    )
    assert grade(generous, frozenset({0, 1})).score == 1.0


def test_multiple_lists_misconceptions_of_picked_wrong_choices_in_choice_order() -> None:
    result = grade(GIANTS, frozenset({3, 0, 2}))
    assert result.misconceptions == ("bigger-is-closer", "hot-is-gas")
    assert result.feedback == ("Yes, mostly hydrogen.", "Mars is rocky.")
    assert result.correct_answer == "Jupiter; Saturn"


def test_multiple_ignores_misconceptions_on_picked_credited_choices() -> None:
    question = Question(
        id="q",
        type=QuestionType.MULTIPLE,
        prompt="?",
        choices=(
            Choice("a", 0.5, misconception="odd"),
            Choice("b", 0.5),
            Choice("c", -0.5, misconception="m"),
        ),
    )
    assert grade(question, frozenset({0, 1, 2})).misconceptions == ("m",)


@pytest.mark.parametrize("response", [(0, 1), [0], 0, frozenset({4}), frozenset({True})])
def test_multiple_rejects_wrong_shapes(response: Response) -> None:
    with pytest.raises(AnswerError):
        grade(GIANTS, response)


# --- short --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["Mars", "  mars ", "MARS.", "Planet   Mars", "the planet mars", "The Planet Mars"]
)
def test_short_accepts_normalised_and_pattern_matches(typed: str) -> None:
    result = grade(RED, typed)
    assert result.outcome is Outcome.RIGHT
    assert result.correct_answer == "Mars"


def test_short_best_weight_wins_and_partial_credit() -> None:
    result = grade(RED, "ares!")
    assert (result.score, result.outcome) == (0.5, Outcome.PARTIAL)
    assert result.feedback == ("That is its Greek god.",)


def test_short_a_later_better_match_beats_an_earlier_catch_all() -> None:
    question = Question(
        id="q",
        type=QuestionType.SHORT,
        prompt="Red planet?",
        answers=(TextAnswer(".*", 0.0, "Think of rust.", regex=True), TextAnswer("Mars")),
    )
    assert (grade(question, "mars").score, grade(question, "mars").feedback) == (1.0, ())
    assert grade(question, "Venus").feedback == ("Think of rust.",)


def test_short_known_wrong_answer_reveals_misconception() -> None:
    result = grade(RED, "jupiter")
    assert result.outcome is Outcome.WRONG
    assert result.misconceptions == ("bigger-is-closer",)
    assert result.feedback == ("Jupiter is banded, not red.",)


@pytest.mark.parametrize("typed", ["", "   ", "Venus", "?!", "a planet mars"])
def test_short_unknown_or_empty_answer_is_wrong_without_feedback(typed: str) -> None:
    result = grade(RED, typed)
    assert result.outcome is Outcome.WRONG
    assert (result.misconceptions, result.feedback) == ((), ())


def test_short_case_sensitive_applies_to_text_and_pattern() -> None:
    question = Question(
        id="sym",
        type=QuestionType.SHORT,
        prompt="Symbol of sodium?",
        answers=(TextAnswer("Na"), TextAnswer("[A-Z]a!", 0.5, regex=True)),
        case_sensitive=True,
    )
    assert grade(question, "Na").outcome is Outcome.RIGHT
    assert grade(question, "na").outcome is Outcome.WRONG
    assert grade(question, "Xa!").score == 0.5
    assert grade(question, "xa!").score == 0.0


def test_short_with_only_a_pattern_shows_the_pattern_as_correct_answer() -> None:
    question = Question(
        id="p",
        type=QuestionType.SHORT,
        prompt="Any even digit",
        answers=(TextAnswer("[02468]", regex=True),),
    )
    assert grade(question, "4").outcome is Outcome.RIGHT
    assert grade(question, "5").correct_answer == "[02468]"


def test_short_rejects_non_text() -> None:
    with pytest.raises(AnswerError, match="str"):
        grade(RED, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Hello,   World! ", "hello world"),
        ("don't", "dont"),
        ("«Quoted» “text” 'here'", "quoted text here"),
        ("Straße", "strasse"),
        ("ﬁne", "fine"),  # NFKC ligature
        ("ＦＵＬＬ width", "full width"),
        ("C++ and C", "c++ and c"),  # symbols other than punctuation stay
        ("tab\tand\nnewline", "tab and newline"),
        ("café", "café"),
        ("naïve `quote`", "naïve quote"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalise_case_sensitive_keeps_case() -> None:
    assert normalise(" Don't  Panic ", case_sensitive=True) == "Dont Panic"


# --- numeric ------------------------------------------------------------------------------------


def test_numeric_exact_partial_and_known_wrong() -> None:
    right = grade(COUNT, "8")
    assert (right.score, right.outcome, right.correct_answer) == (1.0, Outcome.RIGHT, "8")
    close = grade(COUNT, "7")
    assert (close.score, close.feedback) == (0.5, ("Close.",))
    # 9 lies in the 7..9 range (0.5) and is a known wrong answer (0): the best weight wins.
    nine = grade(COUNT, "9")
    assert nine.score == 0.5
    assert grade(COUNT, "10").outcome is Outcome.WRONG


def test_numeric_a_later_better_range_beats_an_earlier_one() -> None:
    question = Question(
        id="q",
        type=QuestionType.NUMERIC,
        prompt="?",
        numeric=(NumericAnswer(0, 100, 0.0, "Too rough."), NumericAnswer(42, 42, value=42)),
    )
    assert grade(question, "42").outcome is Outcome.RIGHT
    assert grade(question, "41").feedback == ("Too rough.",)


def test_numeric_known_wrong_answer_reveals_misconception() -> None:
    question = Question(
        id="n",
        type=QuestionType.NUMERIC,
        prompt="?",
        numeric=(NumericAnswer(8, 8, value=8), NumericAnswer(9, 9, 0.0, "No.", "m", value=9)),
    )
    result = grade(question, "9.0")
    assert (result.outcome, result.misconceptions, result.feedback) == (
        Outcome.WRONG,
        ("m",),
        ("No.",),
    )


def test_numeric_range_is_inclusive_with_float_slack() -> None:
    question = Question(
        id="n",
        type=QuestionType.NUMERIC,
        prompt="0.1 + 0.2?",
        numeric=(NumericAnswer(0.3, 0.3, value=0.3),),
    )
    assert grade(question, repr(0.1 + 0.2)).outcome is Outcome.RIGHT
    assert grade(question, "0.3001").outcome is Outcome.WRONG
    tolerant = NumericAnswer(3.13, 3.15, value=3.14, tolerance=0.01)
    pi = Question(id="pi", type=QuestionType.NUMERIC, prompt="pi?", numeric=(tolerant,))
    assert grade(pi, "3.15").outcome is Outcome.RIGHT
    assert grade(pi, "3.1").correct_answer == "3.14 ± 0.01"


def test_a_number_that_cannot_be_read_is_refused_not_graded_wrong() -> None:
    reason = refusal(COUNT, " about 8 ")
    assert reason == "'about 8': type just the number, with nothing before it."
    with pytest.raises(Unreadable) as refused:
        grade(COUNT, "about 8")
    assert refused.value.reason == reason
    assert isinstance(refused.value, AnswerError)  # the sessions refuse it as any bad answer
    assert refusal(COUNT, "8") is None and refusal(COUNT, "") is None
    assert refusal(RED, "about 8") is None  # a short answer is never a number
    assert grade(COUNT, "").outcome is Outcome.WRONG  # blank: an exam question left empty


def test_numbers_are_read_as_typed_before_grading() -> None:
    assert grade(COUNT, "8,0").outcome is Outcome.RIGHT  # a decimal comma
    assert grade(COUNT, "7,5").score == 0.5
    with pytest.raises(Unreadable, match="could mean 8000"):
        grade(COUNT, "8,000")


# --- cloze --------------------------------------------------------------------------------------


def test_cloze_scores_the_mean_of_gaps() -> None:
    assert grade(CAPITAL, ("Paris", "the Seine")).outcome is Outcome.RIGHT
    half = grade(CAPITAL, ("paris", "Thames"))
    assert (half.score, half.outcome) == (0.5, Outcome.PARTIAL)
    assert half.correct_answer == "[1] Paris; [2] Seine"  # numbered, never the gap ids


def test_cloze_collects_misconceptions_and_feedback_from_gaps() -> None:
    result = grade(CAPITAL, ("Lyon", "Loire"))
    assert result.outcome is Outcome.WRONG
    assert result.misconceptions == ("longest-river",)
    assert result.feedback == ("The Loire does not pass through Paris.",)


def test_cloze_marks_each_gap_with_the_answers_it_accepts() -> None:
    city, river = grade(CAPITAL, (" paris ", "Loire")).parts
    assert (city.label, city.given, city.outcome, city.accepted) == (
        "[1]",
        "paris",
        Outcome.RIGHT,
        ("Paris",),
    )
    assert (river.label, river.outcome, river.accepted) == (
        "[2]",
        Outcome.WRONG,
        ("Seine", "the Seine"),
    )
    assert river.feedback == "The Loire does not pass through Paris."


@pytest.mark.parametrize("response", [("Paris",), ("Paris", "Seine", "x"), "Paris", ("Paris", 3)])
def test_cloze_rejects_wrong_shapes(response: Response) -> None:
    with pytest.raises(AnswerError):
        grade(CAPITAL, response)


# --- order --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "score"),
    [
        ((0, 1, 2, 3), 1.0),
        ((3, 2, 1, 0), 0.0),
        ((1, 0, 2, 3), 5 / 6),  # README: one swap of neighbours in four items
        ((0, 1, 3, 2), 5 / 6),
        ((0, 3, 2, 1), 3 / 6),
        ((3, 0, 1, 2), 3 / 6),
    ],
)
def test_order_scores_share_of_pairs_in_order(order: tuple[int, ...], score: float) -> None:
    result = grade(INNER, order)
    assert result.score == pytest.approx(score)
    assert result.correct_answer == "Mercury → Venus → Earth → Mars"


def test_order_partial_outcome() -> None:
    assert grade(INNER, (1, 0, 2, 3)).outcome is Outcome.PARTIAL


@pytest.mark.parametrize(
    "response", [(0, 1, 2), (0, 1, 2, 2), (0, 1, 2, 4), (0, 1, 2, None), "0123", 0]
)
def test_order_rejects_non_permutations(response: Response) -> None:
    with pytest.raises(AnswerError):
        grade(INNER, response)


# --- match --------------------------------------------------------------------------------------


def test_match_scores_share_of_right_pairs_by_text() -> None:
    # Io and Europa both belong with "Jupiter": either Jupiter entry (1 or 2) is right.
    assert grade(MOONS, (0, 2, 1)).outcome is Outcome.RIGHT
    assert grade(MOONS, (0, 1, 1)).outcome is Outcome.RIGHT
    two_of_three = grade(MOONS, (0, 3, None))
    assert two_of_three.score == pytest.approx(1 / 3)
    assert grade(MOONS, (3, 0, None)).outcome is Outcome.WRONG
    assert (
        grade(MOONS, (0, 1, 2)).correct_answer == "Titan → Saturn; Io → Jupiter; Europa → Jupiter"
    )


def test_a_pairs_feedback_comes_only_when_that_pair_is_wrong() -> None:
    assert grade(MOONS, (0, 1, 2)).feedback == ()
    wrong_titan = grade(MOONS, (1, 1, 2))
    assert wrong_titan.feedback == ("Titan has a thick atmosphere.",)
    titan, io, europa = wrong_titan.parts
    assert (titan.label, titan.given, titan.accepted, titan.outcome) == (
        "Titan",
        "Jupiter",
        ("Saturn",),
        Outcome.WRONG,
    )
    assert titan.feedback == "Titan has a thick atmosphere."
    assert (io.outcome, europa.outcome, io.feedback) == (Outcome.RIGHT, Outcome.RIGHT, "")
    assert grade(MOONS, (0, None, 2)).parts[1].given == ""  # left unmatched


@pytest.mark.parametrize("response", [(0, 1), (0, 1, 4), (0, 1, True), (0, 1, "2"), 0])
def test_match_rejects_wrong_shapes(response: Response) -> None:
    with pytest.raises(AnswerError):
        grade(MOONS, response)


# --- flashcard ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "outcome"),
    [
        (SelfGrade.AGAIN, Outcome.WRONG),
        (SelfGrade.HARD, Outcome.RIGHT),
        (SelfGrade.GOOD, Outcome.RIGHT),
        (SelfGrade.EASY, Outcome.RIGHT),
    ],
)
def test_flashcard_is_self_graded(rating: SelfGrade, outcome: Outcome) -> None:
    result = grade(AU, rating)
    assert result.outcome is outcome
    assert result.correct_answer == AU.back


def test_flashcard_rejects_plain_ints() -> None:
    with pytest.raises(AnswerError, match="SelfGrade"):
        grade(AU, 3)


def test_outcome_tolerates_float_error() -> None:
    tenths = Question(
        id="t",
        type=QuestionType.MULTIPLE,
        prompt="?",
        choices=tuple(Choice(str(i), 0.1) for i in range(10)),
    )
    result = grade(tenths, frozenset(range(10)))
    assert result.score < 1  # 0.1 added ten times is 0.9999999999999999 ...
    assert result.outcome is Outcome.RIGHT  # ... which is still full marks
