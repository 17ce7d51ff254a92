"""How fast a key shows on screen: the answer's feedback, against a key that only moves the pick.

    python benchmarks/bench_keys.py [--answers 25] [--json OUT]

The app is started as a student starts it, `python -m quizapp`, on a pseudo-terminal of 80x24
(`TERM=xterm-256color`), with its progress in a temporary folder, on a generated bank of
single-choice questions (`gen_bank.py`: four choices with feedback and misconceptions, an
explanation). The benchmark types what a student types and reads what the terminal receives:

- **move**: `↓` on a question's choices, timed until the new pick's mark `(•)` arrives;
- **answer**: `Enter` on the picked choice, timed until the verdict (`RIGHT` or `WRONG`) arrives.
  The verdict is drawn only after the answer is saved in the progress store, so this is the
  whole way from the key to a graded, saved answer on screen. Also reported: until the screen
  is still again (the frames after it, the feedback scrolled to the top of the column).

Each question gets two moves and one answer, then `n` brings the next one (waited for, not
timed); before each key the app is left until it has drawn nothing for 0.3 s. The report gives
the median of each and their ratio, measured in the same run, so a slower or busier machine
shifts both alike. Target (the feedback issue): answer under 50 ms.

On a machine shared with other work the wall-clock figures swing with its load, so the CPU time
the app's threads spent between the key and the text arriving (Linux: `/proc/PID/task/*/
schedstat`) is reported too: it moves far less with the load, and is what a change to the app
changes.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_bank import generate

DOWN = b"\x1b[B"
ENTER = b"\r"
#: Give up on a screen that never shows what is waited for (seconds).
PATIENCE = 20.0
#: Before each key the app is left alone until it has drawn nothing for this long (seconds), as
#: a student reads before pressing the next key: no key is timed with earlier work still going.
QUIET = 0.3
#: The screen is still once nothing has arrived for this long (seconds).
STILL = 0.1


class Terminal:
    """The app on a pseudo-terminal: keys in, the bytes it draws out."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        columns, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.seen = b""

    def read(self, timeout: float) -> bytes:
        """What arrives within `timeout` seconds (b"" when nothing does)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 1 << 16)
        except OSError:  # the app has exited
            return b""

    def drain(self, quiet: float = 0.15) -> None:
        """Read until nothing has arrived for `quiet` seconds (timers, cursor blink settled)."""
        while self.read(quiet):
            pass
        self.seen = b""

    def wait_for(self, marker: bytes) -> float:
        """Block until `marker` arrives; the moment it did (perf_counter)."""
        deadline = time.perf_counter() + PATIENCE
        while marker not in self.seen:
            if time.perf_counter() > deadline:
                tail = self.seen[-400:]
                raise RuntimeError(f"never saw {marker!r}; last bytes: {tail!r}")
            chunk = self.read(0.5)
            if chunk:
                self.seen += chunk
        at = time.perf_counter()
        self.seen = b""
        return at

    def cpu(self) -> float:
        """Seconds of CPU the app's threads have used so far (0 where /proc is not there)."""
        total = 0
        for stat in Path(f"/proc/{self.pid}/task").glob("*/schedstat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                total += int(stat.read_text().split()[0])
        return total / 1e9

    def press(self, key: bytes) -> float:
        """Send `key`; the moment it was sent."""
        self.seen = b""
        at = time.perf_counter()
        os.write(self.fd, key)
        return at

    def close(self) -> None:
        """Stop the app (it was started here) and reap it."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def answer(term: Terminal) -> tuple[float, float, float]:
    """Press Enter on the picked choice: (seconds until the verdict arrived, until the screen
    was still again, CPU seconds used until the verdict)."""
    used = term.cpu()
    sent = term.press(ENTER)
    deadline = time.perf_counter() + PATIENCE
    while b"RIGHT" not in term.seen and b"WRONG" not in term.seen:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"no verdict; last bytes: {term.seen[-400:]!r}")
        term.seen += term.read(0.5)
    verdict = time.perf_counter() - sent
    cpu = term.cpu() - used
    still = verdict
    while term.read(STILL):  # the frames that follow: the feedback scrolled into place...
        still = time.perf_counter() - sent
    return verdict, still, cpu


def measure(answers: int, folder: Path) -> dict[str, object]:
    """Open the app on a generated bank and time `answers` answers and twice as many moves."""
    bank = folder / "bench-keys.yaml"
    bank.write_text(generate(answers + 2, seed=3), encoding="utf-8")
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "QUIZAPP_DATA_DIR": str(folder / "data"),
        "QUIZAPP_CACHE_DIR": str(folder / "cache"),
    }
    argv = [sys.executable, "-m", "quizapp", str(bank)]
    term = Terminal(argv, env, (80, 24))
    moves: list[float] = []
    verdicts: list[float] = []
    stills: list[float] = []
    move_cpu: list[float] = []
    answer_cpu: list[float] = []
    try:
        term.wait_for(b"due")  # the home screen, with the store open and its counts in
        term.drain(QUIET)
        term.press(ENTER)
        term.wait_for(b"Mode")  # the set-up
        term.drain(QUIET)
        term.press(ENTER)
        term.wait_for(b"Question 1 of")
        term.drain(QUIET)
        for number in range(2, answers + 2):
            for _ in range(2):
                used = term.cpu()
                sent = term.press(DOWN)
                moves.append(term.wait_for("(•)".encode()) - sent)
                move_cpu.append(term.cpu() - used)
                term.drain(QUIET)
            verdict, still, cpu = answer(term)
            verdicts.append(verdict)
            stills.append(still)
            answer_cpu.append(cpu)
            term.drain(QUIET)
            term.press(b"n")
            term.wait_for(f"Question {number} of".encode())
            term.drain(QUIET)
    finally:
        term.close()
    move_ms = statistics.median(moves) * 1000
    answer_ms = statistics.median(verdicts) * 1000
    return {
        "answers": len(verdicts),
        "moves": len(moves),
        "move_median_ms": round(move_ms, 1),
        "answer_median_ms": round(answer_ms, 1),
        "answer_p90_ms": round(sorted(verdicts)[int(len(verdicts) * 0.9)] * 1000, 1),
        "still_median_ms": round(statistics.median(stills) * 1000, 1),
        "ratio": round(answer_ms / move_ms, 2),
        "move_cpu_ms": round(statistics.median(move_cpu) * 1000, 1),
        "answer_cpu_ms": round(statistics.median(answer_cpu) * 1000, 1),
        "load": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    """Run the measurement and print (or write) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=25, help="questions answered (timed)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="quizapp-bench-keys-"))
    try:
        figures = measure(args.answers, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(
        f"key to screen over a pseudo-terminal, 80x24, {figures['answers']} answers:\n"
        f"  move the pick (↓)          median {figures['move_median_ms']:7.1f} ms\n"
        f"  answer to feedback (Enter) median {figures['answer_median_ms']:7.1f} ms"
        f"   (90th percentile {figures['answer_p90_ms']:.1f} ms)\n"
        f"  answer until the screen is still, median {figures['still_median_ms']:.1f} ms "
        f"(the feedback scrolled into place)\n"
        f"  ratio answer / move        {figures['ratio']:.2f}x   (target: answer under 50 ms)\n"
        f"  CPU used (median)          move {figures['move_cpu_ms']:.1f} ms, "
        f"answer {figures['answer_cpu_ms']:.1f} ms   (load average {figures['load']})"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
