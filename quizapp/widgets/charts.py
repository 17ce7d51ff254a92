"""The progress screen's charts, drawn by plotext in `textual-plotext` widgets.

Each chart is a `PlotextPlot` with a border title; `accuracy_chart` and `count_chart` (re)draw
one from the figures of `quizapp.core.progress.BankReport`. The x axis is the day's position,
labelled with a few dates only, so the labels never crowd however narrow the chart is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual_plotext import PlotextPlot

from quizapp.core.progress import DayAccuracy, DayCount

__all__ = ["Chart", "accuracy_chart", "count_chart", "day_label"]


class Chart(PlotextPlot):
    """A small chart with its title on its border."""

    DEFAULT_CSS = """
    Chart {
        height: 1fr;
        min-height: 8;
        border: round $panel-lighten-2;
        border-title-color: $text;
        border-title-style: bold;
    }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        """An empty chart titled `title`."""
        super().__init__(id=id)
        self.border_title = title


def day_label(day: date, today: date) -> str:
    """`today`, or a short date: `3 Mar`."""
    return "today" if day == today else f"{day.day} {day:%b}"


def _start(plot: PlotextPlot, count: int) -> None:
    """Clear the figure and set the axes shared by every chart: one slot per day."""
    plt = plot.plt
    plt.clear_figure()
    plt.xaxes(True, False)  # no line along the top and the right: more room for the bars
    plt.yaxes(True, False)
    plt.xlim(-0.5, count - 0.5)


def _day_ticks(plot: PlotextPlot, days: Sequence[date], today: date) -> None:
    """Label the first, middle and last days only."""
    if not days:
        return
    ticks = sorted({0, len(days) // 2, len(days) - 1})
    plot.plt.xticks([float(i) for i in ticks], [day_label(days[i], today) for i in ticks])


def accuracy_chart(plot: PlotextPlot, days: Sequence[DayAccuracy], today: date) -> None:
    """A dot for each day's mean score (0-100%); days without answers have none.

    Dots, not bars: a day of wrong answers (0%) must look unlike a day without any.
    """
    _start(plot, len(days))
    answered = [(i, d.mean_score) for i, d in enumerate(days) if d.mean_score is not None]
    plt = plot.plt
    if answered:
        plt.scatter([i for i, _ in answered], [100 * s for _, s in answered], marker="●")
    plt.ylim(0, 100)
    plt.yticks([0, 50, 100], ["0%", "50%", "100%"])
    _day_ticks(plot, [d.day for d in days], today)
    plot.refresh()


def count_chart(plot: PlotextPlot, days: Sequence[DayCount], today: date) -> None:
    """Bars of a count per day (reviews done, reviews falling due), with whole-number ticks."""
    _start(plot, len(days))
    plt = plot.plt
    top = max((d.number for d in days), default=0)
    if top:
        plt.bar(list(range(len(days))), [d.number for d in days], width=0.6)
    top = max(top, 1)
    plt.ylim(0, top)
    plt.yticks([float(n) for n in sorted({0, top // 2, top})])
    _day_ticks(plot, [d.day for d in days], today)
    plot.refresh()
