"""Segment the book of practice cases into cases, sections and blocks of running text.

The book is a PDF extraction: page furniture (running heads printed one letter per line,
page numbers, pull quotes that repeat the body, photo captions that list people) is mixed
into the text. The segmenter classifies every raw line, finds the section headings of each
case, and keeps a section as a list of *blocks*: raw spans of running text with the
furniture left out. Contact blocks and contact lines are marked personal and never used
downstream. ``data/book.yaml`` lists the cases in book order and the few places where the
print is damaged (overrides, stray fragments, displaced headlines); each becomes a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from watwerkt.errors import CorpusError, DataError
from watwerkt.ingest.segments.lines import (
    CAPTION,
    UPPER_LINE,
    Span,
    anchors,
    is_short,
    personal_lines,
    span_of,
    split_lines,
    trim,
)
from watwerkt.ingest.segments.records import CaseSegment, Section, Segmentation, SegmentFinding

HEADINGS = [
    (re.compile(r"^\s*ONTWIKKELING EN MOBILITEIT (IN|BIJ)\b"), "aanpak"),
    (re.compile(r"^\s*HOE PAKTE\b.*\bHET AAN\?"), "aanpak"),
    (re.compile(r"^\s*WAT LEVERT HET\b"), "opbrengst"),
    (re.compile(r"^\s*WAAR ?ZIT VOOR\b"), "opbrengst"),
    (re.compile(r"^\s*WAAROM (IS|ZIJN)\b"), "aanleiding"),
    (re.compile(r"^\s*WAT HIELP BIJ\b"), "wat-hielp"),
    (re.compile(r"^\s*ENGELEN EN BEREN\s*$"), "engelen-beren"),
    (re.compile(r"^\s*REFLECTIE VAN DE ONDERZOEKERS?\s*$"), "reflectie"),
    (re.compile(r"^\s*CONTACTGEGEVENS\s*$"), "contact"),
]


@dataclass
class _Line:
    kind: str  # blank | text | furniture | heading | personal
    section: str | None = None  # for headings
    continued: bool = False  # heading continuation line


def _classify_book(lines) -> list[_Line]:
    n = len(lines)
    cls = [_Line("blank" if not t.strip() else "text") for _s, _e, t in lines]
    personal = personal_lines(lines)
    for i in personal:
        cls[i] = _Line("personal")
    # headings, including a second line that continues an unfinished heading
    for i, (_s, _e, t) in enumerate(lines):
        for rx, sec in HEADINGS:
            if rx.search(t):
                cls[i] = _Line("heading", sec)
                needs_more = (sec not in ("engelen-beren", "reflectie", "contact")
                              and not t.strip().endswith("?")
                              and not re.search(r"(IN|BIJ) \S+", t.strip()[28:] or ""))
                if needs_more and i + 1 < n and UPPER_LINE.match(lines[i + 1][2]) and lines[i + 1][2].strip():
                    cls[i + 1] = _Line("heading", sec, continued=True)
                break
    # running heads: letters one per line, page numbers, and the lower-case fragments a
    # vertical head breaks into
    in_zone = False
    for i, (_s, _e, t) in enumerate(lines):
        s = t.strip()
        if cls[i].kind in ("heading", "personal"):
            in_zone = False
            continue
        if not s:
            continue
        if is_short(s):
            cls[i] = _Line("furniture")
            in_zone = True
        elif in_zone and len(s) <= 25 and s[0].islower() and not s.endswith((".", "?", "!")):
            cls[i] = _Line("furniture")
        else:
            in_zone = False
    # photo captions
    for i, (_s, _e, t) in enumerate(lines):
        if CAPTION.search(t):
            j = i
            while j < n and j < i + 5 and lines[j][2].strip() and cls[j].kind != "heading":
                cls[j] = _Line("furniture")
                if lines[j][2].rstrip().endswith("."):
                    break
                j += 1
    # pull quotes: a paragraph of short lines opening with “ and closing with ”
    i = 0
    while i < n:
        s = lines[i][2].strip()
        if cls[i].kind == "text" and s.startswith(("“", '"')) and (i == 0 or cls[i - 1].kind == "blank"):
            j, ok = i, False
            while j < n and j < i + 12 and cls[j].kind == "text" and len(lines[j][2].strip()) <= 36:
                if lines[j][2].strip().endswith(("”", '"')) and (j > i or len(s) > 1):
                    ok = True
                    break
                j += 1
            if ok:
                for k in range(i, j + 1):
                    cls[k] = _Line("furniture")
                i = j + 1
                continue
        i += 1
    # the contact block after CONTACTGEGEVENS: names, phone and e-mail lines
    for i in range(n):
        if cls[i].kind == "heading" and cls[i].section == "contact":
            j = i + 1
            while j < n:
                t = lines[j][2]
                if CAPTION.search(t):
                    break
                if cls[j].kind == "personal" or not t.strip():
                    j += 1
                    continue
                nxt = next((k for k in range(j + 1, min(n, j + 3)) if lines[k][2].strip()), None)
                if nxt is not None and cls[nxt].kind == "personal":
                    cls[j] = _Line("personal")  # the name line of a contact
                    j += 1
                    continue
                break
    return cls


def _blocks(lines, cls, lo: int, hi: int) -> tuple[Span, ...]:
    """Runs of running text in lines [lo, hi), furniture and blank lines left out."""
    out: list[Span] = []
    cur: list[Span] = []
    for i in range(lo, hi):
        k = cls[i].kind
        if k == "text":
            b = trim(lines[i])
            if b:
                cur.append(b)
        elif k == "blank":
            continue
        else:
            if cur:
                out.append((cur[0][0], cur[-1][1]))
                cur = []
    if cur:
        out.append((cur[0][0], cur[-1][1]))
    return tuple(out)


def load_book_manifest(data_dir: Path) -> dict:
    """``data/book.yaml``: the cases in book order and the damaged places of the print."""
    import yaml

    path = data_dir / "book.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError("the list of book cases is missing", where=str(path)) from exc


def _finding(doc, kind: str, span: Span, about: str) -> SegmentFinding:
    return SegmentFinding(kind, doc.anchor(*span), about)


def segment_book(doc, manifest: dict) -> Segmentation:
    """Cases, their sections and the personal lines of the book (a corpus Document)."""
    lines = split_lines(doc.raw)
    cls = _classify_book(lines)
    seg = Segmentation(doc.key, doc.info.sha256)
    overrides = {o["line"]: o for o in manifest.get("overrides", [])}
    for lineno, o in overrides.items():
        i = lineno - 1
        if cls[i].kind != "heading":
            raise DataError(f"override names line {lineno}, which is not a heading",
                            where=f"{doc.info.file}:{lineno}")
        cls[i] = _Line("heading", o["section"])
        seg.findings.append(_finding(
            doc, o.get("finding", "kop-beschadigd"), span_of(lines[i]),
            f"heading read as '{o['section']}' instead of what it prints"))
    displaced: dict[str, list[int]] = {}
    for entry in manifest["cases"]:
        for lineno in entry.get("furniture", []):
            cls[lineno - 1] = _Line("furniture")
            seg.findings.append(_finding(
                doc, "tekst-verminkt", span_of(lines[lineno - 1]),
                f"case {entry['id']}: stray fragment of a running head before the headline"))
        if "headline" in entry:
            a, b = entry["headline"]
            idx = [i for i in range(a - 1, b) if lines[i][2].strip()]
            displaced[entry["id"]] = idx
            for i in range(a - 1, b):
                cls[i] = _Line("furniture")
            seg.findings.append(_finding(
                doc, "kop-in-lopende-tekst", (span_of(lines[idx[0]])[0], span_of(lines[idx[-1]])[1]),
                f"case {entry['id']}: the headline is printed inside the body text"))
    heads = [i for i, c in enumerate(cls) if c.kind == "heading" and not c.continued]
    eb = [i for i in heads if cls[i].section == "engelen-beren"]
    entries = manifest["cases"]
    if len(eb) != len(entries):
        raise CorpusError(f"found {len(eb)} angels-and-bears sections, the book lists {len(entries)} cases",
                          where=doc.info.file)
    captions = [i for i, (_s, _e, t) in enumerate(lines) if CAPTION.search(t)]
    starts: list[int] = []
    prev_eb = -1
    for k, entry in enumerate(entries):
        body = next(i for i in heads if i > prev_eb and cls[i].section == "aanpak")
        cap = next((c for c in captions if prev_eb < c < body), None)
        if cap is not None and entry["kind"] == "organisation":
            start = cap
        elif k == 0:
            start = 0
        else:
            # right after the previous case's contact block (or its last text line)
            last_contact = max((i for i in heads if prev_eb < i < body and cls[i].section == "contact"), default=None)
            j = last_contact if last_contact is not None else prev_eb
            j += 1
            while j < body and cls[j].kind in ("personal", "blank"):
                j += 1
            start = j
        starts.append(start)
        prev_eb = eb[k]
    ends = starts[1:] + [len(lines)]
    for k, entry in enumerate(entries):
        seg.cases.append(_segment_case(doc, lines, cls, entry, starts[k], ends[k], heads, seg,
                                       displaced.get(entry["id"])))
    seg.personal = list(anchors(doc, (b for i, c in enumerate(cls)
                                      if c.kind == "personal" and (b := trim(lines[i])))))
    return seg


def _segment_case(doc, lines, cls, entry, lo, hi, heads, seg, displaced=None) -> CaseSegment:
    case_heads = [i for i in heads if lo <= i < hi]
    first_head = case_heads[0]
    # the headline: after the caption, before the lead paragraph
    i = lo
    while i < first_head and cls[i].kind in ("furniture", "blank", "personal"):
        i += 1
    title_lines: list[int] = list(displaced or [])
    first_name = entry["subject"].split()[0]
    while i < first_head and not displaced:
        t = lines[i][2]
        s = t.strip()
        if cls[i].kind in ("blank", "furniture"):
            i += 1
            continue
        if entry["kind"] == "employee":
            if s.startswith(first_name) and title_lines:
                break
        elif len(s) > 30 and title_lines:
            break
        title_lines.append(i)
        i += 1
    title = anchors(doc, (b for j in title_lines if (b := trim(lines[j]))))
    sections = [Section("inleiding", None, anchors(doc, _blocks(lines, cls, i, first_head)))]
    seen: dict[str, int] = {}
    for n, h in enumerate(case_heads):
        nxt = case_heads[n + 1] if n + 1 < len(case_heads) else hi
        sec = cls[h].section
        hend = h + 1
        while hend < hi and cls[hend].kind == "heading" and cls[hend].continued:
            hend += 1
        heading = (span_of(lines[h])[0], span_of(lines[hend - 1])[1])
        if sec in seen:
            seg.findings.append(_finding(doc, "kop-dubbel", heading,
                                         f"case {entry['id']}: second '{sec}' heading"))
        seen[sec] = h
        personal = sec == "contact"
        blocks = () if personal else anchors(doc, _blocks(lines, cls, hend, nxt))
        sections.append(Section(sec, doc.anchor(*heading), blocks, personal))
    end = lines[hi - 1][1] if hi - 1 < len(lines) else len(doc.raw)
    return CaseSegment(entry["number"], entry["id"], entry["kind"], entry["subject"],
                       doc.anchor(lines[lo][0], end), title, tuple(sections))


