"""The offline path for large graphs: neo4j-admin database import into the development server."""

import importlib.util
from pathlib import Path

import pytest

from watwerkt.graph.neo4j.admin_import import admin_import, after_import, import_files
from watwerkt.graph.neo4j.mapping import store_property_graph
from watwerkt.graph.neo4j.publish import publish
from watwerkt.graph.neo4j.settings import connect
from watwerkt.queries.runner import all_queries, load_query, run

pytestmark = pytest.mark.neo4j
PASSWORD = "watwerkt-test-wachtwoord"
# the parameters and the normalisation of the SPARQL/Cypher parity test, from its own module
_spec = importlib.util.spec_from_file_location("_neo4j_parity", Path(__file__).with_name("test_neo4j_publish.py"))
_parity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_parity)
PARAMS, VARIANTS, _normalise = _parity.PARAMS, _parity.VARIANTS, _parity._normalise


def test_import_files_keep_every_value_and_type(real_store):
    pg = store_property_graph(real_store)
    files = import_files(pg)
    assert sum(t.count("\n") - 1 for n, t in files.items() if n.startswith("nodes-")) >= len(pg.nodes)
    assert files["relationships.csv"].count("\n") == len(pg.rels) + 1


def test_imported_database_holds_the_published_graph_and_answers_alike(private_neo4j_server, real_store):
    from watwerkt.graph.neo4j.backend import Neo4jStore
    from watwerkt.graph.store import open_store

    pg = store_property_graph(real_store)
    private_neo4j_server.stop()
    result = admin_import(pg, private_neo4j_server.data_dir)
    assert (result.nodes, result.relationships) == (len(pg.nodes), len(pg.rels))
    private_neo4j_server.start(timeout=240)
    driver, _ = connect(private_neo4j_server.uri, "neo4j", PASSWORD)
    try:
        assert after_import(pg, driver) == (len(pg.nodes), len(pg.rels))
        records, _, _ = driver.execute_query(
            "MATCH (n:Resource) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props ORDER BY iri")
        assert [(r["iri"], sorted(r["labels"]), r["props"]) for r in records] == \
            [(n.iri, sorted(n.labels), n.props) for n in pg.nodes]  # every value, with its type
        ox, neo = open_store(real_store), Neo4jStore(driver)
        differ = []
        names = [q.name for q in all_queries()]
        for name, p in [(n, PARAMS.get(n, {})) for n in names] + [v for v in VARIANTS if v[0] in names]:
            if "?lang" in load_query(name).params:
                p = {**p, "lang": "nl"}
            if _normalise(name, run(ox, name, **p)) != _normalise(name, run(neo, name, **p)):
                differ.append((name, p))
        assert differ == []
        # the marker says this version is there: publishing it again writes nothing
        again = publish(pg, driver)
        assert (again.nodes, again.relationships, again.deleted_nodes, again.deleted_relationships) == \
            (len(pg.nodes), len(pg.rels), 0, 0)
    finally:
        driver.close()
