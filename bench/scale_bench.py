"""Scale benchmark: build, store and every core question at 1x (28 cases), 100, 1,000 and
10,000 synthetic cases (bench/synth.py), on the embedded store, on rdflib in memory (the
baseline, same SPARQL), on a remote `oxigraph serve` (--backend sparql) and on Neo4j.

    python bench/scale_bench.py --sizes 28,100,1000,10000 --neo4j --cold   # about 45 min (--deadline)
    python bench/scale_bench.py --report        # bench/results/scale-<date>.md, docs/images/scale.png

Each size writes its raw numbers to bench/results/scale-<date>.json as it goes (so sizes can run
one by one, and a stopped run keeps what it measured); ``--report`` writes the tables, the targets
and the plot from that file. The run is bounded: every run of a question is killed after
``--limit`` seconds and reported as a lower bound (``> N s``; ratios made from it are bounds
too), each path (one backend, warm or fresh, at one size) stops starting questions after its
budget, and each size gets a share of ``--deadline`` minutes (builds and publishes are capped to
it). What is measured:

- build: a fresh process as `watwerkt build` (with the corpus, so quotes are read), wall and
  CPU seconds, peak RSS; under an address-space limit (``--build-memory-gb``) and a time limit,
  so a size that does not fit is reported as such instead of taking the machine down (a size
  whose one-down build predicts more memory is not tried); a size that did not build is
  questioned on ten renamed copies of the graph one size down, bulk-loaded;
- synth: wall and CPU seconds and the size of the data written;
- store: bytes on disk of the Oxigraph folder, triples;
- questions warm: the CLI command in-process (``watwerkt.cli.main``, output to /dev/null) in a
  fork of a worker that loaded the backend once (bench/scale_backends.py), median of ``--runs``
  after one warm-up; the backend is the embedded store, an rdflib ``Graph`` behind the same
  ``query(text, substitutions)`` (plain rdflib parsing, see TECH-NOTES), a
  :class:`watwerkt.queries.remote.RemoteStore` (the server stops a query at the limit too) or the
  Neo4j backend (its transaction timeout is the limit);
- questions as a fresh process: `watwerkt <question> --format json -o /dev/null`, median of 2;
- cold start: `python -c pass`, `watwerkt --version` and `watwerkt wat-werkt` (the real graph,
  its answer to a pipe), medians of 10, interleaved, in the same run;
- publish: `watwerkt publish sparql` (--bulk, and the transactional PUT up to ``--put-max``) and
  `watwerkt publish neo4j`, as a user runs them, wall and CPU.
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

from common import RESULTS, core_questions, machine, today
from scale_backends import OxServer, free_port, measure

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
WATWERKT = Path(sys.executable).parent / "watwerkt"
RAW = RESULTS / f"scale-{today()}.json"
OPTIONS: dict = {}  # the run's limits, kept in the raw file for the report
# each size's share of the time left (``--deadline``): the big sizes build, publish and wait longer
WEIGHTS = {28: 1.0, 100: 1.2, 1000: 2.6, 10000: 2.2}


def budget(args, share: float = 1.0) -> float:
    """Seconds for the next path: ``--path-budget``, or less so that the size keeps to its share
    of ``--deadline`` (never under 20 s: each path gets a few questions)."""
    left = args.size_deadline - time.monotonic()
    return max(20.0, min(args.path_budget, left * share))


def cap(args, limit: float) -> float:
    """A build or publish limit, shortened to the size's share of the deadline (never under 120 s)."""
    return max(120.0, min(limit, args.size_deadline - time.monotonic()))


def questions(real: bool) -> dict[str, list[str]]:
    return core_questions(*(("carli", "ton") if real else ("s00001", "s00002")))


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


def warm(kind: str, store: Path, qs: dict, args, share: float = 1.0, **extra) -> dict:
    """Each question in-process (output to /dev/null) on one backend, in a worker process where a
    question is killed once one run of it passes ``--limit`` seconds (recorded as a lower bound,
    ``question (over)``); seconds, median of ``--runs`` after a warm-up."""
    cfg = {"kind": kind, "store": str(store), "questions": qs, "runs": args.runs, "budget": args.budget,
           "limit": args.limit, **extra}
    return measure(cfg, load_limit=args.load_limit, memory_gb=args.memory_gb, path_budget=budget(args, share))


def fresh(store: Path, qs: dict, extra: list[str], args, runs: int = 2, share: float = 1.0) -> dict:
    """Each question as a new `watwerkt` process, median of ``runs``; killed after ``--limit``."""
    out: dict = {}
    start = time.monotonic()
    path_budget = budget(args, share)
    for name, q in qs.items():
        if time.monotonic() - start > path_budget:
            out["_not_run"] = sorted(set(qs) - {k for k in out if " (" not in k})
            break
        times, cpus = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            try:
                p = subprocess.run([str(WATWERKT), *q, "--store", str(store), *extra, "--format", "json",
                                    "-o", os.devnull], capture_output=True, timeout=args.limit)
            except subprocess.TimeoutExpired:
                out[name + " (over)"] = args.limit
                times = None
                break
            times.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if p.returncode != 0:
                out[name + " (error)"] = (p.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1][:200]
                times = None
                break
            if times[-1] > args.budget:
                break
        out[name] = statistics.median(times) if times else None
        out[name + " (cpu)"] = statistics.median(cpus) if times else None
        print(f"    fresh {name}: {out[name]} (cpu {out[name + ' (cpu)']})", file=sys.stderr, flush=True)
    return out


def cold(store: Path | None, n: int = 10) -> dict:
    """Medians of ``n`` fresh processes, interleaved round by round: `python -c pass`, `watwerkt
    --version` and (given the real store) `watwerkt wat-werkt` with its answer to a pipe."""
    cmds = {"python_pass": [sys.executable, "-c", "pass"], "watwerkt_version": [str(WATWERKT), "--version"]}
    if store is not None:
        cmds["wat_werkt"] = [str(WATWERKT), "wat-werkt", "--store", str(store)]
    walls: dict = {k: [] for k in cmds}
    cpus: dict = {k: [] for k in cmds}
    for i in range(n + 1):
        for k, cmd in cmds.items():
            r = timed_run(cmd, 120)
            if i:  # the first round warms the file cache
                walls[k].append(r["wall"])
                cpus[k].append(r.get("cpu") or 0)
    out = {k: statistics.median(v) for k, v in walls.items()}
    out.update({k + "_cpu": statistics.median(v) for k, v in cpus.items()})
    out["ratio"] = out["watwerkt_version"] / out["python_pass"]
    out["load"] = os.getloadavg()[0]
    return out


def save_cold(store: Path | None) -> None:
    c = cold(store)
    raw = json.loads(RAW.read_text()) if RAW.exists() else {"machine": machine(), "sizes": {}}
    raw["cold"] = c
    RAW.write_text(json.dumps(raw, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"cold: {c}", file=sys.stderr, flush=True)


def save(size: int, rec: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    raw = json.loads(RAW.read_text()) if RAW.exists() else {"machine": machine(), "sizes": {}}
    raw["sizes"][str(size)] = rec
    raw["machine"] = machine()
    raw.setdefault("options", {}).update(OPTIONS)
    raw["elapsed"] = sum(r.get("size_wall", 0) for r in raw["sizes"].values())
    RAW.write_text(json.dumps(raw, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def timed_run(cmd: list[str], timeout: float, env: dict | None = None) -> dict:
    """A command as a fresh process: wall and CPU seconds, or why it did not finish."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"ok": False, "why": f"not finished within {timeout:.0f} s", "wall": time.perf_counter() - t}
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rec = {"ok": p.returncode == 0, "wall": time.perf_counter() - t,
           "cpu": after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime}
    if p.returncode:
        rec["why"] = f"exit {p.returncode}: " + (p.stderr.strip().splitlines() or ["?"])[-1][:200]
    return rec


def phase(rec: dict, name: str, t0: float) -> None:
    rec.setdefault("phase_wall", {})[name] = round(time.perf_counter() - t0, 1)
    print(f"  [{name}: {rec['phase_wall'][name]} s]", file=sys.stderr, flush=True)


def planned(rec: dict, store: Path, args) -> list[str]:
    """The question paths this size will run, in order."""
    t = rec["triples"]
    out = ["embedded_warm", "embedded_fresh"]
    if t <= args.rdflib_max and (Path(os.path.realpath(store)) / "graph.nt").exists():
        out.append("rdflib_warm")
    if not rec.get("replicated") and t <= args.remote_max:
        out += ["remote_warm", "remote_fresh"]
    if args.neo4j and t <= args.neo4j_max and not rec.get("replicated"):
        out.append("neo4j_warm")
    return out


def paths_left(rec: dict, store: Path, args, path: str) -> float:
    """This path's share of the size's time left: the embedded store (the product) counts twice."""
    p = planned(rec, store, args)
    rest = p[p.index(path):]
    weight = {"embedded_warm": 2.0}
    return weight.get(path, 1.0) / sum(weight.get(x, 1.0) for x in rest)


def run_size(n: int, args) -> dict:
    work = args.work / f"n{n}"
    old = json.loads(RAW.read_text())["sizes"].get(str(n), {}) if RAW.exists() else {}
    if args.resume and old.get("embedded_warm_complete") and (work / "store" / "build.json").exists():
        return measure_rest(n, old, work / "store", questions(n == 28), args)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    rec: dict = {"cases": n, "load_before": os.getloadavg()[0], "started": time.strftime("%H:%M:%S", time.gmtime()),
                 "limit": args.limit, "neo4j_asked": args.neo4j}
    real = n == 28
    if real:
        data = ROOT / "data"
    else:
        data = work / "data"
        t = time.perf_counter()
        r = timed_run([sys.executable, str(ROOT / "bench" / "synth.py"), "--cases", str(n), "--seed",
                       str(args.seed), "-o", str(data)], cap(args, args.build_timeout))
        rec["synth_wall"], rec["synth_cpu"] = r["wall"], r.get("cpu")
        rec["synth_mb"] = du(data) / 1e6 if data.exists() else None
        phase(rec, "synth", t)
        if not r["ok"]:
            rec["build"] = {"ok": False, "why": "synth: " + r["why"], "wall": 0}
            save(n, rec)
            return rec
    store = work / "store"
    prev = (json.loads(RAW.read_text())["sizes"].get(str(n // 10), {}) if RAW.exists() else {}).get("build", {})
    predicted = prev.get("maxrss_mb", 0) * 10 / 1024 if prev.get("ok") and prev.get("triples", 0) > 500_000 else 0
    t = time.perf_counter()
    if predicted > args.build_memory_gb and not args.try_build:
        rec["build"] = {"ok": False, "wall": 0, "why": f"not tried: the {n // 10}-case build peaked at "
                        f"{prev['maxrss_mb']:.0f} MB, so this one would need about {predicted:.0f} GB, over the "
                        f"{args.build_memory_gb:g} GB limit (--try-build tries anyway)"}
    else:
        print(f"n={n}: build", file=sys.stderr, flush=True)
        rec["build"] = build(data, store, args.build_memory_gb, cap(args, args.build_timeout))
    phase(rec, "build", t)
    print(f"  {rec['build']}", file=sys.stderr, flush=True)
    if not rec["build"]["ok"]:
        src = args.work / f"n{n // 10}" / "store"
        if args.no_replicate or not (src / "build.json").exists():
            save(n, rec)
            return rec
        print(f"n={n}: replicated store from n={n // 10}", file=sys.stderr, flush=True)
        shutil.rmtree(store, ignore_errors=True)
        t = time.perf_counter()
        rec["replicated"] = replicate(src, 10, store)
        phase(rec, "replicate", t)
    qs = questions(real)
    rec["triples"] = rec["build"].get("triples") or rec["replicated"]["triples"]
    print(f"n={n}: embedded warm", file=sys.stderr, flush=True)
    t = time.perf_counter()
    rec["embedded_warm"] = warm("embedded", store, qs, args, paths_left(rec, store, args, "embedded_warm"))
    phase(rec, "embedded warm", t)
    rec["embedded_warm_complete"] = True
    save(n, rec)
    return measure_rest(n, rec, store, qs, args)


def measure_rest(n: int, rec: dict, store: Path, qs: dict, args) -> dict:
    """Fresh processes, rdflib, remote and Neo4j: every question on every path, each bounded by
    ``--limit`` (a slower one is a lower bound), each path by ``--path-budget``."""
    work = store.parent
    triples = rec["triples"]
    real_store = Path(os.path.realpath(store))
    print(f"n={n}: embedded fresh", file=sys.stderr, flush=True)
    t = time.perf_counter()
    rec["embedded_fresh"] = fresh(store, qs, [], args, 1 if triples > 1_000_000 else 2,
                                  paths_left(rec, store, args, "embedded_fresh"))
    phase(rec, "embedded fresh", t)
    save(n, rec)
    if triples <= args.rdflib_max and (real_store / "graph.nt").exists():
        print(f"n={n}: rdflib", file=sys.stderr, flush=True)
        t = time.perf_counter()
        r = warm("rdflib", store, qs, args, paths_left(rec, store, args, "rdflib_warm"), nt=str(real_store / "graph.nt"))
        rec["rdflib_load"] = r.pop("_load", None)
        rec["rdflib_failed"] = r.pop("_failed", None)
        rec["rdflib_warm"] = r
        phase(rec, "rdflib", t)
        save(n, rec)
    if not rec.get("replicated") and triples <= args.remote_max:
        print(f"n={n}: remote", file=sys.stderr, flush=True)
        t = time.perf_counter()
        srv = OxServer(work / "oxsrv", free_port(), timeout_s=args.limit)
        try:
            pub = [str(WATWERKT), "publish", "sparql", "--endpoint", f"{srv.base}/store", "--store", str(store)]
            rec["publish_sparql_bulk_run"] = r = timed_run([*pub, "--bulk"], cap(args, args.publish_limit))
            rec["publish_sparql_bulk"] = r["wall"] if r["ok"] else None
            if triples <= args.put_max and r["ok"]:
                rec["publish_sparql_put_run"] = r = timed_run(pub, cap(args, args.publish_limit))
                rec["publish_sparql_put"] = r["wall"] if r["ok"] else None
            if rec["publish_sparql_bulk"] is not None:
                rec["remote_warm"] = warm("remote", store, qs, args, paths_left(rec, store, args, "remote_warm"),
                                          endpoint=f"{srv.base}/query")
                rec["remote_fresh"] = fresh(store, qs, ["--backend", "sparql", "--endpoint", f"{srv.base}/query"],
                                            args, 1, paths_left(rec, store, args, "remote_fresh"))
        finally:
            srv.stop()
        phase(rec, "remote", t)
        save(n, rec)
    if args.neo4j and triples <= args.neo4j_max and not rec.get("replicated"):
        print(f"n={n}: neo4j", file=sys.stderr, flush=True)
        t = time.perf_counter()
        rec.update(neo4j(store, qs, args))
        phase(rec, "neo4j", t)
    rec["finished"] = time.strftime("%H:%M:%S", time.gmtime())
    save(n, rec)
    return rec


def neo4j(store: Path, qs: dict, args) -> dict:
    """`watwerkt publish neo4j` into a fresh server (wall and CPU of the command), then the questions."""
    import tempfile

    from watwerkt.devserver import Neo4jServer

    out: dict = {}
    password = "bench-wachtwoord-1"
    with tempfile.TemporaryDirectory(dir=args.work) as d, Neo4jServer(Path(d) / "data", password=password) as srv:
        env = {**os.environ, "WATWERKT_NEO4J_PASSWORD": password}
        r = timed_run([str(WATWERKT), "publish", "neo4j", "--uri", srv.uri, "--store", str(store)],
                      cap(args, args.publish_limit), env)
        out["publish_neo4j_run"] = r
        out["publish_neo4j"] = r["wall"] if r["ok"] else None
        if r["ok"]:
            out["neo4j_warm"] = warm("neo4j", store, qs, args, 1, uri=srv.uri, password=password)
    return out


def main() -> int:
    global RAW
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="28,100,1000,10000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/scale-bench"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=5.0, help="a question slower than this runs once")
    ap.add_argument("--limit", type=float, default=20.0,
                    help="seconds one run of a question may take; a slower one is killed and reported as '> LIMIT'")
    ap.add_argument("--path-budget", type=float, default=300.0,
                    help="seconds for all questions of one path (backend, warm or fresh) at one size at most")
    ap.add_argument("--deadline", type=float, default=45.0,
                    help="minutes for the whole run: each size gets a share, each path a part of it")
    ap.add_argument("--load-limit", type=float, default=300.0, help="seconds for rdflib to parse the graph")
    ap.add_argument("--memory-gb", type=float, default=8.0, help="address-space limit of each question worker")
    ap.add_argument("--publish-limit", type=float, default=600.0, help="seconds for one publish")
    ap.add_argument("--build-memory-gb", type=float, default=8.0)
    ap.add_argument("--build-timeout", type=float, default=600.0, help="seconds for the synth and for the build")
    ap.add_argument("--rdflib-max", type=int, default=2_000_000, help="rdflib baseline up to this many triples")
    ap.add_argument("--remote-max", type=int, default=3_000_000)
    ap.add_argument("--put-max", type=int, default=150_000, help="the transactional PUT up to this size")
    ap.add_argument("--neo4j", action="store_true")
    ap.add_argument("--neo4j-max", type=int, default=2_000_000)
    ap.add_argument("--cold", action="store_true", help="measure the cold start ratio")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--raw", type=Path, default=RAW, help="the raw result file (the report goes beside it)")
    ap.add_argument("--plot", type=Path, help="where --report draws the plot (default docs/images/scale.png)")
    ap.add_argument("--try-build", action="store_true",
                    help="build even where the size one down predicts more memory than --build-memory-gb")
    ap.add_argument("--no-replicate", action="store_true", help="a build that fails ends the size")
    ap.add_argument("--resume", action="store_true", help="reuse a size's build and warm numbers in the raw file")
    args = ap.parse_args()
    RAW = args.raw
    if args.report:
        from scale_report import PLOT, report

        return report(RAW, args.plot or PLOT)
    args.work.mkdir(parents=True, exist_ok=True)
    OPTIONS.update({k: getattr(args, k) for k in ("limit", "path_budget", "deadline", "rdflib_max", "remote_max", "put_max",
                                                  "neo4j", "neo4j_max", "runs", "budget")})
    t0 = time.perf_counter()
    deadline = time.monotonic() + 60 * args.deadline
    sizes = [int(x) for x in args.sizes.split(",") if x]
    for k, n in enumerate(sizes):
        t = time.perf_counter()
        share = WEIGHTS.get(n, 2.0) / sum(WEIGHTS.get(m, 2.0) for m in sizes[k:])
        args.size_deadline = time.monotonic() + (deadline - time.monotonic()) * share
        print(f"n={n}: {args.size_deadline - time.monotonic():.0f} s of the deadline", file=sys.stderr, flush=True)
        rec = run_size(n, args)
        if args.cold and n == 28 and rec.get("build", {}).get("ok"):
            save_cold(args.work / "n28" / "store")  # the real graph, just built
        rec["size_wall"] = time.perf_counter() - t
        save(n, rec)
        print(f"n={n}: done in {time.perf_counter() - t:.0f} s ({time.perf_counter() - t0:.0f} s in all)",
              file=sys.stderr, flush=True)
    if args.cold and 28 not in sizes:
        real = args.work / "n28" / "store"
        save_cold(real if (real / "build.json").exists() else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
