"""Checks of the curated data that go beyond its schema.

- every concept a record uses exists in its scheme (no free-text category);
- cross-references resolve (municipalities, works-table elements, groups);
- every anchor verifies against the corpus (hash of the span), when the corpus is there.

Each problem is a :class:`Problem` with ``where`` (file and record) and a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from watwerkt.errors import WatwerktError
from watwerkt.ingest.corpus import Anchor, Corpus
from watwerkt.ingest.data import Dataset
from watwerkt.records import Case, Programme, ReportPart


@dataclass(frozen=True, order=True)
class Problem:
    where: str
    message: str
    level: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"


def iter_anchored(obj: BaseModel, path: str) -> Iterator[tuple[str, str]]:
    """Yield (record path, anchor string) for every anchor inside ``obj``."""
    for name, value in obj:
        if name == "anchors":
            for a in value:
                yield path, a
        elif isinstance(value, BaseModel):
            yield from iter_anchored(value, f"{path}.{name}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    ident = getattr(item, "id", None) or str(i)
                    yield from iter_anchored(item, f"{path}.{name}[{ident}]")


def all_anchors(ds: Dataset) -> Iterator[tuple[str, str]]:
    for case in ds.cases:
        yield from iter_anchored(case, f"{ds.files[case.id].name}#{case.id}")
    for part in ds.report:
        yield from iter_anchored(part, f"{ds.files[part.part].name}#{part.part}")
    for prog in ds.programmes:
        yield from iter_anchored(prog, f"{ds.files[prog.id].name}#{prog.id}")
    for f in ds.findings:
        yield from iter_anchored(f, f"{ds.files['finding:' + f.id].name}#{f.id}")
    for scheme in ds.schemes.values():
        for c in scheme.concepts:
            yield from iter_anchored(c, f"concepts/{scheme.scheme}#{c.id}")


def check_anchors(ds: Dataset, corpus: Corpus) -> list[Problem]:
    problems = []
    for where, text in all_anchors(ds):
        try:
            corpus.verify(Anchor.parse(text))
        except WatwerktError as exc:
            problems.append(Problem(where, str(exc)))
    return problems


def _need(ds: Dataset, scheme: str, ids, where: str) -> Iterator[Problem]:
    known = ds.concept_ids(scheme)
    for i in ids:
        if i is not None and i not in known:
            yield Problem(where, f"unknown concept {i!r} in scheme {scheme!r}")


def _check_case(ds: Dataset, case: Case, works_ids: set[str], munis: set[str]) -> Iterator[Problem]:
    w = f"{ds.files[case.id].name}#{case.id}"
    yield from _need(ds, "doelgroepen", case.target_groups, w)
    for o in case.organisations:
        yield from _need(ds, "organisatietypen", [o.type], f"{w}.organisations[{o.id}]")
        if o.municipality and o.municipality not in munis:
            yield Problem(f"{w}.organisations[{o.id}]", f"unknown municipality {o.municipality!r}")
    for t in case.transitions:
        yield from _need(ds, "transitietypen", [t.kind], f"{w}.transitions[{t.id}]")
    for d in case.drivers:
        yield from _need(ds, "aanleidingen", [d.concept], f"{w}.drivers[{d.id}]")
    for iv in case.interventions:
        yield from _need(ds, "interventietypen", iv.types, f"{w}.interventions[{iv.id}]")
        yield from _need(ds, "doelgroepen", iv.target_groups, f"{w}.interventions[{iv.id}]")
        for e in iv.works_elements:
            if e not in works_ids:
                yield Problem(f"{w}.interventions[{iv.id}]", f"unknown works-table element {e!r}")
    for inf in case.influences:
        yield from _need(ds, "factoren", inf.factors, f"{w}.influences[{inf.id}]")
    for o in case.outcomes:
        yield from _need(ds, "uitkomsten", [o.concept], f"{w}.outcomes[{o.id}]")
    for k in case.numbers:
        yield from _need(ds, "eenheden", [k.unit], f"{w}.numbers[{k.id}]")
    for lesson in case.lessons:
        yield from _need(ds, "factoren", lesson.factors, f"{w}.lessons[{lesson.id}]")
    if case.group_fit:
        yield from _need(ds, "doelgroepen", [case.group_fit.group], f"{w}.group_fit")


def _check_report(ds: Dataset, part: ReportPart) -> Iterator[Problem]:
    w = f"{ds.files[part.part].name}#{part.part}"
    for s in part.statements:
        yield from _need(ds, "bevindingsoorten", [s.kind], f"{w}.statements[{s.id}]")
        yield from _need(ds, "factoren", s.factors, f"{w}.statements[{s.id}]")
        yield from _need(ds, "doelgroepen", s.groups, f"{w}.statements[{s.id}]")
    for g in part.groups:
        yield from _need(ds, "doelgroepen", [g.id], f"{w}.groups[{g.id}]")
    for e in part.works:
        yield from _need(ds, "doelgroepen", [e.group], f"{w}.works[{e.id}]")
        yield from _need(ds, "interventietypen", e.intervention_types, f"{w}.works[{e.id}]")
        yield from _need(ds, "factoren", e.factors, f"{w}.works[{e.id}]")


def _check_programme(ds: Dataset, prog: Programme, munis: set[str]) -> Iterator[Problem]:
    w = f"{ds.files[prog.id].name}#{prog.id}"
    yield from _need(ds, "doelgroepen", prog.target_groups, w)
    yield from _need(ds, "interventietypen", prog.instruments, w)
    for p in prog.practices:
        yield from _need(ds, "updatethemas", [p.theme], f"{w}.practices[{p.id}]")
        yield from _need(ds, "interventietypen", p.interventions, f"{w}.practices[{p.id}]")
        for m in p.municipalities:
            if m not in munis:
                yield Problem(f"{w}.practices[{p.id}]", f"unknown municipality {m!r}")
    for s in prog.statements:
        yield from _need(ds, "factoren", s.factors, f"{w}.statements[{s.id}]")
        yield from _need(ds, "bevindingsoorten", [s.kind], f"{w}.statements[{s.id}]")
    for k in prog.numbers:
        yield from _need(ds, "eenheden", [k.unit], f"{w}.numbers[{k.id}]")


def check_dataset(ds: Dataset, corpus: Corpus | None = None) -> list[Problem]:
    """All problems in the data; anchors are verified only when a corpus is given."""
    problems: list[Problem] = []
    works_ids = {e.id for part in ds.report for e in part.works}
    munis = {m.id for m in ds.municipalities.municipalities} if ds.municipalities else set()
    seen: dict[str, str] = {}
    for case in ds.cases:
        if case.id in seen:
            problems.append(Problem(ds.files[case.id].name, f"case id {case.id!r} used twice"))
        seen[case.id] = "case"
        problems.extend(_check_case(ds, case, works_ids, munis))
    for part in ds.report:
        problems.extend(_check_report(ds, part))
    for prog in ds.programmes:
        problems.extend(_check_programme(ds, prog, munis))
    if ds.municipalities:
        for m in ds.municipalities.municipalities:
            if m.merged_into and m.merged_into not in munis:
                problems.append(Problem(f"gemeenten.yaml#{m.id}", f"merged into unknown {m.merged_into!r}"))
    for scheme in ds.schemes.values():
        ids = {c.id for c in scheme.concepts}
        for c in scheme.concepts:
            if c.broader and c.broader not in ids:
                problems.append(Problem(f"concepts/{scheme.scheme}#{c.id}", f"broader {c.broader!r} unknown"))
    for f in ds.findings:
        problems.extend(_need(ds, "kwaliteitsproblemen", [f.kind], f"{ds.files['finding:' + f.id].name}#{f.id}"))
    problems.extend(_check_book_manifest(ds))
    if corpus is not None:
        problems.extend(check_anchors(ds, corpus))
    return sorted(problems)


def _check_book_manifest(ds: Dataset) -> Iterator[Problem]:
    """A case file must agree with data/book.yaml on number and kind."""
    import yaml

    path = ds.root / "book.yaml"
    if not path.exists():
        return
    manifest = {e["id"]: e for e in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]}
    for c in ds.cases:
        e = manifest.get(c.id)
        where = f"{ds.files[c.id].name}#{c.id}"
        if e is None:
            yield Problem(where, "case id not listed in data/book.yaml")
        elif (e["number"], e["kind"]) != (c.number, c.kind.value):
            yield Problem(where, f"number/kind {c.number}/{c.kind.value} disagree with data/book.yaml "
                                 f"({e['number']}/{e['kind']})")
