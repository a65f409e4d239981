"""Build benchmark: wall time per phase, CPU time and peak memory of a fresh build process.

Builds the real corpus (data/ + ../shared/corpus) and the kitchen fixture, each in a fresh
Python process (as `watwerkt build` runs), ``--repeat`` times, into a temporary store. The
phases are timed by the pipeline's progress callback; peak memory is the process's
``resource.getrusage(RUSAGE_SELF).ru_maxrss``. Writes bench/results/build-<date>.md.

    python bench/build_bench.py [--repeat 3] [--export]   # --export: also ttl, trig, jsonld (build-export-<date>.md)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import machine, today, write_result

ROOT = Path(__file__).resolve().parent.parent
KITCHEN = ROOT / "tests" / "data" / "kitchen"

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from watwerkt.config import Settings
from watwerkt.graph.pipeline import build
marks = [("start", time.perf_counter(), time.process_time())]
corpus, data, store, exports = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
s = Settings.resolve(corpus=Path(corpus) if corpus else None, store=Path(store), data=Path(data))
r = build(s, exports=exports, out=Path(store).parent / "exports" if exports else None,
          progress=lambda phase: marks.append((phase, time.perf_counter(), time.process_time())))
marks.append(("end", time.perf_counter(), time.process_time()))
phases = {a[0]: b[1] - a[1] for a, b in zip(marks, marks[1:])}
phases["imports"] = marks[0][1] - t0
cpu_phases = {a[0]: b[2] - a[2] for a, b in zip(marks, marks[1:])}
cpu_phases["imports"] = marks[0][2]
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"phases": phases, "cpu_phases": cpu_phases, "total": marks[-1][1] - t0, "cpu": ru.ru_utime + ru.ru_stime,
                  "maxrss_mb": ru.ru_maxrss / 1024, "triples": r.triples}))
"""


def run_once(corpus: Path | None, data: Path, exports: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as d:
        store = Path(d) / "store"
        cmd = [sys.executable, "-c", CHILD, str(corpus or ""), str(data), str(store), *exports]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        return json.loads(proc.stdout.strip().splitlines()[-1])


def bench(name: str, corpus: Path | None, data: Path, repeat: int, exports: list[str]) -> dict:
    runs = [run_once(corpus, data, exports) for _ in range(repeat)]
    best = min(runs, key=lambda r: r["cpu"])
    return {"name": name, "runs": runs, "best": best,
            "median_total": statistics.median(r["total"] for r in runs),
            "median_cpu": statistics.median(r["cpu"] for r in runs),
            "max_rss": max(r["maxrss_mb"] for r in runs)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--export", action="store_true", help="also write the Turtle, TriG and JSON-LD exports")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    exports = ["ttl", "trig", "jsonld"] if args.export else []
    load_before = os.getloadavg()[0]
    results = [bench("kitchen fixture", KITCHEN / "corpus", KITCHEN, args.repeat, exports)]
    if args.corpus.is_dir():
        results.insert(0, bench("real corpus", args.corpus, ROOT / "data", args.repeat, exports))
    else:
        print(f"no corpus at {args.corpus}: the real corpus is not measured", file=sys.stderr)
    load_after = os.getloadavg()[0]
    order = ["imports", "start", "load", "check", "graph", "nt", "store", "export"]
    title = "Build benchmark with --export ttl,trig,jsonld" if exports else "Build benchmark"
    lines = [f"# {title}, {today()}", "",
             f"Machine: {machine()}. Load average (1 min) {load_before:.1f} before, {load_after:.1f} after.", "",
             f"A fresh Python process per build (like `watwerkt build`), {args.repeat} runs each, into an "
             f"empty temporary store{'; with --export ttl,trig,jsonld' if exports else ''}. Wall times in "
             "seconds; the phases (CPU seconds of the process, then wall) are of the run with the least CPU (`start` is settings and path checks, `graph` the "
             "rdflib graph construction, `nt` our N-Triples writer, `store` Oxigraph bulk load and the "
             "swap; `imports` is the interpreter and the first imports). CPU is user + system time of the "
             "process; memory is its peak RSS. This machine is shared: when it is busy, wall time exceeds CPU "
             "time, and CPU time is the fairer measure.", "",
             "| build | triples | wall (median) | CPU (median) | peak RSS MB | "
             + " | ".join(order) + " |",
             "|---|---|---|---|---|" + "---|" * len(order)]
    for r in results:
        b = r["best"]
        cells = [f"{b['cpu_phases'][k]:.2f} / {b['phases'][k]:.2f}" if k in b["phases"] else "–"
                 for k in order]
        lines.append(f"| {r['name']} | {b['triples']} | {r['median_total']:.2f} | {r['median_cpu']:.2f} | "
                     f"{r['max_rss']:.0f} | " + " | ".join(cells) + " |")
    write_result("build-export" if exports else "build", lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
