"""Evidence configurations: the graph's answer to *wat werkt voor wie, onder welke omstandigheden*.

At build time every case x intervention x outcome becomes one ``ww:Configuration`` node
(context-mechanism-outcome, as in realist evaluation). It links:

- the intervention (``ww:configurationOf``) and its types, the case (``ww:inCase``), the
  case's organisation types and municipalities;
- the target groups the case (or the intervention) states; the self-direction group only
  where the case is coded for one (an anchored, interpreted coding) or states one;
- the context: the drivers of the case (``ww:contextDriver``);
- the mechanism: the Table 3.2 elements the intervention is linked to and their factors;
- the outcome, its type and direction, and whether that direction is favourable for that
  outcome (``ww:favourability``: down is good for absenteeism, turnover and costs, up for
  the rest; mixed, not shown and average are unclear);
- the angels and bears that affect the intervention (``ww:influence``);
- the basis: practice, stated or interpreted (stated only when the intervention and the
  outcome both are), whether the outcome is tied to this intervention (``ww:directLink``),
  and how many independent sources stand behind it (one case);
- the anchors of the intervention and the outcome.

Only interventions that were applied (``status: used``) get configurations; wishes, plans
and researchers' suggestions never count as use. Decision record: docs/decisions/0005.
"""

from __future__ import annotations

from watwerkt.evidence import SELF_DIRECTION_GROUPS, favourability
from watwerkt.graph.terms import RDF, XSD, Literal
from watwerkt.records import Case, Epistemic, UseStatus


def configuration_id(case_id: str, iv_id: str, outcome_id: str) -> str:
    return f"{case_id}--{iv_id}--{outcome_id}"


def add_configurations(b, mechanism_factors: dict[str, list[str]]) -> int:
    """Add the configurations of every case to the builder's graph; return how many."""
    n = 0
    for case in b.ds.cases:
        n += _case_configurations(b, case, mechanism_factors)
    return n


def _case_configurations(b, case: Case, mechanism_factors: dict[str, list[str]]) -> int:
    from watwerkt.graph.build import WW, concept, node

    g = b.g
    case_iri = node("case", case.id)
    org_types = sorted({o.type for o in case.organisations})
    municipalities = sorted({o.municipality for o in case.organisations if o.municipality})
    drivers = sorted({d.concept for d in case.drivers})
    fit = case.group_fit.group if case.group_fit else None
    case_factors = sorted({f for i in case.influences for f in i.factors})
    n = 0
    for iv in case.interventions:
        if iv.status is not UseStatus.used:
            continue
        tied = [o for o in case.outcomes if iv.id in o.interventions]
        loose = [o for o in case.outcomes if not o.interventions]
        groups = sorted(set(case.target_groups) | set(iv.target_groups))
        sd = sorted({g_ for g_ in groups if g_ in SELF_DIRECTION_GROUPS} | ({fit} if fit else set()))
        influences = sorted(i.id for i in case.influences if iv.id in i.affects)
        for outcome, direct in [*((o, True) for o in tied), *((o, False) for o in loose)]:
            iri = node("configuratie", configuration_id(case.id, iv.id, outcome.id))
            g.add((iri, RDF.type, WW.Configuration))
            g.add((iri, WW.configurationOf, node("interventie", iv.id)))
            g.add((iri, WW.inCase, case_iri))
            g.add((iri, WW.outcome, node("uitkomst", outcome.id)))
            for t in iv.types:
                g.add((iri, WW.interventionType, concept("interventietypen", t)))
            for t in org_types:
                g.add((iri, WW.organisationType, concept("organisatietypen", t)))
            for m in municipalities:
                g.add((iri, WW.municipality, node("gemeente", m)))
            for t in groups:
                g.add((iri, WW.targetGroup, concept("doelgroepen", t)))
            for t in sd:
                g.add((iri, WW.selfDirectionGroup, concept("doelgroepen", t)))
            for d in drivers:
                g.add((iri, WW.contextDriver, concept("aanleidingen", d)))
            for e in iv.works_elements:
                g.add((iri, WW.mechanism, node("werkzaam-element", e)))
                for f in mechanism_factors.get(e, []):
                    g.add((iri, WW.mechanismFactor, concept("factoren", f)))
            for i in influences:
                g.add((iri, WW.influence, node("invloed", i)))
            for f in case_factors:  # the factors of every angel and bear of the case: the circumstances
                g.add((iri, WW.caseFactor, concept("factoren", f)))
            g.add((iri, WW.outcomeType, concept("uitkomsten", outcome.concept)))
            g.add((iri, WW.direction, WW[outcome.direction.value]))
            g.add((iri, WW.favourability, WW[favourability(outcome.concept, outcome.direction.value)]))
            stated = iv.epistemic is Epistemic.stated and outcome.epistemic is Epistemic.stated
            g.add((iri, WW.epistemic, WW["stated" if stated else "interpreted"]))
            g.add((iri, WW.basis, Literal("praktijk")))
            g.add((iri, WW.directLink, Literal(direct)))
            g.add((iri, WW.independentSources, Literal(1, datatype=XSD.integer)))
            anchors = sorted({*iv.anchors, *outcome.anchors})
            for a in anchors:
                b.anchor(iri, a)
            # the same, as one literal each: a question reads a configuration in one lookup
            g.add((iri, WW.anchorList, Literal(" ".join(anchors))))
            g.add((iri, WW.driverList, Literal(" ".join(drivers))))
            n += 1
    return n
