"""The command-line subcommands that need no terminal UI: `quizapp validate` and `quizapp schema`.

Textual-free, so they start fast and can run in CI to check banks.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quizapp.core.bank import load_bank
from quizapp.core.catalog import bundled_banks_dir, find_bank_files
from quizapp.core.schema import schema_json

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def cmd_validate(paths: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Check bank files and folders (default: the bundled banks); print every problem.

    Problems go to `out` as `path:line:column: message`, then a count of valid and invalid banks.
    Returns 0 when every bank is valid, 1 when any is not, 2 when a path does not exist or there
    is no bank file to check.
    """
    given: list[str | Path] = list(paths) if paths else [_shown(bundled_banks_dir())]
    files, missing = find_bank_files(given)
    for problem in missing:
        print(problem, file=err)
    if not files:
        print("quizapp validate: no bank files (.yaml, .yml) found", file=err)
        return EXIT_USAGE
    invalid = 0
    count = 0
    for file in files:
        result = load_bank(file)
        if result.problems:
            invalid += 1
            count += len(result.problems)
            for problem in result.problems:
                print(problem, file=out)
    checked = len(files)
    print(
        f"{_plural(checked, 'bank')} checked: {checked - invalid} valid, {invalid} invalid "
        f"({_plural(count, 'problem')})",
        file=out,
    )
    if missing:
        return EXIT_USAGE
    return EXIT_INVALID if invalid else EXIT_OK


def cmd_schema(out: TextIO) -> int:
    """Print the JSON Schema of the bank format."""
    out.write(schema_json())
    return EXIT_OK


def _shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, else absolute."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
