"""The case listing and the case card."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from watwerkt.errors import UsageError
from watwerkt.queries.runner import run

CASE_NS = "https://w3id.org/watwerkt/id/case/"


@dataclass(frozen=True)
class CaseRow:
    id: str
    number: int
    kind: str
    title: str
    subject: str
    municipalities: list[str]
    sections: int

    def as_dict(self) -> dict:
        return asdict(self)


def _title(row: dict) -> str:
    title = row.get("title") or row.get("short") or row["subject"]
    return " ".join(title.split())


def list_cases(store, *, kind: str | None = None) -> list[CaseRow]:
    out = []
    for r in run(store, "cases"):
        if kind and r["kind"] != kind:
            continue
        munis = sorted(m for m in (r.get("municipalities") or "").split("|") if m)
        out.append(CaseRow(r["case"].removeprefix(CASE_NS), r["number"], r["kind"], _title(r),
                           r["subject"], munis, r["sections"]))
    return out


@dataclass(frozen=True)
class SectionRow:
    type: str
    heading: tuple[int, int] | None
    spans: list[tuple[int, int]]
    first_line: int | None
    personal: bool


def case_sections(store, case_id: str) -> tuple[CaseRow, list[SectionRow]]:
    cases = {c.id: c for c in list_cases(store)}
    if case_id not in cases:
        from watwerkt.queries.terms import closest

        near = closest(case_id, list(cases))
        raise UsageError(f"unknown case {case_id!r}",
                         hint=("did you mean: " + ", ".join(near)) if near else "see `watwerkt cases`")
    rows = run(store, "case-sections", case=CASE_NS + case_id)
    by_section: dict[str, dict] = {}
    for r in rows:
        s = by_section.setdefault(r["section"], {"type": r["type"], "heading": None, "spans": [],
                                                 "lines": [], "personal": bool(r.get("personal"))})
        if r.get("hstart") is not None:
            s["heading"] = (r["hstart"], r["hend"])
        if r.get("start") is not None and (r["start"], r["end"]) not in s["spans"]:
            s["spans"].append((r["start"], r["end"]))
            if r.get("line") is not None:
                s["lines"].append(r["line"])
    sections = [SectionRow(s["type"], s["heading"], sorted(s["spans"]), min(s["lines"], default=None),
                           s["personal"]) for _k, s in sorted(by_section.items())]
    return cases[case_id], sections


def require_case(store, case_id: str) -> None:
    """Refuse an unknown case id with one line naming the nearest ids."""
    import re

    if re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", case_id) and run(store, "case-exists", case=CASE_NS + case_id):
        return
    from watwerkt.queries.terms import closest

    near = closest(case_id, [c.id for c in list_cases(store)])
    raise UsageError(f"onbekende casus {case_id!r}", en=f"unknown case {case_id!r}",
                     hint=("bedoelde u: " + ", ".join(near)) if near else "zie `watwerkt cases`",
                     hint_en=("did you mean: " + ", ".join(near)) if near else "see `watwerkt cases`")
