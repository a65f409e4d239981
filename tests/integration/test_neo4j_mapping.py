"""The property-graph mapping read from the store's canonical N-Triples, without rdflib."""

import json
import subprocess
import sys

from watwerkt.graph.neo4j.mapping import from_ntriples, store_property_graph, to_property_graph


def _typed(pg):
    """Nodes and relationships with the Python type of every value (1 and True and "1" differ)."""
    return ([json.dumps([n.iri, n.labels, {k: [type(v).__name__, v] for k, v in n.props.items()}],
                        sort_keys=True, default=str) for n in pg.nodes],
            [(r.start, r.type, r.end) for r in pg.rels])


def test_the_oxigraph_path_gives_the_same_graph_as_rdflib(real_store):
    """rdflib's reading of the literals (toPython) is the reference the fast path keeps to."""
    from rdflib import Graph

    fast = store_property_graph(real_store)
    reference = to_property_graph(Graph().parse(real_store / "graph.nt", format="nt"))
    assert _typed(fast) == _typed(reference)
    assert len(fast.nodes) > 10_000 and len(fast.rels) > 30_000


def test_literal_values_follow_xsd_as_rdflib_reads_them():
    from rdflib import Graph

    xsd = "http://www.w3.org/2001/XMLSchema#"
    nt = "".join([
        '<https://w3id.org/watwerkt/def#Case> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        '<http://www.w3.org/2002/07/owl#Class> .\n',
        *(f'<https://w3id.org/watwerkt/id/x> <https://w3id.org/watwerkt/def#{name}> {obj} .\n' for name, obj in [
            ("a", f'"true"^^<{xsd}boolean>'), ("b", f'"0"^^<{xsd}boolean>'), ("c", f'"007"^^<{xsd}integer>'),
            ("d", f'"1.50"^^<{xsd}decimal>'), ("e", f'"2019"^^<{xsd}gYear>'), ("f", f'"abc"^^<{xsd}integer>'),
            ("g", f'"12"^^<{xsd}nonNegativeInteger>'), ("h", f'"1e3"^^<{xsd}double>'),
            ("i", '"regel\\neen \\"citaat\\" \\\\ \\u00E9"'), ("j", '"hallo"@nl'), ("j", '"hello"@en'),
            ("k", '"twee"'), ("k", '"een"'), ("l", f'"3"^^<{xsd}integer>'), ("l", '"drie"'),
        ]),
    ])
    fast = from_ntriples(nt.encode())
    assert _typed(fast) == _typed(to_property_graph(Graph().parse(data=nt, format="nt")))
    props = fast.nodes[0].props
    assert props["a"] is True and props["b"] is False and props["c"] == 7 and props["g"] == 12
    assert props["d"] == "1.50" and props["e"] == "2019" and props["f"] == "abc" and props["h"] == 1000.0
    assert props["i"] == 'regel\neen "citaat" \\ é'
    assert (props["j_nl"], props["j_en"], props["k"], props["l"]) == ("hallo", "hello", ["een", "twee"], ["3", "drie"])


def test_publish_path_does_not_import_rdflib(real_store):
    code = ("import sys; from watwerkt.cli_commands.publish import _property_graph; "
            f"pg = _property_graph({str(real_store)!r}); "
            "assert pg.nodes and pg.rels; print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
