"""The class server's door, in process (aiohttp's test client, no app process started): pages,
codes, tickets, the limit on tabs, and the routes that are not there."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from quizapp.core.serving import RateLimiter
from quizapp.server import ClassServer

_TICKET = re.compile(r'data-session-websocket-url="ws://[^/]+/ws/([^"]+)"')


def class_server(code: str | None = "QUIZ42", max_sessions: int = 3) -> ClassServer:
    return ClassServer(
        Path("/nonexistent/config.json"), host="127.0.0.1", port=0, code=code,
        max_sessions=max_sessions, title="quizapp · <b>Week 3</b>",
        limiter=RateLimiter(attempts=3, lockout=60),
    )  # fmt: skip


@pytest.fixture
async def door() -> AsyncIterator[tuple[ClassServer, TestClient]]:
    server = class_server()
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    yield server, client
    await client.close()


async def test_the_right_code_gets_a_page_with_a_ticket(
    door: tuple[ClassServer, TestClient],
) -> None:
    server, client = door
    page = await client.get("/?code=quiz-42")
    html = await page.text()
    assert page.status == 200 and _TICKET.search(html)
    assert "&lt;b&gt;Week 3&lt;/b&gt;" in html and "<b>" not in html  # the title is data
    assert "googleapis" not in html and "https://" not in html  # nothing is fetched elsewhere
    assert page.headers["X-Frame-Options"] == "DENY"
    assert page.headers["Cache-Control"] == "no-store"
    [ticket] = server._tickets.values()
    assert ticket.joined and ticket.address == "127.0.0.1"


async def test_no_code_gets_a_page_whose_sign_in_asks_for_it(
    door: tuple[ClassServer, TestClient],
) -> None:
    server, client = door
    page = await client.get("/")
    assert page.status == 200
    [ticket] = server._tickets.values()
    assert not ticket.joined


async def test_wrong_codes_are_refused_then_the_address_is_locked_out(
    door: tuple[ClassServer, TestClient],
) -> None:
    server, client = door
    statuses = [(await client.get(f"/?code=WRONG{n}")).status for n in range(3)]
    assert statuses == [403, 403, 429]
    locked = await client.get("/?code=QUIZ42")
    assert locked.status == 429 and "Too many wrong join codes" in await locked.text()
    assert server._tickets == {}
    assert await server.gate("127.0.0.1", "QUIZ42") == (False, pytest.approx(60, abs=1))


async def test_the_sign_in_screens_codes_count_too(door: tuple[ClassServer, TestClient]) -> None:
    server, _ = door
    assert await server.gate("10.1.1.1", "nope") == (False, 0)
    assert await server.gate("10.1.1.1", "quiz 42") == (True, 0)
    for _ in range(2):
        await server.gate("10.1.1.2", "nope")
    right, wait = await server.gate("10.1.1.2", "nope")
    assert not right and wait == 60


async def test_a_full_class_refuses_the_next_tab(door: tuple[ClassServer, TestClient]) -> None:
    server, client = door
    for _ in range(3):  # pages whose tickets are still good hold their places
        assert (await client.get("/?code=QUIZ42")).status == 200
    full = await client.get("/?code=QUIZ42")
    assert full.status == 503 and 'id="full"' in await full.text()
    server._tickets.clear()  # their time ran out
    assert (await client.get("/?code=QUIZ42")).status == 200


async def test_no_websocket_opens_without_a_good_ticket(
    door: tuple[ClassServer, TestClient],
) -> None:
    server, client = door
    assert (await client.get("/ws/made-up")).status == 403
    html = await (await client.get("/?code=QUIZ42")).text()
    found = _TICKET.search(html)
    assert found is not None
    other_site = await client.get(
        f"/ws/{found.group(1)}", headers={"Origin": "http://evil.example"}
    )
    assert other_site.status == 403
    assert server.seats == {} and server._tickets == {}  # a ticket is good once, tried or not


async def test_the_server_offers_no_downloads_and_lists_no_folders(
    door: tuple[ClassServer, TestClient],
) -> None:
    _, client = door
    assert (await client.get("/download/anything")).status == 404
    assert (await client.get("/static/")).status in (403, 404)
    assert (await client.get("/static/../server.py")).status in (403, 404)
    assert (await client.get("/static/js/textual.js")).status == 200


def test_the_app_process_is_the_shells_last_command() -> None:
    command = class_server().command
    assert command.startswith("exec ") and command.endswith(
        "-m quizapp.served /nonexistent/config.json"
    )
