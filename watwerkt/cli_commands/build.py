"""``watwerkt build``, ``watwerkt validate`` and ``watwerkt ontology``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from watwerkt.cli_commands.options import corpus_option, data_option, store_option


@click.command()
@corpus_option
@store_option
@data_option
@click.option("--export", "exports", multiple=True, type=click.Choice(["ttl", "trig", "jsonld", "nt"]),
              help="Kopieer deze export ook naar --out (de opslag bevat ze altijd).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), help="Map voor --export.")
def build(corpus, store, data_dir, exports, out):
    """Bouw de graaf: data/ (+ corpus voor citaten) naar de ingebedde opslag en exports.

    Zonder corpus wordt de graaf gebouwd zonder citaten. Het schrijven is atomair: een
    afgebroken bouw laat de vorige opslag intact.
    """
    from watwerkt.config import Settings
    from watwerkt.graph.atomic import atomic_write_bytes
    from watwerkt.graph.pipeline import build as run_build

    s = Settings.resolve(corpus=corpus, store=store, data=data_dir)
    if corpus is None and s.corpus is None:
        click.echo("geen corpus gevonden: de graaf wordt gebouwd zonder citaten", err=True)
    result = run_build(s)
    click.echo(f"graaf gebouwd: {result.triples} triples, {result.cases} casussen, "
               f"citaten {'ja' if result.quotes else 'nee'} -> {result.store}", err=True)
    if exports:
        if out is None:
            raise click.UsageError("--export heeft --out nodig")
        from watwerkt.graph.store import FORMATS

        for fmt in exports:
            atomic_write_bytes(out / FORMATS[fmt], (result.store / FORMATS[fmt]).read_bytes())
            click.echo(f"geschreven: {out / FORMATS[fmt]}", err=True)


@click.command()
@corpus_option
@store_option
@data_option
@click.option("--coverage", is_flag=True, help="Toon ook de dekking per casus en het datakwaliteitsrapport.")
def validate(corpus, store, data_dir, coverage):
    """Valideer de gebouwde graaf: SHACL-shapes, ankers tegen het corpus, contactgegevens.

    Drukt bevindingen af als `waar: melding`; eindigt met een foutcode als er een fout is.
    """
    from rdflib import Graph

    from watwerkt.config import Settings
    from watwerkt.graph.store import read_info
    from watwerkt.graph.validate import validate_graph
    from watwerkt.ingest.corpus import Corpus

    s = Settings.resolve(corpus=corpus, store=store, data=data_dir)
    read_info(s.store)
    g = Graph().parse(s.store / "graph.nt", format="nt")
    c = Corpus.open(s.corpus, s.data) if s.corpus is not None else None
    problems = validate_graph(g, c)
    for p in problems:
        click.echo(str(p))
    errors = sum(p.level == "error" for p in problems)
    if coverage:
        from watwerkt.graph.coverage import coverage_report

        click.echo(coverage_report(s, c), nl=False)
    click.echo(f"{len(g)} triples gecontroleerd; {errors} fouten"
               f"{'' if c else ' (ankers niet gecontroleerd: geen corpus)'}", err=True)
    if errors:
        sys.exit(1)


@click.command()
@click.option("--check", is_flag=True, help="Controleer alleen of docs/ontology.md actueel is.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Doelbestand (standaard docs/ontology.md).")
def ontology(check, output):
    """Genereer de leesbare ontologiedocumentatie uit ontology/watwerkt.ttl."""
    from watwerkt.graph.atomic import atomic_write_text
    from watwerkt.ontology.docs import DOC_PATH, render_docs

    target = output or DOC_PATH
    text = render_docs()
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            click.echo(f"{target}: verouderd; draai `watwerkt ontology`", err=True)
            sys.exit(1)
        return
    atomic_write_text(target, text)
    click.echo(f"geschreven: {target}", err=True)
