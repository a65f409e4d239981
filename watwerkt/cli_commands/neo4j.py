"""``watwerkt neo4j start|stop|status``: a Neo4j 5 development server in the background.

The server is the project's own launcher (server/neo4j-launcher, built with Maven on first
use); see watwerkt.devserver. Its state (pid, port, data folder, password) is kept in
``<state>/neo4j.json``, its data in ``<state>/neo4j-data`` and its output in ``<state>/neo4j.log``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

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
