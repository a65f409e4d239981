"""Read-only SPARQL for researchers: updates are refused before the store sees them."""

from __future__ import annotations

import re

from watwerkt.errors import QueryError

_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*')


def run_readonly(store, query: str) -> tuple[list[str], list[dict]]:
    """Run a SELECT/ASK/CONSTRUCT/DESCRIBE on a store opened read-only; refuse updates."""
    import pyoxigraph as ox

    from watwerkt.queries.runner import to_python

    bare = _STRINGS.sub(" ", query)  # keywords inside strings, IRIs or comments do not count
    m = _UPDATE.search(bare)
    if m:
        raise QueryError(f"alleen lezen: {m.group(1).upper()} is niet toegestaan",
                         hint="gebruik SELECT, ASK, CONSTRUCT of DESCRIBE")
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"ongeldige SPARQL: {str(exc).splitlines()[0]}") from exc
    except OSError as exc:
        raise QueryError(f"de query faalde: {exc}") from exc
    if isinstance(result, bool):
        return ["ask"], [{"ask": result}]
    if isinstance(result, ox.QuerySolutions):
        head = [v.value for v in result.variables]
        return head, [{h: to_python(s[h]) for h in head} for s in result]
    rows = [{"subject": str(t.subject), "predicate": str(t.predicate), "object": str(t.object)} for t in result]
    return ["subject", "predicate", "object"], rows
