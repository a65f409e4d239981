"""The ``watwerkt`` command: a thin root that loads each command group only when it runs.

Each command lives in ``watwerkt/cli_commands/<module>.py``; this module imports only click,
so ``watwerkt --help`` and ``watwerkt --version`` stay fast and never import rdflib,
pyoxigraph, networkx, pyvis or neo4j.
"""

from __future__ import annotations

import importlib
import sys

import click

from watwerkt import __version__

# command name -> (module in watwerkt.cli_commands, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("build", "build", "Bouw de kennisgraaf uit data/ (en het corpus, voor citaten)."),
    "validate": ("build", "validate", "Controleer de graaf tegen de SHACL-shapes en alle ankers."),
    "segment": ("corpus", "segment", "Deel de bronnen op in casussen en secties (schrijft data/segments/)."),
    "anchor": ("corpus", "anchor", "Maak een anker voor een stukje brontekst (voor curatoren)."),
    "check": ("corpus", "check", "Valideer de gecureerde data in data/ (schema, verwijzingen, ankers)."),
    "cases": ("cases", "cases", "Lijst van de 28 praktijkcasussen."),
    "case": ("cases", "case", "Eén casus als volledige kaart (ook --format pdf)."),
    "ontology": ("build", "ontology", "Genereer de ontologiedocumentatie (docs/ontology.md)."),
    "wat-werkt": ("advisor", "wat_werkt", "Wat werkt voor wie, onder welke omstandigheden (alias: what-works)."),
    "engelen-beren": ("advisor", "engelen_beren", "Engelen en beren per factor of actor over alle casussen."),
    "factoren": ("advisor", "factoren", "De factortaxonomie met tellingen als engel en als beer."),
    "uitkomsten": ("advisor", "uitkomsten", "Welke interventies samengaan met welke uitkomsten."),
    "vergelijk": ("advisor", "vergelijk", "Casussen naast elkaar."),
    "zoek": ("search", "zoek", "Zoeken in labels, concepten en citaten, met tikfouttolerantie."),
    "gaten": ("advisor", "gaten", "Combinaties van doelgroep, interventie en uitkomst zonder bewijs."),
    "termen": ("catalogue", "termen", "De vocabulaires die elk filter accepteert, met synoniemen."),
    "kerngetallen": ("catalogue", "kerngetallen", "Kerngetallen uit casussen en programma's."),
    "bevindingen": ("catalogue", "bevindingen", "Bevindingen over de kwaliteit van de bronnen, per casus of document."),
    "onderzoek": ("catalogue", "onderzoek", "Het NRO-onderzoek: groepen, triggers, aanbevelingen, opbrengsten, ..."),
    "programmas": ("catalogue", "programmas", "De voorbeeldpraktijken van de programma's."),
    "loopbanen": ("catalogue", "loopbanen", "Loopbaanstappen: van rol naar rol, met leeftijd."),
    "sparql": ("search", "sparql", "Alleen-lezen SPARQL voor onderzoekers."),
    "neo4j": ("neo4j", "neo4j", "Een Neo4j-ontwikkelserver starten, stoppen of bekijken."),
    "publish": ("publish", "publish", "Publiceer de graaf naar Neo4j (publish neo4j)."),
    "export": ("publish", "export", "Exporteer voor neo4j-admin import en als Cypher-script (export neo4j)."),
    "cypher": ("publish", "cypher", "Alleen-lezen Cypher voor onderzoekers."),
    "verken": ("explore", "verken", "Verken de graaf in één offline HTML-bestand (alias: explore)."),
    "export-graph": ("explore", "export_graph", "Exporteer de graaf als GraphML of GEXF (voor Gephi)."),
    "serve": ("explore", "serve", "Lokale webdienst, alleen lezen: verkenner, gatenkaart en SPARQL-endpoint."),
    "samenhang": ("explore", "samenhang", "Samen voorkomen van factoren en uitkomsten, met netwerkmaten (alias: co-occurrence)."),
    "bundel": ("bundle", "bundel", "Printklare casusbundel voor begeleiders van werksessies, PDF of ZIP (alias: bundle)."),
}
ALIASES: dict[str, str] = {"what-works": "wat-werkt", "angels-bears": "engelen-beren", "factors": "factoren",
                           "outcomes": "uitkomsten", "compare": "vergelijk", "search": "zoek", "gaps": "gaten",
                           "bundle": "bundel", "explore": "verken", "co-occurrence": "samenhang",
                           "terms": "termen", "key-numbers": "kerngetallen", "findings": "bevindingen",
                           "research": "onderzoek", "programmes": "programmas", "careers": "loopbanen"}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        name = ALIASES.get(name, name)
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        mod = importlib.import_module(f"watwerkt.cli_commands.{module}")
        return getattr(mod, attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commando's"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="watwerkt")
@click.option("--debug", is_flag=True, help="Toon de volledige traceback bij een fout.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """watwerkt: wat werkt voor wie, onder welke omstandigheden.

    Een kennisgraaf over ontwikkeling en mobiliteit van gemeentelijke medewerkers,
    gebouwd uit 28 praktijkcasussen, een NRO-onderzoek en drie programma-artikelen.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _lang_of(args: list[str]) -> str:
    """The language asked for on the command line (or WATWERKT_LANG), for error messages."""
    import os

    for n, a in enumerate(args):
        if a == "--lang" and n + 1 < len(args):
            return args[n + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return os.environ.get("WATWERKT_LANG", "nl")


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn library errors into one line on stderr."""
    from watwerkt.errors import WatwerktError

    args = list(argv if argv is not None else sys.argv[1:])
    debug = "--debug" in args
    lang = _lang_of(args)
    try:
        cli.main(args=argv, prog_name="watwerkt", standalone_mode=False)
    except WatwerktError as exc:
        if debug:
            raise
        click.echo(f"watwerkt: {exc.line(lang)}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("watwerkt: " + ("aborted" if lang == "en" else "afgebroken"), err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except SystemExit as exc:  # a command that ended with sys.exit(code)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:  # console script
    sys.exit(main())
