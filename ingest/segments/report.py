"""Segment the research report: numbered chapters and sections; tables and figures apart.

The table of contents at the end of the extraction (lines opening with a tab and a number)
is left out. A flattened table or figure ends where long lines of prose resume.
"""

from __future__ import annotations

import re

from watwerkt.ingest.segments.lines import anchors, personal_lines, runs, split_lines, trim
from watwerkt.ingest.segments.records import Part, Segmentation

NUMBERED = re.compile(r"^\s*(\d+\.\d+(?:\.\d+)*|\d+(?=\.\s))\.?\s+[A-ZÀ-Ý]")
TABLE = re.compile(r"^(Tabel|Figuur)\s+(\d+\.\d+)\b")


def segment_report(doc) -> Segmentation:
    """Numbered chapters and sections; tables and figures as segments of their own."""
    lines = split_lines(doc.raw)
    personal = personal_lines(lines)
    seg = Segmentation(doc.key, doc.info.sha256)
    toc = next((i for i, (_s, _e, t) in enumerate(lines) if t.startswith("\t") and NUMBERED.match(t.strip())),
               len(lines))
    marks: list[tuple[int, str, str]] = []  # (line, id, type)
    seen_ids: set[str] = set()
    for i, (_s, _e, t) in enumerate(lines[:toc]):
        m = NUMBERED.match(t)
        chapter = m and "." not in m.group(1)
        if m and chapter and (len(t.strip()) >= 70 or ":" in t):
            m = None  # "4. Term: explanation ..." is a numbered list item, not a chapter
        if m and len(t) < 100 and m.group(1) not in seen_ids:
            seen_ids.add(m.group(1))
            marks.append((i, f"sectie-{m.group(1)}", "sectie"))
        m = TABLE.match(t)
        if m:
            marks.append((i, f"{m.group(1).lower()}-{m.group(2)}", m.group(1).lower()))
    for n, (i, ident, typ) in enumerate(marks):
        hi = marks[n + 1][0] if n + 1 < len(marks) else toc
        if typ != "sectie":
            # a flattened table ends where long prose lines resume
            j = i + 1
            while j < hi and len(lines[j][2]) < 90:
                j += 1
            hi = j
        blocks = runs(lines, range(i, hi), personal)
        if blocks:
            seg.parts.append(Part(ident, typ, anchors(doc, blocks)))
    seg.personal = list(anchors(doc, (b for k in sorted(personal) if (b := trim(lines[k])))))
    return seg
