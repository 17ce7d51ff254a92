"""Bank files are untrusted: hostile or broken input gets a message, never a traceback."""

from __future__ import annotations

import builtins
import random
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

import quizapp.core.bank.loader as bank_module
from quizapp.core.bank import load_bank
from quizapp.core.bank.loader import parse_bank
from quizapp.core.bank.parts.aliases import may_define_anchors
from quizapp.core.bank.parts.checks import Checker
from quizapp.core.bank.parts.document import _BUILDERS
from quizapp.core.bank.parts.fastpath import fast_question
from quizapp.core.bank.parts.questions import build_question
from quizapp.core.bank.parts.yamlsafe import load_yaml
from quizapp.core.model import Misconception

BANKS = Path(__file__).resolve().parent.parent / "banks"
BUNDLED = Path(__file__).resolve().parent.parent.parent / "questions"
VALID = "title: T\nquestions: [{id: q, prompt: P, answer: true}]\n"


def only_problem(result: Any) -> str:
    assert result.bank is None
    assert len(result.problems) == 1
    return str(result.problems[0])


def test_alias_bomb_is_refused_quickly() -> None:
    started = time.perf_counter()
    result = load_bank(BANKS / "invalid-alias-bomb.yaml")
    assert time.perf_counter() - started < 1.0
    assert "refusing to load it (an alias bomb?)" in only_problem(result)


def test_one_big_list_aliased_many_times_is_refused() -> None:
    big = "[" + ", ".join(["x"] * 20_000) + "]"
    questions = "".join(
        f"  - {{id: q{i}, prompt: P, answer: true, tags: *big}}\n" for i in range(50)
    )
    text = f"title: T\nshared: &big {big}\nquestions:\n{questions}"
    assert "an alias bomb?" in only_problem(parse_bank(text, "b.yaml"))


def test_recursive_alias_is_refused() -> None:
    text = "title: T\nloop: &a [*a]\nquestions: []\n"
    assert only_problem(parse_bank(text, "r.yaml")) == (
        "r.yaml:2:7: recursive alias: a node contains itself"
    )


def test_python_tags_are_refused_with_their_line() -> None:
    text = "title: !!python/object/apply:os.system [echo pwned]\nquestions: []\n"
    assert only_problem(parse_bank(text, "p.yaml")) == (
        "p.yaml:1:8: tag !!python/object/apply:os.system is not allowed: "
        "a bank holds plain data only"
    )


def test_non_utf8_text_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"title: T\nquestions:\n  - \xff\n")
    assert only_problem(load_bank(path)) == f"{path}: not UTF-8 text (byte 0xff at line 3)"


def test_utf8_byte_order_mark_is_accepted() -> None:
    result = parse_bank(b"\xef\xbb\xbf" + VALID.encode(), "bom.yaml")
    assert result.ok


def test_size_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bank_module, "MAX_BANK_BYTES", 40)
    path = tmp_path / "big.yaml"
    path.write_text(VALID)
    limit = "(the limit is 40 bytes)"
    assert only_problem(load_bank(path)) == f"{path}: too large: {len(VALID)} bytes {limit}"
    assert (
        only_problem(parse_bank(VALID, "s.yaml"))
        == f"s.yaml: too large: {len(VALID)} bytes {limit}"
    )
    assert only_problem(parse_bank(VALID.encode(), "b.yaml")).startswith("b.yaml: too large")


def test_folders_and_missing_files_are_reported(tmp_path: Path) -> None:
    assert only_problem(load_bank(tmp_path)) == f"{tmp_path}: is a folder, not a bank file"
    missing = tmp_path / "gone.yaml"
    assert only_problem(load_bank(missing)) == f"{missing}: no such file"


def test_unreadable_file_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(VALID)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(builtins, "open", refuse)
    assert only_problem(load_bank(path)) == f"{path}: cannot read it: Permission denied"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: T\n\tquestions: []\n", "t.yaml:2:1: not valid YAML: a tab character here"),
        ("title: T\nx: \x01\n", "t.yaml:2:4: control character U+0001: remove it"),
        ("title: T\n---\ntitle: U\n", "t.yaml:2:1: not valid YAML: but found another document"),
        ("a: b: c\n", "t.yaml:1:5: not valid YAML: mapping values are not allowed"),
        ("title: !!int abc\n", "t.yaml:1:8: cannot read this !!int value: invalid literal"),
        ("topic: 2020-13-45\n", "t.yaml:1:8: cannot read this !!timestamp value: month must"),
        ("- a\n- b\n", "t.yaml:1:1: the top level must be a mapping"),
        ("just words\n", "t.yaml:1:1: the top level must be a mapping"),
        ("", "t.yaml: the file is empty"),
    ],
)
def test_unreadable_yaml_is_one_marked_problem(text: str, expected: str) -> None:
    assert only_problem(parse_bank(text, "t.yaml")).startswith(expected)


def test_anchor_precheck_is_conservative() -> None:
    assert may_define_anchors("a: &x 1\nb: *x\n")
    assert may_define_anchors("[&x 1, *x]")
    assert may_define_anchors("&x {a: 1}")
    assert not may_define_anchors("prompt: R&D, Q&A and AT&T & co\n")


def sample_params() -> list[Any]:
    """Every valid fixture and bundled bank (named by file), then tricky snippets (by number)."""
    paths = [
        *sorted(BANKS.glob("valid-*.yaml")),
        BANKS / "readme-example.yaml",
        *sorted(BUNDLED.glob("*.yaml")),
    ]
    tricky = [
        "a: [1, 0x1f, 0o17, 1_000, 1.5e3, .inf, -.inf, ~, null, yes, No, on, 2024-01-02]\n",
        "b: {? [x] : 1}\n",
        "c: !!binary aGVsbG8=\nd: 2001-12-14t21:59:43.10-05:00\n",
        "e: {x: 1, x: 2}\n",
        "f: !!set {a, b}\n",
        "g: !!omap [{a: 1}, {b: 2}]\n",
        "h: {<<: {a: 1}, b: 2}\ni: '1:20'\nj: 1:20\n",
        "k: !!str 12\nl: !!int '7'\nm: !custom x\n",
    ]
    files = [pytest.param(path.read_text(encoding="utf-8"), id=path.name) for path in paths]
    return files + [pytest.param(text, id=f"tricky-{n}") for n, text in enumerate(tricky, 1)]


def sample_texts() -> list[str]:
    """The texts of `sample_params`."""
    return [param.values[0] for param in sample_params()]


@pytest.mark.parametrize("text", sample_params())
def test_fast_yaml_reading_gives_what_pyyaml_gives(text: str) -> None:
    """The loader's own plain-data construction must match PyYAML's safe loader exactly."""
    try:
        expected = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        with pytest.raises(Exception):  # noqa: B017 - any refusal will do
            load_yaml(text, may_define_anchors(text))
        return
    assert load_yaml(text, may_define_anchors(text)).data == expected
    assert load_yaml(text, True).data == expected


def test_fast_path_builds_what_the_thorough_path_builds() -> None:
    questions = 0
    for text in [t for t in sample_texts() if "questions" in t]:
        data = yaml.safe_load(text)
        known = {
            key: Misconception(key, value["summary"], value.get("explanation", ""))
            for key, value in (data.get("misconceptions") or {}).items()
        }
        for index, raw in enumerate(data["questions"]):
            fast = fast_question(raw, dict(known), 7)
            if fast is None:
                continue
            checker = Checker()
            slow = build_question(checker, raw, index, dict(known), 7, _BUILDERS)
            assert checker.issues == []
            assert fast == slow
            questions += 1
    assert questions >= 5  # the comparison really ran


def mutated(text: str, rnd: random.Random) -> bytes:
    pieces = [b":", b"- ", b" ", b"\n", b"&a ", b"*a", b"[", b"]", b"{", b"}", b"'", b'"']
    pieces += [b"\t", b"!!str ", b"<<: ", b"? ", b"|", b"#", b"\xff", b"{{", b"}}", b"~"]
    data = bytearray(text.encode("utf-8"))
    for _ in range(rnd.randint(1, 4)):
        at = rnd.randrange(len(data) or 1)
        choice = rnd.random()
        if choice < 0.4:
            data[at : at + 1] = rnd.choice(pieces)
        elif choice < 0.7:
            del data[at : at + rnd.randint(1, 20)]
        else:
            data[at:at] = rnd.choice(pieces)
    return bytes(data)


def test_mangled_banks_give_problems_not_tracebacks() -> None:
    rnd = random.Random(20240611)
    texts = [t for t in sample_texts() if "questions" in t]
    for _ in range(400):
        result = parse_bank(mutated(rnd.choice(texts), rnd), "m.yaml")
        assert result.ok or result.problems
        assert all("bug in quizapp" not in p.message for p in result.problems)
        assert all(p.line >= 0 and p.column >= 0 for p in result.problems)


def test_plain_banks_skip_pyyamls_slower_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speed: an anchor-free bank is built by the loader's own lean constructor."""

    def slow_path(*args: Any) -> Any:
        raise AssertionError("PyYAML's constructor was used")

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", slow_path)
    assert load_yaml(VALID, check_aliases=False).data["title"] == "T"
    with pytest.raises(AssertionError):  # merge keys need PyYAML's own constructor
        load_yaml("a: {<<: {b: 1}}\n", check_aliases=False)
