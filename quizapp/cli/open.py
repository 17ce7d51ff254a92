"""`quizapp [BANK_OR_FOLDER ...]`: open the app on banks (default: the bundled ones).

Textual is imported only here, and only once the arguments are known to be good, so every other
command and `--help` start fast.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from quizapp import __version__
from quizapp.cli.streams import visible_output
from quizapp.core.progress import DEFAULT_NEW_LIMIT

USAGE = """\
quizapp [--data-dir DIR] [--new-limit N] [--cache-dir DIR] [BANK_OR_FOLDER ...]
       quizapp validate [PATH ...]
       quizapp lint [PATH ...]
       quizapp import FILE [-o OUT.yaml] [--from FORMAT] [--media DIR] [--force]
       quizapp export BANK --to gift|aiken|csv|apkg|moodlexml [-o FILE] [--force]
       quizapp results export --format csv|jsonl [--bank ID] [--since YYYY-MM-DD] -o FILE
                              [--data-dir DIR]
       quizapp stats [RESULTS ...] [--bank ID] [--json | --csv] [--data-dir DIR]
                     [--banks PATH ...]
       quizapp serve [BANK_OR_FOLDER ...] [--host 127.0.0.1] [--port 8000] [--results DIR]
                     [--mode practice|exam|flashcards] [--count N] [--time MIN]
                     [--code CODE] [--max-sessions N]
       quizapp schema
       quizapp --help | --version"""

DESCRIPTION = "A terminal exam-prep quiz and flashcard app that explains misconceptions."

EPILOG = """\
commands:
  validate [PATH ...]  check banks; prints file:line:column: message for every problem
                       (exit status 0 valid, 1 invalid, 2 usage error)
  lint [PATH ...]      warn about weak questions: file:line:column: CODE message
                       (exit status 0 clean, 1 warnings, 2 usage error)
  import FILE          turn a Moodle GIFT or XML, Aiken, CSV/TSV or Anki (.apkg) file into a
                       bank (.yaml); lists what could not be carried over, then validates it;
                       --media DIR saves the images a Moodle XML file embeds
  export BANK --to F   write a bank as gift, aiken, csv, apkg or moodlexml
  results export       write every saved answer (with its misconceptions) as CSV or
                       JSON Lines, for an instructor; quizapp results export --help
  stats [RESULTS ...]  item analysis of a class's exported results (or of this machine's
                       answers): facility, discrimination, choice counts, rare distractors,
                       mis-keyed questions, misconceptions held; quizapp stats --help
  serve [BANK ...]     a class session: the app served to the students' browsers, each
                       answer written to DIR/<student>.jsonl for quizapp stats DIR, the
                       class shown live here; quizapp serve --help
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


def open_parser() -> argparse.ArgumentParser:
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


def cmd_open(args: Sequence[str]) -> int:
    """Open the app as `args` (the command line) say; returns the exit status."""
    # Help, usage errors and bad paths print with control characters escaped; the app itself
    # draws on the real terminal (and escapes what it shows from banks and files).
    with visible_output():
        options, new_limit = _options(args)
    from quizapp.core.bank import bundled_banks_dir, default_cache_dir

    cache_dir: Path = options.cache_dir or default_cache_dir()
    paths: list[Path] = options.paths or [bundled_banks_dir()]
    # Textual is heavy to import: only the command that opens the app pays for it.
    from quizapp.app import make_app

    app = make_app(paths, cache_dir, data_dir=options.data_dir, new_limit=new_limit)
    app.run()
    return app.return_code or 0


def _options(args: Sequence[str]) -> tuple[argparse.Namespace, int]:
    """The parsed command line and the daily new-card limit (argparse exits on a bad one)."""
    parser = open_parser()
    options = parser.parse_args(args)
    missing = [str(path) for path in options.paths if not path.exists()]
    if missing:
        parser.error("no such file or folder: " + ", ".join(missing))
    new_limit: int | None = options.new_limit
    if new_limit is None:
        try:
            new_limit = _new_limit(os.environ.get("QUIZAPP_NEW_LIMIT", str(DEFAULT_NEW_LIMIT)))
        except argparse.ArgumentTypeError as error:
            parser.error(f"QUIZAPP_NEW_LIMIT: {error}")
    return options, new_limit
