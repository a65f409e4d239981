"""Standard queries (PROV-O, Web Annotation, ORG, VoID) against the real graph.

Each query uses only the standard vocabulary; the expected count comes from our own
vocabulary in the same store (or from the sources: 28 cases, 5 documents).
"""

from __future__ import annotations

import pytest

P = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#> PREFIX void: <http://rdfs.org/ns/void#>
PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX ww: <https://w3id.org/watwerkt/def#>
"""


@pytest.fixture(scope="module")
def store(real_store):
    from watwerkt.graph.store import open_store

    return open_store(real_store)


def one(store, q: str) -> int:
    rows = list(store.query(P + q))
    return int(rows[0][0].value)


def test_prov_derived_from_every_anchor_of_every_claim(store):
    derived = one(store, "SELECT (COUNT(*) AS ?n) WHERE { ?c prov:wasDerivedFrom ?a }")
    ours = one(store, "SELECT (COUNT(*) AS ?n) WHERE { ?c ww:epistemic ?e ; ww:anchor ?a }")
    assert derived == ours > 1000
    missing = one(store, """SELECT (COUNT(*) AS ?n) WHERE { ?c ww:epistemic ?e ; ww:anchor ?a
                             FILTER NOT EXISTS { ?c prov:wasDerivedFrom ?a } }""")
    assert missing == 0


def test_prov_primary_sources_are_the_five_documents(store):
    n = one(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?c prov:hadPrimarySource ?d . ?d a prov:Entity }")
    assert n == 5
    claims = one(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c prov:hadPrimarySource ?d }")
    assert claims == one(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c ww:epistemic ?e ; ww:anchor ?a }")


def test_web_annotation_position_and_quote_selectors(store):
    anchors = one(store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a ww:Anchor }")
    pos = one(store, """SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a oa:SpecificResource ; oa:hasSource ?d ;
                        oa:hasSelector ?s . ?s a oa:TextPositionSelector ; oa:start ?b ; oa:end ?e FILTER(?b < ?e) }""")
    assert pos == anchors > 2000
    quotes = one(store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a ww:quote ?q }")
    exact = one(store, """SELECT (COUNT(?a) AS ?n) WHERE { ?a oa:hasSelector ?s . ?s a oa:TextQuoteSelector ;
                          oa:exact ?q }""")
    assert exact == quotes > 0


def test_org_organisations_and_members(store):
    ours = one(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { { ?o a ww:Organisation } UNION { ?o a ww:Municipality } }")
    assert one(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a org:Organization }") == ours > 50
    classified = one(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a org:Organization ; org:classification ?t }")
    assert classified == one(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a ww:Organisation ; ww:organisationType ?t }")
    members = one(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p org:memberOf ?o . ?o a org:Organization }")
    assert members == one(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p ww:memberOf ?o }")


def test_void_dataset_counts(store, real_store):
    from watwerkt.graph.store import read_info

    rows = list(store.query(P + """SELECT ?t ?e ?lic (COUNT(DISTINCT ?src) AS ?s) WHERE {
        ?d a void:Dataset ; void:triples ?t ; void:entities ?e ; dcterms:license ?lic ; dcterms:source ?src }
        GROUP BY ?t ?e ?lic"""))
    assert len(rows) == 1
    triples, _, lic, sources = rows[0]
    assert int(triples.value) == read_info(real_store)["triples"]
    assert int(sources.value) == 5 and lic.value.startswith("https://spdx.org/licenses/")
    cases = one(store, """SELECT ?n WHERE { ?d a void:Dataset ; void:classPartition ?p .
                          ?p void:class ww:Case ; void:entities ?n }""")
    assert cases == 28
