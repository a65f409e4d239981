"""Publish the graph to a Neo4j 5 server, and export it for people who load it themselves.

``publish`` creates its constraint and index first, then writes every node and relationship
in ``UNWIND`` batches with ``MERGE`` on the ``iri`` key, all inside ONE transaction, and in the
same transaction deletes what an earlier version had and this one has not. Readers therefore
see the old graph or the new one, never a half-loaded one; a publish that is interrupted
rolls back and can simply be run again; running it twice changes nothing.

Labels and relationship types cannot be query parameters: they come from the ontology
(:mod:`watwerkt.graph.neo4j_mapping`) and are checked against a strict pattern before they
are written into a query.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watwerkt.errors import StoreError
from watwerkt.graph.neo4j_mapping import PropertyGraph

NAME = re.compile(r"^[A-Z][A-Za-z]*$")
REL = re.compile(r"^[A-Z][A-Z_]*$")


def _label(name: str) -> str:
    if not NAME.match(name):
        raise StoreError(f"refusing label {name!r}: not a plain name")
    return f"`{name}`"


def _reltype(name: str) -> str:
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


def connect(uri: str, user: str, password: str):
    """A driver that has been checked: reachable, the password right, Neo4j 5."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    driver = GraphDatabase.driver(uri, auth=(user, password))
    try:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions RETURN versions[0] AS v")
    except AuthError as exc:
        driver.close()
        raise StoreError(f"Neo4j refused user {user!r}: wrong user name or password", where=uri,
                         hint="set WATWERKT_NEO4J_PASSWORD") from exc
    except (ServiceUnavailable, OSError, ValueError) as exc:
        driver.close()
        raise StoreError("Neo4j server not reachable", where=uri,
                         hint="start one with `watwerkt neo4j start` or check --uri") from exc
    version = records[0]["v"] if records else "?"
    if not str(version).startswith("5."):
        driver.close()
        raise StoreError(f"Neo4j {version} is not supported; watwerkt needs Neo4j 5", where=uri)
    return driver, version


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
                extra = "".join(f":{_label(x)}" for x in labels if x != "Resource")
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
                     f"MERGE (a)-[r:{_reltype(t)}]->(b) SET r._build = $build")
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


# ------------------------------------------------------------------ exports


def _csv_value(v) -> str:
    if isinstance(v, list):
        return ";".join(str(x).replace(";", ",") for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _csv_type(values: list) -> str:
    sample = next((v for v in values if v is not None), "")
    is_list = isinstance(sample, list)
    inner = sample[0] if is_list and sample else sample
    t = "boolean" if isinstance(inner, bool) else "long" if isinstance(inner, int) else \
        "double" if isinstance(inner, float) else "string"
    return t + ("[]" if is_list else "")


def export_admin_csv(pg: PropertyGraph) -> dict[str, str]:
    """CSV files for ``neo4j-admin database import full`` (one node file, one relationship file)."""
    keys = sorted({k for n in pg.nodes for k in n.props if k != "iri"})
    types = {}
    for k in keys:
        vals = [n.props.get(k) for n in pg.nodes if k in n.props]
        kinds = {type(v[0] if isinstance(v, list) and v else v) for v in vals}
        types[k] = _csv_type(vals) if len(kinds) == 1 else ("string[]" if any(isinstance(v, list) for v in vals) else "string")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["iri:ID", ":LABEL", *(f"{k}:{types[k]}" for k in keys)])
    for n in pg.nodes:
        row = [n.iri, ";".join(n.labels)]
        for k in keys:
            v = n.props.get(k)
            if v is not None and types[k].endswith("[]") and not isinstance(v, list):
                v = [v]
            row.append("" if v is None else _csv_value(v))
        w.writerow(row)
    rbuf = io.StringIO()
    rw = csv.writer(rbuf, lineterminator="\n")
    rw.writerow([":START_ID", ":END_ID", ":TYPE"])
    for r in pg.rels:
        rw.writerow([r.start, r.end, r.type])
    return {"nodes.csv": buf.getvalue(), "relationships.csv": rbuf.getvalue(),
            "import.sh": ("#!/bin/sh\n# Load with: neo4j-admin database import full --overwrite-destination "
                          "--array-delimiter=';' --nodes=nodes.csv --relationships=relationships.csv neo4j\n"
                          "neo4j-admin database import full --overwrite-destination --array-delimiter=';' "
                          "--nodes=nodes.csv --relationships=relationships.csv \"${1:-neo4j}\"\n")}


def _cypher_literal(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_cypher_literal(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid Cypher string literal


def export_cypher_script(pg: PropertyGraph, batch: int = 200) -> str:
    """A plain Cypher script (run with ``cypher-shell -f``) that creates the same graph.

    Nodes and relationships are written as ``UNWIND`` lists of literal maps, ``batch`` rows a
    statement, grouped by label set and relationship type.
    """
    out = ["// Generated by `watwerkt export neo4j`; run with: cypher-shell -f watwerkt.cypher",
           "CREATE CONSTRAINT watwerkt_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE;",
           ":begin"]
    by_labels: dict[tuple[str, ...], list] = defaultdict(list)
    for n in pg.nodes:
        by_labels[tuple(n.labels)].append(n)
    for labels, nodes in sorted(by_labels.items()):
        extra = "".join(f":{_label(x)}" for x in labels if x != "Resource")
        for i in range(0, len(nodes), batch):
            rows = ", ".join("{" + ", ".join(f"`{k}`: {_cypher_literal(v)}" for k, v in sorted(n.props.items())) + "}"
                             for n in nodes[i:i + batch])
            out.append(f"UNWIND [{rows}] AS row MERGE (n:Resource {{iri: row.iri}}) SET n = row"
                       f"{', n' + extra if extra else ''};")
    by_type: dict[str, list] = defaultdict(list)
    for r in pg.rels:
        by_type[r.type].append(r)
    for t, rels in sorted(by_type.items()):
        for i in range(0, len(rels), batch):
            rows = ", ".join(f"[{_cypher_literal(r.start)}, {_cypher_literal(r.end)}]" for r in rels[i:i + batch])
            out.append(f"UNWIND [{rows}] AS pair MATCH (a:Resource {{iri: pair[0]}}) MATCH (b:Resource {{iri: pair[1]}}) "
                       f"MERGE (a)-[:{_reltype(t)}]->(b);")
    out.append(":commit")
    return "\n".join(out) + "\n"


def write_exports(pg: PropertyGraph, out_dir: Path) -> list[Path]:
    from watwerkt.graph.atomic import atomic_write_text

    files = {**export_admin_csv(pg), "watwerkt.cypher": export_cypher_script(pg)}
    written = []
    for name, text in files.items():
        atomic_write_text(out_dir / name, text)
        written.append(out_dir / name)
    return written
