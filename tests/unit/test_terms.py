"""The builder's own terms and triple set (graph/terms.py): what rdflib gave, without rdflib."""

import pytest
from rdflib import Graph as RdflibGraph
from rdflib import Literal as RdflibLiteral
from rdflib import URIRef

from watwerkt.graph.exports import canonical_nt
from watwerkt.graph.terms import DCTERMS, IRI, XSD, Graph, Literal, Namespace

EX = Namespace("https://example.org/")
DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


@pytest.mark.parametrize("value, kw", [
    ("tekst", {}), ("tekst", {"lang": "nl"}), ("tekst", {"lang": "EN"}), (True, {}), (False, {}),
    (0, {}), (42, {}), (-7, {}), ("2019", {"datatype": "http://www.w3.org/2001/XMLSchema#gYear"}),
    (500.0, {"datatype": DECIMAL}), (0.25, {"datatype": DECIMAL}), (12, {"datatype": XSD.integer}),
    (3, {"datatype": XSD.nonNegativeInteger}), ('aanhalings"teken\nregel', {}),
])
def test_literals_serialise_as_rdflib_did(value, kw):
    """The canonical N-Triples of one triple are the same bytes as through rdflib's terms."""
    g = Graph()
    g.add((EX.s, EX.p, Literal(value, **kw)))
    ref = RdflibGraph()
    rkw = {k: (URIRef(v) if k == "datatype" else v) for k, v in kw.items()}
    ref.add((URIRef(EX.s), URIRef(EX.p), RdflibLiteral(value, **rkw)))
    want = ref.serialize(format="nt", encoding="utf-8").strip()
    assert canonical_nt(g).strip() == want


def test_a_namespace_is_not_a_string():
    """rdflib's ``DCTERMS.title`` could be ``str.title``; ours is always the IRI."""
    assert DCTERMS.title == "http://purl.org/dc/terms/title" and isinstance(DCTERMS.title, IRI)
    assert EX["a b"] == "https://example.org/a b" and EX.x is EX.x
    with pytest.raises(AttributeError):
        EX.x = "y"


def test_a_literal_has_one_language_or_one_datatype():
    with pytest.raises(TypeError):
        Literal("x", lang="nl", datatype=XSD.string)
    with pytest.raises(TypeError):
        Literal(object())
    assert Literal("x", datatype=XSD.string) == Literal("x")  # a plain literal is an xsd:string
    assert str(Literal(5)) == "5" and int(Literal(5)) == 5 and Literal(5).datatype == XSD.integer


def test_lookups_follow_additions_after_the_first_lookup():
    g = Graph()
    g.add((EX.a, EX.p, EX.b))
    assert g.objects(EX.a, EX.p) == [EX.b] and g.subjects(EX.p, EX.b) == [EX.a]
    g.add((EX.c, EX.p, EX.b))  # the index of EX.p exists now: it must be kept up to date
    g.add((EX.a, EX.p, EX.b))  # a duplicate changes nothing
    assert sorted(g.subjects(EX.p, EX.b)) == [EX.a, EX.c] and len(g) == 2
    assert (EX.c, EX.p, EX.b) in g and (EX.b, EX.p, EX.c) not in g
    assert g.value(EX.a, EX.p) == EX.b and g.value(EX.b, EX.p) is None
    assert sorted(g.objects(None, EX.p)) == [EX.b, EX.b]
    assert sorted(g.subject_objects(EX.p)) == [(EX.a, EX.b), (EX.c, EX.b)]


def test_drain_gives_every_triple_once_and_empties_the_graph():
    g = Graph()
    triples = {(EX[f"s{i}"], EX[f"p{i % 3}"], Literal(i)) for i in range(50)}
    for t in triples:
        g.add(t)
    g.objects(EX.s1, EX.p1)  # an index, which drain must drop too
    assert set(g.drain()) == triples and len(g) == 0 and g.objects(EX.s1, EX.p1) == []


def test_the_ontology_is_read_without_blank_nodes(tmp_path):
    from watwerkt.errors import StoreError

    ttl = tmp_path / "o.ttl"
    ttl.write_text('<https://example.org/a> <https://example.org/p> "x"@nl, 3 .\n', encoding="utf-8")
    g = Graph()
    g.parse_turtle(ttl)
    assert sorted(map(repr, g.objects(EX.a, EX.p))) == sorted(map(repr, [Literal("x", lang="nl"), Literal(3)]))
    ttl.write_text("<https://example.org/a> <https://example.org/p> [] .\n", encoding="utf-8")
    with pytest.raises(StoreError, match="blank node"):
        Graph().parse_turtle(ttl)
