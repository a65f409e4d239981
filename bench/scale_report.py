"""The report of bench/scale_bench.py: bench/results/scale-<date>.md and docs/images/scale.png
from the raw numbers in bench/results/scale-<date>.json (matplotlib: the `bench` extra).

A question that was killed at the time limit is a lower bound (``> N``), and every ratio made
from one is a lower or upper bound (``≥``, ``≤``); a question that was not started (its path
ran out of time) or failed is named in "What was not measured, and why".
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOT = ROOT / "docs" / "images" / "scale.png"
BACKENDS = [("embedded_warm", "embedded, warm"), ("embedded_fresh", "embedded, fresh process"),
            ("rdflib_warm", "rdflib in memory, warm"), ("remote_warm", "remote oxigraph, warm"),
            ("remote_fresh", "remote oxigraph, fresh process"), ("neo4j_warm", "Neo4j, warm")]


def _f(v, digits=2) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def _questions(rec: dict) -> list[str]:
    return [k for k in rec.get("embedded_warm", {}) if " (" not in k and not k.startswith("_")]


def value(rec: dict, key: str, q: str) -> tuple[float | None, bool]:
    """``(seconds, is_lower_bound)``: the median, or the time limit of a killed question."""
    d = rec.get(key) or {}
    if d.get(q) is not None:
        return d[q], False
    if d.get(q + " (over)") is not None:
        return d[q + " (over)"], True
    return None, False


def cell(rec: dict, key: str, q: str, digits: int = 3) -> str:
    v, over = value(rec, key, q)
    if over:
        return f"> {v:g}"
    if v is None:
        d = rec.get(key) or {}
        if d.get(q + " (error)"):
            return "error"
        if q in d.get("_not_run", []):
            return "not run"
    return _f(v, digits)


def slowest(rec: dict, key: str) -> float | None:
    vals = [value(rec, key, q)[0] for q in _questions(rec)]
    vals = [v for v in vals if v is not None]
    return max(vals) if vals else None


def ratios(rec: dict, key: str) -> dict[str, tuple[float, str]]:
    """``{question: (ratio of key to embedded warm, "=" | ">" | "<")}`` where both are known."""
    out = {}
    for q in _questions(rec):
        other, o_low = value(rec, key, q)
        emb, e_low = value(rec, "embedded_warm", q)
        if other is None or emb is None or (o_low and e_low):
            continue
        out[q] = (other / emb, ">" if o_low else "<" if e_low else "=")
    return out


def _r(r: tuple[float, str], digits: int = 1) -> str:
    return {"=": "", ">": "≥ ", "<": "≤ "}[r[1]] + f"{r[0]:.{digits}f}x"


def targets(raw: dict) -> list[tuple[str, str, str]]:
    sizes = raw["sizes"]
    out = []
    real = sizes.get("28", {}).get("build", {})
    if real.get("ok"):
        out.append(("real corpus builds in ≤ 2 s", f"{real['wall']:.1f} s wall, {real['cpu']:.1f} s CPU",
                    "met" if real["wall"] <= 2 else f"missed by {real['wall'] / 2:.1f}x (CPU {real['cpu'] / 2:.1f}x)"))
    big = sizes.get("1000", {})
    if big:
        b = big.get("build", {})
        tri = big.get("triples", 0)
        if b.get("ok"):
            out.append((f"build ≤ 15 s at ~1M triples ({tri / 1e6:.1f}M here)", f"{b['wall']:.0f} s wall, {b['cpu']:.0f} s CPU",
                        "met" if b["wall"] <= 15 else f"missed by {b['wall'] / 15:.1f}x (CPU {b['cpu'] / 15:.1f}x)"))
            out.append(("peak memory ≤ 1.5 GB", f"{b['maxrss_mb']:.0f} MB",
                        "met" if b["maxrss_mb"] <= 1536 else f"missed by {b['maxrss_mb'] / 1536:.1f}x"))
        for key, limit, what in (("embedded_warm", 0.25, "warm"), ("embedded_fresh", 0.5, "fresh process")):
            vals = {q: value(big, key, q) for q in _questions(big)}
            vals = {q: v for q, v in vals.items() if v[0] is not None}
            if not vals:
                continue
            over = {q: v for q, v in vals.items() if v[0] > limit}
            worst = max(v[0] for v in vals.values())
            worst_low = any(v[1] and v[0] == worst for v in vals.values())
            shown = ", ".join(f"{q} {'> ' if v[1] else ''}{v[0]:.2f}"
                              for q, v in sorted(over.items(), key=lambda kv: -kv[1][0])) or "none"
            out.append((f"every question ≤ {limit} s {what} at ~1M",
                        f"slowest {'> ' if worst_low else ''}{worst:.2f} s; over: {shown}",
                        "met" if not over else f"missed by {'at least ' if worst_low else 'up to '}"
                        f"{worst / limit:.1f}x ({len(over)} of {len(vals)})"))
    for n in sorted(sizes, key=int, reverse=True):
        rat = ratios(sizes[n], "rdflib_warm")
        if rat:
            low = {q: r for q, r in rat.items() if r[0] < 20 and r[1] != ">"}
            unknown = {q: r for q, r in rat.items() if r[0] < 20 and r[1] == ">"}
            verdict = "met" if not low and not unknown else (
                (f"missed on {len(low)} of {len(rat)}: " + ", ".join(f"{q} {_r(r)}" for q, r in
                                                                  sorted(low.items(), key=lambda kv: kv[1][0])))
                if low else "")
            if unknown:
                verdict += ("; " if low else "") + "not shown for " + ", ".join(
                    f"{q} ({_r(r)}, rdflib stopped at the limit)" for q, r in unknown.items())
            out.append((f"≥ 20x faster than rdflib (at {n} cases, the largest with the baseline)",
                        f"ratios {_r(min(rat.values()))} to {_r(max(rat.values()))}", verdict))
            break
    for n in sorted(sizes, key=int, reverse=True):
        rat = ratios(sizes[n], "neo4j_warm")
        if rat:
            high = {q: r for q, r in rat.items() if r[0] > 2 and r[1] != "<"}
            out.append((f"Neo4j within 2x of embedded (at {n} cases, the largest published)",
                        f"ratios {_r(min(rat.values()), 2)} to {_r(max(rat.values()), 2)}",
                        "met" if not high else f"missed on {len(high)} of {len(rat)}: "
                        + ", ".join(f"{q} {_r(r)}" for q, r in sorted(high.items(), key=lambda kv: -kv[1][0]))))
            break
    c = raw.get("cold")
    if c:
        out.append(("cold start ≤ 5x `python -c pass`", f"`watwerkt --version` {c['watwerkt_version']:.2f} s / "
                    f"{c['python_pass']:.2f} s = {c['ratio']:.1f}x", "met" if c["ratio"] <= 5 else f"missed by {c['ratio'] / 5:.1f}x"))
        real = c.get("wat_werkt") or sizes.get("28", {}).get("embedded_fresh", {}).get("wat-werkt")
        if real:
            r = real / c["python_pass"]
            cpu = (f" (CPU {c['wat_werkt_cpu']:.2f} s / {c['python_pass_cpu']:.2f} s = "
                   f"{c['wat_werkt_cpu'] / c['python_pass_cpu']:.1f}x)") if c.get("wat_werkt_cpu") else ""
            out.append(("cold `wat-werkt` (real graph, answer to a pipe) ≤ 5x `python -c pass`",
                        f"{real:.2f} s / {c['python_pass']:.2f} s = {r:.1f}x{cpu}",
                        "met" if r <= 5 else f"missed by {r / 5:.1f}x"))
    return out


def not_measured(sizes: list[dict], raw: dict) -> list[str]:
    """What the raw file says was not measured, size by size, and why."""
    out = []
    opts = raw.get("options", {})
    for r in sizes:
        n, b = r["cases"], r.get("build", {})
        if not b.get("ok"):
            out.append(f"- **{n:,} cases**: the build did not finish ({b.get('why')}; after {b.get('wall', 0):.0f} s)"
                       + ("; the questions ran on a replicated store (below the first table)." if r.get("replicated")
                          else "; no question was timed at this size."))
        if r.get("rdflib_failed"):
            out.append(f"- **rdflib at {n:,} cases**: {r['rdflib_failed']}.")
        elif "rdflib_warm" not in r and r.get("triples") and "embedded_warm" in r:
            out.append(f"- **rdflib at {n:,} cases**: not run ({r['triples']:,} triples, above the baseline's "
                       f"limit of {opts.get('rdflib_max', 2_000_000):,}: its parse alone would not fit in time or memory).")
        if "remote_warm" not in r and "embedded_warm" in r:
            why = ("the store was replicated, not built" if r.get("replicated")
                   else "publishing failed: " + str((r.get("publish_sparql_bulk_run") or {}).get("why"))
                   if r.get("publish_sparql_bulk_run") else f"above --remote-max {opts.get('remote_max', '')}")
            out.append(f"- **remote oxigraph at {n:,} cases**: not run ({why}).")
        if r.get("publish_neo4j_run") and not r["publish_neo4j_run"].get("ok"):
            out.append(f"- **Neo4j at {n:,} cases**: publishing did not finish ({r['publish_neo4j_run'].get('why')}).")
        elif "neo4j_warm" not in r and "embedded_warm" in r and r.get("neo4j_asked", opts.get("neo4j")):
            out.append(f"- **Neo4j at {n:,} cases**: not run (above --neo4j-max or a replicated store).")
        for key, label in BACKENDS:
            d = r.get(key) or {}
            over = [q for q in _questions(r) if d.get(q + " (over)") is not None]
            if over:
                out.append(f"- {n:,} cases, {label}: stopped at the {d[over[0] + ' (over)']:g} s limit, shown as a lower "
                           f"bound: {', '.join(over)}.")
            if d.get("_not_run"):
                out.append(f"- {n:,} cases, {label}: not started, the path's time budget was spent: "
                           f"{', '.join(d['_not_run'])}.")
            errs = {q: d[q + ' (error)'] for q in _questions(r) if d.get(q + " (error)")}
            if errs:
                out.append(f"- {n:,} cases, {label}: failed: " + "; ".join(f"{q} ({e})" for q, e in errs.items()) + ".")
            if d.get("_failed"):
                out.append(f"- {n:,} cases, {label}: {d['_failed']}.")
        if r.get("publish_sparql_bulk") is not None and r.get("publish_sparql_put") is None:
            out.append(f"- {n:,} cases: the transactional `publish sparql` PUT was not timed (above --put-max).")
    return out or ["- Nothing: every question ran on every path at every size."]


def plot(raw: dict, path: Path = PLOT) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(raw["sizes"].values(), key=lambda r: r["cases"])
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)

    def build_of(key):
        return lambda r: (r["build"][key], False) if r.get("build", {}).get("ok") else (None, False)

    series = [("build, wall", build_of("wall"), "k", "-"), ("build, CPU", build_of("cpu"), "k", "--")]

    def q(key, name, suffix=""):
        if suffix:
            return lambda r: ((r.get(key) or {}).get(name + suffix), False) if (r.get(key) or {}).get(name) is not None \
                else value(r, key, name)
        return lambda r: value(r, key, name)

    colours = {"wat-werkt --factor": "tab:red", "wat-werkt": "tab:orange", "gaten": "tab:brown",
               "zoek": "tab:olive", "case": "tab:cyan", "vergelijk": "tab:blue"}
    for name, colour in colours.items():
        series.append((f"{name}: embedded warm, CPU", q("embedded_warm", name, " (cpu)"), colour, "-"))
    series.append(("vergelijk: remote oxigraph warm, wall", q("remote_warm", "vergelijk"), "tab:green", ":"))
    series.append(("wat-werkt: rdflib warm, wall", q("rdflib_warm", "wat-werkt"), "tab:purple", "none"))
    series.append(("wat-werkt: Neo4j warm, wall", q("neo4j_warm", "wat-werkt"), "tab:pink", "none"))
    bounds = False
    for label, fn, color, style in series:
        pts = [(r["triples"], *fn(r)) for r in sizes if r.get("triples") and fn(r)[0] is not None]
        known = [p for p in pts if not p[2]]
        low = [p for p in pts if p[2]]
        if known:
            ax.plot([p[0] for p in known], [p[1] for p in known], linestyle=style, color=color, marker="o", label=label)
        if low:  # a killed question: the time limit, an upward triangle (a lower bound of its wall time)
            bounds = True
            ax.plot([p[0] for p in low], [p[1] for p in low], linestyle="none", color=color, marker="^", markersize=9,
                    label=None if known else label)
    for y, label in ((0.25, "target warm 0.25 s"), (0.5, "target fresh 0.5 s"), (15, "target build 15 s at 1M")):
        ax.axhline(y, color="grey", linewidth=0.8, linestyle=":")
        ax.text(0.01, y * 1.08, label, fontsize=7, color="grey", transform=ax.get_yaxis_transform())
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("triples")
    ax.set_ylabel("seconds")
    unbuilt = [f"{r['cases']:,}" for r in sizes if not r.get("build", {}).get("ok")]
    notes = [f"{', '.join(unbuilt)} cases did not build"] if unbuilt else []
    if bounds:
        notes.append("▲ = stopped at the time limit (a lower bound)")
    ax.set_title(f"watwerkt: cost against size ({raw.get('date', '')}, 2-core machine)"
                 + ("\n" + "; ".join(notes) if notes else ""), fontsize=9)
    ax.legend(fontsize=7, loc="lower right")
    ax.grid(True, which="major", linewidth=0.3)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})  # no version stamp: the same numbers, the same file
    plt.close(fig)


def report(raw_path: Path, plot_path: Path = PLOT) -> int:
    raw = json.loads(raw_path.read_text(encoding="utf-8"))
    raw["date"] = raw_path.stem.removeprefix("scale-")
    sizes = sorted(raw["sizes"].values(), key=lambda r: r["cases"])
    loads = [r["load_before"] for r in sizes if r.get("load_before") is not None]
    limits = sorted({r.get("limit") for r in sizes if r.get("limit")})
    lines = [f"# Scale benchmark, {raw['date']}", "",
             f"Machine: {raw['machine']}. The 1-minute load average at the start of each size is in the first "
             f"table ({min(loads):.1f} to {max(loads):.1f}); where it is above 2 on these 2 cores, wall times are "
             "inflated by other work, so CPU times are given where the work runs in our process. "
             + (f"Each run of a question was killed after {', '.join(f'{x:g}' for x in limits)} s and is then shown as "
                "a lower bound (`> N`). " if limits else "")
             + f"Raw numbers: `{raw_path.name}`; plot: `docs/images/scale.png`; method: `bench/scale_bench.py`"
             + (f"; the whole run took {raw['elapsed'] / 60:.0f} min" if raw.get("elapsed") else "") + ".", "",
             "## Build, store, publish", "",
             "| cases | triples | load avg | synth s | build wall s | build CPU s | peak RSS MB | Oxigraph MB | "
             "N-Triples MB | publish sparql (bulk) s | publish sparql (PUT) s | publish neo4j s |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in sizes:
        b = r["build"]
        rep = r.get("replicated")
        built = (f"{b['wall']:.1f} | {b['cpu']:.1f} | {b['maxrss_mb']:.0f}" if b.get("ok")
                 else f"did not finish ({b['why']}; after {b['wall']:.0f} s) | – | –")
        store_mb = (b.get("store_bytes") or (rep or {}).get("store_bytes") or 0) / 1e6
        synth = _f(r.get("synth_wall"), 1) + (f" ({r['synth_cpu']:.1f} CPU)" if r.get("synth_cpu") else "")
        neo = r.get("publish_neo4j_run") or {}
        lines.append(f"| {r['cases']} | {r.get('triples', '–')} | {r['load_before']:.1f} | {synth} | {built} | "
                     f"{store_mb:.0f}{' (replicated)' if rep else ''} | {_f((b.get('nt_bytes') or 0) / 1e6, 0)} | "
                     f"{_f(r.get('publish_sparql_bulk'), 1)} | {_f(r.get('publish_sparql_put'), 1)} | "
                     + (f"{neo['wall']:.1f} ({neo['cpu']:.1f} CPU)" if neo.get("ok") else _f(r.get("publish_neo4j"), 1))
                     + " |")
    if any(r.get("replicated") for r in sizes):
        lines += ["", "*(replicated)*: the build did not finish, so the questions at this size ran on a store "
                  "bulk-loaded from ten renamed copies of the graph one size down (case IRIs renamed, concepts, "
                  "report and programmes shared): " + "; ".join(
                      f"{r['cases']} cases: {r['replicated']['triples']} triples loaded in "
                      f"{r['replicated']['load_wall']:.0f} s, peak RSS {r['replicated']['maxrss_mb']:.0f} MB"
                      for r in sizes if r.get("replicated")) + ". A replicated store has no search index, so "
                  "`zoek` runs its query there, not the index."]
    lines += ["", "`publish neo4j` is the command as a user runs it (the mapping to a property graph included), "
              "wall (CPU of the command's process).",
              "", "## Questions (seconds; warm = in-process median of 3 after a warm-up, `cpu` its CPU time; "
              "fresh = a new `watwerkt` process, median of 2, one for the remote and above 1M triples; a question "
              "slower than 5 s runs once)", ""]
    for r in sizes:
        qs = _questions(r)
        if not qs:
            continue
        cols = [(k, lab) for k, lab in BACKENDS if r.get(k)]
        lines += [f"### {r['cases']} cases, {r.get('triples')} triples", "",
                  "| question | embedded warm (cpu) | " + " | ".join(lab for k, lab in cols if k != "embedded_warm") + " |",
                  "|---|---|" + "---|" * (len(cols) - 1)]
        for q in qs:
            e = r["embedded_warm"]
            cells = [cell(r, "embedded_warm", q) + (f" ({_f(e.get(q + ' (cpu)'), 3)})" if e.get(q) is not None else "")]
            cells += [cell(r, k, q) for k, _ in cols if k != "embedded_warm"]
            lines.append(f"| {q} | " + " | ".join(cells) + " |")
        if r.get("rdflib_load"):
            lines.append(f"\nrdflib: parsing the N-Triples took {r['rdflib_load']:.1f} s (not in the question times).")
        lines.append("")
    lines += ["## What was not measured, and why", "", *not_measured(sizes, raw), ""]
    lines += ["## Targets of issue 13", "", "| target | measured | verdict |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in targets(raw)]
    if raw.get("cold"):
        c = raw["cold"]
        lines += ["", f"Cold start, medians of 10 in one run: `python -c pass` {c['python_pass']:.3f} s, "
                  f"`watwerkt --version` {c['watwerkt_version']:.3f} s"
                  + (f", `watwerkt wat-werkt` {c['wat_werkt']:.3f} s (CPU {c['wat_werkt_cpu']:.3f} s)"
                     if c.get("wat_werkt") else "")
                  + (f"; load average {c['load']:.1f}" if c.get("load") is not None else "")
                  + ". Where the time of a cold `wat-werkt` goes: `bench/results/cli-cold-<date>.md`."]
    text = "\n".join(lines) + "\n"
    out = raw_path.with_suffix(".md")
    out.write_text(text, encoding="utf-8")
    print(text)
    plot(raw, plot_path)
    return 0
