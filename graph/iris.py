"""The IRIs of the graph: the namespaces, and how a node's IRI is made from its id.

Every node has an IRI made from stable ids (no blank nodes), so two builds are byte-identical.
"""

from __future__ import annotations

from watwerkt.anchors import Anchor
from watwerkt.graph.terms import DCTERMS, IRI, OWL, PROV, RDFS, SKOS, XSD, Namespace

WW = Namespace("https://w3id.org/watwerkt/def#")
ID = Namespace("https://w3id.org/watwerkt/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {"ww": WW, "id": ID, "oa": OA, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
            "org": ORG, "schema": SCHEMA, "owl": OWL, "rdfs": RDFS, "xsd": XSD}


def concept(scheme: str, ident: str) -> IRI:
    return ID[f"concept/{scheme}/{ident}"]


def node(kind: str, ident: str) -> IRI:
    return ID[f"{kind}/{ident}"]


def anchor_iri(a: Anchor) -> IRI:
    return ID[f"anchor/{a.doc}-{a.start}-{a.end}"]
