"""`quizapp validate [PATH ...]` and `quizapp schema`: check banks, print the bank format's schema.

Textual-free, so they start fast and can run in CI to check banks.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quizapp.cli.args import EXIT_FAILED, EXIT_OK, EXIT_USAGE, bank_paths, plural, shown
from quizapp.core.bank import bundled_banks_dir, find_bank_files, load_bank, same_id, schema_json

EXIT_INVALID = EXIT_FAILED


def cmd_validate(paths: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Check bank files and folders (default: the bundled banks); print every problem.

    Problems go to `out` as `path:line:column: message`, then a count of valid and invalid banks.
    Returns 0 when every bank is valid, 1 when any is not, 2 when a path does not exist or there
    is no bank file to check.
    """
    given: list[str | Path] = list(paths) if paths else [shown(bundled_banks_dir())]
    files, missing = find_bank_files(given)
    for problem in missing:
        print(problem, file=err)
    if not files:
        print("quizapp validate: no bank files (.yaml, .yml) found", file=err)
        return EXIT_USAGE
    invalid = 0
    count = 0
    first: dict[str, Path] = {}  # bank id -> the file that has it
    for file in files:
        result = load_bank(file)
        problems = result.problems
        if not problems and result.bank is not None:
            bank_id = result.bank.id
            if bank_id in first:
                problems = (same_id(shown(file), bank_id, shown(first[bank_id])),)
            first.setdefault(bank_id, file)
        if problems:
            invalid += 1
            count += len(problems)
            for problem in problems:
                print(problem, file=out)
    checked = len(files)
    print(
        f"{plural(checked, 'bank')} checked: {checked - invalid} valid, {invalid} invalid "
        f"({plural(count, 'problem')})",
        file=out,
    )
    if missing:
        return EXIT_USAGE
    return EXIT_INVALID if invalid else EXIT_OK


def cmd_schema(out: TextIO) -> int:
    """Print the JSON Schema of the bank format."""
    out.write(schema_json())
    return EXIT_OK


def run(command: str, args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp validate ...` or `quizapp schema` with `args` (the words after the command)."""
    if command == "schema":
        argparse.ArgumentParser(
            prog="quizapp schema", description="Print the JSON Schema of the bank format."
        ).parse_args(args)
        return cmd_schema(out)
    what = (
        "Check banks; print file:line:column: message for every problem. "
        "Exit status: 0 when every bank is valid, 1 when any is not, 2 on a usage error."
    )
    return cmd_validate(bank_paths("quizapp validate", what, args), out, err)
