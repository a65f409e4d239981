"""Checks of the curated data that go beyond its schema.

- every concept a record uses exists in its scheme (no free-text category);
- cross-references resolve (municipalities, organisations of a case, works-table elements, groups);
- no id is defined twice: a concept scheme lives in one file, and a case, claim, finding,
  municipality or concept id is used once (the second place names the first);
- concept hierarchies (``broader``) have no cycle;
- no text holds contact details or a line break (:mod:`watwerkt.ingest.textchecks`);
- every anchor verifies against the corpus (hash of the span), when the corpus is there.

Each problem is a :class:`Problem` whose ``where`` is ``file:line`` and whose message names
the record (``case.part[id]``) and what is wrong. ``watwerkt check`` prints them all; the
build refuses on the first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from watwerkt.errors import WatwerktError
from watwerkt.ingest.corpus import Anchor, Corpus
from watwerkt.ingest.data import Dataset
from watwerkt.ingest.textchecks import check_texts
from watwerkt.records import Case, Programme, ReportPart


@dataclass(frozen=True, order=True)
class Problem:
    """One problem: ``where`` is file:line, ``message`` Dutch, ``en`` its English version."""

    where: str
    message: str
    level: str = "error"  # error | warning
    en: str = field(default="", compare=False)

    def line(self, lang: str = "nl") -> str:
        level = {"error": "fout", "warning": "waarschuwing"}.get(self.level, self.level) if lang == "nl" else self.level
        return f"{self.where}: {level}: {(self.en or self.message) if lang == 'en' else self.message}"

    def __str__(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"


# the kinds of ids that must be unique, in Dutch (the loader declares them in English)
KINDS_NL = {"intervention": "interventie", "influence": "invloed", "outcome": "uitkomst",
            "transition": "loopbaanstap", "driver": "aanleiding", "lesson": "les", "key number": "kerngetal",
            "statement": "uitspraak", "practice": "praktijk", "works-table element": "element van de werkt-tabel",
            "group profile": "groepsprofiel", "source": "bron", "municipality": "gemeente", "case": "casus",
            "report part": "rapportdeel", "programme": "programma", "finding": "bevinding"}


def iter_anchored(obj: BaseModel, path: str) -> Iterator[tuple[str, str]]:
    """Yield (record path, anchor string) for every anchor inside ``obj``."""
    for chain, a in _anchored(obj, ()):
        yield ".".join([path, *chain]) if chain else path, a


def _anchored(obj: BaseModel, chain: tuple) -> Iterator[tuple[tuple, str]]:
    """Yield (ids from ``obj`` down to the anchored record, anchor) for every anchor."""
    for name, value in obj:
        if name == "anchors":
            for a in value:
                yield chain, a
        elif isinstance(value, BaseModel):
            yield from _anchored(value, chain)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    ident = getattr(item, "id", None) or str(i)
                    yield from _anchored(item, (*chain, ident))


def all_anchors(ds: Dataset) -> Iterator[tuple[str, str]]:
    """Yield (file:line, anchor string) for every anchor in the data."""
    owners: list[tuple[Path, tuple, BaseModel]] = []
    owners += [(ds.file_of(c), (c.id,), c) for c in ds.cases]
    owners += [(ds.file_of(p), (p.part,), p) for p in ds.report]
    owners += [(ds.file_of(p), (p.id,), p) for p in ds.programmes]
    owners += [(ds.file_of(f), (f.id,), f) for f in ds.findings]
    for scheme in ds.schemes.values():
        path = ds.file_of(scheme)
        owners += [(path, (scheme.scheme, c.id), c) for c in scheme.concepts]
    for path, ids, record in owners:
        for chain, a in _anchored(record, ()):
            yield ds.at(path, *ids, *chain, field="anchors"), a


def check_anchors(ds: Dataset, corpus: Corpus) -> list[Problem]:
    problems = []
    for where, text in all_anchors(ds):
        try:
            corpus.verify(Anchor.parse(text))
        except WatwerktError as exc:
            problems.append(Problem(where, exc.message, en=exc.en or ""))
    return problems


class _Checker:
    """Collects the problems of one dataset; each check names file:line and the record."""

    def __init__(self, ds: Dataset):
        self.ds = ds
        self.problems: list[Problem] = []
        self.works_ids = {e.id for part in ds.report for e in part.works}
        self.munis = {m.id for m in ds.municipalities.municipalities} if ds.municipalities else set()

    def add(self, where: str, nl: str, en: str) -> None:
        self.problems.append(Problem(where, nl, en=en))

    def need(self, scheme: str, ids, where: str, what: str) -> None:
        known = self.ds.concept_ids(scheme)
        for i in ids:
            if i is not None and i not in known:
                self.add(where, f"{what}: onbekend concept {i!r} in schema {scheme!r}",
                         f"{what}: unknown concept {i!r} in scheme {scheme!r}")

    def muni(self, m: str | None, where: str, what: str) -> None:
        if m and m not in self.munis:
            self.add(where, f"{what}: onbekende gemeente {m!r} (niet in reference/gemeenten.yaml)",
                     f"{what}: unknown municipality {m!r} (not in reference/gemeenten.yaml)")

    def unknown_org(self, where: str, what: str, ref: str) -> None:
        self.add(where, f"{what}: onbekende organisatie {ref!r} (niet bij de organisaties van de casus)",
                 f"{what}: unknown organisation {ref!r} (not among the case's organisations)")

    def case(self, case: Case) -> None:
        path = self.ds.file_of(case)

        def at(*ids, field=None):
            return self.ds.at(path, case.id, *ids, field=field)

        self.need("doelgroepen", case.target_groups, at(field="target_groups"), case.id)
        orgs = {o.id for o in case.organisations}
        for o in case.organisations:
            what = f"{case.id}.organisations[{o.id}]"
            self.need("organisatietypen", [o.type], at(o.id, field="type"), what)
            self.muni(o.municipality, at(o.id, field="municipality"), what)
        for t in case.transitions:
            what = f"{case.id}.transitions[{t.id}]"
            self.need("transitietypen", [t.kind], at(t.id, field="kind"), what)
            for name in ("organisation_from", "organisation_to"):
                ref = getattr(t, name)
                if ref and ref not in orgs:
                    self.unknown_org(at(t.id, field=name), what, ref)
        for d in case.drivers:
            self.need("aanleidingen", [d.concept], at(d.id, field="concept"), f"{case.id}.drivers[{d.id}]")
        for iv in case.interventions:
            what = f"{case.id}.interventions[{iv.id}]"
            self.need("interventietypen", iv.types, at(iv.id, field="types"), what)
            self.need("doelgroepen", iv.target_groups, at(iv.id, field="target_groups"), what)
            if iv.organisation and iv.organisation not in orgs:
                self.unknown_org(at(iv.id, field="organisation"), what, iv.organisation)
            for e in iv.works_elements:
                if e not in self.works_ids:
                    self.add(at(iv.id, field="works_elements"), f"{what}: onbekend element van de werkt-tabel {e!r}",
                             f"{what}: unknown works-table element {e!r}")
        for inf in case.influences:
            self.need("factoren", inf.factors, at(inf.id, field="factors"), f"{case.id}.influences[{inf.id}]")
        for o in case.outcomes:
            self.need("uitkomsten", [o.concept], at(o.id, field="concept"), f"{case.id}.outcomes[{o.id}]")
        for k in case.numbers:
            self.need("eenheden", [k.unit], at(k.id, field="unit"), f"{case.id}.numbers[{k.id}]")
        for lesson in case.lessons:
            self.need("factoren", lesson.factors, at(lesson.id, field="factors"), f"{case.id}.lessons[{lesson.id}]")
        if case.group_fit:
            self.need("doelgroepen", [case.group_fit.group], at(field="group_fit"), f"{case.id}.group_fit")

    def report(self, part: ReportPart) -> None:
        path = self.ds.file_of(part)

        def at(*ids, field=None):
            return self.ds.at(path, part.part, *ids, field=field)

        for s in part.statements:
            what = f"{part.part}.statements[{s.id}]"
            self.need("bevindingsoorten", [s.kind], at(s.id, field="kind"), what)
            self.need("factoren", s.factors, at(s.id, field="factors"), what)
            self.need("doelgroepen", s.groups, at(s.id, field="groups"), what)
        for g in part.groups:
            self.need("doelgroepen", [g.id], at(g.id), f"{part.part}.groups[{g.id}]")
        for e in part.works:
            what = f"{part.part}.works[{e.id}]"
            self.need("doelgroepen", [e.group], at(e.id, field="group"), what)
            self.need("interventietypen", e.intervention_types, at(e.id, field="intervention_types"), what)
            self.need("factoren", e.factors, at(e.id, field="factors"), what)

    def programme(self, prog: Programme) -> None:
        path = self.ds.file_of(prog)

        def at(*ids, field=None):
            return self.ds.at(path, prog.id, *ids, field=field)

        self.need("doelgroepen", prog.target_groups, at(field="target_groups"), prog.id)
        self.need("interventietypen", prog.instruments, at(field="instruments"), prog.id)
        for p in prog.practices:
            what = f"{prog.id}.practices[{p.id}]"
            self.need("updatethemas", [p.theme], at(p.id, field="theme"), what)
            self.need("interventietypen", p.interventions, at(p.id, field="interventions"), what)
            for m in p.municipalities:
                self.muni(m, at(p.id, field="municipalities"), what)
        for s in prog.statements:
            what = f"{prog.id}.statements[{s.id}]"
            self.need("factoren", s.factors, at(s.id, field="factors"), what)
            self.need("bevindingsoorten", [s.kind], at(s.id, field="kind"), what)
        for k in prog.numbers:
            self.need("eenheden", [k.unit], at(k.id, field="unit"), f"{prog.id}.numbers[{k.id}]")

    def references(self) -> None:
        ds = self.ds
        if ds.municipalities:
            for m in ds.municipalities.municipalities:
                if m.merged_into and m.merged_into not in self.munis:
                    self.add(self._muni_at(m.id, "merged_into"),
                             f"gemeente {m.id}: opgegaan in een onbekende gemeente {m.merged_into!r}",
                             f"municipality {m.id}: merged into unknown {m.merged_into!r}")
        for f in ds.findings:
            path = ds.file_of(f)
            self.need("kwaliteitsproblemen", [f.kind], ds.at(path, f.id, field="kind"), f"findings[{f.id}]")
            doc = f.anchors[0].split(":", 1)[0]
            if path.stem != doc:
                self.add(ds.at(path, f.id, field="anchors"),
                         f"bevinding {f.id}: het eerste anker wijst in {doc!r}, dus hoort ze in findings/{doc}.yaml",
                         f"finding {f.id}: its first anchor points into {doc!r}, so it belongs in findings/{doc}.yaml")

    def _muni_at(self, ident: str, field: str) -> str:
        for path in self.ds.documents:
            if path.parent.name == "reference" and (path, ident) in self.ds.lines:
                return self.ds.at(path, ident, field=field)
        return "reference"

    def schemes(self) -> None:
        for scheme in self.ds.schemes.values():
            path = self.ds.file_of(scheme)
            parent = {c.id: c.broader for c in scheme.concepts}
            reported: set[frozenset] = set()
            for c in scheme.concepts:
                if c.broader and c.broader not in parent:
                    self.add(self.ds.at(path, scheme.scheme, c.id, field="broader"),
                             f"concept {scheme.scheme}/{c.id}: broader {c.broader!r} is onbekend",
                             f"concept {scheme.scheme}/{c.id}: broader {c.broader!r} unknown")
                    continue
                seen = [c.id]
                nxt = c.broader
                while nxt and nxt in parent and nxt not in seen:
                    seen.append(nxt)
                    nxt = parent[nxt]
                if nxt in seen:
                    cycle = seen[seen.index(nxt):]
                    if frozenset(cycle) not in reported:
                        reported.add(frozenset(cycle))
                        chain = " -> ".join([*cycle, cycle[0]])
                        self.add(self.ds.at(path, scheme.scheme, cycle[0], field="broader"),
                                 f"schema {scheme.scheme}: broader vormt een kring {chain}",
                                 f"scheme {scheme.scheme}: broader forms a cycle {chain}")

    def duplicates(self) -> None:
        first: dict[tuple[str, str], str] = {}
        for kind, ident, where in self.ds.declared:
            other = first.setdefault((kind, ident), where)
            if other is where:
                continue
            if kind == "scheme":
                self.add(where, f"schema {ident!r} staat in twee bestanden: {other} en hier "
                                "(één schema, één bestand: concepts/<schema>.yaml)",
                         f"scheme {ident!r} is split over two files: {other} and here "
                         "(one scheme, one file: concepts/<scheme>.yaml)")
            else:
                nl = KINDS_NL.get(kind) or kind.replace("concept of scheme", "concept van schema")
                self.add(where, f"{nl} id {ident!r} komt twee keer voor: eerst op {other}",
                         f"{kind} id {ident!r} is used twice: first at {other}")

    def organisations(self) -> None:
        """One organisation id may appear in several cases; it must describe one organisation."""
        first: dict[str, tuple] = {}
        for case in self.ds.cases:
            for o in case.organisations:
                key = (o.name, o.type, o.municipality)
                seen = first.setdefault(o.id, (key, case.id))
                if seen[0] != key:
                    what = f"{case.id}.organisations[{o.id}]"
                    self.add(self.ds.at(self.ds.file_of(case), case.id, o.id),
                             f"{what}: anders beschreven in casus {seen[1]!r} (naam, soort en gemeente "
                             "moeten gelijk zijn)",
                             f"{what}: described differently in case {seen[1]!r} (name, type and municipality "
                             "must agree)")

    def book(self) -> None:
        """A case file must agree with data/book.yaml on number and kind."""
        ds = self.ds
        if ds.book is None:
            return
        manifest = {e.id: e for e in ds.book.cases}
        for c in ds.cases:
            e = manifest.get(c.id)
            where = ds.at(ds.file_of(c), c.id, field="number")
            if e is None:
                self.add(where, f"casus {c.id}: id staat niet in data/book.yaml",
                         f"case {c.id}: id not listed in data/book.yaml")
            elif (e.number, e.kind) != (c.number, c.kind):
                ours, theirs = f"{c.number}/{c.kind.value}", f"{e.number}/{e.kind.value}"
                self.add(where, f"casus {c.id}: nummer/soort {ours} wijkt af van data/book.yaml ({theirs})",
                         f"case {c.id}: number/kind {ours} disagree with data/book.yaml ({theirs})")


def check_dataset(ds: Dataset, corpus: Corpus | None = None) -> list[Problem]:
    """All problems in the data; anchors are verified only when a corpus is given."""
    ch = _Checker(ds)
    ch.duplicates()
    for case in ds.cases:
        ch.case(case)
    for part in ds.report:
        ch.report(part)
    for prog in ds.programmes:
        ch.programme(prog)
    ch.references()
    ch.schemes()
    ch.organisations()
    ch.book()
    problems = ch.problems
    problems.extend(Problem(where, nl, en=en) for where, nl, en in check_texts(ds.documents))
    if corpus is not None:
        problems.extend(check_anchors(ds, corpus))
    return sorted(set(problems), key=_order)


def _order(p: Problem) -> tuple:
    """Problems sorted by file, then line as a number, then message."""
    path, _, line = p.where.rpartition(":")
    return (path, int(line), p.message) if line.isdigit() else (p.where, 0, p.message)
