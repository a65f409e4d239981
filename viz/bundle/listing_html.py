"""Any listing as a printable HTML page, for the ``pdf`` renderer; a case card prints as its card."""

from __future__ import annotations

from watwerkt.listing import cell_text


def listing_html(listing) -> str:
    from watwerkt.queries.case_card import CaseCard

    if isinstance(listing.data, CaseCard):
        from watwerkt.viz.bundle.content import Bundle, card_questions_for
        from watwerkt.viz.bundle.html import render_html

        card = listing.data
        b = Bundle(lang=listing.lang, paper="a4", resolved=(), cards=(card,), themes=(), guide=(), questions=(),
                   card_questions={card.id: card_questions_for(card)})
        return render_html(b, only_cards=True)
    from watwerkt.viz.bundle.html import HERE, created, environment

    # the columns a terminal shows (``brief``): the rest is in CSV and JSON
    tables = []
    for t in listing.tables:
        cols = [c for c in t.columns if c.brief] or list(t.columns)
        tables.append({"title": t.title, "headers": [c.header for c in cols],
                       "rows": [[cell_text(r.get(c.key)) for c in cols] for r in t.rows]})
    return environment().get_template("listing.html.j2").render(
        listing=listing, tables=tables, created=created(),
        css=(HERE / "static" / "bundle.css").read_text(encoding="utf-8"))
