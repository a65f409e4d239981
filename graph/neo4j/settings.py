"""How to reach a Neo4j server: one settings object for publish, the backend and the CLI.

:meth:`Neo4jSettings.resolve` takes what the caller was given (command-line options) and
fills in the rest from the environment:

- ``uri``: ``WATWERKT_NEO4J_URI``, else the running development server's, else
  ``bolt://127.0.0.1:7687``;
- ``user``: ``WATWERKT_NEO4J_USER``, else ``neo4j``;
- ``database``: ``WATWERKT_NEO4J_DATABASE``, else ``neo4j``;
- ``password``: ``WATWERKT_NEO4J_PASSWORD``; else, when the development server of
  ``watwerkt neo4j start`` runs at that URI, its password; else the ``prompt`` callable
  (the CLI asks on a terminal). There is never a required ``--password`` flag: a password on
  the command line ends up in the shell history and in ``ps``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from watwerkt.errors import StoreError

PASSWORD_ENV = "WATWERKT_NEO4J_PASSWORD"
DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"


def _devserver(env: Mapping[str, str]):
    """The status of the development server (``watwerkt neo4j start``) if it runs, else None."""
    from pathlib import Path

    from watwerkt.devserver import status

    state = env.get("WATWERKT_STATE")
    try:
        current = status(Path(state) if state else None)
    except StoreError:
        return None
    return current if current.running else None


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def resolve(cls, uri: str | None = None, user: str | None = None, password: str | None = None,
                database: str | None = None, *, prompt: Callable[[], str] | None = None,
                env: Mapping[str, str] | None = None) -> Neo4jSettings:
        env = os.environ if env is None else env
        uri = uri or env.get("WATWERKT_NEO4J_URI")
        dev = _devserver(env) if not uri or not (password or env.get(PASSWORD_ENV)) else None
        uri = uri or (dev.uri if dev else None) or DEFAULT_URI
        user = user or env.get("WATWERKT_NEO4J_USER") or DEFAULT_USER
        database = database or env.get("WATWERKT_NEO4J_DATABASE") or DEFAULT_DATABASE
        password = password or env.get(PASSWORD_ENV)
        if not password and dev is not None and dev.uri == uri.rstrip("/") and user == DEFAULT_USER:
            password = dev.password
        if not password and prompt is not None:
            password = prompt()
        if not password:
            raise StoreError("no Neo4j password", where=uri, hint=f"set {PASSWORD_ENV}")
        return cls(uri, user, password, database)

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    def connect(self):
        """``(driver, version)``: a driver that has been checked (reachable, password, Neo4j 5)."""
        return connect(self.uri, self.user, self.password)


def connect(uri: str, user: str, password: str):
    """A driver that has been checked: reachable, the password right, Neo4j 5."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    # no server notifications: the driver would log each one (deprecations, ...) as a
    # multi-line warning on stderr, and the CLI promises one line
    driver = GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
    try:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions RETURN versions[0] AS v")
    except AuthError as exc:
        driver.close()
        raise StoreError(f"Neo4j refused user {user!r}: wrong user name or password", where=uri,
                         hint=f"set {PASSWORD_ENV}") from exc
    except (ServiceUnavailable, OSError, ValueError) as exc:
        driver.close()
        raise StoreError("Neo4j server not reachable", where=uri,
                         hint="start one with `watwerkt neo4j start` or check --uri") from exc
    version = records[0]["v"] if records else "?"
    if not str(version).startswith("5."):
        driver.close()
        raise StoreError(f"Neo4j {version} is not supported; watwerkt needs Neo4j 5", where=uri)
    return driver, version
