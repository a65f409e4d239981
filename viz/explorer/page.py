"""The explorer page: one self-contained HTML file for a graph view.

The view's nodes get opaque ids (``n0``, ``n1``, ... in a fixed order); labels, evidence,
quotes and anchors travel as JSON data and reach the page through ``textContent`` and the
canvas only. vis-network is inlined from the pyvis package's files; pyvis's own template is
not used (it writes the heading and select-menu ids raw, switches tooltips to ``innerHTML``
and loads Bootstrap from the web). Positions come from :func:`layout.positions`, physics is
off, so the page draws at once and two builds of the same view are byte-identical. The same
data is also in plain tables (inside ``<details>``) for screen readers and for no script.
"""

from __future__ import annotations

from collections import Counter

from watwerkt.viz.explorer import layout
from watwerkt.viz.page import asset, esc, json_block, page, vis_network_js

KINDS = {  # kind: (nl, en, shape, colour)
    "case": ("casus", "case", "dot", "#2f6b9a"),
    "interventiontype": ("interventiesoort", "intervention type", "diamond", "#d08a1e"),
    "outcome": ("uitkomst", "outcome", "square", "#6a4c93"),
    "factor": ("factor", "factor", "triangle", "#3c8d5a"),
    "group": ("zelfregiegroep", "self-direction group", "star", "#c2410c"),
    "municipality": ("gemeente", "municipality", "dot", "#7a7a7a"),
    "element": ("werkzaam element (tabel 3.2)", "active element (Table 3.2)", "hexagon", "#0f766e"),
}
EDGES = {  # style: (nl, en, colour)
    "applies": ("past toe", "applies", "#9aa5b1"),
    "outcome": ("uitkomst", "outcome", "#7c6aa6"),
    "angel": ("engel", "angel", "#2e8b57"),
    "bear": ("beer", "bear", "#c0392b"),
    "group": ("zelfregiegroep", "self-direction group", "#e07b39"),
    "configuration": ("bewijsconfiguraties", "evidence configurations", "#5b4b8a"),
    "municipality": ("gemeente", "municipality", "#b0b0b0"),
    "element": ("werkzaam element", "active element", "#0f766e"),
    "element-factor": ("factor van het element", "factor of the element", "#5fa37a"),
    "element-type": ("soort van het element", "type of the element", "#e0a84e"),
}
VALUES = {
    "angel": ("engel", "angel"), "bear": ("beer", "bear"), "named": ("genoemd door de casus", "named by the case"),
    "read-in": ("door ons geïnterpreteerd", "read in by us"), "stated": ("gesteld", "stated"),
    "interpreted": ("geïnterpreteerd", "interpreted"), "favourable": ("gunstig", "favourable"),
    "unfavourable": ("ongunstig", "unfavourable"), "unclear": ("onduidelijk", "unclear"),
    "up": ("omhoog", "up"), "down": ("omlaag", "down"), "high": ("hoog", "high"), "low": ("laag", "low"),
    "mixed": ("gemengd", "mixed"), "not-shown": ("niet aangetoond", "not shown"), "average": ("gemiddeld", "average"),
    "works": ("werkt", "works"), "works-less": ("werkt minder", "works less"),
    "used": ("toegepast", "used"), "planned": ("gepland", "planned"), "wished": ("gewenst", "wished for"),
    "suggested": ("voorgesteld door onderzoekers", "suggested by researchers"),
}
EVIDENCE = {
    "intervention": ("interventie", "intervention"), "outcome": ("uitkomst", "outcome"),
    "influence": ("engel of beer", "angel or bear"), "groupfit": ("groepsfit (onze codering)", "group fit (our coding)"),
    "element": ("werkzaam element", "active element"), "configuration": ("configuratie", "configuration"),
}
UI = {
    "search": ("Zoeken (accenten tellen niet)", "Search (accents ignored)"),
    "kinds": ("Soorten knopen", "Kinds of node"), "polarity": ("Polariteit", "Polarity"),
    "basis": ("Herkomst van de polariteit", "Basis of the polarity"), "group": ("Zelfregiegroep", "Self-direction group"),
    "all": ("alle groepen", "all groups"), "legend": ("Legenda", "Legend"),
    "shown": ("{n} knopen en {e} verbindingen zichtbaar", "{n} nodes and {e} links shown"),
    "panel": ("Klik op een knoop of verbinding voor het bewijs.", "Click a node or link for its evidence."),
    "links": ("{n} verbindingen", "{n} links"), "anchors": ("ankers", "anchors"), "direction": ("richting", "direction"),
    "caseCard": ("casuskaart", "case card"), "noHits": ("niets gevonden", "nothing found"),
    "tables": ("Knopen en verbindingen als tabel", "Nodes and links as tables"),
    "nodes": ("Knopen", "Nodes"), "edges": ("Verbindingen", "Links"), "label": ("naam", "name"),
    "kind": ("soort", "kind"), "from": ("van", "from"), "to": ("naar", "to"), "claims": ("beweringen", "claims"),
    "counts": ("gunstig {favourable} · ongunstig {unfavourable} · onduidelijk {unclear}",
               "favourable {favourable} · unfavourable {unfavourable} · unclear {unclear}"),
    "dashed": ("gestreept: alleen door ons geïnterpreteerd", "dashed: only read in by us"),
    "quotes-off": ("Gebouwd zonder corpus: geen citaten.", "Built without the corpus: no quotes."),
    "network": ("Netwerk van {n} knopen", "Network of {n} nodes"),
}
SD_GROUPS = ("zelfsturende-groeiers", "richtingzoekers", "noodzaakgestuurde-leerders")


def _t(table: dict, key: str, lang: str) -> str:
    nl, en = table[key][0], table[key][1]
    return en if lang == "en" else nl


def _short(label: str, n: int = 28) -> str:
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def graph_data(view, lang: str, case_link: str | None = None) -> dict:
    """The JSON the page script reads: opaque ids, labels in ``lang``, evidence per edge."""
    pos = layout.positions(view)
    ids = {n.key: f"n{i}" for i, n in enumerate(view.nodes)}
    degree = Counter(x for e in view.edges for x in (e.source, e.target))
    label = {n.key: (n.en if lang == "en" else n.nl) for n in view.nodes}
    nodes = []
    for n in view.nodes:
        x, y = pos.get(n.key, (0, 0))
        item = {"id": ids[n.key], "kind": n.kind, "label": label[n.key], "short": _short(label[n.key]),
                "ident": n.ident, "groups": list(n.groups), "x": x, "y": y,
                "size": 10 + min(degree[n.key], 40) // 2 + (8 if n.key == view.centre else 0)}
        if n.kind == "case":
            item["card"] = ({"href": case_link.format(id=n.ident)} if case_link
                            else {"command": f"watwerkt case {n.ident}"})
        nodes.append(item)
    case_labels = {n.ident: label[n.key] for n in view.nodes if n.kind == "case"}
    edges = []
    for i, e in enumerate(view.edges):
        counts = dict(e.counts)
        evidence = [{"kind": ev.kind, "case": ev.case, "caseLabel": case_labels.get(ev.case or ""),
                     "text": ev.en if lang == "en" else ev.nl, "epistemic": ev.epistemic,
                     "direction": ev.direction, "polarity": ev.polarity, "basis": ev.basis,
                     "favourability": ev.favourability, "status": ev.status,
                     "anchors": list(ev.anchors), "quotes": list(ev.quotes)}
                    for ev in e.evidence]
        edges.append({"id": f"e{i}", "from": ids[e.source], "to": ids[e.target], "kind": e.kind,
                      "style": e.polarity if e.kind == "influence" and e.polarity in EDGES else e.kind,
                      "polarity": e.polarity, "basis": list(e.basis), "groups": list(e.groups),
                      "weight": e.weight, "evidence": evidence,
                      "counts": _t(UI, "counts", lang).format(
                          favourable=counts.get("favourable", 0), unfavourable=counts.get("unfavourable", 0),
                          unclear=counts.get("unclear", 0)) if e.kind == "configuration" else ""})
    return {
        "nodes": nodes, "edges": edges,
        "kinds": {k: {"label": _t(KINDS, k, lang), "shape": v[2], "color": v[3]} for k, v in KINDS.items()},
        "edgeKinds": {k: {"label": _t(EDGES, k, lang), "color": v[2]} for k, v in EDGES.items()},
        "ui": {**{k: _t(UI, k, lang) for k in UI},
               "values": {k: _t(VALUES, k, lang) for k in VALUES},
               "evidenceKinds": {k: _t(EVIDENCE, k, lang) for k in EVIDENCE}},
    }


def _css() -> str:
    rules = [f".k-{k} {{ background: {v[3]}; }}" for k, v in KINDS.items()]
    rules += [f".l-{k} {{ border-top-color: {v[2]}; }}" for k, v in EDGES.items()]
    return asset("explorer/explorer.css") + "\n".join(rules) + "\n"


def _controls(view, data: dict, lang: str, group_labels: dict[str, str]) -> str:
    kinds = [k for k in KINDS if any(n.kind == k for n in view.nodes)]
    count = Counter(n.kind for n in view.nodes)
    styles = Counter(e["style"] for e in data["edges"])
    out = [f'<label for="ww-search">{esc(_t(UI, "search", lang))}</label>',
           '<input type="search" id="ww-search" autocomplete="off">', '<ul id="ww-results" aria-live="polite"></ul>',
           f'<fieldset><legend>{esc(_t(UI, "kinds", lang))}</legend>']
    for k in kinds:
        out.append(f'<label><input type="checkbox" data-filter="kinds" value="{esc(k)}" checked> '
                   f'<span class="ww-swatch k-{esc(k)}"></span>{esc(_t(KINDS, k, lang))} ({count[k]})</label>')
    out.append("</fieldset>")
    basis = Counter(b for e in view.edges for b in e.basis)
    hidden = "" if styles["angel"] or styles["bear"] else " hidden"
    out.append(f'<fieldset{hidden}><legend>{esc(_t(UI, "polarity", lang))}</legend>')
    for p in ("angel", "bear"):
        out.append(f'<label><input type="checkbox" data-filter="polarity" value="{p}" checked> '
                   f'<span class="ww-line l-{p}"></span>{esc(_t(VALUES, p, lang))} ({styles[p]})</label>')
    out.append(f'</fieldset><fieldset{hidden}><legend>{esc(_t(UI, "basis", lang))}</legend>')
    for b in ("named", "read-in"):
        out.append(f'<label><input type="checkbox" data-filter="basis" value="{b}" checked> '
                   f'{esc(_t(VALUES, b, lang))} ({basis[b]})</label>')
    out.append(f'</fieldset><label for="ww-group">{esc(_t(UI, "group", lang))}</label><select id="ww-group">'
               f'<option value="">{esc(_t(UI, "all", lang))}</option>')
    for g in SD_GROUPS:
        out.append(f'<option value="{esc(g)}">{esc(group_labels.get(g, g))}</option>')
    out.append(f'</select><fieldset><legend>{esc(_t(UI, "legend", lang))}</legend>')
    for s in EDGES:
        if styles[s]:
            out.append(f'<div><span class="ww-line l-{esc(s)}"></span>{esc(_t(EDGES, s, lang))} ({styles[s]})</div>')
    out.append(f'<div class="ww-hint"><span class="ww-line dashed"></span>{esc(_t(UI, "dashed", lang))}</div>')
    out.append('</fieldset><p id="ww-shown" aria-live="polite"></p>')
    return "\n".join(out)


def _tables(data: dict, lang: str) -> str:
    by = {n["id"]: n for n in data["nodes"]}
    rows = "".join(f"<tr><td>{esc(n['label'])}</td><td>{esc(data['kinds'][n['kind']]['label'])}</td></tr>"
                   for n in data["nodes"])
    erows = "".join(f"<tr><td>{esc(by[e['from']]['label'])}</td><td>{esc(by[e['to']]['label'])}</td>"
                    f"<td>{esc(data['edgeKinds'][e['style']]['label'])}</td><td>{len(e['evidence'])}</td></tr>"
                    for e in data["edges"])
    return (f'<details><summary>{esc(_t(UI, "tables", lang))}</summary>'
            f'<table><caption>{esc(_t(UI, "nodes", lang))}</caption><thead><tr><th scope="col">{esc(_t(UI, "label", lang))}</th>'
            f'<th scope="col">{esc(_t(UI, "kind", lang))}</th></tr></thead><tbody>{rows}</tbody></table>'
            f'<table><caption>{esc(_t(UI, "edges", lang))}</caption><thead><tr><th scope="col">{esc(_t(UI, "from", lang))}</th>'
            f'<th scope="col">{esc(_t(UI, "to", lang))}</th><th scope="col">{esc(_t(UI, "kind", lang))}</th>'
            f'<th scope="col">{esc(_t(UI, "claims", lang))}</th></tr></thead><tbody>{erows}</tbody></table></details>')


def render_graph(view, *, lang: str = "nl", title: str, lines: tuple[str, ...] = (),
                 case_link: str | None = None) -> bytes:
    """The explorer page for ``view`` as UTF-8 bytes. ``case_link`` is a relative path
    template such as ``/casus/{id}`` (``serve``); without it the panel names the command."""
    if case_link is not None and not (case_link.startswith(("/", "./", "casus/")) and "{id}" in case_link):
        raise ValueError(f"case_link must be a relative path with {{id}}: {case_link!r}")
    data = graph_data(view, lang, case_link)
    groups = {n.ident: (n.en if lang == "en" else n.nl) for n in view.nodes if n.kind == "group"}
    notes = list(lines) + ([_t(UI, "quotes-off", lang)] if view.quotes is False else [])
    header = "".join(f"<p>{esc(x)}</p>" for x in notes)
    body = (f"<header><h1>{esc(title)}</h1>{header}</header>\n"
            f'<div class="ww-main"><nav class="ww-side" aria-label="{esc(_t(UI, "kinds", lang))}">'
            f"{_controls(view, data, lang, groups)}</nav>\n"
            f'<main><div id="ww-network" role="img" aria-label="{esc(_t(UI, "network", lang).format(n=len(view.nodes)))}"></div></main>\n'
            f'<aside class="ww-panel" id="ww-panel" aria-live="polite"><p>{esc(_t(UI, "panel", lang))}</p></aside></div>\n'
            f"{_tables(data, lang)}\n{json_block('ww-data', data)}")
    return page(title, body, lang=lang, styles=(_css(),), scripts=(vis_network_js(), asset("explorer/explorer.js")))
