"""Serialisations of the graph: canonical N-Triples (our own writer), JSON-LD, Turtle, TriG.

The canonical N-Triples are the reference: one line per triple, sorted, no blank nodes, every
literal escaped by the N-Triples grammar (``\\"``, ``\\\\``, ``\\n``, ``\\r``, and ``\\uXXXX``
for every other control character), so a line break or a tab in a text field can never make
the file invalid. The store keeps only these; Turtle, TriG and JSON-LD are written on demand
(``watwerkt build --export FMT --out DIR``, or :func:`export_store` from a built store), all
from the canonical N-Triples: Turtle and TriG by Oxigraph's serialiser (rdflib's Turtle took
40 s on the real graph, Oxigraph 0.2 s), JSON-LD by our own writer (expanded, nodes and values
sorted). Every export is deterministic: two builds of the same data give the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from watwerkt.errors import StoreError

if TYPE_CHECKING:
    from watwerkt.graph.terms import Graph

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


def nt_lines(g: Graph, *, consume: bool = False) -> list[str]:
    """The sorted N-Triples lines of ``g`` (each IRI and literal formatted once); with
    ``consume`` the graph is emptied while the lines are made (see :meth:`Graph.drain`)."""
    from watwerkt.graph.terms import Literal

    iris: dict[str, str] = {}
    literals: dict[Literal, str] = {}

    def iri(term) -> str:
        if not isinstance(term, str):
            raise StoreError("the graph has blank nodes; every node needs an IRI for a canonical export")
        out = iris[term] = _iri(term)
        return out

    def literal(o: Literal, s) -> str:
        lexical, lang, datatype = o
        obj = f'"{escape_literal(lexical)}"'
        if lang:
            if not _LANGTAG.fullmatch(lang):
                raise StoreError(f"language tag {lang!r} is not valid", where=str(s))
            obj += "@" + lang
        elif datatype is not None:
            obj += "^^" + (iris.get(datatype) or iri(datatype))
        literals[o] = obj
        return obj

    lines = []
    add = lines.append
    for s, p, o in (g.drain() if consume else g):
        if isinstance(o, tuple):
            obj = literals.get(o) or literal(o, s)
        else:
            obj = iris.get(o) or iri(o)
        add(f"{iris.get(s) or iri(s)} {iris.get(p) or iri(p)} {obj} .\n")
    lines.sort()
    return lines


def canonical_nt(g: Graph) -> bytes:
    return "".join(nt_lines(g)).encode("utf-8")


# Prefixes the Turtle and TriG exports may use; only those the triples use are written.
PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/", "id": "https://w3id.org/watwerkt/id/",
    "oa": "http://www.w3.org/ns/oa#", "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#", "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/", "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "void": "http://rdfs.org/ns/void#",
    "ww": "https://w3id.org/watwerkt/def#", "xsd": "http://www.w3.org/2001/XMLSchema#",
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _triples(nt: bytes):
    import pyoxigraph as ox

    return ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)


def jsonld_from_nt(nt: bytes) -> bytes:
    """Expanded JSON-LD, nodes by IRI and each property's values sorted (plain literals carry
    no ``@type``; a language-tagged one its ``@language``)."""
    import pyoxigraph as ox

    nodes: dict[str, dict[str, list]] = {}
    for t in _triples(nt):
        o = t.object
        if isinstance(o, ox.NamedNode):
            value: dict = {"@id": o.value}
        else:
            value = {"@value": o.value}
            if o.language:
                value["@language"] = o.language
            elif o.datatype.value != XSD_STRING:
                value["@type"] = o.datatype.value
        nodes.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(value)
    doc = []
    for s in sorted(nodes):
        entry: dict = {"@id": s}
        for p in sorted(nodes[s]):
            entry[p] = sorted(nodes[s][p], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        doc.append(entry)
    return (json.dumps({"@graph": doc}, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def export_bytes(nt: bytes, fmt: str) -> bytes:
    """One export, written from the canonical N-Triples alone (no rdflib): Turtle and TriG by
    Oxigraph (stable, since the input order is canonical; TriG puts every triple in one named
    graph), JSON-LD by :func:`jsonld_from_nt`."""
    import pyoxigraph as ox

    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    if fmt == "nt":
        return nt
    if fmt == "jsonld":
        return jsonld_from_nt(nt)
    prefixes = {k: v for k, v in sorted(PREFIXES.items()) if f"<{v}".encode() in nt}
    if fmt == "trig":
        name = ox.NamedNode(GRAPH_NAME)
        quads = (ox.Quad(t.subject, t.predicate, t.object, name) for t in _triples(nt))
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)
    return ox.serialize(_triples(nt), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def write_exports(nt: bytes, formats, out: Path) -> list[Path]:
    """Write each format in ``formats`` atomically into the folder ``out`` (made if missing)."""
    from watwerkt.atomic import atomic_write_bytes, check_output_dir

    out = check_output_dir(out)
    formats = list(dict.fromkeys(formats))  # each once, in the order asked
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise StoreError(f"unknown export format {unknown[0]!r}", hint="use one of: " + ", ".join(FORMATS))
    written = []
    for fmt in formats:
        target = out / FORMATS[fmt]
        atomic_write_bytes(target, export_bytes(nt, fmt), parents=True)
        written.append(target)
    return written


def export_store(store: Path, formats, out: Path) -> list[Path]:
    """The exports of a built store, from its graph.nt (what a ``watwerkt export`` command calls)."""
    from watwerkt.graph.store import read_info

    read_info(store)
    refuse_inside_store(store, out)
    return write_exports((Path(store) / FORMATS["nt"]).read_bytes(), formats, out)


def refuse_inside_store(store: Path, out) -> None:
    """Exports never go into the store itself (its folders are replaced by the next build)."""
    import os

    real_store = Path(os.path.realpath(store))
    real_out = Path(os.path.realpath(out))
    if real_out == real_store or real_store in real_out.parents or Path(out).absolute() == Path(store).absolute():
        err = StoreError("ligt in de opslag; exports horen ernaast", where=str(out),
                         hint="kies voor --out een map buiten --store")
        err.en, err.hint_en = "lies inside the store; exports belong beside it", "choose an --out outside --store"
        raise err
