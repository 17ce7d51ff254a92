"""The driver of a student's app process: textual-serve's web driver, plus quizapp's packets.

textual-serve starts each app process with `TEXTUAL_DRIVER` naming its driver; the class server
names this one. It reads the server's verdict on a join code (`JOIN_RESULT`) and hands it to the
app as a `JoinAnswered` message; everything else is the web driver's. When the server goes away
(its end of standard input closes, even if it was killed) the app quits. Files are never
delivered to the browser from here: a class session's app has nothing of the server's to hand
out.
"""

from __future__ import annotations

from typing import Any, BinaryIO, TextIO

from textual import log, messages
from textual.drivers.web_driver import WebDriver
from textual.message import Message

from quizapp.core.serving import JOIN_RESULT


class JoinAnswered(Message):
    """The server's verdict on the join code the app sent: `ok`, else refused `wait` seconds."""

    def __init__(self, ok: bool, wait: float) -> None:
        super().__init__()
        self.ok = ok
        self.wait = wait


class ServedDriver(WebDriver):
    """The web driver, with the class server's packets and without file deliveries."""

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        """A packet from the server: a join verdict goes to the app, the rest as usual."""
        if packet_type == JOIN_RESULT:
            wait = payload.get("wait")
            seconds = float(wait) if isinstance(wait, int | float) else 0.0
            self._app.post_message(JoinAnswered(payload.get("ok") is True, max(0.0, seconds)))
            return
        super().on_meta(packet_type, payload)

    def run_input_thread(self) -> None:
        """Read the server's input; once it ends (the server stopped us, or died and closed
        our standard input) quit: no browser can reach this app any more."""
        try:
            super().run_input_thread()
        finally:
            self._app.post_message(messages.ExitApp())

    def send(self, packet: dict[str, Any]) -> None:
        """Send a meta packet to the server."""
        self.write_meta(packet)

    def deliver_binary(self, binary: BinaryIO | TextIO, **_details: Any) -> None:
        """Deliver nothing: close the file instead of handing it to the browser."""
        binary.close()
        log.warning("a class session delivers no files")
