"""One student's app process, as the class server runs it: textual-serve's `AppService` with the
class session's driver, packets and limits.

The process is started with `quizapp.served.ServedDriver` as its driver. Of the packets it
sends, the class server answers join codes (`JOIN`, checked through the server's gate), keeps the
latest `STATUS` for the instructor's table, passes on the end of the app and links it opens, and
drops the rest: a file delivery is never set up, so nothing on the server can be downloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from textual_serve.app_service import AppService

from quizapp.core.serving import JOIN, JOIN_RESULT, STATUS, Status, parse_status

log = logging.getLogger("quizapp.server")

#: The driver every student's app process is started with.
DRIVER = "quizapp.served.driver:ServedDriver"

#: Answers a join code from `address`: (right, seconds the address is refused for).
JoinGate = Callable[[str, str], Awaitable[tuple[bool, float]]]
#: Told of a seat whose status changed, with the status it had before.
StatusWatcher = Callable[["Seat", Status], None]


@dataclass
class Seat:
    """One connected tab: where it comes from, its process, and the student's latest status."""

    address: str
    started: float = field(default_factory=time.monotonic)
    status: Status = field(default_factory=Status)
    service: ClassAppService | None = None


class ClassAppService(AppService):
    """An app process of the class session, for the tab at `seat`."""

    def __init__(
        self,
        command: str,
        seat: Seat,
        gate: JoinGate,
        watcher: StatusWatcher,
        **kwargs: object,
    ) -> None:
        super().__init__(command, **kwargs)  # type: ignore[arg-type]
        self.seat = seat
        self.gate = gate
        self.watcher = watcher

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment["TEXTUAL_DRIVER"] = DRIVER
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        """Start the app as textual-serve does, in a session of its own: the instructor's
        Ctrl+C reaches the server alone, which then stops every app cleanly."""
        self._process = process = await asyncio.create_subprocess_shell(
            self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        """The app process's id, once started."""
        return None if self._process is None else self._process.pid

    async def on_meta(self, data: bytes) -> None:
        """A packet from the app: see the module docstring for what is done with each."""
        try:
            packet = json.loads(data)
        except ValueError:
            return
        if not isinstance(packet, dict):
            return
        kind = packet.get("type")
        if kind == STATUS:
            status = parse_status(packet)
            if status is not None and status != self.seat.status:
                before, self.seat.status = self.seat.status, status
                self.watcher(self.seat, before)
        elif kind == JOIN:
            code = packet.get("code")
            right, wait = await self.gate(self.seat.address, code if isinstance(code, str) else "")
            await self.send_meta({"type": JOIN_RESULT, "ok": right, "wait": int(wait)})
        elif kind in ("exit", "open_url"):
            await super().on_meta(data)
        else:
            log.warning("refused a %r packet from the app of %s", kind, self.seat.address)

    async def stop_within(self, seconds: float) -> None:
        """Ask the app to quit and wait for it; after `seconds`, kill the process."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self.stop()), seconds)
            return
        process = self._process
        if process is not None and process.returncode is None:
            process.kill()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), seconds)
