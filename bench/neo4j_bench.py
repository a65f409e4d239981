"""Neo4j next to the embedded store, in one run on one machine: load time and query latency.

Starts the project's Neo4j launcher in a temporary folder, publishes the built graph, and
times every named query on both backends (median of N runs, warm). Writes
bench/results/neo4j-<date>.md.

    python bench/neo4j_bench.py [--store DIR] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import built_store, machine, today, write_result


def med(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from rdflib import Graph

    from watwerkt.devserver import Neo4jServer
    from watwerkt.graph.neo4j.backend import Neo4jStore
    from watwerkt.graph.neo4j.mapping import to_property_graph
    from watwerkt.graph.neo4j.publish import publish
    from watwerkt.graph.neo4j.settings import connect
    from watwerkt.graph.store import open_store
    from watwerkt.queries.runner import all_queries, run

    store = built_store(args.store)
    nt = (store / "graph.nt").read_bytes()
    t = time.perf_counter()
    import pyoxigraph as ox

    with tempfile.TemporaryDirectory() as d:
        s = ox.Store(d)
        s.bulk_load(nt, ox.RdfFormat.N_TRIPLES)
        s.flush()
    ox_load = time.perf_counter() - t
    t = time.perf_counter()
    pg = to_property_graph(Graph().parse(data=nt, format="nt"))
    mapping = time.perf_counter() - t
    params = {"case-sections": {"case": "https://w3id.org/watwerkt/id/case/oss"},
              "quotes": {"claim": "https://w3id.org/watwerkt/id/invloed/oss-bezuinigingen-beer"}}
    rows = []
    password = "bench-wachtwoord-1"
    with tempfile.TemporaryDirectory() as d, Neo4jServer(Path(d) / "data", password=password) as srv:
        driver, version = connect(srv.uri, "neo4j", password)
        t = time.perf_counter()
        first = publish(pg, driver)
        neo_load = time.perf_counter() - t
        t = time.perf_counter()
        publish(pg, driver)
        neo_reload = time.perf_counter() - t
        oxs, neo = open_store(store), Neo4jStore(driver)
        for q in all_queries():
            p = dict(params.get(q.name, {}))
            if "?lang" in q.params:
                p["lang"] = "nl"
            run(oxs, q.name, **p)
            run(neo, q.name, **p)  # warm both
            rows.append((q.name, med(lambda n=q.name, p=p: run(oxs, n, **p), args.runs),
                         med(lambda n=q.name, p=p: run(neo, n, **p), args.runs)))
        driver.close()
    lines = [f"# Neo4j next to the embedded store, {today()}", "",
             f"Machine: {machine()}; Neo4j {version} "
             f"(embedded launcher, -Xmx512m). Graph: {nt.count(chr(10).encode())} triples -> "
             f"{first.nodes} nodes, {first.relationships} relationships.", "",
             "| load | seconds |", "|---|---|",
             f"| Oxigraph bulk load (N-Triples) | {ox_load:.2f} |",
             f"| RDF -> property graph mapping | {mapping:.2f} |",
             f"| Neo4j publish into an empty database (one transaction) | {neo_load:.2f} |",
             f"| Neo4j publish again (idempotent, nothing changes) | {neo_reload:.2f} |", "",
             f"Query latency, warm, median of {args.runs} runs (seconds):", "",
             "| query | embedded (SPARQL, Oxigraph) | Neo4j (Cypher) |", "|---|---|---|"]
    lines += [f"| {n} | {a:.4f} | {b:.4f} |" for n, a, b in rows]
    write_result("neo4j", lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
