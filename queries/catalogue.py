"""Everything coded, reachable without SPARQL: vocabularies, key numbers, data-quality findings,
the research report, the programmes and the career steps.

Each function runs one parameterised query and returns frozen rows; ``queries/views.py`` (the
``catalogue_view``) turns any of them into a listing.
"""

from __future__ import annotations

from dataclasses import dataclass

from watwerkt.errors import UsageError
from watwerkt.folding import fold
from watwerkt.queries.common import ID, Vocabulary, short
from watwerkt.queries.runner import run

REPORT_PARTS = ("redenen", "beleid", "leidinggevenden", "factoren", "groepen", "triggers", "werkt",
                "opbrengsten", "aanbevelingen", "onderzoeksopzet")
SOURCES = ("boek", "nro", "update", "westbrabant", "gripopgroei")


def _split(text: str | None, sep: str = " ") -> tuple[str, ...]:
    return tuple(sorted(x for x in (text or "").split(sep) if x))


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    f = fold(value).replace(" ", "-")
    if f not in allowed:
        raise UsageError(f"onbekende waarde voor {option}: {value!r}", en=f"unknown value for {option}: {value!r}",
                         hint="kies uit: " + ", ".join(allowed), hint_en="choose from: " + ", ".join(allowed))
    return f


@dataclass(frozen=True)
class TermRow:
    scheme: str
    id: str
    label: str
    broader: str | None
    synonyms: tuple[str, ...]


def terms(store, scheme: str | None = None, lang: str = "nl") -> tuple[TermRow, ...]:
    params = {}
    if scheme:
        known = {short(r["s"]) for r in run(store, "terms", lang=lang)}
        s = _choice(scheme, tuple(sorted(known)), "SCHEME")
        params["scheme"] = ID + "scheme/" + s
    return tuple(TermRow(short(r["s"]), r["n"], r.get("label") or r["n"], r.get("broader"), _split(r.get("synonyms"), "|"))
                 for r in run(store, "terms", lang=lang, **params))


@dataclass(frozen=True)
class KeyNumberRow:
    about: str
    label: str
    value: float
    unit: str
    year: str | None
    anchors: tuple[str, ...]


def key_numbers(store, about: str | None = None, lang: str = "nl") -> tuple[KeyNumberRow, ...]:
    params = {}
    if about:
        from watwerkt.queries.cases import require_case

        if fold(about) in ("update", "grip-op-groei", "rmc-west-brabant"):
            params["about"] = ID + "programma/" + fold(about).replace(" ", "-")
        else:
            require_case(store, about)
            params["about"] = ID + "case/" + about
    return tuple(KeyNumberRow(short(r["about"]), r.get("label") or short(r["k"]), r["value"], r["unit"],
                              str(r["year"]) if r.get("year") else None, _split(r.get("anchors")))
                 for r in run(store, "key-numbers", lang=lang, **params))


@dataclass(frozen=True)
class FindingRow:
    id: str
    document: str | None
    concerns: str | None  # case id
    kind: str
    severity: str
    description: str
    basis: str  # stated (coded by us) | derived (found by the segmenter)
    anchors: tuple[str, ...]


def findings(store, case: str | None = None, document: str | None = None, lang: str = "nl") -> tuple[FindingRow, ...]:
    params = {}
    if case:
        from watwerkt.queries.cases import require_case

        require_case(store, case)
        params["case"] = ID + "case/" + case
    if document:
        params["doc"] = ID + "source/" + _choice(document, SOURCES, "--document")
    return tuple(FindingRow(short(r["f"]), short(r.get("source")), short(r.get("concerns")), r["kind"], r["severity"],
                            r.get("desc") or "", short(r["status"]), _split(r.get("anchors")))
                 for r in run(store, "data-quality", lang=lang, **params))


@dataclass(frozen=True)
class StatementRow:
    part: str
    id: str
    kind: str
    label: str
    text: str
    rank: int | None
    polarity: str | None
    factors: tuple[str, ...]
    groups: tuple[str, ...]
    anchors: tuple[str, ...]


def report_part(store, part: str, lang: str = "nl") -> tuple[StatementRow, ...]:
    p = _choice(part, REPORT_PARTS, "ONDERDEEL")
    v = Vocabulary(store, lang)
    return tuple(StatementRow(p, short(r["s"]), r["kind"], r.get("label") or "", r.get("text") or "", r.get("rank"),
                              v.term(r.get("polarity")) or None,
                              tuple(v.label("factoren", short(f)) for f in _split(r.get("factors"))),
                              tuple(v.label("doelgroepen", short(g)) for g in _split(r.get("groups"))),
                              _split(r.get("anchors")))
                 for r in run(store, "report-statements", about=ID + "rapportdeel/" + p, lang=lang))


@dataclass(frozen=True)
class GroupProfileRow:
    group: str
    label: str
    regulation: str
    characteristics: tuple[str, ...]
    respondents: tuple[str, ...]
    declared_total: int | None
    anchors: tuple[str, ...]


def group_profiles(store, lang: str = "nl") -> tuple[GroupProfileRow, ...]:
    return tuple(GroupProfileRow(short(r["group"]), r.get("label") or "", r["regulation"],
                                 _split(r.get("characteristics"), "|"), _split(r.get("respondents")), r.get("total"),
                                 _split(r.get("anchors")))
                 for r in run(store, "research-groups", lang=lang))


@dataclass(frozen=True)
class PracticeRow:
    programme: str
    programme_name: str
    id: str
    label: str
    description: str
    theme: str
    municipalities: tuple[str, ...]
    interventions: tuple[str, ...]
    anchors: tuple[str, ...]


def programmes(store, programme: str | None = None, lang: str = "nl") -> tuple[PracticeRow, ...]:
    v = Vocabulary(store, lang)
    params = {}
    if programme:
        params["programme"] = ID + "programma/" + _choice(programme, ("update", "grip-op-groei", "rmc-west-brabant"),
                                                           "PROGRAMMA")
    return tuple(PracticeRow(short(r["prog"]), r["progname"], short(r["p"]), r.get("label") or "", r.get("desc") or "",
                             v.label("updatethemas", short(r["theme"])), _split(r.get("municipalities"), "|"),
                             tuple(v.label("interventietypen", short(t)) for t in _split(r.get("types"))),
                             _split(r.get("anchors")))
                 for r in run(store, "programme-practices", lang=lang, **params))


@dataclass(frozen=True)
class CareerRow:
    case: str
    person: str
    from_role: str
    to_role: str
    kind: str
    year: str | None
    age: int | None
    anchors: tuple[str, ...]


def careers(store, kind: str | None = None, lang: str = "nl") -> tuple[CareerRow, ...]:
    v = Vocabulary(store, lang)
    params = {}
    if kind:
        f = v.resolve(kind, ("transitietypen",), "--soort")
        params["kind"] = ID + f"concept/{f.scheme}/{f.id}"
    return tuple(CareerRow(short(r["case"]), r.get("person") or "", r.get("from") or "", r.get("to") or "",
                           v.label("transitietypen", short(r["type"])), str(r["year"]) if r.get("year") else None,
                           r.get("age"), _split(r.get("anchors")))
                 for r in run(store, "careers", lang=lang, **params))
