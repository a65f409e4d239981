"""Publish the graph to a Neo4j 5 server (exports for people who load it themselves: :mod:`.export`).

``publish`` creates its constraint and indexes first (:data:`INDEXES`: the keys the Cypher
twins look nodes up by), then writes every node and relationship in ``UNWIND`` batches, all
inside ONE transaction, and in the same transaction deletes what an earlier version had and
this one has not. Readers therefore see the old graph or the new one, never a half-loaded
one; a publish that is interrupted rolls back and can simply be run again; running it twice
changes nothing. Three cases, chosen by what the database holds:

- the same version (its build id and counts on the ``WatwerktBuild`` marker): nothing is
  written at all;
- no watwerkt nodes yet: ``CREATE`` (no lookup per node, nothing to delete);
- an earlier version: ``MERGE`` on the ``iri`` key, then the old version's leftovers are
  deleted.

Labels and relationship types cannot be query parameters: they come from the ontology
(:mod:`watwerkt.graph.neo4j.mapping`) and are checked against a strict pattern before they
are written into a query.

One transaction holds the whole graph in the server's memory: the development server allows
256 MB per transaction (``server/neo4j-launcher``), enough for the real graph and for a few
hundred synthetic cases. Beyond that, ``watwerkt export neo4j`` writes the CSV files for
``neo4j-admin database import full`` (see :mod:`.export` and docs in bench/results/neo4j-*.md).
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


INDEXES = (  # (name, property) on :Resource; the twins look nodes up by these
    ("watwerkt_id", "id"),
)
DEFAULT_BATCH = 5000


def ensure_schema(session) -> None:
    """The uniqueness constraint on ``iri`` and the lookup indexes, created if missing, online."""
    session.run("CREATE CONSTRAINT watwerkt_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE").consume()
    for name, prop in INDEXES:
        session.run(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:Resource) ON (n.{prop})").consume()
    session.run("CALL db.awaitIndexes(300)").consume()


def _state(session) -> tuple[str | None, bool, int, int]:
    """(current build id or None, whether any Resource node exists, marker nodes, marker rels)."""
    rec = session.run("OPTIONAL MATCH (b:WatwerktBuild {key: 'current'}) "
                      "RETURN b.build AS build, b.nodes AS n, b.relationships AS r, "
                      "EXISTS { MATCH (:Resource) } AS any").single()
    return rec["build"], rec["any"], rec["n"], rec["r"]


def counts_fast(session) -> tuple[int, int]:
    """(Resource nodes, relationships) from Neo4j's count store (the marker node has none)."""
    rec = session.run("MATCH (n:Resource) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r").single()
    return rec["n"], rec["r"]


def publish(pg: PropertyGraph, driver, database: str = "neo4j", *, batch: int = DEFAULT_BATCH,
            progress: Callable[[str, int, int], None] | None = None, _fail_after: int | None = None) -> PublishResult:
    from neo4j.exceptions import Neo4jError

    build = build_id(pg)
    server = driver.get_server_info().agent if hasattr(driver, "get_server_info") else ""
    with driver.session(database=database) as s:
        ensure_schema(s)
        current, any_nodes, marked_nodes, marked_rels = _state(s)
        if current == build and (marked_nodes, marked_rels) == counts_fast(s) == (len(pg.nodes), len(pg.rels)):
            if progress:
                progress("ongewijzigd", 1, 1)
            return PublishResult(build, len(pg.nodes), len(pg.rels), 0, 0, server)
        fresh = not any_nodes
        by_labels: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for n in pg.nodes:
            by_labels[tuple(n.labels)].append({"iri": n.iri, "props": {**n.props, "_build": build}})
        by_type: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in pg.rels:
            by_type[r.type].append((r.start, r.end))
        try:
            dn, dr = _write(s, pg, build, fresh, by_labels, by_type, batch, progress, _fail_after)
        except Neo4jError as exc:
            if "MemoryPoolOutOfMemory" in (exc.code or "") or "threshold reached" in (exc.message or ""):
                raise StoreError(
                    f"de graaf ({len(pg.nodes)} knopen, {len(pg.rels)} relaties) past niet in één transactie "
                    "van deze Neo4j-server; er is niets veranderd",
                    en=f"the graph ({len(pg.nodes)} nodes, {len(pg.rels)} relationships) does not fit in one "
                       "transaction of this Neo4j server; nothing was changed",
                    hint="laad hem offline met `watwerkt neo4j import`, of geef de server meer "
                         "transactiegeheugen (db.memory.transaction.total.max)",
                    hint_en="load it offline with `watwerkt neo4j import`, or give the server more "
                            "transaction memory (db.memory.transaction.total.max)") from None
            raise
        n, r = counts_fast(s)
    return PublishResult(build, n, r, dn, dr, server)


def _write(s, pg, build, fresh, by_labels, by_type, batch, progress, _fail_after) -> tuple[int, int]:
    """The one transaction: nodes, relationships, the old version's leftovers, the marker."""
    done, total = 0, len(pg.nodes) + len(pg.rels)
    dn = dr = 0
    element: dict[str, str] = {}  # iri -> elementId: relationships find their ends without an index
    with s.begin_transaction() as tx:
        for labels, rows in sorted(by_labels.items()):
            extra = "".join(f":{label(x)}" for x in labels if x != "Resource")
            if fresh:
                q = f"UNWIND $rows AS row CREATE (n:Resource{extra}) SET n = row.props"
            else:
                q = (f"UNWIND $rows AS row MERGE (n:Resource {{iri: row.iri}}) "
                     f"SET n = row.props{', n' + extra if extra else ''}")
            q += " RETURN row.iri AS iri, elementId(n) AS e"
            for i in range(0, len(rows), batch):
                for rec in tx.run(q, rows=rows[i:i + batch]):
                    element[rec[0]] = rec[1]
                done += len(rows[i:i + batch])
                if progress:
                    progress("knopen", done, total)
                if _fail_after is not None and done >= _fail_after:
                    raise KeyboardInterrupt("interrupted for the test")
        for t, rows in sorted(by_type.items()):
            verb = "CREATE" if fresh else "MERGE"
            # a fresh load leaves _build off its relationships (memory of the transaction); an
            # update MERGEs them and sets it, and deletes the ones it did not see
            q = (f"UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row[0] MATCH (b) WHERE elementId(b) = row[1] "
                 f"{verb} (a)-[r:{reltype(t)}]->(b)" + ("" if fresh else " SET r._build = $build"))
            for i in range(0, len(rows), batch):
                chunk = [[element[a], element[b]] for a, b in rows[i:i + batch]]
                tx.run(q, rows=chunk, build=build).consume()
                done += len(rows[i:i + batch])
                if progress:
                    progress("relaties", done, total)
        if not fresh:
            dr = tx.run("MATCH ()-[r]->() WHERE r._build IS NULL OR r._build <> $build DELETE r "
                        "RETURN count(*) AS n", build=build).single()["n"]
            dn = tx.run("MATCH (n:Resource) WHERE n._build IS NULL OR n._build <> $build DETACH DELETE n "
                        "RETURN count(*) AS n",
                        build=build).single()["n"]
        tx.run("MERGE (b:WatwerktBuild {key: 'current'}) SET b.build = $build, b.nodes = $n, b.relationships = $r",
               build=build, n=len(pg.nodes), r=len(pg.rels)).consume()
        tx.commit()
    return dn, dr


def counts(driver, database: str = "neo4j") -> tuple[int, int]:
    with driver.session(database=database) as s:
        rec = s.run("MATCH (n:Resource) WITH count(n) AS n OPTIONAL MATCH (:Resource)-[r]->(:Resource) "
                    "RETURN n, count(r) AS r").single()
    return rec["n"], rec["r"]
