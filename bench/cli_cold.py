"""Cold start of the advisor's CLI against `python -c pass`, in one run on one machine.

Runs each command N times as a fresh process (median wall time) against a built store and
writes bench/results/cli-cold-<date>.md.

    python bench/cli_cold.py [--store DIR] [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import built_store, machine, today, write_result


def median_time(cmd: list[str], runs: int, env: dict) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    store = built_store(args.store)
    env = {**os.environ, "WATWERKT_STORE": str(store)}
    exe = shutil.which("watwerkt") or "watwerkt"
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "watwerkt --help": [exe, "--help"],
        "watwerkt cases": [exe, "cases"],
        "watwerkt wat-werkt --doelgroep 'lage eigen regie'": [exe, "wat-werkt", "--doelgroep", "lage eigen regie"],
        "watwerkt wat-werkt --context bezuinigingen --uitkomst inzetbaarheid --format json": [
            exe, "wat-werkt", "--context", "bezuinigingen", "--uitkomst", "inzetbaarheid", "--format", "json"],
    }
    results = {name: median_time(cmd, args.runs, env) for name, cmd in cases.items()}
    base = results["python -c pass"]
    lines = [f"# CLI cold start, {today()}", "",
             f"Machine: {machine()}. Median of {args.runs} fresh processes each, one run, store already built.", "",
             "| command | seconds | ratio to `python -c pass` |", "|---|---|---|"]
    for name, t in results.items():
        lines.append(f"| `{name}` | {t:.3f} | {t / base:.1f} |")
    write_result("cli-cold", lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
