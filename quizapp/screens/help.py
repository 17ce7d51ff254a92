"""The help dialog (`?` or F1): every key of the screen it was opened on, footer or not.

The keys are read from the screen's active bindings when the dialog opens, so they are exactly
those that work there now: the focused widget's first, then the screen's, then the app's. Keys
that exist but do nothing at the moment are shown dimmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

#: Actions not worth listing: focus moves, copying, and sideways scrolling in a reading column.
SKIPPED_ACTIONS = frozenset(
    {
        "app.focus_next",
        "app.focus_previous",
        "screen.copy_text",
        "scroll_left",
        "scroll_right",
        "page_left",
        "page_right",
    }
)


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One line of help: the keys, what they do, and whether they do it now."""

    keys: str
    description: str
    enabled: bool


def _group_title(node: DOMNode, screen: Screen[object]) -> str:
    if node is screen.app:
        return "Everywhere"
    if node is screen:
        return "On this screen"
    title = getattr(node, "BINDING_GROUP_TITLE", None)
    if title:
        return str(title)
    border_title = getattr(node, "border_title", None)
    if border_title:
        return f"In the {str(border_title).lower()} pane"
    if isinstance(node, ScrollableContainer):
        return "Scrolling"
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__).lower()
    return f"In the {words}"


def keys_of(screen: Screen[object]) -> list[tuple[str, list[KeyHelp]]]:
    """The keys active on `screen`, grouped by where they are bound, alternates merged.

    The screen's own keys come first, then those of the focused widget, then the app's. A key
    whose footer word is short says its tooltip instead, when it has one.
    """
    app = screen.app
    groups: dict[int, tuple[int, str, dict[str, list[tuple[Binding, bool]]]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description or binding.action in SKIPPED_ACTIONS:
            continue
        node = active.node
        rank = 0 if node is screen else 2 if node is app else 1  # the screen's own keys first
        _, _, entries = groups.setdefault(id(node), (rank, _group_title(node, screen), {}))
        entries.setdefault(binding.description, []).append((binding, active.enabled))
    result = []
    for _, title, entries in sorted(groups.values(), key=lambda group: group[0]):
        lines = []
        for description, bindings in entries.items():
            # A key_display that stands for a range ("1-9 a-i") replaces the keys it covers.
            named = [b for b, _ in bindings if b.key_display]
            shown = named or [b for b, _ in bindings]
            keys = " ".join(dict.fromkeys(app.get_key_display(b) for b in shown))
            enabled = any(on for _, on in bindings)
            # A footer's short word ("Target") may carry its full name as the tooltip.
            said = next((b.tooltip for b, _ in bindings if b.tooltip), description)
            lines.append(KeyHelp(keys, said, enabled))
        result.append((title, lines))
    return result


class HelpScreen(ModalScreen[None]):
    """The keys of one screen, in a dialog; Escape, `?` or `q` close it."""

    CSS_PATH = "help.tcss"

    BINDINGS = [Binding("escape,question_mark,q,f1", "close", "Close help", key_display="esc")]

    def __init__(self, title: str, groups: list[tuple[str, list[KeyHelp]]]) -> None:
        """Help titled after the screen `title`, listing `groups` of keys."""
        super().__init__()
        self.help_title = title
        self.groups = groups

    @classmethod
    def for_screen(cls, screen: Screen[object]) -> HelpScreen:
        """The help for `screen`, as it is now."""
        name = re.sub(r"(?<!^)(?=[A-Z])", " ", type(screen).__name__.removesuffix("Screen"))
        return cls(name.strip() or "This screen", keys_of(screen))

    def compose(self) -> ComposeResult:
        """The dialog: one section per group of keys, then a word on the mouse."""
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = f"Keys · {self.help_title}"
            dialog.border_subtitle = "esc close"
            with VerticalScroll(id="help-body"):
                for title, lines in self.groups:
                    yield Static(Content(title), classes="help-group")
                    width = min(16, max(len(line.keys) for line in lines))
                    rows = [
                        Content.assemble(
                            (line.keys.rjust(width), "bold $text-accent" if line.enabled else ""),
                            "  ",
                            (line.description, "" if line.enabled else "dim"),
                            (" (not now)" if not line.enabled else "", "dim"),
                        )
                        for line in lines
                    ]
                    yield Static(Content("\n").join(rows), classes="help-keys")
                yield Static(
                    Content(
                        "The mouse works too: click choices and buttons, scroll with the wheel. "
                        "ctrl+p opens the command palette (themes, help, this screen's actions)."
                    ),
                    id="help-mouse",
                )

    def on_mount(self) -> None:
        """Long lists scroll with the arrow keys."""
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
