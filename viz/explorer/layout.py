"""A graph view as a networkx graph: positions for the page, GraphML and GEXF for Gephi.

:func:`to_networkx` keeps every node and edge of a :class:`~watwerkt.queries.graph_views.GraphView`
with typed attributes (kind, labels in both languages, polarity, basis, groups, counts,
anchors), all primitives so that GraphML and GEXF can hold them. :func:`positions` computes a
spring layout with a fixed seed and rounds it to whole pixels, so the same view always gets
the same picture and the page can draw with physics off. networkx and numpy are imported
only here, inside the functions.
"""

from __future__ import annotations

SEED = 20261201
SCALE = 700  # pixels from the centre to where 95 in 100 nodes lie


def to_networkx(view):
    """A ``MultiDiGraph`` of the view; node ids are the stable keys (``case/oss``)."""
    import networkx as nx

    g = nx.MultiDiGraph(name=view.view)
    for n in view.nodes:
        g.add_node(n.key, kind=n.kind, ident=n.ident, label=n.nl, label_nl=n.nl, label_en=n.en,
                   groups=" ".join(n.groups))
    for i, e in enumerate(view.edges):
        counts = dict(e.counts)
        anchors = sorted({a for ev in e.evidence for a in ev.anchors})
        cases = sorted({ev.case for ev in e.evidence if ev.case})
        g.add_edge(e.source, e.target, key=f"e{i}", kind=e.kind, polarity=e.polarity or "",
                   basis=" ".join(e.basis), groups=" ".join(e.groups), weight=e.weight,
                   claims=len(e.evidence), favourable=counts.get("favourable", 0),
                   unfavourable=counts.get("unfavourable", 0), unclear=counts.get("unclear", 0),
                   stated=sum(ev.epistemic == "stated" for ev in e.evidence),
                   interpreted=sum(ev.epistemic == "interpreted" for ev in e.evidence),
                   cases=" ".join(cases), anchors=" ".join(anchors))
    return g


def positions(view) -> dict[str, tuple[int, int]]:
    """Whole-pixel positions for every node key, the same for the same view."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n.key for n in view.nodes)
    g.add_edges_from((e.source, e.target) for e in view.edges)
    isolated = sorted(k for k in g if g.degree(k) == 0)
    g.remove_nodes_from(isolated)
    pos: dict = {}
    if len(g) == 1:
        pos = {next(iter(g)): (0.0, 0.0)}
    elif len(g) > 1:
        fixed = [view.centre] if view.centre in g else None
        if view.centre is None:  # overview and question results: rings, cases inside
            pos = _sectors(view, g)
        else:  # a neighbourhood: a spring layout around the fixed centre
            pos = nx.spring_layout(g, k=2.0 / len(g) ** 0.5, pos=_sectors(view, g), fixed=fixed,
                                   iterations=40, seed=SEED, weight=None, center=(0.0, 0.0))
    radii = sorted((float(x) ** 2 + float(y) ** 2) ** 0.5 for x, y in pos.values())
    r95 = radii[int(0.95 * (len(radii) - 1))] if radii else 1.0
    unit = SCALE / (r95 or 1.0)
    out = {key: (round(float(x) * unit), round(float(y) * unit)) for key, (x, y) in pos.items()}
    bottom = max((y for _, y in out.values()), default=0) + 160
    per_row = 8
    for i, key in enumerate(isolated):  # nodes without links: a row of their own underneath
        out[key] = (round((i % per_row - (min(len(isolated), per_row) - 1) / 2) * 190), bottom + (i // per_row) * 90)
    return dict(sorted(out.items()))


SECTORS = {  # kind: (from, to) angle in turns; cases sit on the inner ring
    "interventiontype": (0.02, 0.40), "outcome": (0.42, 0.56), "factor": (0.58, 0.90),
    "group": (0.91, 0.98), "municipality": (0.42, 0.56), "element": (0.91, 0.98),
}


def _sectors(view, g) -> dict:
    """Cases on an inner ring, every other kind in its own sector of an outer ring, each node
    placed near the cases it links to (so lines cross less); the start of a spring layout."""
    import math

    kind = {n.key: n.kind for n in view.nodes}
    inner = [k for k in g if kind[k] == "case"] if view.centre is None else []
    angle: dict[str, float] = {key: i / max(len(inner), 1) for i, key in enumerate(sorted(inner))}
    if view.centre in g:
        angle[view.centre] = 0.0
    start = {key: (0.45 * math.cos(2 * math.pi * a), 0.45 * math.sin(2 * math.pi * a)) for key, a in angle.items()}
    if view.centre in g:
        start[view.centre] = (0.0, 0.0)
    by_kind: dict[str, list] = {}
    for key in sorted(k for k in g if k not in start):
        near = [angle[m] for m in g[key] if m in angle]
        pull = (math.atan2(sum(math.sin(2 * math.pi * a) for a in near), sum(math.cos(2 * math.pi * a) for a in near))
                / (2 * math.pi)) % 1.0 if near else 0.5
        by_kind.setdefault(kind[key], []).append((pull, key))
    for k, items in sorted(by_kind.items()):
        lo, hi = SECTORS.get(k, (0.0, 1.0)) if view.centre is None else (0.0, 1.0)
        items.sort()
        for i, (_, key) in enumerate(items):
            a = lo + (hi - lo) * (i + 0.5) / len(items)
            r = (1.0 + 0.12 * (i % 3)) if view.centre is None else 0.6 + 0.4 * (i % 2)
            start[key] = (r * math.cos(2 * math.pi * a), r * math.sin(2 * math.pi * a))
    return start


def write_graph(view, path, fmt: str) -> None:
    """Write the view as GraphML or GEXF (networkx's writers), UTF-8."""
    import networkx as nx

    g = to_networkx(view)
    if fmt == "graphml":
        nx.write_graphml(g, path, encoding="utf-8", prettyprint=True)
    elif fmt == "gexf":
        nx.write_gexf(g, path, encoding="utf-8", prettyprint=True)
    else:  # pragma: no cover - the CLI offers only these two
        raise ValueError(fmt)


def graph_bytes(view, fmt: str) -> bytes:
    """The GraphML or GEXF file of ``view`` as bytes (written in one go by the caller)."""
    import io

    buf = io.BytesIO()
    write_graph(view, buf, fmt)
    return buf.getvalue()
