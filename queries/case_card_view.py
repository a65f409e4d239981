"""The view of a case card: one :class:`~watwerkt.listing.Listing` with a table per part.

Tables: ``mensen`` (people), ``aanleidingen`` (drivers), ``interventies``, ``invloeden``
(angels and bears, named first; our readings marked), ``uitkomsten`` (direction and
favourability), ``kerngetallen``, ``lessen``, ``bevindingen`` (data-quality findings),
``loopbaan`` (employee cases) and ``citaten`` (with a corpus). The head (title, subject,
municipality with CBS code and mergers, summary, fitting group) goes into the notes. JSON
renders the typed :class:`~watwerkt.queries.case_card.CaseCard` itself.
"""

from __future__ import annotations

from watwerkt.listing import Column, Listing, Table

HEAD: dict[str, tuple[str, str]] = {
    "people": ("Mensen en rollen", "People and roles"), "name": ("naam", "name"), "role": ("rol", "role"),
    "organisation": ("organisatie", "organisation"), "age": ("leeftijd", "age"),
    "drivers": ("Aanleidingen", "Drivers"), "type": ("soort", "type"), "description": ("omschrijving", "description"),
    "basis": ("basis", "basis"), "interventions": ("Interventies", "Interventions"),
    "intervention": ("interventie", "intervention"), "types": ("soorten", "types"),
    "status": ("toepassing", "use"), "year": ("jaar", "year"),
    "influences": ("Engelen en beren (genoemd eerst; * = onze lezing)", "Angels and bears (named first; * = our reading)"),
    "actor": ("wie of wat", "who or what"), "polarity": ("polariteit", "polarity"), "state": ("status", "state"),
    "factors": ("factoren", "factors"), "outcomes": ("Uitkomsten", "Outcomes"), "outcome": ("uitkomst", "outcome"),
    "direction": ("richting", "direction"), "favourability": ("gunstig?", "favourable?"),
    "figure": ("cijfer", "figure"), "by": ("door", "by"), "numbers": ("Kerngetallen", "Key numbers"),
    "value": ("waarde", "value"), "unit": ("eenheid", "unit"), "label": ("omschrijving", "label"),
    "lessons": ("Lessen", "Lessons"), "lesson": ("les", "lesson"),
    "findings": ("Datakwaliteit (problemen in de bron)", "Data quality (problems in the source)"),
    "kind": ("soort", "kind"), "severity": ("ernst", "severity"),
    "career": ("Loopbaanstappen", "Career steps"), "person": ("persoon", "person"),
    "from": ("van", "from"), "to": ("naar", "to"), "quotes": ("Citaten uit het boek", "Quotes from the book"),
    "quote": ("citaat", "quote"), "where": ("waar", "where"), "anchor": ("anker", "anchor"),
    "municipality": ("gemeente", "municipality"), "merged": ("opgegaan in {into} na {year}", "merged into {into} after {year}"),
    "fits_group": ("past bij (onze lezing)", "fits (our reading)"), "target_groups": ("doelgroepen", "target groups"),
    "subject": ("over", "about"), "summary": ("samenvatting", "summary"), "card": ("Casuskaart", "Case card"),
    "field": ("", ""), "field_value": ("", ""),
    "page": ("p. {page}", "p. {page}"), "no_quotes": ("geen citaten: de graaf is zonder corpus gebouwd",
                                                      "no quotes: the graph was built without the corpus"),
    "sections": ("Secties in het boek (* = contactgegevens, nooit getoond)", "Sections in the book (* = contact details, never shown)"),
    "section": ("sectie", "section"), "line": ("regel", "line"), "span": ("span", "span"), "blocks": ("blokken", "blocks"),
    "organisation_case": ("organisatiecasus", "organisation case"), "employee_case": ("medewerkerscasus", "employee case"),
}


def h(key: str, lang: str, **kw) -> str:
    text = HEAD[key][lang == "en"]
    return text.format(**kw) if kw else text


def _cols(lang: str, *specs) -> tuple[Column, ...]:
    return tuple(Column(key, h(word, lang), width, brief) for key, word, width, brief in specs)


def case_card_view(card, lang: str, *, quotes: bool = True) -> Listing:
    c = card
    tables = [
        Table("mensen", h("people", lang), _cols(lang, ("name", "name", 12, True), ("role", "role", 16, True),
                                               ("organisation", "organisation", 10, True), ("age", "age", 3, False)),
              tuple({"name": p.name, "role": p.role, "organisation": p.organisation, "age": p.age} for p in c.people)),
        Table("aanleidingen", h("drivers", lang), _cols(lang, ("type", "type", 12, True),
                                                        ("description", "description", 30, True),
                                                        ("basis", "basis", 8, False)),
              tuple({"type": d.type_label, "description": d.description, "basis": c.term(d.epistemic)} for d in c.drivers)),
        Table("interventies", h("interventions", lang), _cols(
            lang, ("label", "intervention", 16, True), ("status", "status", 8, True), ("types", "types", 14, True),
            ("year", "year", 4, False), ("description", "description", 30, False)),
            tuple({"label": i.label, "status": c.term(i.status), "types": list(i.type_labels), "year": i.year,
                   "description": i.description} for i in c.interventions)),
        Table("invloeden", h("influences", lang), _cols(
            lang, ("actor", "actor", 18, True), ("polarity", "polarity", 5, True), ("basis", "basis", 8, True),
            ("state", "state", 8, False), ("factors", "factors", 12, True), ("description", "description", 30, False)),
            tuple({"actor": i.actor + ("" if i.named else " *"), "polarity": c.term(i.polarity),
                   "basis": c.term(i.basis), "state": c.term(i.state), "factors": list(i.factor_labels),
                   "description": i.description} for i in c.influences)),
        Table("uitkomsten", h("outcomes", lang), _cols(
            lang, ("outcome", "outcome", 14, True), ("direction", "direction", 7, True),
            ("favourability", "favourability", 8, True), ("figure", "figure", 8, False),
            ("by", "by", 14, False), ("description", "description", 30, True)),
            tuple({"outcome": o.type_label, "direction": c.term(o.direction), "favourability": c.term(o.favourability),
                   "figure": o.figure, "by": list(o.produced_by), "description": o.description} for o in c.outcomes)),
        Table("kerngetallen", h("numbers", lang), _cols(lang, ("value", "value", 5, True), ("unit", "unit", 8, True),
                                                        ("label", "label", 30, True), ("year", "year", 4, True)),
              tuple({"value": k.value, "unit": k.unit, "label": k.label, "year": k.year} for k in c.numbers)),
        Table("lessen", h("lessons", lang), _cols(lang, ("lesson", "lesson", 40, True), ("factors", "factors", 12, True)),
              tuple({"lesson": x.text, "factors": list(x.factor_labels)} for x in c.lessons)),
        Table("bevindingen", h("findings", lang), _cols(lang, ("kind", "kind", 10, True), ("severity", "severity", 6, True),
                                                        ("description", "description", 40, True)),
              tuple({"kind": f.kind, "severity": f.severity, "description": f.description} for f in c.findings)),
    ]
    tables.append(Table("secties", h("sections", lang), _cols(
        lang, ("section", "section", 12, True), ("line", "line", 5, True), ("span", "span", 12, True),
        ("blocks", "blocks", 3, True)),
        tuple({"section": s.type + (" *" if s.personal else ""), "line": s.line,
               "span": f"{s.spans[0][0]}-{s.spans[-1][1]}" if s.spans else "", "blocks": len(s.spans)}
              for s in c.sections)))
    if c.transitions:
        tables.append(Table("loopbaan", h("career", lang), _cols(
            lang, ("person", "person", 10, True), ("age", "age", 3, True), ("from", "from", 16, True),
            ("to", "to", 16, True), ("kind", "kind", 8, True), ("year", "year", 4, False)),
            tuple({"person": t.person, "age": t.age, "from": t.from_role, "to": t.to_role, "kind": t.kind_label,
                   "year": t.year} for t in c.transitions)))
    if c.quotes and quotes:
        tables.append(Table("citaten", h("quotes", lang), _cols(
            lang, ("quote", "quote", 40, True), ("where", "where", 10, True), ("anchor", "anchor", 12, False)),
            tuple({"quote": q.text, "where": h("page", lang, page=q.page) if q.page else (q.section or ""),
                   "anchor": q.anchor} for q in c.short_quotes(5))))
    head = [(h("subject", lang), f"{c.subject} ({h('employee_case' if c.kind == 'employee' else 'organisation_case', lang)})")]
    for m in c.municipalities:
        value = m.name + (f" ({m.cbs_code})" if m.cbs_code else "")
        if m.merged_into:
            value += ", " + h("merged", lang, into=m.merged_into + (f" ({m.merged_into_code})" if m.merged_into_code else ""),
                              year=m.valid_until or "?")
        head.append((h("municipality", lang), value))
    if c.target_group_labels:
        head.append((h("target_groups", lang), ", ".join(c.target_group_labels)))
    if c.self_direction_label:
        head.append((h("fits_group", lang), c.self_direction_label))
    if c.summary:
        head.append((h("summary", lang), c.summary))
    tables.insert(0, Table("kaart", h("card", lang), _cols(lang, ("field", "field", 12, True), ("value", "field_value", 50, True)),
                           tuple({"field": k, "value": v} for k, v in head)))
    notes = [] if c.quotes or not quotes else [h("no_quotes", lang)]
    return Listing(command="case", lang=lang, title=f"{c.number}. {c.title}", tables=tuple(tables),
                   notes=tuple(notes), data=c)
