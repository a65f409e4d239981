"""Words of the interface in Dutch and English: headers, titles and messages.

Values that name things of the domain (polarity, direction, evidence level, concepts) come
from the ontology's and the vocabularies' ``skos:prefLabel`` s in the store; this catalogue
holds only the words of the interface itself.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "rank": ("#", "#"),
    "intervention": ("interventie", "intervention"),
    "intervention_type": ("interventiesoort", "intervention type"),
    "evidence": ("bewijs", "evidence"),
    "why": ("waarom", "why"),
    "favourable": ("gunstig", "favourable"),
    "unfavourable": ("ongunstig", "unfavourable"),
    "unclear": ("onduidelijk", "unclear"),
    "case_wide": ("casusbreed gunstig", "case-wide favourable"),
    "named": ("genoemd", "named"),
    "interpreted": ("geïnterpreteerd", "interpreted"),
    "research": ("onderzoek", "research"),
    "cases": ("casussen", "cases"),
    "case": ("casus", "case"),
    "circumstances": ("omstandigheden", "circumstances"),
    "outcome": ("uitkomst", "outcome"),
    "direction": ("richting", "direction"),
    "anchors": ("ankers", "anchors"),
    "group": ("groep", "group"),
    "verdict": ("oordeel", "verdict"),
    "element": ("element (onderzoek)", "element (research)"),
    "support": ("steun", "support"),
    "against": ("tegen", "against"),
    "elsewhere": ("elders toegepast", "applied elsewhere"),
    "works": ("werkt", "works"),
    "works_less": ("werkt minder", "works less"),
    "mixed": ("gemengd", "mixed"),
    "none": ("geen", "none"),
    "actor": ("wie of wat", "who or what"),
    "polarity": ("polariteit", "polarity"),
    "state": ("status", "state"),
    "factor": ("factor", "factor"),
    "basis": ("basis", "basis"),
    "quote": ("citaat", "quote"),
    "flips": ("omslag", "flip"),
    "count": ("aantal", "count"),
    "angels": ("engelen", "angels"),
    "bears": ("beren", "bears"),
    "kind": ("soort", "kind"),
    "organisation": ("organisatie", "organisation"),
    "employee": ("medewerker", "employee"),
    "title": ("titel", "title"),
    "label": ("omschrijving", "label"),
    "what_works_title": ("Wat werkt: interventiesoorten gerangschikt op bewijs",
                         "What works: intervention types ranked by evidence"),
    "works_table_title": ("Volgens het onderzoek (NRO, tabel 3.2): {group}",
                          "According to the research (NRO, table 3.2): {group}"),
    "resolved": ("{option}: {term!r} → {label}", "{option}: {term!r} → {label}"),
    "resolved_typo": ("{option}: {term!r} → {label} (gelezen als tikfout)",
                      "{option}: {term!r} → {label} (read as a typo)"),
    "scope": ("{cases} casussen met {configs} configuraties voldoen aan de filters",
              "{cases} cases with {configs} configurations pass the filters"),
    "no_evidence": ("geen praktijkbewijs voor deze combinatie; zie `watwerkt gaten`",
                    "no practice evidence for this combination; see `watwerkt gaten`"),
    "no_group_cases": ("geen enkele casus is gecodeerd voor {group}; de praktijkkolommen zijn daarom leeg",
                       "no case is coded for {group}; the practice columns are therefore empty"),
    "ranking_rule": ("Rangorde: bewijsniveau, dan casussen met een direct gunstige uitkomst, minus ongunstige; "
                     "zie docs/ranking.md.",
                     "Order: evidence level, then cases with a directly favourable outcome, minus unfavourable; "
                     "see docs/ranking.md."),
}


def t(key: str, lang: str, **kw) -> str:
    nl, en = WORDS[key]
    text = en if lang == "en" else nl
    return text.format(**kw) if kw else text
