"""Views of the researchers' questions: a graph view and the gap map as listings.

``graph_listing`` gives the nodes and the links of a graph view as two tables (terminal, CSV,
Markdown) and puts the view in ``extra["graph"]`` so that ``--format html`` draws the
explorer. ``gap_map_listing`` gives the gap map as one long table, one row per facet, type
and outcome with evidence (nothing truncated; ``--alle`` rows with empty cells too), and the
typed :class:`~watwerkt.queries.gap_map.GapMap` as data for JSON and HTML.
"""

from __future__ import annotations

from watwerkt.listing import Column, Listing, Table

WORDS = {
    "nodes": ("Knopen", "Nodes"), "edges": ("Verbindingen", "Links"), "label": ("naam", "name"),
    "kind": ("soort", "kind"), "id": ("id", "id"), "groups": ("zelfregiegroepen", "self-direction groups"),
    "from": ("van", "from"), "to": ("naar", "to"), "polarity": ("polariteit", "polarity"),
    "basis": ("herkomst", "basis"), "claims": ("beweringen", "claims"), "cases": ("casussen", "cases"),
    "anchors": ("ankers", "anchors"), "facet": ("facet", "facet"), "type": ("interventiesoort", "intervention type"),
    "outcome": ("uitkomst", "outcome"), "favourable": ("gunstig", "favourable"),
    "unfavourable": ("ongunstig", "unfavourable"), "unclear": ("onduidelijk", "unclear"),
    "research": ("onderzoek", "research"),
    "overview": ("Overzicht: casussen, interventiesoorten, uitkomsten, factoren en zelfregiegroepen",
                 "Overview: cases, intervention types, outcomes, factors and self-direction groups"),
    "ego": ("Rond {centre} ({depth} {steps})", "Around {centre} ({depth} {steps})"),
    "gaps": ("Bewijs- en gatenkaart", "Evidence and gap map"),
    "empty": ("{n} van {total} cellen zonder bewijs in '{facet}'", "{n} of {total} cells without evidence in '{facet}'"),
}
KIND_WORDS = {
    "case": ("casus", "case"), "interventiontype": ("interventiesoort", "intervention type"),
    "outcome": ("uitkomst", "outcome"), "factor": ("factor", "factor"), "group": ("zelfregiegroep", "self-direction group"),
    "municipality": ("gemeente", "municipality"), "element": ("werkzaam element", "active element"),
    "applies": ("past toe", "applies"), "influence": ("engel of beer", "angel or bear"),
    "configuration": ("bewijsconfiguraties", "evidence configurations"), "element-factor": ("factor van het element", "factor of the element"),
    "element-type": ("soort van het element", "type of the element"), "angel": ("engel", "angel"), "bear": ("beer", "bear"),
    "named": ("genoemd", "named"), "read-in": ("geïnterpreteerd", "read in"),
}
RESEARCH = {"agrees": ("eens", "agrees"), "disagrees": ("oneens", "disagrees"), "mixed": ("gemengd", "mixed"),
            "research-only": ("alleen onderzoek", "research only"), "none": ("", "")}


def _w(key: str, lang: str, **kw) -> str:
    text = WORDS[key][lang == "en"]
    return text.format(**kw) if kw else text


def _cols(lang: str, *specs) -> tuple[Column, ...]:
    return tuple(Column(key, _w(key, lang), width, brief) for key, width, brief in specs)


def graph_title(view, lang: str) -> str:
    if view.view == "ego":
        centre = next((n for n in view.nodes if n.key == view.centre), None)
        name = (centre.en if lang == "en" else centre.nl) if centre else view.centre
        steps = ("step" if view.depth == 1 else "steps") if lang == "en" else ("stap" if view.depth == 1 else "stappen")
        return _w("ego", lang, centre=name, depth=view.depth, steps=steps)
    return _w("overview", lang)


def graph_listing(view, lang: str, title: str | None = None) -> Listing:
    label = {n.key: (n.en if lang == "en" else n.nl) for n in view.nodes}
    def word(x: str | None) -> str:
        return KIND_WORDS[x][lang == "en"] if x in KIND_WORDS else (x or "")

    nodes = tuple({"label": label[n.key], "kind": word(n.kind), "id": n.key, "groups": n.groups} for n in view.nodes)
    edges = tuple({"from": label[e.source], "to": label[e.target], "kind": word(e.kind), "polarity": word(e.polarity),
                   "basis": tuple(word(b) for b in e.basis), "claims": len(e.evidence),
                   "cases": sorted({ev.case for ev in e.evidence if ev.case}),
                   "anchors": sorted({a for ev in e.evidence for a in ev.anchors})} for e in view.edges)
    tables = (Table("knopen", _w("nodes", lang), _cols(lang, ("label", 24, True), ("kind", 10, True), ("id", 16, False),
                                                       ("groups", 12, False)), nodes),
              Table("verbindingen", _w("edges", lang), _cols(
                  lang, ("from", 18, True), ("to", 18, True), ("kind", 10, True), ("polarity", 6, True),
                  ("basis", 8, False), ("claims", 4, True), ("cases", 10, False), ("anchors", 12, False)), edges))
    return Listing("verken", lang, title or graph_title(view, lang), tables, (), (), view, {"graph": view})


def gap_map_listing(res, lang: str, *, with_empty: bool = False) -> Listing:
    types, outcomes = dict(res.types), dict(res.outcomes)
    rows, notes = [], []
    for f in res.facets:
        empty = sum(c.total == 0 for c in f.cells)
        notes.append(_w("empty", lang, n=empty, total=len(f.cells), facet=f.label))
        for c in f.cells:
            if c.total or with_empty:
                rows.append({"facet": f.label, "type": types[c.type], "outcome": outcomes[c.outcome],
                             "favourable": c.favourable, "unfavourable": c.unfavourable, "unclear": c.unclear,
                             "research": RESEARCH[c.research][lang == "en"], "cases": c.cases})
    table = Table("gaten", _w("gaps", lang), _cols(
        lang, ("facet", 12, True), ("type", 18, True), ("outcome", 14, True), ("favourable", 3, True),
        ("unfavourable", 3, True), ("unclear", 3, True), ("research", 8, True), ("cases", 14, True)), tuple(rows))
    return Listing("gaten", lang, _w("gaps", lang), (table,), (), tuple(notes), res)


CO_WORDS = {
    "row": ("factor", "factor"), "col": ("met", "with"), "n": ("casussen samen", "cases together"),
    "n_row": ("casussen factor", "cases factor"), "n_col": ("casussen met", "cases with"),
    "c": ("coëfficiënt", "coefficient"), "cases": ("casussen", "cases"), "label": ("naam", "name"),
    "kind": ("soort", "kind"), "degree": ("graad", "degree"), "degree_centrality": ("graadcentraliteit", "degree centrality"),
    "betweenness": ("tussenliggendheid", "betweenness"),
    "factor-uitkomst": ("Samen voorkomen: factoren x uitkomsten (per casus)", "Co-occurrence: factors x outcomes (per case)"),
    "factor-factor": ("Samen voorkomen: factoren x factoren (per casus)", "Co-occurrence: factors x factors (per case)"),
    "measures": ("Netwerkmaten van factoren en interventiesoorten", "Network measures of factors and intervention types"),
    "note": ("c = n12 / (n1 + n2 - n12), zoals in ATLAS.ti, met de casus als eenheid; een factor telt in een casus "
             "als een engel of beer hem noemt.",
             "c = n12 / (n1 + n2 - n12), as in ATLAS.ti, with the case as the unit; a factor counts in a case when "
             "an angel or bear names it."),
}


def cooccurrence_listing(res, lang: str) -> Listing:
    def w(key):
        return CO_WORDS[key][lang == "en"]

    rows_l, cols_l = dict(res.rows), dict(res.cols)
    pairs = tuple({"row": rows_l[p.row], "col": cols_l[p.col], "n": p.n, "n_row": p.n_row, "n_col": p.n_col,
                   "c": p.coefficient, "cases": p.cases} for p in res.pairs)
    measures = tuple({"label": m.label, "kind": m.kind, "degree": m.degree, "degree_centrality": m.degree_centrality,
                      "betweenness": m.betweenness} for m in res.measures)

    def cols(*specs):
        return tuple(Column(k, w(k), width, brief) for k, width, brief in specs)

    tables = (Table("samenhang", w(res.kind), cols(("row", 18, True), ("col", 18, True), ("n", 4, True),
                                                  ("n_row", 4, False), ("n_col", 4, False), ("c", 5, True),
                                                  ("cases", 14, False)), pairs),
              Table("netwerkmaten", w("measures"), cols(("label", 22, True), ("kind", 10, True), ("degree", 4, True),
                                                        ("degree_centrality", 6, True), ("betweenness", 6, True)),
                    measures))
    return Listing("samenhang", lang, "", tables, (), (w("note"),), res)
