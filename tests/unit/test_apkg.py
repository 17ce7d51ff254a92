"""Anki packages: both generations imported (notes, cloze gaps, decks, tags, media reported),
broken and hostile archives refused without writing anywhere, and export read back."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard

from quizapp.core.bank.loader import parse_bank
from quizapp.core.formats import (
    FormatError,
    apkg,
    bank_to_yaml,
    detect_format,
    format_named,
)
from quizapp.core.formats.apkg import read as apkg_read
from quizapp.core.formats.apkg.proto import media_names, notetype_is_cloze
from quizapp.core.model import Bank, Choice, Gap, Question, QuestionType, TextAnswer
from tests.formats.apkg.packages import (
    BASIC,
    CLOZE,
    REVERSED,
    UPDATE_ANKI,
    AnkiNote,
    Content,
    Deck,
    legacy_collection,
    legacy_package,
    modern_package,
)

CAPITAL = AnkiNote(101, BASIC, ["Capital of <b>France</b>?", "Paris&nbsp;"], "geo::capitals", 5)
SEINE = "{{c1::Paris}} stands on the {{c2::Seine::a river}}; {{c1::Paris}} again."
CONTENT = Content(
    notes=[
        CAPITAL,
        AnkiNote(102, CLOZE, [SEINE, "Since 508."], "geo", 6),
        AnkiNote(103, BASIC, ["Listen [sound:hello.mp3]", "Hello <img src='wave.png'>"], "", 6),
        AnkiNote(104, REVERSED, ["Berlin", "Germany's capital", "Atlas p. 4"], "", 7),
        AnkiNote(105, CLOZE, ["No deletion here", ""], "", 5),
        AnkiNote(106, BASIC, ["A front with no back", ""], "", 5),
    ],
    decks=[
        Deck(5, "Geography::Europe"),
        Deck(6, "Geography"),
        Deck(7, "Geography::Europe::Cities"),
    ],
    media={"hello.mp3": b"ID3", "wave.png": b"\x89PNG", "unused.jpg": b"\xff\xd8"},
)

PACKAGES: dict[str, Callable[[Content], bytes]] = {
    "anki2": legacy_package,
    "anki21b": modern_package,
}


def valid(bank: Bank) -> None:
    """The imported bank written as YAML loads back as an equal, valid bank."""
    result = parse_bank(bank_to_yaml(bank), f"{bank.id}.yaml")
    assert result.ok, result.problems


@pytest.mark.parametrize("generation", PACKAGES)
def test_notes_become_flashcards_and_cloze_questions(generation: str) -> None:
    result = apkg.import_bank(PACKAGES[generation](CONTENT), "Geo Deck.apkg")
    bank = result.bank
    assert (bank.id, bank.title) == ("geo-deck", "Geography")
    by_id = {q.id: q for q in bank.questions}
    assert list(by_id) == ["n101", "n102", "n103", "n104"]
    capital = by_id["n101"]
    assert (capital.type, capital.prompt, capital.back) == (
        QuestionType.FLASHCARD,
        "Capital of France?",
        "Paris",
    )
    cloze = by_id["n102"]
    assert cloze.type is QuestionType.CLOZE
    assert cloze.prompt == "{{c1}} stands on the {{c2}}; {{c1_2}} again."
    assert cloze.gaps == (
        Gap("c1", (TextAnswer("Paris"),)),
        Gap("c2", (TextAnswer("Seine"),)),
        Gap("c1_2", (TextAnswer("Paris"),)),
    )
    assert (cloze.hint, cloze.explanation) == ("c2: a river", "Since 508.")
    assert by_id["n103"].prompt == "Listen"
    assert by_id["n104"].back == "Germany's capital"
    valid(bank)


@pytest.mark.parametrize("generation", PACKAGES)
def test_decks_become_topics_and_tags_are_kept(generation: str) -> None:
    bank = apkg.import_bank(PACKAGES[generation](CONTENT), "g.apkg").bank
    topics = {q.id: q.topic for q in bank.questions}
    assert topics == {"n101": "Europe", "n102": "", "n103": "", "n104": "Europe / Cities"}
    tags = {q.id: q.tags for q in bank.questions}
    assert tags["n101"] == ("geo-capitals",)
    assert tags["n102"] == ("geo",)
    assert tags["n103"] == ()


@pytest.mark.parametrize("generation", PACKAGES)
def test_what_is_not_carried_over_is_reported(generation: str) -> None:
    notes = [n.message for n in apkg.import_bank(PACKAGES[generation](CONTENT), "g.apkg").notes]
    assert notes == [
        "note 103: media 'hello.mp3' not imported",
        "note 103: media 'wave.png' not imported",
        "note 105 skipped: a cloze note without a cloze deletion",
        "note 106 skipped: its back is empty",
        "note type 'Basic (and reversed card)': fields Source not imported (1 note)",
        "note type 'Basic (and reversed card)' makes 2 cards per note; each note became one "
        "question, front to back (1 note)",
        "3 media files in the package not imported (hello.mp3, wave.png, unused.jpg): quizapp "
        "shows text only",
    ]


def test_the_newest_collection_in_a_package_is_read() -> None:
    # A recent package carries a dummy collection.anki2 asking to update Anki: never imported.
    bank = apkg.import_bank(modern_package(CONTENT), "g.apkg").bank
    assert UPDATE_ANKI not in {q.prompt for q in bank.questions}
    # collection.anki21 is preferred to collection.anki2 too.
    other = Content([AnkiNote(7, BASIC, ["Old front", "Old back"])])
    older = {"collection.anki2": legacy_collection(other)}
    data = legacy_package(CONTENT, "collection.anki21", older)
    assert "n101" in {q.id for q in apkg.import_bank(data, "g.apkg").bank.questions}


def test_notes_in_several_top_decks_keep_their_whole_deck_path() -> None:
    content = Content(
        [AnkiNote(1, BASIC, ["a", "b"], deck=5), AnkiNote(2, BASIC, ["c", "d"], deck=1)],
        [Deck(5, "Spanish::Verbs")],
    )
    bank = apkg.import_bank(legacy_package(content), "my_words.apkg").bank
    assert bank.title == "my words"
    assert [q.topic for q in bank.questions] == ["Spanish / Verbs", "Default"]


def test_a_package_with_nothing_importable_is_refused_with_its_reasons() -> None:
    content = Content([AnkiNote(1, BASIC, ["front", ""]), AnkiNote(2, CLOZE, ["plain", ""])])
    with pytest.raises(FormatError) as caught:
        apkg.import_bank(legacy_package(content), "g.apkg")
    assert caught.value.message == "none of the 2 notes could be made into questions"
    assert [n.message for n in caught.value.notes] == [
        "note 1 skipped: its back is empty",
        "note 2 skipped: a cloze note without a cloze deletion",
    ]
    with pytest.raises(FormatError, match="holds no notes"):
        apkg.import_bank(legacy_package(Content([])), "g.apkg")


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "not a readable zip archive"),
        (b"", "not a readable zip archive"),
        (zip_of({"deck.csv": b"a,b"}), "holds no collection.anki2"),
        (zip_of({"collection.anki2": b"SQLite format 3\x00 but garbage" * 50}), "not a readable"),
        (zip_of({"collection.anki21b": b"not zstd at all"}), "collection.anki21b is damaged"),
        (zip_of({"collection.anki2": b""}), "neither note types nor a `col` table"),
    ],
    ids=["corrupt", "empty", "foreign", "not-sqlite", "not-zstd", "empty-db"],
)
def test_broken_packages_are_refused_with_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        apkg.import_bank(data, "g.apkg")


def test_a_collection_that_unpacks_too_large_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = legacy_package(CONTENT)
    monkeypatch.setattr(apkg_read, "MAX_COLLECTION_BYTES", 4096)
    with pytest.raises(FormatError, match="unpacks to more than"):
        apkg.import_bank(data, "g.apkg")
    bomb = zip_of({"collection.anki21b": zstandard.ZstdCompressor().compress(b"\0" * 10**6)})
    with pytest.raises(FormatError, match="unpacks to more than"):
        apkg.import_bank(bomb, "g.apkg")


def test_nothing_is_written_to_paths_named_in_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    hostile = {
        "../../evil.txt": b"escaped",
        "/tmp/quizapp-absolute-evil.txt": b"absolute",
        "../collection.anki2": b"traversal named like a collection",
    }
    data = legacy_package(CONTENT, extra=hostile)
    bank = apkg.import_bank(data, "g.apkg").bank
    assert len(bank.questions) == 4
    assert not (tmp_path / "evil.txt").exists()
    assert not Path("/tmp/quizapp-absolute-evil.txt").exists()
    assert not (tmp_path / "work" / "collection.anki2").exists()
    assert list(work.iterdir()) == []
    assert list(scratch.iterdir()) == []  # the unpacked collection is gone too


def test_sniffing_and_detection() -> None:
    data = modern_package(CONTENT)
    assert apkg.sniff(data)
    assert apkg.sniff(legacy_package(CONTENT))
    assert not apkg.sniff(zip_of({"deck.csv": b"a,b"}))
    assert not apkg.sniff(b"::title:: Q {=A ~B}")
    assert detect_format("deck.apkg", data) == "apkg"
    assert detect_format("backup.colpkg", data) == "apkg"
    assert detect_format("download.bin", data) == "apkg"
    assert format_named("apkg") is apkg


def test_protobuf_reading() -> None:
    assert notetype_is_cloze(b"\x08\x01")
    assert notetype_is_cloze(b"\x1a\x02ab\x08\x01\x10\x05")
    assert not notetype_is_cloze(b"")
    assert not notetype_is_cloze(b"\x08\x00")
    assert not notetype_is_cloze(b"\x1a\x7fshort")  # a length past the end: stop, no crash
    assert not notetype_is_cloze(b"\xff\xff\xff")
    entry = b"\x0a\x05a.png\x10\x03"
    assert media_names(b"\x0a" + bytes([len(entry)]) + entry) == ("a.png",)


def sample_bank() -> Bank:
    card = Question(
        "card",
        QuestionType.FLASHCARD,
        "What is <b>bold</b>?",
        back="Heavy & dark",
        tags=("html tag",),
    )
    capital = Question(
        "capital",
        QuestionType.SINGLE,
        "Capital of France?",
        topic="Europe / Cities",
        tags=("geo",),
        choices=(Choice("Lyon", feedback="No: Paris."), Choice("Paris", 1.0)),
    )
    gaps = (
        Gap("city", (TextAnswer("Paris"),)),
        Gap("river", (TextAnswer("Seine"), TextAnswer("la Seine"))),
    )
    fill = Question(
        "fill",
        QuestionType.CLOZE,
        "{{city}} is on the {{river}}.",
        topic="Europe",
        explanation="Since 508.",
        gaps=gaps,
    )
    return Bank("sample", "Sample bank", (card, capital, fill))


def test_export_reads_back_with_fronts_backs_decks_and_tags() -> None:
    result = apkg.export_bank(sample_bank())
    imported = apkg.import_bank(result.data, "sample.apkg").bank
    assert imported.title == "Sample bank"
    card, capital, fill = imported.questions
    assert (card.type, card.prompt, card.back, card.tags) == (
        QuestionType.FLASHCARD,
        "What is <b>bold</b>?",
        "Heavy & dark",
        ("html_tag",),
    )
    assert capital.prompt == "Capital of France?\nA. Lyon\nB. Paris"
    assert capital.back == "B. Paris"
    assert (capital.topic, capital.tags) == ("Europe / Cities", ("geo",))
    assert fill.type is QuestionType.CLOZE
    assert fill.prompt == "{{c1}} is on the {{c2}}."
    assert [g.answers[0].text for g in fill.gaps] == ["Paris", "Seine"]
    assert (fill.topic, fill.explanation) == ("Europe", "Since 508.")
    assert [n.message for n in result.notes] == [
        "graded questions exported as Basic notes: Anki cannot grade them, so the front lists "
        "the choices and the back shows the answer (1 question)",
        "choice feedback and misconceptions left out: an Anki note cannot hold them (1 question)",
        "a gap's other accepted answers left out: a cloze deletion holds one answer (1 question)",
    ]
    valid(imported)


def exported_ids(data: bytes, folder: Path) -> tuple[set[str], set[str], list[str], set[int]]:
    """Model ids, deck names, note guids and deck ids of an exported package."""
    path = folder / "c.db"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        path.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(path)
    try:
        models, decks = connection.execute("SELECT models, decks FROM col").fetchone()
        guids = [row[0] for row in connection.execute("SELECT guid FROM notes ORDER BY id")]
        deck_ids = {int(did) for (did,) in connection.execute("SELECT DISTINCT did FROM cards")}
    finally:
        connection.close()
    os.remove(path)
    names = {deck["name"] for deck in json.loads(decks).values()}
    return set(json.loads(models)), names, guids, deck_ids


def test_exports_keep_their_ids_so_anki_updates_instead_of_duplicating(tmp_path: Path) -> None:
    first = exported_ids(apkg.export_bank(sample_bank()).data, tmp_path)
    second = exported_ids(apkg.export_bank(sample_bank()).data, tmp_path)
    assert first == second
    models, decks, guids, _ = first
    assert len(models) == 2 and len(set(guids)) == 3
    assert {"Sample bank", "Sample bank::Europe::Cities", "Sample bank::Europe"} <= decks
    other = Bank("other", "Sample bank", sample_bank().questions)
    assert exported_ids(apkg.export_bank(other).data, tmp_path)[0].isdisjoint(models)
