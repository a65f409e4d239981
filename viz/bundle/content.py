"""What a facilitators' bundle holds, as typed data: selection, cards, sorting cards, sheets, guide.

:func:`make_bundle` selects the cases (by id, by the advisor's filters through the evidence
configurations, or all 28), reads each case card (:func:`watwerkt.queries.case_card.case_card`)
and derives the rest from them and from a few small queries over the research report: the NRO
factor cards (the ``factoren`` concept scheme), the three self-direction group profiles
(Table 3.1) and their Table 3.2 rows with the selected cases behind each cell. Nothing here
writes text of the sources: every sentence is our own wording or a short quote from the store.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from watwerkt.queries.case_card import CaseCard
from watwerkt.viz.bundle.words import GROUPS, w

FILTER_SCHEMES = {"doelgroep": "doelgroepen", "context": "aanleidingen", "uitkomst": "uitkomsten", "factor": "factoren"}
FILTER_PARAM = {"doelgroep": "group", "context": "context", "uitkomst": "outcome", "factor": "factor"}


@dataclass(frozen=True)
class SortCard:
    kind: str  # influence | factor | group
    title: str
    body: str
    corner: str  # polarity and case, the factor group, or "zelfregiegroep"
    polarity: str | None = None
    case: str | None = None


@dataclass(frozen=True)
class Cell:
    element: str
    label: str
    coded: tuple[str, ...]  # selected cases coded for this group whose interventions match it
    elsewhere: tuple[str, ...]  # selected cases that apply it but are not coded for this group


@dataclass(frozen=True)
class GroupSheet:
    group: str
    label: str
    regulation: str | None
    respondents: int | None
    characteristics: tuple[str, ...]
    works: tuple[Cell, ...]
    works_less: tuple[Cell, ...]


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    cases: tuple[str, ...]  # case ids


@dataclass(frozen=True)
class GuideStep:
    minutes: int
    title: str
    text: str


@dataclass(frozen=True)
class Bundle:
    lang: str
    paper: str  # a4: A6 sorting cards four per A4 sheet; a6: one sorting card per A6 page
    resolved: tuple[str, ...]  # how each filter term was understood
    cards: tuple[CaseCard, ...]
    themes: tuple[Theme, ...]
    guide: tuple[GuideStep, ...]
    questions: tuple[str, ...]  # discussion questions generated from the selection
    card_questions: dict = field(default_factory=dict)  # case id -> two or three questions
    sort_cards: tuple[SortCard, ...] = ()
    group_sheets: tuple[GroupSheet, ...] = ()
    sources: tuple = ()  # the source documents (title, publisher, year, authors), for LEESMIJ.txt

    @property
    def named_influences(self):
        return [(c, i) for c in self.cards for i in c.influences if i.named]


def select_cases(store, *, cases=(), filters: dict | None = None, lang: str = "nl") -> tuple[list[str], list[str]]:
    """The selected case ids in book order, and one line per resolved filter."""
    from watwerkt.queries.cases import list_cases
    from watwerkt.queries.runner import run

    all_ids = [c.id for c in list_cases(store)]
    if cases:
        from watwerkt.queries.case_card import known_case

        for cid in cases:
            known_case(store, cid)
        wanted = set(cases)
        return [c for c in all_ids if c in wanted], []
    filters = {k: v for k, v in (filters or {}).items() if v is not None}
    if not filters:
        return all_ids, []
    from watwerkt.queries.common import Vocabulary, concept_iri

    vocab = Vocabulary(store, lang)
    params, lines = {}, []
    for option in FILTER_SCHEMES:  # a fixed order, so the echo is the same every time
        if option in filters:
            f = vocab.resolve(filters[option], (FILTER_SCHEMES[option],), f"--{option}")
            params[FILTER_PARAM[option]] = concept_iri(f.scheme, f.id)
            lines.append(f.line(lang))
    hits = {r["case"].rsplit("/", 1)[-1] for r in run(store, "case-selection", **params)}
    return [c for c in all_ids if c in hits], lines


def make_bundle(store, *, cases=(), filters: dict | None = None, lang: str = "nl", paper: str = "a4") -> Bundle:
    from watwerkt.errors import UsageError
    from watwerkt.queries.case_card import case_card, term_labels
    from watwerkt.queries.terms import TermIndex
    from watwerkt.viz.bundle.archive import sources

    ids, resolved = select_cases(store, cases=cases, filters=filters, lang=lang)
    if not ids:
        raise UsageError("geen casussen voor deze filters", en="no cases for these filters",
                         hint="maak de filters ruimer of kies casussen met --case",
                         hint_en="widen the filters or choose cases with --case")
    terms = TermIndex.from_store(store)
    labels = term_labels(store, lang)
    cards = tuple(case_card(store, cid, lang, terms=terms, labels=labels) for cid in ids)
    card_questions = {c.id: card_questions_for(c) for c in cards}
    return Bundle(lang=lang, paper=paper, resolved=tuple(resolved), cards=cards, themes=themes_of(cards, terms, lang),
                  guide=guide_steps(cards, lang), questions=selection_questions(cards, lang),
                  card_questions=card_questions,
                  sort_cards=tuple(_influence_cards(cards, lang)) + tuple(_factor_cards(store, cards, terms, lang))
                  + tuple(_group_cards(store, terms, lang)),
                  group_sheets=tuple(_group_sheets(store, cards, terms, lang)),
                  sources=tuple(sources(store)))


def themes_of(cards, terms, lang: str) -> tuple[Theme, ...]:
    """The selected cases by theme: the kinds of driver they started from (a case under each of its kinds)."""
    by: dict[str, list[str]] = {}
    for c in cards:
        for d in c.drivers:
            if c.id not in by.setdefault(d.type, []):
                by[d.type].append(c.id)
    out = [Theme(t, terms.label("aanleidingen", t, lang), tuple(ids)) for t, ids in by.items()]
    return tuple(sorted(out, key=lambda t: (-len(t.cases), t.label)))


def _title(c: CaseCard) -> str:
    return c.short_title or c.title


def card_questions_for(c: CaseCard) -> tuple[str, ...]:
    """Two or three questions for one case, made from what the card holds."""
    lang = c.lang
    out = []
    bears = [i for i in c.influences if i.named and i.polarity == "bear"]
    angels = [i for i in c.influences if i.named and i.polarity == "angel"]
    used = [i for i in c.interventions if i.status in (None, "used")]
    unclear = [o for o in c.outcomes if o.favourability != "favourable"]
    if used:
        out.append(w("q_card_intervention", lang, what=used[0].label))
    if bears:
        out.append(w("q_card_bear", lang, who=bears[0].actor))
    elif angels:
        out.append(w("q_card_angel", lang, who=angels[0].actor))
    if unclear:
        out.append(w("q_card_unclear", lang, what=unclear[0].type_label.lower()))
    elif c.kind == "employee":
        out.append(w("q_card_employee", lang, who=c.subject))
    return tuple(out[:3])


def selection_questions(cards, lang: str) -> tuple[str, ...]:
    """Discussion questions for the whole selection, from what its cards have in common."""
    angel_f, bear_f, iv_t, fav = Counter(), Counter(), Counter(), Counter()
    for c in cards:
        for f in {lb for i in c.influences if i.named and i.polarity == "angel" for lb in i.factor_labels}:
            angel_f[f] += 1
        for f in {lb for i in c.influences if i.named and i.polarity == "bear" for lb in i.factor_labels}:
            bear_f[f] += 1
        for t in {lb for i in c.interventions if i.status in (None, "used") for lb in i.type_labels}:
            iv_t[t] += 1
        for o in c.outcomes:
            fav[o.favourability] += 1
    n = len(cards)
    out = []
    if angel_f:
        f, k = sorted(angel_f.items(), key=lambda x: (-x[1], x[0]))[0]
        out.append(w("q_sel_angel", lang, factor=f.lower(), k=k, n=n))
    if bear_f:
        f, k = sorted(bear_f.items(), key=lambda x: (-x[1], x[0]))[0]
        out.append(w("q_sel_bear", lang, factor=f.lower(), k=k, n=n))
    if iv_t:
        t, k = sorted(iv_t.items(), key=lambda x: (-x[1], x[0]))[0]
        out.append(w("q_sel_intervention", lang, what=t.lower(), k=k, n=n))
    if fav["unclear"] + fav["unfavourable"]:
        out.append(w("q_sel_unclear", lang, k=fav["unclear"] + fav["unfavourable"], total=sum(fav.values())))
    fits = Counter(c.self_direction_label for c in cards if c.self_direction_label)
    if fits:
        out.append(w("q_sel_groups", lang, groups=", ".join(f"{g} ({k})" for g, k in sorted(fits.items()))))
    out.append(w("q_sel_own", lang))
    return tuple(out)


def guide_steps(cards, lang: str) -> tuple[GuideStep, ...]:
    """A session of 75 minutes (60 to 90 by shortening or lengthening step 3 and 4)."""
    n = len(cards)
    read = min(n, 3)
    return tuple(GuideStep(m, w(f"guide_{k}_title", lang), w(f"guide_{k}_text", lang, n=n, read=read))
                 for k, m in (("open", 10), ("read", 15), ("sort", 20), ("groups", 15), ("own", 10), ("close", 5)))


def _influence_cards(cards, lang: str):
    for c in cards:
        for i in c.influences:
            if i.named:
                yield SortCard("influence", i.actor, i.description or "", f"{c.term(i.polarity)} \u00b7 {_title(c)}",
                               i.polarity, c.id)


def _factor_cards(store, cards, terms, lang: str):
    """One card per NRO factor (concepts of ``factoren`` with a group), with the report's ranking,
    how often the book names it behind an angel or a bear in the selected cases, and a prompt."""
    from watwerkt.queries.runner import run

    named = Counter((f, i.polarity) for c in cards for i in c.influences if i.named for f in set(i.factors))
    ranks: dict[str, list[str]] = {}
    for r in run(store, "statements", lang=lang):
        if r.get("rank") and r.get("factor") and r.get("polarity") and "meest-genoemd" in (r.get("kind") or ""):
            key = "fig_stim" if r["polarity"] == "angel" else "fig_limit"
            line = w(key, lang, rank=r["rank"])
            if line not in ranks.setdefault(r["factor"], []):
                ranks[r["factor"]].append(line)
    factors = sorted((ident for (scheme, ident) in terms.broader if scheme == "factoren"),
                     key=lambda f: (_GROUP_ORDER.get(terms.broader[("factoren", f)], 9), f))
    for f in factors:
        group = terms.broader[("factoren", f)]
        lines = sorted(ranks.get(f, []))
        if named[(f, "angel")] or named[(f, "bear")]:
            lines.append(w("factor_counts", lang, angels=named[(f, "angel")], bears=named[(f, "bear")]))
        lines.append(w("factor_prompt", lang))
        yield SortCard("factor", terms.label("factoren", f, lang), " ".join(lines), terms.label("factoren", group, lang))


_GROUP_ORDER = {"persoonlijk": 0, "sociaal": 1, "werkgever": 2, "werk": 3, "omgeving": 4}


def _profiles(store, lang: str) -> dict[str, dict]:
    from watwerkt.queries.runner import run

    out: dict[str, dict] = {}
    for r in run(store, "group-profiles", lang=lang):
        d = out.setdefault(r["group"], {"regulation": r.get("regulation"), "total": r.get("declaredTotal"), "chars": set()})
        if r.get("characteristic"):
            d["chars"].add(" ".join(r["characteristic"].split()))
    return out


def _group_cards(store, terms, lang: str):
    prof = _profiles(store, lang)
    for g in GROUPS:
        if g in prof:
            chars = sorted(prof[g]["chars"], key=len)[:4]
            yield SortCard("group", terms.label("doelgroepen", g, lang), " \u2022 ".join(chars), w("self_direction", lang))


def _group_sheets(store, cards, terms, lang: str):
    from watwerkt.queries.runner import run

    prof = _profiles(store, lang)
    cells: dict[str, dict] = {}
    for r in run(store, "mechanisms", lang=lang):
        cells.setdefault(r["element"], {"group": r["group"], "works": bool(r["works"]), "label": r.get("label") or r["element"]})
    for g in GROUPS:
        rows = {True: [], False: []}
        for el, d in sorted(cells.items()):
            if d["group"] != g:
                continue
            using = [c for c in cards if any(m.element == el for m in c.mechanisms)]
            coded = tuple(f"{c.number}. {c.subject}" for c in using if c.self_direction == g or g in c.target_groups)
            elsewhere = tuple(str(c.number) for c in using if not (c.self_direction == g or g in c.target_groups))
            rows[d["works"]].append(Cell(el, " ".join(d["label"].split()), coded, elsewhere))
        p = prof.get(g, {})
        yield GroupSheet(g, terms.label("doelgroepen", g, lang), p.get("regulation"), p.get("total"),
                         tuple(sorted(p.get("chars", ()))), tuple(rows[True]), tuple(rows[False]))
