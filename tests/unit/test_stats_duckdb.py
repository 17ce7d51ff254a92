"""The DuckDB analysis against the Python reference on random classes, and what came with it:
the evidence minimum, partial credit, Parquet in and out, a clean file never read in Python,
control characters escaped, and a connection that never downloads an extension."""

from __future__ import annotations

import io
import json
import random
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from quizapp.core.bank.loader import parse_bank
from quizapp.core.model import Bank, Response, SelfGrade
from quizapp.core.stats import analyse, connect, parse_memory_limit, render_table
from quizapp.core.stats import ingest as ingest_module
from quizapp.core.stats.engine import memory_limit_text, query
from quizapp.core.stats.export import analysis_to_json, csv_rows
from quizapp.core.stats.table import escaped
from tests.unit.stats_reference import reference
from tests.unit.test_stats import CLASS, Answers, six_students
from tests.unit.test_stats_cli import handed_in, run  # noqa: F401 - the fixture is used below

MIXED_YAML = """
id: mixed
title: Every shape of answer
misconceptions:
  m-x: {summary: Idea X, explanation: Why X is wrong.}
  m-y: {summary: Idea Y, explanation: Why Y is wrong.}
questions:
  - id: leaves
    topic: Plants
    prompt: Where does photosynthesis take place?
    choices:
      - {text: In the chloroplasts, correct: true}
      - {text: In the leaves, weight: 50}
      - {text: In the nucleus, misconception: m-x}
  - id: primes
    type: multiple
    topic: Numbers
    prompt: Which are prime?
    choices:
      - {text: "2", correct: true}
      - {text: "3", correct: true}
      - {text: "4", misconception: m-y}
      - {text: "9", misconception: m-x}
  - id: water
    topic: Plants
    prompt: Sound travels faster in water than in air.
    answer: true
    misconception: m-y
  - id: gold
    prompt: The symbol for gold?
    answers: [Au]
    wrong_answers:
      - {text: Ag, misconception: m-x}
"""


def load(text: str) -> Bank:
    result = parse_bank(text.encode(), "mixed.yaml")
    assert result.bank is not None, result.problems
    return result.bank


MIXED = load(MIXED_YAML)
BANKS = {"class": CLASS, "mixed": MIXED}


def random_class(seed: int) -> list:
    """Students with one to three sessions each over both banks: repeats within a session,
    blank exam answers, self-graded cards, and one student's file handed in twice."""
    rng = random.Random(seed)
    answers = {"class": Answers(CLASS), "mixed": Answers(MIXED)}
    rows = []
    for student in range(rng.randrange(2, 30)):
        name = f"st{student}"
        for session in range(rng.randrange(1, 4)):
            bank = rng.choice([CLASS, MIXED])
            builder = answers[bank.id]
            questions = rng.sample(bank.questions, rng.randrange(1, len(bank.questions) + 1))
            if rng.random() < 0.2:
                questions.append(rng.choice(questions))  # met twice in one session
            for question in questions:
                builder.add(name, f"s{session}", question.id, _response(question, rng))
    for builder in answers.values():
        for index, row in enumerate(builder.rows):  # one clock for both banks, shuffled ties
            rows.append(replace(row, answered_at=row.answered_at + timedelta(
                seconds=rng.randrange(0, 3) * 60 + index % 2)))  # fmt: skip
    return rows + [row for row in rows if row.install_id == "st0"]  # handed in twice


def _response(question, rng: random.Random) -> Response | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.08:
        return SelfGrade.GOOD
    if question.type == "multiple":
        return frozenset(rng.sample(range(len(question.choices)), rng.randrange(1, 3)))
    if question.type == "short":
        return rng.choice(["Au", "Ag", "Fe"])
    return rng.randrange(len(question.choices))


def _key(stat):
    return (stat.bank_id, stat.question_id)


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("with_banks", [True, False])
def test_duckdb_and_the_python_reference_agree_on_random_classes(
    seed: int, with_banks: bool
) -> None:
    rows = random_class(seed)
    banks = BANKS if with_banks else {}
    got = analyse(rows, banks, min_students=5)
    want = reference(rows, banks, min_students=5)
    assert (got.students, got.attempts, got.answers, got.self_graded, got.banks) == (
        want.students, want.attempts, want.answers, want.self_graded, want.banks,
    )  # fmt: skip
    assert sorted(map(_key, got.questions)) == [_key(q) for q in want.questions]
    expected = {_key(q): q for q in want.questions}
    for stat in got.questions:
        other = expected[_key(stat)]
        for name in ("attempts", "answered", "unanswered", "discrimination_attempts",
                     "versions", "in_bank", "misconceptions", "students"):  # fmt: skip
            assert getattr(stat, name) == getattr(other, name), (name, stat.question_id)
        for name in ("facility", "discrimination", "efficiency"):
            mine, theirs = getattr(stat, name), getattr(other, name)
            assert (mine is None) == (theirs is None), (name, stat.question_id, mine, theirs)
            assert mine is None or mine == pytest.approx(theirs, abs=1e-9), name
        assert stat.miskey_reasons == other.miskey_reasons
        plain = [
            (c.index, c.count, c.correct, c.top_count, c.rare, c.partial) for c in stat.choices
        ]
        assert plain == [
            (c.index, c.count, c.correct, c.top_count, c.rare, c.partial) for c in other.choices
        ]
    assert got.misconceptions == want.misconceptions


def test_flags_on_too_few_students_are_marked_and_the_minimum_is_stated() -> None:
    analysis = analyse(six_students().rows, {"class": CLASS})
    q4 = analysis.question("class", "q4")
    assert (q4.students, q4.min_students, q4.too_few) == (6, 20, True)
    table = render_table(analysis)
    assert "Needs a look (a flag needs 20 students)" in table
    words = " ".join(table.split())
    assert "q4: looks mis-keyed: the top third picked B 2×, the key A 0× (too few answers: 6 " \
        "students)" in words  # fmt: skip
    assert "-0.75 mis-keyed?, too few answers" in words
    data = analysis_to_json(analysis)
    assert data["thresholds"]["min_students"] == 20
    assert data["questions"][3]["too_few_answers"] is True
    row = next(r for r in csv_rows(analysis) if r.get("question_id") == "q4")
    assert row["flags"] == "mis-keyed?;too few answers" and row["students"] == 6
    enough = analyse(six_students().rows, {"class": CLASS}, min_students=6)
    assert not enough.question("class", "q4").too_few
    assert "too few" not in render_table(enough)


def test_the_minimum_decides_rare_distractors() -> None:
    answers = Answers()
    for number, pick in enumerate([0] * 9 + [1]):
        answers.add(f"p{number}", "x", "q1", pick)
    rare = [c.letter for c in analyse(answers.rows, {"class": CLASS}, min_students=10)
            .question("class", "q1").rare_distractors]  # fmt: skip
    assert rare == ["C", "D"]
    assert not analyse(answers.rows, {"class": CLASS}).question("class", "q1").rare_distractors


def test_partial_credit_is_marked_as_partial_not_as_the_key() -> None:
    answers = Answers(MIXED)
    for number, pick in enumerate([0, 0, 1, 1, 1, 2]):
        answers.add(f"p{number}", "x", "leaves", pick)
    analysis = analyse(answers.rows, {"mixed": MIXED})
    a, b, c = analysis.question("mixed", "leaves").choices
    assert (a.partial, b.partial, c.partial) == (False, True, False)
    assert (b.correct, b.weight) == (True, 0.5)
    table = render_table(analysis)
    assert "  *A In the chloroplasts" in table
    assert "  ~B In the leaves (50% credit)" in table
    assert "~ partial credit" in table
    choice = analysis_to_json(analysis)["questions"][0]["choices"][1]
    assert (choice["partial"], choice["weight"], choice["correct"]) == (True, 0.5, True)
    cells = [r for r in csv_rows(analysis) if r["kind"] == "choice"]
    assert [r["correct"] for r in cells] == ["true", "partial", "false"]


def test_without_the_bank_a_partly_scoring_pick_is_partial() -> None:
    answers = Answers(MIXED)
    for number, pick in enumerate([0, 1, 1, 2]):
        answers.add(f"p{number}", "x", "leaves", pick)
    choices = analyse(answers.rows, {}).question("mixed", "leaves").choices
    assert [(c.correct, c.partial, c.weight) for c in choices] == [
        (True, False, 1.0), (True, True, 0.5), (False, False, 0.0),
    ]  # fmt: skip


def test_a_clean_file_is_read_by_duckdb_alone(
    handed_in: Path,  # noqa: F811 - the fixture
    bank_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = []
    line_reader = ingest_module.stream_results
    monkeypatch.setattr(
        ingest_module,
        "stream_results",
        lambda p, *rest: read.append(str(p)) or line_reader(p, *rest),
    )
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    assert (status, err, read) == (0, "", [])  # no file went through the line reader
    assert json.loads(out)["answers"] == 25
    broken = handed_in / "s4.jsonl"
    broken.write_text(broken.read_text(encoding="utf-8") + "{oops\n", encoding="utf-8")
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    # DuckDB reads it again line by line; only the bad line is looked at in Python.
    assert read == [] and err == f"{broken}:6: not JSON: Expecting property name " \
        "enclosed in double quotes (column 2)\n"  # fmt: skip
    assert json.loads(out)["answers"] == 25
    csv_file = handed_in / "s1.csv"
    csv_file.write_text(csv_file.read_text(encoding="utf-8") + "x,y\r\n", encoding="utf-8")
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    assert read == [str(csv_file)] and f"{csv_file}:6: 2 fields; the header has 15" in err
    assert json.loads(out)["answers"] == 25


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    from tests.unit.test_stats import CLASS_YAML

    path = tmp_path / "class.yaml"
    path.write_text(CLASS_YAML, encoding="utf-8")
    return path


def test_parquet_in_and_out(
    handed_in: Path,  # noqa: F811 - the fixture
    bank_file: Path,
    tmp_path: Path,
) -> None:
    import _duckdb

    con = _duckdb.connect()
    parquet = tmp_path / "class.parquet"
    files = [str(p) for p in sorted(handed_in.glob("*.jsonl"))]
    con.execute(
        "COPY (SELECT * REPLACE (to_json(response)::VARCHAR AS response) FROM read_json(?, "
        "format='newline_delimited')) TO '" + str(parquet) + "' (FORMAT parquet)",
        [files],
    )
    for jsonl in handed_in.glob("*.jsonl"):
        jsonl.unlink()
    (handed_in / "class.parquet").write_bytes(parquet.read_bytes())
    status, out, err = run(handed_in, "--banks", bank_file, "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["answers"] == 25  # the same class, s4-s6 now from Parquet
    output = tmp_path / "stats.parquet"
    status, _, err = run(handed_in, "--banks", bank_file, "--parquet", output)
    assert status == 0 and "wrote 23 rows" in err
    kinds = con.execute(f"SELECT kind, count(*) FROM '{output}' GROUP BY 1 ORDER BY 1").fetchall()
    assert kinds == [("choice", 16), ("misconception", 3), ("question", 4)]
    fake = tmp_path / "not.parquet"
    fake.write_text("hello", encoding="utf-8")
    status, _, err = run(fake)
    assert status == 1 and f"{fake}: is not a Parquet file" in err


def test_a_bad_parquet_row_is_reported_by_its_row_number(tmp_path: Path) -> None:
    import _duckdb

    from quizapp.core.stats.parquet import PARQUET_COLUMNS

    path = tmp_path / "bad.parquet"
    con = _duckdb.connect()
    columns = ", ".join(f"{name} {kind}" for name, kind in PARQUET_COLUMNS)
    con.execute(f"CREATE TABLE t ({columns})")
    row = ["i1", 1, "2025-03-03 09:00:00+00", "class", "q1", "h", "s", "exam", '{"int":0}', 1.0,
           "right", [], None, 2.0, 3]  # fmt: skip
    con.execute("INSERT INTO t VALUES (" + ",".join("?" * len(row)) + ")", row)
    row[1], row[9] = 2, 1.5
    con.execute("INSERT INTO t VALUES (" + ",".join("?" * len(row)) + ")", row)
    con.execute(f"COPY t TO '{path}' (FORMAT parquet)")
    status, out, err = run(path, "--json")
    assert status == 0 and err.splitlines()[0] == f"{path}:2: score 1.5 is not between 0 and 1"
    assert json.loads(out)["answers"] == 1


def test_control_characters_from_files_are_escaped() -> None:
    assert escaped("q\x1b[31m1\u202e\x07") == "q\\x1b[31m1\\u202e\\x07"
    answers = Answers()
    answers.add("s1", "x", "q1", 0)
    answers.rows[0] = replace(answers.rows[0], question_id="evil\x1b]0;title\x07")
    table = render_table(analyse(answers.rows, {}))
    assert "\x1b" not in table and "\x07" not in table and "evil\\x1b]0;title\\x07" in table


def test_the_connection_never_fetches_extensions_and_keeps_its_memory_limit() -> None:
    with connect(parse_memory_limit("300MB")) as con:
        settings = dict(con.rows(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ("
            "'autoinstall_known_extensions', 'autoload_known_extensions', 'memory_limit')"
        ))  # fmt: skip
        assert settings["autoinstall_known_extensions"] == "false"
        assert settings["autoload_known_extensions"] == "false"
        assert settings["memory_limit"].startswith("286")
        loaded = {name for (name,) in con.rows(
            "SELECT extension_name FROM duckdb_extensions() WHERE loaded")}  # fmt: skip
        assert {"json", "parquet"} <= loaded
    assert memory_limit_text(parse_memory_limit("2GB")) == "1907MiB"
    for bad in ("lots", "10MB", "2 parsecs"):
        with pytest.raises(ValueError):
            parse_memory_limit(bad)


def test_the_command_line_refuses_a_bad_memory_limit_and_minimum(handed_in: Path) -> None:  # noqa: F811
    assert run(handed_in, "--memory-limit", "lots")[0] == 2
    assert run(handed_in, "--min-students", "0")[0] == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _SlowDatabase:
    """A connection's database whose statements take a while, and are half done meanwhile."""

    def __init__(self, db: object) -> None:
        self.db = db

    def execute(self, sql: str, params: object) -> object:
        time.sleep(0.4)
        return self.db.execute(sql, params)  # type: ignore[attr-defined]

    def query_progress(self) -> float:
        return 50.0


def test_a_progress_bar_is_drawn_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizapp.core.stats import engine

    monkeypatch.setattr(engine, "_QUIET_SECONDS", 0.0)
    for stream, drawn in ((io.StringIO(), False), (_Terminal(), True)):
        with connect(progress=stream) as con:
            real = con.db
            con.db = _SlowDatabase(real)  # type: ignore[assignment]
            query(con, "SELECT 1", None, "counting")
            con.db = real
            assert con.rows("SELECT 42") == [(42,)]
        text = stream.getvalue()
        assert bool(text) is drawn
        if drawn:
            assert text.startswith("\rcounting") and " 50%" in text and text.endswith("\r")


def test_a_byte_that_is_not_utf8_far_down_refuses_the_whole_file(
    handed_in: Path,  # noqa: F811 - the fixture
    bank_file: Path,
    tmp_path: Path,
) -> None:
    good = (handed_in / "s1.csv").read_bytes()  # a header and four answers
    late = tmp_path / "late.csv"
    late.write_bytes(good + good.splitlines(keepends=True)[1].replace(b",q1,", b",q\xe9,"))
    status, _, err = run(late, "--banks", bank_file, "--json")
    assert status == 1
    assert err.splitlines() == [
        f"{late}: is not UTF-8 text (line 6); expected quizapp results, format 1",
        "quizapp stats: no answers to analyse",
    ]  # the four good rows before it were taken out again


def test_duckdb_is_not_loaded_until_an_analysis_runs() -> None:
    import subprocess
    import sys

    script = (
        "import sys, quizapp.app, quizapp.cli.stats, quizapp.cli.results, "
        "quizapp.screens.instructor\n"
        "print(sorted(m for m in sys.modules if m in ('duckdb', '_duckdb')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
