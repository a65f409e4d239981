"""The case card: everything the graph knows about one practice case, as one typed result.

:func:`case_card` asks the store one parameterised SPARQL query per part of the card
(``queries/sparql/case-*.rq``, each with ``?case`` bound, never spliced into the text); no
part loads all cases. The result is a frozen :class:`CaseCard`; :mod:`.case_card_view`
turns it into a listing, and the facilitators' bundle (``watwerkt.viz.bundle``) prints it.

What the card keeps apart:

- the book's own words stay in the corpus: quotes are read from the store (``ww:quote``,
  filled at build time from the corpus) and absent without one; everything else is our
  coding in our own words (summary, descriptions, lessons);
- angels and bears the book *names* (``ww:polarityBasis ww:named``, or ``ww:explicit``
  in graphs built before the basis existed) come first; our readings are marked;
- people are names and roles only: contact details never enter the graph, and every text
  on the card passes :func:`watwerkt.contact.mask_contacts` once more on its way out.

Quotes cite the book's page only where the extracted text shows a page number inside the
quoted span; the extraction prints page numbers in only a handful of places, so a quote
usually cites its section (``Engelen en beren``, ``Aanpak``, ...).
"""

from __future__ import annotations

import re

from watwerkt.contact import mask_contacts
from watwerkt.errors import UsageError
from watwerkt.evidence import favourability
from watwerkt.queries.case_card_types import (
    CaseCard,
    Driver,
    Finding,
    Influence,
    Intervention,
    KeyNumber,
    Lesson,
    MechanismLink,
    Municipality,
    Outcome,
    Person,
    Quote,
    Section,
    Transition,
    _start,
)
from watwerkt.queries.runner import run

__all__ = ["CaseCard", "Driver", "Finding", "Influence", "Intervention", "KeyNumber", "Lesson", "MechanismLink",
           "Municipality", "Outcome", "Person", "Quote", "Section", "Transition", "case_card", "known_case",
           "term_labels"]

CASE_NS = "https://w3id.org/watwerkt/id/case/"


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _text(value) -> str | None:
    """A text of the card: whitespace collapsed, contact details masked."""
    if value is None:
        return None
    return mask_contacts(" ".join(str(value).split()))


_PAGE = re.compile(r"(?:^|\n)\s*(\d{1,3})\s*(?:\n|$)")


def _page(quote: str) -> int | None:
    """A page number standing on a line of its own inside the quoted text, if any."""
    m = _PAGE.search(quote)
    return int(m.group(1)) if m else None


def known_case(store, case_id: str) -> str:
    """The case's IRI; an unknown id is a usage error naming the nearest ids."""
    rows = run(store, "case-card", case=CASE_NS + case_id, lang="nl") if case_id else []
    if rows:
        return CASE_NS + case_id
    from watwerkt.queries.cases import list_cases
    from watwerkt.queries.terms import closest

    near = closest(case_id, [c.id for c in list_cases(store)])
    # the message of the earlier `case` command, which scripts and tests rely on
    raise UsageError(f"unknown case {case_id!r}",
                     hint=("did you mean: " + ", ".join(near)) if near else "see `watwerkt cases`")


def case_card(store, case_id: str, lang: str = "nl", *, terms=None, labels: dict | None = None) -> CaseCard:
    """The full card of one case, in ``lang`` (nl or en).

    ``terms`` (a :class:`~watwerkt.queries.terms.TermIndex`) and ``labels`` (from
    :func:`term_labels`) may be passed in when many cards are made from one store.
    """
    from watwerkt.queries.terms import TermIndex

    iri = known_case(store, case_id)
    terms = terms or TermIndex.from_store(store)
    p = {"case": iri, "lang": lang}

    def label(scheme: str, ident: str | None) -> str:
        return terms.label(scheme, ident, lang) if ident else ""

    head_rows = run(store, "case-card", **p)
    head = head_rows[0]
    groups = sorted({r["group"] for r in head_rows if r.get("group")})
    fit = head.get("fit")
    title = _text(head.get("title") or head.get("short") or head["subject"])

    people = sorted({Person(_text(r["name"]), _text(r.get("role")), _text(r.get("organisation")),
                            r.get("age"), bool(r.get("employee"))) for r in run(store, "case-people", **p)},
                    key=lambda x: (not x.employee, x.name))
    munis = sorted({Municipality(_short(r["municipality"]), r["name"], r.get("code"),
                                 str(r["validUntil"]) if r.get("validUntil") else None,
                                 r.get("mergedName"), r.get("mergedCode"))
                    for r in run(store, "case-municipalities", case=iri)}, key=lambda m: m.name)
    drivers = sorted({Driver(_short(r["driver"]), r["type"], label("aanleidingen", r["type"]),
                             _text(r.get("description")), r.get("epistemic"))
                      for r in run(store, "case-drivers", **p)}, key=lambda d: d.id)

    ivs: dict[str, dict] = {}
    for r in run(store, "case-interventions", **p):
        d = ivs.setdefault(r["intervention"], {**r, "types": set()})
        if r.get("type"):
            d["types"].add(r["type"])
    interventions = tuple(
        Intervention(_short(k), _text(d.get("label")) or _short(k), _text(d.get("description")),
                     tuple(sorted(d["types"])), tuple(label("interventietypen", t) for t in sorted(d["types"])),
                     d.get("status"), d.get("year"), d.get("epistemic"))
        for k, d in sorted(ivs.items()))

    infl: dict[str, dict] = {}
    for r in run(store, "case-influences", **p):
        d = infl.setdefault(r["influence"], {**r, "factors": set()})
        if r.get("factor"):
            d["factors"].add(r["factor"])
    influences = sorted(
        (Influence(_short(k), d["polarity"], d.get("state"),
                   d.get("basis") or ("named" if d.get("explicit") else "read-in"),
                   _text(d.get("actor")) or _short(k), _text(d.get("description")),
                   tuple(sorted(d["factors"])), tuple(label("factoren", f) for f in sorted(d["factors"])),
                   d.get("epistemic"))
         for k, d in infl.items()),
        key=lambda i: (not i.named, i.polarity != "angel", i.id))

    outs: dict[str, dict] = {}
    for r in run(store, "case-outcomes", **p):
        d = outs.setdefault(r["outcome"], {**r, "by": set(), "fav": set()})
        if r.get("producedBy"):
            d["by"].add(r["producedBy"])
        if r.get("favourability"):
            d["fav"].add(r["favourability"])
    outcomes = tuple(
        Outcome(_short(k), d["type"], label("uitkomsten", d["type"]), d["direction"],
                min(d["fav"]) if len(d["fav"]) == 1 else favourability(d["type"], d["direction"]),
                _text(d.get("figure")), _text(d.get("description")), tuple(sorted(d["by"])), d.get("epistemic"))
        for k, d in sorted(outs.items()))

    numbers = tuple(sorted({KeyNumber(_short(r["number"]), _text(r.get("label")) or _short(r["number"]),
                                      float(r["value"]), r.get("unit"), r.get("year"))
                            for r in run(store, "case-numbers", **p)}, key=lambda k: k.id))
    les: dict[str, dict] = {}
    for r in run(store, "case-lessons", **p):
        d = les.setdefault(r["lesson"], {**r, "factors": set()})
        if r.get("factor"):
            d["factors"].add(r["factor"])
    lessons = tuple(Lesson(_short(k), _text(d.get("text")) or "", tuple(label("factoren", f) for f in sorted(d["factors"])))
                    for k, d in sorted(les.items()))
    findings = tuple(sorted({Finding(_short(r["finding"]), r.get("kind"), r.get("severity"), _text(r.get("description")))
                             for r in run(store, "case-findings", **p)}, key=lambda f: f.id))
    transitions = tuple(sorted(
        {Transition(_short(r["transition"]), _text(r.get("name")), r.get("age"), _text(r.get("fromRole")),
                    _text(r.get("toRole")), r.get("kind"), label("transitietypen", r.get("kind")) or None,
                    r.get("year"), r.get("epistemic")) for r in run(store, "case-transitions", **p)},
        key=lambda t: (t.year or "", t.id)))
    sections = _sections(store, iri)
    quotes = _quotes(store, iri, sections)
    mechanisms = tuple(sorted({MechanismLink(r["intervention"], r["element"], r["group"], bool(r["works"]),
                                             _text(r.get("label"))) for r in run(store, "case-mechanisms", **p)},
                              key=lambda m: (m.element, m.intervention)))
    labels = term_labels(store, lang) if labels is None else labels

    return CaseCard(
        id=case_id, number=int(head["number"]), kind=head["kind"], title=title,
        short_title=_text(head.get("short")), subject=_text(head["subject"]), summary=_text(head.get("summary")),
        lang=lang, target_groups=tuple(groups), target_group_labels=tuple(label("doelgroepen", g) for g in groups),
        self_direction=fit, self_direction_label=label("doelgroepen", fit) or None,
        self_direction_rationale=_text(head.get("fitRationale")),
        people=tuple(people), municipalities=tuple(munis), drivers=tuple(drivers), interventions=interventions,
        influences=tuple(influences), outcomes=outcomes, numbers=numbers, lessons=lessons, findings=findings,
        transitions=transitions, mechanisms=mechanisms, sections=sections, quotes=quotes,
        _labels=labels)


def term_labels(store, lang: str) -> dict[str, str]:
    """Labels of the ontology's own terms in ``lang``, read from the store when it has them."""
    labels: dict[str, str] = {}
    for r in run(store, "vocabulary-labels", lang=lang) if _has_query("vocabulary-labels") else ():
        if r.get("term", "").startswith("https://w3id.org/watwerkt/def#") and r.get("label"):
            labels.setdefault(r["term"].rsplit("#", 1)[1], r["label"])
    return labels


def _has_query(name: str) -> bool:
    from watwerkt.queries.runner import SPARQL_DIR

    return (SPARQL_DIR / f"{name}.rq").exists()


def _sections(store, iri: str) -> tuple[Section, ...]:
    """The case's sections in book order, from the stored segmentation (case-sections)."""
    by: dict[str, dict] = {}
    for r in run(store, "case-sections", case=iri):
        s = by.setdefault(r["section"], {"type": r["type"], "heading": None, "spans": set(), "lines": set(),
                                         "personal": bool(r.get("personal"))})
        if r.get("hstart") is not None:
            s["heading"] = (int(r["hstart"]), int(r["hend"]))
        if r.get("start") is not None:
            s["spans"].add((int(r["start"]), int(r["end"])))
            if r.get("line") is not None:
                s["lines"].add(int(r["line"]))
    return tuple(Section(s["type"], s["heading"], tuple(sorted(s["spans"])), min(s["lines"], default=None),
                         s["personal"]) for _k, s in sorted(by.items()))


def _quotes(store, iri: str, sections: tuple[Section, ...]) -> tuple[Quote, ...]:
    """The quotes of the case's claims, each with the section it sits in."""
    spans = [(a, b, s.type) for s in sections if not s.personal for a, b in s.spans]
    seen: dict[tuple[str, str], Quote] = {}
    for r in run(store, "case-quotes", case=iri):
        start, end = int(r["start"]), int(r["end"])
        section = next((t for s, e, t in spans if s <= start and end <= e), None)
        text = _text(r["quote"])
        if not text or "[contact]" in text:
            continue
        anchor = f"{r['doc']}:{start}-{end}"
        seen.setdefault((r["claim"], anchor), Quote(r["claim"].rsplit("/", 1)[-1], r["kind"], anchor, text,
                                                     r.get("line"), _page(r["quote"]), section))
    return tuple(sorted(seen.values(), key=lambda q: (_start(q.anchor), q.claim)))
