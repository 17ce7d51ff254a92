"""`quizapp stats --json` on a generated class, against a plain DuckDB scan of the same file.

    python benchmarks/bench_stats.py [--answers 1000000] [--format jsonl] [--keep DIR]
                                     [--file EXISTING] [--runs 3] [--memory-limit SIZE]

Writes a class made from one real exported session (`gen_results.py`) to a temporary folder,
then runs, each in a fresh process, `quizapp stats FILE --json` and a DuckDB group-by scan of the
same file (`SELECT question_id, count(*), avg(score) FROM read_json(...) GROUP BY 1`), and prints
their wall times, the ratio, and each process's peak resident memory (`VmHWM`, read by a wrapper
at exit). Each is run `--runs` times, alternating, and the fastest run of each is compared (the
machine is shared: the others say how much it was disturbed). The file is deleted afterwards
unless `--keep` names a folder for it; `--file` measures an existing results file instead.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_results import write

_PEAK = (
    "import atexit, sys\n"
    "def _peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('PEAK_KIB ' + line.split()[1] + '\\n')\n"
    "atexit.register(_peak)\n"
)

_SCAN = {
    "jsonl": "read_json(?, format='newline_delimited')",
    "csv": "read_csv(?)",
    "parquet": "read_parquet(?)",
}


def timed(code: str, args: list[str]) -> tuple[float, int, str]:
    """Run `code` in a new Python with `args`; wall seconds, peak KiB, standard output."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK + code, *args], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}):\n{done.stderr[-2000:]}")
    peak = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")]
    return seconds, peak[-1] if peak else 0, done.stdout


def main() -> None:
    """Generate, measure, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--format", choices=sorted(_SCAN), default="jsonl")
    parser.add_argument("--keep", type=Path, help="leave the generated file in this folder")
    parser.add_argument("--memory-limit", help="passed on to quizapp stats")
    parser.add_argument("--file", type=Path, help="an existing results file to measure")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.file:
        data = folder = args.file
        args.format = "parquet" if data.suffix == ".parquet" else data.suffix.lstrip(".")
        args.keep = args.keep or data.parent
    else:
        folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-stats-"))
        folder.mkdir(parents=True, exist_ok=True)
        data = folder / f"class-{args.answers}.{args.format}"
        start = time.perf_counter()
        count = write(data, args.answers, args.format)
        made = time.perf_counter() - start
        print(f"class: {count:,} answers in {made:.0f} s")
    print(f"file: {data} ({data.stat().st_size / 1e6:,.0f} MB)")
    try:
        scan_code = (
            "import duckdb, sys\n"
            "con = duckdb.connect(config={'autoload_known_extensions': False, "
            "'autoinstall_known_extensions': False})\n"
            'rows = con.execute("SELECT question_id, count(*), avg(score) '
            f'FROM {_SCAN[args.format]} GROUP BY question_id", [sys.argv[1]]).fetchall()\n'
            "print(len(rows))\n"
        )
        extra = ["--memory-limit", args.memory_limit] if args.memory_limit else []
        stats_code = (
            "import sys\nfrom quizapp.cli import main\nsys.exit(main(['stats', *sys.argv[1:]]))\n"
        )
        scans, stats = [], []
        for _ in range(args.runs):
            scans.append(timed(scan_code, [str(data)]))
            stats.append(timed(stats_code, [str(data), "--json", *extra]))
        print("runs (s): scan " + " ".join(f"{run[0]:.2f}" for run in scans)
              + "; stats " + " ".join(f"{run[0]:.2f}" for run in stats))  # fmt: skip
        scan_s, scan_kib, _ = min(scans)
        stats_s, stats_kib, out = min(stats)
        analysed = json.loads(out)
        questions = len(analysed["questions"])
        print(f"stats answers analysed: {analysed['answers']:,}, questions: {questions}")
        print(f"{'':24}{'seconds':>10}{'peak MB':>10}")
        print(f"{'duckdb group-by scan':24}{scan_s:>10.2f}{scan_kib / 1024:>10.0f}")
        print(f"{'quizapp stats --json':24}{stats_s:>10.2f}{stats_kib / 1024:>10.0f}")
        print(f"ratio stats / scan: {stats_s / scan_s:.2f}")
    finally:
        if args.keep is None:
            data.unlink(missing_ok=True)
            folder.rmdir()
        elif args.file is None:
            print(f"kept {data}")


if __name__ == "__main__":
    main()
