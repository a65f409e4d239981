"""Neo4j next to the embedded store, in one run on one machine: load time and question latency.

For each store given (the real graph, synthetic ones from bench/synth.py): the RDF ->
property-graph mapping (graph.nt parsed by Oxigraph), ``publish`` into an empty database and
again (the same version writes nothing), or, with ``--import``, the offline path
(``neo4j-admin database import`` through ``watwerkt neo4j import``), then the core questions
as the CLI asks them, ``--backend neo4j`` against the default embedded store, each a fresh
process, median of ``--runs``. Wall time and CPU time (user+sys of this process, of the CLI
child processes and of the Neo4j server) are reported, with the load average: on a shared
machine wall time alone says little.

Uses a development server of its own (``--state``, started if needed; the password comes from
WATWERKT_NEO4J_PASSWORD) and writes bench/results/neo4j-<date>.md (``--out`` to choose).

    WATWERKT_NEO4J_PASSWORD=... python bench/neo4j_bench.py --state /tmp/x/state \\
        --store real=/tmp/x/real --store 100=/tmp/x/s100 --store 1000=/tmp/x/s1000:import
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import core_questions, machine, today

ROOT = Path(__file__).resolve().parent.parent
WATWERKT = [str(ROOT / ".venv" / "bin" / "watwerkt")]


def server_cpu(pid: int) -> float:
    f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


class Clock:
    """Wall, own CPU, children's CPU and the server's CPU between start and stop."""

    def __init__(self, pid: int | None):
        self.pid = pid

    def __enter__(self):
        self.t, self.c = time.perf_counter(), time.process_time()
        self.k = self._children()
        self.s = server_cpu(self.pid) if self.pid else 0.0
        self.load = os.getloadavg()[0]
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.t
        self.cpu = time.process_time() - self.c + self._children() - self.k
        self.server = (server_cpu(self.pid) - self.s) if self.pid else 0.0

    @staticmethod
    def _children() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime


def cli(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(WATWERKT + args, env=env, capture_output=True, text=True, check=False)


def two_cases(store: Path) -> tuple[str, str]:
    out = cli(["cases", "--store", str(store), "--format", "json"], dict(os.environ))
    ids = [r.get("id") or r.get("case") for r in json.loads(out.stdout)]
    ids = [i.rsplit("/", 1)[-1] for i in ids if i]
    return ("oss", "liane") if {"oss", "liane"} <= set(ids) else (ids[0], ids[1])


def measure(name: str, store: Path, how: str, state: Path, runs: int) -> dict:
    from watwerkt.devserver import start_background, status
    from watwerkt.graph.neo4j.mapping import store_property_graph
    from watwerkt.graph.neo4j.publish import publish
    from watwerkt.graph.neo4j.settings import connect

    st = start_background(state)
    rec: dict = {"name": name, "store": str(store), "how": how}
    with Clock(None) as c:
        pg = store_property_graph(store)
    rec.update(triples=sum(1 for _ in open(Path(os.path.realpath(store / "graph.nt")), "rb")),
               nodes=len(pg.nodes), rels=len(pg.rels), mapping=(c.wall, c.cpu, c.load))
    driver, _ = connect(st.uri, "neo4j", st.password)
    with driver.session() as s:  # an empty database: the first publish is a fresh load
        s.run("MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()
        s.run("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()
    if how == "import":
        driver.close()
        with Clock(None) as c:
            p = cli(["neo4j", "import", "--state", str(state), "--store", str(store)], dict(os.environ))
        if p.returncode:
            raise SystemExit(p.stderr)
        rec["import"] = (c.wall, c.cpu, c.load)
        st = status(state)
        driver, _ = connect(st.uri, "neo4j", st.password)
    else:
        with Clock(st.pid) as c:
            publish(pg, driver)
        rec["publish"] = (c.wall, c.cpu, c.load, c.server)
    with Clock(st.pid) as c:
        publish(pg, driver)
    rec["again"] = (c.wall, c.cpu, c.load, c.server)
    driver.close()
    a, b = two_cases(store)
    env = {**os.environ, "WATWERKT_NEO4J_URI": st.uri, "WATWERKT_NEO4J_PASSWORD": st.password}
    rec["questions"] = []
    for args in core_questions(a, b).values():
        row = {"q": " ".join(args)}
        for backend in ("embedded", "neo4j"):
            extra = ["--store", str(store)] + (["--backend", "neo4j"] if backend == "neo4j" else [])
            p = cli(args + extra + ["--format", "json"], env)  # warm the caches, check the answer
            row[backend + "_ok"] = p.returncode == 0
            row[backend + "_out"] = p.stdout
            times = []
            for _ in range(runs):
                with Clock(st.pid) as c:
                    cli(args + extra + ["--format", "json"], env)
                times.append((c.wall, c.cpu, c.server))
            row[backend] = tuple(statistics.median(t[i] for t in times) for i in range(3))
        row["same"] = row["embedded_out"] == row["neo4j_out"]
        del row["embedded_out"], row["neo4j_out"]
        rec["questions"].append(row)
        print(name, row, file=sys.stderr, flush=True)
    return rec


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--state", type=Path, required=True, help="state folder of a development server of its own")
    ap.add_argument("--store", action="append", required=True, metavar="NAME=DIR[:import]")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = ap.parse_args()
    recs = []
    for spec in args.store:
        name, rest = spec.split("=", 1)
        path, _, how = rest.partition(":")
        recs.append(measure(name, Path(path), how or "publish", args.state, args.runs))
        if args.json:
            args.json.write_text(json.dumps(recs, indent=1), encoding="utf-8")
    for line in report(recs):
        print(line)
    return 0


def report(recs: list[dict]) -> list[str]:
    f = lambda t: f"{t[0]:.2f} s (cpu {t[1]:.2f}{f', server {t[3]:.2f}' if len(t) > 3 else ''}; load {t[2]:.1f})"  # noqa: E731
    lines = [f"Machine: {machine()}; date {today()}.", ""]
    for r in recs:
        lines += [f"### {r['name']}: {r['triples']} triples -> {r['nodes']} nodes, {r['rels']} relationships", "",
                  f"- mapping (graph.nt via Oxigraph): {f(r['mapping'])}"]
        if "publish" in r:
            lines.append(f"- publish into an empty database (one transaction): {f(r['publish'])}")
        if "import" in r:
            lines.append(f"- `watwerkt neo4j import` (stop, neo4j-admin import, start, schema): {f(r['import'])}")
        lines += [f"- publish again (same version): {f(r['again'])}", "",
                  "| question | embedded s (cpu) | neo4j s (cpu, server cpu) | ratio | same answer |", "|---|---|---|---|---|"]
        for q in r["questions"]:
            e, n = q["embedded"], q["neo4j"]
            lines.append(f"| {q['q']} | {e[0]:.2f} ({e[1]:.2f}) | {n[0]:.2f} ({n[1]:.2f}, {n[2]:.2f}) | "
                         f"{n[0] / e[0]:.1f}x | {'yes' if q['same'] else 'NO'} |")
        lines.append("")
    return lines


if __name__ == "__main__":
    sys.exit(main())
