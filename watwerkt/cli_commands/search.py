"""Search and read-only queries: ``zoek`` (labels, concepts, quotes, source passages) and ``sparql``.

Both answer from the store only. ``sparql`` runs in a worker process with a time, memory and
row limit, and refuses updates and SERVICE (see :mod:`watwerkt.queries.readonly`).
"""

from __future__ import annotations

from pathlib import Path

import click

from watwerkt.cli_commands.options import (
    backend_option,
    listing_command,
    open_backend,
    store_option,
)


@click.command("zoek")
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 200), default=20, show_default=True)
@store_option
@backend_option
@listing_command
def zoek(text, limit, store, backend, lang, fmt):
    """Zoek in labels, concepten, citaten en de brontekst (zoektermen tot 200 tekens).

    Ongevoelig voor hoofdletters en accenten; labels en concepten ook voor tikfouten.
    Contactgegevens worden nooit doorzocht of getoond.
    """
    from watwerkt.queries.catalogue_views import catalogue_view
    from watwerkt.queries.search import check_term, search

    check_term(text, lang)
    index = None
    if backend == "embedded":  # the index the build wrote beside the graph; older stores have none
        from watwerkt.config import Settings
        from watwerkt.graph.search_index import open_index

        index = open_index(Settings.resolve(store=store).store)
    source = None if index is not None else open_backend(store, backend)
    return catalogue_view("zoek", search(source, text, limit, lang, index=index), lang)


def read_query_file(path: Path, lang: str = "nl") -> str:
    """The query in ``path``: UTF-8 (a BOM allowed), else one line naming the file and line."""
    from watwerkt.errors import QueryError

    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = {FileNotFoundError: ("bestaat niet", "does not exist"), IsADirectoryError: ("is een map", "is a folder"),
               PermissionError: ("geen leesrechten", "not readable")}.get(type(exc), (exc.strerror, exc.strerror))
        raise QueryError(msg[lang == "en"] or str(exc), where=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        msg = (f"geen UTF-8 (byte {exc.start} op regel {line})", f"not UTF-8 (byte {exc.start} on line {line})")
        raise QueryError(msg[lang == "en"], where=f"{path}:{line}") from None


@click.command("sparql")
@click.argument("query", required=False)
@click.option("-f", "--file", "path", type=click.Path(path_type=Path), help="Lees de query uit een bestand (UTF-8).")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True,
              help="Tijdslimiet in seconden.")
@click.option("--max-rows", type=click.IntRange(1, 1_000_000), default=50_000, show_default=True,
              help="Hoogstens zoveel rijen; meer is een fout.")
@store_option
@listing_command
def sparql(query, path, timeout, max_rows, store, lang, fmt):
    """Alleen-lezen SPARQL voor onderzoekers (SELECT, ASK, CONSTRUCT, DESCRIBE).

    Wijzigingen (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ...) en SERVICE worden geweigerd.
    Elke query draait apart, met een tijds-, geheugen- en rijenlimiet.
    """
    from watwerkt.config import Settings
    from watwerkt.errors import QueryError
    from watwerkt.queries.readonly import run_readonly

    if path is not None and query is not None:
        raise QueryError(("geef een query of --file, niet allebei", "give a query or --file, not both")[lang == "en"])
    if path is not None:
        query = read_query_file(path, lang)
    if query is None:
        raise QueryError(("geef een query of --file", "give a query or --file")[lang == "en"])
    from watwerkt.listing import Column, Listing, Table

    res = run_readonly(Settings.resolve(store=store).store, query, timeout=timeout, max_rows=max_rows, lang=lang)
    table = Table("sparql", "", tuple(Column(h, h, 6) for h in res.head), tuple(res.rows))
    return Listing("sparql", lang, "", (table,), (), (), list(res.rows))
