"""Segment a web article: a short line standing alone between blank lines opens a section."""

from __future__ import annotations

from watwerkt.ingest.segments.lines import anchors, personal_lines, runs, split_lines, trim
from watwerkt.ingest.segments.records import Part, Segmentation


def segment_article(doc) -> Segmentation:
    """Sections of a web article, numbered ``sectie-1``, ``sectie-2``, ... in reading order."""
    lines = split_lines(doc.raw)
    personal = personal_lines(lines)
    seg = Segmentation(doc.key, doc.info.sha256)
    heads = [0]
    for i, (_s, _e, t) in enumerate(lines):
        s = t.strip()
        prev_blank = i == 0 or not lines[i - 1][2].strip()
        next_blank = i + 1 >= len(lines) or not lines[i + 1][2].strip()
        if i and s and prev_blank and next_blank and len(s) < 60 and not s.endswith((".", '"', "”", ":")):
            heads.append(i)
    heads = sorted(set(heads))
    for n, h in enumerate(heads):
        hi = heads[n + 1] if n + 1 < len(heads) else len(lines)
        blocks = runs(lines, range(h, hi), personal)
        if blocks:
            seg.parts.append(Part(f"sectie-{n + 1}", "sectie", anchors(doc, blocks)))
    seg.personal = list(anchors(doc, (b for k in sorted(personal) if (b := trim(lines[k])))))
    return seg
