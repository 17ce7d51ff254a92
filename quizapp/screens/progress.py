"""The progress screen: where the student stands on one bank, and how they got there.

Per bank: mastery (the share of its questions whose predicted recall is at least 90%), the cards
due, new and learned, accuracy and reviews per day over the last 30 days, the reviews falling due
over the next 14, and every misconception ever fallen for (how often, when last, held or
overcome), and the cards set aside (suspended or buried), which `a` lists to restore. ←/→ move
between the banks of the home screen's list. The figures come from
`quizapp.core.progress.views.bank_report`, read in a worker; this screen only draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quizapp.core.model import Bank
from quizapp.core.progress import (
    ACCURACY_DAYS,
    FORECAST_DAYS,
    BankReport,
    Recorder,
    StoreError,
    bank_report,
    local_day,
)
from quizapp.widgets import (
    AsideDialog,
    Chart,
    Footer,
    accuracy_chart,
    aside_line,
    count_chart,
    day_label,
)

#: The mastery bar's width in cells.
BAR_WIDTH = 20


def mastery_line(report: BankReport) -> Content:
    """`Mastery  45%  █████████░░░░░░░░░░░  4 of 9 questions recalled at 90% or more`."""
    progress = report.progress
    filled = round(progress.mastery * BAR_WIDTH)
    return Content.assemble(
        ("Mastery ", "bold"),
        (f"{round(progress.mastery * 100):>3}%  ", "bold"),
        ("█" * filled, "$text-success"),
        ("░" * (BAR_WIDTH - filled), "$text-muted"),
        f"  {report.mastered:,} of {progress.total:,} question{'s' * (progress.total != 1)}"
        " recalled at 90% or more",
    )


def counts_text(report: BankReport) -> Content:
    """`3 due now · 4 new · 2 learned · 1 set aside · 14 answers in all`."""
    progress = report.progress
    answers = "1 answer" if report.answered == 1 else f"{report.answered:,} answers"
    aside = f" · {progress.set_aside:,} set aside" if progress.set_aside else ""
    return Content(
        f"{progress.due:,} due now · {progress.new:,} new · {progress.learned:,} learned"
        f"{aside} · {answers} in all"
    )


def misconception_lines(report: BankReport, today: date, recorder: Recorder) -> Content:
    """Every misconception fallen for: held or overcome, how often, when last (the student's
    day: `today`, `3 Mar`), its words."""
    if not report.misconceptions:
        return Content.styled("No misconception fallen for yet in this bank.", "dim")
    lines: list[Content] = []
    for entry in report.misconceptions:
        history = entry.history

        last = day_label(local_day(history.last, recorder.tz), today)
        if history.overcome:
            state = ("✔ overcome", "bold $text-success")
            since = ""
        else:
            state = ("⚠ held", "bold $text-warning")
            days = history.declined_days
            # Declined on OVERCOME_DAYS different days overcomes it: say how far along it is.
            since = f" · avoided on {days} day{'s' * (days != 1)} since" if days else ""
        lines.append(
            Content.assemble(
                state,
                (f" · {history.times}× · last {last}{since}", "dim"),
                "\n",
                f"“{entry.misconception.summary}”",
            )
        )
    return Content("\n").join(lines)


class ProgressScreen(Screen[None]):
    """The progress on each of `paths` (titled `titles`), starting with `paths[start]`."""

    CSS_PATH = "progress.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal")]

    BINDINGS = [
        Binding("left", "bank(-1)", "Previous bank", key_display="←", priority=True),
        Binding("right", "bank(1)", "Next bank", key_display="→", priority=True),
        Binding("a", "aside", "Set aside", tooltip="Cards set aside: restore one"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(
        self,
        paths: Sequence[Path],
        titles: Sequence[str],
        start: int,
        load: Callable[[Path], Bank | None],
        recorder: Recorder,
    ) -> None:
        """Banks read with `load` (in a worker); progress from `recorder`'s store and clock."""
        super().__init__()
        self.paths = tuple(paths)
        self.titles = tuple(titles)
        self.index = start
        self.load = load
        self.recorder = recorder
        self.reports: dict[int, BankReport] = {}
        """The figures of each bank shown so far, by position."""

    def compose(self) -> ComposeResult:
        """Header; mastery and counts; the empty state or the charts and misconceptions."""
        yield Static(id="progress-header", classes="screen-header")
        with VerticalScroll(id="progress-body"):
            yield Static(id="progress-mastery")
            yield Static(id="progress-counts")
            yield Static(id="progress-empty")
            with Grid(id="progress-grid"):
                yield Chart(f"Accuracy · last {ACCURACY_DAYS} days", id="chart-accuracy")
                yield Chart(f"Reviews · last {ACCURACY_DAYS} days", id="chart-reviews")
                yield Chart(f"Reviews due · next {FORECAST_DAYS} days", id="chart-forecast")
                with VerticalScroll(id="progress-misconceptions") as box:
                    box.border_title = "Misconceptions fallen for"
                    yield Static(id="progress-misconception-list")
        yield Footer()

    def on_mount(self) -> None:
        """Show the first bank; the arrow keys scroll when the screen is too small for it all."""
        self.query_one("#progress-body").focus()
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Moving between banks needs another bank."""
        if action == "bank":
            return len(self.paths) > 1
        if action == "aside":
            report = self.reports.get(self.index)
            return report is not None and bool(report.set_aside)
        return True

    def action_aside(self) -> None:
        """List the bank's cards set aside; the one chosen is restored and the bank recounted."""
        report = self.reports.get(self.index)
        if report is None or not report.set_aside:
            return

        def chosen(key: tuple[str, str] | None) -> None:
            if key is None:
                return
            try:
                self.recorder.restore(key)
            except StoreError as error:
                self.notify(str(error), title="Progress", severity="error", markup=False)
                return
            self.notify("Restored: it comes due again as scheduled.", title="Set aside", timeout=4)
            self.reports.pop(self.index, None)
            self._show()

        self.app.push_screen(AsideDialog(report.bank, report.set_aside), chosen)

    def action_bank(self, step: int) -> None:
        """The previous (-1) or next (1) bank, round the list."""
        self.index = (self.index + step) % len(self.paths)
        self._show()

    def action_back(self) -> None:
        """Back to the list of banks."""
        self.dismiss()

    def _show(self) -> None:
        title = self.titles[self.index]
        where = f" · bank {self.index + 1} of {len(self.paths)}" if len(self.paths) > 1 else ""
        self.query_one("#progress-header", Static).update(Content(f"Progress · {title}{where}"))
        report = self.reports.get(self.index)
        if report is not None:
            self._draw(report)
            return
        self.query_one("#progress-mastery", Static).update(Content.styled("Counting…", "dim"))
        self._count(self.index)

    @work(thread=True, exclusive=True, group="progress-report")
    def _count(self, index: int) -> None:
        """Read the bank and its figures, off the message loop."""
        recorder = self.recorder
        bank = self.load(self.paths[index])
        try:
            if recorder.store is None or bank is None:
                raise StoreError("the bank or the progress store cannot be read")
            report = bank_report(recorder.store, bank, recorder.now(), recorder.tz)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._counted, index, report)

    def _failed(self, message: str) -> None:
        self.query_one("#progress-mastery", Static).update(Content(message))

    def _counted(self, index: int, report: BankReport) -> None:
        self.reports[index] = report
        if index == self.index:
            self._draw(report)

    def _draw(self, report: BankReport) -> None:
        """Fill every part in from `report`; a bank never answered shows the empty state."""
        today = local_day(self.recorder.now(), self.recorder.tz)
        self.query_one("#progress-mastery", Static).update(mastery_line(report))
        counts = counts_text(report)
        if report.set_aside:
            counts = Content("\n").join([counts, aside_line(report.set_aside)])
        self.query_one("#progress-counts", Static).update(counts)
        self.refresh_bindings()
        empty = report.answered == 0
        self.query_one("#progress-grid").display = not empty
        note = self.query_one("#progress-empty", Static)
        note.display = empty
        if empty:
            note.update(
                Content.assemble(
                    ("No answers yet.", "bold"),
                    "\n\nStudy this bank (Enter on the list of banks sets up a session) and your "
                    "accuracy, reviews, the reviews coming due and the misconceptions you fall "
                    "for will show here.",
                )
            )
            return
        accuracy_chart(self.query_one("#chart-accuracy", Chart), report.accuracy, today)
        count_chart(self.query_one("#chart-reviews", Chart), report.reviews, today)
        count_chart(self.query_one("#chart-forecast", Chart), report.forecast, today)
        self.query_one("#progress-misconception-list", Static).update(
            misconception_lines(report, today, self.recorder)
        )
