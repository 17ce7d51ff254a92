"""Control characters are data: the validator names each one, and nothing quizapp prints on the
command line sends one raw, whatever it came from (a bank, an imported file, a results file, a file
name)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.cli.streams import VisibleStream, raw_stream
from quizapp.core.bank import load_bank
from quizapp.core.visible import CONTROLS, describe, visible

BANKS = Path(__file__).resolve().parents[1] / "banks"
HOSTILE = BANKS / "invalid-controls.yaml"
GOOD = BANKS / "readme-example.yaml"

#: Every field of the hostile bank that holds one, in file order.
HOSTILE_FIELDS = [
    "`title`",
    "`description`",
    "`source`",
    "tag 1",
    "misconception 'sneaky': `summary`",
    "misconception 'sneaky': `explanation`",
    "question 'q1': `topic`",
    "question 'q1': `prompt`",
    "question 'q1': `hint`",
    "question 'q1': reference 1",
    "question 'q1': choice 1: `text`",
    "question 'q1': choice 1: `feedback`",
    "question 'q1': choice 2: `text`",
    "question 'q1': choice 2: `feedback`",
    "question 'q1': `explanation`",
]


def raw_controls(text: str) -> list[str]:
    """The control characters in `text` a terminal would act on (a CSV line's CR LF is fine)."""
    return CONTROLS.findall(text.replace("\r\n", "\n"))


def test_visible_escapes_what_a_terminal_would_act_on_and_keeps_the_rest() -> None:
    assert visible("a\x1b[2Jb\x07\u202ec\td\ne") == "a\\u001b[2Jb\\u0007\\u202ec\td\ne"
    assert visible("plain [bold]markup[/] é 😀") == "plain [bold]markup[/] é 😀"
    assert visible("x\r\ny", keep_crlf=True) == "x\r\ny"
    assert visible("x\ry", keep_crlf=True) == "x\\u000dy"
    assert json.loads(json.dumps(visible("\x7f\x85"))) == "\\u007f\\u0085"
    assert json.loads(visible(json.dumps("\x7f\x85", ensure_ascii=False))) == "\x7f\x85"


def test_describe_names_a_code_point() -> None:
    assert describe("\x1b") == "U+001B (ESC)"
    assert describe("\u202e") == "U+202E (RLO)"
    assert describe("\x01") == "U+0001"


def test_the_validator_names_every_field_and_code_point() -> None:
    problems = load_bank(HOSTILE).problems
    assert [p.message.split(": control character")[0] for p in problems] == HOSTILE_FIELDS
    assert [(p.line, p.column) for p in problems][:3] == [(3, 8), (5, 14), (6, 9)]
    description = problems[1].message
    assert "U+001B (ESC), U+0007 (BEL), U+202E (RLO), U+202C (PDF)" in description
    assert all(not raw_controls(p.message) for p in problems)


def test_a_raw_control_character_in_the_file_is_named_at_its_place(tmp_path: Path) -> None:
    bank = tmp_path / "raw.yaml"
    bank.write_bytes(b"title: T\nquestions:\n  - prompt: a \x1b[2J b\n    answer: true\n")
    (problem,) = load_bank(bank).problems
    assert (problem.line, problem.column) == (3, 15)
    assert problem.message.startswith("control character U+001B (ESC): remove it")


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(HOSTILE)],
        ["lint", str(HOSTILE)],
        ["export", str(HOSTILE), "--to", "gift"],
    ],
    ids=["validate", "lint", "export"],
)
def test_commands_print_a_hostile_bank_escaped(
    args: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = main([*args, *(["-o", str(tmp_path / "x.gift")] if "export" in args else [])])
    out, err = capsys.readouterr()
    assert status == 1
    assert raw_controls(out + err) == []
    assert "U+001B (ESC)" in out + err


def test_a_file_name_with_an_escape_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    named = tmp_path / "bank\x1b]0;pwned\x07.yaml"
    named.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(named), str(tmp_path / "missing\x1b[2J.yaml")]) == 2
    out, err = capsys.readouterr()
    assert raw_controls(out + err) == []
    assert "missing\\u001b[2J.yaml" in err
    with pytest.raises(SystemExit):
        main([str(tmp_path / "nowhere\x07.yaml")])  # opening the app: argparse's own error
    assert "nowhere\\u0007.yaml" in capsys.readouterr().err


def test_an_import_drops_control_characters_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "week\x1b[31m.gift"
    source.write_text("::Q1:: What is \x1b]0;x\x07 2+2? {=4 ~5}\n", encoding="utf-8")
    assert main(["import", str(source), "-o", "week.yaml"]) == 0
    out, err = capsys.readouterr()
    assert raw_controls(out + err) == []
    assert "dropped control characters U+001B, U+0007" in out
    written = (tmp_path / "week.yaml").read_text(encoding="utf-8")
    assert not CONTROLS.search(written) and load_bank(tmp_path / "week.yaml").problems == ()


def test_stats_prints_hostile_results_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = []
    for number, student in enumerate(["s\x1b[2J1", "s2\u202e"], start=1):
        rows.append(
            {
                "install_id": student,
                "answer_id": number,
                "answered_at": f"2025-03-03T10:0{number}:00.000Z",
                "bank_id": "bank\x1b[31m",
                "question_id": "q\x07one",
                "content_hash": "0000000000000000",
                "session_id": "e1",
                "mode": "practice",
                "response": {"str": "typed \x1b]0;title\x07 answer"},
                "score": 1.0 if number == 1 else 0.0,
                "outcome": "right" if number == 1 else "wrong",
                "misconceptions": [] if number == 1 else ["m\x1bx"],
                "confidence": None,
                "seconds": 4.0,
                "rating": 3,
            }
        )
    results = tmp_path / "class.jsonl"
    results.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    for extra in ([], ["--json"], ["--csv"]):
        main(["stats", str(results), "--banks", str(GOOD), *extra])
        out, err = capsys.readouterr()
        assert raw_controls(out + err) == [], extra
        assert re.search(r"\\u001b|\\u0007", out + err), extra
        if extra == ["--json"]:
            assert json.loads(out)["banks"] == ["bank\x1b[31m"]  # escaped, yet the same data


def test_two_banks_with_one_id_the_second_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path in (first, second):
        path.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"b.yaml: bank id 'earth-and-sky' is also used by {first}" in out
    assert "give this bank its own `id:`" in out
    assert "2 banks checked: 1 valid, 1 invalid" in out


def test_a_visible_stream_escapes_and_hands_its_terminal_to_what_draws_itself() -> None:
    target = io.StringIO()
    stream = VisibleStream(target)
    stream.write("id \x1b[2J\r\n")
    assert target.getvalue() == "id \\u001b[2J\r\n"
    assert raw_stream(stream) is target  # a progress bar's \r is its drawing
    assert raw_stream(target) is target
