"""Every Cypher twin orders its rows by values, as its SPARQL query does.

A bare node in ORDER BY orders by Neo4j's internal id (the order of loading, not of the IRI),
and ``inf``/``nan`` are float literals in Cypher 5, not names: both gave `engelen-beren` another
order on Neo4j than on the embedded store at 1,000 cases (the real graph happened to agree).
"""

import re
from pathlib import Path

CYPHER = Path(__file__).resolve().parents[2] / "graph" / "neo4j" / "cypher"
FLOATS = {"inf", "infinity", "nan"}


def _final_order(text: str) -> list[str] | None:
    body = "\n".join(line.split("//")[0] for line in text.splitlines())
    m = re.search(r"\bRETURN\b(?![\s\S]*\bRETURN\b)([\s\S]*?)\bORDER BY\b([^\n]*)", body)
    if not m:
        return None
    return [k.strip().split()[0] for k in m.group(2).split(",") if k.strip()]


def _aliases(text: str) -> set[str]:
    return set(re.findall(r"\bAS\s+([A-Za-z_]\w*)", text))


def test_every_final_order_key_is_a_returned_value():
    checked = 0
    for path in sorted(CYPHER.glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        keys = _final_order(text)
        if not keys:
            continue
        aliases = _aliases(text)
        for key in keys:
            assert key.lower() not in FLOATS, f"{path.name}: ORDER BY {key} is a float literal in Cypher"
            assert "." in key or key in aliases, f"{path.name}: ORDER BY {key} is not a returned value"
        checked += 1
    assert checked >= 15
