"""One settings object for every Neo4j connection, and the mapping as a pure function.

No server needed: these run everywhere.
"""

from __future__ import annotations

import pytest

from watwerkt.errors import StoreError
from watwerkt.graph.neo4j.settings import Neo4jSettings


def test_options_win_then_the_environment_then_the_defaults(tmp_path):
    env = {"WATWERKT_NEO4J_URI": "bolt://example.invalid:7687", "WATWERKT_NEO4J_USER": "lezer",
           "WATWERKT_NEO4J_DATABASE": "wat", "WATWERKT_NEO4J_PASSWORD": "uit-de-omgeving",
           "WATWERKT_STATE": str(tmp_path)}
    s = Neo4jSettings.resolve(env=env)
    assert (s.uri, s.user, s.database, s.password) == ("bolt://example.invalid:7687", "lezer", "wat", "uit-de-omgeving")
    s = Neo4jSettings.resolve("bolt://127.0.0.1:1", "ander", "gegeven", "db2", env=env)
    assert (s.uri, s.user, s.database, s.password) == ("bolt://127.0.0.1:1", "ander", "db2", "gegeven")
    s = Neo4jSettings.resolve(env={"WATWERKT_NEO4J_PASSWORD": "p", "WATWERKT_STATE": str(tmp_path)})
    assert (s.uri, s.user, s.database) == ("bolt://127.0.0.1:7687", "neo4j", "neo4j")
    assert "p" not in repr(s).replace("bolt", "")  # the password is left out of the repr


def test_the_password_is_asked_for_only_when_nothing_gives_it(tmp_path):
    asked = []
    env = {"WATWERKT_STATE": str(tmp_path)}  # no development server there
    s = Neo4jSettings.resolve(env=env, prompt=lambda: asked.append(1) or "getypt")
    assert s.password == "getypt" and asked == [1]
    Neo4jSettings.resolve(env={**env, "WATWERKT_NEO4J_PASSWORD": "x"}, prompt=lambda: asked.append(2) or "")
    assert asked == [1]
    with pytest.raises(StoreError) as info:
        Neo4jSettings.resolve(env=env, prompt=lambda: "")
    assert str(info.value) == "bolt://127.0.0.1:7687: no Neo4j password (set WATWERKT_NEO4J_PASSWORD)"


def test_the_mapping_is_a_pure_function_of_the_triples(kitchen_store):
    from rdflib import Graph

    from watwerkt.graph.neo4j.mapping import to_property_graph

    g = Graph().parse(kitchen_store / "graph.nt", format="nt")
    from_graph = to_property_graph(g)
    from_list = to_property_graph(sorted(g, reverse=True))  # any iterable, in any order
    assert from_graph == from_list
    assert from_graph.nodes and from_graph.rels
    assert "Case" in from_graph.labels
