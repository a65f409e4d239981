"""Wat werkt voor wie, onder welke omstandigheden: intervention types ranked by evidence.

The question runs over the evidence configurations in the store (``ww:Configuration``, one
per case x intervention x outcome, see ``graph/configurations.py``). The engine filters and
groups them per intervention type and case; Python only adds up those per-case rows (as many
as the answer has), asks the research for each type in the answer, and applies the ranking
rule of ``docs/ranking.md``:

- a case counts as *favourable* for a type when one of its configurations of that type has an
  outcome tied to the intervention (``directLink``) whose direction is favourable for that
  outcome (down for absenteeism and turnover, up for the rest); unfavourable and unclear
  (mixed, not shown, average) outcomes have their own columns and never add to the support;
  outcomes a case reports without tying them to an intervention count apart, as *case-wide*;
- wishes, plans and researchers' suggestions have no configurations (only ``used``
  interventions do), so they never count as use;
- a target-group filter keeps the configurations whose case states the group (or a narrower or
  broader one); a self-direction group keeps only cases coded for that group;
- the evidence label (:func:`evidence_label`) combines independent favourable cases,
  unfavourable ones, whether the research (Table 3.2) agrees, and named versus interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass

from watwerkt.queries.common import ID, ResolvedFilter, Vocabulary, concept_iri, short
from watwerkt.queries.runner import run

LEVELS = ("evidence-strong", "evidence-moderate", "evidence-limited", "evidence-indicative",
          "evidence-contested", "evidence-none")  # best first: the order of the ranking


@dataclass(frozen=True)
class ConfigurationRow:
    id: str
    case: str
    case_number: int
    case_title: str
    intervention: str
    intervention_label: str
    outcome: str
    outcome_label: str
    direction: str
    direction_label: str
    favourability: str  # favourable | unfavourable | unclear
    direct: bool  # the case ties the outcome to this intervention
    basis: str  # stated | interpreted
    circumstances: tuple[str, ...]  # the case's drivers
    anchors: tuple[str, ...]


@dataclass(frozen=True)
class ResearchVerdict:
    verdict: str  # works | works_less | mixed | none
    works: tuple[str, ...]  # Table 3.2 elements that say it works (ids)
    works_less: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceLabel:
    level: str  # one of LEVELS
    label: str  # in the answer's language
    locks: int  # 0..4, the higher the more secure
    reason: str  # the one-line "waarom"


@dataclass(frozen=True)
class InterventionEvidence:
    rank: int
    type: str
    label: str
    favourable: int  # cases with a directly tied favourable outcome
    unfavourable: int  # cases with an unfavourable outcome, tied or case-wide
    unclear: int  # cases with a mixed, not shown or average outcome, tied or case-wide
    case_wide: int  # cases with a favourable outcome not tied to one intervention
    named: int  # favourable cases whose intervention and outcome are both stated
    cases: tuple[str, ...]  # every case in the answer for this type
    research: ResearchVerdict
    evidence: EvidenceLabel
    circumstances: tuple[str, ...]  # drivers present where it worked (favourable, direct)
    configurations: tuple[ConfigurationRow, ...]


@dataclass(frozen=True)
class WhatWorks:
    filters: tuple[ResolvedFilter, ...]
    cases_in_scope: int
    interventions: tuple[InterventionEvidence, ...]
    works_table: tuple  # of WorksCell (queries.works_table), for a self-direction group
    notes: tuple[str, ...]


def evidence_label(v: Vocabulary, favourable: int, unfavourable: int, named: int, case_wide: int,
                   research: ResearchVerdict) -> EvidenceLabel:
    """The ranking rule (docs/ranking.md), as one level and a one-line reason."""
    agrees = research.verdict == "works"
    against = research.verdict in ("works_less", "mixed")
    if favourable and (unfavourable >= favourable or research.verdict == "works_less"):
        level = "evidence-contested"
    elif favourable >= 3 and agrees and not unfavourable and named * 2 > favourable:
        level = "evidence-strong"
    elif favourable >= 2 and (agrees or favourable >= 3) and not against:
        level = "evidence-moderate"
    elif favourable >= 1:
        level = "evidence-limited"
    elif case_wide or agrees:
        level = "evidence-indicative"
    else:
        level = "evidence-none"
    locks = {"evidence-strong": 4, "evidence-moderate": 3, "evidence-limited": 2,
             "evidence-indicative": 1}.get(level, 0)
    nl = v.lang != "en"
    research_text = {
        "works": ("onderzoek: werkt", "research: works"),
        "works_less": ("onderzoek: werkt minder", "research: works less"),
        "mixed": ("onderzoek: gemengd", "research: mixed"),
        "none": ("onderzoek zegt er niets over", "research silent"),
    }[research.verdict][0 if nl else 1]
    if nl:
        reason = (f"{favourable} direct gunstig ({named} genoemd), {unfavourable} ongunstig, "
                  f"{case_wide} casusbreed gunstig; {research_text}")
    else:
        reason = (f"{favourable} directly favourable ({named} named), {unfavourable} unfavourable, "
                  f"{case_wide} case-wide favourable; {research_text}")
    return EvidenceLabel(level, v.term(level), locks, reason)


def rank_key(e: InterventionEvidence) -> tuple:
    """Best first: level, then net favourable cases, named ones, case-wide support, label."""
    return (LEVELS.index(e.evidence.level), -(e.favourable - e.unfavourable), -e.named,
            -e.case_wide, e.label)


def resolve_filters(v: Vocabulary, *, group=None, context=None, outcome=None, factor=None
                    ) -> tuple[tuple[ResolvedFilter, ...], dict[str, str]]:
    """The user's terms as concepts, and the query parameters they bind."""
    found = [v.resolve(group, ("doelgroepen",), "--doelgroep"),
             v.resolve(context, ("aanleidingen", "organisatietypen"), "--context"),
             v.resolve(outcome, ("uitkomsten",), "--uitkomst"),
             v.resolve(factor, ("factoren",), "--factor")]
    params: dict[str, str] = {}
    g, c, o, f = found
    if g is not None:
        params["sdgroup" if v.is_self_direction(g) else "group"] = concept_iri(g.scheme, g.id)
    if c is not None:
        params["driver" if c.scheme == "aanleidingen" else "orgtype"] = concept_iri(c.scheme, c.id)
    if o is not None:
        params["outcome"] = concept_iri(o.scheme, o.id)
    if f is not None:
        params["factor"] = concept_iri(f.scheme, f.id)
    return tuple(x for x in found if x is not None), params


def research_verdict(store, type_iri: str, sdgroup: str | None, lang: str) -> ResearchVerdict:
    rows = run(store, "research-verdicts", type=type_iri, sdgroup=sdgroup, lang=lang)
    works = tuple(sorted({short(r["el"]) for r in rows if r["works"]}))
    less = tuple(sorted({short(r["el"]) for r in rows if not r["works"]}))
    verdict = "mixed" if works and less else "works" if works else "works_less" if less else "none"
    return ResearchVerdict(verdict, works, less)


def configurations(v: Vocabulary, type_iri: str, params: dict) -> tuple[ConfigurationRow, ...]:
    rows = run(v.store, "what-works-configurations", type=type_iri, lang=v.lang, **params)
    return tuple(ConfigurationRow(
        id=short(r["c"]), case=short(r["case"]), case_number=r["number"], case_title=r.get("title") or short(r["case"]),
        intervention=short(r["iv"]), intervention_label=r.get("ivlabel") or short(r["iv"]),
        outcome=short(r["otype"]), outcome_label=v.label("uitkomsten", short(r["otype"])),
        direction=short(r["direction"]), direction_label=v.term(r["direction"]),
        favourability=short(r["fav"]), direct=bool(r["direct"]), basis=short(r["epistemic"]),
        circumstances=tuple(sorted(v.label("aanleidingen", x) for x in (r.get("drivers") or "").split())),
        anchors=tuple(sorted((r.get("anchors") or "").split())),
    ) for r in rows)


def what_works(store, *, lang: str = "nl", group: str | None = None, context: str | None = None,
               outcome: str | None = None, factor: str | None = None, limit: int = 10) -> WhatWorks:
    from watwerkt.i18n import t
    from watwerkt.queries.works_table import works_table

    v = Vocabulary(store, lang)
    filters, params = resolve_filters(v, group=group, context=context, outcome=outcome, factor=factor)
    per_type: dict[str, dict] = {}
    cases: set[str] = set()
    for r in run(store, "what-works", lang=lang, **params):
        e = per_type.setdefault(r["type"], {"label": r.get("label") or short(r["type"]), "cases": set(),
                                            "favourable": 0, "unfavourable": 0, "unclear": 0,
                                            "casewide": 0, "stated": 0})
        e["cases"].add(short(r["case"]))
        cases.add(r["case"])
        for key in ("favourable", "unfavourable", "unclear", "casewide", "stated"):
            e[key] += r[key]
    sdgroup = params.get("sdgroup")
    answers = []
    for type_iri, e in per_type.items():
        research = research_verdict(store, type_iri, sdgroup, lang)
        label = evidence_label(v, e["favourable"], e["unfavourable"], e["stated"], e["casewide"], research)
        answers.append(InterventionEvidence(0, short(type_iri), e["label"], e["favourable"], e["unfavourable"],
                                            e["unclear"], e["casewide"], e["stated"], tuple(sorted(e["cases"])),
                                            research, label, (), ()))
    answers.sort(key=rank_key)
    ranked = []
    for n, a in enumerate(answers[:limit], 1):
        configs = configurations(v, ID + "concept/interventietypen/" + a.type, params)
        worked = sorted({c for row in configs if row.direct and row.favourability == "favourable"
                         for c in row.circumstances})
        ranked.append(InterventionEvidence(n, a.type, a.label, a.favourable, a.unfavourable, a.unclear,
                                           a.case_wide, a.named, a.cases, a.research, a.evidence,
                                           tuple(worked), configs))
    notes = []
    table = ()
    if sdgroup:
        table = works_table(store, short(sdgroup), lang)
        if not cases:
            g = next(f for f in filters if f.option == "--doelgroep")
            notes.append(t("no_group_cases", lang, group=g.label))
    if not answers:
        notes.append(t("no_evidence", lang))
    notes.append(t("ranking_rule", lang))
    return WhatWorks(filters, len(cases), tuple(ranked), table, tuple(notes))
