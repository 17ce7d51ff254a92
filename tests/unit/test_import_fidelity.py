"""Imports keep what Moodle keeps: Aiken options with no space after the letter, sides that are
only a picture (by its alt text), a bank identity that never passes for a bundled bank, and no
control characters (each dropped one reported with its line)."""

from __future__ import annotations

import pytest

from quizapp.core.formats import Note, aiken, apkg, csv, gift
from quizapp.core.formats.identity import bundled_ids
from quizapp.core.model import QuestionType
from tests.formats.apkg.packages import BASIC, AnkiNote, Content, Deck, modern_package

HERA = '<img alt="Hera - Francis Picabia" src="paste-1234.jpg">'


def test_aiken_options_with_no_space_after_the_letter_are_options() -> None:
    text = "Capital of Australia?\nA)Sydney\nB.Canberra\nC) Perth\nANSWER: B\n"
    result = aiken.import_bank(text.encode(), "capitals.txt")
    (q,) = result.bank.questions
    assert [c.text for c in q.choices] == ["Sydney", "Canberra", "Perth"]
    assert q.choices[1].correct
    assert result.notes == ()


def test_an_aiken_option_with_no_text_is_reported() -> None:
    text = "First?\nA.\nB. b\nANSWER: B\n\nSecond?\nA. x\nB. y\nANSWER: A\n"
    result = aiken.import_bank(text.encode(), "q.txt")
    assert len(result.bank.questions) == 1
    assert result.notes == (Note(1, "question 'First?' skipped: option A at line 2 has no text"),)


def test_a_csv_side_that_is_only_an_image_keeps_its_alt_text() -> None:
    data = f'front\tback\n{HERA}\tHera\n<img src="media/x/venus.png">\tVenus\n'.encode()
    result = csv.import_bank(data, "art.tsv")
    fronts = [q.prompt for q in result.bank.questions]
    assert fronts == ["[Hera - Francis Picabia]", "[venus.png]"]
    assert Note(2, "media file 'paste-1234.jpg' not imported") in result.notes


def test_an_apkg_side_that_is_only_an_image_keeps_its_alt_text() -> None:
    content = Content(notes=[AnkiNote(7, BASIC, [HERA, "Hera"], "", 9)], decks=[Deck(9, "Art")])
    result = apkg.import_bank(modern_package(content), "art.apkg")
    (q,) = result.bank.questions
    assert (q.type, q.prompt, q.back) == (
        QuestionType.FLASHCARD,
        "[Hera - Francis Picabia]",
        "Hera",
    )
    assert result.bank.title == "Art"  # the deck names the bank


def test_a_gift_html_answer_that_is_only_an_image_keeps_its_alt_text() -> None:
    text = '::art::[html]Who painted this?{=[html]<img alt\\="Picabia" src\\="a.png"> ~Monet}\n'
    result = gift.import_bank(text.encode(), "art.gift")
    (q,) = result.bank.questions
    assert [c.text for c in q.choices] == ["[Picabia]", "Monet"]
    assert any("their alt text is kept" in note.message for note in result.notes)


def test_an_import_named_like_a_bundled_bank_gets_an_id_of_its_own() -> None:
    assert "probation-confidentiality" in bundled_ids()
    text = "$CATEGORY: $course$/top/Probation ethics\n\n::q::Is it confidential?{T}\n"
    result = gift.import_bank(text.encode(), "probation-confidentiality.gift")
    assert result.bank.id == "probation-confidentiality-imported"
    assert result.bank.title == "Probation ethics"  # from its category, not the file name
    assert result.notes[0] == Note(
        0,
        "the id 'probation-confidentiality' is taken by a bank that ships with quizapp: "
        "using 'probation-confidentiality-imported'",
    )


def test_a_csv_deck_header_names_the_bank() -> None:
    data = b"#separator:tab\n#deck:Biology::Cells\nATP\tenergy\n"
    assert csv.import_bank(data, "export.txt").bank.title == "Biology / Cells"


@pytest.mark.parametrize(
    ("module", "data", "name", "line"),
    [
        (gift, b"::q::Is \x1b[31mred\x1b[0m a colour?{T}\n", "c.gift", 1),
        (aiken, "Pick\u202eone\nA. a\nB. b\nANSWER: A\n".encode(), "c.txt", 1),
        (csv, "front,back\nbell\x07,ring\x85\n".encode(), "c.csv", 2),
    ],
)
def test_control_characters_are_dropped_with_a_note(
    module: object, data: bytes, name: str, line: int
) -> None:
    result = module.import_bank(data, name)  # type: ignore[attr-defined]
    q = result.bank.questions[0]
    texts = [q.prompt, q.back, *(c.text for c in q.choices)]
    assert not any(ch in text for text in texts for ch in "\x1b\x07\x85\u202e")
    dropped = [note for note in result.notes if note.message.startswith("dropped control")]
    assert dropped and all(note.line == line for note in dropped)


def test_the_note_names_each_control_character() -> None:
    result = gift.import_bank(b"::q::A \x1b bell \x07 here?{T}\n\n::r::Fine?{F}\n", "c.gift")
    assert Note(1, "dropped control characters U+001B, U+0007") in result.notes
    assert result.bank.questions[0].prompt == "A  bell  here?"


def test_control_characters_in_an_anki_note_are_dropped_with_its_id() -> None:
    content = Content(notes=[AnkiNote(42, BASIC, ["Front\x1b", "Back"], "", 1)])
    result = apkg.import_bank(modern_package(content), "deck.apkg")
    assert result.bank.questions[0].prompt == "Front"
    assert Note(0, "note 42: dropped control character U+001B") in result.notes
