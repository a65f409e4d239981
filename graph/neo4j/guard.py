"""The plan check of ``watwerkt cypher``: a researcher's query is EXPLAINed before it runs.

Neo4j plans the query (``EXPLAIN`` runs nothing) and this module walks every operator of the
plan. Refused, each with one line:

- ``LoadCSV``: LOAD CSV reads server files (``file:///``) and fetches URLs;
- ``ProcedureCall`` of any procedure outside :data:`ALLOWED_PROCEDURES` (a few that only
  describe the schema); a procedure name that cannot be read from the plan is refused too;
- ``SHOW`` commands other than :data:`ALLOWED_SHOW` (``SHOW SETTINGS`` lists the server's
  configuration, ``SHOW TRANSACTIONS`` other people's queries and their parameters);
- writes: any updating operator (``Create``, ``Merge``, ``Delete``, ``Set...``, ``Remove...``,
  ``Foreach``, ``Transaction...``, schema commands) or a query type ``w`` or ``rw``; the read
  transaction the query then runs in would refuse a write as well;
- administration: any other query type than ``r`` (read), such as ``s`` (``SHOW USERS``).

This is the second line of defence. The first is the server's configuration
(``server/neo4j-launcher``): file URLs off, no import directory, every address blocked for
LOAD CSV, and a procedure allowlist. The plan check also holds against a server configured by
someone else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from watwerkt.errors import QueryError

ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys",
    "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
    "dbms.components",
})
FILE_OPERATORS = frozenset({"LoadCSV"})
ALLOWED_SHOW = frozenset({"ShowProcedures", "ShowFunctions", "ShowIndexes", "ShowConstraints"})
WRITE_PREFIXES = ("Create", "Merge", "LockingMerge", "Delete", "DetachDelete", "Set", "Remove",
                  "Foreach", "Transaction", "Drop", "DoNothingIf", "Alter", "Grant", "Revoke", "Deny")
READ_QUERY_TYPES = frozenset({"r"})
_PROCEDURE = re.compile(r"^\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\(")


def operators(plan) -> Iterator[tuple[str, dict]]:
    """``(operator name without @db, arguments)`` for every operator of the plan, depth first."""
    stack = [plan]
    while stack:
        node = stack.pop()
        if not node:
            continue
        name = str(node.get("operatorType", "")).split("@", 1)[0]
        yield name, dict(node.get("args") or node.get("arguments") or {})
        stack.extend(reversed(list(node.get("children") or [])))


def procedure_name(args: dict) -> str | None:
    """The procedure a ``ProcedureCall`` operator calls, read from its details."""
    details = args.get("Details") or args.get("details") or ""
    m = _PROCEDURE.match(str(details))
    return m.group(1) if m else None


def check_plan(plan, query_type: str | None) -> None:
    """Raise :class:`QueryError` (one line) when the plan reads files or URLs, calls a
    procedure outside the whitelist, or writes."""
    if plan is None:
        raise QueryError("geweigerd: Neo4j gaf geen queryplan, dus de query is niet te controleren")
    for name, args in operators(plan):
        if name in FILE_OPERATORS:
            raise QueryError("geweigerd: LOAD CSV leest bestanden of URL's en is niet toegestaan in watwerkt cypher")
        if name == "ProcedureCall":
            proc = procedure_name(args)
            if proc not in ALLOWED_PROCEDURES:
                raise QueryError(f"geweigerd: procedure {proc or '(onbekend)'} is niet toegestaan",
                                 hint="toegestaan: " + ", ".join(sorted(ALLOWED_PROCEDURES)))
        if name.startswith("Show") and name not in ALLOWED_SHOW:
            raise QueryError(f"geweigerd: {name} is niet toegestaan",
                             hint="toegestaan: SHOW PROCEDURES, FUNCTIONS, INDEXES en CONSTRAINTS")
        if name.startswith(WRITE_PREFIXES):
            raise QueryError(f"alleen lezen: deze Cypher schrijft ({name}) en is geweigerd")
    if query_type in ("w", "rw"):
        raise QueryError(f"alleen lezen: deze Cypher schrijft (querytype {query_type}) en is geweigerd")
    if query_type is not None and query_type not in READ_QUERY_TYPES:
        raise QueryError(f"geweigerd: beheeropdrachten zijn niet toegestaan (querytype {query_type})")


def check(tx, text: str, params: dict) -> None:
    """EXPLAIN ``text`` in transaction ``tx`` and check its plan (see :func:`check_plan`)."""
    summary = tx.run("EXPLAIN " + text, **params).consume()
    check_plan(summary.plan, summary.query_type)
