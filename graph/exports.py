"""Serialisations of the graph: canonical N-Triples (our own writer), JSON-LD, Turtle, TriG.

The canonical N-Triples are the reference: one line per triple, sorted, no blank nodes, every
literal escaped by the N-Triples grammar (``\\"``, ``\\\\``, ``\\n``, ``\\r``, and ``\\uXXXX``
for every other control character), so a line break or a tab in a text field can never make
the file invalid. The store keeps only these; Turtle, TriG and JSON-LD are written on demand
(``watwerkt build --export FMT --out DIR``): Turtle and TriG by Oxigraph's serialiser from the
sorted N-Triples (rdflib's took 40 s on the real graph, Oxigraph 0.2 s), JSON-LD by our own
writer (expanded, nodes and values sorted). Every export is deterministic: two builds of the
same data give the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from watwerkt.errors import StoreError

if TYPE_CHECKING:  # rdflib is imported only where a graph is written, never on the query path
    from rdflib import Graph

FORMATS = {"nt": "graph.nt", "ttl": "graph.ttl", "trig": "graph.trig", "jsonld": "graph.jsonld"}
GRAPH_NAME = "https://w3id.org/watwerkt/id/graph/watwerkt"

# STRING_LITERAL_QUOTE: '"', '\', LF and CR must be escaped; we also escape every other C0
# control character and DEL as \uXXXX, so the lines stay printable.
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in (0x0A, 0x0D)})
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')  # not allowed in IRIREF
_LANGTAG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")


def escape_literal(text: str) -> str:
    """The body of an N-Triples string literal (without the quotes)."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def _iri(value: str) -> str:
    if _BAD_IRI.search(value) or not value:
        shown = value if len(value) <= 80 else value[:79] + "…"
        raise StoreError(f"IRI {shown!r} holds a character N-Triples does not allow",
                         hint="use only letters, digits and -._~:/?#[]@!$&'()*+,;=% in identifiers")
    return f"<{value}>"


def nt_lines(g: Graph) -> list[str]:
    """The sorted, de-duplicated N-Triples lines of ``g`` (IRIs formatted once each)."""
    from rdflib import Literal, URIRef

    iris: dict = {}

    def iri(term) -> str:
        if type(term) is not URIRef and not isinstance(term, URIRef):
            raise StoreError("the graph has blank nodes; every node needs an IRI for a canonical export")
        out = iris[term] = _iri(str(term))
        return out

    lines: set[str] = set()
    add = lines.add
    for s, p, o in g:
        si = iris.get(s) or iri(s)
        pi = iris.get(p) or iri(p)
        if isinstance(o, Literal):
            obj = f'"{escape_literal(str(o))}"'
            lang, datatype = o.language, o.datatype
            if lang:
                if not _LANGTAG.fullmatch(lang):
                    raise StoreError(f"language tag {lang!r} is not valid", where=str(s))
                obj += "@" + lang
            elif datatype is not None:
                obj += "^^" + (iris.get(datatype) or iri(datatype))
        else:
            obj = iris.get(o) or iri(o)
        add(f"{si} {pi} {obj} .\n")
    return sorted(lines)


def canonical_nt(g: Graph) -> bytes:
    return "".join(nt_lines(g)).encode("utf-8")


def _term_json(o) -> dict:
    from rdflib import Literal, URIRef

    if isinstance(o, URIRef):
        return {"@id": str(o)}
    assert isinstance(o, Literal)
    out: dict = {"@value": str(o)}
    if o.language:
        out["@language"] = o.language
    elif o.datatype is not None:
        out["@type"] = str(o.datatype)
    return out


def canonical_jsonld(g: Graph) -> bytes:
    nodes: dict[str, dict[str, list]] = {}
    for s, p, o in g:
        nodes.setdefault(str(s), {}).setdefault(str(p), []).append(_term_json(o))
    doc = []
    for s in sorted(nodes):
        entry: dict = {"@id": s}
        for p in sorted(nodes[s]):
            entry[p] = sorted(nodes[s][p], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        doc.append(entry)
    return (json.dumps({"@graph": doc}, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _prefixes(g: Graph, nt: bytes) -> dict[str, str]:
    """The graph's bound prefixes that the triples use, sorted by prefix (deterministic)."""
    used = {}
    for prefix, ns in sorted(g.namespaces()):
        if prefix and f"<{ns}".encode() in nt:
            used[prefix] = str(ns)
    return used


def _oxigraph(g: Graph, nt: bytes, fmt: str) -> bytes:
    """Turtle or TriG written by Oxigraph from the sorted N-Triples (fast, and stable, since
    the input order is canonical); TriG puts every triple in one named graph."""
    import pyoxigraph as ox

    triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    if fmt == "trig":
        name = ox.NamedNode(GRAPH_NAME)
        quads = (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_prefixes(g, nt))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes(g, nt))


def serialise(g: Graph, fmt: str, *, nt: bytes | None = None) -> bytes:
    """One export of ``g``; ``nt`` is its canonical N-Triples when already written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    if fmt == "jsonld":
        return canonical_jsonld(g)
    nt = canonical_nt(g) if nt is None else nt
    return nt if fmt == "nt" else _oxigraph(g, nt, fmt)


def write_exports(g: Graph, formats, out: Path, *, nt: bytes | None = None) -> list[Path]:
    """Write each format in ``formats`` atomically into the folder ``out`` (made if missing)."""
    from watwerkt.atomic import atomic_write_bytes, check_output_dir

    out = check_output_dir(out)
    formats = list(dict.fromkeys(formats))  # each once, in the order asked
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise StoreError(f"unknown export format {unknown[0]!r}", hint="use one of: " + ", ".join(FORMATS))
    if nt is None and any(f != "jsonld" for f in formats):
        nt = canonical_nt(g)
    written = []
    for fmt in formats:
        data = serialise(g, fmt, nt=nt)
        target = out / FORMATS[fmt]
        atomic_write_bytes(target, data, parents=True)
        written.append(target)
    return written
