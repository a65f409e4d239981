"""The segmenter's findings as data-quality :class:`~watwerkt.records.Finding` records."""

from __future__ import annotations

from watwerkt.anchors import Anchor
from watwerkt.ingest.segments.records import Segmentation
from watwerkt.records import Finding, Text


def segment_findings(segmentations: dict[str, Segmentation], coded=()) -> list[Finding]:
    """Findings the segmenter made (damaged headings and the like), as Finding records.

    A segmenter finding whose span a coded finding already covers is left out, so the
    data-quality report names each problem once. Ids count up over the documents in order.
    """
    covered = [Anchor.parse(a) for f in coded for a in f.anchors]
    out = []
    n = 0
    for seg in segmentations.values():
        for f in seg.findings:
            n += 1
            if any(c.overlaps(f.anchor) for c in covered):
                continue
            out.append(Finding(
                id=f"segmentatie-{n:02d}", kind=f.kind,
                description=Text(nl=f"Segmentatie: {f.about}", en=f"Segmentation: {f.about}"),
                anchors=[str(f.anchor)], severity="warning"))
    return out
