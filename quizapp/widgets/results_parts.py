"""Pieces of the results page: the score line, the counts, the time taken, the self-grades of a
flashcard session and the certainty-based marking table. Each renders a `SessionReport` and
decides nothing about it. `stopped_early` says that the results of a session left early cover
only what was done.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quizapp.core.cbm import CBM_MARKS, CONFIDENCE_LABELS
from quizapp.core.model import SelfGrade
from quizapp.core.study import SessionReport
from quizapp.widgets.topic_bars import marks


def stopped_early(node: Widget, done: int, total: int, noun: str) -> None:
    """Say that a session stopped before its end shows the results of the `noun`s done so far."""
    those = f"that {noun}" if done == 1 else f"those {done}"
    node.notify(
        f"Stopped after {done} of {total} {noun}s: these results are for {those}.",
        title="Stopped early",
        timeout=6,
    )


def duration(seconds: float) -> str:
    """`35 s`, `4 min 05 s` or `1 h 02 min`."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def score_line(report: SessionReport) -> Content:
    """`Score 3.5 of 5 (70%)   PASSED  pass mark 60%` (pass or fail only with a pass mark)."""
    parts: list[Content | str | tuple[str, str]] = [
        (
            f"Score {marks(report.score)} of {marks(report.max_score)} ({report.percent:.0f}%)",
            "bold",
        )
    ]
    passed = report.passed
    if passed is not None and report.pass_mark is not None:
        verdict = (" PASSED ", "bold $text-success on $success-muted")
        if not passed:
            verdict = (" NOT PASSED ", "bold $text-error on $error-muted")
        parts += ["   ", verdict, f"  pass mark {report.pass_mark * 100:.0f}%"]
    return Content.assemble(*parts)


def cbm_line(report: SessionReport) -> Content:
    """`CBM score 4 (+0.80 per question, best +3)`, beside the plain score (empty without CBM)."""
    if report.cbm is None:
        return Content("")
    best = max(right for right, _ in CBM_MARKS.values())
    return Content.assemble(
        ("CBM score ", "bold"),
        (marks(report.cbm.total), "bold"),
        f" ({report.cbm.average:+.2f} per question, at best +{best:g})",
    )


def count_items(report: SessionReport) -> list[Content]:
    """`✔ 3 right`, `◐ 1 partly right`, `✘ 1 wrong (1 not answered)`, `⚑ 1 flagged`."""
    wrong = Content.styled(f"✘ {report.wrong} wrong", "$text-error")
    if report.unanswered:
        wrong += Content.styled(f" ({report.unanswered} not answered)", "$text-muted")
    items = [
        Content.styled(f"✔ {report.right} right", "$text-success"),
        Content.styled(f"◐ {report.partial} partly right", "$text-warning"),
        wrong,
    ]
    flagged = sum(1 for r in report.results if r.flagged)
    if flagged:
        items.append(Content.styled(f"⚑ {flagged} flagged", "$text-warning"))
    return items


class CountsLine(Widget):
    """The counts of a report on one line, `✔ 3 right   ◐ 1 partly right   ✘ 1 wrong`; where
    the line is too narrow it breaks between two counts, never inside one."""

    DEFAULT_CSS = """
    CountsLine { height: auto; }
    """

    GAP = "   "

    def __init__(self, report: SessionReport, *, id: str | None = None) -> None:
        """The counts of `report`."""
        super().__init__(id=id)
        self.items = count_items(report)

    def _lines(self, width: int) -> list[Content]:
        lines: list[Content] = []
        for item in self.items:
            joined = lines[-1] + self.GAP + item if lines else item
            if lines and joined.cell_length <= width:
                lines[-1] = joined
            else:
                lines.append(item)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the counts need at `width`."""
        return len(self._lines(width))

    def render(self) -> Content:
        """The counts, packed into lines of the widget's width."""
        return Content("\n").join(self._lines(self.size.width or 80))


def self_grades_line(report: SessionReport) -> Content:
    """How often each self-grade was given in a flashcard session: `Again 1 · Hard 0 · ...`."""
    given = [r.response for r in report.results]
    counts = [f"{grade.name.title()} {given.count(grade)}" for grade in SelfGrade]
    return Content("Your grades: " + " · ".join(counts))


class CalibrationTable(Widget):
    """Accuracy at each confidence level, what the level earns and costs, and the answers given
    with high confidence that were wrong."""

    DEFAULT_CSS = """
    CalibrationTable {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, report: SessionReport, *, id: str | None = None) -> None:
        """The table of `report` (which has a `cbm` summary)."""
        super().__init__(id=id)
        self.report = report

    def render(self) -> Content:
        """A header row, one row per level, then the confidently wrong questions."""
        cbm = self.report.cbm
        if cbm is None:
            return Content("")
        head = f"{'Confidence':<17}{'answers':>8}{'right':>7}{'accuracy':>10}   marks"
        lines = [Content.styled(head, "bold")]
        for row in cbm.rows:
            accuracy = "—" if row.accuracy is None else f"{row.accuracy * 100:.0f}%"
            right, wrong = CBM_MARKS[row.level]
            label = f"{row.level} {CONFIDENCE_LABELS[row.level]}"
            stakes = f"+{right:g} / {wrong:g}"
            lines.append(
                Content(f"{label:<17}{row.answered:>8}{row.right:>7}{accuracy:>10}   {stakes}")
            )
        if cbm.confidently_wrong:
            numbers = ", ".join(str(i + 1) for i in cbm.confidently_wrong)
            label = "question" if len(cbm.confidently_wrong) == 1 else "questions"
            lines.append(
                Content.styled(
                    f"Sure but wrong: {label} {numbers}, the most dangerous mistakes.",
                    "bold $text-error",
                )
            )
        return Content("\n").join(lines)
