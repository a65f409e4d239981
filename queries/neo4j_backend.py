"""The Neo4j backend: the same named queries, as Cypher twins, in read transactions.

``queries/cypher/<name>.cypher`` returns the same columns as ``queries/sparql/<name>.rq``;
parameters are passed to the driver, never spliced into the text. Every query runs in a
read transaction (``execute_read``), so the server refuses writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from watwerkt.errors import QueryError, StoreError

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def load_cypher(name: str) -> str:
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.exists():
        raise QueryError(f"no Cypher twin for query {name!r}", hint="see queries/cypher/")
    return path.read_text(encoding="utf-8")


def _plain(v):
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


@dataclass
class Neo4jStore:
    """Something :func:`watwerkt.queries.runner.run` can run named queries on."""

    driver: object
    database: str = "neo4j"

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, database: str | None = None,
                 password: str | None = None) -> Neo4jStore:
        from watwerkt.graph.neo4j_publish import connect

        uri = uri or os.environ.get("WATWERKT_NEO4J_URI", "bolt://127.0.0.1:7687")
        user = user or os.environ.get("WATWERKT_NEO4J_USER", "neo4j")
        password = password if password is not None else os.environ.get("WATWERKT_NEO4J_PASSWORD")
        if not password:
            raise StoreError("no Neo4j password", hint="set WATWERKT_NEO4J_PASSWORD")
        driver, _version = connect(uri, user, password)
        return cls(driver, database or os.environ.get("WATWERKT_NEO4J_DATABASE", "neo4j"))

    def run_named(self, name: str, params: dict) -> list[dict]:
        text = load_cypher(name)

        def work(tx):
            return [{k: _plain(v) for k, v in rec.items()} for rec in tx.run(text, **params)]

        from neo4j.exceptions import Neo4jError

        try:
            with self.driver.session(database=self.database) as s:
                return s.execute_read(work)
        except Neo4jError as exc:
            raise QueryError(f"Cypher query {name!r} failed: {exc.message}") from exc

    def read(self, text: str, params: dict | None = None) -> tuple[list[str], list[dict]]:
        """A researcher's own Cypher, in a read transaction: the server refuses writes."""
        from neo4j.exceptions import ClientError

        def work(tx):
            result = tx.run(text, **(params or {}))
            keys = list(result.keys())
            return keys, [{k: _plain(r[k]) for k in keys} for r in result]

        try:
            with self.driver.session(database=self.database, default_access_mode="READ") as s:
                return s.execute_read(work)
        except ClientError as exc:
            msg = exc.message or str(exc)
            if "read" in msg.lower() and "write" in msg.lower() or "AccessMode" in (exc.code or ""):
                raise QueryError("alleen lezen: deze Cypher schrijft en is geweigerd door de server") from exc
            raise QueryError(f"ongeldige of mislukte Cypher: {msg.splitlines()[0]}") from exc

    def close(self) -> None:
        self.driver.close()

    def __len__(self) -> int:  # like pyoxigraph.Store: the number of facts
        return self.run_count()

    def run_count(self) -> int:
        with self.driver.session(database=self.database) as s:
            return s.run("MATCH (n:Resource) RETURN count(n) AS n").single()["n"]
