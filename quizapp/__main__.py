"""The command line: `quizapp [BANK_OR_FOLDER ...]` opens the app; subcommands do the rest.

`quizapp validate [PATH ...]` checks banks, `quizapp schema` prints the JSON Schema of the bank
format, `quizapp lint` warns about weak questions, `quizapp import` / `quizapp export` turn
Moodle GIFT, Aiken, CSV/TSV and Anki files into banks and back, `quizapp results export`
writes a student's saved answers for an instructor, and `quizapp stats` analyses a class's
answers (which questions and distractors work). A word is a subcommand only when it
is the very first argument, so a bank file that happens to be called `validate` opens as
`quizapp ./validate`.

Textual is imported only when the app is opened: the subcommands and `--help` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp import __version__
from quizapp.recording import DEFAULT_NEW_LIMIT

SUBCOMMANDS = ("validate", "schema", "lint", "import", "export", "results", "stats")
#: The formats `import --from` and `export --to` accept (`quizapp.core.formats.FORMAT_NAMES`).
FORMATS = ("gift", "aiken", "csv", "apkg")

USAGE = """\
quizapp [--data-dir DIR] [--new-limit N] [--cache-dir DIR] [BANK_OR_FOLDER ...]
       quizapp validate [PATH ...]
       quizapp lint [PATH ...]
       quizapp import FILE [-o OUT.yaml] [--from FORMAT] [--force]
       quizapp export BANK --to gift|aiken|csv|apkg [-o FILE] [--force]
       quizapp results export --format csv|jsonl [--bank ID] [--since YYYY-MM-DD] -o FILE
                              [--data-dir DIR]
       quizapp stats [RESULTS ...] [--bank ID] [--json | --csv] [--data-dir DIR]
                     [--banks PATH ...]
       quizapp schema
       quizapp --help | --version"""

DESCRIPTION = "A terminal exam-prep quiz and flashcard app that explains misconceptions."

EPILOG = """\
commands:
  validate [PATH ...]  check banks; prints file:line:column: message for every problem
                       (exit status 0 valid, 1 invalid, 2 usage error)
  lint [PATH ...]      warn about weak questions: file:line:column: CODE message
                       (exit status 0 clean, 1 warnings, 2 usage error)
  import FILE          turn a Moodle GIFT, Aiken, CSV/TSV or Anki (.apkg) file into a bank
                       (.yaml); lists what could not be carried over, then validates it
  export BANK --to F   write a bank as gift, aiken, csv or apkg
  results export       write every saved answer (with its misconceptions) as CSV or
                       JSON Lines, for an instructor; quizapp results export --help
  stats [RESULTS ...]  item analysis of a class's exported results (or of this machine's
                       answers): facility, discrimination, choice counts, rare distractors,
                       mis-keyed questions, misconceptions held; quizapp stats --help
  schema               print the JSON Schema of the bank format

With no BANK_OR_FOLDER the bundled banks are opened. To open a bank file named like a
command, give it a path: quizapp ./validate

Progress (every answer, the review schedule, the misconceptions held) is kept in
progress.sqlite3 in --data-dir, else $QUIZAPP_DATA_DIR, else the user data folder."""


def _new_limit(text: str) -> int:
    """A daily limit of new cards: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, not {text!r}")
    return value


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
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="where progress is kept (default: $QUIZAPP_DATA_DIR, else the user data folder)",
    )
    parser.add_argument(
        "--new-limit",
        metavar="N",
        type=_new_limit,
        help="new cards a 'Review due' session brings in per day (default: "
        f"$QUIZAPP_NEW_LIMIT, else {DEFAULT_NEW_LIMIT})",
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
    if command in ("validate", "lint"):
        what = (
            "Check banks; print file:line:column: message for every problem. "
            "Exit status: 0 when every bank is valid, 1 when any is not, 2 on a usage error."
            if command == "validate"
            else "Warn about weak questions; print file:line:column: CODE message for each. "
            "Exit status: 0 when clean, 1 when there are warnings, 2 on a usage error."
        )
        parser = argparse.ArgumentParser(prog=f"quizapp {command}", description=what)
        parser.add_argument(
            "paths", nargs="*", metavar="PATH", help="bank files or folders (default: bundled)"
        )
        return parser
    if command == "import":
        return _import_parser()
    if command == "export":
        return _export_parser()
    return argparse.ArgumentParser(
        prog="quizapp schema", description="Print the JSON Schema of the bank format."
    )


def _import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp import",
        description="Turn a Moodle GIFT, Aiken, CSV/TSV or Anki file into a quizapp bank (YAML). "
        "What cannot be carried over is listed as file:line: message; the bank written is then "
        "validated. Exit status: 0 imported, 1 nothing could be imported, 2 usage error.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.yaml",
        help="where to write the bank (default: FILE's name with .yaml, in this folder)",
    )
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"the file's format, one of {', '.join(FORMATS)} (default: from its extension "
        "and content)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT.yaml if it exists")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp export",
        description="Write a quizapp bank in another format; what the format cannot hold is "
        "listed as bank:line: message. Exit status: 0 exported, 1 invalid bank or nothing to "
        "export, 2 usage error.",
    )
    parser.add_argument("bank", metavar="BANK", help="the bank file (.yaml)")
    parser.add_argument(
        "--to", dest="target_format", required=True, choices=FORMATS, metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)}",
    )  # fmt: skip
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: BANK's name with the format's extension, here)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return parser


def _run_command(command: str, args: Sequence[str]) -> int:
    if command == "stats":
        from quizapp.stats_cli import cmd_stats

        return cmd_stats(args, sys.stdout, sys.stderr)
    if command == "results":
        from quizapp.results_cli import cmd_results

        return cmd_results(args, sys.stdout, sys.stderr)
    options = _command_parser(command).parse_args(args)
    if command in ("import", "export"):
        from quizapp import formats_cli

        if command == "import":
            return formats_cli.cmd_import(
                options.file,
                options.output,
                options.source_format,
                options.force,
                sys.stdout,
                sys.stderr,
            )
        return formats_cli.cmd_export(
            options.bank,
            options.target_format,
            options.output,
            options.force,
            sys.stdout,
            sys.stderr,
        )
    if command == "lint":
        try:
            from quizapp.lint_command import cmd_lint
        except ImportError as exc:
            print(f"quizapp lint: not available in this install ({exc})", file=sys.stderr)
            return 2
        return cmd_lint(options.paths, sys.stdout, sys.stderr)
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

    new_limit = options.new_limit
    if new_limit is None:
        try:
            new_limit = _new_limit(os.environ.get("QUIZAPP_NEW_LIMIT", str(DEFAULT_NEW_LIMIT)))
        except argparse.ArgumentTypeError as error:
            parser.error(f"QUIZAPP_NEW_LIMIT: {error}")
    cache_dir: Path = options.cache_dir or default_cache_dir()
    paths: list[Path] = options.paths or [bundled_banks_dir()]
    # Textual is heavy to import: only the command that opens the app pays for it.
    from quizapp.app import make_app

    app = make_app(paths, cache_dir, data_dir=options.data_dir, new_limit=new_limit)
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
