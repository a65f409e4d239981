"""Markdown, CSV and JSON renderers."""

from __future__ import annotations

import csv
import io
import json

from watwerkt.errors import UsageError
from watwerkt.listing import Listing, cell_text, to_jsonable


def render_json(listing: Listing, options) -> bytes:
    data = listing.data if listing.data is not None else {
        t.name: [dict(r) for r in t.rows] for t in listing.tables}
    return (json.dumps(to_jsonable(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_markdown(listing: Listing, options) -> bytes:
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")

    out = []
    if listing.title:
        out += [f"## {esc(listing.title)}", ""]
    if listing.resolved:
        out += [f"- {esc(r)}" for r in listing.resolved] + [""]
    for t in listing.tables:
        if t.title:
            out += [f"### {esc(t.title)}", ""]
        out.append("| " + " | ".join(esc(c.header) for c in t.columns) + " |")
        out.append("|" + "|".join("---" for _ in t.columns) + "|")
        for r in t.rows:
            out.append("| " + " | ".join(esc(cell_text(r.get(c.key))) for c in t.columns) + " |")
        out.append("")
    out += [esc(n) for n in listing.notes]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


def _csv_bytes(table, dialect: str) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if dialect == "excel-nl" else ",",
                   lineterminator="\r\n" if dialect == "excel-nl" else "\n")
    w.writerow([c.key for c in table.columns])
    for r in table.rows:
        w.writerow([cell_text(r.get(c.key)) for c in table.columns])
    data = buf.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if dialect == "excel-nl" else data


def render_csv(listing: Listing, options):
    """Exactly one table: the only one, the one named by ``--table``, or a folder of them."""
    if options.table:
        return _csv_bytes(listing.table(options.table), options.csv_dialect)
    if len(listing.tables) == 1:
        return _csv_bytes(listing.tables[0], options.csv_dialect)
    if options.directory:
        return {f"{t.name}.csv": _csv_bytes(t, options.csv_dialect) for t in listing.tables}
    names = ", ".join(t.name for t in listing.tables)
    raise UsageError(f"deze uitvoer heeft meer tabellen ({names})",
                     en=f"this output has several tables ({names})",
                     hint="kies er één met --table NAAM, of schrijf ze naar een map met -o MAP/",
                     hint_en="pick one with --table NAME, or write them to a folder with -o DIR/")
