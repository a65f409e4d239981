"""Engelen en beren: the angels and bears themselves, the book's own apart from our reading.

Each influence records where its polarity comes from (``ww:polarityBasis``): *named* when
the case lists it in its angels-and-bears section or calls it engel or beer in the text,
*interpreted* when it is our reading of a passage elsewhere. By default only named items are
listed. ``--per factor`` counts them per factor instead; flips (a bear that became an angel,
or the same thing as both) are given per item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from watwerkt.errors import UsageError
from watwerkt.folding import fold
from watwerkt.queries.common import ID, WW, ResolvedFilter, Vocabulary, concept_iri, short
from watwerkt.queries.runner import run

BASIS = {"genoemd": "named", "named": "named", "geinterpreteerd": "read-in", "geïnterpreteerd": "read-in",
         "interpreted": "read-in", "alle": None, "all": None}
POLARITY = {"engel": "angel", "angel": "angel", "beer": "bear", "bear": "bear"}
KIND = {"organisatie": "OrganisationCase", "organisation": "OrganisationCase",
        "medewerker": "EmployeeCase", "employee": "EmployeeCase"}


@dataclass(frozen=True)
class InfluenceItem:
    id: str
    case: str
    case_number: int
    case_title: str
    actor: str
    polarity: str  # angel | bear
    polarity_label: str
    state: str  # actual | potential | overcome
    state_label: str
    basis: str  # named | interpreted
    factors: tuple[str, ...]  # labels
    anchors: tuple[str, ...]
    quote: str | None
    flip: str | None  # the counterpart or what it turned into, if any


@dataclass(frozen=True)
class FactorCount:
    factor: str
    label: str
    angels: int
    bears: int
    potential: int
    overcome: int
    cases: int


@dataclass(frozen=True)
class AngelsBears:
    filters: tuple[ResolvedFilter, ...]
    basis: str  # named | interpreted | all
    items: tuple[InfluenceItem, ...]
    per_factor: tuple[FactorCount, ...]


def _params(v: Vocabulary, *, polarity, basis, kind, case, factor, actor) -> tuple[dict, list]:
    params: dict = {}
    filters: list[ResolvedFilter] = []
    if polarity:
        if fold(polarity) not in POLARITY:
            raise UsageError(f"onbekende polariteit {polarity!r}", en=f"unknown polarity {polarity!r}",
                             hint="engel of beer", hint_en="angel or bear")
        params["polarity"] = WW + POLARITY[fold(polarity)]
    b = BASIS.get(fold(basis or "genoemd"), "?")
    if b == "?":
        raise UsageError(f"onbekende basis {basis!r}", en=f"unknown basis {basis!r}",
                         hint="genoemd, geinterpreteerd of alle", hint_en="named, interpreted or all")
    if b:
        params["basis"] = WW + b
    if kind:
        if fold(kind) not in KIND:
            raise UsageError(f"onbekende soort {kind!r}", en=f"unknown kind {kind!r}",
                             hint="organisatie of medewerker", hint_en="organisation or employee")
        params["kind"] = WW + KIND[fold(kind)]
    if case:
        params["case"] = ID + "case/" + fold(case).replace(" ", "-")
    if factor:
        f = v.resolve(factor, ("factoren",), "--factor")
        filters.append(f)
        params["factor"] = concept_iri(f.scheme, f.id)
    if actor:
        params["actor"] = _actor_pattern(v, actor, filters)
    return params, filters


def _actor_pattern(v: Vocabulary, actor: str, filters: list) -> object:
    """A regex over the folded actor key: whole words, accent-insensitive.

    When the term names a kind of actor (scheme ``actoren``: "OR", "works council",
    "wethouder"), every label and synonym of that concept counts; otherwise the words
    themselves. The pattern is a bound value, never query text.
    """
    import pyoxigraph as ox

    words = fold(actor)
    if not words or len(words) > 100:
        raise UsageError(f"ongeldige actor {actor!r}", en=f"invalid actor {actor!r}",
                         hint="een of enkele woorden", hint_en="one or a few words")
    alternatives = {words}
    hit = v.terms.keys.get("actoren", {}).get(words)
    if hit:
        filters.append(ResolvedFilter("--actor", actor, "actoren", hit, v.label("actoren", hit), "synonym"))
        alternatives |= {k for k, ident in v.terms.keys["actoren"].items() if ident == hit}
    safe = sorted(re.sub(r"[^a-z0-9' ]", " ", a).strip() for a in alternatives)
    body = "|".join(" ".join(a.split()) for a in safe if a)
    return ox.Literal(f" ({body}) ")


def angels_and_bears(store, *, lang: str = "nl", polarity=None, basis=None, kind=None, case=None,
                     factor=None, actor=None, per_factor: bool = False) -> AngelsBears:
    v = Vocabulary(store, lang)
    params, filters = _params(v, polarity=polarity, basis=basis, kind=kind, case=case, factor=factor, actor=actor)
    if case:
        from watwerkt.queries.cases import require_case

        require_case(store, params["case"].removeprefix(ID + "case/"))
    b = short(params.get("basis")) or "all"
    b = "interpreted" if b == "read-in" else b
    if per_factor:
        counts = tuple(FactorCount(short(r["fac"]), r.get("label") or short(r["fac"]), r["angels"], r["bears"],
                                   r["potential"], r["overcome"], r["cases"])
                       for r in run(store, "influence-counts", lang=lang, **params))
        return AngelsBears(tuple(filters), b, (), counts)
    items = []
    for r in run(store, "influence-items", lang=lang, **params):
        items.append(InfluenceItem(
            id=short(r["inf"]), case=short(r["case"]), case_number=r["number"], case_title=r.get("title") or "",
            actor=r.get("label") or short(r["inf"]), polarity=short(r["p"]), polarity_label=v.term(r["p"]),
            state=short(r["s"]), state_label=v.term(r["s"]),
            basis="named" if short(r["b"]) == "named" else "interpreted",
            factors=tuple(sorted(v.label("factoren", short(f)) for f in (r.get("factors") or "").split())),
            anchors=tuple(sorted((r.get("anchors") or "").split())), quote=r.get("quote"),
            flip=short(r.get("turnedInto") or r.get("counterpart")),
        ))
    if actor and not items:
        raise UsageError(f"geen engel of beer gevonden voor actor {actor!r}",
                         en=f"no angel or bear found for actor {actor!r}",
                         hint="probeer --basis alle of een ander woord", hint_en="try --basis all or another word")
    return AngelsBears(tuple(filters), b, tuple(items), ())
