"""Views: typed results of the questions as listings in one language.

A view decides what the terminal shows (brief columns) and what CSV, Markdown and JSON carry
(every column; JSON gets the typed result itself). Headers come from ``watwerkt.i18n``, values
that name domain things are already labels from the store.
"""

from __future__ import annotations

from watwerkt.i18n import t
from watwerkt.listing import Column, Listing, Table


def _cols(lang: str, *specs) -> tuple[Column, ...]:
    return tuple(Column(key, t(word, lang) if word else "", width, brief) for key, word, width, brief in specs)


def what_works_view(res, lang: str) -> Listing:
    tables = []
    if res.works_table:
        rows = tuple({"verdict": t("works" if c.works else "works_less", lang), "label": c.label,
                      "supporting": c.supporting, "contradicting": c.contradicting, "applied": c.applied,
                      "elsewhere": c.applied_elsewhere} for c in res.works_table)
        group = next((f.label for f in res.filters if f.option == "--doelgroep"), "")
        tables.append(Table("onderzoek", t("works_table_title", lang, group=group), _cols(
            lang, ("verdict", "verdict", 8, True), ("label", "element", 24, True),
            ("supporting", "support", 10, True), ("contradicting", "against", 8, True),
            ("applied", "cases", 8, False), ("elsewhere", "elsewhere", 10, True)), rows))
    rows = tuple({"rank": a.rank, "label": a.label, "evidence": a.evidence.label, "locks": a.evidence.locks,
                  "favourable": a.favourable, "unfavourable": a.unfavourable, "unclear": a.unclear,
                  "case_wide": a.case_wide, "named": a.named, "why": a.evidence.reason,
                  "research": a.research.verdict, "circumstances": a.circumstances,
                  "cases": a.cases} for a in res.interventions)
    tables.append(Table("interventies", t("what_works_title", lang), _cols(
        lang, ("rank", "rank", 2, True), ("label", "intervention_type", 18, True), ("evidence", "evidence", 8, True),
        ("favourable", "favourable", 3, True), ("unfavourable", "unfavourable", 3, True),
        ("unclear", "unclear", 3, True), ("case_wide", "case_wide", 3, False), ("named", "named", 3, False),
        ("why", "why", 24, True), ("research", "research", 6, False),
        ("circumstances", "circumstances", 12, False), ("cases", "cases", 10, False)), rows))
    resolved = tuple(f.line(lang) for f in res.filters) + (t("scope", lang, cases=res.cases_in_scope, configs=sum(
        len(a.configurations) for a in res.interventions)),)
    return Listing("wat-werkt", lang, "", tuple(tables), resolved, res.notes, res)
