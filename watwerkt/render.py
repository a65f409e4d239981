"""One output contract for every listing: table, JSON, CSV or Markdown, in Dutch or English.

A listing is a list of rows (dicts) plus :class:`Column` definitions that carry the header
in both languages. Tables are fitted to 80 columns: wide columns are shortened with "…".
Output goes to stdout or, atomically, to a file.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

WIDTH = 80


@dataclass(frozen=True)
class Column:
    key: str
    nl: str
    en: str
    min_width: int = 4
    in_table: bool = True  # False: only in JSON, CSV and Markdown, to keep tables narrow

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def _fit(widths: list[int], mins: list[int], budget: int) -> list[int]:
    widths = list(widths)
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k] - mins[k])
        if widths[i] <= mins[i]:
            break
        widths[i] -= 1
    return widths


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def as_table(rows: list[dict], columns: list[Column], lang: str, width: int = WIDTH) -> str:
    columns = [c for c in columns if c.in_table]
    heads = [c.header(lang) for c in columns]
    cells = [[_cell(r.get(c.key)) for c in columns] for r in rows]
    natural = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(heads)]
    mins = [min(natural[i], max(c.min_width, 3)) for i, c in enumerate(columns)]
    widths = _fit(natural, mins, width - 2 * (len(columns) - 1))
    lines = ["  ".join(_short(h, w).ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append("  ".join(_short(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def as_markdown(rows: list[dict], columns: list[Column], lang: str) -> str:
    def esc(s: str) -> str:
        return s.replace("|", "\\|")

    out = ["| " + " | ".join(esc(c.header(lang)) for c in columns) + " |",
           "|" + "|".join("---" for _ in columns) + "|"]
    for r in rows:
        out.append("| " + " | ".join(esc(_cell(r.get(c.key))) for c in columns) + " |")
    return "\n".join(out) + "\n"


def as_csv(rows: list[dict], columns: list[Column], lang: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([c.key for c in columns])
    for r in rows:
        w.writerow([_cell(r.get(c.key)) for c in columns])
    return buf.getvalue()


def as_json(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render(rows: list[dict], columns: list[Column], fmt: str, lang: str, *, payload=None) -> str:
    """``payload`` is what JSON prints (defaults to the rows)."""
    if fmt == "json":
        return as_json(rows if payload is None else payload)
    if fmt == "csv":
        return as_csv(rows, columns, lang)
    if fmt == "md":
        return as_markdown(rows, columns, lang)
    return as_table(rows, columns, lang)


def emit(text: str, output: Path | str | None) -> None:
    """Write to stdout (``-`` or None) or atomically to a file."""
    import click

    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    from watwerkt.atomic import atomic_write_text

    atomic_write_text(Path(output), text)
