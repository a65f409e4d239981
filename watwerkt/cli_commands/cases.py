"""``watwerkt cases`` and ``watwerkt case``."""

from __future__ import annotations

import click

from watwerkt.cli_commands.options import (
    backend_option,
    listing_command,
    open_backend,
    output_options,
    store_option,
)
from watwerkt.render import Column, emit, render

CASE_COLUMNS = [
    Column("number", "nr", "no", 2),
    Column("id", "id", "id", 15),
    Column("kind", "soort", "kind", 11),
    Column("title", "titel", "title", 20),
    Column("subject", "onderwerp", "subject", 14),
    Column("municipalities", "gemeente(n)", "municipalities", 8, in_table=False),
    Column("sections", "secties", "sections", 3, in_table=False),
]
KIND = {"organisation": ("organisatie", "organisation"), "employee": ("medewerker", "employee")}


def _store(store, backend="embedded"):
    return open_backend(store, backend)


@click.command()
@click.option("--kind", "--soort", type=click.Choice(["organisation", "employee", "organisatie", "medewerker"]),
              help="Alleen organisatie- of medewerkerscasussen.")
@store_option
@backend_option
@listing_command
def cases(kind, store, backend, lang, fmt):
    """Lijst van de praktijkcasussen, in de volgorde van het boek."""
    from watwerkt.queries.cases import list_cases
    from watwerkt.queries.catalogue_views import catalogue_view

    kind = {"organisatie": "organisation", "medewerker": "employee"}.get(kind, kind)
    return catalogue_view("cases", tuple(list_cases(_store(store, backend), kind=kind)), lang, hidden=("sections",))


@click.command()
@click.argument("case_id")
@store_option
@backend_option
@output_options
def case(case_id, store, backend, fmt, output, lang):
    """Eén casus: haar secties met spans (tekenposities) en regelnummers in het bronbestand."""
    from watwerkt.ingest.segments import SECTION_TYPES
    from watwerkt.queries.cases import case_sections

    row, sections = case_sections(_store(store, backend), case_id)
    items = []
    for s in sections:
        en, nl = SECTION_TYPES.get(s.type, (s.type, s.type))
        items.append({
            "type": s.type,
            "label": en if lang == "en" else nl,
            "heading": list(s.heading) if s.heading else None,
            "spans": [list(x) for x in s.spans],
            "line": s.first_line,
            "personal": s.personal,
        })
    if fmt == "json":
        emit(render([], [], "json", lang, payload={**row.as_dict(), "sections": items}), output)
        return
    columns = [Column("label", "sectie", "section", 10), Column("line", "regel", "line", 5),
               Column("span", "span", "span", 12), Column("blocks", "blokken", "blocks", 3)]
    table = [{"label": i["label"] + (" (persoonsgegevens)" if i["personal"] and lang == "nl" else ""),
              "line": i["line"],
              "span": f"{i['spans'][0][0]}-{i['spans'][-1][1]}" if i["spans"] else "",
              "blocks": len(i["spans"])} for i in items]
    kind = KIND[row.kind][lang == "en"]
    head = f"{row.number}. {row.title}\n{row.subject} ({kind})\n\n" if fmt in ("table", "md") else ""
    emit(head + render(table, columns, fmt, lang), output)
