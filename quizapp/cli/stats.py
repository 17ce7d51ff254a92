"""`quizapp stats`: item analysis of a class's answers (or, `--students`, its gradebook), as a
table, JSON, CSV or Parquet.

Textual-free. Reads results files exported by students (`quizapp results export`; CSV, JSON
Lines or Parquet, files or folders of them) with DuckDB, or with none given the local progress
store (`--data-dir`, else `$QUIZAPP_DATA_DIR`, else the user data folder). Banks, for choice texts,
the key, misconception summaries and topics, come from `--banks` (files or folders; default: the
bundled banks) through the bank cache. The statistics are defined in
`quizapp.core.stats.analysis`; the gradebook in `quizapp.core.stats.grades`. Long steps draw a
progress bar on stderr when it is a terminal; `--memory-limit` bounds DuckDB's memory.

Bad rows are reported on stderr as `file:line: message` and skipped. Exit status: 0 analysed (even
when questions are flagged), 1 nothing to analyse or an input file that could not be read (the
other files are still analysed), 2 a usage error (a path that does not exist).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quizapp.cli.args import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ParserExit, StreamParser, shown
from quizapp.cli.streams import raw_stream
from quizapp.core.bank import BankCache, bundled_banks_dir, default_cache_dir, find_bank_files
from quizapp.core.model import Bank
from quizapp.core.progress import STORE_FILE, StoreError, default_data_dir, open_store
from quizapp.core.stats import (
    DEFAULT_MIN_STUDENTS,
    MEMORY_SHARE,
    RESULTS_SUFFIXES,
    Connection,
    analyse_loaded,
    connect,
    escaped,
    find_results_files,
    gradebook,
    load_banks,
    load_files,
    load_rows,
    parse_memory_limit,
    prepare,
    read_identities,
    render_grades,
    render_table,
    rows_from_store,
    write_csv,
    write_grades_csv,
    write_grades_json,
    write_grades_parquet,
    write_json,
    write_moodle_csv,
    write_parquet,
)

__all__ = ["cmd_stats"]

PROG = "quizapp stats"


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, not {text!r}")
    return value


def _size(text: str) -> int:
    try:
        return parse_memory_limit(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser(out: TextIO, err: TextIO) -> StreamParser:
    parser = StreamParser(
        out,
        err,
        prog=PROG,
        description="Item analysis of a class's answers: per question attempts, facility, "
        "discrimination, choice counts, rare distractors and signs of a mis-key; per "
        "misconception the students who hold it. Exit status: 0 analysed, 1 nothing to analyse "
        "or an unreadable file, 2 usage error.",
    )
    parser.add_argument(
        "results",
        nargs="*",
        metavar="RESULTS",
        help="results files (.csv, .jsonl) or folders of them, as `quizapp results export` "
        "writes them (default: the local progress store)",
    )
    parser.add_argument("--bank", metavar="ID", help="only the answers to this bank")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="write JSON instead of a table")
    output.add_argument("--csv", action="store_true", help="write CSV instead of a table")
    output.add_argument(
        "--parquet", metavar="FILE", help="write the CSV's rows as a Parquet file instead"
    )
    output.add_argument(
        "--moodle",
        action="store_true",
        help="with --students: CSV for Moodle's gradebook import (an identifier column, one "
        "grade column per bank and mode)",
    )
    parser.add_argument(
        "--students",
        action="store_true",
        help="the gradebook instead of the item analysis: one row per student and attempt "
        "(identifier, bank, mode, date, score, score per topic, time taken)",
    )
    parser.add_argument(
        "--identities",
        metavar="FILE",
        type=Path,
        help="with --students: a CSV whose first column is the install_id and second the "
        "identifier to give instead (an email address or idnumber, as Moodle maps users)",
    )
    parser.add_argument(
        "--min-students",
        metavar="N",
        type=_count,
        default=DEFAULT_MIN_STUDENTS,
        help="students a question needs before a distractor is called rare or a mis-key is "
        f"more than a hint (default {DEFAULT_MIN_STUDENTS})",
    )
    parser.add_argument(
        "--memory-limit",
        metavar="SIZE",
        type=_size,
        help="memory DuckDB may use before it spills to disk, e.g. 2GB (default "
        f"{round(MEMORY_SHARE * 100)}%% of this machine's)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="where progress is kept, when no RESULTS are given (default: $QUIZAPP_DATA_DIR, "
        "else the user data folder)",
    )
    parser.add_argument(
        "--banks",
        nargs="+",
        action="extend",
        metavar="PATH",
        help="bank files or folders, for choice texts, the key and misconception summaries "
        "(default: the bundled banks); give RESULTS before it",
    )
    return parser


def cmd_stats(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run `quizapp stats` with `args` (the words after `stats`); returns the exit status."""
    try:
        options = _parser(out, err).parse_args(list(args))
    except ParserExit as done:
        return done.status
    bank_files, missing_banks = find_bank_files(options.banks or [bundled_banks_dir()])
    result_files, missing = find_results_files(options.results)
    for path in [*(problem.path for problem in missing_banks), *missing]:
        err.write(f"{PROG}: {escaped(str(path))}: no such file or folder\n")
    if missing or missing_banks:
        return EXIT_USAGE
    # The bar is drawn on the terminal itself (its carriage returns are the drawing; its label
    # is escaped where it is drawn); every message still goes through `err`.
    with connect(options.memory_limit, raw_stream(err)) as con:
        if options.results:
            status = _file_rows(con, result_files, options.results, err)
        else:
            status = _store_rows(con, options.data_dir or default_data_dir(), options.bank, err)
        if status is None:
            return EXIT_FAILED
        good, answers = prepare(con, options.bank)
        if good > answers:
            err.write(f"{PROG}: {good - answers} answers were in more than one file; "
                      "each counted once\n")  # fmt: skip
        banks, invalid = load_banks(bank_files, BankCache(default_cache_dir()))
        for file in invalid:
            err.write(f"{PROG}: {escaped(shown(file))}: not a valid bank (see quizapp validate); "
                      "its questions are shown without texts\n")  # fmt: skip
        if options.students:
            return _grades(con, banks, options, out, err, status)
        analysis = analyse_loaded(con, banks, options.min_students)
    if analysis.empty:
        which = f" to bank {escaped(repr(options.bank))}" if options.bank else ""
        err.write(f"{PROG}: no answers{which} to analyse\n")
        return EXIT_FAILED
    unknown = [bank_id for bank_id in analysis.banks if bank_id not in banks]
    if unknown:
        names = ", ".join(escaped(repr(bank_id)) for bank_id in unknown)
        err.write(f"{PROG}: no bank {names} in --banks: choice texts and misconception summaries "
                  "are left out, and the key is taken from the scores\n")  # fmt: skip
    if options.json:
        write_json(analysis, out)
    elif options.csv:
        write_csv(analysis, out)
    elif options.parquet:
        count = write_parquet(analysis, Path(options.parquet), options.memory_limit)
        err.write(f"{PROG}: wrote {count} rows to {escaped(options.parquet)}\n")
    else:
        out.write(render_table(analysis))
    return status


def _grades(
    con: Connection,
    banks: dict[str, Bank],
    options: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    status: int,
) -> int:
    """`--students`: the gradebook of the answers read, one row per student and attempt."""
    try:
        names = read_identities(options.identities) if options.identities else {}
    except (OSError, ValueError) as exc:
        err.write(f"{PROG}: {escaped(str(options.identities))}: {escaped(str(exc))}\n")
        return EXIT_USAGE
    book = gradebook(con, banks, names)
    if not book.attempts:
        err.write(f"{PROG}: no answers to grade\n")
        return EXIT_FAILED
    if options.json:
        write_grades_json(book, out)
    elif options.csv:
        write_grades_csv(book, out)
    elif options.moodle:
        write_moodle_csv(book, out)
    elif options.parquet:
        count = write_grades_parquet(book, Path(options.parquet), options.memory_limit)
        err.write(f"{PROG}: wrote {count} rows to {escaped(options.parquet)}\n")
    else:
        out.write(render_grades(book))
    missing = book.unnamed
    if names and missing:
        err.write(f"{PROG}: {len(missing)} students are not in {escaped(str(options.identities))}; "
                  "their install_id is given instead\n")  # fmt: skip
    return status


def _file_rows(
    con: Connection, files: Sequence[Path], given: Sequence[str], err: TextIO
) -> int | None:
    """Read the results `files` (found in `given`) into `con`; the exit status so far (a file
    that cannot be read is reported and makes it 1, while the others are still analysed)."""
    if not files:
        kinds = ", ".join(RESULTS_SUFFIXES)
        err.write(f"{PROG}: no results files ({kinds}) in {escaped(' '.join(given))}\n")
        return None
    loaded = load_files(con, files)
    for problem in loaded.problems:
        err.write(f"{escaped(str(problem))}\n")
    return EXIT_FAILED if loaded.refused else EXIT_OK


def _store_rows(con: Connection, data_dir: Path, bank_id: str | None, err: TextIO) -> int | None:
    """Every answer in the progress store of `data_dir`, into `con`; None (said) if unreadable."""
    if not (data_dir / STORE_FILE).is_file():
        err.write(f"{PROG}: no progress saved in {escaped(str(data_dir))} yet, and no RESULTS "
                  "files given\n")  # fmt: skip
        return None
    opening = open_store(data_dir)
    with opening.store as store:
        if opening.warning:
            err.write(f"{PROG}: {escaped(opening.warning)}\n")
            return None
        try:
            load_rows(con, rows_from_store(store, bank_id))
        except StoreError as exc:
            err.write(f"{PROG}: {escaped(str(exc))}\n")
            return None
    return EXIT_OK


def run(command: str, args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp stats ...` with `args` (the words after `stats`)."""
    return cmd_stats(args, out, err)
