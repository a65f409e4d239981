"""The embedded store and the canonical exports, written atomically.

A store is one folder::

    <store>/graph.nt       canonical N-Triples (sorted lines): the reference serialisation
    <store>/graph.ttl      Turtle
    <store>/graph.trig     TriG (one named graph)
    <store>/graph.jsonld   JSON-LD (expanded, nodes and values sorted)
    <store>/oxigraph/      the on-disk Oxigraph store the queries open read-only
    <store>/build.json     what was built: counts, whether quotes are in, the N-Triples hash

The folder is built beside the old one and swapped in by a rename, so a build that is
killed midway leaves the previous store usable. Choice of Oxigraph over rdflib's memory
store: see bench/store.md.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from watwerkt.errors import StoreError
from watwerkt.graph.atomic import atomic_directory

if TYPE_CHECKING:  # rdflib is imported only where a graph is written, never on the query path
    from rdflib import Graph

FORMATS = {"nt": "graph.nt", "ttl": "graph.ttl", "trig": "graph.trig", "jsonld": "graph.jsonld"}
GRAPH_NAME = "https://w3id.org/watwerkt/id/graph/watwerkt"


def canonical_nt(g: Graph) -> bytes:
    from rdflib import BNode

    if any(isinstance(t, BNode) for triple in g for t in triple):
        raise StoreError("the graph has blank nodes; every node needs an IRI for a canonical export")
    lines = sorted({f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in g})
    return "".join(lines).encode("utf-8")


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


def serialise(g: Graph, fmt: str) -> bytes:
    if fmt == "nt":
        return canonical_nt(g)
    if fmt == "jsonld":
        return canonical_jsonld(g)
    if fmt == "ttl":
        return g.serialize(format="turtle", encoding="utf-8")
    if fmt == "trig":
        from rdflib import Dataset, URIRef

        ds = Dataset()
        for prefix, ns in g.namespaces():
            ds.bind(prefix, ns)
        named = ds.graph(URIRef(GRAPH_NAME))
        for t in g:
            named.add(t)
        return ds.serialize(format="trig", encoding="utf-8")
    raise StoreError(f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))


def write_store(g: Graph, store: Path, info: dict, *, _hook=None) -> dict:
    """Write every serialisation and the Oxigraph store into ``store``, atomically."""
    import pyoxigraph

    nt = canonical_nt(g)
    info = {**info, "triples": len(g), "nt_sha256": hashlib.sha256(nt).hexdigest()}
    with atomic_directory(store) as staging:
        (staging / "graph.nt").write_bytes(nt)
        for fmt, name in FORMATS.items():
            if fmt != "nt":
                (staging / name).write_bytes(serialise(g, fmt))
        if _hook:
            _hook(staging)  # tests interrupt the build here
        ox = pyoxigraph.Store(str(staging / "oxigraph"))
        ox.bulk_load(nt, pyoxigraph.RdfFormat.N_TRIPLES)
        ox.flush()
        del ox
        (staging / "build.json").write_text(json.dumps(info, indent=1, sort_keys=True) + "\n",
                                            encoding="utf-8")
    return info


def read_info(store: Path) -> dict:
    path = store / "build.json"
    if not path.exists():
        raise StoreError("no graph has been built here yet", where=str(store),
                         hint="run `watwerkt build` first")
    return json.loads(path.read_text(encoding="utf-8"))


def open_store(store: Path):
    """The Oxigraph store of a build, opened read-only."""
    import pyoxigraph

    read_info(store)
    try:
        return pyoxigraph.Store.read_only(str(store / "oxigraph"))
    except OSError as exc:
        raise StoreError(f"cannot open the graph store: {exc}", where=str(store),
                         hint="run `watwerkt build` again") from exc
