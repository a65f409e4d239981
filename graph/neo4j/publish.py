"""Publish the graph to a Neo4j 5 server (exports for people who load it themselves: :mod:`.export`).

``publish`` creates its constraint and index first, then writes every node and relationship
in ``UNWIND`` batches with ``MERGE`` on the ``iri`` key, all inside ONE transaction, and in the
same transaction deletes what an earlier version had and this one has not. Readers therefore
see the old graph or the new one, never a half-loaded one; a publish that is interrupted
rolls back and can simply be run again; running it twice changes nothing.

Labels and relationship types cannot be query parameters: they come from the ontology
(:mod:`watwerkt.graph.neo4j.mapping`) and are checked against a strict pattern before they
are written into a query.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from watwerkt.errors import StoreError
from watwerkt.graph.neo4j.mapping import PropertyGraph

NAME = re.compile(r"^[A-Z][A-Za-z]*$")
REL = re.compile(r"^[A-Z][A-Z_]*$")


def label(name: str) -> str:
    """``name`` quoted for a Cypher query, once it is known to be a plain label name."""
    if not NAME.match(name):
        raise StoreError(f"refusing label {name!r}: not a plain name")
    return f"`{name}`"


def reltype(name: str) -> str:
    """``name`` quoted for a Cypher query, once it is known to be a plain relationship type."""
    if not REL.match(name):
        raise StoreError(f"refusing relationship type {name!r}: not a plain name")
    return f"`{name}`"


def build_id(pg: PropertyGraph) -> str:
    h = hashlib.sha256()
    for n in pg.nodes:
        h.update(json.dumps([n.iri, n.labels, n.props], sort_keys=True, default=str).encode())
    for r in pg.rels:
        h.update(f"{r.start} {r.type} {r.end}".encode())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class PublishResult:
    build: str
    nodes: int
    relationships: int
    deleted_nodes: int
    deleted_relationships: int
    server: str


def publish(pg: PropertyGraph, driver, database: str = "neo4j", *, batch: int = 500,
            progress: Callable[[str, int, int], None] | None = None, _fail_after: int | None = None) -> PublishResult:
    build = build_id(pg)
    with driver.session(database=database) as s:
        s.run("CREATE CONSTRAINT watwerkt_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE").consume()
        s.run("CREATE INDEX watwerkt_id IF NOT EXISTS FOR (n:Resource) ON (n.id)").consume()
        s.run("CALL db.awaitIndexes(60)").consume()
        by_labels: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for n in pg.nodes:
            by_labels[tuple(n.labels)].append({"iri": n.iri, "props": {**n.props, "_build": build}})
        by_type: dict[str, list[dict]] = defaultdict(list)
        for r in pg.rels:
            by_type[r.type].append({"s": r.start, "e": r.end})
        done, total = 0, len(pg.nodes) + len(pg.rels)
        with s.begin_transaction() as tx:
            for labels, rows in sorted(by_labels.items()):
                extra = "".join(f":{label(x)}" for x in labels if x != "Resource")
                q = (f"UNWIND $rows AS row MERGE (n:Resource {{iri: row.iri}}) "
                     f"SET n = row.props{', n' + extra if extra else ''}")
                for i in range(0, len(rows), batch):
                    tx.run(q, rows=rows[i:i + batch]).consume()
                    done += len(rows[i:i + batch])
                    if progress:
                        progress("knopen", done, total)
                    if _fail_after is not None and done >= _fail_after:
                        raise KeyboardInterrupt("interrupted for the test")
            for t, rows in sorted(by_type.items()):
                q = (f"UNWIND $rows AS row MATCH (a:Resource {{iri: row.s}}) MATCH (b:Resource {{iri: row.e}}) "
                     f"MERGE (a)-[r:{reltype(t)}]->(b) SET r._build = $build")
                for i in range(0, len(rows), batch):
                    tx.run(q, rows=rows[i:i + batch], build=build).consume()
                    done += len(rows[i:i + batch])
                    if progress:
                        progress("relaties", done, total)
            dr = tx.run("MATCH ()-[r]->() WHERE r._build IS NULL OR r._build <> $build DELETE r RETURN count(*) AS n",
                        build=build).single()["n"]
            dn = tx.run("MATCH (n:Resource) WHERE n._build <> $build DETACH DELETE n RETURN count(*) AS n",
                        build=build).single()["n"]
            tx.run("MERGE (b:WatwerktBuild {key: 'current'}) SET b.build = $build, b.nodes = $n, b.relationships = $r",
                   build=build, n=len(pg.nodes), r=len(pg.rels)).consume()
            tx.commit()
        counts = s.run("MATCH (n:Resource) WITH count(n) AS n MATCH (:Resource)-[r]->(:Resource) "
                       "RETURN n, count(r) AS r").single()
    server = driver.get_server_info().agent if hasattr(driver, "get_server_info") else ""
    return PublishResult(build, counts["n"], counts["r"], dn, dr, server)


def counts(driver, database: str = "neo4j") -> tuple[int, int]:
    with driver.session(database=database) as s:
        rec = s.run("MATCH (n:Resource) WITH count(n) AS n OPTIONAL MATCH (:Resource)-[r]->(:Resource) "
                    "RETURN n, count(r) AS r").single()
    return rec["n"], rec["r"]
