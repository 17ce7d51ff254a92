"""The home screen's progress: the counts and held misconceptions it shows, and the sessions and
screens it opens from them ("Review due", "Target my misconceptions", "Progress", and the
instructor's item analysis of the answers saved here).

`HomeStudy` is the base of `quizapp.screens.home.HomeScreen`, which lists the banks; this part
reads the progress store, always in thread workers (counting is indexed SQL, but reading a bank
whole for the words of its misconceptions can take a moment). What to study is decided in
`quizapp.core.progress.views`; this only starts it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.screen import Screen

from quizapp.core.bank import BankCache, BankSummary, read_bank

# The progress modules (and the sessions, the store) are imported by the workers that use them,
# off the start-up path: the list of banks is drawn first.
if TYPE_CHECKING:
    from quizapp.core.model import Bank
    from quizapp.core.progress import HeldMisconception, Overview, Recorder
    from quizapp.core.study import PracticeSession

#: What each progress session is called in messages.
SESSION_NAMES = {"review": "Review due", "target": "Target my misconceptions"}


class HomeStudy(Screen[None]):
    """Progress on the home screen; the subclass lists the banks and sets what is below."""

    cache: BankCache
    seed: int | None
    recorder: Recorder | None
    files: list[Path]
    summaries: dict[Path, BankSummary | None]
    marked: set[Path]
    overview: Overview | None
    held: list[HeldMisconception]
    _banks: dict[Path, Bank]
    _counting = 0
    """The number of the latest count asked for; only its result is shown."""

    if TYPE_CHECKING:
        # Provided by the screen this is mixed into (HomeScreen); declared for the type checker.

        def show_progress(self) -> None:
            """Redraw the rows, details and header with the latest counts."""

        def highlighted_path(self) -> Path | None:
            """The bank under the cursor."""

        def show_loading(self, label: str, fraction: float | None) -> None:
            """Show (or, with None, hide) the loading bar."""

    # --- counting ---------------------------------------------------------------------------

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Back from a session: count again, since answers were saved."""
        self.count_progress()

    def count_progress(self) -> None:
        """Count every good bank's cards and find the held misconceptions, in a worker."""
        recorder = self.recorder
        if recorder is None or recorder.store is None:
            return  # the app calls again once the store is open
        listed = [(path, s) for path, s in self.summaries.items() if s is not None and s.ok]
        self._counting += 1
        self._count(listed, self._counting)

    # Not `exclusive`: a cancelled worker would fail whoever waits for the workers (tests);
    # a count overtaken by a later one is simply not shown.
    @work(thread=True, group="count-progress")
    def _count(self, listed: list[tuple[Path, BankSummary]], number: int) -> None:
        from quizapp.core.progress import StoreError, held_with_text, overview

        recorder = self.recorder
        assert recorder is not None and recorder.store is not None
        try:
            counted = overview(
                recorder.store,
                [(summary.id, summary.question_count) for _, summary in listed],
                recorder.now(),
                recorder.tz,
                recorder.new_limit,
            )
            paths = {summary.id: path for path, summary in listed}
            banks: dict[str, Bank] = {}
            for bank_id in dict.fromkeys(entry.bank_id for entry in counted.held):
                bank = self._bank(paths[bank_id])
                if bank is not None:
                    banks[bank_id] = bank
            held = held_with_text(counted.held, banks)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._counted, number, counted, held)

    def _bank(self, path: Path) -> Bank | None:
        """The whole bank at `path`, read once (from the bank cache when fresh)."""
        if path not in self._banks:
            bank = read_bank(self.cache, path).bank
            if bank is None:
                return None
            self._banks[path] = bank
        return self._banks[path]

    def _counted(self, number: int, counted: Overview, held: list[HeldMisconception]) -> None:
        if number != self._counting:
            return  # a later count is on its way
        self.overview, self.held = counted, held
        self.show_progress()
        self.refresh_bindings()

    def _failed(self, message: str) -> None:
        self.show_loading("", None)
        self.notify(message, title="Progress", severity="error", timeout=10, markup=False)

    # --- what the actions work on -----------------------------------------------------------

    def chosen(self) -> list[Path]:
        """The banks an action works on: the marked ones, else the highlighted one (if good)."""
        marked = [path for path in self.files if path in self.marked]
        if marked:
            return marked
        path = self.highlighted_path()
        summary = None if path is None else self.summaries.get(path)
        return [path] if path is not None and summary is not None and summary.ok else []

    def chosen_ids(self) -> list[str]:
        """The bank ids of `chosen()`."""
        summaries = (self.summaries.get(path) for path in self.chosen())
        return [summary.id for summary in summaries if summary is not None]

    def held_for(self, bank_ids: list[str]) -> list[HeldMisconception]:
        """The held misconceptions of `bank_ids`, with their words."""
        wanted = set(bank_ids)
        return [entry for entry in self.held if entry.history.bank_id in wanted]

    def can_study(self, mode: str) -> bool:
        """Review when something is due (or new today) on the chosen banks; target when they
        hold a misconception."""
        if self.overview is None:
            return False
        ids = self.chosen_ids()
        if mode == "review":
            return self.overview.reviewable(ids) > 0
        return bool(self.held_for(ids))

    # --- the actions ------------------------------------------------------------------------

    def action_study(self, mode: str) -> None:
        """Start a "Review due" (`review`) or "Target my misconceptions" (`target`) session."""
        paths = self.chosen()
        if not paths or not self.can_study(mode):
            return
        self.show_loading(f"{SESSION_NAMES[mode]}: finding the questions…", 0.0)
        self._prepare(mode, paths)

    @work(thread=True, exclusive=True, group="open-bank")
    def _prepare(self, mode: str, paths: list[Path]) -> None:
        """Read the banks and pick the session's questions, off the message loop."""
        from quizapp.core.progress import StoreError, review_session, target_session
        from quizapp.core.study import StudyError

        recorder = self.recorder
        assert recorder is not None and recorder.store is not None
        clock: Callable[[], float] = getattr(self.app, "clock", time.monotonic)
        banks = [bank for path in paths if (bank := self._bank(path)) is not None]
        try:
            if mode == "review":
                session = review_session(
                    recorder.store,
                    banks,
                    recorder.now(),
                    new_limit=recorder.new_limit,
                    tz=recorder.tz,
                    seed=self.seed,
                    clock=clock,
                )
            else:
                session = target_session(recorder.store, banks, seed=self.seed, clock=clock)
        except (StudyError, StoreError) as error:
            self.app.call_from_thread(self._nothing, mode, str(error))
            return
        self.app.call_from_thread(self._study, mode, session)

    def _nothing(self, mode: str, reason: str) -> None:
        self.show_loading("", None)
        self.notify(f"{reason[:1].upper()}{reason[1:]}.", title=SESSION_NAMES[mode], markup=False)
        self.count_progress()

    def _study(self, mode: str, session: PracticeSession) -> None:
        from quizapp.screens.quiz import QuizScreen

        self.show_loading("", None)
        self.app.push_screen(QuizScreen(session, mode=mode, title=SESSION_NAMES[mode]))

    def action_progress(self) -> None:
        """Open the progress screen, on the highlighted bank (←/→ go to the others)."""
        from quizapp.screens.progress import ProgressScreen

        recorder = self.recorder
        good = [path for path in self.files if (s := self.summaries.get(path)) and s.ok]
        if recorder is None or not good:
            return
        here = self.highlighted_path()
        start = good.index(here) if here in good else 0
        titles = [summary.title for path in good if (summary := self.summaries[path])]
        self.app.push_screen(ProgressScreen(good, titles, start, self._bank, recorder))

    def action_instructor(self) -> None:
        """Open the instructor's screen: item analysis of the answers saved on this machine."""
        from quizapp.screens.instructor import InstructorScreen

        store = None if self.recorder is None else self.recorder.store
        data_dir = getattr(self.app, "data_dir", None)
        screen = InstructorScreen(self.files, self.cache, store=store, data_dir=data_dir)
        self.app.push_screen(screen)
