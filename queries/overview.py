"""The overview questions: the factor taxonomy, outcomes by intervention, gaps, cases side by side.

Each runs one parameterised query (``factor-table``, ``outcome-table``, ``gap-cells``, and
``compare-case`` once per compared case); grouping and counting happen in the store, Python
only puts the rows in order and looks up labels in the vocabulary.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from watwerkt.queries.common import (
    ID,
    SELF_DIRECTION,
    ResolvedFilter,
    Vocabulary,
    concept_iri,
    short,
)
from watwerkt.queries.runner import run

TAXONOMY = ("persoonlijk", "sociaal", "werkgever", "werk", "omgeving")  # the report's order
BOOK_OUTCOMES = ("loopbaansucces", "inzetbaarheid", "vakmanschap", "bevlogenheid", "verzuim", "verloop")


@dataclass(frozen=True)
class FactorRow:
    factor: str
    label: str
    group: str
    is_group: bool
    named_angels: int
    named_bears: int
    interpreted_angels: int
    interpreted_bears: int
    research_mentions: int


def factor_table(store, lang: str = "nl") -> tuple[FactorRow, ...]:
    rows = []
    for r in run(store, "factor-table", lang=lang):
        parent = short(r.get("broader"))
        rows.append(FactorRow(short(r["fac"]), r.get("label") or short(r["fac"]), parent or short(r["fac"]),
                              parent is None, r.get("named_angels") or 0, r.get("named_bears") or 0,
                              r.get("read_angels") or 0, r.get("read_bears") or 0, r.get("research") or 0))
    order = {g: n for n, g in enumerate(TAXONOMY)}
    return tuple(sorted(rows, key=lambda x: (order.get(x.group, 99), not x.is_group, x.label)))


@dataclass(frozen=True)
class OutcomeRow:
    outcome: str
    outcome_label: str
    intervention: str
    intervention_label: str
    favourable: int  # cases, outcome tied to the intervention
    unfavourable: int
    unclear: int
    case_wide: int  # favourable, not tied to one intervention
    cases: tuple[str, ...]


@dataclass(frozen=True)
class Outcomes:
    filters: tuple[ResolvedFilter, ...]
    rows: tuple[OutcomeRow, ...]


def outcome_table(store, outcome: str | None = None, lang: str = "nl") -> Outcomes:
    v = Vocabulary(store, lang)
    o = v.resolve(outcome, ("uitkomsten",), "--uitkomst")
    params = {"outcome": concept_iri(o.scheme, o.id)} if o else {}
    rows = [OutcomeRow(short(r["otype"]), v.label("uitkomsten", short(r["otype"])), short(r["type"]),
                       v.label("interventietypen", short(r["type"])), r["favourable"], r["unfavourable"],
                       r["unclear"], r["casewide"], tuple(sorted(short(c) for c in r["cases"].split())))
            for r in run(store, "outcome-table", **params)]
    rows.sort(key=lambda x: (x.outcome_label, -x.favourable, x.unfavourable, -x.case_wide, x.intervention_label))
    return Outcomes(tuple(f for f in (o,) if f), tuple(rows))


@dataclass(frozen=True)
class GapCell:
    group: str
    intervention: str
    outcome: str
    favourable: int
    unfavourable: int
    unclear: int
    cases: tuple[str, ...]
    research: str = "none"  # agrees | disagrees | mixed | research-only | none (see queries/gap_map.py)


@dataclass(frozen=True)
class GapRow:
    group: str
    group_label: str
    intervention: str
    intervention_label: str
    covered: tuple[str, ...]  # outcome labels with at least one configuration
    missing: tuple[str, ...]  # the book's outcomes without any


@dataclass(frozen=True)
class Gaps:
    filters: tuple[ResolvedFilter, ...]
    groups: tuple[str, ...]
    interventions: tuple[str, ...]
    outcomes: tuple[str, ...]
    cells: tuple[GapCell, ...]  # only the cells with evidence; every other cell is a gap
    rows: tuple[GapRow, ...]
    labels: dict  # id -> label for groups, interventions and outcomes
    research: tuple[tuple[str, str, tuple[bool, ...]], ...] = ()  # (group, type, what Table 3.2 says: works?)


DEFAULT_GROUPS = ("zelfsturende-groeiers", "richtingzoekers", "noodzaakgestuurde-leerders",
                  "praktisch-geschoolden", "buitendienst", "middengroep", "oudere-medewerkers")


def gaps(store, groups: tuple[str, ...] = (), lang: str = "nl", only_empty: bool = False) -> Gaps:
    """Target group x intervention type x outcome: the evidence in each cell, and the empty cells."""
    v = Vocabulary(store, lang)
    filters = tuple(v.resolve(g, ("doelgroepen",), "--doelgroep") for g in groups)
    facet_ids = tuple(f.id for f in filters) or DEFAULT_GROUPS
    cells: list[GapCell] = []
    for gid in facet_ids:
        for r in run(store, "gap-cells", facet=concept_iri("doelgroepen", gid)):
            cells.append(GapCell(gid, short(r["type"]), short(r["otype"]), r["favourable"], r["unfavourable"],
                                 r["unclear"], tuple(sorted(short(c) for c in r["cases"].split()))))
    merged: dict[tuple[str, str, str], GapCell] = {}
    for c in cells:  # a facet gathers its narrower and broader groups: add them up per facet
        key = (c.group, c.intervention, c.outcome)
        m = merged.get(key)
        cases = tuple(sorted(set(c.cases) | set(m.cases if m else ())))
        merged[key] = GapCell(c.group, c.intervention, c.outcome, max(c.favourable, m.favourable if m else 0),
                              max(c.unfavourable, m.unfavourable if m else 0), max(c.unclear, m.unclear if m else 0),
                              cases)
    # what Table 3.2 says per intervention type, for a self-direction group (or any group): 32 cells
    said: dict[tuple[str, str], set[bool]] = {}
    for r in run(store, "graph-elements"):
        if r.get("type"):
            for g in (r["group"], ""):
                said.setdefault((g, r["type"]), set()).add(bool(r["works"]))
    from watwerkt.queries.gap_map import _verdict

    merged = {k: GapCell(*dataclasses.astuple(c)[:7], _verdict(
        said.get((c.group if c.group in SELF_DIRECTION else "", c.intervention), set()),
        c.favourable, c.unfavourable, c.favourable + c.unfavourable + c.unclear)) for k, c in merged.items()}
    types = tuple(sorted({k for (s, k), _ in v.terms.labels.items() if s == "interventietypen"},
                         key=lambda t: v.label("interventietypen", t)))
    labels = {**{g: v.label("doelgroepen", g) for g in facet_ids},
              **{t: v.label("interventietypen", t) for t in types},
              **{o: v.label("uitkomsten", o) for o in BOOK_OUTCOMES}}
    rows = []
    for g in facet_ids:
        for t in types:
            covered = tuple(o for o in BOOK_OUTCOMES if (g, t, o) in merged)
            if only_empty and covered:
                continue
            rows.append(GapRow(g, labels[g], t, labels[t], tuple(labels[o] for o in covered),
                               tuple(labels[o] for o in BOOK_OUTCOMES if o not in covered)))
    research = tuple((g, t, tuple(sorted(said[(g if g in SELF_DIRECTION else "", t)])))
                     for g in facet_ids for t in types if (g if g in SELF_DIRECTION else "", t) in said)
    return Gaps(filters, facet_ids, types, BOOK_OUTCOMES, tuple(sorted(merged.values(), key=lambda c: (
        facet_ids.index(c.group), c.intervention, c.outcome))), tuple(rows), labels, research)


@dataclass(frozen=True)
class CaseSummary:
    id: str
    number: int
    title: str
    subject: str
    kind: str
    municipalities: tuple[str, ...]
    drivers: tuple[str, ...]
    interventions: tuple[str, ...]
    named_angels: tuple[str, ...]
    named_bears: tuple[str, ...]
    outcomes: tuple[str, ...]  # "label: direction"
    group_fit: str | None


def compare(store, ids: list[str], lang: str = "nl") -> tuple[CaseSummary, ...]:
    from watwerkt.queries.cases import require_case

    v = Vocabulary(store, lang)
    out = []
    for cid in ids:
        require_case(store, cid)
        r = run(store, "compare-case", case=ID + "case/" + cid, lang=lang)[0]
        outs = []
        for pair in sorted((r.get("outcomes") or "").split()):
            ot, _, d = pair.partition("=")
            outs.append(f"{v.label('uitkomsten', short(ot))}: {v.term(d)}")
        out.append(CaseSummary(
            cid, r["number"], r.get("title") or r["subject"], r["subject"],
            "employee" if r["kind"].endswith("EmployeeCase") else "organisation",
            tuple(sorted(m for m in (r.get("municipalities") or "").split("|") if m)),
            tuple(sorted(v.label("aanleidingen", short(x)) for x in (r.get("drivers") or "").split())),
            tuple(sorted(v.label("interventietypen", short(x)) for x in (r.get("types") or "").split())),
            tuple(sorted(x for x in (r.get("angels") or "").split("|") if x)),
            tuple(sorted(x for x in (r.get("bears") or "").split("|") if x)),
            tuple(sorted(set(outs))),
            v.label("doelgroepen", short(r["group"])) if r.get("group") else None))
    return tuple(out)
