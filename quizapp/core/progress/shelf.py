"""What the home screen knows: the banks it lists, the ones marked, and where the student stands.

Textual-free: `Shelf` holds the rules (which banks an action works on, what can be marked, when
"Review due" and "Target my misconceptions" have something to offer) and does the slow parts the
screen runs in its workers (counting progress, reading a bank whole, picking a session's
questions). The screen only draws what the shelf says and turns keys into calls on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quizapp.core.bank import (
    BankCache,
    BankSummary,
    LoadResult,
    Problem,
    find_bank_files,
    read_bank,
    summarize,
    with_unique_ids,
)

# The home screen builds a shelf before its first frame; the store, the scheduler and the
# sessions are imported by the methods that use them, which run in workers after it.
if TYPE_CHECKING:
    from quizapp.core.model import Bank
    from quizapp.core.progress.figures import BankProgress
    from quizapp.core.progress.recorder import Recorder
    from quizapp.core.progress.storage.store import Store
    from quizapp.core.progress.views import HeldMisconception, Overview
    from quizapp.core.study import FlashcardSession, PracticeSession

__all__ = ["SESSION_NAMES", "Counted", "Shelf", "Studying"]

#: What each progress session is called in messages and headers.
SESSION_NAMES = {"review": "Review due", "target": "Target my misconceptions"}


class Studying(Protocol):
    """What a session is started with (the app's `AppContext` is one)."""

    @property
    def recorder(self) -> Recorder: ...
    @property
    def seed(self) -> int | None: ...
    @property
    def clock(self) -> Callable[[], float]: ...


@dataclass(frozen=True, slots=True)
class Counted:
    """One count of the listed banks: their cards and the misconceptions still held."""

    overview: Overview
    held: list[HeldMisconception]


def _missing(problem: Problem) -> BankSummary:
    """A broken row for a path that could not be searched (it does not exist, say)."""
    name = Path(problem.path).name or problem.path
    return BankSummary(problem.path, "", name, "", 0, (), (problem,))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class Shelf:
    """The banks found in `paths`, read through `cache`, and the student's progress on them."""

    def __init__(self, paths: tuple[Path, ...], cache: BankCache) -> None:
        """Nothing listed yet: `search` finds the banks."""
        self.paths = paths
        self.cache = cache
        self.files: list[Path] = []
        """Every bank listed, good or broken, in order (paths that could not be searched last)."""
        self.summaries: dict[Path, BankSummary | None] = {}
        """What is known of each bank; None while it is still being read. Of two good banks with
        one id, the later in the list is broken (`same_id`): their progress is never merged."""
        self._read: dict[Path, BankSummary | None] = {}
        """The summaries as read, before the check of ids."""
        self.marked: set[Path] = set()
        """Banks marked (Space) to be studied together."""
        self.overview: Overview | None = None
        """The counts and held misconceptions, once counted."""
        self.held: list[HeldMisconception] = []
        """The misconceptions still held across the listed banks, with their words."""
        self._banks: dict[Path, Bank] = {}

    # --- the list ---------------------------------------------------------------------------

    def search(self) -> list[Path]:
        """Search the paths again; the banks the cache does not know, smallest first, to read."""
        files, problems = find_bank_files(self.paths)
        self.files = [*files, *(Path(p.path) for p in problems)]
        self._read = {path: self.cache.cached_summary(path) for path in files}
        self._read.update({Path(p.path): _missing(p) for p in problems})
        self._check_ids()
        self.marked &= {path for path in files if (s := self.summaries[path]) is None or s.ok}
        self._banks.clear()  # read again when needed: a file may have changed
        return sorted((p for p in files if self._read[p] is None), key=_size)

    def _check_ids(self) -> list[Path]:
        """Recompute `summaries` from what was read; the paths whose summary changed."""
        checked = with_unique_ids([self._read.get(path) for path in self.files])
        before = self.summaries
        self.summaries = dict(zip(self.files, checked, strict=True))
        return [path for path in self.files if before.get(path) != self.summaries[path]]

    def read_summary(
        self, path: Path, progress: Callable[[float], None] | None = None
    ) -> BankSummary:
        """Read the bank at `path` (parsing and caching it; slow: a worker's job) and say what
        it is, for `known` to keep."""
        return summarize(read_bank(self.cache, path, progress))

    def known(self, path: Path, summary: BankSummary) -> list[Path]:
        """Keep `summary` of `path`; the banks whose summary changed with it (it, and a later
        bank with its id). A marked bank that turns out broken is unmarked."""
        self._read[path] = summary
        changed = self._check_ids()
        for other in changed:
            shown = self.summaries[other]
            if shown is not None and not shown.ok:
                self.marked.discard(other)
        return changed

    def good(self) -> list[Path]:
        """The listed banks that are valid, in order."""
        return [path for path in self.files if (s := self.summaries.get(path)) and s.ok]

    def mark(self, path: Path) -> str | None:
        """Mark `path`, or unmark it; why it cannot be marked (still read, or broken), if so."""
        summary = self.summaries.get(path)
        if path in self.marked:
            self.marked.discard(path)
        elif summary is None or not summary.ok:
            why = "is still being read" if summary is None else "has problems"
            return f"This bank {why}; only good banks can be marked."
        else:
            self.marked.add(path)
        return None

    def unready(self, paths: list[Path]) -> tuple[Path, bool] | None:
        """The first of `paths` that cannot be studied yet: (path, True) for a broken bank,
        (path, False) for one still being read; None when all can be."""
        for path in paths:
            summary = self.summaries.get(path)
            if summary is None or not summary.ok:
                return path, summary is not None
        return None

    def chosen(self, highlighted: Path | None) -> list[Path]:
        """The banks an action works on: the marked ones, else the highlighted one (if good)."""
        marked = [path for path in self.files if path in self.marked]
        if marked:
            return marked
        summary = None if highlighted is None else self.summaries.get(highlighted)
        return [highlighted] if highlighted is not None and summary and summary.ok else []

    def chosen_ids(self, highlighted: Path | None) -> list[str]:
        """The bank ids of `chosen(highlighted)`."""
        summaries = (self.summaries.get(path) for path in self.chosen(highlighted))
        return [summary.id for summary in summaries if summary is not None]

    def bank(self, path: Path) -> Bank | None:
        """The whole bank at `path`, read once (from the bank cache when fresh)."""
        if path not in self._banks:
            bank = read_bank(self.cache, path).bank
            if bank is None:
                return None
            self._banks[path] = bank
        return self._banks[path]

    def open(self, paths: list[Path]) -> list[LoadResult]:
        """Read the banks at `paths` whole (slow: a worker's job), keeping the good ones."""
        results = [read_bank(self.cache, path) for path in paths]
        self._banks.update((p, r.bank) for p, r in zip(paths, results, strict=True) if r.bank)
        return results

    # --- progress ---------------------------------------------------------------------------

    def counts_of(self, summary: BankSummary | None) -> BankProgress | None:
        """Due, new and learned of a good bank, once counted."""
        if self.overview is None or summary is None or not summary.ok:
            return None
        return self.overview.counts.get(summary.id)

    def count(self, recorder: Recorder) -> Counted:
        """Count every good bank's cards and find the misconceptions held, from `recorder`'s
        store at its time, by its days and new-card limit (slow: a worker's job).

        Raises `StoreError` when the store cannot be read (or is not open).
        """
        from quizapp.core.progress.held import fill_declined, undeclined_banks
        from quizapp.core.progress.storage.store import StoreError

        store, now, tz, new_limit = recorder.store, recorder.now(), recorder.tz, recorder.new_limit
        if store is None:
            raise StoreError("the progress file is not open yet")
        from quizapp.core.progress.views import held_with_text, overview

        listed = [(path, s) for path, s in self.summaries.items() if s is not None and s.ok]
        paths = {summary.id: path for path, summary in listed}
        # Answers saved before the store kept what they declined get it from their bank, once.
        for bank_id in undeclined_banks(store):
            bank = self.bank(paths[bank_id]) if bank_id in paths else None
            if bank is not None:
                fill_declined(store, bank)
        counted = overview(store, [(s.id, s.question_count) for _, s in listed], now, tz, new_limit)
        banks: dict[str, Bank] = {}
        for bank_id in dict.fromkeys(entry.bank_id for entry in counted.held):
            bank = self.bank(paths[bank_id])
            if bank is not None:
                banks[bank_id] = bank
        return Counted(counted, held_with_text(counted.held, banks))

    def counted(self, counted: Counted) -> None:
        """Keep the result of `count`."""
        self.overview, self.held = counted.overview, counted.held

    def held_for(self, bank_ids: list[str]) -> list[HeldMisconception]:
        """The held misconceptions of `bank_ids`, with their words."""
        wanted = set(bank_ids)
        return [entry for entry in self.held if entry.history.bank_id in wanted]

    def can_study(self, mode: str, highlighted: Path | None) -> bool:
        """Review when something is due (or new today) on the chosen banks, or to say that
        today's new cards are done; target when they hold a misconception."""
        if self.overview is None:
            return False
        ids = self.chosen_ids(highlighted)
        if mode == "review":
            return self.overview.reviewable(ids) > 0 or self.refusal(highlighted) is not None
        return bool(self.held_for(ids))

    def refusal(self, highlighted: Path | None) -> str | None:
        """Why "Review due" on the chosen banks has nothing although they have new cards
        (today's new-card limit is used up), or None."""
        if self.overview is None:
            return None
        return self.overview.review_refusal(self.chosen_ids(highlighted))

    def review_what(self, highlighted: Path | None) -> str:
        """What a "Review due" on the chosen banks is over: `Study security basics`."""
        titles = [s.title for p in self.chosen(highlighted) if (s := self.summaries.get(p))]
        return " + ".join(titles)

    def due(
        self, store: Store | None, opened: list[LoadResult], now: datetime
    ) -> frozenset[tuple[str, str]] | None:
        """The cards of the banks just `open`ed due at `now`, for flashcards' "due only"; None
        when the store is not open or cannot be read, or a bank is broken."""
        from quizapp.core.progress.figures import due_keys
        from quizapp.core.progress.storage.store import StoreError

        banks = [result.bank for result in opened if result.bank is not None]
        if store is None or len(banks) != len(opened):
            return None
        try:
            return due_keys(store, banks, now)
        except StoreError:
            return None

    def session(
        self, mode: str, paths: list[Path], context: Studying, *, as_cards: bool = False
    ) -> PracticeSession | FlashcardSession:
        """The "Review due" (`review`; `as_cards`: as flashcards) or "Target my misconceptions"
        (`target`) session over the banks at `paths`, from the context's store, at its time, by
        its days and new-card limit, seeded and timed by it (slow: a worker's job). Raises
        `StudyError` when there is nothing to study, `StoreError` when the store cannot be read
        (or is not open)."""
        from quizapp.core.progress.storage.store import StoreError
        from quizapp.core.progress.views import review_session, target_session

        recorder, seed, clock = context.recorder, context.seed, context.clock
        store, tz = recorder.store, recorder.tz
        if store is None:
            raise StoreError("the progress file is not open yet")
        banks = [bank for path in paths if (bank := self.bank(path)) is not None]
        if mode == "target":
            return target_session(store, banks, seed=seed, clock=clock, tz=tz)
        return review_session(
            store,
            banks,
            recorder.now(),
            new_limit=recorder.new_limit,
            tz=tz,
            seed=seed,
            clock=clock,
            as_cards=as_cards,
        )
