"""``watwerkt neo4j start|stop|status|import``: a Neo4j 5 development server in the background.

The server is the project's own launcher (server/neo4j-launcher, built with Maven on first
use); see watwerkt.devserver. Its state (pid, port, data folder, password) is kept in
``<state>/neo4j.json``, its data in ``<state>/neo4j-data`` and its output in ``<state>/neo4j.log``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from watwerkt.cli_commands.options import store_option

state_option = click.option(
    "--state", "state_dir", type=click.Path(path_type=Path, file_okay=False), envvar="WATWERKT_STATE",
    help="Map voor de toestand en de data van de server (of WATWERKT_STATE; "
         "standaard $XDG_STATE_HOME/watwerkt of ~/.local/state/watwerkt).",
)


@click.group()
def neo4j():
    """Een Neo4j-ontwikkelserver (Neo4j 5 community, alleen Bolt op 127.0.0.1).

    Geen Docker nodig: de server wordt bij het eerste gebruik met Maven gebouwd
    (Java 17 en Maven vereist). Gebruiker: neo4j.
    """


@neo4j.command()
@state_option
@click.option("--port", type=click.IntRange(1, 65535),
              help="Bolt-poort (standaard: de vorige, anders 7687, anders een vrije poort).")
@click.option("--password", envvar="WATWERKT_NEO4J_PASSWORD",
              help="Wachtwoord voor gebruiker neo4j, minstens 8 tekens (of WATWERKT_NEO4J_PASSWORD; "
                   "standaard het vorige of een nieuw willekeurig wachtwoord).")
@click.option("--timeout", type=float, default=120, show_default=True,
              help="Seconden wachten tot de server verbindingen aanneemt.")
def start(state_dir, port, password, timeout):
    """Start de server op de achtergrond (doet niets als hij al draait).

    Drukt de Bolt-URI af op standaarduitvoer. De server blijft draaien tot
    `watwerkt neo4j stop`.
    """
    from watwerkt.devserver import default_state_dir, start_background, status

    state_dir = state_dir or default_state_dir()
    before = status(state_dir)
    if not before.running:
        click.echo("Neo4j wordt gestart (de eerste keer wordt de launcher met Maven gebouwd)...", err=True)
    st = start_background(state_dir, port=port, password=password, timeout=timeout)
    if before.running:
        if port is not None and port != st.port:
            click.echo(f"let op: de server draait al op poort {st.port}, niet op {port}", err=True)
        click.echo(f"Neo4j draaide al: {st.uri} (pid {st.pid})", err=True)
    else:
        click.echo(f"Neo4j draait: {st.uri} (pid {st.pid}, gebruiker neo4j, data {st.data_dir})", err=True)
        click.echo(f"wachtwoord: `watwerkt neo4j status --show-password`; log: {st.log_file}", err=True)
    click.echo(st.uri)


@neo4j.command()
@state_option
@click.option("--timeout", type=float, default=20, show_default=True,
              help="Seconden wachten na SIGTERM voordat de server hard wordt gestopt.")
def stop(state_dir, timeout):
    """Stop de achtergrondserver. De data blijven bewaard."""
    from watwerkt.devserver import stop_background

    if stop_background(state_dir, timeout=timeout):
        click.echo("Neo4j gestopt", err=True)
    else:
        click.echo("Neo4j draaide niet", err=True)


@neo4j.command()
@state_option
@click.option("--show-password", is_flag=True, help="Toon ook het wachtwoord van gebruiker neo4j.")
def status(state_dir, show_password):
    """Toon of de achtergrondserver draait, met URI, pid en datamap.

    Eindigt met code 0 als hij draait en 3 als hij niet draait.
    """
    from watwerkt.devserver import status as server_status

    st = server_status(state_dir)
    click.echo(f"status: {'draait' if st.running else 'gestopt'}")
    if st.running:
        click.echo(f"uri: {st.uri}")
        click.echo(f"pid: {st.pid}")
        click.echo(f"gestart: {st.started}")
    click.echo("gebruiker: neo4j")
    if show_password and st.password:
        click.echo(f"wachtwoord: {st.password}")
    if st.data_dir:
        click.echo(f"data: {st.data_dir}")
    click.echo(f"toestand: {st.state_dir}")
    if not st.running:
        sys.exit(3)


@neo4j.command("import")
@state_option
@store_option
@click.option("--timeout", type=float, default=240, show_default=True,
              help="Seconden wachten tot de server na het laden weer verbindingen aanneemt.")
def import_(state_dir, store, timeout):
    """Laad de graaf offline in de ontwikkelserver met neo4j-admin database import (grote grafen).

    Voor een graaf die niet in één transactie past (`watwerkt publish neo4j` meldt dat): de
    server wordt gestopt, de database neo4j wordt vervangen door de graaf (het importprogramma
    van Neo4j schrijft de bestanden rechtstreeks), en de server wordt weer gestart met de
    constraint, de indexen en het versiemerk, zodat een latere publish gewoon bijwerkt.
    Tijdens het laden is er geen server; een halve graaf is nooit te zien.
    """
    import time

    from watwerkt.cli_commands.publish import _property_graph
    from watwerkt.devserver import default_state_dir, start_background, status, stop_background
    from watwerkt.graph.neo4j.admin_import import admin_import, after_import
    from watwerkt.graph.neo4j.settings import connect

    started = time.perf_counter()
    pg = _property_graph(store)
    state_dir = state_dir or default_state_dir()
    before = status(state_dir)
    if before.running:
        click.echo(f"Neo4j wordt gestopt (pid {before.pid}) om de database te vervangen...", err=True)
        stop_background(state_dir)
    data_dir = before.data_dir or state_dir / "neo4j-data"
    click.echo(f"importeren: {len(pg.nodes)} knopen, {len(pg.rels)} relaties -> {data_dir}", err=True)
    admin_import(pg, data_dir)
    st = start_background(state_dir, port=before.port if before.port else None, timeout=timeout)
    driver, _version = connect(st.uri, "neo4j", st.password or "")
    try:
        n, r = after_import(pg, driver)
    finally:
        driver.close()
    click.echo(f"klaar: {n} knopen, {r} relaties in {time.perf_counter() - started:.0f} s; Neo4j draait: {st.uri}",
               err=True)
