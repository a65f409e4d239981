"""Named SPARQL queries kept as files, run with bound parameters.

Each ``queries/sparql/<name>.rq`` starts with comment lines ``# name:``,
``# description:``, ``# params:`` and ``# example:``. Parameters are bound through
Oxigraph's variable substitution (``substitutions``), never spliced into the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from watwerkt.errors import QueryError

SPARQL_DIR = Path(__file__).resolve().parent / "sparql"
_META = re.compile(r"^#\s*(name|description|params|example):\s*(.*)$")


_IF = re.compile(r"#\s*if\s+\?(\w+)\s*$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: str
    example: str
    text: str

    def text_for(self, given: set[str]) -> str:
        """The query text with each line marked ``# if ?x`` kept only when ``x`` is given.

        The marked lines are fixed fragments of the file: which of them are kept depends on
        which parameters are present, never on their values (those are bound, not spliced).
        """
        out = []
        for line in self.text.splitlines():
            m = _IF.search(line)
            if m is None:
                out.append(line)
            elif m.group(1) in given:
                out.append(line[: m.start()].rstrip())
        return "\n".join(out) + "\n"


@cache
def load_query(name: str) -> NamedQuery:
    path = SPARQL_DIR / f"{name}.rq"
    if not path.exists():
        raise QueryError(f"no query named {name!r}", hint="see queries/sparql/")
    text = path.read_text(encoding="utf-8")
    meta = {"name": name, "description": "", "params": "", "example": ""}
    for line in text.splitlines():
        m = _META.match(line)
        if m:
            meta[m.group(1)] = m.group(2).strip()
    return NamedQuery(meta["name"], meta["description"], meta["params"], meta["example"], text)


def all_queries() -> list[NamedQuery]:
    return [load_query(p.stem) for p in sorted(SPARQL_DIR.glob("*.rq"))]


def to_python(term):
    """An Oxigraph term as a plain Python value."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        v = term.value
        if dt.endswith(("#integer", "#int", "#long")):
            return int(v)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(v)
        if dt.endswith("#boolean"):
            return v == "true"
        return v
    return str(term)


def bind_value(value):
    """A Python parameter as an Oxigraph term: IRIs for ``https://`` strings, else literals."""
    import pyoxigraph as ox

    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false",
                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, str) and value.startswith("https://w3id.org/watwerkt/"):
        try:
            return ox.NamedNode(value)
        except ValueError:
            from watwerkt.errors import UsageError

            raise UsageError(f"ongeldige waarde {value.rsplit('/', 1)[-1]!r}",
                             en=f"invalid value {value.rsplit('/', 1)[-1]!r}") from None
    return ox.Literal(str(value))


def run(store, name: str, **params) -> list[dict]:
    """Run the named query with ``params`` bound to its variables; rows as dicts."""
    if hasattr(store, "run_named"):  # the Neo4j backend runs the Cypher twin
        return store.run_named(name, dict(params))
    import pyoxigraph as ox

    q = load_query(name)
    given = {k: v for k, v in params.items() if v is not None}
    subs = {ox.Variable(k): bind_value(v) for k, v in given.items()}
    try:
        result = store.query(q.text_for(set(given)), substitutions=subs)
    except (SyntaxError, OSError, ValueError) as exc:
        raise QueryError(f"query {name!r} failed: {exc}") from exc
    names = [v.value for v in result.variables]
    return [{n: to_python(sol[n]) for n in names} for sol in result]
