"""``watwerkt cases`` and ``watwerkt case``."""

from __future__ import annotations

import click

from watwerkt.cli_commands.options import (
    backend_option,
    listing_command,
    open_backend,
    store_option,
)


def _store(store, backend="embedded"):
    return open_backend(store, backend)


@click.command()
@click.option("--kind", "--soort", type=click.Choice(["organisation", "employee", "organisatie", "medewerker"]),
              help="Alleen organisatie- of medewerkerscasussen.")
@store_option
@backend_option
@listing_command
def cases(kind, store, backend, lang, fmt):
    """Lijst van de praktijkcasussen, in de volgorde van het boek."""
    from watwerkt.queries.cases import list_cases
    from watwerkt.queries.catalogue_views import catalogue_view

    kind = {"organisatie": "organisation", "medewerker": "employee"}.get(kind, kind)
    return catalogue_view("cases", tuple(list_cases(_store(store, backend), kind=kind)), lang, hidden=("sections",))


@click.command()
@click.argument("case_id")
@click.option("--no-quotes", "--zonder-citaten", "no_quotes", is_flag=True, help="Zonder citaten uit het boek.")
@store_option
@backend_option
@listing_command
def case(case_id, no_quotes, store, backend, lang, fmt):
    """Eén casus als volledige kaart: wie, aanleidingen, interventies, engelen en beren (genoemd eerst),
    uitkomsten, kerngetallen, lessen, bevindingen, loopbaanstappen, citaten en secties.
    """
    from watwerkt.queries.case_card import case_card
    from watwerkt.queries.case_card_view import case_card_view

    return case_card_view(case_card(_store(store, backend), case_id, lang), lang, quotes=not no_quotes)
