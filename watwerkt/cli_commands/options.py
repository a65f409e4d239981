"""Options shared by commands: paths, and the one output contract of every listing."""

from __future__ import annotations

from pathlib import Path

import click

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


def output_options(func):
    """``--format table|json|csv|md``, ``-o PATH`` (``-`` is stdout), ``--lang nl|en``."""
    func = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                        help="Taal van de uitvoer.")(func)
    func = click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True),
                        default="-", help="Schrijf naar dit bestand (- is standaarduitvoer).")(func)
    func = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "md"]),
                        default="table", show_default=True, help="Uitvoerformaat.")(func)
    return func


backend_option = click.option(
    "--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True,
    envvar="WATWERKT_BACKEND",
    help="Ingebedde opslag of een Neo4j-server (WATWERKT_NEO4J_URI, _USER, _PASSWORD, _DATABASE).",
)


def open_backend(store, backend: str):
    """The store the named queries run on: Oxigraph on disk, or a Neo4j server."""
    if backend == "neo4j":
        from watwerkt.graph.neo4j.backend import Neo4jStore

        return Neo4jStore.from_env()
    from watwerkt.config import Settings
    from watwerkt.graph.store import open_store

    return open_store(Settings.resolve(store=store).store)
