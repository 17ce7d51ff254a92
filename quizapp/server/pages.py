"""The pages the class server sends: the app page (textual-serve's terminal, with its fonts served
here) and the plain pages that refuse a tab, each with the HTTP status that says why.

Templates are rendered by Jinja2 with autoescaping on, so nothing a page shows can become markup;
every response is marked not to be cached, framed or followed by a referrer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
from aiohttp import web

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
)

HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "frame-ancestors 'none'",
}


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a tab is not let in: an HTTP status, a heading and a sentence."""

    status: int
    kind: str
    """The page's id, for tests and style: wrong-code, locked-out, full, expired."""
    heading: str
    message: str


WRONG_CODE = Refusal(403, "wrong-code", "Not let in", "That join code is not right.")
FULL = Refusal(
    503,
    "full",
    "This class session is full",
    "Every place is taken. Ask your instructor, or try again when someone has finished.",
)
EXPIRED = Refusal(403, "expired", "This page has expired", "Load the page again to start.")


def locked_out(seconds: float) -> Refusal:
    """The refusal of an address that gave too many wrong codes, for `seconds` more."""
    minutes = max(1, round(seconds / 60))
    return Refusal(
        429,
        "locked-out",
        "Too many wrong codes",
        f"Too many wrong join codes came from your network. Try again in {minutes} min.",
    )


def refusal_page(refusal: Refusal, title: str) -> web.Response:
    """The page of `refusal`."""
    html = _TEMPLATES.get_template("page.html").render(
        title=title, kind=refusal.kind, heading=refusal.heading, message=refusal.message
    )
    response = web.Response(text=html, status=refusal.status, content_type="text/html")
    response.headers.update(HEADERS)
    if refusal.status == 429:
        response.headers["Retry-After"] = "60"
    return response


def app_page(title: str, static_url: str, websocket_url: str, font_size: int) -> web.Response:
    """The page that opens a student's session at `websocket_url`."""
    html = _TEMPLATES.get_template("index.html").render(
        title=title, static_url=static_url, websocket_url=websocket_url, font_size=font_size
    )
    response = web.Response(text=html, content_type="text/html")
    response.headers.update(HEADERS)
    return response
