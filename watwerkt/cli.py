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

# command name -> (module in watwerkt.cli_commands, attribute); the help text's one home is the
# command's docstring (its first line is the one-line help of `watwerkt --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "build"),
    "validate": ("build", "validate"),
    "segment": ("corpus", "segment"),
    "anchor": ("corpus", "anchor"),
    "check": ("corpus", "check"),
    "cases": ("cases", "cases"),
    "case": ("cases", "case"),
    "ontology": ("build", "ontology"),
    "wat-werkt": ("advisor", "wat_werkt"),
    "engelen-beren": ("advisor", "engelen_beren"),
    "factoren": ("advisor", "factoren"),
    "uitkomsten": ("advisor", "uitkomsten"),
    "vergelijk": ("advisor", "vergelijk"),
    "zoek": ("search", "zoek"),
    "gaten": ("advisor", "gaten"),
    "termen": ("catalogue", "termen"),
    "kerngetallen": ("catalogue", "kerngetallen"),
    "bevindingen": ("catalogue", "bevindingen"),
    "onderzoek": ("catalogue", "onderzoek"),
    "programmas": ("catalogue", "programmas"),
    "loopbanen": ("catalogue", "loopbanen"),
    "sparql": ("search", "sparql"),
    "neo4j": ("neo4j", "neo4j"),
    "publish": ("publish", "publish"),
    "export": ("publish", "export"),
    "cypher": ("publish", "cypher"),
    "verken": ("explore", "verken"),
    "export-graph": ("explore", "export_graph"),
    "serve": ("explore", "serve"),
    "samenhang": ("explore", "samenhang"),
    "bundel": ("bundle", "bundel"),
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
        module, attr = COMMANDS[name]
        mod = importlib.import_module(f"watwerkt.cli_commands.{module}")
        return getattr(mod, attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        aliases: dict[str, list[str]] = {}
        for alias, target in ALIASES.items():
            aliases.setdefault(target, []).append(alias)
        rows = []
        for name in self.list_commands(ctx):
            text = self.get_command(ctx, name).get_short_help_str(limit=200)
            if name in aliases:
                text += f" (alias: {', '.join(aliases[name])})"
            rows.append((name, text))
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
