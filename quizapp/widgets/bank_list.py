"""The list of question banks on the home screen, how one bank is described, and the header
with the student's totals."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizapp.core.bank import BankSummary, Problem
from quizapp.core.visible import visible

if TYPE_CHECKING:  # progress is counted in a worker: the first frame does not import it
    from quizapp.core.progress import BankProgress, HeldMisconception, Overview, Shelf

#: Longer lists of topics are only counted in the list (the detail pane names them all).
TOPICS_IN_ROW = 32


def shown_path(path: Path | str) -> str:
    """`path` as the student best reads it: relative to the working folder when that is shorter,
    control characters escaped (a file name is data too)."""
    text = str(path)
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive (Windows)
        relative = text
    return visible(relative if len(relative) < len(text) else text)


def problem_line(problem: Problem) -> str:
    """`12:5: message`: a problem of the bank in view (the pane already names its file)."""
    where = f"{problem.line}:{problem.column}: " if problem.line else ""
    return visible(where + problem.message)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def counts_line(counts: BankProgress) -> Content:
    """`3 due · 4 new · 2 learned`, the due count stressed when there is any."""
    due = (f"{counts.due:,} due", "bold $text-warning" if counts.due else "")
    return Content.assemble(due, f" · {counts.new:,} new · {counts.learned:,} learned")


def bank_row(
    path: Path,
    summary: BankSummary | None,
    marked: bool = False,
    counts: BankProgress | None = None,
) -> Content:
    """Two lines for the list: the title, then the size and topics (or why it is broken); a
    third with the cards due, new and learned once they are counted.

    A bank `marked` for studying together with others starts with a check mark.
    """
    if summary is None:
        return Content.assemble((visible(path.name), "bold"), "\n", ("loading…", "dim"))
    if not summary.ok:
        title = visible(summary.title or path.name)
        problems = _plural(len(summary.problems), "problem")
        return Content.assemble(
            ("⚠ ", "$text-error"),
            (title, "bold $text-error"),
            "\n",
            (f"broken: {problems}", "$text-error"),
        )
    details = _plural(summary.question_count, "question")
    topics = ", ".join(summary.topics)
    if len(topics) > TOPICS_IN_ROW:
        topics = _plural(len(summary.topics), "topic")  # the detail pane lists them all
    if topics:
        details += " · " + topics
    mark = ("✔ ", "bold $text-accent") if marked else ""
    row = Content.assemble(mark, (visible(summary.title), "bold"), "\n", (visible(details), "dim"))
    return row if counts is None else Content.assemble(row, "\n", counts_line(counts))


def _progress_parts(
    counts: BankProgress, held: Sequence[HeldMisconception]
) -> list[str | tuple[str, str] | Content]:
    """The detail pane's progress: the counts and mastery, then the misconceptions held, the
    count first, so that it is in sight at 80x24 even when the list below it is long."""
    parts: list[str | tuple[str, str] | Content] = [
        "\n\n",
        ("Your progress", "bold"),
        "\n",
        counts_line(counts),
        f" · {round(counts.mastery * 100)}% mastered",
        "\n",
    ]
    if not held:
        return [*parts, ("No misconceptions held here: nothing to unlearn.", "dim")]
    count = _plural(len(held), "misconception")
    parts += [("⚠ ", "$text-warning"), (f"{count} you still hold", "bold $text-warning")]
    parts.append((" · t targets them", "dim"))
    for entry in held:
        times = entry.history.times
        parts += [
            "\n",
            ("• ", "$text-warning"),
            (f"“{entry.misconception.summary}”", "bold"),
            (f"  ({times}×)" if times > 1 else "", "dim"),
            "\n",
            (entry.misconception.explanation, "dim"),
        ]
    return parts


def bank_details(
    path: Path,
    summary: BankSummary | None,
    counts: BankProgress | None = None,
    held: Sequence[HeldMisconception] | None = None,
) -> Content:
    """The detail pane: everything known about one bank, problems included, and the student's
    progress on it once counted (`counts`, the misconceptions `held`), which comes first."""
    if summary is None:
        name = visible(path.name)
        return Content.assemble((name, "bold"), "\n\n", shown_path(path), "\n\nLoading…")
    title = visible(summary.title or path.name)
    parts: list[str | tuple[str, str] | Content] = [(title, "bold")]
    if shown_path(path) != title:
        parts += ["\n", (shown_path(path), "dim")]
    if summary.ok:
        if counts is not None:
            parts += _progress_parts(counts, held or ())
        if summary.description:
            parts += ["\n\n", visible(summary.description)]
        parts += ["\n\n", _plural(summary.question_count, "question")]
        if summary.topics:
            parts += ["\nTopics: ", visible(", ".join(summary.topics))]
        parts += [
            "\n\n",
            ("Enter sets up a session: practice, a mock exam or flashcards.", "dim"),
            "\n",
            ("Space marks banks to study together.", "dim"),
        ]
    else:
        if summary.description:
            parts += ["\n\n", visible(summary.description)]
        count = _plural(len(summary.problems), "problem")
        parts += ["\n\n", (f"This bank is broken: {count}.", "bold $text-error"), "\n"]
        for problem in summary.problems:
            parts += ["\n", ("• ", "$text-error"), problem_line(problem)]
        parts += ["\n\n", ("Fix the file, then check it with `quizapp validate`.", "dim")]
    return Content.assemble(*parts)


def home_header(marked: int, overview: Overview | None, held: int, saving: bool = True) -> Content:
    """The home screen's header: what Enter does, the totals over every bank listed, and a
    warning when progress is not being saved."""
    parts: list[str | tuple[str, str]] = ["quizapp · "]
    if marked:
        parts.append(f"{_plural(marked, 'bank')} marked · Enter studies them together")
    else:
        parts.append("choose a question bank")
    if not saving:
        parts += [" · ", ("progress not saved", "$text-error")]
    if overview is not None and overview.counts:
        due, new, _ = overview.totals()
        parts.append(f" · {due:,} due · {new:,} new")
        if held:
            parts.append(f" · {_plural(held, 'misconception')} held")
    return Content.assemble(*parts)


class BankList(OptionList):
    """The banks, one two-line option each; Enter (or a click) sets up a session on a bank."""

    BINDINGS = [Binding("enter", "select", "Set up", tooltip="Set up a session")]

    def fill(self, shelf: Shelf) -> None:
        """List every bank of `shelf`, a rule between two (the rule is not an option)."""
        self.clear_options()
        options: list[Option | None] = []
        for path in shelf.files:
            options += [Option(shelf_row(shelf, path)), None]
        self.add_options(options[:-1])

    def redraw(self, shelf: Shelf, path: Path | None = None) -> None:
        """Draw the row of `path` again (None: every row) from what `shelf` knows now."""
        for index, each in enumerate(shelf.files):
            if path is None or each == path:
                self.replace_option_prompt_at_index(index, shelf_row(shelf, each))


def shelf_row(shelf: Shelf, path: Path) -> Content:
    """The row of the bank at `path`, from what `shelf` knows of it."""
    summary = shelf.summaries.get(path)
    return bank_row(path, summary, path in shelf.marked, shelf.counts_of(summary))


def no_banks(paths: Sequence[Path]) -> Content:
    """What the home screen says when `paths` hold no bank, and how to give it one."""
    where = ", ".join(shown_path(path) for path in paths) or "(nowhere)"
    return Content.assemble(
        ("No question banks found.", "bold"),
        f"\n\nquizapp looked for *.yaml and *.yml files in: {where}\n\n",
        "Open a bank file or a folder of banks:  quizapp path/to/bank.yaml\n",
        "Check a bank for mistakes:              quizapp validate path/to/bank.yaml\n\n",
        "The README describes the bank format.",
    )
