"""What the command line prints passes through `VisibleStream`: control characters shown escaped.

Bank texts, file names, imported files and results files all reach the command line's messages
and tables, and any of them may hold an escape sequence or a bidirectional override. Rather than
trust every message to escape what it quotes, `main` hands each subcommand streams that write every
control character as `\\u001b` (`quizapp.core.visible`), so nothing quizapp prints can act on the
instructor's terminal, whatever its source. A carriage return that ends a line (CSV's `\\r\\n`) is
kept. JSON stays valid: the escapes are JSON's own.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from typing import TextIO, cast

from quizapp.core.visible import visible

__all__ = ["VisibleStream", "raw_stream", "visible_output"]


class VisibleStream(io.TextIOBase):
    """A text stream writing to `target` with every control character escaped."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target = target

    def write(self, text: str) -> int:
        """Write `text`, escaped; returns its length as given (as `write` does)."""
        self.target.write(visible(text, keep_crlf=True))
        return len(text)

    def flush(self) -> None:
        """Flush the stream written to."""
        self.target.flush()

    def isatty(self) -> bool:
        """Whether the stream written to is a terminal."""
        return self.target.isatty()

    def writable(self) -> bool:
        """Always: it is an output stream."""
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The encoding of the stream written to."""
        return getattr(self.target, "encoding", None) or "utf-8"


def raw_stream(stream: TextIO) -> TextIO:
    """The stream a visible stream writes to (else `stream`), for what quizapp draws itself on
    a terminal, such as a progress bar, whose carriage returns are the drawing; whoever draws
    there escapes the data it shows."""
    return stream.target if isinstance(stream, VisibleStream) else stream


@contextlib.contextmanager
def visible_output() -> Iterator[tuple[TextIO, TextIO]]:
    """`sys.stdout` and `sys.stderr` replaced by visible streams for the time of the block (so
    argparse's own messages are escaped too); yields the two."""
    out, err = sys.stdout, sys.stderr
    safe_out = cast(TextIO, VisibleStream(out))
    safe_err = cast(TextIO, VisibleStream(err))
    sys.stdout, sys.stderr = safe_out, safe_err
    try:
        yield safe_out, safe_err
    finally:
        sys.stdout, sys.stderr = out, err
