"""``watwerkt build``, ``watwerkt validate`` and ``watwerkt ontology``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from watwerkt.cli_commands.options import corpus_option, data_option, store_option


class _Progress:
    """The build's phases as a bar on stderr (:class:`watwerkt.progress.DelayedProgress`): only
    on a terminal, and only once the build has run about 2 s."""

    DELAY = 2.0

    def __init__(self, stream=None):
        from watwerkt.graph.pipeline import PHASES
        from watwerkt.progress import DelayedProgress

        self.phases = list(PHASES)
        self._progress = DelayedProgress(PHASES["load"][0], total=len(self.phases), stream=stream,
                                         delay=self.DELAY)

    @property
    def bar(self):
        return self._progress.bar

    def __call__(self, phase: str) -> None:
        from watwerkt.graph.pipeline import PHASES

        self._progress.update(PHASES.get(phase, (phase,))[0], completed=self.phases.index(phase)
                              if phase in self.phases else None)

    def close(self) -> None:
        self._progress.close()


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), envvar="WATWERKT_CORPUS",
              help="Map met de brondocumenten (of WATWERKT_CORPUS); moet bestaan als je haar noemt.")
@click.option("--store", type=click.Path(path_type=Path), envvar="WATWERKT_STORE",
              help="Map van de graafopslag (of WATWERKT_STORE): leeg, nieuw of een eerdere opslag.")
@data_option
@click.option("--export", "exports", multiple=True, type=click.Choice(["ttl", "trig", "jsonld", "nt"]),
              help="Schrijf ook deze export naar --out (herhaalbaar); de opslag bevat alleen graph.nt.")
@click.option("--out", type=click.Path(), help="Map voor --export (wordt zo nodig gemaakt).")
def build(corpus, store, data_dir, exports, out):
    """Bouw de graaf: data/ (+ corpus voor citaten) naar de ingebedde opslag (en exports).

    Zonder corpus wordt de graaf gebouwd zonder citaten; een opgegeven corpus dat niet bestaat
    is een fout. --store moet een lege of nieuwe map zijn, of een eerdere watwerkt-opslag. Het
    wisselen is atomair: een afgebroken bouw laat de vorige opslag intact.
    """
    from watwerkt.config import Settings
    from watwerkt.graph.pipeline import build as run_build
    from watwerkt.graph.pipeline import check_paths

    s = Settings.resolve(corpus=corpus, store=store, data=data_dir)
    check_paths(s, exports=exports, out=out)  # refuse bad paths before any work; out is a str,
    out = Path(out) if out is not None else None  # so '' is refused, not taken for '.'
    if s.corpus is None:
        click.echo("geen corpus gevonden: de graaf wordt gebouwd zonder citaten", err=True)
    progress = _Progress() if sys.stderr.isatty() else None
    try:
        result = run_build(s, exports=exports, out=out, **({"progress": progress} if progress else {}))
    finally:
        if progress is not None:
            progress.close()
    click.echo(f"graaf gebouwd: {result.triples} triples, {result.cases} casussen, "
               f"citaten {'ja' if result.quotes else 'nee'} -> {result.store}", err=True)
    for path in result.exports:
        click.echo(f"geschreven: {path}", err=True)


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
@click.option("--check", is_flag=True, help="Controleer alleen of de gegenereerde bestanden actueel zijn.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Doelbestand van de documentatie (standaard docs/ontology.md).")
def ontology(check, output):
    """Genereer uit ontology/watwerkt.ttl de documentatie en ontology/namespace.py."""
    from watwerkt.atomic import atomic_write_text
    from watwerkt.ontology.docs import outputs

    generated = outputs(output)
    if check:
        stale = [t for t, text in generated.items()
                 if (t.read_text(encoding="utf-8") if t.exists() else "") != text]
        for target in stale:
            click.echo(f"{target}: verouderd; draai `watwerkt ontology`", err=True)
        if stale:
            sys.exit(1)
        return
    for target, text in generated.items():
        atomic_write_text(target, text)
        click.echo(f"geschreven: {target}", err=True)


def _rdf_export_command(fmt: str) -> click.Command:
    from watwerkt.graph.exports import FORMATS  # light: no rdflib at import

    @click.command(fmt)
    @click.option("--out", type=click.Path(), required=True,
                  help=f"Map voor {FORMATS[fmt]} (wordt zo nodig gemaakt).")
    @store_option
    def command(out, store):
        from watwerkt.config import Settings
        from watwerkt.graph.exports import export_store

        for path in export_store(Settings.resolve(store=store).store, [fmt], out):
            click.echo(f"geschreven: {path}", err=True)

    command.help = (f"De gebouwde graaf als {FORMATS[fmt]} (uit graph.nt van de opslag; dezelfde bytes "
                    "als `build --export`).")
    return command


# `watwerkt export ttl|trig|jsonld|nt --out DIR`, registered on the export group in publish.py
RDF_EXPORTS = [_rdf_export_command(fmt) for fmt in ("ttl", "trig", "jsonld", "nt")]
