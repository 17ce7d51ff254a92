"""The instructor's live table: who is connected, how far each is, and the class's facility per
question as the answers come in.

The students come from two places: the server's seats (each tab's latest status) and the results
folder (everyone who answered, connected or not). The figures are `quizapp stats`' own: the
folder is read and analysed again (`quizapp.core.stats`) whenever a file in it changed, so the
table says what `quizapp stats DIR` would say at that moment. Bank and student text is data:
shown through Rich `Text`, never markup, with control characters escaped.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from quizapp.core.model import Bank
from quizapp.core.serving import results_file_name
from quizapp.core.stats import ItemAnalysis, analyse, find_results_files, read_all
from quizapp.server.service import Seat

#: Questions listed at most (the worst facility first); the rest are counted.
MAX_QUESTIONS = 12


def shown(text: str, width: int = 40) -> str:
    """`text` on one line, cut to `width`, with control and format characters escaped."""
    flat = " ".join(text.split())
    out = "".join(
        c if unicodedata.category(c)[0] != "C" else c.encode("unicode_escape").decode("ascii")
        for c in flat
    )
    return out if len(out) <= width else out[: max(0, width - 1)] + "…"


@dataclass(frozen=True, slots=True)
class Figures:
    """What the results folder says now."""

    analysis: ItemAnalysis | None
    saved: Mapping[str, int]
    """Answers in each student's file, by file name."""


def read_figures(results_dir: Path, banks: Mapping[str, Bank]) -> Figures:
    """Read and analyse every results file in `results_dir` (in a thread: it reads files)."""
    files, _missing = find_results_files([results_dir])
    read = read_all(files)
    saved = {Path(file.path).name: len(file.rows) for file in read.files}
    analysis = analyse(read.rows, banks) if read.rows else None
    return Figures(analysis, saved)


def folder_stamp(results_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when any results file changes: names, sizes and modification times."""
    stamp = []
    for path in sorted(results_dir.glob("*.jsonl")):
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def _progress(seat: Seat) -> str:
    status = seat.status
    if status.student is None:
        return "signing in"
    if status.mode is None:
        return "home"
    word = "submitted" if status.done and status.mode == "exam" else status.mode
    if status.done and status.mode != "exam":
        word = f"{status.mode}, done"
    return f"{word} {status.answered}/{status.total}"


def _file_of(student: str | None) -> str | None:
    try:
        return None if student is None else results_file_name(student)
    except ValueError:
        return None


def student_table(seats: Iterable[Seat], figures: Figures, now: float) -> Table:
    """One row per student: connected tabs first, then those who answered and left."""
    table = Table(title="Students", title_justify="left", expand=False, box=None, padding=(0, 1))
    for name in ("student", "from", "where", "saved", "for"):
        table.add_column(name, justify="right" if name in ("saved", "for") else "left")
    listed: set[str] = set()
    for seat in sorted(seats, key=lambda s: (s.status.student or "~", s.started)):
        student = seat.status.student
        file = _file_of(student)
        if file is not None:
            listed.add(file)
        minutes = f"{int((now - seat.started) // 60)} min"
        saved = str(figures.saved.get(file, 0)) if file else ""
        table.add_row(
            Text(shown(student or "-", 24)),
            Text(seat.address),
            Text(_progress(seat)),
            Text(saved),
            Text(minutes),
        )
    for file, count in sorted(figures.saved.items()):
        if file not in listed:
            table.add_row(Text(shown(file.removesuffix(".jsonl"), 24)), "", "left", str(count), "")
    return table


def question_table(analysis: ItemAnalysis | None) -> RenderableType:
    """The facility of each question answered so far, the hardest first."""
    if analysis is None or analysis.empty:
        return Text("No answers yet.", style="dim")
    table = Table(title="Questions", title_justify="left", box=None, padding=(0, 1))
    table.add_column("question")
    table.add_column("attempts", justify="right")
    table.add_column("facility", justify="right")
    ordered = sorted(analysis.questions, key=lambda q: (q.facility or 0.0, q.question_id))
    for stat in ordered[:MAX_QUESTIONS]:
        label = f"{stat.bank_id}/{stat.question_id}"
        if stat.prompt:
            label += f" {stat.prompt}"
        facility = "" if stat.facility is None else f"{stat.facility:.0f}%"
        table.add_row(Text(shown(label, 52)), str(stat.attempts), facility)
    hidden = len(ordered) - MAX_QUESTIONS
    if hidden > 0:
        table.add_row(Text(f"… and {hidden} more", style="dim"), "", "")
    return table


def board(header: str, seats: Iterable[Seat], figures: Figures) -> RenderableType:
    """The whole live table, under `header`."""
    seats = list(seats)
    return Group(
        Text(header),
        Text(f"{len(seats)} connected · Ctrl+C ends the session", style="dim"),
        student_table(seats, figures, time.monotonic()),
        question_table(figures.analysis),
    )
