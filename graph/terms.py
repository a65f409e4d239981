"""The builder's RDF terms and graph: plain Python values, no rdflib on the build path.

rdflib's terms and its memory store cost about 2 KB and 20 µs per triple; at a million triples
that is the difference between a build of seconds and one of minutes that does not fit in
memory (bench/results/scale-2026-12-01.md). The builder needs far less than rdflib offers:

- :class:`IRI` is a ``str`` (the IRI itself); :class:`Namespace` makes them (``WW.Case``,
  ``ID["case/carli"]``) and caches each one.
- :class:`Literal` is a small tuple ``(lexical form, language, datatype)``. Python values get
  the lexical forms and datatypes rdflib gives them (``True`` -> ``"true"^^xsd:boolean``,
  ``5`` -> ``"5"^^xsd:integer``), so the canonical N-Triples are the same bytes as before.
- :class:`Graph` is a set of ``(s, p, o)`` tuples with the few lookups the build steps use
  (``objects``, ``subjects``, ``value``, ``subject_objects``); its indexes are made on the
  first lookup and kept up to date after that.

The ontology is read with Oxigraph's Turtle parser. Nothing here is a general RDF library:
queries run on the store (:mod:`watwerkt.graph.store`), never on this graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


class IRI(str):
    """An IRI: the string itself (compare, sort and hash as a ``str``)."""

    __slots__ = ()


class Namespace:
    """``Namespace(base).name`` and ``Namespace(base)["local"]`` give :class:`IRI` s, cached.

    Not a ``str`` (as rdflib's is), so that ``DCTERMS.title`` is the IRI and never ``str.title``.
    An attribute, once made, is stored on the instance, so the next lookup is a plain one.
    """

    def __init__(self, base: str):
        self.__dict__["_base"] = base
        self.__dict__["_items"] = {}

    def __str__(self) -> str:
        return self._base

    def __repr__(self) -> str:
        return f"Namespace({self._base!r})"

    def __getitem__(self, local: str) -> IRI:
        try:
            return self._items[local]
        except KeyError:
            iri = self._items[local] = IRI(self._base + local)
            return iri

    def __getattr__(self, local: str) -> IRI:
        if local.startswith("_"):
            raise AttributeError(local)
        iri = self.__dict__[local] = self[local]
        return iri

    def __setattr__(self, name, value):
        raise AttributeError("a Namespace is read-only")


XSD_BASE = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = XSD_BASE + "string"
_BOOLEAN, _INTEGER, _DOUBLE = (IRI(XSD_BASE + t) for t in ("boolean", "integer", "double"))


class Literal(tuple):
    """A literal: ``(lexical, language, datatype)``; ``str()`` is the lexical form."""

    __slots__ = ()

    def __new__(cls, value, lang: str | None = None, datatype: str | None = None):
        if isinstance(value, str):
            lexical = value
        elif isinstance(value, bool):
            lexical, datatype = ("true" if value else "false"), datatype or _BOOLEAN
        elif isinstance(value, int):
            lexical, datatype = str(value), datatype or _INTEGER
        elif isinstance(value, float):
            lexical, datatype = repr(value), datatype or _DOUBLE
        else:
            raise TypeError(f"no literal for a {type(value).__name__}: {value!r}")
        if lang is not None:
            if datatype is not None:
                raise TypeError("a literal has a language or a datatype, not both")
        elif datatype == _XSD_STRING:
            datatype = None  # a plain literal is an xsd:string (RDF 1.1)
        else:
            datatype = IRI(datatype) if datatype is not None else None
        return tuple.__new__(cls, (lexical, lang, datatype))

    def __str__(self) -> str:
        return self[0]

    def __repr__(self) -> str:
        extra = f"@{self[1]}" if self[1] else (f"^^<{self[2]}>" if self[2] else "")
        return f"Literal({self[0]!r}{extra})"

    def __int__(self) -> int:
        return int(self[0])

    @property
    def language(self) -> str | None:
        return self[1]

    @property
    def datatype(self) -> IRI | None:
        return self[2]


Term = IRI | Literal
Triple = tuple[IRI, IRI, Term]


class Graph:
    """A set of triples, kept per predicate, with lookups made on first use.

    ``objects(s, p)``, ``subjects(p, o)`` and ``value(s, p)`` index only the triples of ``p``,
    the first time ``p`` is asked for; after that, adding a triple of ``p`` updates its index.
    """

    def __init__(self) -> None:
        self._by_p: dict[IRI, set[tuple[IRI, Term]]] = {}
        self._sp: dict[IRI, dict[IRI, list[Term]]] = {}  # p -> s -> objects
        self._po: dict[IRI, dict[Term, list[IRI]]] = {}  # p -> o -> subjects

    # -- adding
    def add(self, triple: Triple) -> None:
        s, p, o = triple
        pairs = self._by_p.get(p)
        if pairs is None:
            pairs = self._by_p[p] = set()
        elif p in self._sp:
            if (s, o) in pairs:
                return
            self._sp[p].setdefault(s, []).append(o)
            self._po[p].setdefault(o, []).append(s)
        pairs.add((s, o))

    def __contains__(self, triple) -> bool:
        s, p, o = triple
        pairs = self._by_p.get(p)
        return pairs is not None and (s, o) in pairs

    def __len__(self) -> int:
        return sum(map(len, self._by_p.values()))

    def __iter__(self) -> Iterator[Triple]:
        for p, pairs in self._by_p.items():
            for s, o in pairs:
                yield s, p, o

    def drain(self) -> Iterator[Triple]:
        """Every triple once, emptying the graph as it goes (the build's last read of it:
        memory is given back predicate by predicate while the N-Triples are made)."""
        self._sp.clear()
        self._po.clear()
        while self._by_p:
            p, pairs = self._by_p.popitem()
            while pairs:
                s, o = pairs.pop()
                yield s, p, o

    # -- lookups
    def _index(self, p: IRI) -> tuple[dict, dict]:
        sp = self._sp.get(p)
        if sp is None:
            sp, po = {}, {}
            for s, o in self._by_p.get(p, ()):
                sp.setdefault(s, []).append(o)
                po.setdefault(o, []).append(s)
            self._sp[p], self._po[p] = sp, po
        return sp, self._po[p]

    def objects(self, subject: IRI | None, predicate: IRI) -> list[Term]:
        if subject is None:
            return [o for _, o in self._by_p.get(predicate, ())]
        return list(self._index(predicate)[0].get(subject, ()))

    def value(self, subject: IRI, predicate: IRI) -> Term | None:
        found = self.objects(subject, predicate)
        if len(found) > 1:
            found.sort(key=lambda t: (str(t), repr(t)))
        return found[0] if found else None

    def subjects(self, predicate: IRI | None = None, obj: Term | None = None) -> list[IRI]:
        if predicate is None:
            return list({s for pairs in self._by_p.values() for s, _ in pairs})
        if obj is None:
            return [s for s, _ in self._by_p.get(predicate, ())]
        return list(self._index(predicate)[1].get(obj, ()))

    def subject_objects(self, predicate: IRI) -> list[tuple[IRI, Term]]:
        return list(self._by_p.get(predicate, ()))

    # -- reading the ontology
    def parse_turtle(self, path: Path) -> None:
        """Add the triples of a Turtle file (no blank nodes allowed: the exports are canonical)."""
        import pyoxigraph

        for t in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
            self.add((_term(t.subject, path), _term(t.predicate, path), _term(t.object, path)))


def _term(t, path: Path):
    import pyoxigraph

    if isinstance(t, pyoxigraph.NamedNode):
        return IRI(t.value)
    if isinstance(t, pyoxigraph.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=t.datatype.value)
    from watwerkt.errors import StoreError

    raise StoreError(f"{path.name}: a blank node or another term the canonical export does not allow: {t}")


# The standard namespaces the build writes (rdflib's names, without rdflib).
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace(XSD_BASE)
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
