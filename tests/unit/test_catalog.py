"""Finding bank files, summarising them, and the cache that keeps start-up fast."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quizapp.core.bank.cachefiles as cachefiles
import quizapp.core.bank.loader as bank_module
from quizapp.core.bank import (
    BankCache,
    BankSummary,
    LoadResult,
    Problem,
    bundled_banks_dir,
    default_cache_dir,
    find_bank_files,
    load_bank,
    summarize,
)

VALID = (
    "title: Networks\ndescription: Layers.\nquestions:\n"
    "  - {id: a, topic: Routing, prompt: P, answer: true}\n"
    "  - {id: b, topic: Links, prompt: Q, answer: false}\n"
    "  - {id: c, topic: Routing, prompt: R, answer: true}\n"
)
BROKEN = "title: Broken\nquestions:\n  - {id: a, promt: P, answer: true}\n"


class CountingParser:
    """Stands in for `parse_bank` in the catalog, counting the parses."""

    def __init__(self) -> None:
        self.calls = 0
        self.real = bank_module.parse_bank

    def __call__(self, *args: Any, **kwargs: Any) -> LoadResult:
        self.calls += 1
        return self.real(*args, **kwargs)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> CountingParser:
    counter = CountingParser()
    monkeypatch.setattr(bank_module, "parse_bank", counter)
    return counter


def write(path: Path, text: str, mtime_ns: int | None = None) -> Path:
    path.write_text(text, encoding="utf-8")
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


def test_find_bank_files_searches_folders_and_keeps_files_as_given(tmp_path: Path) -> None:
    write(tmp_path / "b.yaml", VALID)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.yml", VALID)
    write(tmp_path / "notes.txt", "not a bank")
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / ".hidden" / "c.yaml", VALID)
    single = write(tmp_path / "odd-name.txt", VALID)
    files, problems = find_bank_files([tmp_path, single, tmp_path / "b.yaml", "missing.yaml"])
    assert files == [tmp_path / "b.yaml", tmp_path / "sub" / "a.yml", single]
    assert problems == [Problem("missing.yaml", 0, 0, "no such file or folder")]


def test_bundled_banks_are_found_and_valid() -> None:
    folder = bundled_banks_dir()
    # In a checkout, the top-level questions/ folder where instructors find them.
    assert folder == Path(__file__).resolve().parents[2] / "questions"
    files, problems = find_bank_files([folder])
    assert problems == []
    for file in files:
        assert load_bank(file).problems == ()


def test_the_readme_describes_the_bundled_banks_as_they_are() -> None:
    """Each bundled bank is named in the README by its title, with its number of questions."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    described = " ".join(
        readme.split("The bundled banks, in `questions/`:", 1)[1].split("\n\n")[0].split()
    )
    files, _ = find_bank_files([bundled_banks_dir()])
    for file in files:
        bank = load_bank(file).bank
        assert bank is not None
        assert f"**{bank.title}** ({len(bank.questions)} " in described, bank.title


def test_default_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", "/some/where")
    assert default_cache_dir() == Path("/some/where")
    monkeypatch.delenv("QUIZAPP_CACHE_DIR")
    assert default_cache_dir().name == "quizapp"


def test_summarize_valid_and_broken_banks(tmp_path: Path) -> None:
    good = summarize(load_bank(write(tmp_path / "nets.yaml", VALID)))
    assert good == BankSummary(
        str(tmp_path / "nets.yaml"), "nets", "Networks", "Layers.", 3, ("Routing", "Links"), ()
    )
    assert good.ok
    bad = summarize(load_bank(write(tmp_path / "broken.yaml", BROKEN)))
    assert (bad.id, bad.title, bad.question_count, bad.ok) == ("broken", "broken", 0, False)
    assert [p.line for p in bad.problems] == [3, 3]


def test_unchanged_bank_is_parsed_once(tmp_path: Path, parses: CountingParser) -> None:
    bank = write(tmp_path / "nets.yaml", VALID)
    cache = BankCache(tmp_path / "cache")
    assert cache.cached_summary(bank) is None
    first = cache.load(bank)
    assert parses.calls == 1 and first.ok
    summary = cache.cached_summary(bank)
    assert summary == summarize(first)
    again = BankCache(tmp_path / "cache").load(bank)
    assert parses.calls == 1
    assert again == first


def test_cached_bank_takes_the_path_it_is_asked_for(
    tmp_path: Path, parses: CountingParser, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = write(tmp_path / "nets.yaml", VALID)
    cache = BankCache(tmp_path / "cache")
    cache.load(bank)
    monkeypatch.chdir(tmp_path)
    relative = cache.load(Path("nets.yaml"))
    assert parses.calls == 1
    assert relative.path == "nets.yaml"
    assert relative.bank is not None and relative.bank.path == "nets.yaml"


def test_changed_bank_is_parsed_again(tmp_path: Path, parses: CountingParser) -> None:
    bank = write(tmp_path / "nets.yaml", VALID, mtime_ns=1_000_000_000)
    cache = BankCache(tmp_path / "cache")
    cache.load(bank)
    write(bank, VALID.replace("Networks", "Routers"), mtime_ns=2_000_000_000)
    assert cache.cached_summary(bank) is None
    result = cache.load(bank)
    assert parses.calls == 2
    assert result.bank is not None and result.bank.title == "Routers"
    summary = cache.cached_summary(bank)
    assert summary is not None and summary.title == "Routers"


def test_a_touched_file_with_the_same_size_is_parsed_again(
    tmp_path: Path, parses: CountingParser
) -> None:
    bank = write(tmp_path / "nets.yaml", VALID, mtime_ns=1_000_000_000)
    cache = BankCache(tmp_path / "cache")
    cache.load(bank)
    os.utime(bank, ns=(1_000_000_001, 1_000_000_001))
    cache.load(bank)
    assert parses.calls == 2


def test_broken_banks_keep_their_problems_without_reparsing(
    tmp_path: Path, parses: CountingParser
) -> None:
    bank = write(tmp_path / "broken.yaml", BROKEN)
    cache = BankCache(tmp_path / "cache")
    first = cache.load(bank)
    second = BankCache(tmp_path / "cache").load(bank)
    assert parses.calls == 1
    assert not second.ok and second.problems == first.problems
    summary = cache.cached_summary(bank)
    assert summary is not None and summary.problems == first.problems


@pytest.mark.parametrize("suffix", [".json", ".pickle"])
def test_corrupt_cache_files_are_ignored_and_rewritten(
    tmp_path: Path, parses: CountingParser, suffix: str
) -> None:
    bank = write(tmp_path / "nets.yaml", VALID)
    cache_dir = tmp_path / "cache"
    BankCache(cache_dir).load(bank)
    (damaged,) = cache_dir.glob(f"*{suffix}")
    damaged.write_bytes(b"\x80\x05garbage")
    result = BankCache(cache_dir).load(bank)
    assert result.ok and parses.calls == 2
    BankCache(cache_dir).load(bank)
    assert parses.calls == 2  # rewritten, so fresh again


def test_summary_never_reads_the_pickle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = write(tmp_path / "nets.yaml", VALID)
    cache = BankCache(tmp_path / "cache")
    cache.load(bank)

    def no_pickles(*args: Any) -> Any:
        raise AssertionError("cached_summary opened the pickled bank")

    monkeypatch.setattr(cachefiles, "load_bank_pickle", no_pickles)
    summary = cache.cached_summary(bank)
    assert summary is not None and summary.question_count == 3


def test_unwritable_cache_disables_caching_silently(tmp_path: Path, parses: CountingParser) -> None:
    bank = write(tmp_path / "nets.yaml", VALID)
    blocker = write(tmp_path / "not-a-folder", "a file where the cache folder should be")
    cache = BankCache(blocker / "cache")
    assert cache.load(bank).ok
    assert cache.load(bank).ok
    assert parses.calls == 2
    assert cache.cached_summary(bank) is None


def test_no_cache_directory_means_no_caching(tmp_path: Path, parses: CountingParser) -> None:
    bank = write(tmp_path / "nets.yaml", VALID)
    cache = BankCache(None)
    cache.load(bank)
    cache.load(bank)
    assert parses.calls == 2 and cache.cached_summary(bank) is None


def test_unreadable_paths_are_reported_not_cached(tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    assert cache.load(tmp_path / "gone.yaml").problems[0].message == "no such file"
    assert cache.load(tmp_path).problems[0].message == "is a folder, not a bank file"
    assert not (tmp_path / "cache").exists()


def test_progress_reaches_the_parser(tmp_path: Path) -> None:
    bank = write(tmp_path / "nets.yaml", VALID)
    seen: list[float] = []
    BankCache(tmp_path / "cache").load(bank, progress=seen.append)
    assert seen[-1] == 1.0


def test_listing_cached_banks_imports_neither_yaml_nor_the_loader(tmp_path: Path) -> None:
    # Start-up reads summaries only; the parser and YAML would cost a visible share of it.
    bank = write(tmp_path / "nets.yaml", VALID)
    BankCache(tmp_path / "cache").load(bank)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quizapp.core.bank.catalog import BankCache\n"
        "summary = BankCache(Path(sys.argv[1])).cached_summary(Path(sys.argv[2]))\n"
        "heavy = ('yaml', 'quizapp.core.bank.loader', 'quizapp.core.model')\n"
        "print(summary.question_count, [m for m in heavy if m in sys.modules])\n"
    )
    args = [sys.executable, "-c", code, str(tmp_path / "cache"), str(bank)]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "3 []"
