"""``watwerkt bundel`` (alias ``bundle``): a print-ready case bundle for workshop facilitators."""

from __future__ import annotations

from pathlib import Path

import click

from watwerkt.cli_commands.options import lang_option, open_backend, store_option


@click.command()
@click.option("--case", "cases", multiple=True, metavar="ID", help="Deze casus (herhaalbaar), bv. --case oss --case carli.")
@click.option("--doelgroep", "--group", "group", help="Alleen casussen met bewijs voor deze doelgroep, bv. buitendienst.")
@click.option("--context", help="Alleen casussen met deze aanleiding, bv. bezuinigingen.")
@click.option("--uitkomst", "--outcome", "outcome", help="Alleen casussen met deze uitkomst, bv. inzetbaarheid.")
@click.option("--factor", help="Alleen casussen waar deze factor speelt, bv. leidinggevende.")
@click.option("--formaat", "--paper", "paper", type=click.Choice(["a4", "a6"]), default="a4", show_default=True,
              help="a4: sorteerkaarten met vier per A4-vel en snijtekens; a6: elke sorteerkaart op een eigen A6-pagina.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=Path("bundel.pdf"),
              show_default=True, help="bundel.pdf, of bundel.zip (PDF, HTML, JSON, CSV en LEESMIJ.txt).")
@store_option
@lang_option
def bundel(cases, group, context, outcome, factor, paper, output, store, lang):
    """Casusbundel voor een werksessie: omslag, inhoud, overzicht, handleiding, casuskaarten,
    sorteerkaarten (engelen en beren, NRO-factoren, zelfregiegroepen) en groepsbladen.

    Zonder --case en filters komen alle 28 casussen erin.
    """
    from watwerkt.atomic import check_output_path
    from watwerkt.errors import UsageError
    from watwerkt.viz.bundle import build_bundle, write_bundle

    if output.suffix.lower() not in (".pdf", ".zip"):
        raise UsageError(f"{output}: kies een bestandsnaam op .pdf of .zip",
                         en=f"{output}: choose a file name ending in .pdf or .zip")
    filters = {"doelgroep": group, "context": context, "uitkomst": outcome, "factor": factor}
    if cases and any(filters.values()):
        raise UsageError("kies casussen met --case of filters, niet allebei",
                         en="choose cases with --case or with filters, not both")
    check_output_path(output)
    bundle = build_bundle(open_backend(store, "embedded"), cases=cases, filters=filters, lang=lang, paper=paper)
    kind = write_bundle(bundle, output)
    n_sort = len(bundle.sort_cards)
    click.echo(f"{output}: {kind}, {len(bundle.cards)} " + ("cases" if lang == "en" else "casussen")
               + f", {n_sort} " + ("sorting cards" if lang == "en" else "sorteerkaarten"), err=True)
