"""Graph views for researchers: the overview, an ego view and the evidence gap map.

The questions read the store with the named queries ``sparql/graph-*.rq`` and return typed
results (frozen dataclasses) that hold no HTML and no networkx: :class:`GraphView` (nodes,
edges, each with the evidence behind it) and, in :mod:`watwerkt.queries.gap_map`, the gap
map. ``watwerkt.viz`` draws them; ``watwerkt.viz.explorer.layout`` turns a view into a
networkx graph for the layout and the GraphML/GEXF exports.

Node kinds: ``case``, ``interventiontype``, ``outcome`` (outcome type), ``factor``, ``group``
(the three self-direction groups of the research report), ``municipality`` and ``element``
(a Table 3.2 active element). Edges:

- case -> intervention type (``applies``): the case's interventions of that type;
- case -> outcome (``outcome``): the case's outcomes of that type, with their directions;
- case -> factor (``influence``): one edge per polarity (angel or bear), with the basis of
  the polarity (named by the case or read in by us) and the influences behind it;
- case -> group (``group``): the configurations, or our coded group fit, placing the case;
- intervention type -> outcome (``configuration``): evidence configurations, counted as
  favourable, unfavourable or unclear;
- case -> municipality, case -> element, element -> factor / group / intervention type.

The overview shows the first five kinds; an ego view takes every kind within ``depth`` steps
of one node. More than :data:`MAX_NODES` nodes are refused with a hint to narrow the view.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from watwerkt.errors import UsageError
from watwerkt.queries.runner import run

MAX_NODES = 300
SELF_DIRECTION_GROUPS = ("zelfsturende-groeiers", "richtingzoekers", "noodzaakgestuurde-leerders")
OVERVIEW_KINDS = ("case", "interventiontype", "outcome", "factor", "group")
KINDS = (*OVERVIEW_KINDS, "municipality", "element")
ID_BASE = "https://w3id.org/watwerkt/id/"


@dataclass(frozen=True)
class Evidence:
    """One claim behind a node or an edge, in both languages, with its anchors."""

    kind: str  # intervention | outcome | influence | groupfit | element | configuration
    case: str | None
    nl: str
    en: str
    epistemic: str = ""  # stated | interpreted
    direction: str | None = None
    polarity: str | None = None  # angel | bear
    basis: str | None = None  # named | read-in
    favourability: str | None = None
    status: str | None = None  # of an intervention: used | planned | wished | suggested
    anchors: tuple[str, ...] = ()  # doc:start-end#sha
    lines: tuple[int, ...] = ()
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Node:
    key: str  # kind/identifier: stable, never written into a page
    kind: str
    ident: str
    nl: str
    en: str
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    polarity: str | None = None
    basis: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()  # favourability -> configurations
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)

    @property
    def weight(self) -> int:
        return max(1, len(self.evidence))


@dataclass(frozen=True)
class GraphView:
    view: str  # overview | ego | what-works
    centre: str | None
    depth: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    quotes: bool | None  # None: not read from the store (a question's result)


def usage_error(nl: str, en: str, hint: str | None = None, hint_en: str | None = None) -> UsageError:
    """A :class:`UsageError` in both languages."""
    try:
        return UsageError(nl, en=en, hint=hint, hint_en=hint_en)
    except TypeError:  # an errors module without English texts
        err = UsageError(nl, hint=hint)
        err.en, err.hint_en = en, hint_en
        return err


def short(iri: str | None) -> str:
    return (iri or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


# ------------------------------------------------------------------ reading the store


def _anchors(store) -> dict[str, list[tuple[str, int | None, str | None]]]:
    out: dict[str, list] = defaultdict(list)
    for r in run(store, "graph-anchors"):
        out[r["s"]].append((f"{r['doc']}:{r['start']}-{r['end']}#{r['sha']}", r["line"], r["quote"]))
    for v in out.values():
        v.sort(key=lambda a: a[0])
    return out


def _ev(kind, case, nl, en, anchors, **kw) -> Evidence:
    return Evidence(kind, case, " ".join((nl or en or "").split()), " ".join((en or nl or "").split()),
                    anchors=tuple(a for a, _, _ in anchors), lines=tuple(x for _, x, _ in anchors if x),
                    quotes=tuple(q for _, _, q in anchors if q), **kw)


class ViewBuilder:
    """Collects nodes and edges (evidence merged per edge) and freezes them in a fixed order."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple, dict] = {}

    def node(self, kind: str, ident: str, nl: str, en: str | None = None) -> str:
        key = f"{kind}/{ident}"
        if key not in self.nodes:
            self.nodes[key] = Node(key, kind, ident, nl or ident, en or nl or ident)
        return key

    def edge(self, source: str, target: str, kind: str, ev: Evidence | None = None, *,
             polarity=None, group=None, basis=None, favourability=None) -> None:
        e = self.edges.setdefault((source, target, kind, polarity),
                                  {"evidence": {}, "groups": set(), "basis": set(), "counts": defaultdict(int)})
        if ev is not None:
            e["evidence"][(ev.kind, ev.anchors, ev.nl, ev.direction)] = ev
        if group:
            e["groups"].add(group)
        if basis:
            e["basis"].add(basis)
        if favourability:
            e["counts"][favourability] += 1

    def freeze(self) -> tuple[tuple[Node, ...], tuple[Edge, ...]]:
        groups: dict[str, set] = defaultdict(set)
        edges = []
        for (s, t, kind, pol), e in sorted(self.edges.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
            edge = Edge(s, t, kind, pol, tuple(sorted(e["basis"])), tuple(sorted(e["groups"])),
                        tuple(sorted(e["counts"].items())),
                        tuple(sorted(e["evidence"].values(), key=lambda v: (v.case or "", v.anchors, v.nl))))
            edges.append(edge)
            for g in edge.groups:
                groups[s].add(g)
                groups[t].add(g)
        nodes = tuple(Node(n.key, n.kind, n.ident, n.nl, n.en, tuple(sorted(groups[n.key])))
                      for n in sorted(self.nodes.values(), key=lambda n: (KINDS.index(n.kind), n.key)))
        return nodes, tuple(edges)


def full_graph(store) -> tuple[tuple[Node, ...], tuple[Edge, ...], bool]:
    """Every node and edge of every kind, and whether quotes were built."""
    b = ViewBuilder()
    labels = {(r["scheme"], r["notation"]): (r["nl"], r["en"]) for r in run(store, "graph-concepts")}

    def concept(kind: str, scheme: str, notation: str) -> str:
        nl, en = labels.get((scheme, notation), (notation, notation))
        return b.node(kind, notation, nl, en)

    anchors = _anchors(store)
    case_keys: dict[str, str] = {}
    for r in sorted(run(store, "graph-cases"), key=lambda r: (r["number"], r["municipality"] or "")):
        cid = short(r["case"])
        title = r["title"] or r["subject"]
        case_keys[r["case"]] = b.node("case", cid, f"{r['number']}. {title}", f"{r['number']}. {title}")
        if r["municipality"]:
            b.edge(case_keys[r["case"]], b.node("municipality", short(r["municipality"]), r["mlabel"]),
                   "municipality")
    iv_case: dict[str, str] = {}
    for r in run(store, "graph-interventions"):
        case = case_keys[r["case"]]
        iv_case[r["iv"]] = case
        ev = _ev("intervention", short(r["case"]), r["nl"], r["en"], anchors[r["iv"]],
                 epistemic=r["epistemic"], status=r["status"])
        b.edge(case, concept("interventiontype", "interventietypen", r["type"]), "applies", ev)
        if r["element"]:
            b.edge(case, b.node("element", short(r["element"]), short(r["element"])), "element", ev)
    for r in run(store, "graph-outcomes"):
        ev = _ev("outcome", short(r["case"]), r["nl"], r["en"], anchors[r["o"]],
                 epistemic=r["epistemic"], direction=r["direction"])
        b.edge(case_keys[r["case"]], concept("outcome", "uitkomsten", r["type"]), "outcome", ev)
    for r in run(store, "graph-influences"):
        if not r["factor"]:
            continue
        basis = r["basis"] or ("named" if r["explicit"] else "read-in")
        actor_nl, actor_en = r["actorNl"] or "", r["actorEn"] or r["actorNl"] or ""
        ev = _ev("influence", short(r["case"]), f"{actor_nl}: {r['nl'] or ''}".strip(": "),
                 f"{actor_en}: {r['en'] or r['nl'] or ''}".strip(": "), anchors[r["inf"]],
                 epistemic=r["epistemic"], polarity=r["polarity"], basis=basis)
        b.edge(case_keys[r["case"]], concept("factor", "factoren", r["factor"]), "influence", ev,
               polarity=r["polarity"], basis=basis)
    for r in run(store, "graph-groupfit"):
        ev = _ev("groupfit", short(r["case"]), r["nl"], r["en"], anchors[r["gf"]], epistemic="interpreted")
        if r["group"] in SELF_DIRECTION_GROUPS:
            b.edge(case_keys[r["case"]], concept("group", "doelgroepen", r["group"]), "group", ev, group=r["group"])
    seen_cfg: set[tuple] = set()
    for r in sorted(run(store, "graph-configurations"), key=lambda r: tuple(str(v) for v in r.values())):
        case = case_keys[r["case"]]
        if r["group"]:
            b.edge(case, concept("group", "doelgroepen", r["group"]), "group", group=r["group"])
        if not r["type"]:
            continue
        it, oc = concept("interventiontype", "interventietypen", r["type"]), concept("outcome", "uitkomsten", r["otype"])
        b.edge(case, it, "applies", group=r["group"])
        b.edge(case, oc, "outcome", group=r["group"])
        if (r["cfg"], r["type"]) not in seen_cfg:  # count each configuration once per type
            seen_cfg.add((r["cfg"], r["type"]))
            ev = Evidence("configuration", short(r["case"]), short(r["cfg"]), short(r["cfg"]),
                          epistemic=r["epistemic"], favourability=r["favourability"])
            b.edge(it, oc, "configuration", ev, favourability=r["favourability"])
        if r["group"]:
            b.edge(it, oc, "configuration", group=r["group"])
    for r in run(store, "graph-elements"):
        el = b.node("element", short(r["el"]), r["nl"] or short(r["el"]), r["en"])
        b.nodes[el] = Node(el, "element", short(r["el"]), r["nl"] or short(r["el"]), r["en"] or r["nl"] or "")
        ev = _ev("element", None, r["nl"], r["en"], anchors[r["el"]], polarity="works" if r["works"] else "works-less")
        b.edge(el, concept("group", "doelgroepen", r["group"]), "group", ev, group=r["group"])
        if r["factor"]:
            b.edge(el, concept("factor", "factoren", r["factor"]), "element-factor", ev)
        if r["type"]:
            b.edge(el, concept("interventiontype", "interventietypen", r["type"]), "element-type", ev)
    quotes = any(a[2] for v in anchors.values() for a in v)
    nodes, edges = b.freeze()
    return nodes, edges, quotes


# ------------------------------------------------------------------ the questions


def _restrict(nodes, edges, keep: set[str]):
    return (tuple(n for n in nodes if n.key in keep),
            tuple(e for e in edges if e.source in keep and e.target in keep))


def _check_size(n: int, lang: str) -> None:
    if n > MAX_NODES:
        raise usage_error(f"de weergave heeft {n} knopen, meer dan {MAX_NODES}",
                          f"the view has {n} nodes, more than {MAX_NODES}",
                          "kies een kleinere --diepte of een ander --rond", "choose a smaller --depth or another --around")


def overview(store, *, lang: str = "nl") -> GraphView:
    """Cases, intervention types, outcomes, factors and self-direction groups, linked."""
    nodes, edges, quotes = full_graph(store)
    keep = {n.key for n in nodes if n.kind in OVERVIEW_KINDS}
    nodes, edges = _restrict(nodes, edges, keep)
    _check_size(len(nodes), lang)
    return GraphView("overview", None, 0, nodes, edges, quotes)


KIND_ALIASES = {"casus": "case", "interventiesoort": "interventiontype", "interventietype": "interventiontype",
                "uitkomst": "outcome", "groep": "group", "gemeente": "municipality", "werkzaam-element": "element"}


def resolve(nodes, ident: str, lang: str = "nl") -> str:
    """The node key for ``ident``: ``kind/identifier`` (Dutch kind names too) or a bare
    identifier; a bare one shared by kinds means the first in :data:`KINDS` (a case before
    its municipality)."""
    kind, _, rest = ident.partition("/")
    if rest:
        ident = f"{KIND_ALIASES.get(kind, kind)}/{rest}"
    keys = {n.key for n in nodes}
    if ident in keys:
        return ident
    hits = sorted((KINDS.index(n.kind), n.key) for n in nodes if n.ident == ident)
    if hits:
        return hits[0][1]
    raise usage_error(f"geen casus, interventiesoort, factor, gemeente of werkzaam element {ident!r}",
                      f"no case, intervention type, factor, municipality or active element {ident!r}",
                      "zie `watwerkt cases`, `watwerkt factoren` of `watwerkt verken` voor de namen",
                      "see `watwerkt cases`, `watwerkt factoren` or `watwerkt verken` for the names")


def ego(store, ident: str, depth: int = 1, *, lang: str = "nl") -> GraphView:
    """Every node within ``depth`` steps of one case, type, factor, municipality or element."""
    if depth < 1 or depth > 4:
        raise usage_error(f"--diepte {depth}: kies 1 tot en met 4", f"--depth {depth}: choose 1 to 4")
    nodes, edges, quotes = full_graph(store)
    centre = resolve(nodes, ident, lang)
    adj: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        adj[e.source].add(e.target)
        adj[e.target].add(e.source)
    keep, frontier = {centre}, {centre}
    for _ in range(depth):
        frontier = {m for k in frontier for m in adj[k]} - keep
        keep |= frontier
    nodes, edges = _restrict(nodes, edges, keep)
    _check_size(len(nodes), lang)
    return GraphView("ego", centre, depth, nodes, edges, quotes)


def subgraph(store, *, cases: set[str] | None = None, types: set[str] | None = None,
             outcomes: set[str] | None = None, view: str = "what-works") -> GraphView:
    """The overview restricted to some cases, intervention types and outcomes (a question's result)."""
    nodes, edges, quotes = full_graph(store)
    wanted = {"case": cases, "interventiontype": types, "outcome": outcomes}
    keep = {n.key for n in nodes if n.kind in wanted and (wanted[n.kind] is None or n.ident in wanted[n.kind])}
    linked = {x for e in edges if e.source in keep or e.target in keep for x in (e.source, e.target)}
    keep |= {k for k in linked if k.split("/", 1)[0] in ("factor", "group")}
    nodes, edges = _restrict(nodes, edges, keep)
    edges = tuple(e for e in edges if not (e.kind == "influence" and e.source not in keep))
    _check_size(len(nodes), "nl")
    return GraphView(view, None, 0, nodes, edges, quotes)
