"""Every HTML output in real headless Chromium (Debian's, through Playwright), offline.

Each page is opened from disk with every request routed through the test: the page itself is
the only one allowed, anything else is recorded and aborted, and the test wants none. Console
errors (a CSP violation is one) fail the test. A hostile fixture puts script, event-handler,
``javascript:`` and ``href`` payloads into every text field and checks that none runs.
Screenshots go to ``build/screenshots/``. Skips without Chromium, unless CI=true.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = Path(os.environ.get("WATWERKT_CHROMIUM", "/usr/lib/chromium/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
           '<a href="javascript:window.__pwned=3">href</a> javascript:window.__pwned=4 '
           '"><svg onload=window.__pwned=5> </script><iframe src="javascript:window.__pwned=6"></iframe>')


@pytest.fixture(scope="module")
def browser():
    why = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        why, sync_playwright = "playwright is not installed (pip install -e '.[test]')", None
    if why is None and not CHROMIUM.exists():
        why = f"no Chromium at {CHROMIUM} (make system-deps installs Debian's chromium)"
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {why}")
        pytest.skip(why)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


class Opened:
    def __init__(self, page, requests, errors, dialogs):
        self.page, self.requests, self.errors, self.dialogs = page, requests, errors, dialogs


def open_page(browser, path: Path, *, width: int = 1440, height: int = 900) -> Opened:
    url = path.resolve().as_uri()
    page = browser.new_page(viewport={"width": width, "height": height})
    requests, errors, dialogs = [], [], []

    def route(r):
        if r.request.url == url:
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("body[data-drawn=true]", timeout=20_000)
    return Opened(page, requests, errors, dialogs)


def painted(page) -> int:
    """How many pixels of the network canvas are not transparent."""
    return page.evaluate("""() => { const c = document.querySelector('#ww-network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }""")


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def click_node(page, label: str) -> None:
    """A real mouse click on the node with this label (its position from vis-network)."""
    xy = page.evaluate("""(label) => { const data = JSON.parse(document.getElementById('ww-data').textContent);
        const n = data.nodes.find(x => x.label === label); const p = window.wwNetwork.getPositions([n.id])[n.id];
        const d = window.wwNetwork.canvasToDOM(p); const r = document.getElementById('ww-network').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", label)
    page.mouse.click(xy[0], xy[1])


@pytest.fixture(scope="module")
def pages(real_store, tmp_path_factory):
    """The real outputs, written by the CLI: overview (nl, en), an ego view, wat-werkt, the gap map."""
    from click.testing import CliRunner

    from watwerkt.cli import main

    out = tmp_path_factory.mktemp("html")
    runs = {"overview": ["verken"], "overview-en": ["verken", "--lang", "en"],
            "ego": ["verken", "--rond", "leidinggevende", "--diepte", "1"],
            "what-works": ["wat-werkt", "--doelgroep", "richtingzoekers", "--format", "html"],
            "gaps": ["verken", "--gaten"], "gaps-en": ["verken", "--gaten", "--lang", "en"],
            "gaten": ["gaten", "--format", "html"], "cases": ["cases", "--format", "html"],
            "heat-map": ["samenhang", "--format", "html"], "case-card": ["case", "oss", "--format", "html"]}
    paths = {}
    for name, args in runs.items():
        paths[name] = out / f"{name}.html"
        with CliRunner().isolation():
            code = main([*args, "--store", str(real_store), "-o", str(paths[name])])
        assert code == 0, (name, args)
    return paths


@pytest.mark.parametrize("name", ["overview", "overview-en", "ego", "what-works"])
def test_explorer_draws_offline_without_errors(browser, pages, name):
    o = open_page(browser, pages[name])
    assert o.requests == [] and o.errors == [] and o.dialogs == []
    assert painted(o.page) > 2000, "the network is not drawn"
    shot(o.page, f"explorer-{name}")
    o.page.close()


def test_search_is_accent_insensitive_and_opens_the_panel(browser, pages):
    o = open_page(browser, pages["overview"])
    o.page.fill("#ww-search", "IDEEEN")  # finds "... eigen ideeën" without the diaeresis
    button = o.page.locator("#ww-results button").first
    assert "ideeën" in button.inner_text()
    button.click()
    panel = o.page.locator("#ww-panel")
    assert "ideeën" in panel.locator("h2").inner_text()
    assert panel.get_attribute("data-node") == "case" and "watwerkt case" in panel.inner_text()
    assert panel.locator("li").count() > 3  # its evidence, with anchors
    assert "#" in panel.locator(".ww-anchor").first.inner_text()
    shot(o.page, "explorer-search-panel")
    assert o.requests == [] and o.errors == []
    o.page.close()


def test_a_click_on_a_node_opens_its_evidence(browser, pages):
    o = open_page(browser, pages["ego"])
    label = o.page.evaluate("JSON.parse(document.getElementById('ww-data').textContent).nodes"
                            ".find(n => n.kind === 'factor').label")
    click_node(o.page, label)
    panel = o.page.locator("#ww-panel")
    assert panel.locator("h2").inner_text() == label
    assert panel.get_attribute("data-node") == "factor"
    shot(o.page, "explorer-ego-click")
    assert o.errors == [] and o.requests == []
    o.page.close()


def test_filters_hide_bears(browser, pages):
    o = open_page(browser, pages["overview"])
    before = o.page.inner_text("#ww-shown")
    o.page.uncheck("input[data-filter=polarity][value=bear]")
    after = o.page.inner_text("#ww-shown")
    assert before != after and int(after.split()[-3]) < int(before.split()[-3])
    o.page.select_option("#ww-group", "richtingzoekers")
    assert int(o.page.inner_text("#ww-shown").split()[0]) < int(before.split()[0])
    o.page.close()


@pytest.mark.parametrize("name", ["gaps", "gaps-en", "gaten"])
def test_gap_map_lists_the_cases_of_a_cell(browser, pages, name):
    o = open_page(browser, pages[name], height=1100)
    o.page.select_option("#ww-facet", "0")
    o.page.locator("button[data-cell]").first.click()
    panel = o.page.locator("#ww-gap-panel")
    assert panel.locator("li").count() >= 1 and "watwerkt case" in panel.inner_text()
    assert o.page.locator("td.empty").count() > 0  # empty cells are there, plainly empty
    shot(o.page, f"gap-map-{name}")
    assert o.requests == [] and o.errors == [] and o.dialogs == []
    o.page.close()


def test_plain_pages(browser, pages):
    o = open_page_plain(browser, pages["cases"])
    assert o.page.locator("table th").count() > 2 and o.page.locator("tbody tr").count() == 28
    assert o.requests == [] and o.errors == []
    o.page.close()
    o = open_page_plain(browser, pages["heat-map"])
    assert o.page.locator("td.h5").count() > 0 and o.requests == [] and o.errors == []
    shot(o.page, "heat-map")
    o.page.close()
    o = open_page_plain(browser, pages["case-card"])
    assert o.page.locator("table").count() > 0 and o.requests == [] and o.errors == []
    o.page.close()


def open_page_plain(browser, path: Path) -> Opened:
    page = browser.new_page()
    requests, errors = [], []
    url = path.resolve().as_uri()
    page.route("**/*", lambda r: r.continue_() if r.request.url == url else (requests.append(r.request.url), r.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    return Opened(page, requests, errors, [])


# ------------------------------------------------------------------ hostile input


def hostile_view():
    from watwerkt.queries.graph_views import Evidence, GraphView, ViewBuilder

    b = ViewBuilder()
    ev = Evidence("influence", PAYLOAD, PAYLOAD, PAYLOAD, epistemic=PAYLOAD, direction=PAYLOAD, polarity="bear",
                  basis="named", anchors=(PAYLOAD,), quotes=(PAYLOAD,))
    case = b.node("case", PAYLOAD, PAYLOAD, PAYLOAD)
    factor = b.node("factor", "f" + PAYLOAD, PAYLOAD, PAYLOAD)
    it = b.node("interventiontype", "t" + PAYLOAD, PAYLOAD, PAYLOAD)
    b.edge(case, factor, "influence", ev, polarity="bear", basis="named", group=PAYLOAD)
    b.edge(case, it, "applies", ev)
    nodes, edges = b.freeze()
    return GraphView("ego", case, 1, nodes, edges, True)


def test_hostile_text_runs_no_script(browser, tmp_path):
    from watwerkt.queries.gap_map import Cell, Facet, GapMap
    from watwerkt.viz.explorer.page import render_graph
    from watwerkt.viz.gapmap import render_gap_map

    explorer = tmp_path / "hostile.html"
    explorer.write_bytes(render_graph(hostile_view(), title=PAYLOAD, lines=(PAYLOAD,)))
    o = open_page(browser, explorer)
    o.page.fill("#ww-search", "script")
    o.page.locator("#ww-results button").first.click()
    click_node(o.page, PAYLOAD)
    o.page.evaluate("window.wwNetwork.fit()")
    for e in o.page.evaluate("Object.keys(window.wwNetwork.body.edges)"):  # a real click on each link
        xy = o.page.evaluate("""(id) => { const n = window.wwNetwork, e = n.body.edges[id];
            const a = n.canvasToDOM({x: e.from.x, y: e.from.y}), b = n.canvasToDOM({x: e.to.x, y: e.to.y});
            const r = document.getElementById('ww-network').getBoundingClientRect();
            return [r.left + (a.x + b.x) / 2, r.top + (a.y + b.y) / 2]; }""", e)
        o.page.mouse.click(*xy)
        assert o.page.locator("#ww-panel").get_attribute("data-node") == "edge"
        assert PAYLOAD in o.page.locator("#ww-panel").inner_text()
    click_node(o.page, PAYLOAD)
    assert o.page.locator("#ww-panel blockquote").first.inner_text() == PAYLOAD  # shown as text
    o.page.locator("#ww-panel").get_by_text("href").first.hover()
    assert o.page.evaluate("window.__pwned") is None
    assert o.requests == [] and o.dialogs == [] and o.errors == []
    assert o.page.locator("#ww-panel a, #ww-panel img, #ww-panel script, #ww-panel svg").count() == 0
    shot(o.page, "hostile-explorer")
    o.page.close()

    cell = Cell(PAYLOAD, PAYLOAD, 1, 1, 0, (PAYLOAD,), "agrees")
    gap = GapMap("nl", "zelfregie", ((PAYLOAD, PAYLOAD),), ((PAYLOAD, PAYLOAD),),
                 (Facet("", PAYLOAD, 2, (cell,)),), ((PAYLOAD, PAYLOAD),))
    gaps = tmp_path / "hostile-gaps.html"
    gaps.write_bytes(render_gap_map(gap, lines=(PAYLOAD,)))
    o = open_page(browser, gaps)
    o.page.locator("button[data-cell]").first.click()
    assert o.page.evaluate("window.__pwned") is None
    assert o.requests == [] and o.dialogs == [] and o.errors == []
    o.page.close()


def test_hostile_listing_runs_no_script(browser, tmp_path):
    from watwerkt.listing import Column, Listing, Table
    from watwerkt.viz.html import render

    table = Table("t", PAYLOAD, (Column("a", PAYLOAD),), ({"a": PAYLOAD},))
    path = tmp_path / "hostile-listing.html"
    path.write_bytes(render(Listing("x", "nl", PAYLOAD, (table,), (PAYLOAD,), (PAYLOAD,))))
    o = open_page_plain(browser, path)
    assert o.page.evaluate("window.__pwned") is None and o.requests == [] and o.errors == []
    assert o.page.locator("td").first.inner_text() == PAYLOAD
    o.page.close()
