"""The co-occurrence heat map: one offline page, no script at all.

Rows are factors, columns outcomes (or factors); a cell shows how many cases have both and
ATLAS.ti's coefficient, shaded in six steps by the coefficient (CSS classes, no inline
styles, so the CSP needs no ``unsafe-inline``). The network measures follow as a table.
"""

from __future__ import annotations

from watwerkt.viz.page import esc, page

STEPS = ("#ffffff", "#e3eef7", "#bcd6ea", "#8db9db", "#5b97c6", "#2f6b9a")
CSS = """
body { margin: 0; font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #fafaf7; }
header { padding: .6rem 1rem; background: #24425c; color: #fff; } header h1 { margin: 0; font-size: 1.2rem; }
main { padding: .5rem 1rem 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; background: #fff; font-size: .82rem; }
th, td { border: 1px solid #d5d5d5; padding: .2rem .35rem; }
thead th { writing-mode: vertical-rl; transform: rotate(180deg); background: #eef3f7; max-height: 12rem; }
tbody th { text-align: left; background: #f6f8fa; white-space: nowrap; }
td { text-align: center; min-width: 3rem; } td small { display: block; color: inherit; opacity: .8; }
.ww-measures thead th { writing-mode: horizontal-tb; transform: none; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
""" + "".join(f".h{i} {{ background: {c}; {'color: #fff;' if i >= 4 else ''} }}\n" for i, c in enumerate(STEPS))


def render_heatmap(res, listing) -> bytes:
    lang = listing.lang
    title = listing.title or listing.tables[0].title
    pairs = {(p.row, p.col): p for p in res.pairs}
    if res.kind == "factor-factor":
        pairs.update({(p.col, p.row): p for p in res.pairs})
    head = "".join(f'<th scope="col">{esc(label)}</th>' for _, label in res.cols)
    body = []
    for r, rlabel in res.rows:
        tds = []
        for c, clabel in res.cols:
            p = pairs.get((r, c))
            if p is None:
                tds.append('<td class="h0"></td>')
                continue
            step = min(5, 1 + int(p.coefficient * 5))
            tds.append(f'<td class="h{step}" title="{esc(rlabel)} × {esc(clabel)}: {esc(", ".join(p.cases))}">'
                       f"{p.n}<small>{p.coefficient:.2f}</small></td>")
        body.append(f'<tr><th scope="row">{esc(rlabel)}</th>{"".join(tds)}</tr>')
    measures = listing.tables[1]
    mhead = "".join(f'<th scope="col">{esc(c.header)}</th>' for c in measures.columns)
    mrows = "".join("<tr>" + "".join(f"<td>{esc(r[c.key])}</td>" for c in measures.columns) + "</tr>"
                    for r in measures.rows)
    notes = "".join(f"<p>{esc(n)}</p>" for n in listing.notes)
    html = (f"<header><h1>{esc(title)}</h1></header><main>{notes}"
            f"<table><caption>{esc(listing.tables[0].title)}</caption><thead><tr><th></th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
            f'<table class="ww-measures"><caption>{esc(measures.title)}</caption><thead><tr>{mhead}</tr></thead>'
            f"<tbody>{mrows}</tbody></table></main>")
    return page(title, html, lang=lang, styles=(CSS,))
