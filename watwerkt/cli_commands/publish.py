"""``watwerkt publish neo4j``, ``watwerkt publish sparql``, ``watwerkt export neo4j`` and the read-only ``watwerkt cypher``.

Where the server is and how to log in comes from one place,
:class:`watwerkt.graph.neo4j.settings.Neo4jSettings`: ``--uri``, ``--user`` and ``--database``
(or their environment variables), the password from ``WATWERKT_NEO4J_PASSWORD``, from the
running development server, or asked for on a terminal. There is no ``--password`` flag.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from watwerkt.cli_commands.options import listing_command, store_option

uri_option = click.option("--uri", envvar="WATWERKT_NEO4J_URI",
                          help="Bolt-adres van de server (of WATWERKT_NEO4J_URI; standaard de draaiende "
                               "ontwikkelserver, anders bolt://127.0.0.1:7687).")
user_option = click.option("--user", envvar="WATWERKT_NEO4J_USER", default="neo4j", show_default=True,
                           help="Gebruiker (of WATWERKT_NEO4J_USER).")
db_option = click.option("--database", envvar="WATWERKT_NEO4J_DATABASE", default="neo4j", show_default=True,
                         help="Database (of WATWERKT_NEO4J_DATABASE).")


def _prompt() -> str:
    if not sys.stdin.isatty():
        return ""  # no terminal to ask on: Neo4jSettings says which variable to set
    return click.prompt("Neo4j-wachtwoord", hide_input=True, err=True)


def _settings(uri: str, user: str, database: str):
    from watwerkt.graph.neo4j.settings import Neo4jSettings

    return Neo4jSettings.resolve(uri, user, None, database, prompt=_prompt)


def _property_graph(store):
    from watwerkt.config import Settings
    from watwerkt.graph.neo4j.mapping import store_property_graph
    from watwerkt.graph.store import read_info

    s = Settings.resolve(store=store)
    read_info(s.store)
    return store_property_graph(s.store)  # graph.nt parsed by Oxigraph: no rdflib on this path


@click.group()
def publish():
    """Publiceer de gebouwde graaf naar een server."""


@publish.command("neo4j")
@uri_option
@user_option
@db_option
@click.option("--batch", type=click.IntRange(1, 100000), default=5000, show_default=True, help="Rijen per UNWIND-batch.")
@store_option
def publish_neo4j(uri, user, database, batch, store):
    """Laad de graaf in Neo4j 5: eerst constraints en indexen, dan batches, in één transactie.

    In een lege database met CREATE, anders met MERGE; een eerdere versie wordt in dezelfde
    transactie vervangen, zodat lezers nooit een half geladen graaf zien. Twee keer publiceren
    verandert niets (de tweede keer wordt niets geschreven). Past de graaf niet in één
    transactie van de server, laad hem dan offline met `watwerkt neo4j import`. Het
    wachtwoord komt uit WATWERKT_NEO4J_PASSWORD of wordt gevraagd.
    """
    from watwerkt.graph.neo4j.publish import publish as run_publish
    from watwerkt.progress import DelayedProgress

    pg = _property_graph(store)
    settings = _settings(uri, user, database)
    driver, version = settings.connect()
    last = [-1]
    bar = DelayedProgress("Neo4j")  # a bar on a terminal; a log gets a line per 10 %

    def progress(what, done, total):
        bar.update(what, done, total)
        pct = done * 100 // total
        if not bar.stream.isatty() and pct // 10 != last[0] // 10:
            last[0] = pct
            click.echo(f"  {pct:3d}%  {what} ({done}/{total})", err=True)

    try:
        click.echo(f"publiceren naar {settings.uri} (Neo4j {version}), database {settings.database}", err=True)
        r = run_publish(pg, driver, settings.database, batch=batch, progress=progress)
    finally:
        bar.close()
        driver.close()
    click.echo(f"klaar: {r.nodes} knopen, {r.relationships} relaties (versie {r.build}; "
               f"verwijderd: {r.deleted_nodes} knopen, {r.deleted_relationships} relaties)", err=True)


@publish.command("sparql")
@click.option("--endpoint", required=True, metavar="URL", envvar="WATWERKT_SPARQL_STORE",
              help="Graph Store-adres, bijvoorbeeld http://127.0.0.1:7878/store (of WATWERKT_SPARQL_STORE).")
@click.option("--bulk", is_flag=True, help="Oxigraph-server: laden zonder transactie (sneller, niet atomair).")
@store_option
def publish_sparql(endpoint, bulk, store):
    """Laad de graaf in een SPARQL-server (Graph Store Protocol, één PUT van de benoemde graaf).

    Twee keer publiceren verandert niets: de PUT vervangt de graaf in zijn geheel.
    """
    from watwerkt.config import Settings
    from watwerkt.graph.remote_publish import publish_sparql as run_publish
    from watwerkt.progress import DelayedProgress

    bar = DelayedProgress("N-Triples versturen")
    try:
        r = run_publish(Settings.resolve(store=store).store, endpoint, bulk=bulk,
                        progress=lambda done, total: bar.update(completed=done, total=total))
    finally:
        bar.close()
    click.echo(f"klaar: {r.triples} triples ({r.bytes} bytes) in graaf {r.graph} op {r.url} (HTTP {r.status})",
               err=True)


@click.group()
def export():
    """Exporteer de graaf voor wie zelf laadt."""


for _rdf in __import__("watwerkt.cli_commands.build", fromlist=["RDF_EXPORTS"]).RDF_EXPORTS:
    export.add_command(_rdf)  # export ttl|trig|jsonld|nt: the store's own formats


@export.command("neo4j")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Map voor nodes.csv, relationships.csv, import.sh en watwerkt.cypher.")
@store_option
def export_neo4j(out, store):
    """CSV-bestanden voor `neo4j-admin database import` en een gewoon Cypher-script."""
    from watwerkt.graph.neo4j.export import write_exports

    for path in write_exports(_property_graph(store), out):
        click.echo(f"geschreven: {path}", err=True)


@click.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "path", type=click.Path(exists=True, dir_okay=False), help="Lees de query uit een bestand.")
@click.option("--param", "params", multiple=True, metavar="NAAM=WAARDE", help="Een queryparameter ($NAAM).")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=30, show_default=True,
              help="Seconden die de query mag duren; daarna breekt de server hem af.")
@click.option("--max-rows", type=click.IntRange(1, 1_000_000), default=10_000, show_default=True,
              help="Hoogstens zoveel rijen; de rest wordt weggelaten (met een melding).")
@uri_option
@user_option
@db_option
@listing_command
def cypher(query, path, params, timeout, max_rows, uri, user, database, lang, fmt):
    """Alleen-lezen Cypher voor onderzoekers, met een tijd- en rijlimiet.

    Vooraf vraagt watwerkt het queryplan op (EXPLAIN) en weigert LOAD CSV, procedures
    buiten een kleine lijst (zoals db.labels), SHOW SETTINGS en SHOW TRANSACTIONS,
    beheeropdrachten en alles wat schrijft; de query draait daarna in een leestransactie.
    """
    from watwerkt.graph.neo4j.backend import Neo4jStore
    from watwerkt.listing import Column, Listing, Table

    if path:
        query = Path(path).read_text(encoding="utf-8")
    if not query:
        raise click.UsageError("geef een query of --file")
    values = {}
    for p in params:
        if "=" not in p:
            raise click.BadParameter(f"{p!r}: verwacht NAAM=WAARDE", param_hint="--param")
        k, v = p.split("=", 1)
        values[k] = v
    store = Neo4jStore.from_settings(_settings(uri, user, database), timeout=timeout)
    try:
        result = store.read(query, values, max_rows=max_rows)
    finally:
        store.close()
    if result.truncated:
        click.echo(f"let op: alleen de eerste {max_rows} rijen (--max-rows)" if lang != "en"
                   else f"note: only the first {max_rows} rows (--max-rows)", err=True)
    table = Table("cypher", "", tuple(Column(h, h, 6) for h in result.columns), tuple(result.rows))
    return Listing("cypher", lang, "", (table,), (), (), list(result.rows))
