"""Links the build derives from positions: which case or report part a finding concerns.

A data-quality finding is anchored in a source; when an anchor lies inside the span of a case
(or of a report part's blocks) the finding gets ``ww:concerns`` that case (or part), so
findings are reachable per case without anyone coding the link by hand.
"""

from __future__ import annotations

from watwerkt.anchors import Anchor
from watwerkt.graph.terms import RDF


def link_findings(b) -> int:
    from watwerkt.graph.build import WW, node

    spans: list[tuple[Anchor, object]] = []
    for case in b.ds.cases:
        iri = node("case", case.id)
        for a_iri in b.g.objects(iri, WW.anchor):
            text = b.g.value(a_iri, WW.anchorText)
            if text is not None:  # a case node's ww:anchor is its whole span
                spans.append((Anchor.parse(str(text)), iri))
    n = 0
    for f in [*b.ds.findings, *getattr(b.ds, "segment_findings", [])]:
        f_iri = node("bevinding-datakwaliteit", f.id)
        if (f_iri, RDF.type, WW.DataQualityFinding) not in b.g:
            continue
        for text in f.anchors:
            a = Anchor.parse(text)
            for span, case_iri in spans:
                if span.doc == a.doc and span.start <= a.start < span.end:
                    b.g.add((f_iri, WW.concerns, case_iri))
                    n += 1
    return n
