"""The command line: `quizapp [BANK_OR_FOLDER ...]` opens the app; subcommands do the rest.

`quizapp validate [PATH ...]` checks banks, `quizapp schema` prints the JSON Schema of the bank
format, `quizapp lint` warns about weak questions, `quizapp import` / `quizapp export` turn
Moodle GIFT and XML, Aiken, CSV/TSV and Anki files into banks and back, `quizapp results export`
writes a student's saved answers for an instructor, `quizapp stats` analyses a class's answers
(which questions and distractors work), and `quizapp serve` serves the app to a class's browsers.
A word is a subcommand only when it is the very first argument, so a bank file that happens to be
called `validate` opens as `quizapp ./validate`.

Each subcommand is a module of this package with a `run(command, args, out, err)`; only the one
asked for is imported, and Textual only when the app is opened: the subcommands and `--help`
start fast. What they print passes through `streams.visible_output`: control characters from
banks, files and results are shown escaped, never sent to the terminal raw.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from quizapp.cli.streams import visible_output

__all__ = ["SUBCOMMANDS", "main"]

SUBCOMMANDS = ("validate", "schema", "lint", "import", "export", "results", "stats", "serve")


def main(argv: Sequence[str] | None = None) -> int:
    """Run quizapp with `argv` (default: the process arguments); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in SUBCOMMANDS:
        from quizapp.cli.open import cmd_open

        return cmd_open(args)
    with visible_output() as (out, err):
        return _run(args[0], args[1:], out, err)


def _run(command: str, rest: list[str], out: TextIO, err: TextIO) -> int:
    if command in ("validate", "schema"):
        from quizapp.cli import validate

        return validate.run(command, rest, out, err)
    if command == "lint":
        from quizapp.cli import lint

        return lint.run(command, rest, out, err)
    if command in ("import", "export"):
        from quizapp.cli import convert

        return convert.run(command, rest, out, err)
    if command == "results":
        from quizapp.cli import results

        return results.run(command, rest, out, err)
    if command == "serve":
        from quizapp.cli import serve

        return serve.run(command, rest, out, err)
    from quizapp.cli import stats

    return stats.run(command, rest, out, err)
