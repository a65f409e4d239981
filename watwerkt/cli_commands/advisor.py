"""The policy advisor's commands: wat-werkt, engelen-beren, factoren, uitkomsten, vergelijk,
zoek, gaten, and the read-only ``sparql`` for researchers."""

from __future__ import annotations

import click

from watwerkt.cli_commands.options import (
    backend_option,
    listing_command,
    open_backend,
    store_option,
)

L = {  # two-language strings used in rendering
    "werkt": ("werkt", "works"), "werkt-minder": ("werkt minder", "works less"),
    "gemengd": ("gemengd", "mixed"), "": ("", ""),
}


def _t(key: str, lang: str) -> str:
    return L.get(key, (key, key))[lang == "en"]


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
@listing_command
def factoren(store, backend, lang, fmt):
    """De factortaxonomie met engelen en beren (genoemd en gelezen) en vermeldingen in het onderzoek."""
    from watwerkt.queries.overview import factor_table
    from watwerkt.queries.views import factors_view

    return factors_view(factor_table(open_backend(store, backend), lang), lang)


@click.command("uitkomsten")
@click.option("--uitkomst", "--outcome", "outcome", help="Alleen deze uitkomst.")
@store_option
@backend_option
@listing_command
def uitkomsten(outcome, store, backend, lang, fmt):
    """Welke interventiesoorten samengaan met welke uitkomsten: gunstig, ongunstig, onduidelijk."""
    from watwerkt.queries.overview import outcome_table
    from watwerkt.queries.views import outcomes_view

    return outcomes_view(outcome_table(open_backend(store, backend), outcome, lang), lang)


@click.command("vergelijk")
@click.argument("case_ids", nargs=-1, required=True)
@store_option
@backend_option
@listing_command
def vergelijk(case_ids, store, backend, lang, fmt):
    """Casussen naast elkaar: aanleidingen, interventies, genoemde engelen en beren, uitkomsten."""
    from watwerkt.queries.overview import compare
    from watwerkt.queries.views import compare_view

    return compare_view(compare(open_backend(store, backend), list(case_ids), lang), lang)


@click.command("gaten")
@click.option("--doelgroep", "--group", "group", multiple=True, help="Beperk tot deze doelgroep(en).")
@click.option("--alleen-leeg", "only_empty", is_flag=True, help="Alleen combinaties zonder enig bewijs.")
@store_option
@backend_option
@listing_command
def gaten(group, only_empty, store, backend, lang, fmt):
    """Gaten: per doelgroep en interventiesoort de uitkomsten met en zonder bewijs (HTML: een bewijskaart)."""
    from watwerkt.queries.overview import gaps
    from watwerkt.queries.views import gaps_view

    return gaps_view(gaps(open_backend(store, backend), tuple(group), lang, only_empty), lang)
