"""CSV/TSV: Quizlet-style term/definition files and Anki's text exports, import and export."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank import load_bank
from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import FormatError, Note, bank_to_yaml, csv, detect_format
from quizapp.core.formats.htmltext import html_to_text
from quizapp.core.model import QuestionType

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "csv"
README_BANK = Path(__file__).resolve().parent.parent / "banks" / "readme-example.yaml"


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def cards(data: bytes, path: str) -> list[tuple[str, str]]:
    return [(q.prompt, q.back) for q in csv.import_bank(data, path).bank.questions]


def test_quizlet_tsv_becomes_flashcards() -> None:
    result = csv.import_bank(read("quizlet.tsv"), "quizlet.tsv")
    assert result.notes == ()
    assert [(q.id, q.type, q.line) for q in result.bank.questions] == [
        ("q1", QuestionType.FLASHCARD, 1),
        ("q2", QuestionType.FLASHCARD, 2),
        ("q3", QuestionType.FLASHCARD, 3),
    ]
    # The comma inside a definition does not split it: the tab is the separator.
    assert result.bank.questions[0].back == "the powerhouse of the cell, where respiration happens"


def test_csv_with_a_header_row_quotes_and_a_field_over_two_lines() -> None:
    result = csv.import_bank(read("terms.csv"), "terms.csv")
    assert cards(read("terms.csv"), "terms.csv") == [
        ("photosynthesis", "light, water and CO2 become sugar"),
        ("osmosis", 'water moving across a membrane, said "through" it'),
        ("cell wall", "a rigid layer\noutside the membrane"),
        ("xylem", "carries water up the plant"),
    ]
    assert [q.line for q in result.bank.questions] == [2, 3, 4, 7]
    # The row with three fields (an unquoted comma) is reported, not half imported.
    assert result.notes == (Note(6, "row skipped: 3 fields where 2 were expected"),)


def test_anki_export_with_every_header() -> None:
    result = csv.import_bank(read("anki-export.txt"), "anki-export.txt")
    basic, cloze, pictured, quoted = result.bank.questions
    # guid column -> id, deck column -> topic, tags column -> tags, HTML -> plain text.
    assert (basic.id, basic.topic, basic.tags, basic.line) == (
        "abc123",
        "Biology / Cells",
        ("bio", "cells-organelles"),
        7,
    )
    assert (basic.prompt, basic.back) == ("What is ATP?", "the energy currency\nof the cell & more")
    assert cloze.type is QuestionType.CLOZE
    assert cloze.prompt == "The {{c1}} holds the {{c2}}"
    assert [(g.name, g.answers[0].text) for g in cloze.gaps] == [("c1", "nucleus"), ("c2", "DNA")]
    assert (cloze.hint, cloze.explanation) == ("c2: molecule", "See chapter 2")
    assert (pictured.prompt, pictured.back, pictured.tags) == (
        "Which organelle is shown? [cell.png]",
        "the Golgi apparatus",
        (),
    )
    # `#html:true`: a raw line break in HTML is white space, as Anki shows it (`<br>` breaks).
    assert (quoted.id, quoted.prompt) == ("qu-ote", 'A "quoted" front over two lines')
    assert quoted.line == 11
    assert result.notes == (
        Note(9, "media file 'cell.png' not imported"),
        Note(9, "media file 'golgi.mp3' not imported"),
        Note(10, "row skipped: its back is empty"),
    )


def test_anki_export_with_named_separator_columns_and_file_wide_deck_and_tags() -> None:
    result = csv.import_bank(read("anki-semicolon.txt"), "anki-semicolon.txt")
    assert [(q.prompt, q.back, q.topic, q.tags) for q in result.bank.questions] == [
        ("H2O", "water", "Chemistry", ("imported", "liquid")),
        ("NaCl", "table salt", "Chemistry", ("imported", "solid", "ionic")),
        ("CO2", "carbon dioxide", "Chemistry", ("imported",)),  # tags field left out: fine
    ]
    assert result.notes == ()


def test_too_many_fields_for_the_columns_header_is_reported() -> None:
    data = b"#separator:comma\n#columns:Front,Back\na,b\nc,d,e\n"
    result = csv.import_bank(data, "x.txt")
    assert cards(data, "x.txt") == [("a", "b")]
    assert result.notes == (Note(4, "row skipped: 3 fields where 2 were expected"),)


def test_every_imported_bank_validates() -> None:
    for name in ("quizlet.tsv", "terms.csv", "anki-export.txt", "anki-semicolon.txt"):
        bank = csv.import_bank(read(name), name).bank
        loaded = parse_bank(bank_to_yaml(bank), name + ".yaml")
        assert loaded.bank is not None, (name, loaded.problems)


@pytest.mark.parametrize(
    ("data", "first"),
    [
        (b"a;b\nc;d\n", ("a", "b")),
        (b"a|b\nc|d\n", ("a", "b")),
        (b"a,b\nc,d\n", ("a", "b")),
        (b'"x, y",b;c\nc,"d; e"\n', ("x, y", "b;c")),
        (b"a\tb, c; d\ne\tf\n", ("a", "b, c; d")),
    ],
)
def test_the_separator_is_found_from_the_rows(data: bytes, first: tuple[str, str]) -> None:
    imported = cards(data, "file.csv")
    assert len(imported) == 2 and imported[0] == first


def test_extra_fields_beyond_front_and_back_are_reported_once() -> None:
    data = b"#separator:tab\n#html:false\nf1\tb1\textra one\nf2\tb2\textra two\n"
    result = csv.import_bank(data, "x.txt")
    assert len(result.bank.questions) == 2
    assert result.notes == (Note(3, "fields after the second were not imported (front/back)"),)


def test_html_only_where_it_is_html() -> None:
    # Without an #html header, a field is converted only when it looks like HTML.
    data = b"a < b\tis x<y true\nbold\t<b>yes</b> &amp; no<br>next\n"
    assert cards(data, "x.tsv") == [("a < b", "is x<y true"), ("bold", "yes & no\nnext")]


def test_line_breaks_typed_in_a_cell_guessed_to_be_html_are_kept() -> None:
    data = b'front,back\n"Salt &amp; pepper\nand more",<b>two</b>\n'
    assert cards(data, "x.csv") == [("Salt & pepper\nand more", "two")]
    declared = b'#separator:comma\n#html:true\n"Salt &amp; pepper\nand more",<b>two</b>\n'
    assert cards(declared, "x.csv") == [("Salt & pepper and more", "two")]


def test_html_to_text() -> None:
    html = "<div>One&nbsp;two</div><div>three<br/>four</div><ul><li>a</li><li>b</li></ul>"
    text, media = html_to_text(html + '<img src="x.png"><script>alert(1)</script>')
    assert text == "One two\nthree\nfour\n- a\n- b\n[x.png]"
    assert media == ("x.png",)


def test_files_that_cannot_be_imported() -> None:
    with pytest.raises(FormatError, match="no row has two columns"):
        csv.import_bank(read("one-column.csv"), "one-column.csv")
    with pytest.raises(FormatError) as caught:
        csv.import_bank(b"front,back\nonly a front,\n", "x.csv")
    assert caught.value.notes == (Note(2, "row skipped: its back is empty"),)
    with pytest.raises(FormatError, match="not UTF-8 text .byte 0xe9 at line 2"):
        csv.import_bank(b"a,b\ncaf\xe9,c\n", "x.csv")


def test_sniffing_and_detection() -> None:
    assert csv.sniff(read("anki-export.txt")) and csv.sniff(read("quizlet.tsv"))
    assert not csv.sniff(b"::Q1:: What is 2+2? {=4 ~5}\n::Q2:: And 3+3? {=6 ~7}\n")
    assert detect_format("deck.txt", read("anki-export.txt")) == "csv"
    assert detect_format("deck.tsv", b"anything") == "csv"


def test_export_writes_front_back_rows_that_import_back() -> None:
    bank = load_bank(README_BANK).bank
    assert bank is not None
    result = csv.export_bank(bank)
    exported = csv.import_bank(result.data, "readme.csv").bank
    rows = [(q.prompt, q.back) for q in exported.questions]
    assert rows[0] == (
        "Which planet is closest to the Sun?\nA. Mercury\nB. Jupiter\nC. Earth\nD. None of these",
        "Mercury\n\nThe order is Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus, Neptune.",
    )
    assert rows[1][1] == "Jupiter; Saturn"
    assert rows[2] == ("Pluto is classified as a planet.", "False")
    assert rows[5] == ("The capital of France is [...] and it stands on the [...].",
                       "[1] Paris; [2] Seine")  # fmt: skip
    assert rows[6][0].endswith("- Earth\n- Mars\n- Mercury\n- Venus")  # sorted: not the answer
    assert rows[8] == (bank.questions[8].prompt, bank.questions[8].back)
    assert result.data.startswith(b"front,back\n")
    assert [note.line for note in result.notes] == [0]
    assert "topics, tags, hints, feedback and misconceptions" in result.notes[0].message


def test_the_bank_is_named_after_the_file() -> None:
    bank = csv.import_bank(read("quizlet.tsv"), "/some/where/Week_3 cell-biology.tsv").bank
    assert (bank.id, bank.title) == ("week_3-cell-biology", "Week 3 cell biology")
