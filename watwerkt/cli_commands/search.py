"""Search and read-only queries: ``zoek`` (labels, concepts, quotes, corpus text) and ``sparql``."""

from __future__ import annotations

import click

from watwerkt.cli_commands.advisor import _knowledge
from watwerkt.cli_commands.options import backend_option, output_options, store_option
from watwerkt.render import Column, emit, render


@click.command("zoek")
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 200), default=20, show_default=True)
@store_option
@backend_option
@output_options
def zoek(text, limit, store, backend, fmt, output, lang):
    """Zoek in labels, concepten, citaten en (met corpus) de brontekst.

    Ongevoelig voor hoofdletters en accenten; labels en concepten ook voor tikfouten.
    Contactgegevens worden nooit doorzocht of getoond.
    """
    from watwerkt.config import Settings
    from watwerkt.queries.search import search, search_corpus

    rows = search(_knowledge(store, lang, backend), text, limit)
    s = Settings.resolve()
    if s.corpus is not None and s.corpus.is_dir():
        from watwerkt.ingest.corpus import Corpus

        rows += search_corpus(Corpus.open(s.corpus, s.data), s.data, text, limit)
    cols = [Column("node", "knoop", "node", 14), Column("match", "in", "in", 5), Column("score", "score", "score", 4),
            Column("text", "tekst", "text", 20)]
    emit(render(rows, cols, fmt, lang), output)



@click.command("sparql")
@click.argument("query", required=False)
@click.option("-f", "--file", "path", type=click.Path(exists=True, dir_okay=False), help="Lees de query uit een bestand.")
@store_option
@output_options
def sparql(query, path, store, fmt, output, lang):
    """Alleen-lezen SPARQL voor onderzoekers (SELECT, ASK, CONSTRUCT, DESCRIBE).

    Wijzigingen (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ...) worden geweigerd.
    """
    from pathlib import Path

    from watwerkt.queries.readonly import run_readonly

    if path:
        query = Path(path).read_text(encoding="utf-8")
    if not query:
        raise click.UsageError("geef een query of --file")
    from watwerkt.config import Settings
    from watwerkt.graph.store import open_store

    head, rows = run_readonly(open_store(Settings.resolve(store=store).store), query)
    cols = [Column(h, h, h, 6) for h in head]
    emit(render(rows, cols, fmt, lang), output)
