"""Does a question cost what its answer costs, or what the graph costs?

Runs the case-bound questions (one case's card, comparison, key numbers, findings, angels and
bears) on two built stores of different size and reports, per question, the median time of
three warm runs and the rows the store returned (vocabularies included). A question whose
cost follows its answer takes about the same on both stores.

usage: python bench/answer_growth.py STORE_A CASE_A STORE_B CASE_B [-o RESULT.md]
(e.g. the real store and a store built from `python bench/synth.py --cases 300 -o DIR`)
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path


def measure(store_dir: str, case: str) -> dict[str, tuple[float, int, int]]:
    import pyoxigraph as ox

    import watwerkt.queries.angels_bears as ab
    import watwerkt.queries.case_card as cc
    import watwerkt.queries.cases as cs
    import watwerkt.queries.catalogue as ca
    import watwerkt.queries.overview as ov
    from watwerkt.queries import runner

    rows = [0]
    original = runner.run

    def counted(store, name, **params):
        r = original(store, name, **params)
        rows[0] += len(r)
        return r

    for module in (runner, ov, ca, ab, cc, cs):
        module.run = counted
    s = ox.Store.read_only(str(Path(store_dir) / "oxigraph"))
    triples = len(s)
    questions = {
        "case": lambda: cc.case_card(s, case),
        "vergelijk": lambda: ov.compare(s, [case]),
        "kerngetallen --case": lambda: ca.key_numbers(s, case),
        "bevindingen --case": lambda: ca.findings(s, case),
        "engelen-beren --case": lambda: ab.angels_and_bears(s, case=case),
    }
    out = {}
    for name, run in questions.items():
        run()
        times = []
        for _ in range(3):
            rows[0] = 0
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        out[name] = (statistics.median(times), rows[0], triples)
    runner.run = original
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store_a")
    ap.add_argument("case_a")
    ap.add_argument("store_b")
    ap.add_argument("case_b")
    ap.add_argument("-o", "--out")
    args = ap.parse_args()
    a, b = measure(args.store_a, args.case_a), measure(args.store_b, args.case_b)
    ta, tb = next(iter(a.values()))[2], next(iter(b.values()))[2]
    lines = [f"| question | {ta:,} triples: s (rows) | {tb:,} triples: s (rows) | ratio |", "|---|---|---|---|"]
    for q in a:
        lines.append(f"| {q} | {a[q][0]:.3f} ({a[q][1]}) | {b[q][0]:.3f} ({b[q][1]}) | {b[q][0] / a[q][0]:.1f}x |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
