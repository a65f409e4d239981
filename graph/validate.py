"""Validate a built graph: SHACL shapes, anchors against the corpus, personal data.

Every problem is a :class:`~watwerkt.ingest.checks.Problem` printed as ``where: message``.
``where`` is the short name of the node (``id:invloed/oss-bezuinigingen``) or, for an
anchor that does not match the corpus, the raw file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import SH

from watwerkt.anchors import Anchor
from watwerkt.errors import WatwerktError
from watwerkt.graph import iris
from watwerkt.ingest.checks import Problem
from watwerkt.ingest.corpus import Corpus

# rdflib terms of our namespaces: validation reads the store's N-Triples into an rdflib graph
WW, ID, OA = (Namespace(str(ns)) for ns in (iris.WW, iris.ID, iris.OA))
SHAPES = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\b0\d{1,3}\s?-\s?\d{2,3}\s?\d{2}\s?\d{2}\b|\b06\s?-\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b")


def short(term) -> str:
    s = str(term)
    for prefix, ns in (("id:", str(ID)), ("ww:", str(WW))):
        if s.startswith(ns):
            return prefix + s[len(ns):]
    return s


def shacl_problems(g: Graph, shapes: Path = SHAPES) -> list[Problem]:
    from pyshacl import validate

    shapes_graph = Graph().parse(shapes, format="turtle")
    conforms, report, _text = validate(g, shacl_graph=shapes_graph, inference="none",
                                       allow_warnings=True, advanced=True)
    if conforms:
        return []
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        value = report.value(r, SH.value)
        text = str(msg) if msg else "does not conform"
        if path is not None:
            text = f"{short(path)}: {text}"
        if value is not None:
            shown = short(value)
            text += f" (value {shown[:60] + '…' if len(shown) > 60 else shown})"
        out.append(Problem(short(focus), text))
    return sorted(set(out))


def anchor_problems(g: Graph, corpus: Corpus) -> list[Problem]:
    out = []
    for a in sorted(set(g.subjects(RDF.type, WW.Anchor))):
        src, start, end, sha = (g.value(a, OA.hasSource), g.value(a, OA.start), g.value(a, OA.end),
                                g.value(a, WW.spanHash))
        if None in (src, start, end, sha):
            continue  # SHACL reports the missing parts
        doc_key = str(src).rsplit("/", 1)[-1]
        try:
            corpus.verify(Anchor(doc_key, int(start), int(end), str(sha)))
        except WatwerktError as exc:  # every failure is reported, none stops the run
            out.append(Problem(short(a), str(exc)))
    return out


def personal_data_problems(g: Graph) -> list[Problem]:
    out = []
    for s, p, o in g:
        if isinstance(o, URIRef):
            continue
        text = str(o)
        if EMAIL.search(text) or PHONE.search(text):
            out.append(Problem(short(s), f"{short(p)} holds contact details"))
    return sorted(set(out))


def validate_graph(g: Graph, corpus: Corpus | None) -> list[Problem]:
    problems = shacl_problems(g) + personal_data_problems(g)
    if corpus is not None:
        problems += anchor_problems(g, corpus)
    return problems
