"""The instructor's screen: item analysis of the answers saved on this machine.

The same analysis as `quizapp stats` (`quizapp.core.stats`), read from the local progress store
in a worker: a table of the questions (attempts, facility, discrimination, flags); the highlighted
question's details (why it is flagged, a bar per choice, the misconceptions it revealed); and the
misconceptions with how many students hold each. `r` reads the answers again; Escape goes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.core.bank import BankCache
from quizapp.core.progress import Store, StoreError
from quizapp.core.stats import (
    ChoiceStat,
    Flag,
    ItemAnalysis,
    QuestionStat,
    discrimination_text,
    local_analysis,
    one_line,
)
from quizapp.widgets import Footer

#: The flags as the table's narrow column shows them (the details say them in full).
SHORT_FLAGS = {
    Flag.MISKEYED: "mis-keyed?",
    Flag.RARE: "rare",
    Flag.EDITED: "edited",
    Flag.NOT_IN_BANK: "gone",
}
#: Cells of a choice's bar at 100%.
BAR_WIDTH = 16
#: The widest question id the table shows before cutting it.
ID_WIDTH = 28

EMPTY_TEXT = (
    "No answers saved on this machine yet.\n\n"
    "Item analysis shows, for every question answered, how many got it right (facility), how "
    "well it tells strong students from weak ones (discrimination), how often each choice was "
    "picked, and which misconceptions the class holds. Study a bank to see it here, or analyse "
    "the results a class hands in (quizapp results export) with: quizapp stats FILES..."
)


def summary_text(analysis: ItemAnalysis) -> str:
    """`1 student · 7 attempts · 25 answers`."""
    parts = [
        _count(analysis.students, "student"),
        _count(analysis.attempts, "attempt"),
        _count(analysis.answers, "answer"),
    ]
    return " · ".join(parts)


def figures_line(stat: QuestionStat) -> Content:
    """`single · 6 attempts · facility 33.3% · discrimination -0.75 (over 6) · efficiency -0.88`."""
    parts = [stat.type or "type unknown", _count(stat.attempts, "attempt")]
    if stat.unanswered:
        parts.append(f"{stat.unanswered} left blank")
    if stat.facility is not None:
        parts.append(f"facility {stat.facility:.1f}%")
    over = f" (over {stat.discrimination_attempts})" if stat.discrimination is not None else ""
    parts.append(f"discrimination {discrimination_text(stat.discrimination)}{over}")
    if stat.efficiency is not None:
        parts.append(f"efficiency {stat.efficiency:.2f}")
    return Content.styled(" · ".join(parts), "$text-muted")


def choice_line(choice: ChoiceStat, text_width: int = 28) -> Content:
    """`*A Jupiter [bigger-is-closer]  ██░░░░░░░░░░░░░░   1  17%`: one choice's bar."""
    filled = round(BAR_WIDTH * choice.percent / 100)
    text = choice.text if choice.text is not None else "(not in the bank)"
    if choice.misconception:
        text = f"{' '.join(text.split())} [{choice.misconception}]"
    style = "$text-success" if choice.correct else "$text-error"
    parts: list[Content | str | tuple[str, str]] = [
        ("*" if choice.correct else " ", "bold $text-success"),
        (f"{choice.letter} ", "bold"),
        Content(f"{one_line(text, text_width):<{text_width}} "),
        ("█" * filled, style),
        ("░" * (BAR_WIDTH - filled), "$text-muted"),
        f" {choice.count:>3} {choice.percent:>3.0f}%",
    ]
    if choice.rare:
        parts.append((" rare", "bold $text-warning"))
    return Content.assemble(*parts)


def question_detail(stat: QuestionStat, analysis: ItemAnalysis, width: int = 76) -> Content:
    """Everything about one question: its figures, what needs a look, its choices, the
    misconceptions its answers revealed."""
    lines: list[Content] = []
    if stat.prompt:
        lines.append(Content.styled(" ".join(stat.prompt.split()), "bold"))
    lines.append(figures_line(stat))
    for reason in stat.miskey_reasons:
        lines.append(Content.assemble(("⚠ Looks mis-keyed: ", "bold $text-warning"), reason))
    for choice in stat.rare_distractors:
        lines.append(
            Content.assemble(
                ("⚠ Rare distractor: ", "bold $text-warning"),
                f"{choice.letter} picked by {choice.count} of {stat.answered}",
            )
        )
    if stat.edited:
        lines.append(
            Content.assemble(
                ("⚠ Edited: ", "bold $text-warning"),
                f"answered in {stat.versions} versions; the texts are the bank's current ones",
            )
        )
    if stat.in_bank is False:
        lines.append(Content.styled("⚠ No longer in its bank", "bold $text-warning"))
    if stat.choices:
        lines.append(Content.styled("Choices (* correct; % of those who answered)", "bold"))
        # The choice's text takes what the bar, the counts and a "rare" leave of the width.
        text_width = max(12, width - 3 - BAR_WIDTH - 10 - 5)
        lines += [choice_line(choice, text_width) for choice in stat.choices]
    summaries = {(m.bank_id, m.id): m.summary for m in analysis.misconceptions}
    for misconception_id, times in stat.misconceptions:
        summary = summaries.get((stat.bank_id, misconception_id))
        said = f": “{summary}”" if summary else ""
        lines.append(
            Content.assemble(
                ("Revealed ", "$text-muted"),
                (misconception_id, "bold"),
                f" ×{times}{said}",
            )
        )
    return Content("\n").join(lines)


def misconception_list(analysis: ItemAnalysis) -> Content:
    """Every misconception revealed: its holders, students, answers, words and questions."""
    if not analysis.misconceptions:
        return Content.styled("No answer revealed a misconception.", "$text-muted")
    lines: list[Content] = []
    for item in analysis.misconceptions:
        shows = ", ".join(f"{question} ({times})" for question, times in item.questions)
        lines.append(
            Content.assemble(
                (f"{_count(item.holders, 'holder')}", "bold $text-warning"),
                (f" of {_count(item.students, 'student')} · {item.times}× · ", "$text-muted"),
                (item.id, "bold"),
                "\n",
                Content(f"“{item.summary}”\n" if item.summary else ""),
                (f"in {shows}", "$text-muted"),
            )
        )
    return Content("\n\n").join(lines)


class InstructorScreen(Screen[None]):
    """Item analysis of the answers in `store` (else the progress file in `data_dir`), with the
    banks in `bank_paths` (read through `cache`) for the texts and the key."""

    CSS_PATH = "instructor.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS = [
        Binding("r", "reload", "Read again"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(
        self,
        bank_paths: Sequence[Path],
        cache: BankCache,
        *,
        store: Store | None = None,
        data_dir: Path | None = None,
    ) -> None:
        """The analysis is read in a worker once the screen is shown."""
        super().__init__()
        self.bank_paths = tuple(bank_paths)
        self.cache = cache
        self.store = store
        self.data_dir = data_dir
        self.analysis: ItemAnalysis | None = None
        """The analysis shown, once read (None before, or when there is nothing to analyse)."""

    def compose(self) -> ComposeResult:
        """Header; the empty state, or the questions, the details and the misconceptions."""
        yield Static(Content("Instructor · item analysis"), id="instructor-header")
        yield Static(Content.styled("Reading the answers…", "$text-muted"), id="instructor-empty")
        with Vertical(id="instructor-main"):
            table: DataTable[Text] = DataTable(id="instructor-questions", cursor_type="row")
            table.border_title = "Questions"
            yield table
            with VerticalScroll(id="instructor-detail") as detail:
                detail.border_title = "Question"
                yield Static(id="instructor-detail-text")
            with VerticalScroll(id="instructor-misconceptions") as box:
                box.border_title = "Misconceptions"
                yield Static(id="instructor-misconception-list")
        yield Footer()

    def on_mount(self) -> None:
        """Read the answers, off the message loop."""
        table = self.query_one("#instructor-questions", DataTable)
        table.add_column(Text("question"))
        table.add_column(Text("attempts", justify="right"))
        table.add_column(Text("facility", justify="right"))
        table.add_column(Text("discrim.", justify="right"))
        table.add_column(Text("flags"))
        self.query_one("#instructor-main").display = False
        self._read()

    def action_reload(self) -> None:
        """Read the answers again (more may have been saved meanwhile)."""
        self._read()

    def action_back(self) -> None:
        """Back to where the screen was opened from."""
        self.dismiss()

    @work(thread=True, exclusive=True, group="instructor-analysis")
    def _read(self) -> None:
        try:
            analysis = local_analysis(self.bank_paths, self.cache, self.store, self.data_dir)
        except StoreError as error:
            self.app.call_from_thread(self._show_message, f"The answers cannot be read: {error}")
            return
        self.app.call_from_thread(self._show, analysis)

    def _show_message(self, text: str) -> None:
        empty = self.query_one("#instructor-empty", Static)
        empty.update(Content(text))
        empty.display = True
        self.query_one("#instructor-main").display = False

    def _show(self, analysis: ItemAnalysis | None) -> None:
        """Fill the table and the misconceptions in; nothing analysed shows the empty state."""
        self.analysis = analysis if analysis is not None and not analysis.empty else None
        if self.analysis is None:
            self._show_message(EMPTY_TEXT)
            return
        analysis = self.analysis
        header = f"Instructor · item analysis · {summary_text(analysis)}"
        self.query_one("#instructor-header", Static).update(Content(header))
        self.query_one("#instructor-empty").display = False
        self.query_one("#instructor-main").display = True
        table = self.query_one("#instructor-questions", DataTable)
        table.clear()
        several = len(analysis.banks) > 1
        for index, stat in enumerate(analysis.questions):
            name = f"{stat.bank_id}/{stat.question_id}" if several else stat.question_id
            facility = "" if stat.facility is None else f"{stat.facility:.1f}%"
            flags = ", ".join(SHORT_FLAGS[flag] for flag in stat.flags)
            table.add_row(
                Text(one_line(name, ID_WIDTH)),
                Text(str(stat.attempts), justify="right"),
                Text(facility, justify="right"),
                Text(discrimination_text(stat.discrimination), justify="right"),
                Text(flags, style="bold yellow" if flags else ""),
                key=str(index),
            )
        self.query_one("#instructor-misconception-list", Static).update(
            misconception_list(analysis)
        )
        # With nothing to list, the panel gives its room to the details.
        self.query_one("#instructor-misconceptions").set_class(not analysis.misconceptions, "-none")
        self._detail(0)
        table.focus()

    def on_resize(self) -> None:
        """Choice texts take the room there is: draw the details again at the new width."""
        self.call_after_refresh(self._detail, self._highlighted_row())

    def _highlighted_row(self) -> int:
        return self.query_one("#instructor-questions", DataTable).cursor_row

    @on(DataTable.RowHighlighted, "#instructor-questions")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._detail(int(event.row_key.value))

    def _detail(self, index: int) -> None:
        analysis = self.analysis
        if analysis is None or not 0 <= index < len(analysis.questions):
            return
        stat = analysis.questions[index]
        name = (
            f"{stat.bank_id} / {stat.question_id}" if len(analysis.banks) > 1 else stat.question_id
        )
        self.query_one("#instructor-detail", VerticalScroll).border_title = name
        width = self.query_one("#instructor-detail", VerticalScroll).scrollable_content_region.width
        text = question_detail(stat, analysis, width or 76)
        self.query_one("#instructor-detail-text", Static).update(text)
        self.query_one("#instructor-detail", VerticalScroll).scroll_home(animate=False)


def _count(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
