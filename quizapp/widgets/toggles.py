"""Checkboxes, radio buttons and ticked lists whose on and off look different without colour.

Textual draws every toggle as `▐X▌` (a radio button `▐●▌`) and tells on from off by colour
alone, which 16-colour terminals and `NO_COLOR` lose. These draw the mark only when on: `▐X▌`
ticked, `▐ ▌` not; `▐●▌` chosen, `▐ ▌` not.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

#: What an unticked box or an unchosen radio button shows inside.
OFF = " "


class TickBox(Checkbox):
    """A checkbox showing its X only when ticked."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:
        """The X when ticked, a blank when not (Textual draws the button from it)."""
        return "X" if self.value else OFF


class RadioDot(RadioButton):
    """A radio button showing its dot only when chosen."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:
        """The dot when chosen, a blank when not."""
        return "\u25cf" if self.value else OFF


class TickList(SelectionList[str]):
    """A selection list whose boxes show their X only for the ticked entries."""

    def render_line(self, y: int) -> Strip:
        """The line as Textual draws it, the X blanked in an unticked entry's box."""
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        if selection.value in self.selected:
            return line
        segments = list(line)
        # Textual's box is three segments at the start: left side, X, right side.
        if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER:
            segments[1] = Segment(OFF, segments[1].style)
            return Strip(segments, line.cell_length)
        return line
