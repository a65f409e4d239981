"""Scale benchmark: build, store and every core question at 1x (28 cases), 100, 1,000 and
10,000 synthetic cases (bench/synth.py), on the embedded store, on rdflib in memory (the
baseline, same SPARQL), on a remote `oxigraph serve` (--backend sparql) and on Neo4j.

    python bench/scale_bench.py --sizes 28,100,1000,10000 --work /tmp/scale-bench
    python bench/scale_bench.py --report        # bench/results/scale-<date>.md, docs/images/scale.png

Each size appends its raw numbers to bench/results/scale-<date>.json (so sizes can run one by
one); ``--report`` writes the table and the plot from that file. What is measured:

- build: a fresh process as `watwerkt build` (with the corpus, so quotes are read), wall and
  CPU seconds, peak RSS; under an address-space limit (``--build-memory-gb``) and a time limit,
  so a size that does not fit is reported as such instead of taking the machine down;
- store: bytes on disk of the Oxigraph folder, triples;
- questions warm: the CLI command run in-process (``watwerkt.cli.main``) with its output to
  /dev/null, median of ``--runs`` after one warm-up; the backend object is the embedded store,
  an rdflib ``Graph`` behind the same ``query(text, substitutions)`` (plain rdflib parsing, see
  TECH-NOTES), a :class:`watwerkt.queries.remote.RemoteStore`, or the Neo4j backend;
- questions as a fresh process: `watwerkt <question> --format json -o /dev/null`, median of 2;
- cold start: `watwerkt --version` and `python -c pass`, medians of 10, in the same run;
- publish: `publish sparql` (standard PUT, and --bulk) and `publish neo4j` (UNWIND batches).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import RESULTS, machine, today
from scale_backends import OxServer, RdflibStore, free_port

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
WATWERKT = Path(sys.executable).parent / "watwerkt"
RAW = RESULTS / f"scale-{today()}.json"


def questions(real: bool) -> dict[str, list[str]]:
    a, b = ("carli", "ton") if real else ("s00001", "s00002")
    return {
        "wat-werkt": ["wat-werkt"],
        "wat-werkt --doelgroep": ["wat-werkt", "--doelgroep", "lage eigen regie"],
        "wat-werkt --context": ["wat-werkt", "--context", "bezuinigingen"],
        "wat-werkt --uitkomst": ["wat-werkt", "--uitkomst", "inzetbaarheid"],
        "wat-werkt --factor": ["wat-werkt", "--factor", "leidinggevende"],
        "engelen-beren": ["engelen-beren"],
        "uitkomsten": ["uitkomsten"],
        "gaten": ["gaten"],
        "vergelijk": ["vergelijk", a, b],
        "zoek": ["zoek", "loopbaan"],
        "case": ["case", a],
    }


BUILD_CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from watwerkt.config import Settings
from watwerkt.graph.pipeline import build
corpus, data, store = sys.argv[1:4]
s = Settings.resolve(corpus=Path(corpus) if corpus else None, store=Path(store), data=Path(data))
r = build(s)
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": ru.ru_utime + ru.ru_stime,
                  "maxrss_mb": ru.ru_maxrss / 1024, "triples": r.triples}))
"""


def limited(gb: float):
    def apply():
        lim = int(gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
    return apply


def du(path: Path) -> int:
    real = Path(os.path.realpath(path))
    if real.is_file():
        return real.stat().st_size
    return sum(p.stat().st_size for p in real.rglob("*") if p.is_file())


def build(data: Path, store: Path, gb: float, timeout: float) -> dict:
    cmd = [sys.executable, "-c", BUILD_CHILD, str(CORPUS), str(data), str(store)]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, preexec_fn=limited(gb))
    except subprocess.TimeoutExpired:
        return {"ok": False, "why": f"not finished within {timeout:.0f} s", "wall": time.perf_counter() - t}
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1][:200]
        return {"ok": False, "why": f"exit {proc.returncode} under a {gb:g} GB address-space limit: {tail}",
                "wall": time.perf_counter() - t}
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    real = Path(os.path.realpath(store))
    r.update(ok=True, store_bytes=du(real / "oxigraph"), nt_bytes=du(real / "graph.nt"))
    return r


def replicate(src_store: Path, copies: int, store: Path) -> dict:
    """Fallback store: ``copies`` renamed copies of a synthetic graph (case IRIs /s0… -> /kNs0…),
    bulk-loaded into Oxigraph (concepts, report and programmes stay shared)."""
    code = r"""
import json, sys, time, resource
import pyoxigraph as ox
src, n, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
nt = open(src, "rb").read()
t = time.perf_counter()
s = ox.Store(dst)
for k in range(n):
    s.bulk_load(nt if k == 0 else nt.replace(b"/s0", f"/k{k}s0".encode()), ox.RdfFormat.N_TRIPLES)
s.flush(); s.optimize()
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"load_wall": time.perf_counter() - t, "triples": len(s), "maxrss_mb": ru.ru_maxrss / 1024}))
"""
    real = Path(os.path.realpath(src_store))
    (store / "oxigraph").mkdir(parents=True)
    proc = subprocess.run([sys.executable, "-c", code, str(real / "graph.nt"), str(copies), str(store / "oxigraph")],
                          capture_output=True, text=True, check=True)
    shutil.copy2(real / "build.json", store / "build.json")
    (store / ".watwerkt-store").write_text('{"format": 2, "tool": "watwerkt"}')
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    r["store_bytes"] = du(store / "oxigraph")
    return r


def warm(store_obj, store: Path, qs: dict, runs: int, budget: float) -> dict:
    """Each question in-process on ``store_obj`` (output to /dev/null); seconds, median."""
    import watwerkt.cli_commands.options as options
    from watwerkt.cli import main

    saved = options.open_backend
    options.open_backend = lambda _store, _backend: store_obj
    for mod in [m for m in sys.modules if m.startswith("watwerkt.cli_commands.") and m != options.__name__]:
        if hasattr(sys.modules[mod], "open_backend"):
            sys.modules[mod].open_backend = options.open_backend
    out = {}
    try:
        for name, args in qs.items():
            times, cpus = [], []
            for i in range(runs + 1):
                t, c = time.perf_counter(), time.process_time()
                code = main([*args, "--store", str(store), "--format", "json", "-o", os.devnull])
                dt, dc = time.perf_counter() - t, time.process_time() - c
                if code != 0:
                    times = None
                    break
                if i or dt > budget:  # the warm-up is not counted, unless too slow to repeat
                    times.append(dt)
                    cpus.append(dc)
                if dt > budget:
                    break
            out[name] = statistics.median(times) if times else None
            out[name + " (cpu)"] = statistics.median(cpus) if times else None
            print(f"    {name}: {out[name]} (cpu {out[name + ' (cpu)']})", file=sys.stderr, flush=True)
    finally:
        options.open_backend = saved
        for mod in [m for m in sys.modules if m.startswith("watwerkt.cli_commands.")]:
            if hasattr(sys.modules[mod], "open_backend"):
                sys.modules[mod].open_backend = saved
    return out


def fresh(store: Path, qs: dict, extra: list[str], runs: int = 2) -> dict:
    out = {}
    for name, args in qs.items():
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            p = subprocess.run([str(WATWERKT), *args, "--store", str(store), *extra, "--format", "json",
                                "-o", os.devnull], capture_output=True)
            times.append(time.perf_counter() - t)
        out[name] = statistics.median(times) if p.returncode == 0 else None
    return out


def cold(n: int = 10) -> dict:
    def med(cmd):
        ts = []
        for _ in range(n):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            ts.append(time.perf_counter() - t)
        return statistics.median(ts)

    py = med([sys.executable, "-c", "pass"])
    ww = med([str(WATWERKT), "--version"])
    return {"python_pass": py, "watwerkt_version": ww, "ratio": ww / py}


def save(size: int, rec: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    raw = json.loads(RAW.read_text()) if RAW.exists() else {"machine": machine(), "sizes": {}}
    raw["sizes"][str(size)] = rec
    raw["machine"] = machine()
    RAW.write_text(json.dumps(raw, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def run_size(n: int, args) -> dict:
    from watwerkt.graph.store import open_store

    work = args.work / f"n{n}"
    old = json.loads(RAW.read_text())["sizes"].get(str(n), {}) if RAW.exists() else {}
    if args.resume and old.get("build", {}).get("ok") and (work / "store" / "build.json").exists():
        return resume(n, old, work, args)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    rec: dict = {"cases": n, "load_before": os.getloadavg()[0], "started": time.strftime("%H:%M:%S", time.gmtime())}
    real = n == 28
    if real:
        data = ROOT / "data"
    else:
        t = time.perf_counter()
        data = work / "data"
        subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--cases", str(n), "--seed",
                        str(args.seed), "-o", str(data)], check=True, capture_output=True)
        rec["synth_wall"] = time.perf_counter() - t
    store = work / "store"
    print(f"n={n}: build", file=sys.stderr, flush=True)
    rec["build"] = build(data, store, args.build_memory_gb, args.build_timeout)
    print(f"  {rec['build']}", file=sys.stderr, flush=True)
    if not rec["build"]["ok"]:
        src = args.work / f"n{n // 10}" / "store"
        if args.no_replicate or not (src / "build.json").exists():
            save(n, rec)
            return rec
        print(f"n={n}: replicated store from n={n // 10}", file=sys.stderr, flush=True)
        shutil.rmtree(store, ignore_errors=True)
        rec["replicated"] = replicate(src, 10, store)
    qs = questions(real)
    triples = rec["build"].get("triples") or rec["replicated"]["triples"]
    rec["triples"] = triples
    print(f"n={n}: embedded warm", file=sys.stderr, flush=True)
    emb = open_store(store)
    rec["embedded_warm"] = warm(emb, store, qs, args.runs, args.budget)
    del emb
    rec["embedded_warm_complete"] = True
    save(n, rec)
    return measure_rest(n, rec, store, qs, args)


def resume(n: int, rec: dict, work: Path, args) -> dict:
    """Continue a size whose build (and embedded warm run) is already in the raw file."""
    store = work / "store"
    qs = questions(n == 28)
    missing = {k: v for k, v in qs.items() if k not in rec.get("embedded_warm", {})}
    if missing:
        from watwerkt.graph.store import open_store

        rec.setdefault("embedded_warm", {}).update(warm(open_store(store), store, missing, args.runs, args.budget))
        rec["embedded_warm"] = {k + s: rec["embedded_warm"].get(k + s) for k in qs for s in ("", " (cpu)")}
        save(n, rec)
    return measure_rest(n, rec, store, qs, args)


def measure_rest(n: int, rec: dict, store: Path, qs: dict, args) -> dict:
    """Fresh processes, rdflib, remote and Neo4j; a question already slower than ``--budget``
    warm on the embedded store is not repeated on the slower paths (it misses its target there too)."""
    from watwerkt.graph.remote_publish import publish_sparql
    from watwerkt.queries.remote import RemoteStore

    work = store.parent
    triples = rec["triples"]
    warm_e = rec.get("embedded_warm", {})
    fast = {k: v for k, v in qs.items() if (warm_e.get(k) or 0) <= args.budget}
    rec["skipped_slow"] = sorted(set(qs) - set(fast))
    print(f"n={n}: embedded fresh", file=sys.stderr, flush=True)
    rec["embedded_fresh"] = fresh(store, fast, [], 1 if triples > 1_000_000 else 2)
    if triples <= args.rdflib_max:
        print(f"n={n}: rdflib", file=sys.stderr, flush=True)
        t = time.perf_counter()
        rs = RdflibStore(Path(os.path.realpath(store)) / "graph.nt")
        rec["rdflib_load"] = time.perf_counter() - t
        rec["rdflib_warm"] = warm(rs, store, qs, 1, args.budget)
        del rs
    if not rec.get("replicated") and triples <= args.remote_max:
        print(f"n={n}: remote", file=sys.stderr, flush=True)
        srv = OxServer(work / "oxsrv", free_port())
        try:
            t = time.perf_counter()
            publish_sparql(store, f"{srv.base}/store", bulk=True)
            rec["publish_sparql_bulk"] = time.perf_counter() - t
            if triples <= args.put_max:
                t = time.perf_counter()
                publish_sparql(store, f"{srv.base}/store")
                rec["publish_sparql_put"] = time.perf_counter() - t
            rec["remote_warm"] = warm(RemoteStore(f"{srv.base}/query"), store, fast, args.runs, args.budget)
            rec["remote_fresh"] = fresh(store, fast, ["--backend", "sparql", "--endpoint", f"{srv.base}/query"], 1)
        finally:
            srv.stop()
    if args.neo4j and triples <= args.neo4j_max:
        print(f"n={n}: neo4j", file=sys.stderr, flush=True)
        rec.update(neo4j(store, fast, args))
    rec["finished"] = time.strftime("%H:%M:%S", time.gmtime())
    save(n, rec)
    return rec


def neo4j(store: Path, qs: dict, args) -> dict:
    import tempfile

    from rdflib import Graph

    from watwerkt.devserver import Neo4jServer
    from watwerkt.graph.neo4j.backend import Neo4jStore
    from watwerkt.graph.neo4j.mapping import to_property_graph
    from watwerkt.graph.neo4j.publish import publish
    from watwerkt.graph.neo4j.settings import connect

    out = {}
    t = time.perf_counter()
    pg = to_property_graph(Graph().parse(Path(os.path.realpath(store)) / "graph.nt", format="nt"))
    out["neo4j_mapping"] = time.perf_counter() - t
    password = "bench-wachtwoord-1"
    with tempfile.TemporaryDirectory() as d, Neo4jServer(Path(d) / "data", password=password) as srv:
        driver, _version = connect(srv.uri, "neo4j", password)
        try:
            t = time.perf_counter()
            publish(pg, driver)
            out["publish_neo4j"] = time.perf_counter() - t
            out["neo4j_warm"] = warm(Neo4jStore(driver), store, qs, args.runs, args.budget)
        finally:
            driver.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="28,100,1000,10000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/scale-bench"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=5.0, help="a question slower than this runs once")
    ap.add_argument("--build-memory-gb", type=float, default=8.0)
    ap.add_argument("--build-timeout", type=float, default=900.0)
    ap.add_argument("--rdflib-max", type=int, default=400_000, help="rdflib baseline up to this many triples")
    ap.add_argument("--remote-max", type=int, default=3_000_000)
    ap.add_argument("--put-max", type=int, default=400_000, help="the transactional PUT up to this size")
    ap.add_argument("--neo4j", action="store_true")
    ap.add_argument("--neo4j-max", type=int, default=400_000)
    ap.add_argument("--cold", action="store_true", help="measure the cold start ratio")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--no-replicate", action="store_true", help="a build that fails ends the size")
    ap.add_argument("--resume", action="store_true", help="reuse a size's build and warm numbers in the raw file")
    args = ap.parse_args()
    if args.report:
        from scale_report import report

        return report(RAW)
    if args.cold:
        c = cold()
        raw = json.loads(RAW.read_text()) if RAW.exists() else {"machine": machine(), "sizes": {}}
        raw["cold"] = c
        RAW.write_text(json.dumps(raw, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(c)
    for n in (int(x) for x in args.sizes.split(",") if x):
        run_size(n, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
