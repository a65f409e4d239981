"""Renderers: one listing in, one output format out, all behind one registry.

``REGISTRY`` maps a format name to ``"module:function"``; the module is imported only when the
format is used, so the registry costs nothing at start-up. Every ``--format`` choice comes from
here. A renderer takes ``(listing, options)`` and returns the bytes to write. A renderer may
instead return a dict of file name to bytes when one listing makes several files (CSV of a
listing with several tables, written under ``-o DIR/``).

HTML and PDF renderers live in ``watwerkt.viz``; the registry names them by module path.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from dataclasses import dataclass

REGISTRY: dict[str, tuple[str, str]] = {
    # name: (module:function, one-line help)
    "table": ("watwerkt.renderers.text:render", "tabel voor de terminal"),
    "md": ("watwerkt.renderers.plain:render_markdown", "Markdown"),
    "csv": ("watwerkt.renderers.plain:render_csv", "CSV: één tabel (--table) of een map met één bestand per tabel"),
    "json": ("watwerkt.renderers.plain:render_json", "JSON: het getypeerde resultaat"),
    "html": ("watwerkt.viz.html:render", "HTML: één pagina die offline werkt"),
    "pdf": ("watwerkt.viz.bundle.pdf:render", "PDF om te printen (WeasyPrint); schrijf met -o BESTAND.pdf"),
}
BINARY = {"pdf"}  # formats never printed to a terminal


@dataclass(frozen=True)
class RenderOptions:
    width: int = 80
    compact: bool = False
    table: str | None = None  # one table by name (CSV)
    csv_dialect: str = "standard"  # or "excel-nl": ';' separated, UTF-8 with BOM
    directory: bool = False  # output goes to a folder: one file per table


def terminal_width() -> int:
    """COLUMNS when set; the terminal's width on a TTY; 80 otherwise."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return 80


def renderer(name: str):
    if name not in REGISTRY:
        from watwerkt.errors import UsageError

        raise UsageError(f"onbekend uitvoerformaat {name!r}", en=f"unknown output format {name!r}",
                         hint="kies uit: " + ", ".join(REGISTRY), hint_en="choose from: " + ", ".join(REGISTRY))
    module, _, func = REGISTRY[name][0].partition(":")
    return getattr(importlib.import_module(module), func)


def render(listing, fmt: str, options: RenderOptions | None = None):
    return renderer(fmt)(listing, options or RenderOptions())
