"""Researchers' commands: ``verken`` (alias ``explore``), ``export-graph`` and ``serve``.

``verken`` writes one self-contained HTML page (the overview, an ego view with ``--rond``, or
the gap map with ``--gaten``); with ``--format table|csv|md|json`` the same view is a listing
of its nodes and links. ``export-graph graphml|gexf`` writes the whole graph (or an ego
view) for Gephi through networkx. ``serve`` starts the local read-only web service with the
SPARQL 1.1 Protocol endpoint. Everything heavy is imported inside the commands.
"""

from __future__ import annotations

from pathlib import Path

import click

from watwerkt.cli_commands.options import lang_option, store_option

FORMATS = ["html", "table", "csv", "md", "json"]


def _store(store):
    from watwerkt.cli_commands.options import open_backend

    return open_backend(store, "embedded")


def _write(data, output, fmt: str) -> None:
    from watwerkt.output import write_output

    if output in (None, "-") and fmt == "html" and click.get_text_stream("stdout").isatty():
        from watwerkt.queries.graph_views import usage_error

        raise usage_error("HTML hoort in een bestand: geef -o graaf.html", "HTML belongs in a file: give -o graph.html",
                          "bijvoorbeeld: watwerkt verken -o graaf.html", "for example: watwerkt verken -o graph.html")
    write_output(data, output)


@click.command("verken")
@click.option("--rond", "--around", "around", metavar="ID",
              help="Alleen de omgeving van deze casus, interventiesoort, factor, gemeente of dit werkzame element.")
@click.option("--diepte", "--depth", "depth", type=click.IntRange(1, 4), default=1, show_default=True,
              help="Hoeveel stappen rond --rond.")
@click.option("--gaten", "--gaps", "gaps", is_flag=True, help="De bewijs- en gatenkaart (interventiesoort x uitkomst).")
@click.option("--facet", type=click.Choice(["zelfregie", "doelgroep"]), default="zelfregie", show_default=True,
              help="Gatenkaart: een facet per zelfregiegroep of per doelgroep.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True, help="Uitvoerformaat.")
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True), default="-",
              help="Schrijf naar dit bestand (- is standaarduitvoer).")
@store_option
@lang_option
def verken(around, depth, gaps, facet, fmt, output, store, lang):
    """Verken de graaf in één HTML-bestand dat offline werkt (alias: explore).

    Zonder opties: casussen, interventiesoorten, uitkomsten, factoren en zelfregiegroepen.
    Met --rond ID --diepte N: alles binnen N stappen van één knoop. Met --gaten: de
    bewijs- en gatenkaart. Klik op een knoop of verbinding voor het bewijs met ankers.
    """
    from watwerkt.queries.explore_views import gap_map_listing, graph_listing
    from watwerkt.renderers import RenderOptions, render

    s = _store(store)
    if gaps:
        from watwerkt.queries.gap_map import gap_map

        listing = gap_map_listing(gap_map(s, lang=lang, facet=facet), lang)
    else:
        from watwerkt.queries import graph_views

        view = graph_views.ego(s, around, depth, lang=lang) if around else graph_views.overview(s, lang=lang)
        listing = graph_listing(view, lang)
    _write(render(listing, fmt, RenderOptions()), output, fmt)


@click.command("export-graph")
@click.argument("fmt", metavar="graphml|gexf", type=click.Choice(["graphml", "gexf"]))
@click.option("--out", "-o", "output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Het bestand om te schrijven.")
@click.option("--rond", "--around", "around", metavar="ID", help="Alleen de omgeving van deze knoop.")
@click.option("--diepte", "--depth", "depth", type=click.IntRange(1, 4), default=1, show_default=True)
@store_option
def export_graph(fmt, output, around, depth, store):
    """Exporteer de graaf als GraphML of GEXF (voor Gephi), met getypeerde knopen en verbindingen."""
    from watwerkt.output import write_output
    from watwerkt.queries import graph_views
    from watwerkt.viz.explorer.layout import graph_bytes

    s = _store(store)
    if around:
        view = graph_views.ego(s, around, depth)
    else:
        nodes, edges, quotes = graph_views.full_graph(s)
        view = graph_views.GraphView("full", None, 0, nodes, edges, quotes)
    write_output(graph_bytes(view, fmt), output)
    click.echo(f"{len(view.nodes)} knopen en {len(view.edges)} verbindingen -> {output}", err=True)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren (standaard alleen deze machine).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--timeout", type=click.FloatRange(0.5, 120), default=10.0, show_default=True,
              help="Seconden per SPARQL-query.")
@click.option("--max-rows", type=click.IntRange(1, 1_000_000), default=10_000, show_default=True)
@store_option
@lang_option
def serve(host, port, timeout, max_rows, store, lang):
    """Een lokale webdienst, alleen lezen: verkenner, gatenkaart, casuskaarten en /sparql."""
    from watwerkt.config import Settings
    from watwerkt.viz.serve import run_server

    run_server(Settings.resolve(store=store).store, host=host, port=port, timeout=timeout,
               max_rows=max_rows, lang=lang)


@click.command("samenhang")
@click.option("--soort", "--kind", "kind", type=click.Choice(["factor-uitkomst", "factor-factor"]),
              default="factor-uitkomst", show_default=True, help="Welke paren.")
@click.option("--polariteit", "--polarity", "polarity", type=click.Choice(["engel", "beer"]),
              help="Alleen engelen of alleen beren.")
@click.option("--min", "min_cases", type=click.IntRange(1, 28), default=1, show_default=True,
              help="Alleen paren in minstens zoveel casussen.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Uitvoerformaat.")
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True), default="-",
              help="Schrijf naar dit bestand (- is standaarduitvoer, MAP/ één CSV per tabel).")
@click.option("--table", "table_name", metavar="NAAM", help="Alleen deze tabel (CSV): samenhang of netwerkmaten.")
@store_option
@lang_option
def samenhang(kind, polarity, min_cases, fmt, output, table_name, store, lang):
    """Samen voorkomen van factoren en uitkomsten over casussen, met netwerkmaten (alias: co-occurrence).

    Per paar: het aantal casussen met beide en de coëfficiënt van ATLAS.ti; daarna graad en
    tussenliggendheid van factoren en interventiesoorten. --format html geeft een heatmap.
    """
    from watwerkt.output import wants_directory
    from watwerkt.queries.cooccurrence import cooccurrence
    from watwerkt.queries.explore_views import cooccurrence_listing
    from watwerkt.renderers import RenderOptions, render, terminal_width

    pol = {"engel": "angel", "beer": "bear"}.get(polarity or "")
    res = cooccurrence(_store(store), kind=kind, polarity=pol, min_cases=min_cases, lang=lang)
    opts = RenderOptions(width=terminal_width(), table=table_name, directory=wants_directory(output))
    _write(render(cooccurrence_listing(res, lang), fmt, opts), output, fmt)
