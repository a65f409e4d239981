"""Curator commands: make anchors, check the data, segment the sources."""

from __future__ import annotations

import sys

import click

from watwerkt.cli_commands.options import corpus_option, data_option


def _settings(corpus, data_dir):
    from watwerkt.config import Settings

    return Settings.resolve(corpus=corpus, data=data_dir)


@click.command()
@click.argument("snippet")
@click.option("--doc", help="Zoek alleen in dit document (boek, nro, update, westbrabant, gripopgroei).")
@click.option("--line", "near_line", type=int, help="Kies bij meerdere treffers de treffer die het dichtst bij deze regel staat.")
@corpus_option
@data_option
def anchor(snippet, doc, near_line, corpus, data_dir):
    """Zoek SNIPPET in het corpus en druk het anker af (doc:start-eind#hash).

    Hoofdletters, accenten, aanhalingstekens en regelovergangen tellen niet mee.
    Bij meer dan één treffer worden alle treffers getoond; kies er één met --line.
    """
    from watwerkt.errors import AnchorError
    from watwerkt.ingest.corpus import Corpus

    s = _settings(corpus, data_dir)
    c = Corpus.open(s.corpus, s.data)
    hits = []
    for d in c:
        if doc and d.key != doc:
            continue
        hits.extend((d, a, b) for a, b in d.find(snippet))
    if not hits:
        raise AnchorError(f"snippet not found: {snippet[:60]!r}", where=doc or "corpus",
                          hint="shorten it or check the spelling")
    if near_line is not None:
        hits.sort(key=lambda h: abs(h[0].line_col(h[1])[0] - near_line))
        hits = hits[:1]
    for d, a, b in hits:
        click.echo(f"{d.anchor(a, b)}\t{d.where(a)}")
    if len(hits) > 1:
        click.echo(f"{len(hits)} treffers; kies er één met --line", err=True)
        sys.exit(2)


@click.command()
@corpus_option
@data_option
@click.option("--no-anchors", is_flag=True, help="Sla de controle van de ankers tegen het corpus over.")
def check(corpus, data_dir, no_anchors):
    """Valideer data/: schema, concepten, verwijzingen en (met corpus) alle ankers."""
    from watwerkt.ingest.checks import check_dataset
    from watwerkt.ingest.corpus import Corpus
    from watwerkt.ingest.data import load_dataset

    s = _settings(corpus, data_dir)
    ds = load_dataset(s.data)
    c = None if no_anchors or s.corpus is None else Corpus.open(s.corpus, s.data)
    problems = check_dataset(ds, c)
    for p in problems:
        click.echo(str(p))
    errors = sum(p.level == "error" for p in problems)
    click.echo(f"{len(ds.cases)} casussen, {len(ds.report)} rapportdelen, {len(ds.programmes)} programma's; "
               f"{errors} fouten", err=True)
    if errors:
        sys.exit(1)


@click.command()
@corpus_option
@data_option
@click.option("--check-only", is_flag=True, help="Controleer of data/segments/ actueel is; schrijf niets.")
def segment(corpus, data_dir, check_only):
    """Deel de bronnen op in casussen en secties en schrijf data/segments/*.yaml."""
    from watwerkt.ingest.segments import write_segments

    s = _settings(corpus, data_dir)
    changed = write_segments(s.corpus, s.data, check_only=check_only)
    for path in changed:
        click.echo(f"{'verouderd' if check_only else 'geschreven'}: {path}")
    if check_only and changed:
        sys.exit(1)


