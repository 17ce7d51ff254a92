"""`quizapp import`, `quizapp export` and `quizapp lint`, end to end through `main`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.core.bank import load_bank
from quizapp.core.model import QuestionType

TESTS = Path(__file__).resolve().parent.parent
AIKEN = TESTS / "formats" / "aiken"
CSV = TESTS / "formats" / "csv"
GIFT = TESTS / "formats" / "gift"
README_BANK = TESTS / "banks" / "readme-example.yaml"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder: the default output files land there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_import_aiken_writes_a_valid_bank_and_lists_what_was_skipped(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(AIKEN / "errors.txt")
    status, out, err = run(["import", source], capsys)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"{source}:1: question 'Which gas do plants take in?' skipped")
    assert lines[7] == f"{source}:39: ANSWER line with no question before it (skipped)"
    assert lines[8] == (
        f"imported 2 questions from {source} (Aiken) into errors.yaml; "
        "8 items not carried over (listed above)"
    )
    assert lines[9] == "errors.yaml is a valid bank: open it with `quizapp errors.yaml`"
    written = load_bank(here / "errors.yaml")
    assert written.bank is not None and len(written.bank.questions) == 2
    assert (here / "errors.yaml").read_text().startswith("# yaml-language-server: $schema=")


def test_import_csv_to_a_named_output(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["import", str(CSV / "anki-export.txt"), "-o", "deck/bio.yaml"], capsys)
    assert status == 1  # the folder does not exist: nothing written, said so
    (here / "deck").mkdir()
    status, out, err = run(["import", str(CSV / "anki-export.txt"), "-o", "deck/bio.yaml"], capsys)
    assert (status, err) == (0, "")
    assert "(CSV/TSV) into deck/bio.yaml; 3 items not carried over" in out
    bank = load_bank(here / "deck" / "bio.yaml").bank
    assert bank is not None
    assert [q.type for q in bank.questions].count(QuestionType.CLOZE) == 1
    assert bank.id == "anki-export"


def test_import_gift(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["import", str(GIFT / "types.gift")], capsys)
    assert (status, err) == (0, "")
    assert "(Moodle GIFT) into types.yaml" in out
    assert load_bank(here / "types.yaml").bank is not None


def test_detection_by_content_and_from_overriding_it(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "cards.dat").write_bytes((CSV / "quizlet.tsv").read_bytes())
    status, out, _ = run(["import", "cards.dat"], capsys)
    assert status == 0 and "imported 3 questions from cards.dat (CSV/TSV)" in out
    (here / "notes.dat").write_text("just some notes\nnothing to import\n")
    status, _, err = run(["import", "notes.dat"], capsys)
    assert status == 2
    assert "cannot tell the format of notes.dat; give --from gift|aiken|csv|apkg" in err
    # An Aiken file misnamed .csv: the extension says CSV, `--from` says better.
    (here / "quiz.csv").write_bytes((AIKEN / "good.txt").read_bytes())
    status, _, err = run(["import", "quiz.csv"], capsys)
    assert status == 1 and "quiz.csv" in err
    status, out, _ = run(["import", "quiz.csv", "--from", "aiken"], capsys)
    assert status == 0 and "imported 4 questions from quiz.csv (Aiken) into quiz.yaml" in out


def test_an_existing_output_is_not_overwritten_without_force(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "good.yaml").write_text("mine")
    status, out, err = run(["import", str(AIKEN / "good.txt")], capsys)
    assert (status, out) == (2, "")
    assert err == "quizapp import: good.yaml exists; give -o OTHER.yaml or --force\n"
    assert (here / "good.yaml").read_text() == "mine"
    status, _, _ = run(["import", str(AIKEN / "good.txt"), "--force"], capsys)
    assert status == 0 and load_bank(here / "good.yaml").bank is not None


def test_unknown_format_name_is_a_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", str(AIKEN / "good.txt"), "--from", "word"])
    assert caught.value.code == 2
    assert "invalid choice: 'word'" in capsys.readouterr().err


def test_a_file_that_is_not_utf8_is_named_in_the_message(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(AIKEN / "latin1.txt")
    status, out, err = run(["import", source], capsys)
    assert (status, out) == (1, "")
    assert err == (
        f"quizapp import: {source}:5: not UTF-8 text (byte 0xe9 at line 5); "
        "save it as UTF-8 and import it again\n"
    )
    assert not (here / "latin1.yaml").exists()


def test_nothing_importable_prints_every_problem_and_fails(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "bad.aiken").write_text("Question?\nA. only one\nANSWER: A\n")
    status, out, err = run(["import", "bad.aiken"], capsys)
    assert status == 1
    assert out == "bad.aiken:1: question 'Question?' skipped: it needs at least 2 options, not 1\n"
    assert err.startswith("quizapp import: bad.aiken:1: no Aiken question could be read")
    assert not (here / "bad.yaml").exists()


def test_a_missing_file_is_a_usage_error(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["import", "nowhere.gift"], capsys) == (
        2,
        "",
        "quizapp import: no such file: nowhere.gift\n",
    )


def test_export_to_aiken_and_csv(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["export", str(README_BANK), "--to", "aiken"], capsys)
    assert (status, err) == (0, "")
    assert f"{README_BANK}:40: question 'gas-giants' skipped" in out
    # Aiken holds only single-answer questions: the summary counts the two actually written.
    assert out.splitlines()[-1] == (
        f"exported {README_BANK} (2 of 9 questions; 7 skipped) to readme-example.txt (Aiken); "
        "8 items not carried over (listed above)"
    )
    assert (here / "readme-example.txt").read_text().startswith("Which planet is closest")
    status, out, _ = run(["import", "readme-example.txt", "-o", "back.yaml"], capsys)
    assert status == 0 and "imported 2 questions from readme-example.txt" in out
    status, out, _ = run(["export", str(README_BANK), "--to", "csv", "-o", "cards.csv"], capsys)
    assert status == 0 and (here / "cards.csv").read_bytes().startswith(b"front,back\n")
    assert f"exported {README_BANK} (9 questions) to cards.csv (CSV/TSV)" in out
    # and the CSV imports back as flashcards
    status, out, _ = run(["import", "cards.csv"], capsys)
    assert status == 0 and "imported 9 questions from cards.csv (CSV/TSV)" in out


def test_gift_export_counts_the_questions_it_wrote(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tour = Path(__file__).resolve().parents[2] / "questions" / "format-tour.yaml"
    status, out, err = run(["export", str(tour), "--to", "gift", "-o", "tour.gift"], capsys)
    assert (status, err) == (0, "")
    assert f"exported {tour} (11 of 14 questions; 3 skipped) to tour.gift" in out
    status, out, _ = run(["import", "tour.gift", "-o", "tour.yaml"], capsys)
    assert status == 0 and "imported 11 questions from tour.gift" in out
    # A two-gap cloze, an order question and a flashcard have no GIFT form.
    original, imported = load_bank(tour).bank, load_bank(here / "tour.yaml").bank
    assert original is not None and imported is not None
    missing = {q.id for q in original.questions} - {q.id for q in imported.questions}
    assert missing == {"water-molecule", "oceans-by-area", "dna-stands-for"}


def test_export_refuses_overwriting_and_invalid_banks(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "readme-example.csv").write_text("keep")
    status, _, err = run(["export", str(README_BANK), "--to", "csv"], capsys)
    assert status == 2 and "readme-example.csv exists; give -o OTHER or --force" in err
    assert (here / "readme-example.csv").read_text() == "keep"
    (here / "broken.yaml").write_text("title: T\nquestions:\n  - {id: q, prompt: P}\n")
    status, out, err = run(["export", "broken.yaml", "--to", "csv"], capsys)
    assert status == 1
    assert out.startswith("broken.yaml:3:")
    assert err == "quizapp export: broken.yaml is not a valid bank (1 problem)\n"
    status, _, err = run(["export", "broken.yaml", "--to", "csv", "-o", "broken.yaml"], capsys)
    assert status == 2 and "is the bank itself" in err


def test_export_needs_a_format(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", str(README_BANK)])
    assert caught.value.code == 2
    assert "--to" in capsys.readouterr().err


def test_lint_is_handed_to_the_lint_command(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quizapp.cli.lint

    calls: list[list[str]] = []

    def fake(paths: list[str], out: object, err: object) -> int:
        calls.append(list(paths))
        return 1

    monkeypatch.setattr(quizapp.cli.lint, "cmd_lint", fake)
    assert main(["lint", "a.yaml", "folder"]) == 1
    assert calls == [["a.yaml", "folder"]]


def test_import_and_export_do_not_import_textual(here: Path) -> None:
    script = (
        "import sys\n"
        "from quizapp.cli import main\n"
        f"assert main(['import', {str(AIKEN / 'good.txt')!r}]) == 0\n"
        "assert main(['export', 'good.yaml', '--to', 'csv']) == 0\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=here, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (here / "good.csv").exists()
