"""The backends bench/scale_bench.py compares, and the worker that times questions on them.

- rdflib in memory behind the embedded store's ``query(text, substitutions)``, and an
  `oxigraph serve` on a free port (with a server-side query time limit);
- :func:`measure`: every question on one backend, each in a forked process that is killed when
  one run of it passes ``limit`` seconds; a killed question is reported as a lower bound
  (``"> limit"``), never dropped. The backend is loaded once per worker (rdflib parses the
  N-Triples once; the forks share it copy-on-write), the embedded store, the remote endpoint and
  the Neo4j driver are opened inside each fork (none of them survive a fork). The worker runs
  under an address-space limit, so a graph that does not fit in memory is reported as such.

    python bench/scale_backends.py CONFIG_JSON      # the worker (run by measure())
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path


class RdflibStore:
    """rdflib's in-memory Graph behind the embedded store's ``query(text, substitutions)``."""

    def __init__(self, nt: Path):
        from rdflib import Graph

        self.g = Graph()
        self.g.parse(str(nt), format="nt")

    def query(self, text, substitutions=None):
        import pyoxigraph as ox
        from rdflib import BNode, Literal, URIRef, Variable

        def to_rdflib(t):
            if isinstance(t, ox.NamedNode):
                return URIRef(t.value)
            if t.language:
                return Literal(t.value, lang=t.language)
            dt = t.datatype.value if t.datatype else None
            return Literal(t.value, datatype=None if dt == "http://www.w3.org/2001/XMLSchema#string" else dt)

        def to_ox(t):
            if t is None:
                return None
            if isinstance(t, URIRef):
                return ox.NamedNode(str(t))
            if isinstance(t, BNode):
                return ox.BlankNode(str(t))
            if t.language:
                return ox.Literal(str(t), language=t.language)
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))

        init = {Variable(k.value): to_rdflib(v) for k, v in (substitutions or {}).items()}
        res = self.g.query(text, initBindings=init)
        names = [str(v) for v in res.vars]
        from watwerkt.queries.remote import RemoteResult, Solution

        rows = [Solution({n: to_ox(row[i]) for i, n in enumerate(names)}) for row in res]
        return RemoteResult([ox.Variable(n) for n in names], rows)


class OxServer:
    def __init__(self, folder: Path, port: int, timeout_s: float | None = None):
        self.base = f"http://127.0.0.1:{port}"
        exe = Path(sys.executable).parent / "oxigraph"
        limit = ["--timeout-s", str(max(1, round(timeout_s)))] if timeout_s else []
        self.proc = subprocess.Popen([str(exe), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                                      *limit], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import urllib.request

        for _ in range(150):
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("oxigraph serve did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the worker --------------------------------------------------------------------------

def _emit(obj) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _open(cfg: dict, shared):
    """The backend object, opened in the fork that uses it."""
    kind = cfg["kind"]
    if kind == "rdflib":
        return shared
    if kind == "embedded":
        from watwerkt.graph.store import open_store

        return open_store(Path(cfg["store"]))
    if kind == "remote":
        from watwerkt.queries.remote import RemoteStore

        return RemoteStore(cfg["endpoint"], timeout=cfg["limit"] + 5)
    if kind == "neo4j":
        from watwerkt.graph.neo4j.backend import Neo4jStore
        from watwerkt.graph.neo4j.settings import connect

        driver, _version = connect(cfg["uri"], "neo4j", cfg["password"])
        return Neo4jStore(driver, timeout=cfg["limit"])
    raise ValueError(kind)


def _question(cfg: dict, shared, args: list[str], out: int) -> None:
    """In the fork: the CLI command in-process on the backend, warm-up then ``runs`` runs; one
    JSON line per run to ``out``. A run slower than ``budget`` is not repeated."""
    import watwerkt.cli_commands.options as options
    from watwerkt.cli import main

    backend = _open(cfg, shared)
    options.open_backend = lambda _store, _backend: backend
    for mod in [m for m in sys.modules if m.startswith("watwerkt.cli_commands.")]:
        if hasattr(sys.modules[mod], "open_backend"):
            sys.modules[mod].open_backend = options.open_backend
    # the command told its backend, so that it takes that backend's path (zoek reads the build's
    # search index only on the embedded store); the backend object itself is the one opened above
    told = {"embedded": [], "neo4j": ["--backend", "neo4j"]}.get(
        cfg["kind"], ["--backend", "sparql", "--endpoint", cfg.get("endpoint") or "http://127.0.0.1:9/rdflib"])
    for i in range(cfg["runs"] + 1):
        t, c = time.perf_counter(), time.process_time()
        code = main([*args, "--store", cfg["store"], *told, "--format", "json", "-o", os.devnull])
        dt, dc = time.perf_counter() - t, time.process_time() - c
        os.write(out, (json.dumps({"i": i, "wall": dt, "cpu": dc, "code": code}) + "\n").encode())
        if code != 0 or dt > cfg["budget"]:
            break


def _run_fork(cfg: dict, shared, args: list[str]) -> dict:
    """One question in a fork, killed when a run passes the limit."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the fork: never returns
        os.close(r)
        try:
            _question(cfg, shared, args, w)
            code = 0
        except BaseException as exc:  # noqa: BLE001  (reported to the worker as a line)
            os.write(w, (json.dumps({"error": f"{type(exc).__name__}: {exc}"[:200]}) + "\n").encode())
            code = 1
        os._exit(code)
    os.close(w)
    lines, buf, killed = [], b"", False
    deadline = time.monotonic() + cfg["limit"]
    while True:
        left = deadline - time.monotonic()
        ready = select.select([r], [], [], max(0.0, left))[0] if left > 0 else []
        if not ready:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        data = os.read(r, 65536)
        if not data:
            break
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            lines.append(json.loads(line))
            deadline = time.monotonic() + cfg["limit"]  # the limit is per run
    os.close(r)
    os.waitpid(pid, 0)
    runs = [x for x in lines if "wall" in x]
    err = next((x["error"] for x in lines if "error" in x), None)
    bad = [x for x in runs if x["code"] != 0]
    if bad and bad[0]["wall"] >= 0.95 * cfg["limit"]:  # the server's own time limit stopped it
        killed, runs, bad = True, [x for x in runs if x["code"] == 0], []
    if killed:
        return {"over": cfg["limit"]}
    if bad or err or not runs:
        return {"error": err or f"exit {bad[0]['code'] if bad else '?'}"}
    # the warm-up is not counted, unless it was too slow to repeat
    counted = runs[1:] or runs
    return {"wall": statistics.median(x["wall"] for x in counted), "cpu": statistics.median(x["cpu"] for x in counted)}


def worker(cfg: dict) -> int:
    shared = None
    t = time.perf_counter()
    if cfg["kind"] == "rdflib":
        shared = RdflibStore(Path(cfg["nt"]))
    import watwerkt.cli  # noqa: F401  (imported once, before the forks)

    _emit({"loaded": time.perf_counter() - t})
    for name, args in cfg["questions"].items():
        _emit({"q": name, **_run_fork(cfg, shared, args)})
    return 0


def measure(cfg: dict, *, load_limit: float, memory_gb: float, path_budget: float) -> dict:
    """Run the worker on ``cfg`` (kind, store, questions, runs, budget, limit, ...) and return
    ``{question: seconds, question + " (cpu)": ..., question + " (over)": limit, ...}`` plus
    ``"_load"`` (rdflib's parse) or ``"_failed"``. A question still to run when the path has
    used ``path_budget`` seconds is not started (``"_not_run"`` lists them)."""
    def limits():
        lim = int(memory_gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
        os.setsid()

    out: dict = {}
    todo = dict(cfg["questions"])
    start = time.monotonic()
    while todo:
        if time.monotonic() - start > path_budget:
            out["_not_run"] = sorted(todo)
            break
        proc = subprocess.Popen([sys.executable, __file__, json.dumps({**cfg, "questions": todo})],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limits)
        deadline = time.monotonic() + load_limit
        loaded = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([proc.stdout], [], [], left)[0]:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                out["_failed"] = (f"not loaded within {load_limit:.0f} s" if not loaded
                                  else "the worker stopped answering")
                return out
            line = proc.stdout.readline()
            if not line:
                break
            rec = json.loads(line)
            if "loaded" in rec:
                loaded = True
                out.setdefault("_load", rec["loaded"])
                deadline = time.monotonic() + (len(todo) * (cfg["runs"] + 1) + 1) * cfg["limit"] + 60
                continue
            name = rec.pop("q")
            todo.pop(name, None)
            _record(out, name, rec)
            print(f"    {cfg['kind']} {name}: {rec}", file=sys.stderr, flush=True)
            if todo and time.monotonic() - start > path_budget:
                os.killpg(proc.pid, signal.SIGKILL)
                break
        proc.stdout.close()
        err = proc.stderr.read().decode(errors="replace").strip().splitlines()
        code = proc.wait()
        if not loaded:
            out["_failed"] = f"exit {code} under a {memory_gb:g} GB address-space limit: " + (err or ["?"])[-1][:200]
            return out
        if code != 0 and todo and time.monotonic() - start <= path_budget:
            out["_failed"] = f"worker exit {code}: " + (err or ["?"])[-1][:200]
            out["_not_run"] = sorted(todo)
            return out
    return out


def _record(out: dict, name: str, rec: dict) -> None:
    out[name] = rec.get("wall")
    out[name + " (cpu)"] = rec.get("cpu")
    if "over" in rec:
        out[name + " (over)"] = rec["over"]
    if "error" in rec:
        out[name + " (error)"] = rec["error"]


if __name__ == "__main__":
    sys.exit(worker(json.loads(sys.argv[1])))
