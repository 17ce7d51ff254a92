"""The sign-in screen of a class session (`quizapp serve`): who the student is, and the join code
when they did not come with it in the address.

The identifier is checked by `quizapp.core.serving.check_identifier` as it is typed Enter on; the
code and anything else the class session needs are the business of `admit`, an async callable
from the app that answers None (come in) or what to tell the student. The screen is dismissed
with a `SignIn` once admitted, and never otherwise: a class session has nothing behind it to go
back to. The title and the description of what follows are the instructor's words: data, never
markup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from quizapp.core.serving import IDENTIFIER_MAX, IdentifierError, check_identifier
from quizapp.widgets import Footer

#: Answers None to let the student in, else the reason they are not (shown as it is).
Admit = Callable[[str, str], Awaitable[str | None]]


@dataclass(frozen=True, slots=True)
class SignIn:
    """Who signed in."""

    identifier: str
    """As typed, without the spaces around it (checked: `check_identifier`)."""


class SignInScreen(Screen[SignIn]):
    """Type your name (and the join code, when asked for one); Enter signs in."""

    CSS_PATH = "signin.tcss"
    AUTO_FOCUS = "#signin-name"

    def __init__(self, title: str, admit: Admit, *, ask_code: bool, about: str = "") -> None:
        """A sign-in to the class session `title`, whose next step `about` describes; `admit`
        decides who comes in; `ask_code` adds the join code field."""
        super().__init__()
        self.session_title = title
        self.admit = admit
        self.ask_code = ask_code
        self.about = about
        self._asking = False
        """True while `admit` is deciding: Enter does nothing meanwhile (the fields keep the
        focus, so nothing typed goes astray)."""

    def compose(self) -> ComposeResult:
        """The title line, the box with the fields and the message line, the footer."""
        yield Static(Content("quizapp · " + self.session_title), id="signin-header")
        with Vertical(id="signin-box"):
            yield Static(Content.styled("Sign in", "bold"), id="signin-title")
            yield Static("Your name or student number", classes="signin-label")
            yield Input(
                placeholder="for example ann.lee",
                max_length=IDENTIFIER_MAX,
                id="signin-name",
            )
            if self.ask_code:
                yield Static("Join code (from your instructor)", classes="signin-label")
                yield Input(placeholder="letters and digits", max_length=32, id="signin-code")
            yield Static("", id="signin-message")
            if self.about:
                yield Static(Content(self.about), id="signin-about")
            yield Static(
                Content.styled(
                    "Enter signs in. Letters, digits, spaces, - _ and . only. Your answers are "
                    "saved under this name: use the same one if you come back.",
                    "dim",
                ),
                id="signin-note",
            )
        yield Footer()

    def show_message(self, text: str, *, error: bool = True) -> None:
        """Say what is wrong (or, not an `error`, what is happening) under the fields."""
        message = self.query_one("#signin-message", Static)
        message.set_class(not error, "-busy")
        message.update(Content(text))

    @on(Input.Submitted, "#signin-name")
    def _name_entered(self) -> None:
        code = self.query("#signin-code")
        if code and not code.first(Input).value.strip():
            self._check_name()  # said now, before the code is typed
            code.first(Input).focus()
            return
        self._sign_in()

    @on(Input.Submitted, "#signin-code")
    def _code_entered(self) -> None:
        self._sign_in()

    def _check_name(self) -> str | None:
        """The identifier typed, or None after saying what is wrong with it."""
        name = self.query_one("#signin-name", Input)
        try:
            identifier = check_identifier(name.value)
        except IdentifierError as error:
            self.show_message(f"✘ {str(error)[:1].upper()}{str(error)[1:]}.")
            name.focus()
            return None
        self.show_message("")
        return identifier

    def _sign_in(self) -> None:
        if self._asking:
            return
        identifier = self._check_name()
        if identifier is not None:
            code = self.query("#signin-code")
            self._admit(identifier, code.first(Input).value if code else "")

    @work(exclusive=True, group="sign-in")
    async def _admit(self, identifier: str, code: str) -> None:
        """Ask the app whether the student may come in; Enter waits meanwhile."""
        self._asking = True
        self.show_message("Signing in…", error=False)
        try:
            refused = await self.admit(identifier, code)
        finally:
            self._asking = False
        if refused is None:
            self.dismiss(SignIn(identifier))
            return
        self.show_message(f"✘ {refused}")
        code_field = self.query("#signin-code")
        if code_field:
            code_field.first(Input).clear()
            code_field.first(Input).focus()
        else:
            self.query_one("#signin-name", Input).focus()
