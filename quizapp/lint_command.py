"""`quizapp lint [PATH ...]`: quality warnings about banks, printed as a compiler prints them.

Textual-free, like `quizapp validate`, so it starts fast and can run in CI. A bank that does not
pass validation cannot be linted: its problems are printed instead and it counts as failing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quizapp.core.bank import load_bank
from quizapp.core.catalog import bundled_banks_dir, find_bank_files
from quizapp.core.lint import lint_bank

EXIT_CLEAN = 0
EXIT_WARNINGS = 1
EXIT_USAGE = 2


def cmd_lint(paths: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Lint bank files and folders (default: the bundled banks); print every warning.

    Warnings (and the problems of invalid banks) go to `out` as `path:line:column: CODE message`,
    then a count. Returns 0 when every bank is valid and clean, 1 when there is any warning or
    invalid bank, 2 when a path does not exist or there is no bank file to lint.
    """
    given: list[str | Path] = list(paths) if paths else [_shown(bundled_banks_dir())]
    files, missing = find_bank_files(given)
    for problem in missing:
        print(problem, file=err)
    if not files:
        print("quizapp lint: no bank files (.yaml, .yml) found", file=err)
        return EXIT_USAGE
    warned = invalid = warnings = problems = 0
    for file in files:
        result = load_bank(file)
        if result.bank is None or result.problems:
            invalid += 1
            problems += len(result.problems)
            for problem in result.problems:
                print(problem, file=out)
            continue
        found = lint_bank(result.bank, str(file))
        if found:
            warned += 1
            warnings += len(found)
            for warning in found:
                print(warning, file=out)
    clean = len(files) - warned - invalid
    summary = (
        f"{_plural(len(files), 'bank')} linted: {clean} clean, {warned} with warnings "
        f"({_plural(warnings, 'warning')})"
    )
    if invalid:
        summary += f"; {invalid} invalid, not linted ({_plural(problems, 'problem')})"
    print(summary, file=out)
    if missing:
        return EXIT_USAGE
    return EXIT_WARNINGS if warned or invalid else EXIT_CLEAN


def _shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, else absolute."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
