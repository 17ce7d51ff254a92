"""The key footer, redrawn only when what it shows changes."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer, which rebuilds every key whenever its screen refreshes its bindings
    (each focus change and each `refresh_bindings`, so after nearly every key a student
    presses), skips the rebuild when the keys it would show are the ones it shows."""

    _shown: Hashable | None = None

    def _what_it_shows(self) -> Hashable:
        """Everything `compose` reads: the shown bindings, whether each is enabled and its
        tooltip, and whether the palette key is offered."""
        active = self.screen.active_bindings
        shown = tuple(
            (binding, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)  # looked up as compose does
        offered = None if palette is None else (palette.binding, palette.enabled, palette.tooltip)
        return (shown, offered, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._what_it_shows()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._shown is not None
            and self.is_attached
            and screen is self.screen
            and self._what_it_shows() == self._shown
        ):
            return
        super().bindings_changed(screen)
