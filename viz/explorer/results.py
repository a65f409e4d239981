"""A question's typed result as a graph view, for ``--format html``.

:func:`what_works_graph` reads a ``wat-werkt`` result (its intervention types and the
evidence configurations behind each) and draws cases, intervention types and outcomes: a
case applies a type, a type leads to an outcome (the configurations, counted as favourable,
unfavourable or unclear), a case reports an outcome. The evidence panel shows each
configuration with its direction, basis and anchors. No store is needed: the result holds it.
"""

from __future__ import annotations


def what_works_graph(res):
    from watwerkt.queries.graph_views import Evidence, GraphView, ViewBuilder

    b = ViewBuilder()
    for a in res.interventions:
        it = b.node("interventiontype", a.type, a.label, a.label)
        for c in a.configurations:
            case = b.node("case", c.case, f"{c.case_number}. {c.case_title}", f"{c.case_number}. {c.case_title}")
            out = b.node("outcome", c.outcome, c.outcome_label, c.outcome_label)
            text = f"{c.intervention_label} → {c.outcome_label}: {c.direction_label}"
            ev = Evidence("configuration", c.case, text, text, epistemic=c.basis, direction=c.direction,
                          favourability=c.favourability, anchors=tuple(c.anchors))
            b.edge(case, it, "applies", ev)
            b.edge(it, out, "configuration", ev, favourability=c.favourability)
            b.edge(case, out, "outcome", ev)
    nodes, edges = b.freeze()
    return GraphView("what-works", None, 0, nodes, edges, None)
