"""Moodle XML import on Moodle's own fixtures (tests/formats/moodlexml/, see SOURCE.md): the
questions Moodle's import takes, in the categories it puts them in, and every question it refuses
reported with its line; bad files refused with the line and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import FormatError, Note, bank_to_yaml, detect_format, moodlexml
from quizapp.core.formats.common import ImportResult
from quizapp.core.formats.moodlexml.text import as_plain, markdown_to_text, safe_name
from quizapp.core.model import OtherAnswer, QuestionType
from quizapp.core.scoring import grade

FIXTURES = Path(__file__).parents[1] / "formats" / "moodlexml"


def load(name: str) -> ImportResult:
    path = FIXTURES / name
    return moodlexml.import_bank(path.read_bytes(), str(path))


def valid(result: ImportResult) -> None:
    loaded = parse_bank(bank_to_yaml(result.bank), "again.yaml")
    assert loaded.ok, loaded.problems


#: (fixture, questions Moodle imports, questions quizapp imports, notes of what is left out).
#: Moodle's counts: the behat features and PHPUnit tests named in SOURCE.md.
COUNTS = [
    ("truefalse.xml", 2, 2, 0),
    ("multichoice.xml", 1, 1, 0),
    ("multianswer.xml", 1, 1, 0),
    ("sample_questions_with_old_image_tag.xml", 2, 2, 0),
    ("error_invalid_fraction_sum.xml", 1, 1, 3),  # Moodle refuses the other three too
    ("nested_categories_with_questions.xml", 5, 4, 1),  # the essay is not gradable here
    ("categories_reverse_order.xml", 2, 1, 1),  # an essay again
    ("old_format_file.xml", 2, 2, 0),
    ("category_with_description.xml", 1, 1, 0),
    ("ordering.xml", 1, 1, 0),
    ("gapselect.xml", 1, 1, 0),
    ("ddwtos.xml", 1, 1, 0),
]


@pytest.mark.parametrize(("name", "moodle", "ours", "left_out"), COUNTS)
def test_each_fixture_imports_what_moodle_imports(
    name: str, moodle: int, ours: int, left_out: int
) -> None:
    result = load(name)
    assert len(result.bank.questions) == ours
    dropped = [n for n in result.notes if " left out: " in n.message]
    assert len(dropped) == left_out
    essays = [n for n in dropped if "an essay question" in n.message]
    assert ours + len(essays) == moodle  # every other question Moodle takes, quizapp takes too
    valid(result)


def test_true_false_texts_feedback_images_and_category() -> None:
    result = load("truefalse.xml")
    bank = result.bank
    assert (bank.id, bank.title) == ("truefalse", "Default for testhead")
    false, true = bank.questions
    assert false.id == "moodle-acronym-false" and false.topic == "TrueFalse"
    assert false.prompt == (
        "Moodle [Moodle logo] is an acronym for Modular Object-Oriented Dynamic Learning Education."
    )
    assert [c.weight for c in false.choices] == [0.0, 1.0]
    assert [c.weight for c in true.choices] == [1.0, 0.0]
    assert false.choices[0].feedback == "[Thumb down] Your answer is incorrect."
    assert false.explanation.startswith("[Informations]For further information, see the ")
    assert "(http://docs.moodle.org/en/About_Moodle)" in false.explanation
    assert {m.name for m in result.media} == {
        "logo.jpg",
        "infos.jpg",
        "thumbdown.jpg",
        "thumbup.jpg",
    }
    assert false.line == 12 and result.notes == ()


def test_multichoice_answers_keep_their_flags_alt_text() -> None:
    result = load("multichoice.xml")
    (q,) = result.bank.questions
    assert q.type is QuestionType.SINGLE
    assert q.prompt == "Listen to this greeting:\n\nWhat language is being spoken?"
    assert [c.text for c in q.choices] == [
        "[British Flag] English",
        "[French flag] French",
        "[German flag] German",
        "[Denmark flag] Danish",
    ]
    assert q.choices[1].correct and q.choices[1].feedback == "Yes, well done!"
    assert "bonjour.mp3" in {m.name for m in result.media}


def test_a_cloze_with_menus_and_a_typed_gap() -> None:
    result = load("multianswer.xml")
    (q,) = result.bank.questions
    assert q.type is QuestionType.CLOZE
    assert [g.name for g in q.gaps] == ["g1", "g2", "g3", "g4", "g5"]
    assert "* Tucson: {{g2}} (California / Arizona)" in q.prompt
    assert q.prompt.endswith("The capital of France is {{g5}}.")
    capital = q.gaps[4]
    assert [(a.text, a.weight) for a in capital.answers] == [("Paris", 1.0), ("Marseille", 0.5)]
    assert capital.otherwise == OtherAnswer(
        "Wrong answer. The capital of France is Paris, of course.", 0.0
    )
    marks = grade(q, ("California", "Arizona", "California", "Arizona", "Lyon"))
    assert marks.score == pytest.approx(0.8)
    assert "Wrong answer. The capital of France is Paris, of course." in marks.feedback
    assert [n.message for n in result.notes] == [
        "gaps g1, g2, g3, g4 are drop-down menus in Moodle: typed here, "
        "the choices listed after each"
    ]


def test_the_old_image_field_is_kept_by_name() -> None:
    result = load("sample_questions_with_old_image_tag.xml")
    cloze, mcq = result.bank.questions
    assert mcq.prompt.endswith("Moodle 1.9 [moodle.png]")
    assert [c.text for c in mcq.choices] == ["wrong answer", "another wrong answer", "right answer"]
    assert mcq.choices[2].correct
    assert cloze.prompt.startswith(
        'This is a multianswer question with an image in the old "image"'
    )
    assert [m.name for m in result.media] == ["moodle.png", "moodle.png"]


def test_broken_clozes_are_each_reported_with_their_line() -> None:
    with pytest.raises(FormatError) as caught:
        load("broken_cloze_questions.xml")
    notes = caught.value.notes
    assert [n.line for n in notes] == [4, 20, 36, 52, 68]
    messages = [n.message for n in notes]
    assert "has no embedded answer" in messages[0]  # Moodle: "...at least one embedded answer"
    assert "has no embedded answer" in messages[1]  # `{1:MULTICHOICE}` is not one
    assert messages[2].endswith("sub-question 1 needs at least 2 choices")
    assert messages[3].endswith("sub-question 1: no answer earns 100%")
    assert messages[4].endswith("sub-question 1: the answer 'zero' is not a number")


def test_grades_moodle_does_not_offer_refuse_the_question() -> None:
    with pytest.raises(FormatError) as caught:
        load("error_invalid_grades.xml")
    (note,) = caught.value.notes
    assert note.line == 4
    assert note.message.startswith(
        "question 'Question with invalid grades : x > 1 & x < 2' left out: its grades (33%)"
    )


def test_fraction_sums_as_moodle_checks_them() -> None:
    result = load("error_invalid_fraction_sum.xml")
    (q,) = result.bank.questions
    assert [c.weight for c in q.choices] == [0.5, 0.5, -0.5]
    dropped = [
        (n.line, n.message.split(" left out: ")[1])
        for n in result.notes
        if " left out: " in n.message
    ]
    assert dropped == [
        (4, "the positive grades add up to 200%, not 100%"),
        (53, "the positive grades add up to 60%, not 100%"),
        (151, "no answer earns 100% (the best earns 50%)"),
    ]


def test_nested_categories_become_topics_below_the_top_one() -> None:
    result = load("nested_categories_with_questions.xml")
    bank = result.bank
    assert (bank.title, bank.description) == ("Iota", "This is Iota category for test")
    assert [(q.id, q.topic) for q in bank.questions] == [
        ("iota-question", ""),
        ("kappa-question", "Kappa"),
        ("lambda-question", "Kappa / Lambda"),
        ("mu-question", "Mu"),
    ]
    assert Note(55, "question 'Kappa Essay Question' left out: an essay question is graded by a "
                "person, not by quizapp") in result.notes  # fmt: skip


def test_the_top_category_gives_the_bank_its_id_and_description() -> None:
    bank = load("category_with_description.xml").bank
    assert (bank.id, bank.title, bank.description) == (
        "alpha-idnumber",
        "Alpha",
        "This is Alpha category for test",
    )


def test_ordering_and_select_missing_words() -> None:
    order = load("ordering.xml").bank.questions[0]
    assert (order.id, order.type) == ("dd1", QuestionType.ORDER)
    assert order.items == ("Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment")
    words = load("gapselect.xml").bank.questions[0]
    assert (
        words.prompt == "The {{g1}} {{g2}} on the {{g3}}.\n\nChoices: cat / sat / mat / dog / table"
    )
    assert grade(words, ("cat", "sat", "mat")).score == 1.0
    assert grade(words, ("dog", "sat", "table")).score == pytest.approx(1 / 3)
    assert words.hint == "First hint\nSecond hint"


QUIZ = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
{body}
</quiz>
"""


def xml(body: str) -> bytes:
    return QUIZ.format(body=body).encode("utf-8")


def question(kind: str, inner: str, name: str = "Q", text: str = "Pick one.") -> str:
    return (
        f'<question type="{kind}"><name><text>{name}</text></name>'
        f'<questiontext format="html"><text>{text}</text></questiontext>\n{inner}</question>'
    )


GOOD = question(
    "multichoice",
    '<answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text></answer>',
)


def test_a_question_with_no_answers_is_left_out_and_the_rest_imports() -> None:
    body = question("multichoice", "", "Empty") + "\n" + GOOD
    result = moodlexml.import_bank(xml(body), "q.xml")
    assert [q.prompt for q in result.bank.questions] == ["Pick one."]
    assert result.notes == (
        Note(3, "question 'Empty' left out: a multiple-choice question needs at least 2 answers"),
    )


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"<quiz>\n<question>\n</quiz>", 3,
         "not well-formed XML at line 3, column 3: mismatched tag"),
        (b"<?xml version='1.0'?>\n<!DOCTYPE quiz [<!ENTITY a 'aaaa'>]>\n<quiz>&a;</quiz>", 2,
         "the file declares a document type"),
        (b'<!DOCTYPE quiz SYSTEM "file:///etc/passwd">\n<quiz/>', 1, "document type"),
        (b"<quiz>&secret;</quiz>", 1, "not well-formed XML at line 1, column 7: undefined entity"),
        (b"<questions/>", 1, "not Moodle XML: the root element is <questions>, not <quiz>"),
        (b"<quiz>caf\xe9</quiz>", 1, "not UTF-8 text"),
        (b"", 1, "no element found"),
    ],
)  # fmt: skip
def test_bad_files_are_refused_with_their_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        moodlexml.import_bank(data, "bad.xml")
    assert caught.value.line == line
    assert message in caught.value.message


def test_a_billion_laughs_is_refused_before_it_expands() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = f'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY l0 "lol">{laughs}]><quiz>&l9;</quiz>'
    with pytest.raises(FormatError, match="document type"):
        moodlexml.import_bank(data.encode(), "lol.xml")


def test_text_formats_entities_and_cdata() -> None:
    body = "\n".join(
        [
            question("truefalse", TF, "html", "<![CDATA[<p>Is 1 &lt; 2 <b>true</b>?</p>]]>"),
            question("truefalse", TF, "entities", "Fish &amp; chips &#233;t&#xE9;"),
        ]
    ).replace('format="html"><text>Fish', 'format="plain_text"><text>Fish')
    prompts = [q.prompt for q in moodlexml.import_bank(xml(body), "t.xml").bank.questions]
    assert prompts == ["Is 1 < 2 true?", "Fish & chips été"]
    assert as_plain("Line one\nline <b>two</b>", "moodle_auto_format") == "Line one\nline two"
    assert as_plain("  keep  <b>this</b>  ", "plain_text") == "keep  <b>this</b>"
    assert markdown_to_text(
        "# Title\n\n**Bold** and *it* and `code`, [a link](http://x.org)\n* item"
    ) == ("Title\n\nBold and it and code, a link (http://x.org)\n- item")


TF = (
    '<answer fraction="100"><text>true</text></answer>'
    '<answer fraction="0"><text>false</text></answer>'
)


def test_file_names_cannot_leave_the_media_folder() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\x.png") == "x.png"
    assert safe_name(".bashrc") == "bashrc"
    assert safe_name("") == "file"


def test_a_handwritten_misconception_paragraph_becomes_a_misconception() -> None:
    answers = (
        '<answer fraction="100"><text>Mercury</text></answer>'
        '<answer fraction="0"><text>Jupiter</text><feedback format="html"><text><![CDATA['
        "<p>No.</p><p>Misconception: Bigger looks closer. — Size says nothing of distance.</p>"
        "]]></text></feedback></answer>"
    )
    bank = moodlexml.import_bank(xml(question("multichoice", answers)), "m.xml").bank
    jupiter = bank.questions[0].choices[1]
    assert (jupiter.feedback, jupiter.misconception) == ("No.", "bigger-looks-closer")
    assert (
        bank.misconceptions["bigger-looks-closer"].explanation == "Size says nothing of distance."
    )


def test_detection_by_extension_and_content() -> None:
    data = (FIXTURES / "truefalse.xml").read_bytes()
    assert detect_format("export.xml", data) == "moodlexml"
    assert detect_format("export.txt", data) == "moodlexml"
    assert moodlexml.sniff(b"<?xml version='1.0'?>\n<!-- x -->\n<quiz>") is True
    assert moodlexml.sniff(b"<html><quiz>") is False


def test_control_characters_are_dropped_with_their_line() -> None:
    body = GOOD.replace("Pick one.", "Pick\u202e one\x85.") + "\n"
    result = moodlexml.import_bank(xml(body), "c.xml")
    assert result.bank.questions[0].prompt == "Pick one."
    assert Note(3, "dropped control characters U+202E, U+0085") in result.notes
