"""Finding bank files, summarising them, and caching validated banks so start-up stays fast.

An unchanged bank is never parsed twice. For each bank file the cache keeps a small JSON summary
(title, question count, topics, or the problems of a broken bank) and, for a valid bank, the
pickled `Bank`. Both are keyed on the file's absolute path, size and modification time, the
model's `FORMAT_VERSION` and quizapp's version. `BankCache.cached_summary` reads only the small
summary, so a list of banks shows at once; `BankCache.load` unpickles the bank when fresh, else
parses it.

The cache is an optimisation only: a corrupt cache file is ignored and rewritten, and a cache folder
that cannot be written silently turns caching off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import platformdirs

from quizapp import __version__
from quizapp.core.bank.files import dump_json, read_json, write_atomically
from quizapp.core.bank.problems import FORMAT_VERSION, MAX_BANK_BYTES, LoadResult, Problem

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class BankSummary:
    """What a list of banks shows about one bank file, without the questions themselves."""

    path: str
    id: str
    title: str
    description: str
    question_count: int
    topics: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when the bank is valid."""
        return not self.problems


def same_id(path: str | Path, bank_id: str, first: str | Path) -> Problem:
    """The problem of a bank whose id an earlier bank of the same run already has.

    Progress, results and item analysis are kept by bank id: two banks with one id would have
    their progress merged, so the second is refused instead, until it has an id of its own.
    """
    name = str(first)
    with contextlib.suppress(ValueError):  # another drive (Windows): the whole path
        relative = os.path.relpath(name)
        name = relative if len(relative) < len(name) else name
    message = f"bank id '{bank_id}' is also used by {name}; give this bank its own `id:`"
    return Problem(str(path), 0, 0, message)


def with_unique_ids(summaries: Sequence[BankSummary | None]) -> list[BankSummary | None]:
    """`summaries` (in the order the banks are listed) with every good bank whose id an earlier
    good bank has made broken by `same_id`; the others, and None (not read yet), as they are."""
    first: dict[str, str] = {}
    kept: list[BankSummary | None] = []
    for summary in summaries:
        if summary is not None and summary.ok:
            if summary.id in first:
                problem = same_id(summary.path, summary.id, first[summary.id])
                summary = replace(summary, problems=(problem,))
            else:
                first[summary.id] = summary.path
        kept.append(summary)
    return kept


def bundled_banks_dir() -> Path:
    """The folder of the banks that ship with quizapp.

    In a source checkout they are the top-level `questions/` folder, beside the package; an
    installed wheel carries them inside it, as `quizapp/questions` (see `setup.py`).
    """
    package = Path(__file__).resolve().parents[2]
    installed = package / "questions"
    return installed if installed.is_dir() else package.parent / "questions"


def default_cache_dir() -> Path:
    """Where banks are cached: `$QUIZAPP_CACHE_DIR`, else the user cache folder."""
    override = os.environ.get("QUIZAPP_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("quizapp"))


def find_bank_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Bank files named by `paths`: files as given, folders searched recursively for YAML files.

    A path that does not exist comes back as a `Problem`. Each file is listed once, in the order
    given (a folder's files sorted by name).
    """
    found: dict[Path, None] = {}
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = (p for p in path.rglob("*") if p.suffix.lower() in BANK_SUFFIXES)
            for file in sorted(p for p in inside if p.is_file() and not _hidden(p, path)):
                found.setdefault(file)
        elif path.exists():
            found.setdefault(path)
        else:
            problems.append(Problem(str(given), 0, 0, "no such file or folder"))
    return list(found), problems


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


def summarize(result: LoadResult) -> BankSummary:
    """The summary of a loaded bank (or of a broken one, with its problems)."""
    bank = result.bank
    if bank is None or result.problems:
        stem = Path(result.path).stem
        return BankSummary(result.path, stem, stem, "", 0, (), result.problems)
    return BankSummary(
        result.path, bank.id, bank.title, bank.description, len(bank.questions), bank.topics, ()
    )


class BankCache:
    """Validated banks and their summaries, stored in `directory` (None: no caching at all)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def cached_summary(self, path: Path) -> BankSummary | None:
        """The summary of the bank at `path` if the cache holds one for the file as it is now."""
        key = self._key(path)
        return None if key is None else self._summary(path, key)

    def load(self, path: Path, progress: Callable[[float], None] | None = None) -> LoadResult:
        """The bank at `path`: from the cache when fresh, else parsed (and then cached)."""
        # The loader, YAML and the pickled model are imported only when a bank is really read.
        from quizapp.core.bank.cachefiles import load_bank_pickle
        from quizapp.core.bank.loader import load_bank, parse_bank

        key = self._key(path)
        if key is None or key["size"] > MAX_BANK_BYTES:
            return load_bank(path, progress=progress)  # reports the problem; nothing to cache
        summary = self._summary(path, key)
        if summary is not None and summary.problems:
            return LoadResult(str(path), None, summary.problems)
        if summary is not None and self.directory is not None:
            bank = load_bank_pickle(self._file(path, ".pickle"), key)
            if bank is not None:
                return LoadResult(str(path), replace(bank, path=str(path)), ())
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return load_bank(path, progress=progress)  # a folder, unreadable...: not cached
        result = parse_bank(data, str(path), progress=progress)
        self._store(path, key, result)
        return result

    def _summary(self, path: Path, key: dict[str, Any]) -> BankSummary | None:
        if self.directory is None:
            return None
        stored = read_json(self._file(path, ".json"))
        if stored is None or stored.get("key") != key:
            return None
        try:
            return _summary_from_json(str(path), stored["summary"])
        except (KeyError, TypeError, ValueError):
            return None

    def _key(self, path: Path) -> dict[str, Any] | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return {
            "path": os.path.abspath(path),
            "size": info.st_size,
            "mtime_ns": info.st_mtime_ns,
            "format": FORMAT_VERSION,
            "quizapp": __version__,
        }

    def _file(self, path: Path, suffix: str) -> Path:
        assert self.directory is not None
        digest = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogatepass"))
        return self.directory / f"bank-{digest.hexdigest()[:32]}{suffix}"

    def _store(self, path: Path, key: dict[str, Any], result: LoadResult) -> None:
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if result.bank is not None:
                from quizapp.core.bank.cachefiles import dump_bank

                write_atomically(self._file(path, ".pickle"), dump_bank(key, result.bank))
            summary = _summary_to_json(summarize(result))
            write_atomically(self._file(path, ".json"), dump_json({"key": key, "summary": summary}))
        except OSError:
            self.directory = None  # cannot write here: carry on without a cache


def read_bank(
    cache: BankCache, path: Path, progress: Callable[[float], None] | None = None
) -> LoadResult:
    """`cache.load(path)`, with a file or cache that cannot be read as a problem, not an error."""
    try:
        return cache.load(path, progress)
    except OSError as error:
        problem = Problem(str(path), 0, 0, f"cannot read the bank: {error.strerror or error}")
        return LoadResult(str(path), None, (problem,))


def _summary_to_json(summary: BankSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "description": summary.description,
        "question_count": summary.question_count,
        "topics": list(summary.topics),
        "problems": [[p.line, p.column, p.message] for p in summary.problems],
    }


def _summary_from_json(path: str, data: dict[str, Any]) -> BankSummary:
    problems = tuple(
        Problem(path, int(ln), int(col), str(msg)) for ln, col, msg in data["problems"]
    )
    return BankSummary(
        path=path,
        id=str(data["id"]),
        title=str(data["title"]),
        description=str(data["description"]),
        question_count=int(data["question_count"]),
        topics=tuple(str(t) for t in data["topics"]),
        problems=problems,
    )
