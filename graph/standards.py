"""Standard vocabularies, materialised so that standard queries answer without our ontology.

The ontology already says that ``ww:anchor`` is a sub-property of ``prov:wasDerivedFrom`` and
that ``ww:Organisation`` is an ``org:Organization``, but a SPARQL engine without reasoning
does not know that. This build step, run last in :func:`watwerkt.graph.build.build_graph`,
writes the triples a researcher's tool expects:

- **PROV-O**: every claim (a node with ``ww:epistemic``) ``prov:wasDerivedFrom`` each of its
  anchors and ``prov:hadPrimarySource`` the document each anchor points into; source
  documents are ``prov:Entity``.
- **Web Annotation**: every anchor is an ``oa:SpecificResource`` (its ``oa:hasSource`` is
  already there) with an ``oa:TextPositionSelector`` (``oa:start``/``oa:end``, character
  offsets into the normalised source text) and, when the graph was built with the corpus and
  the passage is quoted, an ``oa:TextQuoteSelector`` with ``oa:exact``.
- **W3C ORG**: organisations and municipalities are ``org:Organization`` with their type as
  ``org:classification``; a person's ``ww:memberOf`` is also ``org:memberOf``.
- **DCTerms / VoID**: one ``void:Dataset`` (``id:dataset``) with its title, the source
  documents (``dcterms:source``), the licence of our coding, the build version and counts:
  ``void:triples``, ``void:entities`` and one ``void:classPartition`` per class of ours
  with instances. No timestamp: two builds stay byte-identical.

Every node written here has an IRI (no blank nodes), so the canonical N-Triples stay stable.
"""

from __future__ import annotations

from watwerkt import __version__
from watwerkt.graph.terms import DCTERMS, IRI, PROV, RDF, XSD, Graph, Literal, Namespace

WW = Namespace("https://w3id.org/watwerkt/def#")
ID = Namespace("https://w3id.org/watwerkt/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
VOID = Namespace("http://rdfs.org/ns/void#")
DATASET = ID["dataset"]
LICENCE = IRI("https://spdx.org/licenses/MIT")  # our coding; the sources keep their own rights


def add_standards(g: Graph) -> dict[str, int]:
    """Add the PROV-O, Web Annotation, ORG and VoID triples to ``g``; return what was added."""
    counts = {"prov": _prov(g), "oa": _annotation(g), "org": _org(g)}
    counts["void"] = _void(g)
    return counts


def _prov(g: Graph) -> int:
    n = 0
    for claim in sorted(set(g.subjects(WW.epistemic, None))):
        for a in sorted(g.objects(claim, WW.anchor)):
            g.add((claim, PROV.wasDerivedFrom, a))
            n += 1
            for src in g.objects(a, OA.hasSource):
                g.add((claim, PROV.hadPrimarySource, src))
    for src in g.subjects(RDF.type, WW.SourceDocument):
        g.add((src, RDF.type, PROV.Entity))
    return n


def _annotation(g: Graph) -> int:
    n = 0
    for a in sorted(set(g.subjects(RDF.type, WW.Anchor))):
        g.add((a, RDF.type, OA.SpecificResource))
        pos = IRI(f"{a}/positie")
        g.add((a, OA.hasSelector, pos))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        for p in (OA.start, OA.end):
            for v in g.objects(a, p):
                g.add((pos, p, Literal(int(v), datatype=XSD.nonNegativeInteger)))
        for quote in g.objects(a, WW.quote):
            q = IRI(f"{a}/citaat")
            g.add((a, OA.hasSelector, q))
            g.add((q, RDF.type, OA.TextQuoteSelector))
            g.add((q, OA.exact, quote))
        n += 1
    return n


def _org(g: Graph) -> int:
    orgs = set(g.subjects(RDF.type, WW.Organisation)) | set(g.subjects(RDF.type, WW.Municipality))
    for o in orgs:
        g.add((o, RDF.type, ORG.Organization))
        for t in g.objects(o, WW.organisationType):
            g.add((o, ORG.classification, t))
    for person, o in list(g.subject_objects(WW.memberOf)):
        g.add((person, ORG.memberOf, o))
    return len(orgs)


def _void(g: Graph) -> int:
    d = DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, DCTERMS.title, Literal("watwerkt: wat werkt voor wie, onder welke omstandigheden", lang="nl")))
    g.add((d, DCTERMS.title, Literal("watwerkt: what works for whom, under which circumstances", lang="en")))
    g.add((d, DCTERMS.license, LICENCE))
    g.add((d, DCTERMS.hasVersion, Literal(__version__)))
    g.add((d, VOID.uriSpace, Literal(str(ID))))
    g.add((d, VOID.vocabulary, IRI(str(WW))))
    for src in sorted(g.subjects(RDF.type, WW.SourceDocument)):
        g.add((d, DCTERMS.source, src))
    classes: dict[IRI, set] = {}
    for s, c in g.subject_objects(RDF.type):
        if isinstance(c, IRI) and str(c).startswith(str(WW)) and str(s).startswith(str(ID)):
            classes.setdefault(c, set()).add(s)
    for c in sorted(classes):
        part = ID[f"dataset/klasse/{c.removeprefix(str(WW))}"]
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], c))
        g.add((part, VOID.entities, Literal(len(classes[c]), datatype=XSD.integer)))
    g.add((d, VOID.entities, Literal(len({s for s in g.subjects() if isinstance(s, IRI)}), datatype=XSD.integer)))
    g.add((d, VOID.triples, Literal(len(g) + 1, datatype=XSD.integer)))  # this triple included
    return 1
