"""`quizapp stats`: item analysis of a class's answers, as a table, JSON or CSV.

Textual-free. Reads results files exported by students (`quizapp results export`; CSV or JSON
Lines, files or folders of them), or with none given the local progress store (`--data-dir`, else
`$QUIZAPP_DATA_DIR`, else the user data folder). Banks, for choice texts, the key and misconception
summaries, come from `--banks` (files or folders; default: the bundled banks) through the bank
cache. The statistics are defined in `quizapp.core.stats.analysis`.

Bad rows are reported on stderr as `file:line: message` and skipped. Exit status: 0 analysed (even
when questions are flagged), 1 nothing to analyse or an input file that could not be read (the
other files are still analysed), 2 a usage error (a path that does not exist).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quizapp.cli.args import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ParserExit, StreamParser, shown
from quizapp.core.bank import BankCache, bundled_banks_dir, default_cache_dir, find_bank_files
from quizapp.core.progress import STORE_FILE, StoreError, default_data_dir, open_store
from quizapp.core.stats import (
    RESULTS_SUFFIXES,
    ResultRow,
    analyse,
    find_results_files,
    load_banks,
    read_all,
    render_table,
    rows_from_store,
    write_csv,
    write_json,
)

__all__ = ["cmd_stats"]

PROG = "quizapp stats"


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
        err.write(f"{PROG}: {path}: no such file or folder\n")
    if missing or missing_banks:
        return EXIT_USAGE
    if options.results:
        rows, status = _file_rows(result_files, options.results, err)
    else:
        rows, status = _store_rows(options.data_dir or default_data_dir(), options.bank, err)
    if rows is None:
        return status
    banks, invalid = load_banks(bank_files, BankCache(default_cache_dir()))
    for file in invalid:
        err.write(f"{PROG}: {shown(file)}: not a valid bank (see quizapp validate); "
                  "its questions are shown without texts\n")  # fmt: skip
    analysis = analyse(rows, banks, options.bank)
    if analysis.empty:
        which = f" to bank {options.bank!r}" if options.bank else ""
        err.write(f"{PROG}: no answers{which} to analyse\n")
        return EXIT_FAILED
    unknown = [bank_id for bank_id in analysis.banks if bank_id not in banks]
    if unknown:
        names = ", ".join(repr(bank_id) for bank_id in unknown)
        err.write(f"{PROG}: no bank {names} in --banks: choice texts and misconception summaries "
                  "are left out, and the key is taken from the scores\n")  # fmt: skip
    if options.json:
        write_json(analysis, out)
    elif options.csv:
        write_csv(analysis, out)
    else:
        out.write(render_table(analysis))
    return status


def _file_rows(
    files: Sequence[Path], given: Sequence[str], err: TextIO
) -> tuple[Sequence[ResultRow] | None, int]:
    """The rows of the results `files` (found in `given`), and the exit status so far: a file
    that cannot be read is reported and makes it 1, while the others are still analysed."""
    if not files:
        kinds = ", ".join(RESULTS_SUFFIXES)
        err.write(f"{PROG}: no results files ({kinds}) in {' '.join(given)}\n")
        return None, EXIT_FAILED
    read = read_all(files)
    for problem in read.problems:
        err.write(f"{problem}\n")
    if read.duplicates:
        err.write(
            f"{PROG}: {read.duplicates} answers were in more than one file; each counted once\n"
        )
    return read.rows, EXIT_FAILED if read.refused else EXIT_OK


def _store_rows(
    data_dir: Path, bank_id: str | None, err: TextIO
) -> tuple[Sequence[ResultRow] | None, int]:
    """Every answer in the progress store of `data_dir`; None (said on `err`) when unreadable."""
    if not (data_dir / STORE_FILE).is_file():
        err.write(f"{PROG}: no progress saved in {data_dir} yet, and no RESULTS files given\n")
        return None, EXIT_FAILED
    opening = open_store(data_dir)
    with opening.store as store:
        if opening.warning:
            err.write(f"{PROG}: {opening.warning}\n")
            return None, EXIT_FAILED
        try:
            return list(rows_from_store(store, bank_id)), EXIT_OK
        except StoreError as exc:
            err.write(f"{PROG}: {exc}\n")
            return None, EXIT_FAILED


def run(command: str, args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp stats ...` with `args` (the words after `stats`)."""
    return cmd_stats(args, out, err)
