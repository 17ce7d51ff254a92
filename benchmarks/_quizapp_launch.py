"""Launch quizapp headless and report the moment the home screen lists every bank.

    python benchmarks/_quizapp_launch.py CACHE_DIR [BANK ...]

Prints `READY <peak RSS in KiB>` once every bank row has its summary (title, question count,
topics) on screen and that frame has been drawn, then exits. `benchmarks/run.py` runs it in a fresh
process, exactly like the bare Textual app it is compared with.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _peak import peak_kib

import quizapp.app
from quizapp.app import QuizApp, make_app
from quizapp.screens import HomeScreen


class BenchApp(QuizApp):
    """quizapp exactly as `make_app` builds it, plus a watch for the complete bank list."""

    # CSS_PATH is relative to the module of the class: point it back at the app's own.
    CSS_PATH = str(Path(quizapp.app.__file__).parent / QuizApp.CSS_PATH)

    def on_ready(self) -> None:
        """At the first frame, report if the list is complete; else poll (every 2 ms) for it."""
        if self._listed():
            self._report()
        else:
            self._watch = self.set_interval(0.002, self._check)

    def _listed(self) -> bool:
        screen = self.screen
        if not isinstance(screen, HomeScreen):
            return False
        summaries = screen.shelf.summaries
        return bool(summaries) and all(summary is not None for summary in summaries.values())

    def _check(self) -> None:
        if self._listed():
            self._watch.stop()
            # Report after the frame that shows the list has been drawn.
            self.call_after_refresh(self._report)

    def _report(self) -> None:
        peak = peak_kib()
        sys.__stdout__.write(f"READY {peak}\n")
        sys.__stdout__.flush()
        self.exit()


def main() -> None:
    """Open the app on the banks given (the bundled ones when none) and wait for the full list."""
    built = make_app([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
    # The progress store opens as in the real app, in the folder QUIZAPP_DATA_DIR names (run.py
    # points it at its temporary folder, never the user's).
    context = built.context
    app = BenchApp(built.bank_paths, context.cache, context.seed, data_dir=context.data_dir)
    app.run(headless=True)


if __name__ == "__main__":
    main()
