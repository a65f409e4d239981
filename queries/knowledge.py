"""The advisor's questions, answered from the store through the named queries.

:class:`Knowledge` loads the rows of the named SPARQL queries once and indexes them; the
functions below (what works, angels and bears, factors, outcomes, compare, gaps, search)
turn them into typed results. Every user term is first resolved to a concept id by
:class:`~watwerkt.queries.terms.TermIndex`; user text never reaches a query string.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import cached_property

from watwerkt.errors import UsageError
from watwerkt.queries.runner import run
from watwerkt.queries.terms import TermIndex, closest, fold

ID = "https://w3id.org/watwerkt/id/"
SELF_REGULATION = ("zelfsturende-groeiers", "richtingzoekers", "noodzaakgestuurde-leerders")
POSITIVE = {"up", "high"}
NEGATIVE = {"down", "low"}
# outcomes where "down"/"low" is the good direction
LOWER_IS_BETTER = {"verzuim", "verloop", "kosten"}


def short(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri else iri


def good(outcome_type: str, direction: str) -> bool | None:
    if direction in POSITIVE:
        return outcome_type not in LOWER_IS_BETTER
    if direction in NEGATIVE:
        return outcome_type in LOWER_IS_BETTER
    return None


class Knowledge:
    """Everything the advisor commands need, read once from the store."""

    def __init__(self, store, lang: str = "nl"):
        self.store = store
        self.lang = lang

    def _run(self, name: str, **params) -> list[dict]:
        return run(self.store, name, **params)

    @cached_property
    def terms(self) -> TermIndex:
        return TermIndex.from_store(self.store)

    @cached_property
    def cases(self) -> dict[str, dict]:
        from watwerkt.queries.cases import list_cases

        return {c.id: c.as_dict() for c in list_cases(self.store)}

    @cached_property
    def interventions(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for r in self._run("interventions", lang=self.lang):
            iv = out.setdefault(r["iv"], {"id": short(r["iv"]), "case": short(r["case"]), "types": set(),
                                          "label": r.get("label"), "epistemic": r["epistemic"],
                                          "groups": set(), "elements": set()})
            iv["types"].add(r["type"])
            if r.get("group"):
                iv["groups"].add(r["group"])
            if r.get("element"):
                iv["elements"].add(r["element"])
        return out

    @cached_property
    def outcomes(self) -> list[dict]:
        rows = {}
        for r in self._run("outcomes", lang=self.lang):
            o = rows.setdefault(r["o"], {**r, "case": short(r["case"]), "ivs": set()})
            if r.get("iv"):
                o["ivs"].add(r["iv"])
        return list(rows.values())

    @cached_property
    def influences(self) -> list[dict]:
        rows: dict[str, dict] = {}
        for r in self._run("influences", lang=self.lang):
            i = rows.setdefault(r["inf"], {"id": short(r["inf"]), "iri": r["inf"], "case": short(r["case"]),
                                           "polarity": r["polarity"], "state": r["state"],
                                           "explicit": r["explicit"], "actor": r.get("actor"),
                                           "epistemic": r["epistemic"], "factors": set(), "affects": set(),
                                           "counterpart": short(r.get("counterpart")),
                                           "turned_into": short(r.get("turnedInto"))})
            if r.get("factor"):
                i["factors"].add(r["factor"])
            if r.get("affects"):
                i["affects"].add(r["affects"])
        return list(rows.values())

    @cached_property
    def drivers(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for r in self._run("drivers"):
            out[short(r["case"])].add(r["type"])
        return out

    @cached_property
    def org_types(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for r in self._run("case-orgtypes"):
            out[short(r["case"])].add(r["type"])
        return out

    @cached_property
    def mechanisms(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for r in self._run("mechanisms", lang=self.lang):
            m = out.setdefault(r["element"], {"id": r["element"], "group": r["group"], "works": r["works"],
                                              "label": r.get("label"), "types": set(), "factors": set()})
            if r.get("type"):
                m["types"].add(r["type"])
            if r.get("factor"):
                m["factors"].add(r["factor"])
        return dict(sorted(out.items()))

    @cached_property
    def group_fit(self) -> dict[str, dict]:
        return {short(r["case"]): r for r in self._run("group-fit", lang=self.lang)}

    @cached_property
    def statements(self) -> list[dict]:
        rows: dict[str, dict] = {}
        for r in self._run("statements", lang=self.lang):
            s = rows.setdefault(r["s"], {**r, "factors": set(), "groups": set()})
            if r.get("factor"):
                s["factors"].add(r["factor"])
            if r.get("group"):
                s["groups"].add(r["group"])
        return list(rows.values())

    @cached_property
    def practices(self) -> list[dict]:
        rows: dict[str, dict] = {}
        for r in self._run("practices", lang=self.lang):
            p = rows.setdefault(r["p"], {"id": short(r["p"]), "programme": short(r["programme"]),
                                         "label": r.get("label"), "theme": r["theme"], "types": set(),
                                         "municipalities": set(), "groups": set()})
            if r.get("type"):
                p["types"].add(r["type"])
            if r.get("municipality"):
                p["municipalities"].add(r["municipality"])
            if r.get("group"):
                p["groups"].add(r["group"])
        return list(rows.values())

    def quotes(self, claim_iri: str, limit: int = 1) -> list[dict]:
        rows = self._run("quotes", claim=claim_iri)
        return [{"anchor": f"{r['doc']}:{r['start']}-{r['end']}", "line": r.get("line"),
                 "quote": r.get("quote")} for r in rows[:limit]]

    # ---------------------------------------------------------------- helpers

    def label(self, scheme: str, ident: str) -> str:
        return self.terms.label(scheme, ident, self.lang)

    def resolve(self, term: str | None, schemes: tuple[str, ...], option: str) -> tuple[str, str] | None:
        if term is None or not str(term).strip():
            return None
        return self.terms.resolve(term, schemes, option)

    def case_title(self, cid: str) -> str:
        c = self.cases.get(cid)
        return c["title"] if c else cid


# -------------------------------------------------------------------- what works


@dataclass
class Evidence:
    case: str
    title: str
    intervention: str
    label: str | None
    epistemic: str
    outcomes: list[str] = field(default_factory=list)
    quote: dict | None = None


@dataclass
class Answer:
    type: str
    label: str
    score: float
    cases: list[str]
    research: str  # "werkt" / "werkt-minder" / "gemengd" / ""
    sources: int  # independent sources: distinct cases + report + programmes
    basis: list[str]  # onderzoek / praktijk
    stated: int
    interpreted: int
    outcomes: dict[str, int]
    contexts: list[str]
    angels: list[str]
    bears: list[str]
    works_elements: list[str]
    works_less: list[str]
    practices: list[str]
    evidence: list[Evidence]

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class WorksRow:
    element: str
    group: str
    works: bool
    label: str
    supporting: list[str]
    contradicting: list[str]
    used: list[str]  # cases that apply the element without an outcome tied to it


@dataclass
class WhatWorks:
    filters: dict
    works_table: list[WorksRow]
    answers: list[Answer]
    notes: list[str]

    def as_dict(self) -> dict:
        return {"filters": self.filters, "works_table": [asdict(r) for r in self.works_table],
                "answers": [a.as_dict() for a in self.answers], "notes": self.notes}


def _iv_outcomes(k: Knowledge) -> dict[str, list[dict]]:
    by_iv: dict[str, list[dict]] = defaultdict(list)
    for o in k.outcomes:
        for iv in o["ivs"]:
            by_iv[iv].append(o)
    return by_iv


def what_works(k: Knowledge, *, group: str | None = None, context: str | None = None,
               outcome: str | None = None, factor: str | None = None, quotes: bool = True,
               limit: int = 15) -> WhatWorks:
    g = k.resolve(group, ("doelgroepen",), "--doelgroep")
    c = k.resolve(context, ("aanleidingen", "organisatietypen"), "--context")
    o = k.resolve(outcome, ("uitkomsten",), "--uitkomst")
    f = k.resolve(factor, ("factoren",), "--factor")
    filters = {"doelgroep": g[1] if g else None, "context": c[1] if c else None,
               "uitkomst": o[1] if o else None, "factor": f[1] if f else None}
    notes = []
    groups = k.terms.narrower_closure("doelgroepen", g[1]) if g else None
    # a broader target group also covers its members: (v)mbo covers the outdoor service
    if g:
        groups |= set(k.terms.broader_chain("doelgroepen", g[1])) - {"zelfregie"}
    contexts = k.terms.narrower_closure(c[0], c[1]) if c else None
    factors = k.terms.narrower_closure("factoren", f[1]) if f else None
    by_iv = _iv_outcomes(k)
    infl_by_case: dict[str, list[dict]] = defaultdict(list)
    for i in k.influences:
        infl_by_case[i["case"]].append(i)

    def case_ok(cid: str) -> bool:
        if contexts is not None:
            have = k.drivers.get(cid, set()) if c[0] == "aanleidingen" else k.org_types.get(cid, set())
            if not have & contexts:
                return False
        if factors is not None and not any(i["factors"] & factors for i in infl_by_case.get(cid, [])):
            return False
        return True

    def iv_ok(iri: str, iv: dict) -> bool:
        if groups is not None:
            fit = k.group_fit.get(iv["case"], {}).get("group")
            linked = {k.mechanisms[e]["group"] for e in iv["elements"] if e in k.mechanisms}
            by_type = {m["group"] for m in k.mechanisms.values() if m["types"] & iv["types"]}
            if not (iv["groups"] & groups or fit in groups or (linked | by_type) & groups):
                return False
        if o is not None:
            produced = any(x["type"] == o[1] for x in by_iv.get(iri, []))
            if not produced and not any(x["case"] == iv["case"] and x["type"] == o[1] for x in k.outcomes):
                return False
        return case_ok(iv["case"])

    # the research's view for the group(s)
    sr_groups = [x for x in (groups or set()) if x in SELF_REGULATION]
    mech = {e: m for e, m in k.mechanisms.items() if m["group"] in sr_groups}
    by_type: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for iri, iv in sorted(k.interventions.items()):  # the same order on every backend
        if iv_ok(iri, iv):
            for t in iv["types"]:
                by_type[t].append((iri, iv))
    answers = []
    practice_programme = {p["id"]: p["programme"] for p in k.practices}
    for t, ivs in by_type.items():
        case_ids = sorted({iv["case"] for _iri, iv in ivs}, key=lambda x: k.cases.get(x, {}).get("number", 99))
        els_works = sorted({e for e, m in mech.items() if m["works"] and (t in m["types"] or any(e in iv["elements"] for _i, iv in ivs))})
        els_less = sorted({e for e, m in mech.items() if not m["works"] and (t in m["types"] or any(e in iv["elements"] for _i, iv in ivs))})
        research = ("gemengd" if els_works and els_less else "werkt" if els_works else
                    "werkt-minder" if els_less else "")
        outs: Counter = Counter()
        evidence = []
        for iri, iv in ivs:
            produced = by_iv.get(iri, [])
            for x in produced:
                outs[f"{x['type']}:{x['direction']}"] += 1
            ev = Evidence(iv["case"], k.case_title(iv["case"]), iv["id"], iv.get("label"), iv["epistemic"],
                          sorted({f"{x['type']}:{x['direction']}" for x in produced}))
            if quotes:
                q = k.quotes(iri)
                ev.quote = q[0] if q else None
            evidence.append(ev)
        affecting = [i for i in k.influences if i["affects"] & {iri for iri, _ in ivs}]
        case_infl = [i for cid in case_ids for i in infl_by_case.get(cid, [])]
        angels = sorted({i["actor"] or i["id"] for i in (affecting or case_infl) if i["polarity"] == "angel"})
        bears = sorted({i["actor"] or i["id"] for i in (affecting or case_infl) if i["polarity"] == "bear"})
        ctx = sorted({d for cid in case_ids for d in k.drivers.get(cid, set())})
        pract = sorted({p["id"] for p in k.practices if t in p["types"] and
                        (groups is None or p["groups"] & groups or p["theme"] in (groups or set()))})
        positive = sum(n for key, n in outs.items() if good(*key.split(":")))
        score = len(case_ids) + 0.5 * len(pract) + 0.25 * positive + 2 * len(els_works) - 2 * len(els_less)
        stated = sum(1 for _i, iv in ivs if iv["epistemic"] == "stated")
        answers.append(Answer(
            type=t, label=k.label("interventietypen", t), score=round(score, 1), cases=case_ids,
            research=research, sources=len(case_ids) + (1 if research else 0) + len({practice_programme[p] for p in pract}),
            basis=sorted({"praktijk"} | ({"onderzoek"} if research else set())),
            stated=stated, interpreted=len(ivs) - stated, outcomes=dict(sorted(outs.items())),
            contexts=[k.label("aanleidingen", d) for d in ctx],
            angels=angels[:8], bears=bears[:8], works_elements=els_works, works_less=els_less,
            practices=pract, evidence=evidence,
        ))
    verdict = {"werkt": 0, "gemengd": 1, "": 2, "werkt-minder": 3}
    answers.sort(key=lambda a: (verdict[a.research], -a.score, a.label))
    table = works_table(k, sr_groups) if sr_groups else []
    if not answers:
        notes.append("geen praktijkbewijs voor deze combinatie; zie `watwerkt gaten`")
    return WhatWorks(filters, table, answers[:limit], notes)


def works_table(k: Knowledge, groups: list[str]) -> list[WorksRow]:
    """Table 3.2 for the groups, every cell, with the practice cases that support or contradict it.

    A case *supports* a "works" element when one of its interventions embodies the element
    (the cross-link in the data) and produced only good outcomes; it *contradicts* it when
    that intervention produced only bad ones. For a "works less" element the roles swap. A
    case that applies the element with no (or mixed) outcome tied to it is listed as *used*.
    """
    by_iv = _iv_outcomes(k)
    rows = []
    for e, m in sorted(k.mechanisms.items(), key=lambda kv: (groups.index(kv[1]["group"]) if kv[1]["group"] in groups else 9,
                                                          not kv[1]["works"], kv[0])):
        if m["group"] not in groups:
            continue
        sup, con, used = set(), set(), set()
        for iri, iv in sorted(k.interventions.items()):
            if e not in iv["elements"]:
                continue
            outs = [good(x["type"], x["direction"]) for x in by_iv.get(iri, [])]
            went_well, went_badly = any(v is True for v in outs), any(v is False for v in outs)
            if went_well and not went_badly:
                (sup if m["works"] else con).add(iv["case"])
            elif went_badly and not went_well:
                (con if m["works"] else sup).add(iv["case"])
            else:
                used.add(iv["case"])
        order = lambda x: k.cases.get(x, {}).get("number", 99)  # noqa: E731
        rows.append(WorksRow(e, m["group"], m["works"], m["label"] or e, sorted(sup, key=order),
                             sorted(con, key=order), sorted(used - sup - con, key=order)))
    return rows


# -------------------------------------------------------------------- other questions


def angels_and_bears(k: Knowledge, *, factor: str | None = None, actor: str | None = None) -> dict:
    f = k.resolve(factor, ("factoren",), "--factor")
    factors = k.terms.narrower_closure("factoren", f[1]) if f else None
    rows: dict[str, dict] = {}
    for i in k.influences:
        if actor and fold(actor) not in fold(i["actor"] or ""):
            continue
        for fac in sorted(i["factors"]) or ["(geen factor)"]:
            if factors is not None and fac not in factors:
                continue
            r = rows.setdefault(fac, {"factor": fac, "label": k.label("factoren", fac) if fac[0] != "(" else fac,
                                      "angels": 0, "bears": 0, "potential": 0, "overcome": 0,
                                      "cases": set(), "flips": set()})
            r["angels" if i["polarity"] == "angel" else "bears"] += 1
            r["potential"] += i["state"] == "potential"
            r["overcome"] += i["state"] == "overcome"
            r["cases"].add(i["case"])
            if i["counterpart"] or i["turned_into"] or i["state"] == "overcome":
                r["flips"].add(i["case"])
    # a factor whose polarity flips across cases: angel in one case, bear in another
    per_case = defaultdict(lambda: defaultdict(set))
    for i in k.influences:
        for fac in i["factors"]:
            per_case[fac][i["case"]].add(i["polarity"])
    out = []
    for fac, r in sorted(rows.items(), key=lambda kv: (-(kv[1]["angels"] + kv[1]["bears"]), kv[0])):
        both = sorted(cid for cid, pols in per_case[fac].items() if len(pols) == 2)
        out.append({**r, "cases": sorted(r["cases"]), "flips": sorted(r["flips"] | set(both))})
    if actor and not out:
        raise UsageError(f"geen engel of beer gevonden voor actor {actor!r}")
    return {"factor": f[1] if f else None, "actor": actor, "rows": out}


def factor_table(k: Knowledge) -> list[dict]:
    cases_angel, cases_bear = Counter(), Counter()
    for i in k.influences:
        for fac in i["factors"]:
            (cases_angel if i["polarity"] == "angel" else cases_bear)[fac] += 1
    res_angel, res_bear, res_named = Counter(), Counter(), Counter()
    for s in k.statements:
        for fac in s["factors"]:
            res_named[fac] += 1
            if s.get("polarity") == "angel":
                res_angel[fac] += 1
            elif s.get("polarity") == "bear":
                res_bear[fac] += 1
    rows = []
    for (scheme, ident), _labels in sorted(k.terms.labels.items()):
        if scheme != "factoren":
            continue
        parent = k.terms.broader.get((scheme, ident))
        rows.append({"factor": ident, "group": parent or ident, "label": k.label("factoren", ident),
                     "is_group": parent is None,
                     "case_angels": cases_angel[ident], "case_bears": cases_bear[ident],
                     "research_angels": res_angel[ident], "research_bears": res_bear[ident],
                     "research_mentions": res_named[ident]})
    taxonomy = ["persoonlijk", "sociaal", "werkgever", "werk", "omgeving"]  # the report's order
    order = {g: n for n, g in enumerate(taxonomy)}
    rows.sort(key=lambda r: (order.get(r["group"], 99), not r["is_group"], r["label"]))
    return rows


def outcome_table(k: Knowledge, outcome: str | None = None) -> list[dict]:
    o = k.resolve(outcome, ("uitkomsten",), "--uitkomst")
    counts: dict[tuple[str, str], dict] = {}
    case_ivs: dict[str, list[str]] = defaultdict(list)
    for iri, iv in k.interventions.items():
        case_ivs[iv["case"]].append(iri)
    for x in k.outcomes:
        if o and x["type"] != o[1]:
            continue
        # an outcome the case does not tie to one intervention goes with all of the case's
        direct = bool(x["ivs"])
        for iv in (x["ivs"] or case_ivs.get(x["case"], [])):
            meta = k.interventions.get(iv)
            if not meta:
                continue
            for t in meta["types"]:
                r = counts.setdefault((x["type"], t), {"outcome": x["type"], "outcome_label": k.label("uitkomsten", x["type"]),
                                                       "intervention": t, "intervention_label": k.label("interventietypen", t),
                                                       "good": 0, "bad": 0, "other": 0, "direct": 0, "cases": set()})
                v = good(x["type"], x["direction"])
                r["good" if v is True else "bad" if v is False else "other"] += 1
                r["direct"] += direct
                r["cases"].add(x["case"])
    rows = [{**r, "cases": sorted(r["cases"])} for r in counts.values()]
    rows.sort(key=lambda r: (r["outcome_label"], -(r["good"] + r["bad"] + r["other"]), r["intervention_label"]))
    return rows


def compare(k: Knowledge, ids: list[str]) -> list[dict]:
    unknown = [i for i in ids if i not in k.cases]
    if unknown:
        near = closest(unknown[0], list(k.cases))
        raise UsageError(f"onbekende casus {unknown[0]!r}",
                         hint=("bedoelde u: " + ", ".join(near)) if near else "zie `watwerkt cases`")
    out = []
    for cid in ids:
        c = k.cases[cid]
        ivs = [iv for iv in k.interventions.values() if iv["case"] == cid]
        infl = [i for i in k.influences if i["case"] == cid]
        outs = [x for x in k.outcomes if x["case"] == cid]
        out.append({
            "id": cid, "title": c["title"], "kind": c["kind"], "subject": c["subject"],
            "municipalities": c["municipalities"],
            "drivers": sorted(k.label("aanleidingen", d) for d in k.drivers.get(cid, set())),
            "interventions": sorted({k.label("interventietypen", t) for iv in ivs for t in iv["types"]}),
            "angels": sorted({i["actor"] or i["id"] for i in infl if i["polarity"] == "angel"}),
            "bears": sorted({i["actor"] or i["id"] for i in infl if i["polarity"] == "bear"}),
            "outcomes": sorted({f"{k.label('uitkomsten', x['type'])}: {x['direction']}" for x in outs}),
            "group_fit": k.group_fit.get(cid, {}).get("group"),
        })
    return out


def gaps(k: Knowledge, *, groups: list[str] | None = None) -> list[dict]:
    """Target group x intervention type x outcome combinations without any evidence."""
    by_iv = _iv_outcomes(k)
    seen: set[tuple[str, str, str]] = set()
    for iri, iv in k.interventions.items():
        tgs = set(iv["groups"])
        fit = k.group_fit.get(iv["case"], {}).get("group")
        if fit:
            tgs.add(fit)
        for x in by_iv.get(iri, []):
            for t in iv["types"]:
                for tg in tgs:
                    seen.add((tg, t, x["type"]))
    tg_all = groups or list(SELF_REGULATION) + ["praktisch-geschoolden", "buitendienst", "middengroep",
                                                 "oudere-medewerkers"]
    types = sorted({t for iv in k.interventions.values() for t in iv["types"]})
    outs = ["loopbaansucces", "inzetbaarheid", "vakmanschap", "bevlogenheid", "verzuim", "verloop"]
    rows = []
    for tg in tg_all:
        for t in types:
            missing = [o for o in outs if (tg, t, o) not in seen]
            rows.append({"group": tg, "group_label": k.label("doelgroepen", tg), "intervention": t,
                         "intervention_label": k.label("interventietypen", t),
                         "covered": [o for o in outs if o not in missing], "missing": missing})
    return rows
