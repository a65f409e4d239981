"""The Neo4j backend: the same named queries, as Cypher twins, in read transactions.

``cypher/<name>.cypher`` (beside this module) returns the same columns as
``queries/sparql/<name>.rq``. The twins live with the backend that runs them: this package
is the graph layer, and the graph layer reads nothing that belongs to the query layer above
it; the parity test (tests/integration/test_neo4j_publish.py) keeps the two sets equal.

Parameters are passed to the driver, never spliced into the text. Every query runs in a read
transaction with a time limit (``timeout`` seconds), so the server refuses writes and stops a
runaway query. A researcher's own Cypher (:meth:`Neo4jStore.read`) is first checked by
:mod:`.guard` (EXPLAIN, then the plan is walked) and returns at most ``max_rows`` rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from watwerkt.errors import QueryError
from watwerkt.graph.neo4j.settings import Neo4jSettings

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_IF = re.compile(r"//\s*if\s+\$(\w+)\s*$")
DEFAULT_TIMEOUT = 30.0  # seconds a query may run
DEFAULT_MAX_ROWS = 10_000  # rows `watwerkt cypher` returns at most


@cache
def load_cypher(name: str) -> str:
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.exists():
        raise QueryError(f"no Cypher twin for query {name!r}", hint="see graph/neo4j/cypher/")
    return path.read_text(encoding="utf-8")


def parameters(text: str) -> set[str]:
    """The ``$names`` a twin uses. One not given is passed as null, as an unbound SPARQL
    variable matches anything; the twins test ``$x IS NULL`` where a filter is optional."""
    return set(_PARAM.findall(text))


def text_for(text: str, given: set[str]) -> str:
    """``text`` with each line marked ``// if $x`` kept only when ``x`` is given.

    The twin of ``# if ?x`` in the SPARQL files: which fixed lines are kept depends on which
    parameters are present, never on their values (those are passed, not spliced).
    """
    out = []
    for line in text.splitlines():
        m = _IF.search(line)
        if m is None:
            out.append(line)
        elif m.group(1) in given:
            out.append(line[: m.start()].rstrip())
    return "\n".join(out) + "\n"


def cypher_names() -> list[str]:
    """The names of every Cypher twin."""
    return sorted(p.stem for p in CYPHER_DIR.glob("*.cypher"))


def _plain(v):
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _timed_out(exc) -> bool:
    return "TransactionTimedOut" in (getattr(exc, "code", None) or "")


@dataclass(frozen=True)
class ReadResult:
    """A researcher's query: its columns, at most ``max_rows`` rows, and whether more came."""

    columns: list[str]
    rows: list[dict]
    truncated: bool = False


@dataclass
class Neo4jStore:
    """Something :func:`watwerkt.queries.runner.run` can run named queries on."""

    driver: object
    database: str = "neo4j"
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_settings(cls, settings: Neo4jSettings, timeout: float = DEFAULT_TIMEOUT) -> Neo4jStore:
        driver, _version = settings.connect()
        return cls(driver, settings.database, timeout)

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, database: str | None = None,
                 password: str | None = None) -> Neo4jStore:
        return cls.from_settings(Neo4jSettings.resolve(uri, user, password, database))

    def run_named(self, name: str, params: dict) -> list[dict]:
        from neo4j import unit_of_work
        from neo4j.exceptions import Neo4jError

        params = {k: v for k, v in params.items() if v is not None}
        text = text_for(load_cypher(name), set(params))
        params = {**dict.fromkeys(parameters(text)), **params}

        @unit_of_work(timeout=self.timeout)
        def work(tx):
            return [{k: _plain(v) for k, v in rec.items()} for rec in tx.run(text, **params)]

        try:
            with self.driver.session(database=self.database) as s:
                return s.execute_read(work)
        except Neo4jError as exc:
            if _timed_out(exc):
                raise QueryError(f"Cypher query {name!r} took longer than {self.timeout:g} s") from exc
            raise QueryError(f"Cypher query {name!r} failed: {exc.message}") from exc

    def read(self, text: str, params: dict | None = None, *,
             max_rows: int = DEFAULT_MAX_ROWS) -> ReadResult:
        """A researcher's own Cypher: plan-checked, then run in a read transaction."""
        from neo4j.exceptions import Neo4jError

        from watwerkt.graph.neo4j import guard

        params = dict(params or {})
        try:
            with self.driver.session(database=self.database, default_access_mode="READ") as s, \
                    s.begin_transaction(timeout=self.timeout) as tx:
                guard.check(tx, text, params)
                result = tx.run(text, **params)
                keys = list(result.keys())
                rows: list[dict] = []
                for record in result:
                    if len(rows) == max_rows:
                        return ReadResult(keys, rows, truncated=True)
                    rows.append({k: _plain(record[k]) for k in keys})
                return ReadResult(keys, rows)
        except Neo4jError as exc:
            msg = (exc.message or str(exc)).splitlines()[0] if (exc.message or str(exc)) else ""
            code = exc.code or ""
            if _timed_out(exc):
                raise QueryError(f"de query duurde langer dan {self.timeout:g} s en is afgebroken",
                                 hint="beperk de query of geef een ruimere --timeout") from exc
            if "AccessMode" in code or ("read" in msg.lower() and "write" in msg.lower()):
                raise QueryError("alleen lezen: deze Cypher schrijft en is geweigerd door de server") from exc
            raise QueryError(f"ongeldige of mislukte Cypher: {msg}") from exc

    def close(self) -> None:
        self.driver.close()

    def __len__(self) -> int:  # like pyoxigraph.Store: the number of facts
        return self.run_count()

    def run_count(self) -> int:
        with self.driver.session(database=self.database) as s:
            return s.run("MATCH (n:Resource) RETURN count(n) AS n").single()["n"]
