"""The evidence gap map as one offline HTML page (3ie/Campbell style).

One matrix per facet: intervention types as rows, outcomes as columns. A cell with evidence
is a button showing its favourable (+), unfavourable (-) and unclear (?) configurations and
a mark for the research's agreement; empty cells are plainly empty (a dash, announced as "no
evidence"). A click lists the cases in a side panel; a select shows one facet at a time (all
facets show without script). Same shell as every page: inlined assets, strict CSP.
"""

from __future__ import annotations

from watwerkt.viz.page import asset, esc, json_block, page

TEXT = {
    "title": ("Bewijs- en gatenkaart: interventiesoorten x uitkomsten", "Evidence and gap map: intervention types x outcomes"),
    "facet": ("Toon", "Show"), "all": ("alle facetten", "all facets"),
    "type": ("interventiesoort", "intervention type"),
    "empty": ("geen bewijs", "no evidence"),
    "counts": ("{f} gunstig, {u} ongunstig, {n} onduidelijk", "{f} favourable, {u} unfavourable, {n} unclear"),
    "panel": ("Klik op een cel voor de casussen.", "Click a cell for its cases."),
    "configs": ("{n} configuraties", "{n} configurations"),
    "legend": ("+ gunstig · − ongunstig · ? onduidelijk (aantallen configuraties: casus x interventie x uitkomst). "
               "Onderzoek (tabel 3.2): ✓ eens · ✗ oneens · ~ gemengd · o alleen onderzoek, geen praktijk.",
               "+ favourable · − unfavourable · ? unclear (numbers of configurations: case x intervention x outcome). "
               "Research (Table 3.2): ✓ agrees · ✗ disagrees · ~ mixed · o research only, no practice."),
    "agrees": ("onderzoek is het eens", "research agrees"), "disagrees": ("onderzoek is het oneens", "research disagrees"),
    "mixed": ("onderzoek gemengd", "research mixed"), "research-only": ("alleen onderzoek, geen praktijk", "research only, no practice"),
    "none": ("onderzoek zegt er niets over", "research says nothing about it"),
    "unknown": ("", ""),
}
MARK = {"agrees": "✓", "disagrees": "✗", "mixed": "~", "research-only": "o", "none": "", "unknown": ""}
CSS = """
.ww-gap { padding: .5rem 1rem 2rem; }
.ww-gap-wrap { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1rem; align-items: start; }
.ww-gap-wrap > div { overflow-x: auto; }
.ww-gap table { border-collapse: collapse; font-size: .82rem; }
.ww-gap th, .ww-gap td { border: 1px solid #d5d5d5; padding: 0; text-align: center; min-width: 4.4rem; }
.ww-gap thead th { writing-mode: vertical-rl; transform: rotate(180deg); padding: .4rem .2rem; background: #eef3f7; max-height: 11rem; }
.ww-gap tbody th { text-align: left; padding: .2rem .4rem; background: #f6f8fa; white-space: nowrap; max-width: 19rem; overflow: hidden; text-overflow: ellipsis; }
.ww-gap td.empty { color: #bbb; }
.ww-gap button { width: 100%; white-space: nowrap; border: 0; padding: .25rem .15rem; font: inherit; cursor: pointer; background: #f1eefb; }
.ww-gap button.fav { background: #d8f0df; } .ww-gap button.unfav { background: #f7d9d6; } .ww-gap button.both { background: #f4ecc9; }
.ww-gap button:focus { outline: 2px solid #24425c; }
.ww-gap .f { color: #1e6b3a; font-weight: 600; } .ww-gap .u { color: #a3261b; font-weight: 600; } .ww-gap .n { color: #555; }
.ww-gap .r { display: block; font-size: .75rem; color: #24425c; }
#ww-gap-panel { position: sticky; top: .5rem; background: #fff; border: 1px solid #ddd; padding: .6rem .9rem; }
#ww-facet { width: auto; }
.ww-gap h2 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
"""


def _t(key: str, lang: str) -> str:
    return TEXT[key][lang == "en"]


def render_gap_map(res, *, lang: str | None = None, lines: tuple[str, ...] = (), case_link: str | None = None) -> bytes:
    """The gap map page for a :class:`~watwerkt.queries.gap_map.GapMap`."""
    lang = lang or res.lang
    cases = dict(res.case_labels)
    outcomes = dict(res.outcomes)
    data = {"caseLink": case_link, "facets": []}
    sections = []
    for fi, facet in enumerate(res.facets):
        cells = {}
        by = {(c.type, c.outcome): c for c in facet.cells}
        head = "".join(f'<th scope="col">{esc(label)}</th>' for _, label in res.outcomes)
        rows = []
        for t, tlabel in res.types:
            tds = []
            for o, _ in res.outcomes:
                c = by.get((t, o))
                mark = MARK.get(c.research, "") if c else ""
                if c is None or c.total == 0:
                    r = f'<span class="r" title="{esc(_t(c.research, lang))}">{mark}</span>' if c and mark else ""
                    tds.append(f'<td class="empty"><span aria-label="{esc(_t("empty", lang))}">—</span>{r}</td>')
                    continue
                key = f"{t}|{o}"
                counts = _t("counts", lang).format(f=c.favourable, u=c.unfavourable, n=c.unclear)
                cells[key] = {"title": f"{tlabel} × {outcomes[o]}", "counts": counts, "research": _t(c.research, lang),
                              "cases": [{"id": x, "label": cases.get(x, x)} for x in c.cases]}
                cls = ("both" if c.favourable and c.unfavourable else "fav" if c.favourable
                       else "unfav" if c.unfavourable else "")
                label = f"{tlabel} × {outcomes[o]}: {counts}; {_t(c.research, lang)}"
                tds.append(f'<td><button type="button" class="{cls}" data-cell="{fi}:{esc(key)}" aria-label="{esc(label)}">'
                           f'<span class="f">+{c.favourable}</span> <span class="u">−{c.unfavourable}</span> '
                           f'<span class="n">?{c.unclear}</span><span class="r">{mark}</span></button></td>')
            rows.append(f'<tr><th scope="row" title="{esc(tlabel)}">{esc(tlabel)}</th>{"".join(tds)}</tr>')
        data["facets"].append({"group": facet.group, "cells": cells})
        sections.append(
            f'<section data-facet="{fi}"><h2>{esc(facet.label)} '
            f'<small>({esc(_t("configs", lang).format(n=facet.configurations))})</small></h2>'
            f'<table><caption class="ww-hint">{esc(_t("legend", lang))}</caption><thead><tr>'
            f'<th scope="col">{esc(_t("type", lang))}</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')
    options = "".join(f'<option value="{i}">{esc(f.label)}</option>' for i, f in enumerate(res.facets))
    notes = "".join(f"<p>{esc(x)}</p>" for x in lines)
    title = _t("title", lang)
    body = (f"<header><h1>{esc(title)}</h1>{notes}</header>\n<div class=\"ww-gap\">"
            f'<label for="ww-facet">{esc(_t("facet", lang))}</label> <select id="ww-facet">'
            f'<option value="all">{esc(_t("all", lang))}</option>{options}</select>'
            f'<div class="ww-gap-wrap"><div>{"".join(sections)}</div>'
            f'<aside id="ww-gap-panel" tabindex="-1" aria-live="polite"><p>{esc(_t("panel", lang))}</p></aside></div></div>\n'
            f"{json_block('ww-gap-data', data)}")
    return page(title, body, lang=lang, styles=(asset("explorer/explorer.css") + CSS,), scripts=(asset("gapmap.js"),))
