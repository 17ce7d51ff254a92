"""The rules of a class session: who a student is, who may come in, what the server hands the
app processes, what they tell each other, and how many fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.serving import (
    CodeError,
    IdentifierError,
    RateLimiter,
    ServedConfig,
    Status,
    check_code_choice,
    check_identifier,
    codes_match,
    default_max_sessions,
    describe_session,
    is_loopback,
    load_served_banks,
    make_join_code,
    parse_status,
    read_config,
    results_file_name,
    results_path,
    write_config,
)
from quizapp.core.serving.gate import CODE_ALPHABET

BANK = Path(__file__).resolve().parents[1] / "ui" / "banks" / "serve-class.yaml"

# --- identifiers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "file"),
    [
        ("ann", "ann.jsonl"),
        ("  Ann   Lee ", "ann-lee.jsonl"),
        ("ann-lee", "ann-lee.jsonl"),
        ("S12345", "s12345.jsonl"),
        ("a.b_c", "a.b_c.jsonl"),
        ("x" * 64, "x" * 64 + ".jsonl"),
    ],
)
def test_good_identifiers_give_one_file_per_student(typed: str, file: str) -> None:
    assert results_file_name(typed) == file
    assert check_identifier(typed) == typed.strip()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "type your name"),
        ("   ", "type your name"),
        ("x" * 65, "at most 64 characters"),
        ("../etc/passwd", "not /"),
        ("ann/../../x", "not /"),
        ("C:\\x", "not :"),
        (".hidden", "start with a letter or a digit"),
        ("..", "start with a letter or a digit"),
        ("-rf", "start with a letter or a digit"),
        ("ann\x1b[31m", "\\x1b"),
        ("ann\u202ebob", "\\u202e"),
        ("Zoë", "not ë"),
    ],
)
def test_bad_identifiers_are_refused_saying_why(typed: str, said: str) -> None:
    with pytest.raises(IdentifierError) as refused:
        results_file_name(typed)
    assert said in str(refused.value)


def test_the_results_file_is_inside_the_folder(tmp_path: Path) -> None:
    assert results_path(tmp_path, "Ann Lee") == tmp_path.resolve() / "ann-lee.jsonl"


def test_a_results_file_that_links_elsewhere_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not results")
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "ann.jsonl").symlink_to(elsewhere)
    with pytest.raises(ValueError, match="not inside"):
        results_path(folder, "ann")


# --- join codes --------------------------------------------------------------------------------


def test_codes_are_compared_ignoring_case_spaces_and_dashes() -> None:
    assert codes_match("abc-234", "ABC234")
    assert codes_match(" ABC 234 ", "abc234")
    assert not codes_match("ABC235", "ABC234")
    assert not codes_match("", "ABC234")
    assert not codes_match("ABC234" + "X" * 100, "ABC234")


def test_made_up_codes_use_letters_that_cannot_be_confused() -> None:
    codes = {make_join_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_an_instructors_code_must_be_4_to_32_letters_and_digits() -> None:
    assert check_code_choice("quiz-42") == "QUIZ42"
    for bad in ("ab1", "x" * 33, "quiz!42", "ünï42"):
        with pytest.raises(CodeError):
            check_code_choice(bad)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.4.5.6", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("example.org", False)],
)  # fmt: skip
def test_only_loopback_hosts_go_without_a_code(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


# --- the rate limit ----------------------------------------------------------------------------


def test_an_address_is_locked_out_after_too_many_wrong_codes() -> None:
    limiter = RateLimiter(attempts=5, window=300, lockout=60)
    for second in range(4):
        assert limiter.failed("10.0.0.1", 100.0 + second) == 0
        assert limiter.wait("10.0.0.1", 100.0 + second) == 0
    assert limiter.failed("10.0.0.1", 104.0) == 60
    assert limiter.wait("10.0.0.1", 134.0) == 30
    assert limiter.wait("10.0.0.2", 134.0) == 0  # another address is not touched
    assert limiter.wait("10.0.0.1", 164.0) == 0  # the lockout is over: five more tries


def test_wrong_codes_older_than_the_window_are_forgotten() -> None:
    limiter = RateLimiter(attempts=3, window=60, lockout=60)
    limiter.failed("a", 0.0)
    limiter.failed("a", 1.0)
    assert limiter.failed("a", 70.0) == 0  # the first two are out of the window
    assert limiter.failed("a", 71.0) == 0
    assert limiter.failed("a", 72.0) == 60


def test_a_right_code_forgets_the_wrong_ones() -> None:
    limiter = RateLimiter(attempts=3)
    limiter.failed("a", 0.0)
    limiter.failed("a", 1.0)
    limiter.succeeded("a")
    assert limiter.failed("a", 2.0) == 0


def test_the_limiter_remembers_a_bounded_number_of_addresses() -> None:
    limiter = RateLimiter(attempts=5, max_addresses=100)
    for n in range(1000):
        limiter.failed(f"10.0.{n // 256}.{n % 256}", float(n))
    assert len(limiter._failures) == 100


# --- the config, the session, the status -------------------------------------------------------


def test_the_config_goes_through_its_file_and_is_private(tmp_path: Path) -> None:
    config = ServedConfig(
        banks=("/banks/a.yaml",), results_dir="/results", mode="exam", count=20, time_limit=30,
        code_required=True, about="A mock exam.",
    )  # fmt: skip
    path = tmp_path / "config.json"
    write_config(config, path)
    assert read_config(path) == config
    assert path.stat().st_mode & 0o777 == 0o600
    assert "code" not in path.read_text().replace("code_required", "")


def test_a_config_names_a_real_session() -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        ServedConfig(banks=(), results_dir="/r", mode="quiz")
    with pytest.raises(ValueError):
        ServedConfig(banks=(), results_dir="/r", count=0)
    with pytest.raises(ValueError, match="banks"):
        ServedConfig.from_dict({"banks": "a.yaml", "results_dir": "/r"})
    assert ServedConfig(banks=(), results_dir="/r").session_config() is None
    fixed = ServedConfig(banks=(), results_dir="/r", mode="practice", time_limit=5)
    session = fixed.session_config()
    assert session is not None and session.time_limit_minutes is None  # exams only


def test_the_fixed_session_is_described_for_the_sign_in_screen(tmp_path: Path) -> None:
    from quizapp.core.bank import BankCache

    banks, problems = load_served_banks([str(BANK)], BankCache(None))
    assert problems == [] and [bank.id for bank in banks] == ["serve-class"]
    exam = ServedConfig(banks=(str(BANK),), results_dir=str(tmp_path), mode="exam")
    assert describe_session(banks, exam) == "A mock exam: 3 questions, 3 minutes, pass mark 50%."
    timed = ServedConfig(banks=(), results_dir="/r", mode="exam", count=2, time_limit=0)
    assert describe_session(banks, timed) == "A mock exam: 2 questions, untimed, pass mark 50%."
    cards = ServedConfig(banks=(), results_dir="/r", mode="flashcards", count=1)
    assert describe_session(banks, cards) == "Flashcards: 1 question, graded by yourself."
    assert describe_session(banks, ServedConfig(banks=(), results_dir="/r")) == ""


def test_a_status_goes_through_its_packet() -> None:
    status = Status("ann", "exam", 2, 3, False, 0)
    assert parse_status(status.to_meta()) == status


@pytest.mark.parametrize(
    "packet",
    [
        {"type": "other"},
        {"type": "quizapp_status", "answered": -1, "total": 3, "saved": 0},
        {"type": "quizapp_status", "answered": "2", "total": 3, "saved": 0},
        {"type": "quizapp_status", "answered": True, "total": 3, "saved": 0},
        {"type": "quizapp_status", "answered": 1, "total": 3, "saved": 0, "student": 5},
    ],
)
def test_a_malformed_status_is_ignored(packet: dict[str, object]) -> None:
    assert parse_status(packet) is None


def test_the_default_limit_gives_the_students_half_the_memory() -> None:
    gib = 1 << 30
    assert default_max_sessions(8 * gib, per_session_mib=64) == 64
    assert default_max_sessions(10 << 20, per_session_mib=64) == 1
    assert default_max_sessions(None) == 20
