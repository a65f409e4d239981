"""Load the graph offline with ``neo4j-admin database import full``: the path for large graphs.

``publish`` writes the whole graph in one transaction, so readers never see half of it; the
server must hold that transaction in memory (the development server allows 256 MB, which the
real graph and a few hundred synthetic cases fit, 1,000 cases and about a million triples do
not). The import tool writes the database files directly instead, from CSV files
(:func:`import_files`: one node file per shape of properties, so each value keeps its type),
and needs the database to be offline.

:func:`admin_import` runs the tool that ships with Neo4j (``org.neo4j.cli.AdminTool``, the
program behind ``neo4j-admin``) from the development server's own classpath
(``server/neo4j-launcher``), into that server's data folder, replacing the ``neo4j``
database. The caller stops the server first and starts it afterwards
(``watwerkt neo4j import`` does both), then :func:`after_import` creates the constraint and
indexes and writes the ``WatwerktBuild`` marker, so that a later ``publish`` of the same
version writes nothing and one of a new version updates it like any other.

For a server of your own: ``watwerkt export neo4j --out DIR`` writes the same CSV files and
``import.sh`` with the ``neo4j-admin`` command line.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from watwerkt.errors import StoreError
from watwerkt.graph.neo4j.mapping import PropertyGraph

ADMIN_MAIN = "org.neo4j.cli.AdminTool"


def import_command(java: str, classpath: str, nodes: list[Path], rels: Path, database: str = "neo4j") -> list[str]:
    """The import tool's command line. The database name comes first: ``--nodes`` and
    ``--relationships`` take several files, and would read a name after them as one."""
    return [java, "-Xmx1g", "-cp", classpath, ADMIN_MAIN, "database", "import", "full", database,
            "--overwrite-destination", "--array-delimiter=U+001F", "--multiline-fields=true",
            "--ignore-empty-strings=false", *(f"--nodes={p}" for p in nodes), f"--relationships={rels}"]


DELIMITER = "\x1f"  # between array elements and labels: a character no text of ours holds


def _kind(v) -> str:
    inner = v[0] if isinstance(v, list) else v
    t = "boolean" if isinstance(inner, bool) else "long" if isinstance(inner, int) else \
        "double" if isinstance(inner, float) else "string"
    return t + ("[]" if isinstance(v, list) else "")


def _cell(v) -> str:
    if isinstance(v, list):
        return DELIMITER.join(_cell(x) for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v) if isinstance(v, float) else str(v)


def import_files(pg: PropertyGraph) -> dict[str, str]:
    """CSV files for the import tool that give exactly the nodes ``publish`` writes.

    One node file per shape (the same property names and types), so that a property that is
    a string on one node and a list on another keeps its type on each; every cell is quoted,
    so an empty string stays a string; arrays and labels are split on :data:`DELIMITER`.
    """
    import csv
    import io

    groups: dict[tuple, list] = {}
    for n in pg.nodes:
        keys = tuple(sorted((k, _kind(v)) for k, v in n.props.items() if k != "iri"))
        groups.setdefault(keys, []).append(n)
    for n in pg.nodes:
        for v in n.props.values():
            if DELIMITER in (v if isinstance(v, str) else "".join(map(str, v)) if isinstance(v, list) else ""):
                raise StoreError("a property value holds the import delimiter U+001F", where=n.iri)
    files = {}
    for i, (keys, nodes) in enumerate(sorted(groups.items())):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
        w.writerow(["iri:ID", ":LABEL", *(f"{k}:{t}" for k, t in keys)])
        for n in nodes:
            w.writerow([n.iri, DELIMITER.join(n.labels), *(_cell(n.props[k]) for k, _ in keys)])
        files[f"nodes-{i:04d}.csv"] = buf.getvalue()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writerow([":START_ID", ":END_ID", ":TYPE"])
    for r in pg.rels:
        w.writerow([r.start, r.end, r.type])
    files["relationships.csv"] = buf.getvalue()
    return files


@dataclass(frozen=True)
class ImportResult:
    nodes: int
    relationships: int
    seconds: float


def admin_import(pg: PropertyGraph, data_dir: Path, *, database: str = "neo4j") -> ImportResult:
    """Replace ``database`` in the (stopped) development server's ``data_dir`` by ``pg``."""
    import time

    from watwerkt.atomic import atomic_write_text
    from watwerkt.launcher import build_launcher, java_executable

    java = java_executable()
    if not java:
        raise StoreError("cannot run the Neo4j import tool: Java 17+ (java) not found on PATH")
    project = build_launcher()
    classpath = os.pathsep.join([str(project / "target" / "classes"), str(project / "target" / "lib" / "*")])
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="watwerkt-import-") as tmp:
        work = Path(tmp)
        files = import_files(pg)
        for name, text in files.items():
            atomic_write_text(work / name, text)
        nodes = [work / name for name in files if name.startswith("nodes-")]
        (work / "conf").mkdir()
        (work / "conf" / "neo4j.conf").write_text("", encoding="utf-8")  # the defaults: data under NEO4J_HOME
        env = {**os.environ, "NEO4J_HOME": str(data_dir), "NEO4J_CONF": str(work / "conf")}
        env.pop("JAVA_TOOL_OPTIONS", None)
        proc = subprocess.run(import_command(java, classpath, nodes, work / "relationships.csv", database),
                              cwd=work, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or "IMPORT DONE" not in proc.stdout + proc.stderr:
        tail = " ".join((proc.stderr or proc.stdout).strip().splitlines()[-3:])[:300]
        raise StoreError(f"the Neo4j import tool failed (exit {proc.returncode}): {tail}", where=str(data_dir))
    return ImportResult(len(pg.nodes), len(pg.rels), time.perf_counter() - started)


def after_import(pg: PropertyGraph, driver, database: str = "neo4j") -> tuple[int, int]:
    """Constraint, indexes and the version marker on a freshly imported database; its counts."""
    from watwerkt.graph.neo4j.publish import build_id, counts_fast, ensure_schema

    with driver.session(database=database) as s:
        ensure_schema(s)
        n, r = counts_fast(s)
        if (n, r) != (len(pg.nodes), len(pg.rels)):
            raise StoreError(f"the imported database holds {n} nodes and {r} relationships, "
                             f"not {len(pg.nodes)} and {len(pg.rels)}")
        s.run("MERGE (b:WatwerktBuild {key: 'current'}) SET b.build = $build, b.nodes = $n, b.relationships = $r",
              build=build_id(pg), n=n, r=r).consume()
    return n, r
