"""``zoek`` before and after the build-time search index (graph/search_index.py).

    python bench/search_bench.py --store real=/tmp/si/real --store s1000=/tmp/si/s1000

For each built store (built by this version, so it has ``search.idx``):

- **index build**: the extra work the build does, ``write_index`` from the store's
  ``graph.nt`` and its Oxigraph store into a scratch folder (wall and CPU);
- **warm**: in-process, the query path (the ``labels`` query and a scan in Python, as before
  the index) and the index path, for a few questions; median of ``--runs`` after a warm-up
  (the query path at scale: ``--old-runs``, default 1, it takes tens of seconds);
- **fresh process**: ``watwerkt zoek ... --format json`` as a new process on the store, and
  on a view of the same store without its index (a folder of symlinks: what an older build
  looks like), wall and CPU of the child.

Every answer of the two paths is compared; a difference stops the benchmark. The machine is
shared: the 1-minute load average is written beside each store's numbers, and CPU times with
the wall times. Writes bench/results/search-<date>.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import machine, today, write_result

WATWERKT = Path(sys.executable).parent / "watwerkt"
QUESTIONS = ["loopbaan", "café", "werkvlekken medewerker", "xyzzyq"]


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(fn, runs: int, warm: bool = True):
    """(median wall, median CPU, result) of ``runs`` calls, after one warm-up call."""
    if warm:
        fn()
    walls, cpus, out = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), cpu_self()
        out = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(cpu_self() - c)
    return statistics.median(walls), statistics.median(cpus), out


def fresh(args: list[str], runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), cpu_children()
        proc = subprocess.run([str(WATWERKT), *args], capture_output=True, text=True)
        walls.append(time.perf_counter() - w)
        cpus.append(cpu_children() - c)
        if proc.returncode not in (0,):
            raise SystemExit(f"{args}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return statistics.median(walls), statistics.median(cpus)


def without_index(store: Path, scratch: Path) -> Path:
    """A plain store folder of symlinks to the version's files, minus ``search.idx``."""
    real = Path(os.path.realpath(store))
    view = scratch / f"{store.name}-no-index"
    view.mkdir()
    for p in real.iterdir():
        if p.name != "search.idx":
            (view / p.name).symlink_to(p)
    return view


def bench_store(label: str, store: Path, runs: int, old_runs: int, fresh_runs: int, scratch: Path) -> list[str]:
    import pyoxigraph as ox

    from watwerkt.graph.search_index import open_index, write_index
    from watwerkt.graph.store import open_store
    from watwerkt.queries.search import search

    load = os.getloadavg()[0]
    real = Path(os.path.realpath(store))
    info = json.loads((real / "build.json").read_text(encoding="utf-8"))
    index = open_index(store)
    if index is None:
        raise SystemExit(f"{store}: no search index (build it with this version)")
    size = (real / "search.idx").stat().st_size

    out = scratch / f"{label}-index"
    out.mkdir()
    ro = ox.Store.read_only(str(real / "oxigraph"))
    w, c = time.perf_counter(), cpu_self()
    write_index(out, real / "graph.nt", ro, info["nt_sha256"])
    build_wall, build_cpu = time.perf_counter() - w, cpu_self() - c
    same_bytes = (out / "search.idx").read_bytes() == (real / "search.idx").read_bytes()

    st = open_store(store)
    counts = index.counts()
    lines = [f"## {label}: {info['triples']:,} triples, {info.get('cases', '?')} cases (load average {load:.1f})", "",
             f"Index: {size / 1e6:.1f} MB, {counts['rows']:,} label rows, {counts['texts']:,} distinct folded texts, "
             f"{counts['nodes']:,} nodes, {counts['passages']:,} passages. Writing it costs {build_wall:.2f} s wall, "
             f"{build_cpu:.2f} s CPU (rebuilt from graph.nt: {'the same bytes' if same_bytes else 'DIFFERENT bytes'}).", "",
             "| question | hits | before, warm s (CPU) | after, warm s (CPU) | before, fresh process s (CPU) | after, fresh process s (CPU) |",
             "|---|---|---|---|---|---|"]
    view = without_index(store, scratch)
    for q in QUESTIONS:
        ow, oc, old = timed(lambda q=q: search(st, q, 20), old_runs, warm=old_runs > 1)
        nw, nc, new = timed(lambda q=q: search(None, q, 20, index=index), runs)
        if [vars(h) for h in old] != [vars(h) for h in new]:
            raise SystemExit(f"{label} {q!r}: the index path differs from the query path")
        args = ["zoek", q, "--format", "json", "--store"]
        fo_w, fo_c = fresh(args + [str(view)], max(1, min(fresh_runs, old_runs)))
        fn_w, fn_c = fresh(args + [str(store)], fresh_runs)
        lines.append(f"| {q} | {len(new)} | {ow:.3f} ({oc:.3f}) | {nw:.3f} ({nc:.3f}) | {fo_w:.2f} ({fo_c:.2f}) "
                     f"| {fn_w:.2f} ({fn_c:.2f}) |")
        print(lines[-1], flush=True)
    return lines + [""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", action="append", required=True, metavar="LABEL=PATH")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--old-runs", type=int, default=1)
    ap.add_argument("--fresh-runs", type=int, default=3)
    args = ap.parse_args()
    w, c = time.perf_counter(), cpu_children()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    py_wall, py_cpu = time.perf_counter() - w, cpu_children() - c
    lines = [f"# zoek over a build-time search index, {today()}", "",
             f"Machine: {machine()}. Shared with other agents' work: the load average is given per store; "
             "wall times are then up to several times the CPU times. `python -c pass` here: "
             f"{py_wall:.3f} s ({py_cpu:.3f} s CPU). Method: `bench/search_bench.py` (warm: median of "
             f"{args.runs} in-process runs after a warm-up, the query path {args.old_runs}; fresh: median of "
             f"{args.fresh_runs} new `watwerkt zoek` processes). 'Before' is the query path zoek took before "
             "the index (on the same store); every answer of both paths was compared and is the same.", ""]
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        for spec in args.store:
            label, path = spec.split("=", 1)
            lines += bench_store(label, Path(path), args.runs, args.old_runs if label != "real" else 3,
                                 args.fresh_runs, Path(tmp))
    write_result("search", lines)


if __name__ == "__main__":
    main()
