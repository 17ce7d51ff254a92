"""The class server: textual-serve's `Server`, with a door.

Routes: `/` the page of a new session, `/ws/{ticket}` its websocket, `/static/` textual-serve's
scripts and fonts. textual-serve's `/download/` route is not there, nor directory listings.

Who comes in is decided before any app process is started:

- `/` with `?code=` checks the code (constant time); a wrong one is refused with a plain page and
  counted against the client's address, which is refused for a while after a few
  (`RateLimiter`). An address that is refused gets that page whatever code it brings.
- A class with `max_sessions` tabs open (or promised) refuses more with a plain page.
- Otherwise the page carries a one-time ticket for the websocket, valid for `TICKET_SECONDS`,
  from the same address only; the ticket says whether the code was checked. No websocket opens
  without a ticket, so a page of another site cannot open one in a student's browser either.
- A tab that came without the code gets the sign-in screen's code field, and the app asks the
  server (`ClassAppService`), which checks it and counts it as above.

Every keystroke and size from the browser is passed on as textual-serve does, with sizes kept
within reason; the app process's packets are handled by `ClassAppService`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from aiohttp import WSMsgType, web
from textual_serve.server import Server

from quizapp.core.serving import RateLimiter, Status, codes_match
from quizapp.server.pages import EXPIRED, FULL, WRONG_CODE, app_page, locked_out, refusal_page
from quizapp.server.service import ClassAppService, Seat

log = logging.getLogger("quizapp.server")

#: Seconds a page's ticket stays good for opening its websocket.
TICKET_SECONDS = 60.0
#: Terminal sizes a browser may ask for (columns, rows); beyond them the size is clamped.
COLUMNS = (20, 400)
ROWS = (8, 200)
#: The largest message a browser may send on the websocket (keys, sizes, pings).
MAX_MESSAGE = 64 * 1024


@dataclass(frozen=True, slots=True)
class Ticket:
    """A page's promise of one session, to its address, until `expires`."""

    address: str
    joined: bool
    expires: float


def _clamp(text: object, bounds: tuple[int, int], default: int) -> int:
    try:
        value = int(str(text))
    except ValueError:
        return default
    return max(bounds[0], min(bounds[1], value))


class ClassServer(Server):
    """Serves the class session whose settings are in `config_path` to `max_sessions` tabs."""

    def __init__(
        self,
        config_path: Path,
        *,
        host: str,
        port: int,
        code: str | None,
        max_sessions: int,
        title: str,
        limiter: RateLimiter | None = None,
    ) -> None:
        """A server for the app process started with `config_path`; `code` None lets anyone who
        reaches it in (use it on 127.0.0.1 only)."""
        # `exec`: the shell textual-serve starts becomes the app, so stopping it stops the app.
        command = "exec " + shlex.join([sys.executable, "-m", "quizapp.served", str(config_path)])
        super().__init__(command, host=host, port=port, title=title)
        self.code = code
        self.max_sessions = max_sessions
        self.limiter = limiter or RateLimiter()
        self.seats: dict[str, Seat] = {}
        """The tabs connected now, by ticket."""
        self.events: list[str] = []
        """What happened since the live table last took them: signed in, finished, left."""
        self._tickets: dict[str, Ticket] = {}
        self._stopping = False
        self.runner: web.AppRunner | None = None

    # --- the routes -------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application()
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{ticket}", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    def taken(self, now: float) -> int:
        """Places taken: tabs connected, and pages whose ticket is still good."""
        for key in [key for key, ticket in self._tickets.items() if ticket.expires <= now]:
            del self._tickets[key]
        return len(self.seats) + len(self._tickets)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page of a new session, or the page that says why there is none."""
        address = request.remote or "unknown"
        now = time.monotonic()
        wait = self.limiter.wait(address, now)
        if wait > 0:
            return refusal_page(locked_out(wait), self.title)
        joined = self.code is None
        given = request.query.get("code", "").strip()
        if self.code is not None and given:
            if not codes_match(given, self.code):
                wait = self.limiter.failed(address, now)
                return refusal_page(locked_out(wait) if wait else WRONG_CODE, self.title)
            self.limiter.succeeded(address)
            joined = True
        if self._stopping or self.taken(now) >= self.max_sessions:
            return refusal_page(FULL, self.title)
        ticket = secrets.token_urlsafe(24)
        self._tickets[ticket] = Ticket(address, joined, now + TICKET_SECONDS)
        scheme = "wss" if request.secure else "ws"
        url = f"{scheme}://{request.host}{request.app.router['websocket'].url_for(ticket=ticket)}"
        font_size = _clamp(request.query.get("fontsize", "16"), (8, 48), 16)
        return app_page(self.title, "/static/", url, font_size)

    async def gate(self, address: str, code: str) -> tuple[bool, float]:
        """The verdict on a join code typed on the sign-in screen by a tab from `address`."""
        now = time.monotonic()
        wait = self.limiter.wait(address, now)
        if wait > 0:
            return False, wait
        if self.code is None or codes_match(code, self.code):
            self.limiter.succeeded(address)
            return True, 0.0
        return False, self.limiter.failed(address, now)

    def _origin_ok(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser page: it still needed a ticket from one
        return origin.split("://", 1)[-1] == request.host

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """A session's websocket: one app process, for as long as the socket is open."""
        key = request.match_info["ticket"]
        ticket = self._tickets.pop(key, None)
        address = request.remote or "unknown"
        if ticket is None or ticket.address != address or not self._origin_ok(request):
            return refusal_page(EXPIRED, self.title)
        if self._stopping or ticket.expires <= time.monotonic():
            return refusal_page(EXPIRED, self.title)
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        seat = Seat(address)
        self.seats[key] = seat
        command = self.command + (" --joined" if ticket.joined else "")
        width = _clamp(request.query.get("width", "80"), COLUMNS, 80)
        height = _clamp(request.query.get("height", "24"), ROWS, 24)
        service: ClassAppService | None = None
        try:
            await websocket.prepare(request)
            service = ClassAppService(
                command,
                seat,
                self.gate,
                self.status_changed,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
            )
            seat.service = service
            await service.start(width, height)
            await self._relay(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:  # a broken socket or process ends this session, not the server
            log.exception("session from %s failed", address)
        finally:
            if service is not None:
                await service.stop_within(10)
            self.seats.pop(key, None)
            if seat.status.student is not None:
                self.events.append(f"{seat.status.student} left")
        return websocket

    def status_changed(self, seat: Seat, before: Status) -> None:
        """Note a student signing in or finishing, for the instructor."""
        status = seat.status
        if status.student is not None and before.student is None:
            self.events.append(f"{status.student} signed in (from {seat.address})")
        if status.done and not (before.done and before.mode == status.mode):
            done = "submitted the exam" if status.mode == "exam" else f"finished {status.mode}"
            self.events.append(
                f"{status.student} {done}: {status.answered}/{status.total} answered"
            )

    async def _relay(self, websocket: web.WebSocketResponse, service: ClassAppService) -> None:
        """Pass the browser's keys, sizes and focus on to the app, as textual-serve does."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width = _clamp(data.get("width"), COLUMNS, 80)
                height = _clamp(data.get("height"), ROWS, 24)
                await service.set_terminal_size(width, height)
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:32]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    # --- running ----------------------------------------------------------------------------

    async def start(self) -> int:
        """Listen on the host and port; returns the port (useful when port 0 picked one)."""
        self.runner = web.AppRunner(await self._make_app(), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.host, self.port)
        await site.start()
        server = site._server  # aiohttp keeps the listening sockets there
        sockets = getattr(server, "sockets", None) or []
        if sockets:
            self.port = sockets[0].getsockname()[1]
        return self.port

    async def on_shutdown(self, app: web.Application) -> None:
        """Stop taking tabs; ask every app to quit (their answers are on disk already)."""
        self._stopping = True
        seats = list(self.seats.values())
        await asyncio.gather(
            *(seat.service.stop_within(10) for seat in seats if seat.service is not None),
            return_exceptions=True,
        )

    async def stop(self) -> None:
        """Close every session and stop listening."""
        self._stopping = True
        if self.runner is not None:
            with contextlib.suppress(Exception):
                await self.runner.cleanup()
            self.runner = None
