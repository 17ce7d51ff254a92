"""The offer of a mock exam closed before it was submitted (a quit, a crash, a power cut).

`ResumeDialog` says what the exam was (its banks, answered, flagged, the time it had left, and
what changed in its banks since), that the clock stood still while quizapp was closed, and is
dismissed with "resume", "discard" or None (later: offered again next time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quizapp.widgets.exam.clock import clock_text

if TYPE_CHECKING:
    from quizapp.core.progress import ResumedExam

__all__ = ["ResumeDialog", "resume_text"]


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def resume_text(resumed: ResumedExam) -> Content:
    """What the offer says about `resumed` (bank titles are data: never markup)."""
    lines = [Content.styled(" + ".join(resumed.saved.titles) or "Mock exam", "bold")]
    left = (
        "untimed"
        if resumed.remaining is None
        else f"{clock_text(resumed.remaining)} left on its clock"
    )
    lines.append(
        Content(
            f"{resumed.answered} of {resumed.total} answered · {resumed.flagged} flagged · {left}."
        )
    )
    if resumed.remaining is not None:
        lines.append(
            Content.styled(
                "The clock stood still while quizapp was closed: you have the time that was left.",
                "dim",
            )
        )
    if resumed.dropped:
        gone = _count(resumed.dropped, "question")
        verb = "is" if resumed.dropped == 1 else "are"
        lines.append(Content(f"{gone} {verb} no longer in its bank: left out."))
    if resumed.changed:
        lines.append(
            Content(
                f"{_count(resumed.changed, 'question')} changed since:"
                " asked again, the old answer cleared."
            )
        )
    if not resumed.resumable:
        lines.append(Content.styled("Nothing of it is left to resume.", "bold"))
    return Content("\n").join(lines)


class ResumeDialog(ModalScreen[str | None]):
    """Resume (`r`, Enter) or discard (`d`) an exam left unsubmitted; Escape decides later."""

    DEFAULT_CSS = """
    ResumeDialog {
        align: center middle;
        & > Vertical {
            width: 66;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $warning;
            border-title-color: $text-warning;
            border-title-style: bold;
            background: $surface;
            padding: 1 2;
        }
        .resume-text { height: auto; }
        .resume-buttons { margin-top: 1; align-horizontal: right; height: auto; }
        Button { margin-left: 2; }
    }
    """

    BINDINGS = [
        Binding("r,enter", "choose('resume')", "Resume", key_display="r"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape", "choose(None)", "Later"),
        Binding("left,right", "app.focus_next", "Switch button", show=False),
    ]

    def __init__(self, resumed: ResumedExam) -> None:
        """The offer of `resumed`."""
        super().__init__()
        self.resumed = resumed

    def compose(self) -> ComposeResult:
        """What the exam was, and the three ways on."""
        with Vertical() as box:
            box.border_title = "A mock exam was left unsubmitted"
            yield Static(resume_text(self.resumed), classes="resume-text")
            with HorizontalGroup(classes="resume-buttons"):
                if self.resumed.resumable:
                    yield Button("Resume (r)", variant="primary", id="resume-resume")
                yield Button("Discard (d)", id="resume-discard")
                yield Button("Later (Esc)", id="resume-later")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Resuming needs something left to resume."""
        if action == "choose" and parameters[0] == "resume":
            return self.resumed.resumable
        return True

    def action_choose(self, choice: str | None) -> None:
        """Close the dialog with `choice`."""
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = (event.button.id or "").removeprefix("resume-")
        self.dismiss(None if choice == "later" else choice)
