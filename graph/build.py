"""Turn the typed records into one RDF graph.

Input: a validated :class:`~watwerkt.ingest.data.Dataset` (records, sources, the stored
segmentation of every source, contact spans, segmenter findings), and optionally the corpus,
from which quotes are read at build time. The builder reads no files of ``data/`` itself.
Output: a :class:`watwerkt.graph.terms.Graph` with no blank nodes (every node has a stable IRI, so
serialisations are canonical and two builds are byte-identical).
"""

from __future__ import annotations

from pathlib import Path

from watwerkt.anchors import Anchor
from watwerkt.folding import fold
from watwerkt.graph.build_report import ReportPartsMixin
from watwerkt.graph.iris import ID, OA, ORG, PREFIXES, SCHEMA, WW, anchor_iri, concept, node  # noqa: F401 (re-exported)
from watwerkt.graph.terms import DCTERMS, IRI, RDF, RDFS, SKOS, XSD, Graph, Literal
from watwerkt.ingest.corpus import Corpus, SourceInfo, normalise
from watwerkt.ingest.data import Dataset
from watwerkt.records import Case, Claim, Epistemic, Text

SCHEME_CLASS = {
    "factoren": WW.Factor, "uitkomsten": WW.OutcomeType, "doelgroepen": WW.TargetGroup,
    "interventietypen": WW.InterventionType, "aanleidingen": WW.DriverType,
    "organisatietypen": WW.OrganisationType, "transitietypen": WW.TransitionType,
    "updatethemas": WW.Theme,
}
MAX_QUOTE = 3000  # characters; longer spans (whole cases) are anchored but not quoted


SHORT_TITLE = DCTERMS.alternative  # our short title of a case; dcterms:title is the printed headline


class GraphBuilder(ReportPartsMixin):
    def __init__(self, ds: Dataset, corpus: Corpus | None = None):
        self.ds = ds
        self.corpus = corpus
        self.g = Graph()
        self.sources: dict[str, SourceInfo] = {s.key: s for s in ds.sources}
        self.personal: list[Anchor] = ds.personal

    # -------------------------------------------------------------- helpers

    def add(self, s, p, o) -> None:
        if o is not None:
            self.g.add((s, p, o))

    def text(self, s, p, t: Text | None) -> None:
        if t is not None:
            self.g.add((s, p, Literal(t.nl, lang="nl")))
            self.g.add((s, p, Literal(t.en, lang="en")))

    def anchor(self, subject: IRI, value: str | Anchor, prop=WW.anchor) -> IRI:
        a = value if isinstance(value, Anchor) else Anchor.parse(value)
        iri = anchor_iri(a)
        self.g.add((subject, prop, iri))
        if (iri, RDF.type, WW.Anchor) in self.g:
            return iri
        g = self.g
        g.add((iri, RDF.type, WW.Anchor))
        g.add((iri, OA.hasSource, node("source", a.doc)))
        g.add((iri, OA.start, Literal(a.start)))
        g.add((iri, OA.end, Literal(a.end)))
        g.add((iri, WW.spanHash, Literal(a.sha)))
        g.add((iri, WW.anchorText, Literal(str(a))))
        if self.corpus is not None:
            doc = self.corpus.get(a.doc)
            g.add((iri, WW.line, Literal(doc.line_col(a.start)[0])))
            if self.quotable(a):
                g.add((iri, WW.quote, Literal(doc.quote(a))))
        return iri

    def quotable(self, a: Anchor) -> bool:
        """Quotes are read for passages, never for whole cases or spans with contact data."""
        if a.end - a.start > MAX_QUOTE:
            return False
        return not any(p.doc == a.doc and p.start < a.end and a.start < p.end for p in self.personal)

    def claim(self, iri: IRI, cls: IRI, c: Claim | None, about: IRI | None,
              anchors=None, epistemic: Epistemic | None = None) -> IRI:
        self.g.add((iri, RDF.type, cls))
        for a in (anchors if anchors is not None else c.anchors):
            self.anchor(iri, a)
        status = epistemic or (c.epistemic if c is not None else Epistemic.stated)
        self.g.add((iri, WW.epistemic, WW[status.value]))
        self.add(iri, WW.about, about)
        return iri

    # -------------------------------------------------------------- parts

    def ontology(self, ontology_dir: Path) -> None:
        self.g.parse_turtle(ontology_dir / "watwerkt.ttl")

    def sources_and_segments(self) -> None:
        g = self.g
        for s in self.sources.values():
            iri = node("source", s.key)
            g.add((iri, RDF.type, WW.SourceDocument))
            g.add((iri, DCTERMS.title, Literal(s.title)))
            g.add((iri, DCTERMS.publisher, Literal(s.publisher)))
            g.add((iri, DCTERMS.date, Literal(str(s.year), datatype=XSD.gYear)))
            g.add((iri, WW.sha256, Literal(s.sha256)))
            g.add((iri, WW.fileName, Literal(s.file)))
            g.add((iri, WW.evidenceBasis, Literal(s.basis)))
            for a in s.authors:
                g.add((iri, DCTERMS.creator, Literal(a)))
        for key in self.sources:
            seg = self.ds.segmentations.get(key)
            for part in seg.parts if seg else ():
                iri = node("segment", f"{key}-{part.id}")
                g.add((iri, RDF.type, WW.Segment))
                g.add((iri, WW.source, node("source", key)))
                g.add((iri, WW.sectionType, Literal(part.type)))
                g.add((iri, RDFS.label, Literal(part.id)))
                for b in part.blocks:
                    self.anchor(iri, b, WW.block)

    def schemes(self) -> None:
        g = self.g
        for name, scheme in sorted(self.ds.schemes.items()):
            s_iri = ID[f"scheme/{name}"]
            g.add((s_iri, RDF.type, SKOS.ConceptScheme))
            g.add((s_iri, SKOS.prefLabel, Literal(scheme.nl, lang="nl")))
            g.add((s_iri, SKOS.prefLabel, Literal(scheme.en, lang="en")))
            cls = SCHEME_CLASS.get(name, SKOS.Concept)
            for c in scheme.concepts:
                iri = concept(name, c.id)
                g.add((iri, RDF.type, SKOS.Concept))
                g.add((iri, RDF.type, cls))
                g.add((iri, SKOS.inScheme, s_iri))
                g.add((iri, SKOS.notation, Literal(c.id)))
                g.add((iri, SKOS.prefLabel, Literal(c.nl, lang="nl")))
                g.add((iri, SKOS.prefLabel, Literal(c.en, lang="en")))
                for syn in c.synonyms:
                    g.add((iri, SKOS.altLabel, Literal(syn)))
                if c.broader:
                    g.add((iri, SKOS.broader, concept(name, c.broader)))
                else:
                    g.add((iri, SKOS.topConceptOf, s_iri))
                self.text(iri, SKOS.definition, c.definition)
                for a in c.anchors:
                    self.anchor(iri, a)

    def municipalities(self) -> None:
        if not self.ds.municipalities:
            return
        for m in self.ds.municipalities.municipalities:
            iri = node("gemeente", m.id)
            self.g.add((iri, RDF.type, WW.Municipality))
            self.g.add((iri, RDFS.label, Literal(m.name)))
            self.g.add((iri, WW.cbsCode, Literal(m.cbs_code)))
            if m.valid_until:
                self.g.add((iri, WW.validUntil, Literal(str(m.valid_until), datatype=XSD.gYear)))
            if m.merged_into:
                self.g.add((iri, WW.mergedInto, node("gemeente", m.merged_into)))
        self.g.add((ID["reference/gemeenten"], DCTERMS.source, Literal(self.ds.municipalities.source)))

    def book_segments(self) -> None:
        """Case nodes from the stored segmentation: sections, titles, spans."""
        g = self.g
        stored = self.ds.segmentations.get("boek")
        if stored is None:
            return  # no segmentation: the cases come from data/cases alone
        for c in stored.cases:
            iri = node("case", c.id)
            g.add((iri, RDF.type, WW.Case))
            g.add((iri, RDF.type, WW.OrganisationCase if c.kind == "organisation" else WW.EmployeeCase))
            g.add((iri, WW.caseNumber, Literal(c.number)))
            g.add((iri, WW.subject, Literal(c.subject)))
            g.add((iri, RDFS.label, Literal(c.subject)))
            g.add((iri, WW.source, node("source", "boek")))
            self.anchor(iri, c.span)
            for a in c.title:
                self.anchor(iri, a, WW.titleAnchor)
            if self.corpus is not None and c.title:
                doc = self.corpus.get("boek")
                title = normalise(doc.raw[c.title[0].start : c.title[-1].end])[0].strip()
                g.add((iri, DCTERMS.title, Literal(title)))
            for n, s in enumerate(c.sections, 1):
                s_iri = node("segment", f"{c.id}-{n:02d}-{s.type}")
                g.add((iri, WW.section, s_iri))
                g.add((s_iri, RDF.type, WW.Segment))
                g.add((s_iri, WW.sectionType, Literal(s.type)))
                g.add((s_iri, RDFS.label, Literal(f"{c.id} {s.type}")))
                if s.personal:
                    g.add((s_iri, WW.personalData, Literal(True)))
                    continue  # contact blocks: no anchors, no quotes
                if s.heading:
                    self.anchor(s_iri, s.heading, WW.titleAnchor)
                for b in s.blocks:
                    self.anchor(s_iri, b, WW.block)

    def case(self, case: Case) -> None:
        g = self.g
        iri = node("case", case.id)
        if (iri, RDF.type, WW.Case) not in g:  # no stored segmentation for this case
            g.add((iri, RDF.type, WW.Case))
            g.add((iri, RDF.type, WW.OrganisationCase if case.kind.value == "organisation" else WW.EmployeeCase))
            g.add((iri, WW.caseNumber, Literal(case.number)))
            g.add((iri, WW.subject, Literal(case.subject)))
            g.add((iri, RDFS.label, Literal(case.subject)))
        g.add((iri, SHORT_TITLE, Literal(case.title, lang="nl")))
        self.text(iri, DCTERMS.description, case.summary)
        for t in case.target_groups:
            g.add((iri, WW.targetGroup, concept("doelgroepen", t)))
        for o in case.organisations:
            o_iri = node("organisatie", o.id)
            g.add((iri, WW.involves, o_iri))
            g.add((o_iri, RDF.type, WW.Organisation))
            g.add((o_iri, RDFS.label, Literal(o.name)))
            g.add((o_iri, WW.organisationType, concept("organisatietypen", o.type)))
            if o.municipality:
                g.add((o_iri, WW.municipality, node("gemeente", o.municipality)))
                g.add((iri, WW.municipality, node("gemeente", o.municipality)))
            for a in o.anchors:
                self.anchor(o_iri, a)
        for p in case.people:
            p_iri = node("persoon", f"{case.id}-{p.id}")
            self.claim(p_iri, WW.PersonInRole, None, iri, p.anchors)
            g.add((p_iri, WW.personName, Literal(p.name)))
            g.add((p_iri, RDFS.label, Literal(p.name)))
            self.text(p_iri, WW.role, p.role)
            if p.organisation:
                g.add((p_iri, WW.memberOf, node("organisatie", p.organisation)))
        if case.employee:
            e_iri = node("persoon", f"{case.id}-{case.employee.person}")
            g.add((iri, WW.employee, e_iri))
            if case.employee.age is not None:
                g.add((e_iri, WW.age, Literal(case.employee.age)))
            for a in case.employee.anchors:
                self.anchor(e_iri, a)
        for t in case.transitions:
            t_iri = self.claim(node("stap", t.id), WW.CareerTransition, t, iri)
            g.add((t_iri, WW.person, node("persoon", f"{case.id}-{t.person}")))
            self.text(t_iri, WW.fromRole, t.from_role)
            self.text(t_iri, WW.toRole, t.to_role)
            g.add((t_iri, WW.transitionType, concept("transitietypen", t.kind)))
            if t.year:
                g.add((t_iri, WW.year, Literal(str(t.year), datatype=XSD.gYear)))
        for d in case.drivers:
            d_iri = self.claim(node("aanleiding", d.id), WW.Driver, d, iri)
            g.add((d_iri, WW.driverType, concept("aanleidingen", d.concept)))
            self.text(d_iri, DCTERMS.description, d.description)
        for iv in case.interventions:
            i_iri = self.claim(node("interventie", iv.id), WW.Intervention, iv, iri)
            for t in iv.types:
                g.add((i_iri, WW.interventionType, concept("interventietypen", t)))
            self.text(i_iri, RDFS.label, iv.label)
            self.text(i_iri, DCTERMS.description, iv.description)
            if iv.organisation:
                g.add((i_iri, WW.involves, node("organisatie", iv.organisation)))
            for t in iv.target_groups:
                g.add((i_iri, WW.targetGroup, concept("doelgroepen", t)))
            if iv.year:
                g.add((i_iri, WW.year, Literal(str(iv.year), datatype=XSD.gYear)))
            for e in iv.works_elements:
                g.add((i_iri, WW.matchesMechanism, node("werkzaam-element", e)))
            g.add((i_iri, WW.useStatus, WW[iv.status.value]))
        refs = {i.id: node("interventie", i.id) for i in case.interventions}
        refs.update({t.id: node("stap", t.id) for t in case.transitions})
        for inf in case.influences:
            f_iri = self.claim(node("invloed", inf.id), WW.Influence, inf, iri)
            g.add((f_iri, WW.polarity, WW[inf.polarity.value]))
            g.add((f_iri, WW.state, WW[inf.state.value]))
            g.add((f_iri, WW.explicit, Literal(inf.explicit)))
            g.add((f_iri, WW.polarityBasis, WW.named if inf.explicit else WW["read-in"]))
            self.text(f_iri, WW.actor, inf.actor)
            g.add((f_iri, WW.actorKey, Literal(f" {fold(inf.actor.nl)} ", lang="nl")))
            g.add((f_iri, WW.actorKey, Literal(f" {fold(inf.actor.en)} ", lang="en")))
            self.text(f_iri, RDFS.label, inf.actor)
            self.text(f_iri, DCTERMS.description, inf.description)
            for f in inf.factors:
                g.add((f_iri, WW.factor, concept("factoren", f)))
            for a in inf.affects:
                g.add((f_iri, WW.affects, refs[a]))
            if inf.counterpart:
                g.add((f_iri, WW.counterpart, node("invloed", inf.counterpart)))
            if inf.turned_into:
                g.add((f_iri, WW.turnedInto, node("invloed", inf.turned_into)))
        for o in case.outcomes:
            o_iri = self.claim(node("uitkomst", o.id), WW.Outcome, o, iri)
            g.add((o_iri, WW.outcomeType, concept("uitkomsten", o.concept)))
            g.add((o_iri, WW.direction, WW[o.direction.value]))
            self.text(o_iri, DCTERMS.description, o.description)
            if o.figure:
                g.add((o_iri, WW.figure, Literal(o.figure)))
            for a in o.interventions:
                g.add((o_iri, WW.producedBy, refs[a]))
        for k in case.numbers:
            self.number(k, iri)
        for les in case.lessons:
            l_iri = self.claim(node("les", les.id), WW.Lesson, les, iri)
            self.text(l_iri, DCTERMS.description, les.text)
            for f in les.factors:
                g.add((l_iri, WW.factor, concept("factoren", f)))
        if case.group_fit:
            gf = case.group_fit
            gf_iri = self.claim(node("groepsfit", case.id), WW.GroupFit, None, iri, gf.anchors,
                                Epistemic.interpreted)
            g.add((gf_iri, WW.fitsGroup, concept("doelgroepen", gf.group)))
            self.text(gf_iri, WW.rationale, gf.rationale)
        for n, u in enumerate(case.uncovered, 1):
            u_iri = node("niet-gecodeerd", f"{case.id}-{n}")
            g.add((iri, WW.uncovered, u_iri))
            g.add((u_iri, RDF.type, WW.Uncovered))
            self.text(u_iri, WW.reason, u.reason)
            for a in u.anchors:
                self.anchor(u_iri, a)

    def findings(self, derived=()) -> None:
        """Coded findings are stated; those the segmenter found are derived."""
        for f, status in [*((f, Epistemic.stated) for f in self.ds.findings),
                          *((f, Epistemic.derived) for f in derived)]:
            f_iri = self.claim(node("bevinding-datakwaliteit", f.id), WW.DataQualityFinding, None, None,
                               f.anchors, status)
            self.g.add((f_iri, WW.findingKind, Literal(f.kind)))
            self.g.add((f_iri, WW.severity, Literal(f.severity)))
            self.text(f_iri, DCTERMS.description, f.description)


def build_graph(ds: Dataset, corpus: Corpus | None, ontology_dir: Path) -> Graph:
    b = GraphBuilder(ds, corpus)
    b.ontology(ontology_dir)
    b.sources_and_segments()
    b.schemes()
    b.municipalities()
    b.book_segments()
    for case in ds.cases:
        b.case(case)
    for part in ds.report:
        b.report(part)
    for prog in ds.programmes:
        b.programme(prog)
    b.findings(ds.segment_findings)
    b.passages()
    from watwerkt.graph.configurations import add_configurations
    from watwerkt.graph.standards import add_standards

    add_configurations(b, {e.id: list(e.factors) for part in ds.report for e in part.works})
    from watwerkt.graph.links import link_findings

    link_findings(b)
    add_standards(b.g)  # PROV-O, Web Annotation, ORG, VoID: last, it counts the rest
    return b.g
