"""Store benchmark: rdflib in memory versus Oxigraph on disk, on the real graph and on
synthetic graphs 10x and 100x larger (copies of the real graph with renamed nodes).

Measures, per store: load (parse) time, a query that aggregates claims per case, a join
with a constant literal, and the time for a fresh process to re-open the store and answer.
Writes bench/results/store-<date>.md and prints it.

    python bench/store_bench.py [--store DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import built_store, machine, today, write_result

AGG = """PREFIX ww: <https://w3id.org/watwerkt/def#>
SELECT ?case (COUNT(?c) AS ?n) WHERE { ?c ww:about ?case ; ww:anchor ?a . ?a ww:spanHash ?h } GROUP BY ?case"""
JOIN = """PREFIX ww: <https://w3id.org/watwerkt/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?lbl WHERE { ?s ww:sectionType "engelen-beren" ; ww:block ?b . ?b ww:spanHash ?h . OPTIONAL { ?s rdfs:label ?lbl } }"""


def scaled(nt: bytes, factor: int) -> bytes:
    if factor == 1:
        return nt
    out = [nt]
    for k in range(1, factor):
        out.append(nt.replace(b"<https://w3id.org/watwerkt/id/", f"<https://w3id.org/watwerkt/id/c{k}/".encode()))
    return b"".join(out)


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def bench(nt: bytes, repeat: int) -> dict:
    import pyoxigraph as ox
    from rdflib import Graph

    res: dict = {"triples": nt.count(b"\n")}
    t, g = timed(lambda: Graph().parse(data=nt, format="nt"), 1)
    res["rdflib_load"] = t
    res["rdflib_agg"], _ = timed(lambda: list(g.query(AGG)), repeat)
    res["rdflib_join"], _ = timed(lambda: list(g.query(JOIN)), repeat)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "ox"

        def load():
            s = ox.Store(str(path))
            s.bulk_load(nt, ox.RdfFormat.N_TRIPLES)
            s.flush()
            return s

        t, store = timed(load, 1)
        res["ox_load"] = t
        res["ox_agg"], _ = timed(lambda: list(store.query(AGG)), repeat)
        res["ox_join"], _ = timed(lambda: list(store.query(JOIN)), repeat)
        store = None  # release the store before other processes open it
        code = ("import pyoxigraph as ox,sys;s=ox.Store.read_only(sys.argv[1]);"
                f"print(len(list(s.query({JOIN!r}))))")
        res["ox_reopen_process"], _ = timed(
            lambda: subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True), repeat)
        nt_path = Path(d) / "g.nt"
        nt_path.write_bytes(nt)
        code = ("from rdflib import Graph;import sys;g=Graph().parse(sys.argv[1],format='nt');"
                f"print(len(list(g.query({JOIN!r}))))")
        res["rdflib_reopen_process"], _ = timed(
            lambda: subprocess.run([sys.executable, "-c", code, str(nt_path)], check=True, capture_output=True), 1)
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, default=None, help="a built store (default: WATWERKT_STORE or build one)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--factors", default="1,10,100")
    args = ap.parse_args()
    store = built_store(args.store)
    nt = (store / "graph.nt").read_bytes()
    rows = []
    for f in (int(x) for x in args.factors.split(",")):
        r = bench(scaled(nt, f), args.repeat)
        rows.append((f, r))
        print(f"x{f}: {r}", file=sys.stderr)
    lines = [f"# Store benchmark, {today()}", "",
             f"Machine: {machine()}.", "",
             "Times in seconds (median of the repeats; loads once). `reopen` is a fresh Python process that "
             "opens the store and answers the join query.", "",
             "| graph | triples | rdflib load | ox load | rdflib agg | ox agg | rdflib join | ox join | rdflib reopen | ox reopen |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for f, r in rows:
        lines.append(f"| real x{f} | {r['triples']} | {r['rdflib_load']:.2f} | {r['ox_load']:.2f} | "
                     f"{r['rdflib_agg']:.3f} | {r['ox_agg']:.3f} | {r['rdflib_join']:.3f} | {r['ox_join']:.3f} | "
                     f"{r['rdflib_reopen_process']:.2f} | {r['ox_reopen_process']:.2f} |")
    write_result("store", lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
