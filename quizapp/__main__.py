"""The command line: `quizapp [BANK_OR_FOLDER ...]` opens the app; subcommands do the rest.

`quizapp validate [PATH ...]` checks banks, `quizapp schema` prints the JSON Schema of the bank
format. A word is a subcommand only when it is the very first argument, so a bank file that
happens to be called `validate` opens as `quizapp ./validate`.

Textual is imported only when the app is opened: `validate`, `schema` and `--help` start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp import __version__

SUBCOMMANDS = ("validate", "schema")

USAGE = """\
quizapp [--cache-dir DIR] [BANK_OR_FOLDER ...]
       quizapp validate [PATH ...]
       quizapp schema
       quizapp --help | --version"""

DESCRIPTION = "A terminal exam-prep quiz and flashcard app that explains misconceptions."

EPILOG = """\
commands:
  validate [PATH ...]  check banks; prints file:line:column: message for every problem
                       (exit status 0 valid, 1 invalid, 2 usage error)
  schema               print the JSON Schema of the bank format

With no BANK_OR_FOLDER the bundled banks are opened. To open a bank file named like a
command, give it a path: quizapp ./validate"""


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        help="where validated banks are cached (default: $QUIZAPP_CACHE_DIR, "
        "else the user cache folder)",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="BANK_OR_FOLDER",
        type=Path,
        help="bank files (.yaml) or folders to search for them",
    )
    return parser


def _command_parser(command: str) -> argparse.ArgumentParser:
    if command == "validate":
        parser = argparse.ArgumentParser(
            prog="quizapp validate",
            description="Check banks; print file:line:column: message for every problem. "
            "Exit status: 0 when every bank is valid, 1 when any is not, 2 on a usage error.",
        )
        parser.add_argument(
            "paths", nargs="*", metavar="PATH", help="bank files or folders (default: bundled)"
        )
        return parser
    return argparse.ArgumentParser(
        prog="quizapp schema", description="Print the JSON Schema of the bank format."
    )


def _run_command(command: str, args: Sequence[str]) -> int:
    options = _command_parser(command).parse_args(args)
    from quizapp import commands

    if command == "validate":
        return commands.cmd_validate(options.paths, sys.stdout, sys.stderr)
    return commands.cmd_schema(sys.stdout)


def _open(args: Sequence[str]) -> int:
    parser = _open_parser()
    options = parser.parse_args(args)
    missing = [str(path) for path in options.paths if not path.exists()]
    if missing:
        parser.error("no such file or folder: " + ", ".join(missing))
    from quizapp.core.catalog import bundled_banks_dir, default_cache_dir

    cache_dir: Path = options.cache_dir or default_cache_dir()
    paths: list[Path] = options.paths or [bundled_banks_dir()]
    # Textual is heavy to import: only the command that opens the app pays for it.
    from quizapp.app import make_app

    app = make_app(paths, cache_dir)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run quizapp with `argv` (default: the process arguments); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return _run_command(args[0], args[1:])
    return _open(args)


if __name__ == "__main__":
    sys.exit(main())
