"""A class of students answering through websockets at once: nothing lost, memory, latency.

    python benchmarks/bench_serve.py [--students 30] [--questions 5] [--think S] [--json OUT]

Runs the real `quizapp serve` on loopback (a free port on 127.0.0.1, nothing else is contacted)
with a practice session of `--questions` questions, then opens `--students` sessions at once
with websocket clients that do what textual-serve's page does: ask for the page, open its
websocket, type a name and answer every question with keys ("1", Enter; Enter again to go on),
after a pause of about `--think` seconds once each question appears (each pause drawn between
half and one and a half times it, seeded, so the students drift apart as a class does; 0, the
default, answers as fast as the app does: the worst case of every student pressing keys in the
same instant).
Bounded: each step waits at most `STEP_SECONDS`, the whole run at most `RUN_SECONDS`.

Reported:

- start: seconds from opening the page to the sign-in screen's first frame (one app process
  started per student, all at once on this machine's cores);
- answer latency: from sending the Enter that submits an answer until the screen's answer (the
  feedback) starts arriving back over the websocket, and until the answer's row is in the
  student's results file (graded by the app, appended and fsynced; polled every 5 ms);
- memory: the resident memory (VmRSS) of each student's app process at the end, and of the
  server itself;
- nothing lost: every student's file holds exactly one row per answer, and `quizapp stats` on
  the folder counts every student.

This is a measurement, not a test: it prints figures and fails only when answers are lost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import aiohttp

from quizapp.core.serving import resident_memory
from tests.browser.harness import ServeProcess, descendants

STEP_SECONDS = 60.0
RUN_SECONDS = 300.0
CODE = "BENCH42"
_WS_URL = re.compile(r'data-session-websocket-url="([^"]+)"')


class Student:
    """One browser tab's worth of websocket traffic."""

    def __init__(self, name: str, url: str, results: Path) -> None:
        self.name = name
        self.url = url
        self.file = results / f"{name}.jsonl"
        self.screen = bytearray()
        self.start_seconds = 0.0
        self.saved: list[float] = []
        self.shown: list[float] = []
        self._changed = asyncio.Event()
        self.answered = asyncio.Event()
        self.rng = random.Random(name)

    async def _read(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        async for message in socket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data
                self._changed.set()

    async def _until_shown(self, *texts: str, since: int = 0) -> None:
        """Until one of `texts` arrived on the screen, after byte `since`."""
        deadline = time.monotonic() + STEP_SECONDS
        wanted = [text.encode() for text in texts]
        while not any(text in self.screen[since:] for text in wanted):
            self._changed.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.name}: {texts!r} never showed")
            try:
                await asyncio.wait_for(self._changed.wait(), left)
            except TimeoutError:
                continue

    async def _until_rows(self, rows: int) -> float:
        """Until the results file holds `rows` rows; returns when it was seen to."""
        deadline = time.monotonic() + STEP_SECONDS
        while True:
            try:
                if self.file.read_bytes().count(b"\n") >= rows:
                    return time.monotonic()
            except FileNotFoundError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: answer {rows} never saved")
            await asyncio.sleep(0.005)

    async def run(
        self, http: aiohttp.ClientSession, questions: int, think: float, release: asyncio.Event
    ) -> None:
        started = time.monotonic()
        async with http.get(f"{self.url}/?code={CODE}") as page:
            found = _WS_URL.search(await page.text())
        if found is None:
            raise RuntimeError(f"{self.name}: no session page")
        async with http.ws_connect(found.group(1) + "?width=100&height=30") as socket:
            reader = asyncio.create_task(self._read(socket))
            await socket.send_json(["resize", {"width": 100, "height": 30}])
            await self._until_shown("Sign in")
            self.start_seconds = time.monotonic() - started
            await socket.send_json(["stdin", self.name + "\r"])
            await self._until_shown(f"Question 1 of {questions}")
            for number in range(1, questions + 1):
                await asyncio.sleep(think * self.rng.uniform(0.5, 1.5))
                await socket.send_json(["stdin", "1"])
                await asyncio.sleep(0.05)  # a person's pause between picking and submitting
                mark = len(self.screen)
                sent = time.monotonic()
                await socket.send_json(["stdin", "\r"])
                saving = asyncio.create_task(self._until_rows(number))
                await self._until_shown("RIGHT", "WRONG", since=mark)  # the feedback
                self.shown.append(time.monotonic() - sent)
                self.saved.append(await saving - sent)
                mark = len(self.screen)
                await socket.send_json(["stdin", "\r"])
                if number < questions:
                    await self._until_shown(f"Question {number + 1} of {questions}", since=mark)
            self.answered.set()
            await release.wait()  # every tab stays open until memory has been measured
            reader.cancel()


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


async def _class(
    serve: ServeProcess, results: Path, students: int, questions: int, think: float
) -> tuple[list[Student], list[int]]:
    """Run the class; the students' and their app processes' memory, measured while every
    tab is still open."""
    everyone = [Student(f"student-{n:02d}", serve.url, results) for n in range(1, students + 1)]
    release = asyncio.Event()
    memory: list[int] = []

    async def measure() -> None:
        await asyncio.gather(*(student.answered.wait() for student in everyone))
        memory.extend(resident_memory(pid) or 0 for pid in descendants(serve.pid))
        release.set()

    async with aiohttp.ClientSession() as http:
        runs = [student.run(http, questions, think, release) for student in everyone]
        await asyncio.wait_for(asyncio.gather(measure(), *runs), RUN_SECONDS)
    return everyone, memory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--think", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()
    bank = HERE / "serve_bank.yaml"
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "results"
        serve = ServeProcess(
            str(bank), "--mode", "practice", "--count", str(options.questions),
            "--code", CODE, "--max-sessions", str(options.students), results=results,
            timeout=60,
        )  # fmt: skip
        with serve:
            began = time.monotonic()
            everyone, apps = asyncio.run(
                _class(serve, results, options.students, options.questions, options.think)
            )
            elapsed = time.monotonic() - began
            server_rss = resident_memory(serve.pid) or 0
        rows = {s.name: s.file.read_bytes().count(b"\n") for s in everyone}
        stats = subprocess.run(
            [sys.executable, "-m", "quizapp", "stats", str(results), "--json",
             "--banks", str(bank)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        analysis = json.loads(stats.stdout) if stats.returncode == 0 else {}
    lost = {
        name: options.questions - count
        for name, count in rows.items()
        if count != options.questions
    }
    mib = [rss / 2**20 for rss in apps if rss]
    figures = {
        "students": options.students,
        "questions": options.questions,
        "think_s": options.think,
        "seconds": round(elapsed, 1),
        "start_median_s": round(statistics.median(s.start_seconds for s in everyone), 2),
        "start_max_s": round(max(s.start_seconds for s in everyone), 2),
        "saved": _ms([t for s in everyone for t in s.saved]),
        "shown": _ms([t for s in everyone for t in s.shown]),
        "app_rss_mib_median": round(statistics.median(mib), 1) if mib else None,
        "app_rss_mib_max": round(max(mib), 1) if mib else None,
        "app_processes": len(mib),
        "server_rss_mib": round(server_rss / 2**20, 1),
        "rows": sum(rows.values()),
        "lost": lost,
        "stats_students": analysis.get("students"),
    }
    for name, value in figures.items():
        print(f"{name:>20}: {value}")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if lost or figures["stats_students"] != options.students else 0


if __name__ == "__main__":
    sys.exit(main())
