"""`quizapp serve`: a class session, the app served to every student's browser.

Textual-free, as every command module is: the arguments are read and checked here, then
`quizapp.server` (aiohttp and textual-serve) is imported to run the session. Exit status: 0 the
session ran and ended with Ctrl+C, 1 it could not start (no valid bank, a session the banks
cannot give, the port taken), 2 a usage error.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from quizapp.cli.args import EXIT_USAGE, ParserExit, StreamParser
from quizapp.core.serving import (
    SERVED_MODES,
    CodeError,
    check_code_choice,
    is_loopback,
    make_join_code,
)

__all__ = ["cmd_serve"]

PROG = "quizapp serve"


def _whole(least: int) -> argparse._ActionType:
    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = least - 1
        if value < least:
            raise argparse.ArgumentTypeError(f"expected a whole number, {least} or more")
        return value

    return read


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise argparse.ArgumentTypeError("expected minutes, 0 (untimed) or more")
    return value


def _parser(out: TextIO, err: TextIO) -> StreamParser:
    parser = StreamParser(
        out,
        err,
        prog=PROG,
        description="Serve the app to a class's browsers: each tab signs in, takes the session "
        "fixed here (or studies from the banks' home screen), and every answer is written to "
        "DIR/<student>.jsonl for `quizapp stats DIR`. The terminal shows the class live; "
        "Ctrl+C ends the session.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="BANK_OR_FOLDER", help="banks to serve (default: bundled)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only); any other needs a "
        "join code, made up when --code is not given",
    )
    parser.add_argument("--port", type=_whole(0), default=8000, help="default 8000")
    parser.add_argument(
        "--results",
        metavar="DIR",
        type=Path,
        help="folder of the students' results files (default: quizapp-class-YYYY-MM-DD here)",
    )
    parser.add_argument("--mode", choices=SERVED_MODES, help="the session every student takes")
    parser.add_argument("--count", metavar="N", type=_whole(1), help="questions in it")
    parser.add_argument(
        "--time", metavar="MIN", type=_minutes, help="the exam's time limit (0: untimed)"
    )
    parser.add_argument("--code", help="the join code students type or add to the address")
    parser.add_argument(
        "--max-sessions",
        metavar="N",
        type=_whole(1),
        help="tabs served at once; more are refused (default: from the memory available)",
    )
    return parser


def cmd_serve(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run `quizapp serve` with `args` (the words after `serve`); returns the exit status."""
    parser = _parser(out, err)
    try:
        options = parser.parse_args(list(args))
        code = _code(parser, options)
        if options.time is not None and options.mode != "exam":
            parser.error("--time is the time limit of an exam: give --mode exam too")
        if (options.count is not None) and options.mode is None:
            parser.error("--count needs --mode: the session whose questions it counts")
        missing = [path for path in options.paths if not Path(path).exists()]
        if missing:
            parser.error("no such file or folder: " + ", ".join(missing))
    except ParserExit as done:
        return done.status
    from quizapp.core.bank import bundled_banks_dir
    from quizapp.core.serving import (
        ServedConfig,
        available_memory,
        default_max_sessions,
    )

    results = (options.results or Path(f"quizapp-class-{date.today().isoformat()}")).resolve()
    try:
        results.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        err.write(f"{PROG}: cannot make the results folder {results}: {error.strerror}\n")
        return EXIT_USAGE
    from quizapp.server import serve_class

    config = ServedConfig(
        banks=tuple(str(Path(p).resolve()) for p in options.paths or [bundled_banks_dir()]),
        results_dir=str(results),
        mode=options.mode,
        count=options.count,
        time_limit=options.time,
        code_required=code is not None,
    )
    limit = options.max_sessions or default_max_sessions(available_memory())
    return serve_class(
        config,
        host=options.host,
        port=options.port,
        code=code,
        max_sessions=limit,
        out=out,
        err=err,
    )


def _code(parser: StreamParser, options: argparse.Namespace) -> str | None:
    """The join code: the one given, else a new one when the host is not this machine only."""
    if options.code is not None:
        try:
            return check_code_choice(options.code)
        except CodeError as error:
            parser.error(f"--code: {error}")
    return None if is_loopback(options.host) else make_join_code()


def run(command: str, args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`quizapp serve ...` with `args` (the words after `serve`)."""
    return cmd_serve(args, out, err)
