"""Cold start of the advisor's CLI against `python -c pass`, in one run on one machine.

Runs each command N times as a fresh process (median wall time and median CPU time, user+sys)
against a built store, its answer written to a pipe, and writes bench/results/cli-cold-<date>.md
with the ratio to `python -c pass` and how a cold `watwerkt wat-werkt` splits into
interpreter, imports, store open, query and render:

    python bench/cli_cold.py [--store DIR] [--runs 10]

The split runs `watwerkt wat-werkt` in a fresh process that first imports, in load order, every
module a real run loads (so the import phase is the modules' own cost), then runs the command with
a clock around ``open_store``, the question, the view and the render (everything else, click's
parsing and the write to the pipe, is "rest"). The interpreter phase is `python -c pass`.
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

from common import built_store, machine, today, write_result

# The modules a cold `watwerkt wat-werkt` loads, in order (printed as JSON, one list).
LOADED = r"""
import sys
pre = set(sys.modules)
if sys.argv[1] == "rich":  # the table through rich, as before the table was laid out without it
    import watwerkt.renderers.text as T
    T._plain_ok = lambda texts: False
from watwerkt.cli import main
main(sys.argv[2:])
sys.stdout.flush()
print("\n" + __import__("json").dumps([m for m in sys.modules if m not in pre]), file=sys.stderr)
"""

# One cold run split into phases (seconds of wall time, and CPU of the whole process).
SPLIT = r"""
import importlib, json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
mods = json.loads(sys.argv[2])
for m in mods:
    if m not in sys.modules:
        try:
            importlib.import_module(m)
        except Exception:
            pass
t1, c1 = time.perf_counter(), time.process_time()
phase = {"open": 0.0, "query": 0.0, "render": 0.0, "open cpu": 0.0, "query cpu": 0.0, "render cpu": 0.0}

def clocked(mod, name, key):
    fn = getattr(mod, name)
    def wrapper(*a, **k):
        t, c = time.perf_counter(), time.process_time()
        try:
            return fn(*a, **k)
        finally:
            phase[key] += time.perf_counter() - t
            phase[key + " cpu"] += time.process_time() - c
    setattr(mod, name, wrapper)

import watwerkt.graph.store as store_mod
import watwerkt.queries.what_works as ww_mod
import watwerkt.queries.views as views_mod
import watwerkt.renderers as renderers_mod
clocked(store_mod, "open_store", "open")
clocked(ww_mod, "what_works", "query")
clocked(views_mod, "what_works_view", "render")
clocked(renderers_mod, "render", "render")
if sys.argv[1] == "rich":
    import watwerkt.renderers.text as T
    T._plain_ok = lambda texts: False
from watwerkt.cli import main
code = main(sys.argv[3:])
sys.stdout.flush()
t2, c2 = time.perf_counter(), time.process_time()
import resource
ru = resource.getrusage(resource.RUSAGE_SELF)
phase.update({"imports": t1 - t0, "imports cpu": c1 - c0, "total_in_process": t2 - t0,
              "total_in_process cpu": c2 - c0, "code": code, "cpu": ru.ru_utime + ru.ru_stime})
print("\n" + json.dumps(phase), file=sys.stderr)
"""


def timed(cmd: list[str], env: dict) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU (user+sys) seconds of one fresh process; its stdout is a pipe."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def median_time(cmd: list[str], runs: int, env: dict) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        w, c, _p = timed(cmd, env)
        walls.append(w)
        cpus.append(c)
    return statistics.median(walls), statistics.median(cpus)


def split(exe_python: str, store: Path, runs: int, env: dict, table: str = "plain") -> dict:
    """Median phases of a cold `watwerkt wat-werkt` (``table="rich"``: its table through rich)."""
    args = ["wat-werkt", "--store", str(store)]
    proc = subprocess.run([exe_python, "-c", LOADED, table, *args], check=True, capture_output=True, env=env)
    mods = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    rows = []
    for _ in range(runs):
        w, c, p = timed([exe_python, "-c", SPLIT, table, json.dumps(mods), *args], env)
        rec = json.loads(p.stderr.decode().strip().splitlines()[-1])
        rec["wall"] = w
        rows.append(rec)
    keys = [p + s for p in ("imports", "open", "query", "render", "total_in_process") for s in ("", " cpu")]
    keys += ["wall", "cpu"]
    out = {k: statistics.median(r[k] for r in rows) for k in keys}
    out["modules"] = len(mods)
    out["heavy"] = sorted({m.split(".")[0] for m in mods} & {"rich", "pydantic", "yaml", "rdflib", "networkx",
                                                              "neo4j", "pyvis", "rapidfuzz", "click"})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--label", default="", help="a note for the heading (e.g. 'before')")
    ap.add_argument("--json", type=Path, help="also write the raw numbers here")
    ap.add_argument("--pycache", type=Path, help="cache bytecode here (PYTHONPYCACHEPREFIX), as an installed "
                    "package has it, even where PYTHONDONTWRITEBYTECODE is set")
    args = ap.parse_args()
    store = built_store(args.store)
    env = {**os.environ, "WATWERKT_STORE": str(store)}
    if args.pycache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(args.pycache)
        subprocess.run([sys.executable, "-c", "import watwerkt.cli"], env=env, check=True)
    bytecode = ("bytecode cached" if not env.get("PYTHONDONTWRITEBYTECODE")
                else "PYTHONDONTWRITEBYTECODE set: the package's own modules are compiled in every process")
    exe = shutil.which("watwerkt", path=str(Path(sys.executable).parent)) or shutil.which("watwerkt") or "watwerkt"
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "watwerkt --version": [exe, "--version"],
        "watwerkt wat-werkt": [exe, "wat-werkt"],
        "watwerkt wat-werkt, its table through rich (as before)": [
            sys.executable, "-c", "import sys, watwerkt.renderers.text as T\nT._plain_ok = lambda texts: False\n"
            "from watwerkt.cli import main\nsys.exit(main(sys.argv[1:]))", "wat-werkt"],
        "watwerkt --help": [exe, "--help"],
        "watwerkt cases": [exe, "cases"],
        "watwerkt wat-werkt --doelgroep 'lage eigen regie'": [exe, "wat-werkt", "--doelgroep", "lage eigen regie"],
        "watwerkt wat-werkt --context bezuinigingen --uitkomst inzetbaarheid --format json": [
            exe, "wat-werkt", "--context", "bezuinigingen", "--uitkomst", "inzetbaarheid", "--format", "json"],
    }
    load0 = os.getloadavg()
    results = {}
    # interleaved rounds: a burst of load from other work hits every command alike
    walls: dict[str, list[float]] = {k: [] for k in cases}
    cpus: dict[str, list[float]] = {k: [] for k in cases}
    for cmd in cases.values():  # one round not counted: the file cache (and the bytecode cache) warm
        timed(cmd, env)
    for _ in range(args.runs):
        for name, cmd in cases.items():
            w, c, _p = timed(cmd, env)
            walls[name].append(w)
            cpus[name].append(c)
    results = {k: (statistics.median(walls[k]), statistics.median(cpus[k])) for k in cases}
    sp = split(sys.executable, store, args.runs, env)
    sp_rich = split(sys.executable, store, args.runs, env, "rich")
    load1 = os.getloadavg()
    base, base_cpu = results["python -c pass"]
    for d in (sp, sp_rich):
        for suffix in ("", " cpu"):
            d["rest" + suffix] = max(0.0, d["total_in_process" + suffix] - sum(
                d[k + suffix] for k in ("imports", "open", "query", "render")))

    def ph(key: str, d: dict = sp) -> str:
        return f"{d[key]:.3f} | {d[key + ' cpu']:.3f}"

    lines = [f"# CLI cold start, {today()}{' (' + args.label + ')' if args.label else ''}", "",
             f"Machine: {machine()}. Medians of {args.runs} fresh processes each (the commands interleaved "
             f"round by round), one run, store already built (the real graph), the answer written to a pipe, {bytecode}. "
             f"Load average (1 min) {load0[0]:.2f} at the start, {load1[0]:.2f} at the end.", "",
             "| command | wall s | CPU s (user+sys) | ratio to `python -c pass` (wall) | ratio (CPU) |",
             "|---|---|---|---|---|"]
    for name, (t, c) in results.items():
        lines.append(f"| `{name}` | {t:.3f} | {c:.3f} | {t / base:.1f} | {c / base_cpu:.1f} |")
    ww, ww_cpu = results["watwerkt wat-werkt"]
    verdict = "met" if ww / base <= 5 else f"missed by {ww / base / 5:.1f}x"
    lines += ["", f"Target of issue 13, a cold `wat-werkt` at most 5x `python -c pass`: {ww:.3f} s / {base:.3f} s "
              f"= **{ww / base:.1f}x** wall ({ww_cpu / base_cpu:.1f}x CPU): {verdict}.", "",
              f"## Where a cold `watwerkt wat-werkt` goes (medians of {args.runs})", "",
              "| phase | wall s | CPU s | with the table through rich (before): wall s | CPU s |",
              "|---|---|---|---|---|",
              f"| interpreter (`python -c pass`) | {base:.3f} | {base_cpu:.3f} | {base:.3f} | {base_cpu:.3f} |",
              f"| imports ({sp['modules']} modules beyond the interpreter's own; before {sp_rich['modules']}) | "
              f"{ph('imports')} | {ph('imports', sp_rich)} |",
              f"| store open (`open_store`) | {ph('open')} | {ph('open', sp_rich)} |",
              f"| query (`what_works`, its SPARQL) | {ph('query')} | {ph('query', sp_rich)} |",
              f"| view and render (`what_works_view`, `render`) | {ph('render')} | {ph('render', sp_rich)} |",
              f"| rest (click parsing, writing the answer) | {ph('rest')} | {ph('rest', sp_rich)} |",
              f"| whole process | {sp['wall']:.3f} | {sp['cpu']:.3f} | {sp_rich['wall']:.3f} | {sp_rich['cpu']:.3f} |",
              "", "Third-party packages on this path: " + (", ".join(sp["heavy"]) or "none")
              + f" (before: {', '.join(sp_rich['heavy']) or 'none'})."]
    write_result("cli-cold", lines)
    if args.json:
        args.json.write_text(json.dumps({"commands": results, "split": sp, "split_rich": sp_rich, "load": [load0[0], load1[0]]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
