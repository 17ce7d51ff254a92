"""The Aiken format: import as Moodle reads it (with its error recovery), and export."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank import load_bank
from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import FormatError, Note, aiken, bank_to_yaml, detect_format
from quizapp.core.model import Bank, Choice, Question, QuestionType

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "aiken"
README_BANK = Path(__file__).resolve().parent.parent / "banks" / "readme-example.yaml"


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def right_answer(question: Question) -> str:
    return question.choices[question.correct_choices[0]].text


def test_good_file_imports_every_question() -> None:
    result = aiken.import_bank(read("good.txt"), "good.txt")
    bank = result.bank
    assert result.notes == ()
    assert (bank.id, bank.title) == ("good", "Good")
    assert [q.id for q in bank.questions] == ["q1", "q2", "q3", "q4"]
    assert [q.line for q in bank.questions] == [1, 8, 13, 19]
    assert all(q.type is QuestionType.SINGLE for q in bank.questions)
    assert [right_answer(q) for q in bank.questions] == ["Canberra", "Mars", "7", "Yes"]
    assert [len(q.choices) for q in bank.questions] == [4, 3, 3, 2]
    # `B)` options read like `B.` ones; no blank line is needed between questions.
    assert [c.text for c in bank.questions[1].choices] == ["Venus", "Mars", "Jupiter"]
    assert bank.questions[2].prompt == "Which of these is a prime number?"
    # Question text over several lines keeps its lines.
    assert bank.questions[3].prompt == (
        'Read the statement below.\n"Water boils at 100 degrees Celsius at sea level."\nIs it true?'
    )


def test_the_imported_bank_validates() -> None:
    bank = aiken.import_bank(read("good.txt"), "good.txt").bank
    assert parse_bank(bank_to_yaml(bank), "good.yaml").bank is not None


def test_windows_line_endings_and_no_final_newline_read_the_same() -> None:
    unix = aiken.import_bank(read("good.txt"), "good.txt")
    windows = read("good.txt").replace(b"\n", b"\r\n").rstrip(b"\r\n")
    assert aiken.import_bank(windows, "good.txt") == unix
    with_bom = b"\xef\xbb\xbf" + read("good.txt")
    assert aiken.import_bank(with_bom, "good.txt") == unix


def test_bad_questions_are_reported_with_their_line_and_skipped() -> None:
    result = aiken.import_bank(read("errors.txt"), "errors.txt")
    assert [q.prompt for q in result.bank.questions] == [
        "What colour is the sky on a clear day?",
        "Which metal is liquid at room temperature?",
    ]
    assert [q.line for q in result.bank.questions] == [10, 41]
    assert [note.line for note in result.notes] == [1, 6, 15, 20, 25, 30, 35, 39]
    messages = [note.message for note in result.notes]
    assert "ANSWER: E (line 4) is not one of its options A-B" in messages[0]
    assert "needs at least 2 options, not 1" in messages[1]
    assert "no ANSWER line after its options (line 20 starts a new question)" in messages[2]
    assert "line 23 'ANSWER: A because he did' should be `ANSWER:`" in messages[3]
    assert "option C at line 27 where B was expected" in messages[4]
    assert "options A and B both read 'Whale'" in messages[5]
    # "Answer the following:" is question text; "Answer: a" is a mistyped ANSWER line.
    assert messages[6].startswith("question 'Answer the following: what is frozen wa…' skipped")
    assert "line 38 'Answer: a' should be `ANSWER:`" in messages[6]
    assert messages[7] == "ANSWER line with no question before it (skipped)"


def test_options_and_answers_outside_a_question_are_reported() -> None:
    data = b"A. stray option\nANSWER: A\n\nFine question?\nA. yes\nB. no\nANSWER: A\n"
    result = aiken.import_bank(data, "stray.txt")
    assert len(result.bank.questions) == 1 and result.bank.questions[0].line == 4
    assert result.notes == (
        Note(1, "option line with no question text before it (skipped)"),
        Note(2, "ANSWER line with no question before it (skipped)"),
    )


def test_a_question_cut_off_by_the_end_of_the_file_is_reported() -> None:
    data = b"Good?\nA. yes\nB. no\nANSWER: B\nCut off?\nA. yes\nB. no\n"
    result = aiken.import_bank(data, "cut.txt")
    assert len(result.bank.questions) == 1
    assert result.notes == (
        Note(5, "question 'Cut off?' skipped: no ANSWER line before the end of the file"),
    )


def test_a_file_with_no_good_question_is_refused_with_every_problem() -> None:
    data = b"Only text\n\nAnother?\nA. one\nANSWER: A\n"
    with pytest.raises(FormatError) as caught:
        aiken.import_bank(data, "bad.txt")
    assert "no Aiken question could be read (2 problems, the first at line 1)" in str(caught.value)
    assert [note.line for note in caught.value.notes] == [1, 3]


def test_a_file_that_is_not_utf8_is_refused_with_the_line() -> None:
    with pytest.raises(FormatError) as caught:
        aiken.import_bank(read("latin1.txt"), "latin1.txt")
    assert caught.value.line == 5
    assert "not UTF-8 text (byte 0xe9 at line 5)" in caught.value.message


def test_sniffing_tells_aiken_text_from_other_text() -> None:
    assert aiken.sniff(read("good.txt"))
    assert not aiken.sniff(b"::Q1:: What is 2+2? {=4 ~5}\n")
    assert not aiken.sniff(b"front\tback\nA. not\tan option list\n")
    assert detect_format("quiz.txt", read("good.txt")) == "aiken"
    assert detect_format("quiz.aiken", b"anything") == "aiken"


def test_export_writes_single_answer_questions_and_reports_the_rest() -> None:
    bank = load_bank(README_BANK).bank
    assert bank is not None
    result = aiken.export_bank(bank)
    assert result.data.decode("utf-8") == (
        "Which planet is closest to the Sun?\n"
        "A. Mercury\nB. Jupiter\nC. Earth\nD. None of these\nANSWER: A\n"
        "\n"
        "Pluto is classified as a planet.\nA. True\nB. False\nANSWER: B\n"
    )
    skipped = [(note.line, note.message.split(":")[0]) for note in result.notes[:-1]]
    assert skipped == [
        (40, "question 'gas-giants' skipped"),
        (55, "question 'red-planet' skipped"),
        (62, "question 'planet-count' skipped"),
        (68, "question 'capital-gap' skipped"),
        (76, "question 'inner-planets' skipped"),
        (81, "question 'planet-moons' skipped"),
        (89, "question 'au' skipped"),
    ]
    assert "multiple choice" in result.notes[0].message
    # Feedback and explanations cannot be written: said once, for the whole bank.
    assert result.notes[-1].line == 0
    assert result.notes[-1].message.startswith("Aiken holds no feedback, explanations")


def test_export_then_import_gives_the_same_questions() -> None:
    bank = aiken.import_bank(read("good.txt"), "good.txt").bank
    exported = aiken.export_bank(bank)
    assert exported.notes == ()
    again = aiken.import_bank(exported.data, "good.txt").bank
    assert [(q.prompt, q.choices) for q in again.questions] == [
        (q.prompt, q.choices) for q in bank.questions
    ]


def question(qid: str, prompt: str, *choices: Choice, kind: QuestionType = QuestionType.SINGLE):
    return Question(qid, kind, prompt, choices=choices)


def test_export_reports_what_aiken_cannot_say() -> None:
    bank = Bank(
        "b",
        "B",
        (
            question("fine", "Fine?", Choice("yes", 1.0), Choice("no")),
            question("partial", "Partial?", Choice("yes", 1.0), Choice("almost", 0.5)),
            question("looks", "Pick one:\nA. this line looks like an option", Choice("x", 1.0)),
            question("multi", "Multi-line\n option?", Choice("a\nb", 1.0), Choice("c")),
        ),
    )
    result = aiken.export_bank(bank)
    text = result.data.decode("utf-8")
    assert "Partial?\nA. yes\nB. almost\nANSWER: A\n" in text
    assert "Multi-line\noption?\nA. a b\nB. c\nANSWER: A\n" in text
    assert "this line looks" not in text
    messages = [note.message for note in result.notes]
    assert messages == [
        "question 'partial': partial credit and penalties left out (Aiken has one right answer)",
        "question 'looks' skipped: its prompt line 'A. this line looks like an option' would "
        "read as an option or an ANSWER line",
        "question 'multi': line breaks in options made spaces",
    ]


def test_a_bank_with_nothing_aiken_can_hold_is_refused() -> None:
    card = Question("c", QuestionType.FLASHCARD, "Front", back="Back", line=3)
    with pytest.raises(FormatError) as caught:
        aiken.export_bank(Bank("b", "B", (card,)))
    assert caught.value.notes[0].line == 3
    assert "not flashcard" in caught.value.notes[0].message


def test_a_heading_above_the_questions_is_reported_not_glued_to_the_first() -> None:
    data = b"Chapter 3 quiz\n\nAnswering machines record what?\nA. Calls\nB. Faxes\nANSWER: A\n"
    result = aiken.import_bank(data, "heading.txt")
    assert [q.prompt for q in result.bank.questions] == ["Answering machines record what?"]
    assert result.notes == (
        Note(
            1,
            "question 'Chapter 3 quiz' skipped: text with no options and no ANSWER line "
            "(line 3 starts a new one)",
        ),
    )
