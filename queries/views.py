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


def angels_bears_view(res, lang: str) -> Listing:
    resolved = tuple(f.line(lang) for f in res.filters) + (f"{t('basis', lang)}: {t(res.basis, lang) if res.basis != 'all' else ('alle' if lang == 'nl' else 'all')}",)
    if res.per_factor:
        rows = tuple({"factor": c.factor, "label": c.label, "angels": c.angels, "bears": c.bears,
                      "potential": c.potential, "overcome": c.overcome, "cases": c.cases} for c in res.per_factor)
        table = Table("per-factor", "", _cols(lang, ("label", "factor", 20, True), ("angels", "angels", 4, True),
                                              ("bears", "bears", 4, True), ("potential", "", 4, False),
                                              ("overcome", "", 4, False), ("cases", "cases", 4, True)), rows)
        return Listing("engelen-beren", lang, "", (table,), resolved, (), res)
    rows = tuple({"case": i.case, "actor": i.actor, "polarity": i.polarity_label, "state": i.state_label,
                  "factor": i.factors, "basis": t(i.basis, lang), "flip": i.flip, "anchors": i.anchors,
                  "quote": i.quote} for i in res.items)
    table = Table("engelen-beren", "", _cols(
        lang, ("case", "case", 8, True), ("actor", "actor", 24, True), ("polarity", "polarity", 5, True),
        ("state", "state", 6, True), ("factor", "factor", 12, True), ("basis", "basis", 8, True),
        ("flip", "flips", 8, False), ("anchors", "anchors", 10, False), ("quote", "quote", 20, False)), rows)
    n = len(res.items)
    note = f"{n} engelen en beren" if lang == "nl" else f"{n} angels and bears"
    return Listing("engelen-beren", lang, "", (table,), resolved, (note,), res)


def factors_view(rows, lang: str) -> Listing:
    nl = lang != "en"
    data = tuple({"factor": r.factor, "label": ("" if r.is_group else "  ") + r.label, "group": r.group,
                  "named_angels": r.named_angels, "named_bears": r.named_bears,
                  "interpreted_angels": r.interpreted_angels, "interpreted_bears": r.interpreted_bears,
                  "research": r.research_mentions} for r in rows)
    cols = (Column("label", t("factor", lang), 20), Column("named_angels", "engelen (genoemd)" if nl else "angels (named)", 4),
            Column("named_bears", "beren (genoemd)" if nl else "bears (named)", 4),
            Column("interpreted_angels", "engelen (gelezen)" if nl else "angels (read in)", 4),
            Column("interpreted_bears", "beren (gelezen)" if nl else "bears (read in)", 4),
            Column("research", t("research", lang), 4), Column("group", t("group", lang), 8, False))
    return Listing("factoren", lang, "", (Table("factoren", "", cols, data),), (), (), rows)


def outcomes_view(res, lang: str) -> Listing:
    data = tuple({"outcome": r.outcome_label, "intervention": r.intervention_label, "favourable": r.favourable,
                  "unfavourable": r.unfavourable, "unclear": r.unclear, "case_wide": r.case_wide,
                  "cases": r.cases} for r in res.rows)
    cols = _cols(lang, ("outcome", "outcome", 12, True), ("intervention", "intervention_type", 20, True),
                 ("favourable", "favourable", 3, True), ("unfavourable", "unfavourable", 3, True),
                 ("unclear", "unclear", 3, True), ("case_wide", "case_wide", 3, True), ("cases", "cases", 10, False))
    return Listing("uitkomsten", lang, "", (Table("uitkomsten", "", cols, data),),
                   tuple(f.line(lang) for f in res.filters), (), res)


def gaps_view(res, lang: str) -> Listing:
    data = tuple({"group": r.group_label, "intervention": r.intervention_label, "covered": r.covered,
                  "missing": r.missing} for r in res.rows)
    nl = lang != "en"
    cols = (Column("group", t("group", lang), 12), Column("intervention", t("intervention_type", lang), 18),
            Column("covered", "met bewijs" if nl else "with evidence", 14),
            Column("missing", "zonder bewijs" if nl else "without evidence", 14))
    note = ("Een uitkomst staat onder 'met bewijs' zodra één casus een configuratie heeft, gunstig of niet."
            if nl else "An outcome is 'with evidence' as soon as one case has a configuration, favourable or not.")
    return Listing("gaten", lang, "", (Table("gaten", "", cols, data),), tuple(f.line(lang) for f in res.filters),
                   (note,), res)


def compare_view(res, lang: str) -> Listing:
    fields = [("title", "title"), ("kind", "kind"), ("municipalities", None), ("drivers", None),
              ("interventions", "intervention_type"), ("named_angels", "angels"), ("named_bears", "bears"),
              ("outcomes", "outcome"), ("group_fit", "group")]
    nl = lang != "en"
    extra = {"municipalities": ("gemeente(n)", "municipalities"), "drivers": ("aanleidingen", "drivers")}
    rows = []
    for key, word in fields:
        name = t(word, lang) if word else extra[key][0 if nl else 1]
        rows.append({"field": name, **{c.id: t(c.kind, lang) if key == "kind" else getattr(c, key) for c in res}})
    cols = (Column("field", "", 10),) + tuple(Column(c.id, c.id, 12) for c in res)
    return Listing("vergelijk", lang, "", (Table("vergelijk", "", cols, tuple(rows)),), (), (), res)
