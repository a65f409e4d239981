"""The researchers' views on the kitchen-sink fixture: fast, no browser, no real corpus."""

from __future__ import annotations

import json
import re

import pytest


@pytest.fixture(scope="module")
def store(kitchen_store):
    from watwerkt.graph.store import open_store

    return open_store(kitchen_store)


def test_overview_of_the_kitchen(store):
    from watwerkt.queries import graph_views as gv

    v = gv.overview(store)
    assert {n.key for n in v.nodes if n.kind == "case"} == {"case/piet", "case/voorbeeldstad"}
    assert {n.kind for n in v.nodes} == {"case", "interventiontype", "outcome", "factor", "group"}
    assert all(e.evidence or e.kind in ("group", "configuration", "applies", "outcome") for e in v.edges)
    assert gv.resolve(v.nodes, "casus/piet") == "case/piet"
    with pytest.raises(Exception, match="nergens"):
        gv.ego(store, "nergens")


def test_explorer_page_is_deterministic_and_escaped(store):
    from watwerkt.queries import graph_views as gv
    from watwerkt.viz.explorer.page import render_graph

    a = render_graph(gv.overview(store), title="<b>x</b>")
    b = render_graph(gv.overview(store), title="<b>x</b>")
    assert a == b
    html = a.decode("utf-8")
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in html and "<b>x</b>" not in html
    data = json.loads(re.search(r'<script type="application/json" id="ww-data">(.*?)</script>', html, re.S).group(1))
    assert all(re.fullmatch(r"n\d+", n["id"]) for n in data["nodes"])
    assert {n["card"]["command"] for n in data["nodes"] if n["kind"] == "case"} == {
        "watwerkt case piet", "watwerkt case voorbeeldstad"}


def test_case_links_must_be_relative(store):
    from watwerkt.queries import graph_views as gv
    from watwerkt.viz.explorer.page import render_graph

    with pytest.raises(ValueError):
        render_graph(gv.overview(store), title="t", case_link="javascript:alert({id})")
    html = render_graph(gv.overview(store), title="t", case_link="/casus/{id}").decode("utf-8")
    assert '"href":"/casus/piet"' in html


def test_gap_map_and_cooccurrence_of_the_kitchen(store):
    from watwerkt.queries.cooccurrence import cooccurrence
    from watwerkt.queries.explore_views import cooccurrence_listing, gap_map_listing
    from watwerkt.queries.gap_map import gap_map
    from watwerkt.renderers import render

    m = gap_map(store)
    assert m.facets[0].configurations == sum(c.total for c in m.facets[0].cells) > 0
    assert b"ww-gap-data" in render(gap_map_listing(m, "nl"), "html")
    c = cooccurrence(store)
    assert c.pairs and all(0 < p.coefficient <= 1 for p in c.pairs)
    assert b"<script" not in render(cooccurrence_listing(c, "en"), "html")


def test_standard_vocabularies_on_the_kitchen(store):
    q = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX ww: <https://w3id.org/watwerkt/def#>
        SELECT (COUNT(*) AS ?n) WHERE { ?c ww:epistemic ?e ; ww:anchor ?a FILTER NOT EXISTS { ?c prov:wasDerivedFrom ?a } }"""
    assert int(next(iter(store.query(q)))[0].value) == 0
    q = "ASK { ?d a <http://rdfs.org/ns/void#Dataset> ; <http://rdfs.org/ns/void#triples> ?n }"
    assert bool(store.query(q))
