"""The property-graph mapping of the RDF graph, derived from the ontology.

:func:`to_property_graph` is a pure function: RDF triples in (the ontology's triples
included), a :class:`PropertyGraph` of nodes and relationships out, sorted, so the same triples
always give the same graph. Publishing, the exports and the HTML explorer all start from it.
The triples come as N-Triples (:func:`from_ntriples`, :func:`store_property_graph`: the
store's ``graph.nt``, parsed by Oxigraph; no rdflib on this path), as pyoxigraph triples or
quads, or as ``(subject, predicate, object)`` rdflib terms (an rdflib ``Graph``).

A literal's value follows XSD as rdflib's ``toPython`` reads it: ``xsd:boolean`` a bool, the
integer types an int, ``xsd:float``/``xsd:double`` a float, anything else (strings, decimals,
years, dates) its lexical form; a lexical form that is not valid for its type stays a string.

Rules (see docs/decisions/0004-property-graph-mapping.md):

- every node of the instance namespace (``https://w3id.org/watwerkt/id/``) becomes a node
  with the label ``Resource``, a unique ``iri`` and a short ``id`` (the IRI after ``/id/``);
- its ``rdf:type`` classes become labels: the local names of the ontology's classes
  (``Case``, ``OrganisationCase``, ``Influence``, ...) and ``Concept`` for ``skos:Concept``;
  only names declared in the ontology are used, so labels are a whitelist;
- a literal becomes a property named by the local name of its predicate; a language-tagged
  literal gets the language as suffix (``label_nl``, ``label_en``); several values become an
  array (sorted, one primitive type);
- the ontology's own terms (``ww:Case``, ``ww:angel``, ...) with a label become nodes
  ``Resource:OntologyTerm`` with their ``prefLabel_*`` and ``label_*`` only, so that a Cypher
  query finds the words for them as a SPARQL query does; they have no relationships;
- a link to a value of the ontology's fixed sets (``ww:angel``, ``ww:up``, ``ww:stated``,
  ...) becomes a string property (``polarity: "angel"``);
- any other link becomes a relationship whose type is the predicate's local name in upper
  snake case (``ww:anchor`` -> ``ANCHOR``, ``skos:inScheme`` -> ``IN_SCHEME``); relationship
  types are checked: a predicate must be a property the ontology declares, or belong to one of
  the standard vocabularies the graph reuses (:data:`STANDARD_NAMESPACES`: SKOS, DCTerms,
  PROV-O, Web Annotation, ORG, VoID); anything else fails loudly. The standard links the
  build materialises (``prov:wasDerivedFrom``, ``oa:hasSelector``, ``org:memberOf``, ...) are
  kept, so Cypher users find them as SPARQL users do; one with the same type, start and end
  as a link of ours (``org:memberOf`` and ``ww:memberOf``) is one relationship.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from watwerkt.errors import StoreError

BASE = "https://w3id.org/watwerkt/"
ID = "https://w3id.org/watwerkt/id/"
WW = "https://w3id.org/watwerkt/def#"
STANDARD_NAMESPACES = (
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/ns/org#",
    "http://rdfs.org/ns/void#",
)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SKOS_CONCEPT, SKOS_SCHEME, SKOS_IN_SCHEME = SKOS + "Concept", SKOS + "ConceptScheme", SKOS + "inScheme"
TERM_LABELS = frozenset({SKOS + "prefLabel", "http://www.w3.org/2000/01/rdf-schema#label"})
PROPERTY_TYPES = frozenset("http://www.w3.org/2002/07/owl#" + t
                           for t in ("ObjectProperty", "DatatypeProperty", "SymmetricProperty"))
XSD = "http://www.w3.org/2001/XMLSchema#"


def local(term) -> str:
    s = str(term)
    return re.split(r"[#/]", s)[-1]


def rel_type(pred) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local(pred)).upper().replace("-", "_")


def prop_name(pred, lang: str | None = None) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", local(pred))
    return f"{name}_{lang}" if lang else name


def _boolean(lexical: str) -> bool:
    return lexical.lower() in ("1", "true")  # rdflib: anything but true/1 is False


_CAST = {XSD + "boolean": _boolean, XSD + "float": float, XSD + "double": float,
         **{XSD + t: int for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                  "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                  "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}}


def literal_value(lexical: str, datatype: str | None):
    """A literal as a plain value: bool, int, float, else its lexical form as a plain ``str``."""
    cast = _CAST.get(datatype) if datatype else None
    if cast is None:
        return lexical
    try:
        return cast(lexical)
    except ValueError:
        return lexical


class Lit(tuple):
    """A literal: ``(value, language or None)``; IRIs are plain ``str``."""

    __slots__ = ()

    @property
    def value(self):
        return self[0]

    @property
    def language(self):
        return self[1]


@dataclass
class Node:
    iri: str
    labels: list[str]
    props: dict = field(default_factory=dict)


@dataclass(frozen=True, order=True)
class Rel:
    start: str
    type: str
    end: str


@dataclass
class PropertyGraph:
    nodes: list[Node]
    rels: list[Rel]

    @property
    def labels(self) -> list[str]:
        return sorted({lab for n in self.nodes for lab in n.labels})

    @property
    def rel_types(self) -> list[str]:
        return sorted({r.type for r in self.rels})


def _oxigraph_rows(triples) -> Iterable[tuple]:
    """``(s, p, o)`` with IRIs as ``str`` and literals as :class:`Lit`, from pyoxigraph triples
    or quads; a blank node becomes ``None`` (the graph has none; it maps to nothing)."""
    import pyoxigraph as ox

    named, literal = ox.NamedNode, ox.Literal
    values: dict = {}
    for t in triples:
        s, o = t.subject, t.object
        if type(o) is literal:
            key = (o.value, o.language, o.datatype.value)
            obj = values.get(key)
            if obj is None:
                obj = values[key] = Lit((literal_value(key[0], key[2]) if not key[1] else key[0], key[1]))
        else:
            obj = o.value if type(o) is named else None
        yield (s.value if type(s) is named else None, t.predicate.value, obj)


def _rdflib_rows(triples) -> Iterable[tuple]:
    """The same from rdflib terms (tested on type names: rdflib is not imported here)."""
    for s, p, o in triples:
        if hasattr(o, "datatype"):  # rdflib Literal
            dt = str(o.datatype) if o.datatype is not None else None
            obj = Lit((literal_value(str(o), dt) if not o.language else str(o), o.language or None))
        else:
            obj = str(o) if type(o).__name__ == "URIRef" else None
        yield (str(s) if type(s).__name__ == "URIRef" else None, str(p), obj)


def _rows(triples) -> Iterable[tuple]:
    it = iter(triples)
    first = next(it, None)
    if first is None:
        return iter(())
    import itertools

    chain = itertools.chain([first], it)
    if hasattr(first, "subject") and hasattr(first, "predicate"):
        return _oxigraph_rows(chain)
    return _rdflib_rows(chain)


def ontology_terms(triples: Iterable[tuple]) -> tuple[set[str], set[str]]:
    """(class local names, property local names) declared in the ontology part of ``triples``
    (rows as :func:`to_property_graph` reads them)."""
    classes: set[str] = set()
    props: set[str] = set()
    for s, p, o in triples:
        if p == RDF_TYPE and s is not None and s.startswith(WW):
            if o == OWL_CLASS:
                classes.add(local(s))
            elif o in PROPERTY_TYPES:
                props.add(local(s))
    return classes, props


def from_ntriples(data: bytes | str) -> PropertyGraph:
    """The property graph of N-Triples (the store's canonical ``graph.nt``), parsed by Oxigraph."""
    import pyoxigraph as ox

    try:
        return to_property_graph(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as exc:
        raise StoreError(f"graph.nt is not valid N-Triples: {exc}", hint="run `watwerkt build` again") from None


def store_property_graph(store: Path) -> PropertyGraph:
    """The property graph of a built store: its ``graph.nt`` (the version current when it is opened)."""
    import os

    import pyoxigraph as ox

    path = Path(os.path.realpath(Path(store) / "graph.nt"))
    try:
        with open(path, "rb") as handle:
            return to_property_graph(ox.parse(handle, format=ox.RdfFormat.N_TRIPLES))
    except FileNotFoundError:
        raise StoreError("no graph.nt in the store", where=str(store), hint="run `watwerkt build` first") from None
    except SyntaxError as exc:
        raise StoreError(f"graph.nt is not valid N-Triples: {exc}", where=str(store),
                         hint="run `watwerkt build` again") from None


def to_property_graph(triples: Iterable) -> PropertyGraph:
    """The property graph of ``triples`` (see the module docstring for the rules)."""
    rows = list(_rows(triples))
    classes, props = ontology_terms(rows)
    if not classes:
        raise StoreError("the graph holds no ontology; build it with `watwerkt build`")
    allowed_rels = {rel_type(p) for p in props}
    value_sets = {s for s, p, _ in rows if p == SKOS_IN_SCHEME and s is not None and s.startswith(WW)}
    nodes: dict[str, Node] = {}
    n_id = len(ID)
    local_of: dict[str, str] = {}
    type_of: dict[str, str] = {}
    name_of: dict[tuple, str] = {}

    def node(iri: str) -> Node:
        n = nodes.get(iri)
        if n is None:
            n = nodes[iri] = Node(iri, ["Resource"], {"iri": iri, "id": iri[n_id:]})
        return n

    multi: dict[tuple[str, str], list] = {}
    rels: set[tuple[str, str, str]] = set()  # tuples: a dataclass's hash and order cost 10x
    for s, p, o in rows:
        if s is None:
            continue
        is_lit = type(o) is Lit
        if is_lit and p in TERM_LABELS and s.startswith(WW):
            if s not in nodes:
                nodes[s] = Node(s, ["Resource", "OntologyTerm"], {"iri": s, "id": s[len(BASE):]})
            key = (p, o[1])
            name = name_of.get(key) or name_of.setdefault(key, prop_name(p, o[1]))
            multi.setdefault((s, name), []).append(o[0])
            continue
        if not s.startswith(ID):
            continue
        n = node(s)
        if p == RDF_TYPE:
            if o is None or is_lit:
                continue
            if o.startswith(WW):
                name = local_of.get(o) or local_of.setdefault(o, local(o))
                if name in classes:
                    n.labels.append(name)
            elif o == SKOS_CONCEPT:
                n.labels.append("Concept")
            elif o == SKOS_SCHEME:
                n.labels.append("ConceptScheme")
            continue
        if is_lit:
            key = (p, o[1])
            name = name_of.get(key) or name_of.setdefault(key, prop_name(p, o[1]))
            multi.setdefault((s, name), []).append(o[0])
        elif o is None:
            continue
        elif o in value_sets:
            key = (p, None)
            name = name_of.get(key) or name_of.setdefault(key, prop_name(p))
            multi.setdefault((s, name), []).append(local_of.get(o) or local_of.setdefault(o, local(o)))
        elif o.startswith(ID):
            t = type_of.get(p)
            if t is None:
                t = rel_type(p)
                if t not in allowed_rels and not p.startswith(STANDARD_NAMESPACES):
                    raise StoreError(f"relationship type {t} is not in the ontology", where=p)
                type_of[p] = t
            node(o)
            rels.add((s, t, o))
    for (iri, name), values in multi.items():
        if len(values) == 1:
            nodes[iri].props[name] = values[0]
            continue
        values = sorted(set(values), key=lambda v: (str(type(v)), v))
        if len({type(v) for v in values}) > 1:
            values = [str(v) for v in values]
        nodes[iri].props[name] = values[0] if len(values) == 1 else values
    for n in nodes.values():
        n.labels = ["Resource"] + sorted(set(n.labels) - {"Resource"})
    return PropertyGraph(sorted(nodes.values(), key=lambda n: n.iri), [Rel(*r) for r in sorted(rels)])
