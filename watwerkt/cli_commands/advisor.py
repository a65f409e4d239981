"""The policy advisor's commands: wat-werkt, engelen-beren, factoren, uitkomsten, vergelijk,
zoek, gaten, and the read-only ``sparql`` for researchers."""

from __future__ import annotations

import click

from watwerkt.cli_commands.options import (
    backend_option,
    listing_command,
    open_backend,
    output_options,
    store_option,
)
from watwerkt.render import Column, emit, render

L = {  # two-language strings used in rendering
    "werkt": ("werkt", "works"), "werkt-minder": ("werkt minder", "works less"),
    "gemengd": ("gemengd", "mixed"), "": ("", ""),
}


def _t(key: str, lang: str) -> str:
    return L.get(key, (key, key))[lang == "en"]


def _knowledge(store, lang, backend="embedded"):
    from watwerkt.queries.knowledge import Knowledge

    return Knowledge(open_backend(store, backend), lang)


@click.command("wat-werkt")
@click.option("--doelgroep", "--group", "group", help="Doelgroep, bv. 'lage eigen regie', buitendienst, 'schaal 4-9', ouderen.")
@click.option("--context", help="Aanleiding of soort organisatie, bv. bezuinigingen, personeelstekort, reorganisatie.")
@click.option("--uitkomst", "--outcome", "outcome", help="Gezochte uitkomst, bv. inzetbaarheid, verzuim, bevlogenheid.")
@click.option("--factor", help="Factor, bv. leidinggevende, zelfvertrouwen, collega's.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Aantal interventiesoorten.")
@store_option
@backend_option
@listing_command
def wat_werkt(group, context, outcome, factor, limit, store, backend, lang, fmt):
    """Wat werkt voor wie, onder welke omstandigheden: interventiesoorten gerangschikt op bewijs.

    Een casus telt alleen mee bij een gunstige uitkomst die aan de interventie is gekoppeld;
    ongunstige en onduidelijke uitkomsten staan in eigen kolommen. Met een zelfregiegroep staat
    eerst tabel 3.2 uit het onderzoek, met de casussen die voor die groep gecodeerd zijn.
    Rangorde en bewijsniveau: docs/ranking.md.
    """
    from watwerkt.queries.views import what_works_view
    from watwerkt.queries.what_works import what_works

    res = what_works(open_backend(store, backend), lang=lang, group=group, context=context,
                     outcome=outcome, factor=factor, limit=limit)
    return what_works_view(res, lang)


@click.command("engelen-beren")
@click.option("--polariteit", "--polarity", "polarity", help="engel of beer.")
@click.option("--basis", default="genoemd", show_default=True,
              help="genoemd (door het boek), geinterpreteerd (onze lezing) of alle.")
@click.option("--soort", "--kind", "kind", help="organisatie of medewerker.")
@click.option("--case", "case_id", help="Alleen deze casus (id, zie `watwerkt cases`).")
@click.option("--factor", help="Factor, bv. leidinggevende, ondernemingsraad, collega's.")
@click.option("--actor", help="Hele woorden in de actor, ongevoelig voor accenten, bv. OR.")
@click.option("--per", type=click.Choice(["factor"]), help="Tel per factor in plaats van items te tonen.")
@store_option
@backend_option
@listing_command
def engelen_beren(polarity, basis, kind, case_id, factor, actor, per, store, backend, lang, fmt):
    """Engelen en beren zelf: casus, actor, polariteit, status, factor, basis, ankers.

    Standaard alleen wat het boek zelf als engel of beer noemt; --basis alle toont ook onze lezing.
    """
    from watwerkt.queries.angels_bears import angels_and_bears
    from watwerkt.queries.views import angels_bears_view

    res = angels_and_bears(open_backend(store, backend), lang=lang, polarity=polarity, basis=basis, kind=kind,
                           case=case_id, factor=factor, actor=actor, per_factor=per == "factor")
    return angels_bears_view(res, lang)


@click.command("factoren")
@store_option
@backend_option
@output_options
def factoren(store, backend, fmt, output, lang):
    """De factortaxonomie van het onderzoek, met hoe vaak elke factor engel of beer is."""
    from watwerkt.queries.knowledge import factor_table

    rows = factor_table(_knowledge(store, lang, backend))
    shown = [{**r, "label": r["label"].upper() if r["is_group"] else "· " + r["label"]} for r in rows]
    cols = [Column("label", "factor", "factor", 30), Column("case_angels", "engel", "angel", 5),
            Column("case_bears", "beer", "bear", 5), Column("research_angels", "stimulerend", "stimulating", 11),
            Column("research_bears", "belemmerend", "limiting", 11),
            Column("research_mentions", "genoemd (onderzoek)", "mentioned (research)", 4, in_table=False)]
    emit(render(shown, cols, fmt, lang, payload=rows), output)


@click.command("uitkomsten")
@click.option("--uitkomst", "--outcome", "outcome", help="Alleen deze uitkomst.")
@store_option
@backend_option
@output_options
def uitkomsten(outcome, store, backend, fmt, output, lang):
    """Welke interventies samengaan met welke uitkomsten (goed, slecht, anders)."""
    from watwerkt.queries.knowledge import outcome_table

    rows = outcome_table(_knowledge(store, lang, backend), outcome)
    cols = [Column("outcome_label", "uitkomst", "outcome", 12), Column("intervention_label", "interventie", "intervention", 20),
            Column("good", "gunstig", "good", 3), Column("bad", "ongunstig", "bad", 3), Column("other", "anders", "other", 3),
            Column("direct", "direct", "direct", 3, in_table=False), Column("cases", "casussen", "cases", 10)]
    emit(render(rows, cols, fmt, lang), output)


@click.command("vergelijk")
@click.argument("case_ids", nargs=-1, required=True)
@store_option
@backend_option
@output_options
def vergelijk(case_ids, store, backend, fmt, output, lang):
    """Casussen naast elkaar: aanleidingen, interventies, engelen, beren, uitkomsten."""
    from watwerkt.queries.knowledge import compare

    rows = compare(_knowledge(store, lang, backend), list(case_ids))
    if fmt == "json":
        emit(render(rows, [], "json", lang), output)
        return
    fields = [("title", "titel", "title"), ("kind", "soort", "kind"), ("municipalities", "gemeente(n)", "municipalities"),
              ("drivers", "aanleidingen", "drivers"), ("interventions", "interventies", "interventions"),
              ("angels", "engelen", "angels"), ("bears", "beren", "bears"), ("outcomes", "uitkomsten", "outcomes"),
              ("group_fit", "past bij groep", "fits group")]
    table = [{"field": nl if lang == "nl" else en, **{r["id"]: r[key] for r in rows}} for key, nl, en in fields]
    cols = [Column("field", "", "", 10)] + [Column(r["id"], r["id"], r["id"], 10) for r in rows]
    emit(render(table, cols, fmt, lang), output)


@click.command("gaten")
@click.option("--doelgroep", "--group", "group", multiple=True, help="Beperk tot deze doelgroep(en).")
@click.option("--alleen-leeg", "only_empty", is_flag=True, help="Alleen combinaties zonder enig bewijs.")
@store_option
@backend_option
@output_options
def gaten(group, only_empty, store, backend, fmt, output, lang):
    """Gaten: welke combinaties van doelgroep, interventie en uitkomst hebben geen bewijs."""
    from watwerkt.queries.knowledge import gaps

    k = _knowledge(store, lang, backend)
    groups = [k.resolve(g, ("doelgroepen",), "--doelgroep")[1] for g in group] or None
    rows = gaps(k, groups=groups)
    if only_empty:
        rows = [r for r in rows if not r["covered"]]
    cols = [Column("group_label", "doelgroep", "target group", 12), Column("intervention_label", "interventie", "intervention", 16),
            Column("covered", "met bewijs", "with evidence", 10), Column("missing", "zonder bewijs", "without evidence", 12)]
    emit(render(rows, cols, fmt, lang), output)
