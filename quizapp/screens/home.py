"""The home screen: every bank found, good or broken, where the student stands on each, and the
way into a study session.

It appears at once: banks the cache already knows are listed on mount, the rest are read in a
thread worker and filled in as they come, with a progress bar while a big bank is parsed. Once the
progress store is open (and whenever the screen comes back after a session) another worker counts
each bank's due, new and learned cards and finds the misconceptions still held; the rows, the
detail pane and the header fill in with them.

Enter opens the set-up of a session on the highlighted bank, or on every bank marked with Space;
`v` reviews what is due on those banks (as flashcards or as questions: the student chooses, and
the choice is remembered in the store), `t` targets the misconceptions held, `g` shows progress.
When nothing is due and today's new cards are used up, `v` says so rather than going dim.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.worker import get_current_worker

from quizapp.core.bank import LoadResult, summarize
from quizapp.core.progress import REVIEW_AS, SESSION_NAMES, Shelf
from quizapp.core.visible import visible
from quizapp.messages import OpenInstructor, OpenProgress, OpenSetup, StartPractice
from quizapp.widgets import (
    BankList,
    Footer,
    LoadingBar,
    ReviewChoice,
    bank_details,
    home_header,
    no_banks,
)

if TYPE_CHECKING:  # the model, progress and sessions load in workers, after the first frame
    from quizapp.context import AppContext
    from quizapp.core.bank import BankSummary
    from quizapp.core.progress import Counted
    from quizapp.core.study import FlashcardSession, PracticeSession

#: The cards due on the banks a set-up opens (bank id, question id), when known.
Due = frozenset[tuple[str, str]] | None


class HomeScreen(Screen[None]):
    """Pick banks: a list on the left, everything about the highlighted bank on the right."""

    BINDINGS = [
        Binding("space", "mark", "Mark"),
        Binding("v", "study('review')", "Review due"),
        Binding("t", "study('target')", "Target", tooltip="Target my misconceptions"),
        Binding("g", "progress", "Progress"),
        Binding("r", "reload", "Reload banks", show=False),
        Binding("i", "instructor", "Item analysis (instructor)", show=False),
    ]
    # Below 60 columns the list takes the whole width; below 80 the footer closes up (tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-normal"), (80, "-wide")]

    def __init__(self, paths: Sequence[Path], context: AppContext) -> None:
        """Banks found in `paths` (files or folders), read through the context's cache; progress
        from its recorder, once the store is open; sessions seeded and timed by it."""
        super().__init__()
        self.context = context
        self.shelf = Shelf(tuple(paths), context.cache)
        """The banks listed and the student's standing on them."""
        self._counting = 0
        """The number of the latest count asked for; only its result is shown."""

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

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Back from a session: count again, since answers were saved."""
        self.count_progress()

    def action_reload(self) -> None:
        """Search the paths again and (re)read every bank that changed."""
        pending = self.shelf.search()
        banks = self.query_one(BankList)
        banks.fill(self.shelf)
        empty = not self.shelf.files
        self.query_one("#home-main").display = not empty
        self.query_one("#home-empty", Static).display = empty
        if empty:
            self._show_empty()
        else:
            banks.highlighted = 0
            banks.focus()
        # Small banks first, so most rows fill in before a big bank is parsed.
        self.query_one("#home-loading").display = bool(pending)
        if pending:
            self._load_banks(pending)
        self._show_header()
        self.count_progress()

    def highlighted_path(self) -> Path | None:
        """The bank under the cursor, if any."""
        index = self.query_one(BankList).highlighted
        files = self.shelf.files
        return None if index is None or index >= len(files) else files[index]

    def show_progress(self) -> None:
        """Redraw every row, the details and the header with the counts just made."""
        banks = self.query_one(BankList)
        banks.redraw(self.shelf)
        if banks.highlighted is not None:
            self._show_details(banks.highlighted)
        self._show_header()

    def _show_header(self) -> None:
        shelf, saving = self.shelf, self.context.recorder.saving
        header = home_header(len(shelf.marked), shelf.overview, len(shelf.held), saving)
        self.query_one("#home-header", Static).update(header)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Marking needs a bank to mark. Review needs something due, targeting a misconception
        held, progress the store and a good bank: until then their keys show dimmed (None)."""
        if action == "mark":
            return bool(self.shelf.files)
        if action == "study":
            return self.shelf.can_study(str(parameters[0]), self.highlighted_path()) or None
        if action == "progress":
            store_open = self.context.recorder.store is not None
            return (store_open and bool(self.shelf.good())) or None
        return True

    def action_mark(self) -> None:
        """Mark the highlighted bank to study it with the other marked ones, or unmark it."""
        banks = self.query_one(BankList)
        index = banks.highlighted
        if index is None:
            return
        path = self.shelf.files[index]
        refused = self.shelf.mark(path)
        if refused is not None:
            self.notify(refused, timeout=3)
            return
        banks.redraw(self.shelf, path)
        self._show_header()
        self.refresh_bindings()

    def _show_empty(self) -> None:
        self.query_one("#home-empty", Static).update(no_banks(self.shelf.paths))

    # --- reading the banks ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load-banks")
    def _load_banks(self, paths: list[Path]) -> None:
        """Read each bank (parsing and caching it), filling its row in as soon as it is known."""
        worker = get_current_worker()
        loading = self.query_one(LoadingBar)
        for number, path in enumerate(paths, start=1):
            if worker.is_cancelled:
                return
            label = f"Reading {number} of {len(paths)}: {visible(path.name)}"
            self.app.call_from_thread(self.show_loading, label, 0.0)
            summary = self.shelf.read_summary(path, loading.reporter(label))
            if not worker.is_cancelled:
                self.app.call_from_thread(self._loaded, path, summary)
        self.app.call_from_thread(self.show_loading, "", None)
        self.app.call_from_thread(self.count_progress)

    def show_loading(self, label: str, fraction: float | None) -> None:
        """Show (or, with None, hide) the loading bar."""
        self.query_one(LoadingBar).show(label, fraction)

    def _loaded(self, path: Path, summary: BankSummary) -> None:
        """A bank has been read: refresh its row, and any other it changed (a later bank with its
        id), with the details of the highlighted one."""
        banks = self.query_one(BankList)
        for changed in self.shelf.known(path, summary):
            banks.redraw(self.shelf, changed)
            if banks.highlighted == self.shelf.files.index(changed):
                self._show_details(banks.highlighted)
        self._show_header()

    @on(OptionList.OptionHighlighted, "#banks")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_details(event.option_index)
        self.refresh_bindings()

    def _show_details(self, index: int) -> None:
        path = self.shelf.files[index]
        summary = self.shelf.summaries.get(path)
        counts = self.shelf.counts_of(summary)
        held = None
        if counts is not None and summary is not None:
            held = self.shelf.held_for([summary.id])
        detail = self.query_one("#bank-detail-text", Static)
        detail.update(bank_details(path, summary, counts, held))

    @on(OptionList.OptionSelected, "#banks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        shelf = self.shelf
        paths = [path for path in shelf.files if path in shelf.marked]
        paths = paths or [shelf.files[event.option_index]]
        unready = shelf.unready(paths)
        if unready is not None:
            path, broken = unready
            if broken:
                self._show_details(shelf.files.index(path))
                message = "This bank has problems (listed on the right); fix them to study it."
                self.notify(message, title="Broken bank", severity="warning")
            else:
                self.notify("This bank is still being read; try again in a moment.", timeout=3)
            return
        titles = [summary.title for path in paths if (summary := shelf.summaries.get(path))]
        self.show_loading(f"Opening {' + '.join(titles)}…", 0.0)
        self._open_banks(paths)

    @work(thread=True, exclusive=True, group="open-bank")
    def _open_banks(self, paths: list[Path]) -> None:
        """Read the whole banks (from the cache when fresh) and the cards due on them, then ask
        for the set-up on them."""
        recorder = self.context.recorder
        results = self.shelf.open(paths)
        due = self.shelf.due(recorder.store, results, recorder.now())
        self.app.call_from_thread(self._set_up, paths, results, due)

    def _set_up(self, paths: list[Path], results: list[LoadResult], due: Due = None) -> None:
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
        self.post_message(OpenSetup(banks, due))

    # --- progress ---------------------------------------------------------------------------

    def count_progress(self) -> None:
        """Count every good bank's cards and find the held misconceptions, in a worker."""
        if self.context.recorder.store is None:
            return  # the app calls again once the store is open
        self._counting += 1
        self._count(self._counting)

    # Not `exclusive`: a cancelled worker would fail whoever waits for the workers (tests);
    # a count overtaken by a later one is simply not shown.
    @work(thread=True, group="count-progress")
    def _count(self, number: int) -> None:
        from quizapp.core.progress import StoreError

        try:
            counted = self.shelf.count(self.context.recorder)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._counted, number, counted)

    def _counted(self, number: int, counted: Counted) -> None:
        if number != self._counting:
            return  # a later count is on its way
        self.shelf.counted(counted)
        self.show_progress()
        self.refresh_bindings()

    def _failed(self, message: str) -> None:
        self.show_loading("", None)
        self.notify(message, title="Progress", severity="error", timeout=10, markup=False)

    def action_study(self, mode: str) -> None:
        """Start a "Review due" (`review`: as flashcards or questions, asked) or "Target my
        misconceptions" (`target`) session; say why a review has nothing today, if so."""
        here = self.highlighted_path()
        paths = self.shelf.chosen(here)
        if not paths or not self.shelf.can_study(mode, here):
            return
        if mode == "target":
            self._find(mode, paths)
            return
        refusal = self.shelf.refusal(here)
        if refusal is not None:
            self._nothing(mode, refusal)
            return
        recorder = self.context.recorder

        def chosen(form: str | None) -> None:
            if form is not None:
                recorder.remember(REVIEW_AS, form)
                self._find(mode, paths, as_cards=form == "flashcards")

        offer = ReviewChoice(self.shelf.review_what(here), recorder.setting(REVIEW_AS))
        self.app.push_screen(offer, chosen)

    def _find(self, mode: str, paths: list[Path], *, as_cards: bool = False) -> None:
        self.show_loading(f"{SESSION_NAMES[mode]}: finding the questions…", 0.0)
        self._prepare(mode, paths, as_cards)

    @work(thread=True, exclusive=True, group="open-bank")
    def _prepare(self, mode: str, paths: list[Path], as_cards: bool) -> None:
        """Read the banks and pick the session's questions, off the message loop."""
        from quizapp.core.progress import StoreError
        from quizapp.core.study import StudyError

        try:
            session = self.shelf.session(mode, paths, self.context, as_cards=as_cards)
        except (StudyError, StoreError) as error:
            self.app.call_from_thread(self._nothing, mode, str(error))
            return
        self.app.call_from_thread(self._study, mode, session)

    def _nothing(self, mode: str, reason: str) -> None:
        self.show_loading("", None)
        self.notify(f"{reason[:1].upper()}{reason[1:]}.", title=SESSION_NAMES[mode], markup=False)
        self.count_progress()

    def _study(self, mode: str, session: PracticeSession | FlashcardSession) -> None:
        self.show_loading("", None)
        self.post_message(StartPractice(session, mode, SESSION_NAMES[mode]))

    def action_progress(self) -> None:
        """Open the progress screen, on the highlighted bank (←/→ go to the others)."""
        good = self.shelf.good()
        if self.context.recorder.store is None or not good:
            return
        here = self.highlighted_path()
        start = good.index(here) if here in good else 0
        titles = [s.title for path in good if (s := self.shelf.summaries[path])]
        self.post_message(OpenProgress(good, titles, start, self.shelf.bank))

    def action_instructor(self) -> None:
        """Open the instructor's screen: item analysis of the answers saved on this machine."""
        self.post_message(OpenInstructor(self.shelf.files))
