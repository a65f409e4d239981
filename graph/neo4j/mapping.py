"""The property-graph mapping of the RDF graph, derived from the ontology.

:func:`to_property_graph` is a pure function: RDF triples in (an rdflib ``Graph`` or any
iterable of ``(subject, predicate, object)`` rdflib terms, the ontology's triples included),
a :class:`PropertyGraph` of nodes and relationships out, sorted, so the same triples always
give the same graph. Publishing, the exports and the HTML explorer all start from it.

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

from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

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


def local(term) -> str:
    s = str(term)
    return re.split(r"[#/]", s)[-1]


def rel_type(pred) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local(pred)).upper().replace("-", "_")


def prop_name(pred, lang: str | None = None) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", local(pred))
    return f"{name}_{lang}" if lang else name


def _python(lit: Literal):
    """A literal as a plain value: bool, int, float, else its lexical form as a plain ``str``."""
    v = lit.toPython()
    if isinstance(v, bool | int | float):
        return v
    return str(v) if isinstance(v, str) else str(lit)


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


TERM_LABELS = (SKOS.prefLabel, RDFS.label)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.SymmetricProperty)


def ontology_terms(triples: Iterable[tuple]) -> tuple[set[str], set[str]]:
    """(class local names, property local names) declared in the ontology part of ``triples``."""
    classes: set[str] = set()
    props: set[str] = set()
    for s, p, o in triples:
        if p == RDF.type and str(s).startswith(WW):
            if o == OWL.Class:
                classes.add(local(s))
            elif o in PROPERTY_TYPES:
                props.add(local(s))
    return classes, props


def to_property_graph(triples: Iterable[tuple]) -> PropertyGraph:
    """The property graph of ``triples`` (see the module docstring for the rules)."""
    triples = list(triples)
    classes, props = ontology_terms(triples)
    if not classes:
        raise StoreError("the graph holds no ontology; build it with `watwerkt build`")
    allowed_rels = {rel_type(p) for p in props}
    value_sets = {str(s) for s, p, _ in triples if p == SKOS.inScheme and str(s).startswith(WW)}
    nodes: dict[str, Node] = {}

    def node(iri: str) -> Node:
        if iri not in nodes:
            nodes[iri] = Node(iri, ["Resource"], {"iri": iri, "id": iri[len(ID):]})
        return nodes[iri]

    multi: dict[tuple[str, str], list] = {}
    rels: set[Rel] = set()
    for s, p, o in triples:
        if isinstance(s, URIRef) and str(s).startswith(WW) and p in TERM_LABELS and isinstance(o, Literal):
            if str(s) not in nodes:
                nodes[str(s)] = Node(str(s), ["Resource", "OntologyTerm"], {"iri": str(s), "id": str(s)[len(BASE):]})
            multi.setdefault((str(s), prop_name(p, o.language)), []).append(_python(o))
            continue
        if not (isinstance(s, URIRef) and str(s).startswith(ID)):
            continue
        n = node(str(s))
        if p == RDF.type:
            if str(o).startswith(WW) and local(o) in classes:
                n.labels.append(local(o))
            elif o == SKOS.Concept:
                n.labels.append("Concept")
            elif o == SKOS.ConceptScheme:
                n.labels.append("ConceptScheme")
            continue
        if isinstance(o, Literal):
            multi.setdefault((str(s), prop_name(p, o.language)), []).append(_python(o))
        elif str(o) in value_sets:
            multi.setdefault((str(s), prop_name(p)), []).append(local(o))
        elif str(o).startswith(ID):
            t = rel_type(p)
            if t not in allowed_rels and not str(p).startswith(STANDARD_NAMESPACES):
                raise StoreError(f"relationship type {t} is not in the ontology", where=str(p))
            node(str(o))
            rels.add(Rel(str(s), t, str(o)))
    for (iri, name), values in multi.items():
        values = sorted(set(values), key=lambda v: (str(type(v)), v))
        if len({type(v) for v in values}) > 1:
            values = [str(v) for v in values]
        nodes[iri].props[name] = values[0] if len(values) == 1 else values
    for n in nodes.values():
        n.labels = ["Resource"] + sorted(set(n.labels) - {"Resource"})
    return PropertyGraph(sorted(nodes.values(), key=lambda n: n.iri), sorted(rels))
