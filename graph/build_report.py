"""The parts of the graph builder for the research report, the programmes and the source passages.

A mixin of :class:`watwerkt.graph.build.GraphBuilder`; it uses the builder's helpers
(``claim``, ``text``, ``anchor``) and its graph ``g``.
"""

from __future__ import annotations

from watwerkt.graph.iris import OA, WW, concept, node
from watwerkt.graph.terms import DCTERMS, IRI, RDF, RDFS, XSD, Literal
from watwerkt.ingest.corpus import normalise
from watwerkt.records import Programme, ReportPart

RECOMMENDATION_KINDS = {"aanbeveling-medewerkers", "les-inspiratiesessie"}


class ReportPartsMixin:
    def number(self, k, about: IRI) -> None:
        k_iri = self.claim(node("kerngetal", k.id), WW.KeyNumber, k, about)
        self.text(k_iri, RDFS.label, k.label)
        self.g.add((k_iri, WW.value, Literal(k.value, datatype=XSD.decimal)))
        self.g.add((k_iri, WW.unit, Literal(k.unit)))
        if k.year:
            self.g.add((k_iri, WW.year, Literal(str(k.year), datatype=XSD.gYear)))

    def statement(self, s, about: IRI) -> None:
        cls = WW.Recommendation if s.kind in RECOMMENDATION_KINDS else WW.Statement
        s_iri = self.claim(node("bevinding", s.id), cls, s, about)
        self.g.add((s_iri, WW.statementKind, Literal(s.kind)))
        self.text(s_iri, RDFS.label, s.label)
        self.text(s_iri, DCTERMS.description, s.text)
        for f in s.factors:
            self.g.add((s_iri, WW.factor, concept("factoren", f)))
        for grp in s.groups:
            self.g.add((s_iri, WW.group, concept("doelgroepen", grp)))
        if s.polarity:
            self.g.add((s_iri, WW.polarity, WW[s.polarity.value]))
        if s.rank is not None:
            self.g.add((s_iri, WW.rank, Literal(s.rank)))

    def report(self, part: ReportPart) -> None:
        g = self.g
        iri = node("rapportdeel", part.part)
        g.add((iri, RDF.type, WW.Segment))
        g.add((iri, WW.source, node("source", "nro")))
        self.text(iri, RDFS.label, part.title)
        for s in part.statements:
            self.statement(s, iri)
        for gp in part.groups:
            p_iri = self.claim(node("groepsprofiel", gp.id), WW.GroupProfile, gp, iri)
            g.add((p_iri, WW.group, concept("doelgroepen", gp.id)))
            self.text(p_iri, RDFS.label, gp.label)
            g.add((p_iri, WW.regulation, Literal(gp.regulation)))
            for ch in gp.characteristics:
                self.text(p_iri, WW.characteristic, ch)
            for r in gp.respondents:
                g.add((p_iri, WW.respondent, Literal(r)))
            if gp.declared_total is not None:
                g.add((p_iri, WW.declaredTotal, Literal(gp.declared_total)))
        for e in part.works:
            e_iri = self.claim(node("werkzaam-element", e.id), WW.Mechanism, e, iri)
            g.add((e_iri, WW.group, concept("doelgroepen", e.group)))
            g.add((e_iri, WW.works, Literal(e.works)))
            self.text(e_iri, RDFS.label, e.label)
            for t in e.intervention_types:
                g.add((e_iri, WW.interventionType, concept("interventietypen", t)))
            for f in e.factors:
                g.add((e_iri, WW.factor, concept("factoren", f)))

    def programme(self, prog: Programme) -> None:
        g = self.g
        iri = node("programma", prog.id)
        g.add((iri, RDF.type, WW.Programme))
        g.add((iri, RDFS.label, Literal(prog.name)))
        self.text(iri, DCTERMS.description, prog.description)
        for a in prog.anchors:
            self.anchor(iri, a)
        for f in prog.funders:
            g.add((iri, WW.funder, Literal(f)))
        for p in prog.partners:
            g.add((iri, WW.partner, Literal(p)))
        if prog.period:
            g.add((iri, WW.period, Literal(prog.period)))
        for t in prog.target_groups:
            g.add((iri, WW.targetGroup, concept("doelgroepen", t)))
        for t in prog.instruments:
            g.add((iri, WW.instrument, concept("interventietypen", t)))
        for k in prog.numbers:
            self.number(k, iri)
        for s in prog.statements:
            self.statement(s, iri)
        for p in prog.practices:
            p_iri = self.claim(node("praktijk", p.id), WW.Practice, p, iri)
            g.add((iri, WW.practice, p_iri))
            self.text(p_iri, RDFS.label, p.label)
            self.text(p_iri, DCTERMS.description, p.description)
            g.add((p_iri, WW.theme, concept("updatethemas", p.theme)))
            for m in p.municipalities:
                g.add((p_iri, WW.municipality, node("gemeente", m)))
            for o in p.organisations:
                g.add((p_iri, WW.partner, Literal(o)))
            for t in p.interventions:
                g.add((p_iri, WW.interventionType, concept("interventietypen", t)))


    def passages(self) -> None:
        """Searchable text of every segment block, for ``zoek``: ``ww:searchText`` on its anchor.

        Contact spans are left out and any phone number or e-mail address left is masked as
        ``[contact]`` (watwerkt.contact), so search reads the store only, never the corpus.
        """
        if self.corpus is None:
            return
        from watwerkt.contact import mask_contacts

        g = self.g
        for a_iri in sorted(set(g.objects(None, WW.block))):
            doc = self.corpus.get(str(g.value(a_iri, OA.hasSource)).rsplit("/", 1)[-1])
            start, end = int(g.value(a_iri, OA.start)), int(g.value(a_iri, OA.end))
            raw = list(doc.raw[start:end])
            for p in self.personal:
                if p.doc == doc.key and p.start < end and start < p.end:
                    for i in range(max(p.start, start), min(p.end, end)):
                        raw[i - start] = "\n" if raw[i - start] == "\n" else " "
            text = mask_contacts(normalise(mask_contacts("".join(raw)))[0]).strip()
            if text:
                g.add((a_iri, WW.searchText, Literal(text)))

