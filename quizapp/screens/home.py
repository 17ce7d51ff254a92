"""The home screen: every bank found, good or broken, where the student stands on each, and the
way into a study session.

It appears at once: banks the cache already knows are listed on mount, the rest are read in a
thread worker and filled in as they come, with a progress bar while a big bank is parsed. Once the
progress store is open (and whenever the screen comes back after a session) another worker counts
each bank's due, new and learned cards and finds the misconceptions still held; the rows, the
detail pane and the header fill in with them.

Enter opens the set-up of a session on the highlighted bank, or on every bank marked with Space;
`v` reviews what is due on those banks, `t` targets the misconceptions held, `g` shows progress.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from quizapp.core.bank import (
    BankCache,
    BankSummary,
    LoadResult,
    Problem,
    find_bank_files,
    read_bank,
    summarize,
)
from quizapp.screens.home_study import HomeStudy
from quizapp.widgets import BankList, LoadingBar, bank_details, bank_row, home_header

if TYPE_CHECKING:  # the model and progress load in workers, after the first frame
    from quizapp.core.model import Bank
    from quizapp.core.progress import HeldMisconception, Overview, Recorder


def _missing(problem: Problem) -> BankSummary:
    """A broken row for a path that could not be searched (it does not exist, say)."""
    name = Path(problem.path).name or problem.path
    return BankSummary(problem.path, "", name, "", 0, (), (problem,))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class HomeScreen(HomeStudy):
    """Pick banks: a list on the left, everything about the highlighted bank on the right."""

    BINDINGS = [
        Binding("space", "mark", "Mark"),
        Binding("v", "study('review')", "Review due"),
        Binding("t", "study('target')", "Target", tooltip="Target my misconceptions"),
        Binding("g", "progress", "Progress"),
        Binding("r", "reload", "Reload banks", show=False),
        Binding("i", "instructor", "Item analysis (instructor)", show=False),
    ]
    # Below 60 columns the detail pane would be a sliver: the list takes the whole width.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-normal")]

    def __init__(
        self,
        paths: Sequence[Path],
        cache: BankCache,
        seed: int | None = None,
        recorder: Recorder | None = None,
    ) -> None:
        """Banks found in `paths` (files or folders), read through `cache`; `seed` for sessions.

        `recorder` holds the progress store once it is open (None: no progress shown).
        """
        super().__init__()
        self.search_paths = tuple(paths)
        self.cache = cache
        self.seed = seed
        self.recorder = recorder
        self.files: list[Path] = []
        self.summaries: dict[Path, BankSummary | None] = {}
        self.marked: set[Path] = set()
        """Banks marked (Space) to be studied together."""
        self.overview: Overview | None = None
        """The counts and held misconceptions, once counted."""
        self.held: list[HeldMisconception] = []
        """The misconceptions still held across the listed banks, with their words."""
        self._banks: dict[Path, Bank] = {}
        """Banks read whole so far (for the words of their misconceptions)."""

    def compose(self) -> ComposeResult:
        """Header, the list and detail pane (or the empty state), the loading bar, the footer."""
        yield Static(Content("quizapp · choose a question bank"), id="home-header")
        with Horizontal(id="home-main"):
            yield BankList(id="banks")
            with VerticalScroll(id="bank-detail"):
                yield Static(id="bank-detail-text")
        yield Static(id="home-empty")
        yield LoadingBar(id="home-loading")
        yield Footer()

    def on_mount(self) -> None:
        """List the banks: the cached ones at once, the others from a worker."""
        self.action_reload()

    def action_reload(self) -> None:
        """Search the paths again and (re)read every bank that changed."""
        files, problems = find_bank_files(self.search_paths)
        self.files = [*files, *(Path(p.path) for p in problems)]
        self.summaries = {path: self.cache.cached_summary(path) for path in files}
        self.summaries.update({Path(p.path): _missing(p) for p in problems})
        self.marked &= set(files)
        banks = self.query_one(BankList)
        banks.clear_options()
        options: list[Option | None] = []
        for path in self.files:
            # None draws a rule under the previous option; it does not count as an option.
            options += [Option(self._row(path)), None]
        banks.add_options(options[:-1])
        empty = not self.files
        self.query_one("#home-main").display = not empty
        self.query_one("#home-empty", Static).display = empty
        if empty:
            self._show_empty()
        else:
            banks.highlighted = 0
            banks.focus()
        # Small banks first, so most rows fill in before a big bank is parsed.
        pending = sorted((p for p in files if self.summaries[p] is None), key=_size)
        self.query_one("#home-loading").display = bool(pending)
        if pending:
            self._load_banks(pending)
        self._banks.clear()  # read again when needed: a file may have changed
        self._show_header()
        self.count_progress()

    def _row(self, path: Path) -> Content:
        summary = self.summaries.get(path)
        counts = None
        if self.overview is not None and summary is not None and summary.ok:
            counts = self.overview.counts.get(summary.id)
        return bank_row(path, summary, path in self.marked, counts)

    def highlighted_path(self) -> Path | None:
        """The bank under the cursor, if any."""
        index = self.query_one(BankList).highlighted
        return None if index is None or index >= len(self.files) else self.files[index]

    def show_progress(self) -> None:
        """Redraw every row, the details and the header with the counts just made."""
        banks = self.query_one(BankList)
        for index, path in enumerate(self.files):
            banks.replace_option_prompt_at_index(index, self._row(path))
        if banks.highlighted is not None:
            self._show_details(banks.highlighted)
        self._show_header()

    def _show_header(self) -> None:
        saving = self.recorder is None or self.recorder.saving
        header = home_header(len(self.marked), self.overview, len(self.held), saving)
        self.query_one("#home-header", Static).update(header)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Marking needs a bank to mark. Review needs something due, targeting a misconception
        held, progress the store and a good bank: until then their keys show dimmed (None)."""
        if action == "mark":
            return bool(self.files)
        if action == "study":
            return self.can_study(str(parameters[0])) or None
        if action == "progress":
            store_open = self.recorder is not None and self.recorder.store is not None
            good = any(s is not None and s.ok for s in self.summaries.values())
            return (store_open and good) or None
        return True

    def action_mark(self) -> None:
        """Mark the highlighted bank to study it with the other marked ones, or unmark it."""
        banks = self.query_one(BankList)
        index = banks.highlighted
        if index is None:
            return
        path = self.files[index]
        summary = self.summaries.get(path)
        if path in self.marked:
            self.marked.discard(path)
        elif summary is None or not summary.ok:
            why = "is still being read" if summary is None else "has problems"
            self.notify(f"This bank {why}; only good banks can be marked.", timeout=3)
            return
        else:
            self.marked.add(path)
        banks.replace_option_prompt_at_index(index, self._row(path))
        self._show_header()
        self.refresh_bindings()

    def _show_empty(self) -> None:
        where = ", ".join(str(path) for path in self.search_paths) or "(nowhere)"
        self.query_one("#home-empty", Static).update(
            Content.assemble(
                ("No question banks found.", "bold"),
                f"\n\nquizapp looked for *.yaml and *.yml files in: {where}\n\n",
                "Open a bank file or a folder of banks:  quizapp path/to/bank.yaml\n",
                "Check a bank for mistakes:              quizapp validate path/to/bank.yaml\n\n",
                "The README describes the bank format.",
            )
        )

    @work(thread=True, exclusive=True, group="load-banks")
    def _load_banks(self, paths: list[Path]) -> None:
        """Read each bank (parsing and caching it), filling its row in as soon as it is known."""
        worker = get_current_worker()
        loading = self.query_one(LoadingBar)
        for number, path in enumerate(paths, start=1):
            if worker.is_cancelled:
                return
            label = f"Reading {number} of {len(paths)}: {path.name}"
            self.app.call_from_thread(self.show_loading, label, 0.0)
            summary = summarize(read_bank(self.cache, path, loading.reporter(label)))
            if not worker.is_cancelled:
                self.app.call_from_thread(self._loaded, path, summary)
        self.app.call_from_thread(self.show_loading, "", None)
        self.app.call_from_thread(self.count_progress)

    def show_loading(self, label: str, fraction: float | None) -> None:
        """Show (or, with None, hide) the loading bar."""
        self.query_one(LoadingBar).show(label, fraction)

    def _loaded(self, path: Path, summary: BankSummary) -> None:
        """A bank has been read: refresh its row (and the details, if it is highlighted)."""
        self.summaries[path] = summary
        if path not in self.files:
            return
        if not summary.ok and path in self.marked:
            self.marked.discard(path)
            self._show_header()
        index = self.files.index(path)
        banks = self.query_one(BankList)
        banks.replace_option_prompt_at_index(index, self._row(path))
        if banks.highlighted == index:
            self._show_details(index)

    @on(OptionList.OptionHighlighted, "#banks")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_details(event.option_index)
        self.refresh_bindings()

    def _show_details(self, index: int) -> None:
        path = self.files[index]
        summary = self.summaries.get(path)
        counts = held = None
        if self.overview is not None and summary is not None and summary.ok:
            counts = self.overview.counts.get(summary.id)
            held = self.held_for([summary.id])
        detail = self.query_one("#bank-detail-text", Static)
        detail.update(bank_details(path, summary, counts, held))

    @on(OptionList.OptionSelected, "#banks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        marked = [path for path in self.files if path in self.marked]
        paths = marked or [self.files[event.option_index]]
        for path in paths:
            summary = self.summaries.get(path)
            if summary is None:
                self.notify("This bank is still being read; try again in a moment.", timeout=3)
                return
            if not summary.ok:
                self._show_details(self.files.index(path))
                self.notify(
                    "This bank has problems (listed on the right); fix them to study it.",
                    title="Broken bank",
                    severity="warning",
                )
                return
        titles = [summary.title for path in paths if (summary := self.summaries.get(path))]
        self.show_loading(f"Opening {' + '.join(titles)}…", 0.0)
        self._open_banks(paths)

    @work(thread=True, exclusive=True, group="open-bank")
    def _open_banks(self, paths: list[Path]) -> None:
        """Read the whole banks (from the cache when fresh), then open the set-up on them."""
        results = [read_bank(self.cache, path) for path in paths]
        self._banks.update((p, r.bank) for p, r in zip(paths, results, strict=True) if r.bank)
        self.app.call_from_thread(self._set_up, paths, results)

    def _set_up(self, paths: list[Path], results: list[LoadResult]) -> None:
        self.show_loading("", None)
        banks = []
        for path, result in zip(paths, results, strict=True):
            if result.bank is None:
                self._loaded(path, summarize(result))
                self.notify(
                    "This bank has problems; see the list on the right.", severity="warning"
                )
                return
            banks.append(result.bank)
        # Imported here, not at the top: start-up only needs the list, and the set-up brings the
        # sessions, grading and every answer widget with it.
        from quizapp.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen(banks, seed=self.seed))
