"""Co-occurrence and network measures for researchers.

**Co-occurrence** counts, for every pair (factor x outcome, or factor x factor), the cases in
which both occur: a factor occurs in a case when one of its angels or bears names it (either
polarity, or only one with ``polarity``); an outcome when the case reports an outcome of that
type. The unit is the case, not the quotation as in ATLAS.ti; the coefficient is ATLAS.ti's
``c = n12 / (n1 + n2 - n12)`` (0: never together, 1: always together), with ``n1`` and ``n2``
the cases of each code. Pairs under ``min_cases`` are left out; the diagonal of factor x
factor is never shown.

**Network measures**: degree and betweenness centrality (networkx, normalised) of every factor
and intervention type in the graph of cases, factors, intervention types and outcomes (the
explorer's overview, undirected).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from watwerkt.queries.graph_views import short
from watwerkt.queries.runner import run


@dataclass(frozen=True)
class Pair:
    row: str
    col: str
    cases: tuple[str, ...]
    n_row: int
    n_col: int

    @property
    def n(self) -> int:
        return len(self.cases)

    @property
    def coefficient(self) -> float:
        union = self.n_row + self.n_col - self.n
        return round(self.n / union, 3) if union else 0.0


@dataclass(frozen=True)
class Measure:
    node: str
    kind: str  # factor | interventiontype
    label: str
    degree: int
    degree_centrality: float
    betweenness: float


@dataclass(frozen=True)
class CoOccurrence:
    lang: str
    kind: str  # factor-uitkomst | factor-factor
    polarity: str | None
    rows: tuple[tuple[str, str], ...]  # (id, label)
    cols: tuple[tuple[str, str], ...]
    pairs: tuple[Pair, ...]
    measures: tuple[Measure, ...]


def cooccurrence(store, *, kind: str = "factor-uitkomst", polarity: str | None = None, min_cases: int = 1,
                 lang: str = "nl") -> CoOccurrence:
    labels = {(r["scheme"], r["notation"]): (r["en"] if lang == "en" else r["nl"]) or r["notation"]
              for r in run(store, "graph-concepts")}
    factors: dict[str, set[str]] = defaultdict(set)
    for r in run(store, "graph-influences"):
        if r["factor"] and (polarity is None or r["polarity"] == polarity):
            factors[r["factor"]].add(short(r["case"]))
    if kind == "factor-factor":
        other, scheme = factors, "factoren"
    else:
        other, scheme = defaultdict(set), "uitkomsten"
        for r in run(store, "graph-outcomes"):
            other[r["type"]].add(short(r["case"]))
    pairs = []
    for f in sorted(factors):
        for o in sorted(other):
            if kind == "factor-factor" and o <= f:
                continue
            both = tuple(sorted(factors[f] & other[o]))
            if len(both) >= max(min_cases, 1):
                pairs.append(Pair(f, o, both, len(factors[f]), len(other[o])))
    rows = sorted({p.row for p in pairs} | ({p.col for p in pairs} if kind == "factor-factor" else set()))
    cols = rows if kind == "factor-factor" else sorted({p.col for p in pairs})

    def lab(scheme_: str, x: str) -> str:
        return labels.get((scheme_, x), x)

    pairs.sort(key=lambda p: (-p.coefficient, -p.n, p.row, p.col))
    return CoOccurrence(lang, kind, polarity, tuple((r, lab("factoren", r)) for r in rows),
                        tuple((c, lab(scheme, c)) for c in cols), tuple(pairs), measures(store, lang))


def measures(store, lang: str = "nl") -> tuple[Measure, ...]:
    """Degree and betweenness of factors and intervention types in the overview graph."""
    import networkx as nx

    from watwerkt.queries.graph_views import overview

    view = overview(store, lang=lang)
    g = nx.Graph()
    g.add_nodes_from(n.key for n in view.nodes)
    g.add_edges_from((e.source, e.target) for e in view.edges)
    degree = nx.degree_centrality(g)
    between = nx.betweenness_centrality(g, normalized=True)
    out = [Measure(n.key, n.kind, n.en if lang == "en" else n.nl, g.degree(n.key), round(degree[n.key], 4),
                   round(between[n.key], 4)) for n in view.nodes if n.kind in ("factor", "interventiontype")]
    out.sort(key=lambda m: (-m.betweenness, -m.degree, m.node))
    return tuple(out)
