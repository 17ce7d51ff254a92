"""GIFT import on fixtures written for each rule (tests/formats/gift/), and its small helpers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import FormatError, Note, bank_to_yaml, detect_format, format_named, gift
from quizapp.core.formats.gift.read import category_of, topic_of
from quizapp.core.formats.gift.text import escape, hide_escapes, show
from quizapp.core.formats.htmltext import html_to_text
from quizapp.core.model import (
    Bank,
    Choice,
    Gap,
    MatchPair,
    NumericAnswer,
    OtherAnswer,
    Question,
    QuestionType,
    TextAnswer,
)
from quizapp.core.scoring import grade

FIXTURES = Path(__file__).parents[1] / "formats" / "gift"


def load(name: str) -> gift.ImportResult:
    path = FIXTURES / name
    return gift.import_bank(path.read_bytes(), str(path))


def imported(text: str, name: str = "inline.gift") -> gift.ImportResult:
    return gift.import_bank(text.encode("utf-8"), name)


def only(text: str) -> Question:
    result = imported(text)
    assert len(result.bank.questions) == 1, result.notes
    return result.bank.questions[0]


def notes_of(result: gift.ImportResult) -> list[tuple[int, str]]:
    return [(note.line, note.message) for note in result.notes]


def assert_valid(bank: Bank) -> None:
    """The imported bank is one quizapp's validator accepts, and its YAML loads back equal."""
    loaded = parse_bank(bank_to_yaml(bank), f"{bank.id}.yaml")
    assert loaded.ok, loaded.problems
    assert loaded.bank is not None
    again = [dataclasses.replace(q, line=0) for q in loaded.bank.questions]
    assert again == [dataclasses.replace(q, line=0) for q in bank.questions]


def by_id(result: gift.ImportResult) -> dict[str, Question]:
    return {q.id: q for q in result.bank.questions}


# --- every question type (types.gift) ---------------------------------------------------------


def test_types_fixture_imports_every_gift_type_with_its_line():
    result = load("types.gift")
    assert result.notes == ()
    bank = result.bank
    assert (bank.id, bank.title) == ("types", "Geography")  # its one top category
    kinds = [(q.id, q.type.value, q.line) for q in bank.questions]
    assert kinds == [
        ("capital-fr", "single", 5),
        ("inner-planets", "multiple", 12),
        ("q3", "multiple", 18),
        ("pluto", "true_false", 25),
        ("q5", "true_false", 27),
        ("capital-of-italy", "short", 29),
        ("q7", "cloze", 35),
        ("boiling-point", "numeric", 37),
        ("q9", "numeric", 39),
        ("grant", "numeric", 41),
        ("q11", "match", 47),
        ("q12", "single", 54),
        ("q13", "numeric", 56),
    ]
    assert {q.topic for q in bank.questions} == {"Geography / Capitals"}
    assert_valid(bank)


def test_single_choice_keeps_feedback_negative_weight_explanation_id_and_tags():
    q = by_id(load("types.gift"))["capital-fr"]
    assert q.prompt == "What is the capital of France?"
    assert q.tags == ("europe", "easy")
    assert q.explanation == "Paris is on the Seine."
    assert q.choices == (
        Choice("Paris", 1.0, "Right: Paris has been the capital since 987."),
        Choice("Lyon", 0.0, "Lyon is the third-largest city."),
        Choice("Marseille", -0.5, "Marseille is a port; this guess costs half a mark."),
    )


def test_multiple_answers_keep_weights_and_thirds_are_exact():
    questions = by_id(load("types.gift"))
    assert [(c.text, c.weight) for c in questions["inner-planets"].choices] == [
        ("Mercury", 0.5),
        ("Venus", 0.5),
        ("Jupiter", -1.0),
    ]
    assert questions["inner-planets"].choices[2].feedback == "Jupiter is a gas giant."
    colours = questions["q3"]
    # Moodle writes a third as 33.33333%: read back as exactly 1/3, so the right picks make 1.
    assert [c.weight for c in colours.choices] == [1 / 3, 1 / 3, 1 / 3, -1.0]
    assert sum(c.weight for c in colours.choices[:3]) == 1.0


def test_true_false_feedback_first_for_the_wrong_answer_then_for_the_right_one():
    questions = by_id(load("types.gift"))
    pluto = questions["pluto"]  # {FALSE#It was until 2006.#Right: it is a dwarf planet.}
    assert pluto.choices == (
        Choice("True", 0.0, "It was until 2006."),
        Choice("False", 1.0, "Right: it is a dwarf planet."),
    )
    assert pluto.shuffle is False
    assert questions["q5"].choices == (Choice("True", 1.0), Choice("False", 0.0))


@pytest.mark.parametrize(
    ("block", "on_true", "on_false"),
    [
        ("{TRUE#if you said false#if you said true}", "if you said true", "if you said false"),
        ("{T#if you said false}", "", "if you said false"),
        ("{true##if you said true}", "if you said true", ""),
        ("{F#if you said true#if you said false}", "if you said true", "if you said false"),
    ],
)
def test_true_false_feedback_goes_to_the_choice_it_answers(block, on_true, on_false):
    q = only(f"The statement.{block}")
    assert q.type is QuestionType.TRUE_FALSE
    assert (q.choices[0].feedback, q.choices[1].feedback) == (on_true, on_false)


def test_short_answer_keeps_partial_and_wrong_answers_accepted_first():
    q = by_id(load("types.gift"))["capital-of-italy"]
    assert q.answers == (
        TextAnswer("Rome", 1.0, "Yes."),
        TextAnswer("Roma", 0.5, "That is its Italian name: half marks."),
        TextAnswer("Milan", 0.0, "Milan is the fashion capital."),
    )


def test_typed_missing_word_becomes_a_cloze_with_one_gap():
    q = by_id(load("types.gift"))["q7"]
    assert q.prompt == "Ottawa is the capital of {{blank}}, not of Australia."
    assert q.gaps == (Gap("blank", (TextAnswer("Canada"), TextAnswer("canada dominion", 0.5))),)


def test_numeric_tolerance_range_and_weighted_answers():
    questions = by_id(load("types.gift"))
    assert questions["boiling-point"].numeric == (
        NumericAnswer(99.5, 100.5, 1.0, value=100.0, tolerance=0.5),
    )
    assert questions["q9"].numeric == (NumericAnswer(1990.0, 1999.0, 1.0),)
    assert questions["grant"].numeric == (
        NumericAnswer(1822.0, 1822.0, 1.0, "Exactly.", value=1822.0),
        NumericAnswer(1820.0, 1824.0, 0.5, "Close.", value=1822.0, tolerance=2.0),
        NumericAnswer(1900.0, 1900.0, 0.0, "Much later.", value=1900.0),
    )


def test_matching_reads_pairs_and_an_empty_left_side_as_a_distractor():
    q = by_id(load("types.gift"))["q11"]
    assert q.pairs == (
        MatchPair("Canada", "Ottawa"),
        MatchPair("Italy", "Rome"),
        MatchPair("Japan", "Tokyo"),
    )
    assert q.distractors == ("Sydney",)


def test_missing_word_with_choices_or_a_number_shows_a_blank():
    questions = by_id(load("types.gift"))
    assert questions["q12"].prompt == "Grant is _____ in Grant's tomb."
    assert questions["q12"].type is QuestionType.SINGLE
    assert questions["q13"].prompt == "Water boils at _____ degrees Celsius at sea level."


# --- syntax: comments, titles, escapes, formats, categories (syntax.gift) ---------------------


def test_syntax_fixture_questions_ids_and_notes():
    result = load("syntax.gift")
    assert [(q.id, q.type.value, q.line) for q in result.bank.questions] == [
        ("url-question", "true_false", 5),
        ("escapes-all-of-them", "single", 7),
        ("Keep.Case_1", "short", 14),
        ("title-becomes-the-id", "single", 18),
        ("title-becomes-the-id-2", "true_false", 23),
        ("multi-line", "single", 25),
        ("in-a-category", "true_false", 35),
        ("back-to-no-topic", "true_false", 39),
    ]
    assert notes_of(result) == [
        (1, "an [id:] or [tag:] comment with no question after it"),
        (18, "images are not imported, their alt text is kept (left out: map.png)"),
    ]
    assert_valid(result.bank)


def test_a_url_inside_text_is_text_and_only_line_starts_are_comments():
    questions = by_id(load("syntax.gift"))
    assert questions["url-question"].prompt == (
        "Is http://example.org/page a web address? See also https://moodle.org."
    )
    multi = questions["multi-line"]
    assert [c.text for c in multi.choices] == ["wrong", "right"]
    assert multi.prompt == "This question\nspans three lines\nand keeps its line breaks."


def test_every_escape_is_read():
    q = by_id(load("syntax.gift"))["escapes-all-of-them"]
    assert q.prompt == "Which of ~ = # { } : and \\ are escaped here?"
    assert q.choices == (
        Choice("All of ~ = # { } : and \\", 1.0, "Yes: every one."),
        Choice("None", 0.0, "Line one\nline two"),
    )


def test_formats_html_becomes_plain_text_markdown_is_kept_plain_is_literal():
    questions = by_id(load("syntax.gift"))
    markdown = questions["Keep.Case_1"]
    assert markdown.prompt == "This **markdown** stays as _written_."
    assert markdown.tags == ("syntax", "formats")
    html = questions["title-becomes-the-id"]
    # The image has no alt text: its file name stands for it, as Moodle's html_to_text writes it.
    assert html.prompt == "HTML is made plain: <tags> go, entities & breaks\nstay.\n[map.png]"
    assert html.choices[0] == Choice("<b>literal</b>", 1.0, "styled feedback")


def test_categories_set_the_topic_of_the_questions_after_them():
    questions = by_id(load("syntax.gift"))
    assert questions["url-question"].topic == ""
    assert questions["in-a-category"].topic == "Unit 1 / Loops"
    assert questions["back-to-no-topic"].topic == ""


@pytest.mark.parametrize(
    ("path", "topic"),
    [
        ("$course$/top/Default for LING-373-2194-B", "Default for LING-373-2194-B"),
        ("$course$/top/Default for Unit 1: Topic", "Default for Unit 1: Topic"),
        ("$cat1$/top/Chapter 1/Quiz", "Chapter 1 / Quiz"),
        ("Chapter 2/Quiz", "Chapter 2 / Quiz"),
        ("$course$/top/TCP//IP", "TCP/IP"),
        ("$course$/top", ""),
    ],
)
def test_category_paths_become_topics_and_back(path, topic):
    assert topic_of(path) == topic
    assert topic_of(category_of(topic)) == topic


# --- what is left out, with its line (skipped.gift) -------------------------------------------


def test_skipped_fixture_reports_every_item_left_out_with_its_line():
    result = load("skipped.gift")
    assert [q.id for q in result.bank.questions] == ["kept", "other"]
    assert notes_of(result) == [
        (3, "an essay question (`{}`) cannot be graded: left out"),
        (5, "a description (text with no answer block) is not a question: left out"),
        (7, "question left out: no choice is right: mark it with `=` (or weigh several: ~%50%)"),
        (9, "question left out: the positive weights add up to 75%, not 100%"),
        (11, "question left out: `{` with no closing `}`"),
        (
            13,
            "question left out: a second answer block "
            "(GIFT has one per question; write \\{ in text)",
        ),
        (15, "question left out: choices 1 and 2 are both 'same'"),
        (17, "question left out: a matching question needs at least 2 pairs"),
        (19, "question left out: 'twelve' is not a number"),
        (21, "question left out: the weight %150% is outside -100%..100%"),
        (25, "question left out: some answers pair with `->` and others do not"),
    ]
    assert_valid(result.bank)


def test_wildcards_and_the_catch_all_are_kept_as_moodle_reads_them():
    bank = load("skipped.gift").bank
    q = by_id(load("skipped.gift"))["kept"]
    assert q.answers == (
        TextAnswer("Frog", 1.0, "Good!"),
        TextAnswer("colo*r", 1.0, wildcard=True),
        TextAnswer("grey*", 0.5, wildcard=True),
    )
    assert q.otherwise == OtherAnswer("Anything else is wrong.", 0.0)
    assert grade(q, "colour").score == 1.0  # Moodle's `*`: any run of characters
    assert grade(q, "greyhound").score == 0.5
    assert grade(q, "a dog").feedback == ("Anything else is wrong.",)
    number = by_id(load("skipped.gift"))["other"]
    assert number.otherwise == OtherAnswer("Completely wrong", 0.0)
    assert grade(number, "9").feedback == ("Completely wrong",)
    assert_valid(bank)


def test_several_right_choices_become_a_multiple_answer_question_with_a_note():
    result = imported("Specify the seasons:{\n= spring\n= summer\n~ easter\n}")
    q = result.bank.questions[0]
    assert q.type is QuestionType.MULTIPLE
    assert [(c.text, c.weight) for c in q.choices] == [
        ("spring", 0.5),
        ("summer", 0.5),
        ("easter", -0.5),
    ]
    assert notes_of(result) == [
        (
            2,
            "2 choices are marked right with `=`: imported as a multiple-answer question where "
            "each right choice is worth 1/2 and each wrong one costs as much",
        )
    ]
    assert_valid(result.bank)


def test_a_file_with_nothing_quizapp_can_use_is_refused_with_the_reasons():
    with pytest.raises(FormatError) as caught:
        imported("Write about Grant.{}\n\nJust a description.\n")
    assert (
        caught.value.message
        == "no question quizapp can use: all 2 items were left out (listed above)"
    )
    assert caught.value.notes == (
        Note(1, "an essay question (`{}`) cannot be graded: left out"),
        Note(3, "a description (text with no answer block) is not a question: left out"),
    )
    with pytest.raises(FormatError, match="no GIFT question in this file"):
        imported("// only a comment\n")


# --- files: line endings, encodings -----------------------------------------------------------


def test_windows_line_endings_and_no_final_newline():
    raw = (FIXTURES / "windows.gift").read_bytes()
    assert b"\r\n" in raw and not raw.endswith(b"\n")  # the fixture is what it claims to be
    result = load("windows.gift")
    assert result.notes == ()
    one, two = result.bank.questions
    assert (one.id, one.line, [c.text for c in one.choices]) == ("one", 2, ["yes", "no"])
    assert (two.id, two.line, two.prompt) == ("two", 4, "Second question spans\ntwo lines.")
    assert two.choices == (Choice("True", 1.0, "right"), Choice("False", 0.0, "wrong"))


def test_a_file_that_is_not_utf8_is_refused_at_its_line():
    with pytest.raises(FormatError) as caught:
        load("latin1.gift")
    assert caught.value.line == 3
    assert caught.value.message.startswith("not UTF-8 text (byte 0xe9 at line 3)")


def test_a_byte_order_mark_is_ignored():
    result = gift.import_bank(b"\xef\xbb\xbf::t::Q?{T}\n", "bom.gift")
    assert result.bank.questions[0].id == "t"


# --- small rules ------------------------------------------------------------------------------


def test_question_ids_come_from_ids_then_titles_then_positions():
    result = imported(
        "// [id:given]\n::Title::A?{T}\n\n::Title::B?{T}\n\nC?{T}\n\n"
        "// [id:not valid!]\nD?{T}\n\n// [id:given]\nE?{T}\n"
    )
    assert [q.id for q in result.bank.questions] == [
        "given",
        "title",
        "q3",
        "not-valid",
        "given-2",
    ]
    assert notes_of(result) == [
        (8, "the id 'not valid!' is taken or not valid: using 'not-valid'"),
        (11, "the id 'given' is taken or not valid: using 'given-2'"),
    ]


def test_unbalanced_braces_are_reported_where_they_are():
    result = imported("Fine?{T}\n\nA } stray brace.{T}\n\nAn open {brace\nover lines.\n")
    assert notes_of(result) == [
        (3, "question left out: `}` before the answer block (write \\} for a brace in text)"),
        (5, "question left out: `{` with no closing `}`"),
    ]


def test_a_missing_word_whose_text_has_braces_stays_a_short_answer():
    q = only("Sets are written \\{\\{ like this \\}\\} and {=braces} too.")
    assert q.type is QuestionType.SHORT
    assert q.prompt == "Sets are written {{ like this }} and _____ too."


def test_html_text_keeps_layout_and_links_and_drops_comments_and_scripts():
    text, images = html_to_text(
        "<p>One\n  two</p><ul><li>a</li><li>b</li></ul><pre>  code\n    more</pre>"
        '<!-- note --><script>x()</script><a href="https://ex.org">site</a><img src="x/y.png">'
    )
    assert text == "One two\n- a\n- b\n  code\n    more\nsite (https://ex.org)[y.png]"
    assert images == ("y.png",)


def test_escape_and_read_back_are_inverse():
    text = "a \\ b ~ c = d # e { f } g : h\nnext line \\n"
    hidden, removed = hide_escapes(escape(text))
    assert show(hidden) == text
    assert not removed


def test_sniffing_and_detection():
    assert gift.sniff(b"::Q1::What?{=yes ~no}")
    assert gift.sniff(b"$CATEGORY: $course$/top/A\n")
    assert gift.sniff(b"Is it?{TRUE}\n")
    assert gift.sniff(b"Pi?{#3.14:0.01}\n")
    assert not gift.sniff(b"term,definition\nParis,capital of France\n")
    assert not gift.sniff(b"What?\nA. yes\nB. no\nANSWER: A\n")
    assert not gift.sniff(b"\x00\x01binary{=x}")
    assert format_named("gift") is gift
    assert detect_format("quiz.gift", b"") == "gift"


def test_moodle_gift_exports_named_txt_are_told_from_aiken_and_csv():
    moodle = (
        b"// question: 0  name: Switch category to $course$/top/Default\n"
        b"$CATEGORY: $course$/top/Default\n\n\n"
        b"// question: 12  name: Q1\n::Q1::[html]<p>Pick one.</p>{\n\t=a\n\t~b\n}\n\n"
    )
    assert detect_format("questions-course-20240101-1200.txt", moodle) == "gift"
    for name in ("types", "syntax", "skipped", "windows"):
        assert detect_format(f"{name}.txt", (FIXTURES / f"{name}.gift").read_bytes()) == "gift"
    assert detect_format("quiz.txt", b"What?\nA. yes\nB. no\nANSWER: A\n") == "aiken"
    assert detect_format("deck.txt", b"#separator:tab\nfront\tback\n") == "csv"


def test_noncharacters_are_removed_with_a_note_so_they_cannot_pose_as_escapes():
    result = imported("Q?{=a\ufdd3 ~b}\n\nR\ufdef?{T}\n")
    assert [q.choices[0].text for q in result.bank.questions] == ["a", "True"]
    assert result.bank.questions[1].prompt == "R?"
    assert notes_of(result) == [
        (1, "characters U+FDD0..U+FDEF (not text) are left out"),
        (3, "characters U+FDD0..U+FDEF (not text) are left out"),
    ]
