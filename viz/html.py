"""The ``html`` renderer: any listing as one offline page; graphs as the interactive explorer.

``render(listing, options)`` picks, in this order:

1. ``listing.extra["graph"]``: a :class:`~watwerkt.queries.graph_views.GraphView` (or a
   networkx graph whose nodes carry ``kind`` and ``label``) -> the explorer;
2. ``listing.data`` a ``wat-werkt`` result (:class:`~watwerkt.queries.what_works.WhatWorks`)
   -> its configurations drawn as a graph (cases, intervention types, outcomes);
3. ``listing.data`` a :class:`~watwerkt.queries.gap_map.GapMap`, or the ``gaten`` command's
   ``Gaps`` (converted by :func:`~watwerkt.queries.gap_map.from_gaps`) -> the gap map;
4. ``listing.data`` a co-occurrence (:mod:`watwerkt.queries.cooccurrence`) -> a heat map;
5. anything else -> a plain, accessible page: the title, how each filter was understood,
   every table with a caption and column headers, and the notes.

``listing.extra["case_link"]`` (``/casus/{id}``, set by ``serve``) turns case names into links.
"""

from __future__ import annotations

from watwerkt.viz.page import esc, page

CSS = """
body { margin: 0; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #fafaf7; }
header { padding: .6rem 1rem; background: #24425c; color: #fff; } header h1 { margin: 0; font-size: 1.25rem; }
main { padding: .5rem 1rem 2rem; } ul.ww-resolved { color: #333; }
table { border-collapse: collapse; margin: .4rem 0 1.2rem; background: #fff; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef3f7; } caption { text-align: left; font-weight: 600; padding: .3rem 0; font-size: 1.05rem; }
.ww-note { color: #444; }
"""
TITLES = {"nl": "watwerkt", "en": "watwerkt"}


def render(listing, options=None) -> bytes:
    extra = listing.extra or {}
    case_link = extra.get("case_link")
    lines = tuple(listing.resolved) + tuple(listing.notes)
    title = listing.title or _default_title(listing)
    graph = extra.get("graph")
    if graph is not None and not hasattr(graph, "view"):
        graph = from_networkx(graph)
    if graph is None and _is_what_works(listing.data):
        from watwerkt.viz.explorer.results import what_works_graph

        graph = what_works_graph(listing.data)
    if graph is not None:
        from watwerkt.viz.explorer.page import render_graph

        return render_graph(graph, lang=listing.lang, title=title, lines=lines, case_link=case_link)
    gaps = listing.data
    if type(gaps).__name__ == "Gaps" and hasattr(gaps, "cells"):  # the gaten command's own result
        from watwerkt.queries.gap_map import from_gaps

        gaps = from_gaps(gaps, listing.lang)
    if type(gaps).__name__ == "GapMap":
        from watwerkt.viz.gapmap import render_gap_map

        return render_gap_map(gaps, lang=listing.lang, lines=lines, case_link=case_link)
    if type(listing.data).__name__ == "CoOccurrence":
        from watwerkt.viz.heatmap import render_heatmap

        return render_heatmap(listing.data, listing)
    return render_listing(listing, title)


def _default_title(listing) -> str:
    named = next((t.title for t in listing.tables if t.title), "")
    return named or f"watwerkt {listing.command}".strip()


def _is_what_works(data) -> bool:
    return type(data).__name__ == "WhatWorks" and hasattr(data, "interventions")


def render_listing(listing, title: str | None = None) -> bytes:
    """Any listing as a plain page of tables."""
    from watwerkt.listing import cell_text

    title = title or listing.title or _default_title(listing)
    out = [f"<header><h1>{esc(title)}</h1></header>", "<main>"]
    if listing.resolved:
        out.append('<ul class="ww-resolved">' + "".join(f"<li>{esc(r)}</li>" for r in listing.resolved) + "</ul>")
    for t in listing.tables:
        head = "".join(f'<th scope="col">{esc(c.header)}</th>' for c in t.columns)
        rows = "".join("<tr>" + "".join(f"<td>{esc(cell_text(r.get(c.key)))}</td>" for c in t.columns) + "</tr>"
                       for r in t.rows)
        caption = f"<caption>{esc(t.title)}</caption>" if t.title else ""
        out.append(f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    out += [f'<p class="ww-note">{esc(n)}</p>' for n in listing.notes]
    out.append("</main>")
    return page(title, "\n".join(out), lang=listing.lang, styles=(CSS,))


def from_networkx(g):
    """A networkx graph (nodes with ``kind``/``label``, edges with ``kind``) as a graph view."""
    from watwerkt.queries.graph_views import KINDS, GraphView, ViewBuilder

    b = ViewBuilder()
    keys = {}
    for node, attrs in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        kind = attrs.get("kind") if attrs.get("kind") in KINDS else "factor"
        keys[node] = b.node(kind, str(attrs.get("ident", node)), str(attrs.get("label_nl", attrs.get("label", node))),
                            str(attrs.get("label_en", attrs.get("label", node))))
    for u, v, attrs in sorted(g.edges(data=True), key=lambda x: (str(x[0]), str(x[1]))):
        b.edge(keys[u], keys[v], str(attrs.get("kind", "applies")), polarity=attrs.get("polarity") or None)
    nodes, edges = b.freeze()
    return GraphView("graph", None, 0, nodes, edges, None)
