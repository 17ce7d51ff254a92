"""`quizapp results export`: a student's saved answers as CSV or JSON Lines, for an instructor.

Textual-free. Reads the progress store in the data folder (`--data-dir`, else `$QUIZAPP_DATA_DIR`,
else the user data folder) and writes every answer with its misconceptions; the format is
described in `quizapp.core.progress.export`. A file given with `-o` is replaced in one step, so a
failed export leaves what was there; `-o -` writes to standard output.

Exit status: 0 written (even when no answer matched), 1 nothing could be read or written (no
progress saved yet, an unreadable store, a folder that cannot be written), 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from quizapp.cli.args import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ParserExit, StreamParser
from quizapp.core.progress import (
    EXPORT_FORMATS,
    STORE_FILE,
    Store,
    StoreError,
    default_data_dir,
    export_answers,
    export_fields,
    open_store,
)

__all__ = ["cmd_results", "cmd_results_export"]

PROG = "quizapp results export"


def _since(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def _parser(out: TextIO, err: TextIO) -> StreamParser:
    parser = StreamParser(
        out,
        err,
        prog=PROG,
        description="Write every saved answer, with the misconceptions it revealed, for an "
        "instructor. Exit status: 0 written, 1 nothing to read or cannot write, 2 usage error.",
    )
    parser.add_argument(
        "--format",
        required=True,
        choices=(*EXPORT_FORMATS, "parquet"),
        help="csv, jsonl, or parquet (for a shared folder; needs -o FILE)",
    )
    parser.add_argument("--bank", metavar="ID", help="only the answers to this bank")
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", type=_since, help="only answers from this day on"
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="where to write ('-': stdout)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="where progress is kept (default: $QUIZAPP_DATA_DIR, else the user data folder)",
    )
    return parser


def cmd_results(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp results ACTION ...`: today the only action is `export`."""
    if args and args[0] == "export":
        return cmd_results_export(args[1:], out, err)
    if args and args[0] in ("-h", "--help"):
        out.write("usage: quizapp results export --format csv|jsonl -o FILE [options]\n")
        return EXIT_OK
    shown = f" {args[0]!r}" if args else ""
    err.write(f"quizapp results: unknown action{shown}; use: quizapp results export --help\n")
    return EXIT_USAGE


def cmd_results_export(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Export the saved answers as `args` (command-line words after `export`) say."""
    try:
        options = _parser(out, err).parse_args(list(args))
    except ParserExit as done:
        return done.status
    data_dir: Path = options.data_dir or default_data_dir()
    if not (data_dir / STORE_FILE).is_file():
        err.write(f"{PROG}: no progress saved in {data_dir} yet\n")
        return EXIT_FAILED
    if options.format == "parquet" and options.output == "-":
        err.write(f"{PROG}: Parquet is not text; give a file with -o\n")
        return EXIT_USAGE
    if options.output != "-" and _is_store(Path(options.output), data_dir):
        err.write(f"{PROG}: {options.output} is the progress store itself; choose another -o\n")
        return EXIT_USAGE
    opening = open_store(data_dir)
    with opening.store as store:
        if opening.warning:
            err.write(f"{PROG}: {opening.warning}\n")
            return EXIT_FAILED
        try:
            count = _write(store, options, out)
        except (OSError, StoreError, RuntimeError) as exc:
            err.write(f"{PROG}: cannot write {options.output}: {exc}\n")
            return EXIT_FAILED
    where = "standard output" if options.output == "-" else options.output
    err.write(f"{PROG}: wrote {count} answer{'s' * (count != 1)} to {where}\n")
    return EXIT_OK


def _is_store(target: Path, data_dir: Path) -> bool:
    store = (data_dir / STORE_FILE).resolve()
    return target.resolve().name.startswith(store.name) and target.resolve().parent == store.parent


def _write(store: Store, options: argparse.Namespace, out: TextIO) -> int:
    if options.format == "parquet":
        from quizapp.core.stats import write_results_parquet  # DuckDB: only for this format

        rows = export_fields(store, options.bank, options.since)
        return write_results_parquet(rows, Path(options.output))

    def export(stream: TextIO) -> int:
        return export_answers(store, options.format, stream, options.bank, options.since)

    if options.output == "-":
        return export(out)
    target = Path(options.output)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            count = export(stream)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return count


def run(command: str, args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp results ...` with `args` (the words after `results`)."""
    return cmd_results(args, out, err)
