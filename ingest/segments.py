"""Segment the source documents into cases, sections and blocks of running text.

The book is a PDF extraction: page furniture (running heads printed one letter per line,
page numbers, pull quotes that repeat the body, photo captions that list people) is mixed
into the text. The segmenter classifies every raw line, finds the section headings of each
case, and keeps a section as a list of *blocks*: raw spans of running text with the
furniture left out. Contact blocks and contact lines are marked personal and never used
downstream.

The result is written, as anchors only (no text), to ``data/segments/*.yaml`` by
``watwerkt segment`` so the graph can be built without the corpus; ``--check-only`` tells
whether that file is still what the segmenter produces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from watwerkt.errors import CorpusError, DataError
from watwerkt.ingest.corpus import Anchor, Corpus, Document

# ------------------------------------------------------------------ records


@dataclass(frozen=True)
class Block:
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    type: str  # see SECTION_TYPES
    heading: Block | None
    blocks: tuple[Block, ...]
    personal: bool = False


@dataclass(frozen=True)
class CaseSegment:
    number: int
    id: str
    kind: str  # organisation | employee
    subject: str
    start: int
    end: int
    title: tuple[Block, ...]
    sections: tuple[Section, ...]

    def section(self, type_: str) -> Section | None:
        return next((s for s in self.sections if s.type == type_), None)


@dataclass(frozen=True)
class SegmentFinding:
    kind: str
    start: int
    end: int
    message: str


@dataclass
class Segmentation:
    doc: str
    cases: list[CaseSegment] = field(default_factory=list)
    parts: list[tuple[str, str, tuple[Block, ...]]] = field(default_factory=list)  # (id, type, blocks)
    personal: list[Block] = field(default_factory=list)
    findings: list[SegmentFinding] = field(default_factory=list)


SECTION_TYPES = {
    "inleiding": ("introduction", "Inleiding"),
    "aanpak": ("how it was done", "Aanpak"),
    "opbrengst": ("what it yields", "Wat levert het op"),
    "aanleiding": ("why they started", "Waarom aan de slag"),
    "wat-hielp": ("what helped", "Wat hielp"),
    "engelen-beren": ("angels and bears", "Engelen en beren"),
    "reflectie": ("the researchers' reflection", "Reflectie van de onderzoeker(s)"),
    "contact": ("contact block (personal data)", "Contactgegevens"),
}

# ------------------------------------------------------------------ line classes

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
CAPTION = re.compile(r"^\s*Van [lL]inks naar rechts\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(^|\s)[TM]\s?\d{2,4}\s?-\s?[\d ]{6,}|\b0\d{1,3}\s?-\s?\d{3}\s?\d{2}\s?\d{2}\b|\b06\s?-\s?[\d ]{8,}")
UPPER_LINE = re.compile(r"^[\sA-ZÀ-Ý0-9‘’'&!?,.()-]+$")


def _is_short(s: str) -> bool:
    """A letter of a vertical running head, a page number, a stray symbol."""
    t = s.strip()
    return 0 < len(t) <= 2 or (len(t) == 3 and not any(c.islower() for c in t))


def _lines(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every raw line, end excluding the newline."""
    out, pos = [], 0
    for line in raw.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _trim(line: tuple[int, int, str]) -> Block | None:
    start, _end, text = line
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    return Block(start + lead, start + lead + len(stripped))


def _personal_lines(lines) -> set[int]:
    return {i for i, (_s, _e, t) in enumerate(lines) if EMAIL.search(t) or PHONE.search(t)}


# ------------------------------------------------------------------ the book


@dataclass
class _Line:
    kind: str  # blank | text | furniture | heading | personal
    section: str | None = None  # for headings
    continued: bool = False  # heading continuation line


def _classify_book(lines) -> list[_Line]:
    n = len(lines)
    cls = [_Line("blank" if not t.strip() else "text") for _s, _e, t in lines]
    personal = _personal_lines(lines)
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
        if _is_short(s):
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


def _blocks(lines, cls, lo: int, hi: int) -> tuple[Block, ...]:
    """Runs of running text in lines [lo, hi), furniture and blank lines left out."""
    out: list[Block] = []
    cur: list[Block] = []
    for i in range(lo, hi):
        k = cls[i].kind
        if k == "text":
            b = _trim(lines[i])
            if b:
                cur.append(b)
        elif k == "blank":
            continue
        else:
            if cur:
                out.append(Block(cur[0].start, cur[-1].end))
                cur = []
    if cur:
        out.append(Block(cur[0].start, cur[-1].end))
    return tuple(out)


def _load_book_manifest(data_dir: Path) -> dict:
    path = data_dir / "book.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError("the list of book cases is missing", where=str(path)) from exc


def segment_book(doc: Document, manifest: dict) -> Segmentation:
    lines = _lines(doc.raw)
    cls = _classify_book(lines)
    seg = Segmentation(doc.key)
    overrides = {o["line"]: o for o in manifest.get("overrides", [])}
    for lineno, o in overrides.items():
        i = lineno - 1
        if cls[i].kind != "heading":
            raise DataError(f"override names line {lineno}, which is not a heading",
                            where=f"{doc.info.file}:{lineno}")
        s, e, _t = lines[i]
        cls[i] = _Line("heading", o["section"])
        seg.findings.append(SegmentFinding(
            o.get("finding", "kop-beschadigd"), *_span(lines[i]),
            f"heading read as '{o['section']}' instead of what it prints"))
    displaced: dict[str, list[int]] = {}
    for entry in manifest["cases"]:
        for lineno in entry.get("furniture", []):
            cls[lineno - 1] = _Line("furniture")
            seg.findings.append(SegmentFinding(
                "tekst-verminkt", *_span(lines[lineno - 1]),
                f"case {entry['id']}: stray fragment of a running head before the headline"))
        if "headline" in entry:
            a, b = entry["headline"]
            idx = [i for i in range(a - 1, b) if lines[i][2].strip()]
            displaced[entry["id"]] = idx
            for i in range(a - 1, b):
                cls[i] = _Line("furniture")
            seg.findings.append(SegmentFinding(
                "kop-in-lopende-tekst", _span(lines[idx[0]])[0], _span(lines[idx[-1]])[1],
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
    seg.personal = [b for i, c in enumerate(cls) if c.kind == "personal" and (b := _trim(lines[i]))]
    return seg


def _span(line) -> tuple[int, int]:
    b = _trim(line)
    return (b.start, b.end) if b else (line[0], line[1])


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
    title = tuple(b for j in title_lines if (b := _trim(lines[j])))
    sections = [Section("inleiding", None, _blocks(lines, cls, i, first_head))]
    seen: dict[str, int] = {}
    for n, h in enumerate(case_heads):
        nxt = case_heads[n + 1] if n + 1 < len(case_heads) else hi
        sec = cls[h].section
        hend = h + 1
        while hend < hi and cls[hend].kind == "heading" and cls[hend].continued:
            hend += 1
        heading = Block(_span(lines[h])[0], _span(lines[hend - 1])[1])
        if sec in seen:
            seg.findings.append(SegmentFinding("kop-dubbel", heading.start, heading.end,
                                               f"case {entry['id']}: second '{sec}' heading"))
        seen[sec] = h
        personal = sec == "contact"
        blocks = () if personal else _blocks(lines, cls, hend, nxt)
        sections.append(Section(sec, heading, blocks, personal))
    return CaseSegment(entry["number"], entry["id"], entry["kind"], entry["subject"],
                       lines[lo][0], lines[hi - 1][1] if hi - 1 < len(lines) else len(doc.raw),
                       title, tuple(sections))


# ------------------------------------------------------------------ report and articles

NUMBERED = re.compile(r"^\s*(\d+\.\d+(?:\.\d+)*|\d+(?=\.\s))\.?\s+[A-ZÀ-Ý]")
TABLE = re.compile(r"^(Tabel|Figuur)\s+(\d+\.\d+)\b")


def _runs(lines, indices, skip: set[int]) -> tuple[Block, ...]:
    """Blocks of consecutive lines, split wherever a personal line is left out."""
    out: list[Block] = []
    cur: list[Block] = []
    for k in indices:
        if k in skip:
            if cur:
                out.append(Block(cur[0].start, cur[-1].end))
            cur = []
            continue
        b = _trim(lines[k])
        if b:
            cur.append(b)
    if cur:
        out.append(Block(cur[0].start, cur[-1].end))
    return tuple(out)


def segment_report(doc: Document) -> Segmentation:
    """Numbered chapters and sections; tables and figures as segments of their own."""
    lines = _lines(doc.raw)
    personal = _personal_lines(lines)
    seg = Segmentation(doc.key)
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
        blocks = _runs(lines, range(i, hi), personal)
        if blocks:
            seg.parts.append((ident, typ, blocks))
    seg.personal = [b for k in sorted(personal) if (b := _trim(lines[k]))]
    return seg


def segment_article(doc: Document) -> Segmentation:
    """Sections of a web article: a short line standing alone opens a section."""
    lines = _lines(doc.raw)
    personal = _personal_lines(lines)
    seg = Segmentation(doc.key)
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
        blocks = _runs(lines, range(h, hi), personal)
        if blocks:
            seg.parts.append((f"sectie-{n + 1}", "sectie", blocks))
    seg.personal = [b for k in sorted(personal) if (b := _trim(lines[k]))]
    return seg


def segment_corpus(corpus: Corpus, data_dir: Path) -> dict[str, Segmentation]:
    manifest = _load_book_manifest(data_dir)
    out = {}
    for doc in corpus:
        if doc.info.kind == "book":
            out[doc.key] = segment_book(doc, manifest)
        elif doc.info.kind == "report":
            out[doc.key] = segment_report(doc)
        else:
            out[doc.key] = segment_article(doc)
    return out


# ------------------------------------------------------------------ serialisation

HEADER = ("# Generated by `watwerkt segment` from the corpus; do not edit.\n"
          "# Spans are anchors into the raw source file (doc:start-end#sha256-prefix).\n")


def _a(doc: Document, b: Block) -> str:
    return str(doc.anchor(b.start, b.end))


def to_yaml(seg: Segmentation, doc: Document) -> str:
    data: dict = {"doc": seg.doc, "sha256": doc.info.sha256}
    if seg.cases:
        data["cases"] = [{
            "number": c.number, "id": c.id, "kind": c.kind, "subject": c.subject,
            "span": _a(doc, Block(c.start, c.end)),
            "title": [_a(doc, b) for b in c.title],
            "sections": [{
                "type": s.type,
                **({"heading": _a(doc, s.heading)} if s.heading else {}),
                **({"personal": True} if s.personal else {}),
                "blocks": [_a(doc, b) for b in s.blocks],
            } for s in c.sections],
        } for c in seg.cases]
    if seg.parts:
        data["parts"] = [{"id": i, "type": t, "blocks": [_a(doc, b) for b in bl]} for i, t, bl in seg.parts]
    data["personal"] = [_a(doc, b) for b in seg.personal]
    if seg.findings:
        data["findings"] = [{"kind": f.kind, "anchor": _a(doc, Block(f.start, f.end)), "about": f.message}
                            for f in seg.findings]
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_segments(corpus_dir: Path | None, data_dir: Path, *, check_only: bool = False) -> list[Path]:
    """Write data/segments/<doc>.yaml for every document; return the files that changed."""
    from watwerkt.graph.atomic import atomic_write_text

    corpus = Corpus.open(corpus_dir, data_dir)
    changed = []
    for key, seg in segment_corpus(corpus, data_dir).items():
        path = data_dir / "segments" / f"{key}.yaml"
        text = to_yaml(seg, corpus.get(key))
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(path)
            if not check_only:
                atomic_write_text(path, text)
    return changed


# ------------------------------------------------------------------ reading back


@dataclass(frozen=True)
class StoredSection:
    type: str
    heading: Anchor | None
    blocks: tuple[Anchor, ...]
    personal: bool


@dataclass(frozen=True)
class StoredCase:
    number: int
    id: str
    kind: str
    subject: str
    span: Anchor
    title: tuple[Anchor, ...]
    sections: tuple[StoredSection, ...]

    def section(self, type_: str) -> StoredSection | None:
        return next((s for s in self.sections if s.type == type_), None)


def load_book_segments(data_dir: Path) -> list[StoredCase]:
    path = data_dir / "segments" / "boek.yaml"
    if not path.exists():
        raise DataError("the book's segmentation is missing", where=str(path),
                        hint="run `watwerkt segment` with the corpus")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for c in raw.get("cases", []):
        out.append(StoredCase(
            c["number"], c["id"], c["kind"], c["subject"], Anchor.parse(c["span"]),
            tuple(Anchor.parse(a) for a in c["title"]),
            tuple(StoredSection(s["type"], Anchor.parse(s["heading"]) if s.get("heading") else None,
                                tuple(Anchor.parse(a) for a in s["blocks"]), bool(s.get("personal")))
                  for s in c["sections"]),
        ))
    return out


def load_segment_file(data_dir: Path, key: str) -> dict:
    path = data_dir / "segments" / f"{key}.yaml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
