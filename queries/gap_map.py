"""The evidence gap map: intervention types x outcomes, one facet per group.

In the style of the 3ie and Campbell evidence and gap maps: every intervention type is a row,
every outcome type a column, and each cell counts the evidence configurations (case x
intervention x outcome, ``ww:Configuration``) in it, split into favourable, unfavourable and
unclear, with the cases behind them. A facet repeats the matrix for one group: the three
self-direction groups of the research report (only configurations coded for that group) or,
with ``facet="doelgroep"``, every stated target group. The first facet always holds all
configurations.

*Research agreement* compares a cell with Table 3.2 of the research report for the facet's
self-direction group (all groups in the first facet): ``agrees`` when the research says the
type works and the cell has favourable configurations (or works less and only unfavourable
ones), ``disagrees`` when they point opposite ways, ``mixed`` when the research says both,
``research-only`` when the research speaks of the type but the cell is empty, ``none`` when
the research says nothing about the type. Empty cells are in the result too (``total == 0``).

This is the researchers' question; ``watwerkt gaten`` may adopt it (see the report).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from watwerkt.queries.graph_views import SELF_DIRECTION_GROUPS, short
from watwerkt.queries.runner import run


@dataclass(frozen=True)
class Cell:
    type: str
    outcome: str
    favourable: int
    unfavourable: int
    unclear: int
    cases: tuple[str, ...]
    research: str  # agrees | disagrees | mixed | research-only | none | unknown (not asked)

    @property
    def total(self) -> int:
        return self.favourable + self.unfavourable + self.unclear


@dataclass(frozen=True)
class Facet:
    group: str  # "" for all configurations
    label: str
    configurations: int
    cells: tuple[Cell, ...]  # every type x outcome, empty ones included


@dataclass(frozen=True)
class GapMap:
    lang: str
    facet_kind: str  # zelfregie | doelgroep
    types: tuple[tuple[str, str], ...]  # (id, label), rows
    outcomes: tuple[tuple[str, str], ...]  # (id, label), columns
    facets: tuple[Facet, ...]
    case_labels: tuple[tuple[str, str], ...]  # (id, "number. title")


def _verdict(research: set[bool], fav: int, unfav: int, total: int) -> str:
    if not research:
        return "none"
    if research == {True, False}:
        return "mixed"
    if total == 0:
        return "research-only"
    works = True in research
    if works:
        return "agrees" if fav else "disagrees" if unfav else "mixed"
    return "agrees" if unfav and not fav else "disagrees" if fav else "mixed"


def gap_map(store, *, lang: str = "nl", facet: str = "zelfregie", all_types: bool = False) -> GapMap:
    """The gap map over the configurations in ``store``. Rows are the intervention types with
    any configuration (every type in the scheme with ``all_types``)."""
    labels = {(r["scheme"], r["notation"]): (r["en"] if lang == "en" else r["nl"]) or r["notation"]
              for r in run(store, "graph-concepts")}
    cfg: dict[str, dict] = {}
    for r in run(store, "graph-configurations"):
        c = cfg.setdefault(r["cfg"], {"case": short(r["case"]), "outcome": r["otype"], "fav": r["favourability"],
                                      "types": set(), "sd": set(), "targets": set()})
        if r["type"]:
            c["types"].add(r["type"])
        if r["group"]:
            c["sd"].add(r["group"])
        if r["target"]:
            c["targets"].add(r["target"])
    research: dict[tuple[str, str], set[bool]] = defaultdict(set)
    for r in run(store, "graph-elements"):
        if r["type"]:
            research[(r["type"], r["group"])].add(bool(r["works"]))
            research[(r["type"], "")].add(bool(r["works"]))
    used_types = {t for c in cfg.values() for t in c["types"]}
    used_outcomes = {c["outcome"] for c in cfg.values()}
    type_ids = sorted((n for (s, n) in labels if s == "interventietypen" and (all_types or n in used_types)),
                      key=lambda n: (labels[("interventietypen", n)].casefold(), n))
    outcome_ids = sorted((n for (s, n) in labels if s == "uitkomsten" and n in used_outcomes),
                         key=lambda n: (labels[("uitkomsten", n)].casefold(), n))
    if facet == "doelgroep":
        groups = sorted({g for c in cfg.values() for g in c["targets"]})
        member = "targets"
    else:
        groups, member = list(SELF_DIRECTION_GROUPS), "sd"
    facets = []
    for group in ["", *groups]:
        chosen = [c for c in cfg.values() if not group or group in c[member]]
        counts: dict[tuple[str, str], dict] = defaultdict(lambda: {"favourable": 0, "unfavourable": 0,
                                                                   "unclear": 0, "cases": set()})
        for c in chosen:
            for t in c["types"]:
                cell = counts[(t, c["outcome"])]
                cell[c["fav"]] += 1
                cell["cases"].add(c["case"])
        rgroup = group if group in SELF_DIRECTION_GROUPS else ""
        cells = []
        for t in type_ids:
            for o in outcome_ids:
                x = counts.get((t, o), {"favourable": 0, "unfavourable": 0, "unclear": 0, "cases": set()})
                total = x["favourable"] + x["unfavourable"] + x["unclear"]
                cells.append(Cell(t, o, x["favourable"], x["unfavourable"], x["unclear"], tuple(sorted(x["cases"])),
                                  _verdict(research.get((t, rgroup), set()), x["favourable"], x["unfavourable"], total)))
        label = labels.get(("doelgroepen", group), group) if group else ("alle configuraties" if lang == "nl" else "all configurations")
        facets.append(Facet(group, label, len(chosen), tuple(cells)))
    cases = {}
    for r in run(store, "graph-cases"):
        cases[short(r["case"])] = f"{r['number']}. {r['title'] or r['subject']}"
    return GapMap(lang, facet, tuple((t, labels[("interventietypen", t)]) for t in type_ids),
                  tuple((o, labels[("uitkomsten", o)]) for o in outcome_ids), tuple(facets),
                  tuple(sorted(cases.items())))


def from_gaps(res, lang: str = "nl") -> GapMap:
    """The ``gaten`` command's result (:class:`~watwerkt.queries.overview.Gaps`: target groups
    x intervention types x outcomes, cells with evidence only, research agreement per cell)
    as a gap map; an empty cell gets ``research-only`` when Table 3.2 speaks of its type."""
    label = res.labels.get
    said = {(g, t): set(works) for g, t, works in getattr(res, "research", ())}
    facets = []
    for g in res.groups:
        by = {(c.intervention, c.outcome): c for c in res.cells if c.group == g}
        cells = tuple(Cell(t, o, by[(t, o)].favourable, by[(t, o)].unfavourable, by[(t, o)].unclear,
                           by[(t, o)].cases, getattr(by[(t, o)], "research", "unknown")) if (t, o) in by
                      else Cell(t, o, 0, 0, 0, (), _verdict(said.get((g, t), set()), 0, 0, 0))
                      for t in res.interventions for o in res.outcomes)
        facets.append(Facet(g, label(g, g), sum(c.total for c in cells), cells))
    cases = sorted({x for c in res.cells for x in c.cases})
    return GapMap(lang, "doelgroep", tuple((t, label(t, t)) for t in res.interventions),
                  tuple((o, label(o, o)) for o in res.outcomes), tuple(facets), tuple((c, c) for c in cases))
