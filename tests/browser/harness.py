"""A real `quizapp serve` for the browser tests and the load benchmark: the command line in a
process of its own, on a free loopback port, stopped with Ctrl+C (SIGINT) as an instructor does.

`ServeProcess` reads the address the command prints, keeps everything else it prints (the
events of the live table), and after `stop` holds the whole output and the exit status.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLASS_BANK = ROOT / "tests" / "ui" / "banks" / "serve-class.yaml"

#: The Chromium of Debian's `chromium` package (`.ci/run` installs it), and how it is started:
#: without these flags it reaches out to the network from the first second.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_ADDRESS = re.compile(r"^Students open: (http://\S+?)/(\?code=\S+)?$")


class ServeProcess:
    """`quizapp serve ARGS --port 0 --results RESULTS`, running until `stop`."""

    def __init__(self, *args: str, results: Path, timeout: float = 30.0) -> None:
        self.args = [*args, "--port", "0", "--results", str(results)]
        self.results = results
        self.timeout = timeout
        self.url = ""
        """The server's address, without the code: http://127.0.0.1:PORT"""
        self.lines: list[str] = []
        self.returncode: int | None = None
        self.stderr = ""
        self._process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def start(self) -> ServeProcess:
        env = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="100")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "quizapp", "serve", *self.args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self.lines.append(line.rstrip("\n"))
            found = _ADDRESS.match(self.lines[-1])
            if found:
                self.url = found.group(1)
                break
        if not self.url:
            self.stop()
            raise RuntimeError(f"quizapp serve did not start: {self.lines} {self.stderr}")
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self.lines.append(line.rstrip("\n"))

    def said(self, text: str) -> bool:
        """True once the server printed a line containing `text`."""
        return any(text in line for line in list(self.lines))

    def stop(self) -> str:
        """Ctrl+C, as the instructor ends the class; returns everything it printed."""
        process = self._process
        if process is not None and process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(self.timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(self.timeout)
            if self._reader is not None:
                self._reader.join(self.timeout)
            assert process.stderr is not None
            self.stderr = process.stderr.read()
            self.returncode = process.returncode
        return "\n".join(self.lines)

    def __enter__(self) -> ServeProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def descendants(pid: int) -> list[int]:
    """The processes started (directly or not) by process `pid`, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found
