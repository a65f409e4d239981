"""Everything coded, by name: termen, kerngetallen, bevindingen, onderzoek, programmas, loopbanen."""

from __future__ import annotations

import click

from watwerkt.cli_commands.options import (
    backend_option,
    listing_command,
    open_backend,
    store_option,
)


@click.command("termen")
@click.argument("scheme", required=False)
@store_option
@backend_option
@listing_command
def termen(scheme, store, backend, lang, fmt):
    """De vocabulaires die elk filter accepteert, met synoniemen (bv. termen doelgroepen)."""
    from watwerkt.queries.catalogue import terms
    from watwerkt.queries.catalogue_views import catalogue_view

    return catalogue_view("termen", terms(open_backend(store, backend), scheme, lang), lang)


@click.command("kerngetallen")
@click.option("--case", "--programma", "about", help="Alleen deze casus of dit programma (update, grip-op-groei, ...).")
@store_option
@backend_option
@listing_command
def kerngetallen(about, store, backend, lang, fmt):
    """Kerngetallen uit casussen en programma's: waarde, eenheid, jaar en ankers."""
    from watwerkt.queries.catalogue import key_numbers
    from watwerkt.queries.catalogue_views import catalogue_view

    return catalogue_view("kerngetallen", key_numbers(open_backend(store, backend), about, lang), lang)


@click.command("bevindingen")
@click.option("--case", "case_id", help="Alleen bevindingen over deze casus.")
@click.option("--document", help="Alleen over dit brondocument: boek, nro, update, westbrabant, gripopgroei.")
@store_option
@backend_option
@listing_command
def bevindingen(case_id, document, store, backend, lang, fmt):
    """Bevindingen over de kwaliteit van de bronnen (tellingen, verminkte tabellen, spelling, ...)."""
    from watwerkt.queries.catalogue import findings
    from watwerkt.queries.catalogue_views import catalogue_view

    return catalogue_view("bevindingen", findings(open_backend(store, backend), case_id, document, lang), lang)


@click.command("onderzoek")
@click.argument("onderdeel", default="groepen")
@store_option
@backend_option
@listing_command
def onderzoek(onderdeel, store, backend, lang, fmt):
    """Het NRO-onderzoek per onderdeel: groepen, redenen, beleid, leidinggevenden, factoren, triggers,
    werkt, opbrengsten, aanbevelingen, onderzoeksopzet."""
    from watwerkt.queries.catalogue import group_profiles, report_part
    from watwerkt.queries.catalogue_views import catalogue_view

    s = open_backend(store, backend)
    if onderdeel == "groepen":
        return catalogue_view("onderzoek", group_profiles(s, lang), lang)
    return catalogue_view("onderzoek", report_part(s, onderdeel, lang), lang)


@click.command("programmas")
@click.argument("programma", required=False)
@store_option
@backend_option
@listing_command
def programmas(programma, store, backend, lang, fmt):
    """De voorbeeldpraktijken van Update!, RMC West-Brabant en Grip op Groei."""
    from watwerkt.queries.catalogue import programmes
    from watwerkt.queries.catalogue_views import catalogue_view

    return catalogue_view("programmas", programmes(open_backend(store, backend), programma, lang), lang)


@click.command("loopbanen")
@click.option("--soort", "kind", help="Soort stap, bv. omhoog, horizontaal (zie `watwerkt termen transitietypen`).")
@store_option
@backend_option
@listing_command
def loopbanen(kind, store, backend, lang, fmt):
    """Loopbaanstappen in de casussen: van rol naar rol, soort stap, jaar en leeftijd."""
    from watwerkt.queries.catalogue import careers
    from watwerkt.queries.catalogue_views import catalogue_view

    return catalogue_view("loopbanen", careers(open_backend(store, backend), kind, lang), lang)
