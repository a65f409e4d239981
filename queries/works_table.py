"""Table 3.2 of the research for one self-direction group, next to the practice cases.

Every cell (an element that works, or works less, for the group) is listed with the cases
whose interventions apply it. A case *supports* a "works" cell when it is coded for that group
and the intervention's tied outcomes are only favourable; it *contradicts* it when they are
only unfavourable (for a "works less" cell the roles swap). A case coded for the group with no
or mixed tied outcomes *applied* it; a case not coded for the group is listed as *applied
elsewhere*, never as support or contradiction.
"""

from __future__ import annotations

from dataclasses import dataclass

from watwerkt.queries.common import concept_iri, short
from watwerkt.queries.runner import run


@dataclass(frozen=True)
class WorksCell:
    element: str
    group: str
    works: bool  # True: works; False: works less
    label: str
    supporting: tuple[str, ...]
    contradicting: tuple[str, ...]
    applied: tuple[str, ...]  # coded for the group, no clear tied outcome
    applied_elsewhere: tuple[str, ...]  # not coded for the group


def works_table(store, group: str, lang: str = "nl") -> tuple[WorksCell, ...]:
    cells: dict[str, dict] = {}
    for r in run(store, "works-table", sdgroup=concept_iri("doelgroepen", group), lang=lang):
        c = cells.setdefault(r["el"], {"works": r["works"], "label": r.get("label") or short(r["el"]),
                                       "sup": [], "con": [], "app": [], "else": []})
        if not r.get("case"):
            continue
        case = (r["number"], short(r["case"]))
        good, bad = bool(r["good"]), bool(r["bad"])
        if not r["ingroup"]:
            key = "else"
        elif good and not bad:
            key = "sup" if r["works"] else "con"
        elif bad and not good:
            key = "con" if r["works"] else "sup"
        else:
            key = "app"
        if case not in c[key]:
            c[key].append(case)

    def ids(xs):
        return tuple(cid for _n, cid in sorted(xs))

    return tuple(WorksCell(short(el), group, c["works"], c["label"], ids(c["sup"]), ids(c["con"]), ids(c["app"]),
                           ids(c["else"]))
                 for el, c in sorted(cells.items(), key=lambda kv: (not kv[1]["works"], kv[0])))
