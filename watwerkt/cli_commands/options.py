"""Options shared by commands: paths, backends, and the one output contract of every listing.

A listing command is decorated with :func:`listing_command`; it only parses its own options,
calls one library function and returns the :class:`~watwerkt.listing.Listing` its view made.
The decorator adds ``--format`` (choices from the renderer registry), ``-o``, ``--lang``,
``--compact``, ``--table`` and ``--csv-dialect``, renders the listing and writes it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

from watwerkt.renderers import REGISTRY

corpus_option = click.option(
    "--corpus", type=click.Path(path_type=Path, file_okay=False), envvar="WATWERKT_CORPUS",
    help="Map met de brondocumenten (of WATWERKT_CORPUS).",
)
store_option = click.option(
    "--store", type=click.Path(path_type=Path, file_okay=False), envvar="WATWERKT_STORE",
    help="Map van de graafopslag (of WATWERKT_STORE).",
)
data_option = click.option(
    "--data", "data_dir", type=click.Path(path_type=Path, file_okay=False), envvar="WATWERKT_DATA",
    help="Map met de gecureerde data (of WATWERKT_DATA).",
)
_backend_choice = click.option(
    "--backend", type=click.Choice(["embedded", "neo4j", "sparql"]), default="embedded", show_default=True,
    envvar="WATWERKT_BACKEND",
    help="Ingebedde opslag, een Neo4j-server (WATWERKT_NEO4J_URI, _USER, _PASSWORD, _DATABASE) "
         "of een SPARQL-eindpunt (--endpoint).",
)


def _remember_endpoint(ctx, param, value):
    ctx.meta["watwerkt.endpoint"] = value
    return value


def backend_option(func):
    """``--backend`` and, for ``--backend sparql``, ``--endpoint URL`` (kept in the context)."""
    func = click.option("--endpoint", metavar="URL", envvar="WATWERKT_SPARQL_ENDPOINT", expose_value=False,
                        callback=_remember_endpoint,
                        help="SPARQL 1.1-eindpunt voor --backend sparql (of WATWERKT_SPARQL_ENDPOINT).")(func)
    return _backend_choice(func)
lang_option = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                           envvar="WATWERKT_LANG", help="Taal van alle uitvoer (nl of en).")


def listing_options(func):
    """``--format``, ``-o PATH`` (``-`` is stdout, ``DIR/`` a folder), ``--lang`` and table options."""
    func = lang_option(func)
    func = click.option("--csv-dialect", type=click.Choice(["standard", "excel-nl"]), default="standard",
                        show_default=True, help="excel-nl: ';' als scheidingsteken, UTF-8 met BOM.")(func)
    func = click.option("--table", "table_name", metavar="NAAM", help="Alleen deze tabel (CSV).")(func)
    func = click.option("--compact", is_flag=True, help="Eén regel per rij; lange cellen afgekapt met '…'.")(func)
    func = click.option("-o", "--output", type=click.Path(allow_dash=True), default="-",  # a str: keeps "DIR/"
                        help="Schrijf naar dit bestand (- is standaarduitvoer, MAP/ één bestand per tabel).")(func)
    func = click.option("--format", "fmt", type=click.Choice(list(REGISTRY)), default="table",
                        show_default=True, help="Uitvoerformaat.")(func)
    return func


def listing_command(func):
    """Render and write the listing the command returns, through the renderer registry."""

    @listing_options
    @functools.wraps(func)
    def wrapper(*args, fmt, output, compact, table_name, csv_dialect, lang, **kwargs):
        from watwerkt.output import wants_directory, write_output
        from watwerkt.renderers import BINARY, RenderOptions, render, terminal_width

        listing = func(*args, lang=lang, fmt=fmt, **kwargs)
        opts = RenderOptions(width=terminal_width(), compact=compact, table=table_name,
                             csv_dialect=csv_dialect, directory=wants_directory(output))
        write_output(render(listing, fmt, opts), output, binary=fmt in BINARY, name=f"{listing.command}.{fmt}")

    return wrapper


def open_backend(store, backend: str):
    """The store the named queries run on: Oxigraph on disk, or a Neo4j server."""
    if backend == "neo4j":
        from watwerkt.graph.neo4j.backend import Neo4jStore

        return Neo4jStore.from_env()
    if backend == "sparql":
        from watwerkt.errors import UsageError
        from watwerkt.queries.remote import RemoteStore

        ctx = click.get_current_context(silent=True)
        endpoint = ctx.meta.get("watwerkt.endpoint") if ctx else None
        if not endpoint:
            raise UsageError("--backend sparql heeft --endpoint URL nodig",
                             hint="bijvoorbeeld --endpoint http://127.0.0.1:7878/query",
                             en="--backend sparql needs --endpoint URL")
        return RemoteStore(endpoint)
    from watwerkt.config import Settings
    from watwerkt.graph.store import open_store

    return open_store(Settings.resolve(store=store).store)
