"""`quizapp serve`, once its arguments are read: check the banks, write the settings every app
process gets, listen, show the live table until Ctrl+C, then end cleanly.

Ending: the server stops taking tabs, asks every app process to quit and waits for them (every
graded answer is on disk already: each was synced as it was written), then says where the
results are and the `quizapp stats` command that analyses them.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import shutil
import signal
import socket
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.live import Live

from quizapp.core.bank import BankCache
from quizapp.core.serving import ServedConfig, describe_session, load_served_banks, write_config
from quizapp.core.study import StudyError
from quizapp.server.board import Figures, board, folder_stamp, read_figures
from quizapp.server.server import ClassServer

REFRESH_SECONDS = 1.0


def addresses_to_give(host: str, port: int, code: str | None) -> list[str]:
    """The addresses to hand the students: the host's own, or this machine's for 0.0.0.0/::."""
    hosts = [host]
    if host in ("0.0.0.0", "::", ""):
        found: dict[str, None] = {}
        with contextlib.suppress(OSError):
            for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
                address = str(info[4][0])
                if not address.startswith("127."):
                    found[address] = None
        hosts = list(found) or ["<this machine's address>"]
    query = f"/?code={code}" if code else "/"
    return [f"http://{'[' + h + ']' if ':' in h else h}:{port}{query}" for h in hosts]


def serve_class(
    config: ServedConfig,
    *,
    host: str,
    port: int,
    code: str | None,
    max_sessions: int,
    out: TextIO,
    err: TextIO,
) -> int:
    """Run the class session `config` until Ctrl+C; returns the exit status."""
    workdir = Path(tempfile.mkdtemp(prefix="quizapp-serve-"))  # private: mode 0700
    try:
        return asyncio.run(_serve(config, workdir, host, port, code, max_sessions, out, err))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _prepare(config: ServedConfig, workdir: Path, err: TextIO) -> ServedConfig | None:
    """Check the banks (caching them for the app processes) and describe the session."""
    cache_dir = workdir / "cache"
    banks, problems = load_served_banks(config.banks, BankCache(cache_dir))
    for problem in problems:
        err.write(f"quizapp serve: {problem}\n")
    if not banks:
        err.write("quizapp serve: no valid bank to serve\n")
        return None
    try:
        about = describe_session(banks, config)
    except StudyError as error:
        err.write(f"quizapp serve: the session cannot start: {error}\n")
        return None
    title = config.title if len(banks) > 1 else banks[0].title
    return replace(config, cache_dir=str(cache_dir), about=about, title=title)


async def _serve(
    config: ServedConfig,
    workdir: Path,
    host: str,
    port: int,
    code: str | None,
    max_sessions: int,
    out: TextIO,
    err: TextIO,
) -> int:
    prepared = await asyncio.to_thread(_prepare, config, workdir, err)
    if prepared is None:
        return 1
    config_path = workdir / "config.json"
    write_config(prepared, config_path)
    server = ClassServer(
        config_path,
        host=host,
        port=port,
        code=code,
        max_sessions=max_sessions,
        title=f"quizapp · {prepared.title}",
    )
    try:
        port = await server.start()
    except OSError as error:
        err.write(f"quizapp serve: cannot listen on {host}:{port}: {error.strerror or error}\n")
        return 1
    console = Console(file=out, highlight=False, soft_wrap=True)
    console.print(
        f"Serving {prepared.title!r}: {prepared.about or 'the home screen'}", markup=False
    )
    for address in addresses_to_give(host, port, code):
        console.print(f"Students open: {address}", markup=False)
    if code:
        console.print(f"Join code: {code}", markup=False)
    console.print(
        f"Results: {prepared.results_dir} · at most {max_sessions} students", markup=False
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    figures = await _watch(server, prepared, console, stop)
    unsubmitted = [
        f"{seat.status.student} ({seat.status.answered}/{seat.status.total} answered)"
        for seat in server.seats.values()
        if seat.status.mode == "exam" and not seat.status.done and seat.status.student
    ]
    if unsubmitted:
        console.print("Exams not submitted (nothing of them is saved): " + ", ".join(unsubmitted),
                      markup=False)  # fmt: skip
    console.print("Ending the class session: closing every tab…")
    await server.stop()
    figures = await asyncio.to_thread(read_figures, Path(prepared.results_dir), {})
    _summary(console, prepared, figures)
    return 0


async def _watch(
    server: ClassServer, config: ServedConfig, console: Console, stop: asyncio.Event
) -> Figures:
    """Keep the live table up to date until `stop` is set."""
    results = Path(config.results_dir)
    banks, _ = await asyncio.to_thread(
        load_served_banks,
        config.banks,
        BankCache(Path(config.cache_dir) if config.cache_dir else None),
    )
    by_id = {bank.id: bank for bank in banks}
    figures, stamp = Figures(None, {}), None
    header = f"Class session {config.title!r} · {config.about or 'home screen'}"
    with Live(console=console, auto_refresh=False, transient=False) as live:
        while True:  # once more after the stop, so the last events and figures are shown
            ending = stop.is_set()
            now_stamp = await asyncio.to_thread(folder_stamp, results)
            if now_stamp != stamp:
                figures = await asyncio.to_thread(read_figures, results, by_id)
                stamp = now_stamp
            events, server.events[:] = list(server.events), []
            for line in events:
                live.console.print(line, markup=False)
            live.update(board(header, server.seats.values(), figures), refresh=True)
            if ending:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), REFRESH_SECONDS)
    console.print()
    return figures


def _summary(console: Console, config: ServedConfig, figures: Figures) -> None:
    answers = sum(figures.saved.values())
    students = len(figures.saved)
    console.print(
        f"Class session ended: {students} student{'s' * (students != 1)}, "
        f"{answers} answer{'s' * (answers != 1)}, in {config.results_dir}",
        markup=False,
    )
    command = ["quizapp", "stats", config.results_dir, "--banks", *config.banks]
    console.print(f"Analyse them with: {shlex.join(command)}", markup=False)
