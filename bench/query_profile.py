"""Where the core questions spend their time: each question in-process, and each named SPARQL
query it runs, on the embedded Oxigraph store.

    python bench/query_profile.py STORE [--real] [--runs 3] [--budget 20] [--json OUT.json]

``--real`` asks about the real cases (carli, ton); otherwise s00001 and s00002 (bench/synth.py).
For every question: wall and CPU seconds (median of ``--runs`` after one warm-up, as
bench/scale_bench.py measures warm questions: ``watwerkt.cli.main`` with its output to
/dev/null), then per named query (``queries/sparql/<name>.rq``) the number of calls, the rows
they returned, and their summed wall and CPU time in the last run. The store is wrapped in a
proxy that times ``query``; queries are told apart by the ``# name:`` line every .rq starts
with. Optionally a fresh process per question (``--fresh``), median of 2.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import core_questions

WATWERKT = Path(sys.executable).parent / "watwerkt"


def questions(real: bool) -> dict[str, list[str]]:
    """The core questions but ``zoek`` (its time is the search index's: bench/search_bench.py)."""
    qs = core_questions(*(("carli", "ton") if real else ("s00001", "s00002")))
    del qs["zoek"]
    return qs


class TimedStore:
    """The store, with every ``query`` timed per named query (the first ``# name:`` line)."""

    def __init__(self, store):
        self.store = store
        self.calls: dict[str, list[float]] = {}

    def query(self, text, **kw):
        name = next((line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("# name:")), "?")
        t, c = time.perf_counter(), time.process_time()
        result = self.store.query(text, **kw)
        if isinstance(result, bool):  # ASK
            rows, out = [result], result
        else:
            rows = list(result)
            out = _Result(result.variables, rows)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        rec = self.calls.setdefault(name, [0, 0, 0.0, 0.0])
        rec[0] += 1
        rec[1] += len(rows)
        rec[2] += dt
        rec[3] += dc
        return out

    def __getattr__(self, name):
        return getattr(self.store, name)


class _Result:
    def __init__(self, variables, rows):
        self.variables = variables
        self._rows = rows

    def __iter__(self):
        return iter(self._rows)


def patch(backend) -> callable:
    import watwerkt.cli_commands.options as options

    saved = options.open_backend
    options.open_backend = lambda _store, _backend: backend
    for mod in [m for m in sys.modules if m.startswith("watwerkt.cli_commands.") and m != options.__name__]:
        if hasattr(sys.modules[mod], "open_backend"):
            sys.modules[mod].open_backend = options.open_backend

    def undo():
        for mod in [m for m in sys.modules if m.startswith("watwerkt.cli_commands.")]:
            if hasattr(sys.modules[mod], "open_backend"):
                sys.modules[mod].open_backend = saved
    return undo


def warm(store: Path, qs: dict, runs: int, budget: float) -> dict:
    import pyoxigraph as ox

    from watwerkt.cli import main

    timed = TimedStore(ox.Store.read_only(str(Path(os.path.realpath(store)) / "oxigraph")))
    undo = patch(timed)
    out = {}
    try:
        for name, args in qs.items():
            walls, cpus = [], []
            for i in range(runs + 1):
                timed.calls = {}
                t, c = time.perf_counter(), time.process_time()
                code = main([*args, "--store", str(store), "--format", "json", "-o", os.devnull])
                dt, dc = time.perf_counter() - t, time.process_time() - c
                if code != 0:
                    raise SystemExit(f"{name}: exit {code}")
                if i or dt > budget:
                    walls.append(dt)
                    cpus.append(dc)
                if dt > budget:
                    break
            out[name] = {"wall": statistics.median(walls), "cpu": statistics.median(cpus),
                         "queries": {k: {"calls": v[0], "rows": v[1], "wall": v[2], "cpu": v[3]}
                                     for k, v in sorted(timed.calls.items(), key=lambda kv: -kv[1][2])}}
            print(f"{name}: {out[name]['wall']:.3f} s (cpu {out[name]['cpu']:.3f})", file=sys.stderr, flush=True)
            for k, v in out[name]["queries"].items():
                print(f"    {k}: {v['calls']} calls, {v['rows']} rows, {v['wall']:.3f} s (cpu {v['cpu']:.3f})",
                      file=sys.stderr, flush=True)
    finally:
        undo()
    return out


def fresh(store: Path, qs: dict, runs: int = 2) -> dict:
    out = {}
    for name, args in qs.items():
        walls, cpus = [], []
        for _ in range(runs):
            t = time.perf_counter()
            before = os.times()
            p = subprocess.run([str(WATWERKT), *args, "--store", str(store), "--format", "json", "-o", os.devnull],
                               capture_output=True)
            after = os.times()
            walls.append(time.perf_counter() - t)
            cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
        out[name] = {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "ok": p.returncode == 0}
        print(f"fresh {name}: {out[name]['wall']:.3f} s (cpu {out[name]['cpu']:.3f})", file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--real", action="store_true", help="the real cases (carli, ton)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=20.0, help="a question slower than this runs once")
    ap.add_argument("--only", help="comma-separated question names")
    ap.add_argument("--fresh", action="store_true", help="also a fresh process per question")
    ap.add_argument("--json", type=Path, help="write the numbers here")
    a = ap.parse_args()
    qs = questions(a.real)
    if a.only:
        qs = {k: v for k, v in qs.items() if k in a.only.split(",")}
    rec = {"store": str(a.store), "load": os.getloadavg()[0], "warm": warm(a.store, qs, a.runs, a.budget)}
    if a.fresh:
        rec["fresh"] = fresh(a.store, qs)
    rec["load_after"] = os.getloadavg()[0]
    if a.json:
        a.json.write_text(json.dumps(rec, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
