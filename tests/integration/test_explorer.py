"""The explorer pages and the gap map on the real graph, without a browser.

Byte-identical across builds and processes, self-contained (no remote load, a CSP that
forbids one), opaque node ids, the size limit, bad input as one line, both languages.
The browser checks are in test_explorer_browser.py.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest


def cli_bytes(store, *args, env=None) -> bytes:
    import os

    done = subprocess.run([sys.executable, "-m", "watwerkt.cli", *args, "--store", str(store), "-o", "-"],
                          capture_output=True, check=False, env={**os.environ, **(env or {})})
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="module")
def second_store(real_settings, tmp_path_factory):
    """A second, independent build of the same data and corpus."""
    from watwerkt.config import Settings
    from watwerkt.graph.pipeline import build

    s = Settings(corpus=real_settings.corpus, store=tmp_path_factory.mktemp("second") / "store", data=real_settings.data)
    build(s)
    return s.store


@pytest.mark.parametrize("args", [("verken",), ("verken", "--lang", "en"), ("verken", "--rond", "oss", "--diepte", "2"),
                                  ("verken", "--gaten"), ("wat-werkt", "--uitkomst", "verzuim", "--format", "html")])
def test_byte_identical_across_two_builds(real_store, second_store, args):
    a = cli_bytes(real_store, *args, env={"PYTHONHASHSEED": "1"})
    b = cli_bytes(second_store, *args, env={"PYTHONHASHSEED": "2"})
    assert a == b and len(a) > 10_000


def test_page_is_self_contained_under_a_strict_csp(real_store):
    html = cli_bytes(real_store, "verken").decode("utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src &#x27;none&#x27;" in csp and "connect-src &#x27;none&#x27;" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "cdn" not in html.lower().split("<script>", 1)[0]
    assert "vis.Network" in html and "bootstrap" not in html.lower()
    ids = set(re.findall(r'"id":"([^"]+)"', html))
    assert ids and all(re.fullmatch(r"[ne]\d+", i) for i in ids)  # opaque: no IRIs, no keys
    assert "w3id.org" not in html


def test_overview_and_ego_views(real_store, monkeypatch):
    from watwerkt.graph.store import open_store
    from watwerkt.queries import graph_views as gv

    store = open_store(real_store)
    v = gv.overview(store)
    kinds = {n.kind for n in v.nodes}
    assert kinds == {"case", "interventiontype", "outcome", "factor", "group"}
    assert sum(n.kind == "case" for n in v.nodes) == 28
    assert {e.kind for e in v.edges} >= {"applies", "outcome", "influence", "configuration", "group"}
    assert {e.polarity for e in v.edges if e.kind == "influence"} == {"angel", "bear"}
    assert {b for e in v.edges for b in e.basis} == {"named", "read-in"}
    ego = gv.ego(store, "oss", 1)
    assert ego.centre == "case/oss" and all(
        e.source == "case/oss" or e.target == "case/oss" or {e.source, e.target} <= {n.key for n in ego.nodes}
        for e in ego.edges)
    assert gv.ego(store, "gemeente/oss").centre == "municipality/oss"
    assert len(gv.ego(store, "oss", 4).nodes) <= gv.MAX_NODES  # the whole graph is smaller than the limit
    monkeypatch.setattr(gv, "MAX_NODES", 20)
    with pytest.raises(Exception, match="meer dan 20"):
        gv.ego(store, "oss", 2)
    elements = [n for n in gv.full_graph(store)[0] if n.kind == "element"]
    assert elements and gv.ego(store, elements[0].key).centre == elements[0].key


def test_gap_map_counts_match_the_configurations(real_store):
    from watwerkt.graph.store import open_store
    from watwerkt.queries.gap_map import gap_map

    store = open_store(real_store)
    m = gap_map(store)
    everything = m.facets[0]
    n = next(iter(store.query("PREFIX ww: <https://w3id.org/watwerkt/def#> "
                              "SELECT (COUNT(*) AS ?n) WHERE { ?c a ww:Configuration ; ww:interventionType ?t }")))[0]
    assert sum(c.total for c in everything.cells) == int(n.value)
    assert any(c.total == 0 for c in everything.cells)  # gaps are in the result
    assert [f.group for f in m.facets] == ["", "zelfsturende-groeiers", "richtingzoekers", "noodzaakgestuurde-leerders"]
    assert {c.research for c in everything.cells} >= {"agrees", "none"}


def test_gap_map_in_the_terminal_is_not_truncated(cli, real_store):
    code, out, err = cli("verken", "--gaten", "--format", "csv", "--store", str(real_store))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("facet,") and len(lines) > 100 and "…" not in out


@pytest.mark.parametrize("args,needle", [(("--rond", "nergens"), "nergens"), (("--rond", "oss", "--diepte", "9"), "--diepte")])
def test_bad_input_is_one_line(cli, real_store, args, needle):
    code, out, err = cli("verken", *args, "--store", str(real_store), "-o", "-")
    assert code == 2 and out == ""
    assert needle in err.strip().splitlines()[-1]  # the last line names the value (click's usage errors: 4 lines)


def test_english(cli, real_store):
    code, out, _ = cli("verken", "--lang", "en", "--store", str(real_store), "-o", "-")
    assert code == 0 and '<html lang="en">' in out and "Search (accents ignored)" in out


def test_cooccurrence_counts_and_coefficient(real_store):
    from watwerkt.graph.store import open_store
    from watwerkt.queries.cooccurrence import cooccurrence

    store = open_store(real_store)
    res = cooccurrence(store)
    assert res.pairs and {m.kind for m in res.measures} == {"factor", "interventiontype"}
    for p in res.pairs:
        assert p.n == len(set(p.cases)) <= min(p.n_row, p.n_col)
        assert p.coefficient == round(p.n / (p.n_row + p.n_col - p.n), 3)
    top = res.pairs[0]
    q = f"""PREFIX ww: <https://w3id.org/watwerkt/def#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT (COUNT(DISTINCT ?case) AS ?n) WHERE {{
        ?i a ww:Influence ; ww:about ?case ; ww:factor/skos:notation "{top.row}" .
        ?o a ww:Outcome ; ww:about ?case ; ww:outcomeType/skos:notation "{top.col}" }}"""
    assert int(next(iter(store.query(q)))[0].value) == top.n
    ff = cooccurrence(store, kind="factor-factor", polarity="bear", min_cases=2)
    assert all(p.row < p.col and p.n >= 2 for p in ff.pairs)  # no diagonal, each pair once
    assert max(m.betweenness for m in res.measures) > 0


def test_cooccurrence_outputs(cli, real_store, tmp_path):
    code, out, err = cli("samenhang", "--format", "csv", "--table", "samenhang", "--store", str(real_store))
    assert code == 0, err
    assert out.splitlines()[0] == "row,col,n,n_row,n_col,c,cases" or out.splitlines()[0].startswith("factor,")
    code, out, err = cli("co-occurrence", "--format", "html", "--lang", "en", "--store", str(real_store), "-o", "-")
    assert code == 0 and "<table" in out and "Co-occurrence" in out and "<script" not in out
