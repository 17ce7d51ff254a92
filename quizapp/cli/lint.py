"""`quizapp lint [PATH ...]`: quality warnings about banks, printed as a compiler prints them.

Textual-free, like `quizapp validate`, so it starts fast and can run in CI. A bank that does not
pass validation cannot be linted: its problems are printed instead and it counts as failing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quizapp.cli.args import EXIT_FAILED, EXIT_OK, EXIT_USAGE, bank_paths, plural, shown
from quizapp.core.bank import bundled_banks_dir, find_bank_files, load_bank
from quizapp.core.lint import lint_bank

EXIT_CLEAN = EXIT_OK
EXIT_WARNINGS = EXIT_FAILED


def cmd_lint(paths: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Lint bank files and folders (default: the bundled banks); print every warning.

    Warnings (and the problems of invalid banks) go to `out` as `path:line:column: CODE message`,
    then a count. Returns 0 when every bank is valid and clean, 1 when there is any warning or
    invalid bank, 2 when a path does not exist or there is no bank file to lint.
    """
    given: list[str | Path] = list(paths) if paths else [shown(bundled_banks_dir())]
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
        f"{plural(len(files), 'bank')} linted: {clean} clean, {warned} with warnings "
        f"({plural(warnings, 'warning')})"
    )
    if invalid:
        summary += f"; {invalid} invalid, not linted ({plural(problems, 'problem')})"
    print(summary, file=out)
    if missing:
        return EXIT_USAGE
    return EXIT_WARNINGS if warned or invalid else EXIT_CLEAN


def run(command: str, args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp lint ...` with `args` (the words after `lint`)."""
    what = (
        "Warn about weak questions; print file:line:column: CODE message for each. "
        "Exit status: 0 when clean, 1 when there are warnings, 2 on a usage error."
    )
    return cmd_lint(bank_paths("quizapp lint", what, args), out, err)
