"""Explorer benchmark: time to write each page in Python and time to first draw in Chromium.

For each view (the overview, two ego views, a wat-werkt answer, the gap map and a synthetic
view of 300 nodes, the most the explorer draws): the median of 3 renders in this process,
the size of the file, and in headless Chromium (Debian's, through Playwright, network
blocked) the median over 5 fresh pages of the time from navigation start to the first
``afterDrawing`` of vis-network (for the gap map: to the end of its script). Writes
bench/results/explorer-<date>.md.

    .venv/bin/python bench/explorer_bench.py [--store DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import built_store, machine, today, write_result  # noqa: E402

CHROMIUM = "/usr/lib/chromium/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def synthetic(n: int = 300, seed: int = 7):
    from watwerkt.queries.graph_views import KINDS, Evidence, GraphView, ViewBuilder

    rnd = random.Random(seed)
    b = ViewBuilder()
    keys = [b.node(KINDS[i % 5], f"x{i}", f"knoop {i}", f"node {i}") for i in range(n)]
    for i in range(3 * n):
        s, t = rnd.sample(keys, 2)
        ev = Evidence("influence", None, f"bewering {i}", f"claim {i}", anchors=(f"boek:{i}-{i + 9}#000000000000",))
        b.edge(s, t, "influence", ev, polarity=rnd.choice(["angel", "bear"]), basis=rnd.choice(["named", "read-in"]))
    nodes, edges = b.freeze()
    return GraphView("overview", None, 0, nodes, edges, False)


def views(store_dir: Path):
    from watwerkt.graph.store import open_store
    from watwerkt.listing import Listing
    from watwerkt.queries import graph_views as gv
    from watwerkt.queries.explore_views import gap_map_listing, graph_listing
    from watwerkt.queries.gap_map import gap_map
    from watwerkt.queries.views import what_works_view
    from watwerkt.queries.what_works import what_works

    s = open_store(store_dir)
    yield "overview", lambda: graph_listing(gv.overview(s), "nl")
    yield "ego leidinggevende, depth 1", lambda: graph_listing(gv.ego(s, "leidinggevende", 1), "nl")
    yield "ego oss, depth 2", lambda: graph_listing(gv.ego(s, "oss", 2), "nl")
    yield "wat-werkt --doelgroep richtingzoekers", lambda: what_works_view(
        what_works(s, lang="nl", group="richtingzoekers"), "nl")
    yield "gap map", lambda: gap_map_listing(gap_map(s), "nl")
    yield "synthetic, 300 nodes and 900 links", lambda: Listing("verken", "nl", "synthetic", (), (), (), None,
                                                                {"graph": synthetic()})


def first_draw(browser, path: Path, runs: int = 5) -> float:
    url = path.resolve().as_uri()
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
        page.goto(url)
        page.wait_for_selector("body[data-drawn=true]", timeout=60_000)
        t = page.evaluate("window.wwFirstDraw || performance.now()")
        times.append(t)
        page.close()
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from watwerkt.renderers import render

    store = built_store(args.store)
    out = Path(tempfile.mkdtemp())
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, make in views(store):
            renders = []
            for _ in range(3):
                t = time.perf_counter()
                html = render(make(), "html")
                renders.append(time.perf_counter() - t)
            path = out / "page.html"
            path.write_bytes(html)
            listing = make()
            graph = listing.extra.get("graph")
            if graph is None and type(listing.data).__name__ == "WhatWorks":
                from watwerkt.viz.explorer.results import what_works_graph

                graph = what_works_graph(listing.data)
            size = f"{len(graph.nodes)} / {len(graph.edges)}" if graph is not None else "matrix"
            rows.append(f"| {name} | {size} | {len(html) / 1e6:.2f} MB | {statistics.median(renders):.2f} s | "
                        f"{first_draw(browser, path) / 1000:.2f} s |")
        browser.close()
    import os

    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    write_result("explorer", [
        f"# Explorer: time to first draw ({today()})", "",
        f"Machine: {machine()}; Chromium {CHROMIUM} headless, software rendering, network blocked.",
        "Render: median of 3 in one process (query + layout + HTML), store already open.",
        "First draw: median of 5 fresh pages, navigation start to vis-network's first afterDrawing",
        "(the gap map: to the end of its script). Physics off, positions from networkx.", "",
        "| view | nodes / links | HTML | render (Python) | first draw (Chromium) |",
        "|---|---|---|---|---|", *rows, "",
        f"Load average at the end (1 / 5 / 15 min): {load}. Other test suites shared the two cores:",
        "treat the numbers as upper bounds. For comparison (TECH-NOTES): pyvis's defaults with physics",
        "took 15.6 s to clear the loading bar for 300 nodes.",
    ])


if __name__ == "__main__":
    main()
