"""What every subcommand shares: exit statuses, argument parsing, and how paths and counts read.

`StreamParser` is argparse writing to the streams it is given and raising `ParserExit` instead of
calling `sys.exit`, so each command returns its exit code and tests capture what it prints.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class ParserExit(Exception):
    """Raised where argparse would exit; `status` is the exit code."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class StreamParser(argparse.ArgumentParser):
    """argparse writing to the given streams and returning instead of exiting."""

    def __init__(self, out: TextIO, err: TextIO, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.out, self.err = out, err

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        super().print_help(file or self.out)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.err.write(message)
        raise ParserExit(status)

    def error(self, message: str) -> NoReturn:
        self.print_usage(self.err)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def bank_paths(prog: str, description: str, args: Sequence[str]) -> list[str]:
    """The PATH arguments of a command that reads banks (`validate`, `lint`), as argparse parses
    them (`--help` and usage errors exit as argparse does)."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="bank files or folders (default: bundled)"
    )
    paths: list[str] = parser.parse_args(args).paths
    return paths


def shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, else absolute."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return str(path) if relative.startswith("..") else relative


def plural(count: int, word: str) -> str:
    """`1 bank`, `2 banks`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
