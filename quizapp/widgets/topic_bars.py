"""Bars that show, per topic, how much of the marks a student earned: one line per topic.

The bars are drawn with block characters in the width the widget gets, so they fill an 80-column
terminal and use the room of a wider one. Topic names are bank data and never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from quizapp.core.study import TopicScore

#: Partial blocks, in eighths of a cell, for the end of a bar.
EIGHTHS = " ▏▎▍▌▋▊▉"
#: Narrowest bar worth drawing; below it the bar is left out and the numbers remain.
MIN_BAR = 6


def marks(value: float) -> str:
    """A mark count without float noise: `4`, `4.5`, `4.33`."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def bar(fraction: float, width: int) -> tuple[str, str]:
    """The filled and the empty part of a bar `width` cells wide, filled to `fraction` (0..1)."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    filled = "█" * full + (EIGHTHS[part] if part else "")
    return filled, "░" * (width - len(filled))


class TopicBars(Widget):
    """One line per topic: its name, a bar of the marks earned, the marks and the percentage.

    With a `pass_mark` (a fraction), bars at or above it are green and the others red; without
    one they are all in the accent colour.
    """

    DEFAULT_CSS = """
    TopicBars {
        height: auto;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(
        self, topics: Sequence[TopicScore], pass_mark: float | None = None, *, id: str | None = None
    ) -> None:
        """Bars for `topics`, coloured against `pass_mark` when there is one."""
        super().__init__(id=id)
        self.topics = tuple(topics)
        self.pass_mark = pass_mark

    def _style(self, topic: TopicScore) -> str:
        if self.pass_mark is None:
            return "$text-accent"
        return "$text-success" if topic.percent / 100 >= self.pass_mark else "$text-error"

    def render(self) -> Content:
        """The lines, laid out for the current width."""
        if not self.topics:
            return Content("Nothing was graded.")
        width = self.size.width or 80
        numbers = [f"{marks(t.score)}/{marks(t.max_score)}  {t.percent:3.0f}%" for t in self.topics]
        numbers_width = max(len(n) for n in numbers)
        longest = max(Content(t.topic).cell_length for t in self.topics)
        # Names take what they need as long as the bar keeps a third of the line.
        room = width - numbers_width - 4 - max(MIN_BAR, width // 3)
        name_width = min(longest, max(10, room))
        bar_width = width - name_width - numbers_width - 4
        lines = []
        for topic, number in zip(self.topics, numbers, strict=True):
            name = Content(topic.topic).truncate(name_width, ellipsis=True, pad=True)
            parts: list[Content | str | tuple[str, str]] = [name, "  "]
            if bar_width >= MIN_BAR:
                filled, empty = bar(topic.percent / 100, bar_width)
                parts += [(filled, self._style(topic)), (empty, "$text-muted"), "  "]
            parts.append(number.rjust(numbers_width))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)
