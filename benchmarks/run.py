"""quizapp's speed and memory, each measured as a ratio to a reference taken in the same run.

    python benchmarks/run.py [--runs 7] [--questions 10000] [--json OUT]

What it measures (targets from the core issue):

1. Start-up: time from launching a fresh process until the home screen shows the full list of
   banks, against a bare Textual app that shows one Static (until its first frame, Textual's
   `Ready`). With the bundled banks (target 1.3x) and with a generated 10,000-question bank
   (target 1.5x), both with a warm bank cache; the cold first start is reported too.
2. First, uncached load-and-validate of the 10,000-question bank (`quizapp.core.bank.load_bank`)
   against libyaml's raw parse of the same file (`yaml.load` with `CSafeLoader`, the garbage
   collector paused as the loader does; the unpaused figure is printed for reference). Target 1.1x.
3. Peak memory (max RSS) of the app at start with that bank. Target under 100 MB.

Each figure is the median of `--runs` runs; references and subjects alternate so that drift in the
machine's load affects both alike.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_bank import generate

from quizapp.core.bank import load_bank


def launch(script: str, *args: str) -> tuple[float, float]:
    """Run a launcher script; (seconds until it printed READY, its peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(HERE / script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
            peak_kib = int(line.split()[1])
            proc.wait(timeout=30)
            return elapsed, peak_kib / 1024
    _, err = proc.communicate(timeout=30)
    raise RuntimeError(f"{script} never became ready:\n{err[-2000:]}")


def median_of(runs: int, measure: Callable[[], float]) -> float:
    """The median of `runs` calls of `measure`."""
    return statistics.median(measure() for _ in range(runs))


def timed(action: Callable[[], object], pause_gc: bool = False) -> float:
    """Seconds taken by `action` (optionally with the garbage collector paused)."""
    gc.collect()
    if pause_gc:
        gc.disable()
    try:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start
    finally:
        gc.enable()


def main() -> None:
    """Measure everything and print a table of ratios against their targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    # The launched apps open their progress store here, not in the user's data folder.
    os.environ["QUIZAPP_DATA_DIR"] = str(work / "data")
    big = work / "big.yaml"
    big.write_text(generate(args.questions), encoding="utf-8")
    size_mb = big.stat().st_size / 1e6
    print(f"bank: {args.questions} questions, {size_mb:.1f} MB ({big})")

    # -- 2. first load and validate against libyaml's raw parse -----------------------------
    data = big.read_bytes()
    raw_paused, raw_plain, ours = [], [], []
    for _ in range(max(3, args.runs // 2)):
        raw_paused.append(timed(lambda: yaml.load(data, Loader=yaml.CSafeLoader), True))
        raw_plain.append(timed(lambda: yaml.load(data, Loader=yaml.CSafeLoader)))
        ours.append(timed(lambda: load_bank(big)))
    result = load_bank(big)
    assert result.ok and result.bank is not None, result.problems[:3]
    assert len(result.bank.questions) == args.questions

    # -- 1 and 3. start-up against a bare Textual app ---------------------------------------
    cold_cache = work / "cold-cache"
    warm_cache = work / "warm-cache"
    launch("_quizapp_launch.py", str(warm_cache), str(big))  # fills the cache
    launch("_quizapp_launch.py", str(warm_cache))  # and for the bundled banks
    bare, bundled, with_big, peaks, cold, cold_peaks = [], [], [], [], [], []
    for run in range(args.runs):
        bare.append(launch("_bare_app.py")[0])
        bundled.append(launch("_quizapp_launch.py", str(warm_cache))[0])
        seconds, peak = launch("_quizapp_launch.py", str(warm_cache), str(big))
        with_big.append(seconds)
        peaks.append(peak)
        if run < 2:
            seconds, peak = launch("_quizapp_launch.py", str(cold_cache / str(run)), str(big))
            cold.append(seconds)
            cold_peaks.append(peak)

    med = statistics.median
    figures = {
        "bare_textual_ready_s": med(bare),
        "home_bundled_s": med(bundled),
        "home_10k_cached_s": med(with_big),
        "home_10k_first_start_s": med(cold),
        "libyaml_parse_gc_paused_s": med(raw_paused),
        "libyaml_parse_s": med(raw_plain),
        "quizapp_load_validate_s": med(ours),
        "peak_rss_10k_cached_mb": max(peaks),
        "peak_rss_10k_first_start_mb": max(cold_peaks),
    }
    rows = [
        ("home list, bundled banks / bare Textual", med(bundled) / med(bare), "<= 1.3"),
        ("home list, 10k bank cached / bare Textual", med(with_big) / med(bare), "<= 1.5"),
        ("home list, 10k bank first start / bare", med(cold) / med(bare), "(info)"),
        ("first load+validate / libyaml (gc paused)", med(ours) / med(raw_paused), "<= 1.1"),
        ("first load+validate / libyaml (gc on)", med(ours) / med(raw_plain), "(info)"),
    ]
    print()
    for name, value in figures.items():
        print(f"  {name:32} {value:8.3f}")
    print()
    print(f"  {'ratio':44} {'value':>6}  target")
    for name, ratio, target in rows:
        print(f"  {name:44} {ratio:6.2f}  {target}")
    print(f"  {'peak RSS at start, 10k bank cached (MB)':44} {max(peaks):6.1f}  < 100")
    print(f"  {'peak RSS at first start, 10k bank (MB)':44} {max(cold_peaks):6.1f}  (info)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
