"""The list of question banks on the home screen, and how one bank is described."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList

from quizapp.core.catalog import BankSummary

#: Longer lists of topics are only counted in the list (the detail pane names them all).
TOPICS_IN_ROW = 32


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def bank_row(path: Path, summary: BankSummary | None, marked: bool = False) -> Content:
    """Two lines for the list: the title, then the size and topics (or why it is broken).

    A bank `marked` for studying together with others starts with a check mark.
    """
    if summary is None:
        return Content.assemble((path.name, "bold"), "\n", ("loading…", "dim"))
    if not summary.ok:
        title = summary.title or path.name
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
    return Content.assemble(mark, (summary.title, "bold"), "\n", (details, "dim"))


def bank_details(path: Path, summary: BankSummary | None) -> Content:
    """The detail pane: everything known about one bank, problems included."""
    if summary is None:
        return Content.assemble((path.name, "bold"), "\n\n", str(path), "\n\nLoading…")
    title = summary.title or path.name
    parts: list[str | tuple[str, str] | Content] = [(title, "bold")]
    if str(path) != title:
        parts += ["\n", (str(path), "dim")]
    if summary.description:
        parts += ["\n\n", summary.description]
    if summary.ok:
        parts += ["\n\n", _plural(summary.question_count, "question")]
        if summary.topics:
            parts += ["\nTopics: ", ", ".join(summary.topics)]
        parts += [
            "\n\n",
            ("Enter sets up a session: practice, a mock exam or flashcards.", "dim"),
            "\n",
            ("Space marks banks to study together.", "dim"),
        ]
    else:
        count = _plural(len(summary.problems), "problem")
        parts += ["\n\n", (f"This bank is broken: {count}.", "bold $text-error"), "\n"]
        for problem in summary.problems:
            parts += ["\n", ("• ", "$text-error"), str(problem)]
        parts += ["\n\n", ("Fix the file, then check it with `quizapp validate`.", "dim")]
    return Content.assemble(*parts)


class BankList(OptionList):
    """The banks, one two-line option each; Enter (or a click) sets up a session on a bank."""

    BINDINGS = [Binding("enter", "select", "Set up session")]
