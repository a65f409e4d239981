"""Coverage and data-quality reports.

- Per case, the number of claims of each kind.
- Every sentence of an angels-and-bears section that no claim anchors. A sentence counts as
  covered when any anchor of the case (of any claim, or of an ``uncovered`` entry with its
  reason) overlaps it. Unexplained sentences are errors.
- The data-quality report: the findings coded in ``data/findings/``, the findings of the
  segmenter, and checks the build derives itself (declared totals against counted codes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from watwerkt.anchors import Anchor
from watwerkt.ingest.checks import Problem
from watwerkt.ingest.corpus import Corpus
from watwerkt.ingest.data import Dataset
from watwerkt.records import Case, Finding, Text

CLAIM_KINDS = ("organisations", "people", "transitions", "drivers", "interventions", "influences",
               "outcomes", "numbers", "lessons")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-ZÀ-Ý“\"‘'(])")


@dataclass(frozen=True)
class Sentence:
    case: str
    start: int  # raw offsets
    end: int
    line: int
    text: str


@dataclass
class CoverageReport:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    uncovered: list[Sentence] = field(default_factory=list)  # unexplained
    explained: int = 0
    sentences: int = 0


def sentences_of(doc, blocks: tuple[Anchor, ...], case_id: str) -> list[Sentence]:
    out = []
    for b in blocks:
        a, z = doc.to_norm(b.start), doc.to_norm(b.end)
        text = doc.text[a:z]
        pos = 0
        for part in _SENTENCE_END.split(text):
            i = text.index(part, pos)
            pos = i + len(part)
            s = part.strip()
            if len(s) < 3:
                continue
            lead = len(part) - len(part.lstrip())
            rs, re_ = doc.to_raw(a + i + lead, a + i + lead + len(s))
            out.append(Sentence(case_id, rs, re_, doc.line_col(rs)[0], s))
    return out


def _case_anchors(case: Case) -> list[Anchor]:
    from watwerkt.ingest.checks import iter_anchored

    return [Anchor.parse(a) for _w, a in iter_anchored(case, case.id)]


def coverage(ds: Dataset, corpus: Corpus) -> CoverageReport:
    from watwerkt.ingest.segments import load_book_segments

    rep = CoverageReport()
    doc = corpus.get("boek")
    stored = {c.id: c for c in load_book_segments(ds.root)}
    for case in ds.cases:
        rep.counts[case.id] = {k: len(getattr(case, k)) for k in CLAIM_KINDS}
        inf = case.influences
        rep.counts[case.id]["angels"] = sum(i.polarity.value == "angel" for i in inf)
        rep.counts[case.id]["bears"] = sum(i.polarity.value == "bear" for i in inf)
        seg = stored.get(case.id)
        section = seg.section("engelen-beren") if seg else None
        if section is None:
            continue
        anchors = [a for a in _case_anchors(case) if a.doc == "boek"]
        reasons = [Anchor.parse(a) for u in case.uncovered for a in u.anchors]
        for s in sentences_of(doc, section.blocks, case.id):
            rep.sentences += 1
            if any(a.start < s.end and s.start < a.end for a in anchors):
                if any(a.start < s.end and s.start < a.end for a in reasons):
                    rep.explained += 1
                continue
            rep.uncovered.append(s)
    return rep


def derived_findings(ds: Dataset) -> list[Finding]:
    """Checks of the sources the build can make itself: declared totals against counts."""
    out = []
    for part in ds.report:
        total_declared, total_counted = 0, 0
        for g in part.groups:
            counted = len(g.respondents)
            total_counted += counted
            if g.declared_total is None:
                continue
            total_declared += g.declared_total
            if counted != g.declared_total:
                out.append(Finding(
                    id=f"afgeleid-totaal-{g.id}", kind="totaal-klopt-niet", anchors=list(g.anchors),
                    description=Text(
                        nl=f"Groep {g.id}: de tabel noemt totaal {g.declared_total}, maar somt {counted} respondentcodes op.",
                        en=f"Group {g.id}: the table declares a total of {g.declared_total} but lists {counted} respondent codes."),
                ))
        if part.groups and total_declared and total_declared != total_counted:
            out.append(Finding(
                id=f"afgeleid-totaal-{part.part}", kind="totaal-klopt-niet",
                anchors=list(part.groups[0].anchors),
                description=Text(
                    nl=f"De opgegeven groepstotalen tellen op tot {total_declared}, de opgesomde codes tot {total_counted}.",
                    en=f"The declared group totals add up to {total_declared}, the listed codes to {total_counted}."),
            ))
    return out


def coverage_problems(rep: CoverageReport, ds: Dataset) -> list[Problem]:
    return [Problem(f"{ds.files[s.case].name} ({s.case}), boek line {s.line}",
                    f"sentence of ENGELEN EN BEREN not anchored by any claim: “{' '.join(s.text.split()[:8])} …”")
            for s in rep.uncovered]


def coverage_report(settings, corpus: Corpus | None, lang: str = "nl") -> str:
    from watwerkt.ingest.data import load_dataset

    ds = load_dataset(settings.data)
    lines = []
    if corpus is not None:
        rep = coverage(ds, corpus)
        head = ["case", *CLAIM_KINDS, "angels", "bears"]
        lines.append("\n## Dekking per casus / coverage per case\n")
        lines.append(" | ".join(head))
        for cid, c in rep.counts.items():
            lines.append(" | ".join([cid, *(str(c[k]) for k in head[1:])]))
        lines.append(f"\nENGELEN EN BEREN: {rep.sentences} zinnen, {rep.sentences - len(rep.uncovered)} gedekt "
                     f"(waarvan {rep.explained} met reden als niet-gecodeerd), {len(rep.uncovered)} zonder uitleg")
        lines += [str(p) for p in coverage_problems(rep, ds)]
    findings = [*ds.findings, *ds.segment_findings, *derived_findings(ds)]
    lines.append(f"\n## Datakwaliteit / data quality ({len(findings)} bevindingen)\n")
    for f in sorted(findings, key=lambda f: (f.kind, f.id)):
        where = f.anchors[0]
        if corpus is not None:
            a = Anchor.parse(where)
            where = corpus.get(a.doc).where(a.start)
        lines.append(f"{where}: {f.kind}: {f.description.get(lang)}")
    return "\n".join(lines) + "\n"
