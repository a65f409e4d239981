"""The listing of each catalogue question: which fields the terminal shows, in which words."""

from __future__ import annotations

import dataclasses

from watwerkt.listing import Column, Listing, Table

HEADERS = {  # field -> (nl, en, min width, shown in the terminal)
    "scheme": ("vocabulaire", "vocabulary", 10, True), "id": ("id", "id", 10, True),
    "label": ("omschrijving", "label", 20, True), "broader": ("breder", "broader", 8, True),
    "synonyms": ("synoniemen", "synonyms", 16, True), "about": ("over", "about", 8, True),
    "value": ("waarde", "value", 6, True), "unit": ("eenheid", "unit", 6, True), "year": ("jaar", "year", 4, True),
    "anchors": ("ankers", "anchors", 12, False), "document": ("document", "document", 6, True),
    "concerns": ("casus", "case", 8, True), "kind": ("soort", "kind", 10, True),
    "severity": ("ernst", "severity", 6, False), "description": ("beschrijving", "description", 24, True),
    "basis": ("basis", "basis", 6, False), "part": ("deel", "part", 6, False),
    "text": ("in eigen woorden", "in our words", 24, True), "rank": ("rang", "rank", 3, False),
    "polarity": ("polariteit", "polarity", 5, False), "factors": ("factoren", "factors", 10, False),
    "groups": ("groepen", "groups", 10, False), "group": ("groep", "group", 10, True),
    "regulation": ("eigen regie", "self-direction", 6, True),
    "characteristics": ("kenmerken", "characteristics", 24, True),
    "respondents": ("respondenten", "respondents", 10, False), "declared_total": ("totaal", "total", 4, True),
    "programme": ("programma", "programme", 8, False), "programme_name": ("programma", "programme", 10, True),
    "theme": ("thema", "theme", 10, True), "municipalities": ("gemeenten", "municipalities", 10, True),
    "interventions": ("interventiesoorten", "intervention types", 14, False), "case": ("casus", "case", 8, True),
    "person": ("persoon", "person", 10, True), "from_role": ("van", "from", 12, True), "to_role": ("naar", "to", 12, True),
    "age": ("leeftijd", "age", 3, True), "number": ("nr", "no", 2, True), "title": ("titel", "title", 20, True),
    "subject": ("onderwerp", "subject", 14, True), "node": ("knoop", "node", 14, True),
    "match": ("in", "in", 5, True), "score": ("score", "score", 4, True), "sections": ("secties", "sections", 3, True),
}


def catalogue_view(command: str, rows: tuple, lang: str, hidden: tuple[str, ...] = ()) -> Listing:
    """Any tuple of frozen rows as one table; every field goes to CSV and JSON."""
    en = lang == "en"
    if rows:
        names = [f.name for f in dataclasses.fields(rows[0])]
    else:
        names = []
    cols = tuple(Column(n, HEADERS.get(n, (n, n))[1 if en else 0], HEADERS.get(n, (n, n, 8, True))[2],
                        HEADERS.get(n, (n, n, 8, True))[3] and n not in hidden) for n in names)
    from watwerkt.i18n import t

    def shown(row: dict) -> dict:  # values that are words of the interface, in the listing's language
        return {k: t(v, lang) if k == "kind" and v in ("organisation", "employee") else v for k, v in row.items()}

    table = Table(command, "", cols, tuple(shown(dataclasses.asdict(r)) for r in rows))
    note = (f"{len(rows)} rijen" if not en else f"{len(rows)} rows",)
    return Listing(command, lang, "", (table,), (), note, rows)
