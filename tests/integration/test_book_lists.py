"""The book's own lists, as a coder read them from the 28 cases, pinned against the data.

The table below was read from the book (each case's angels-and-bears section and its outcome
section) by the coder who resolved the two codings (docs/coding-agreement.md); it is not
generated from the data. A named angel or bear is one the text labels engel/beer or presents in
its angels-and-bears section as something that helped or hindered; interpreted influences are
never counted. Outcome directions are those of the six book outcomes; not-mentioned means the
case has no such outcome (outcomes marked interpreted are our reading and do not count).

Also pinned: the Table 3.1 mismatch stays a finding, and every CBS code in data/ matches the
cited CBS list in data/reference/cbs-gemeenten.csv.
"""

import csv
from pathlib import Path

import pytest

from watwerkt.ingest.data import load_dataset

ROOT = Path(__file__).resolve().parents[2]
OUTCOMES = ("loopbaansucces", "inzetbaarheid", "vakmanschap", "bevlogenheid", "verzuim", "verloop")

# case: (named angels, named bears,
#        "loopbaansucces inzetbaarheid vakmanschap bevlogenheid verzuim verloop")
BOOK = {
    "oss": (3, 2, "up up up up not-shown not-shown"),
    "carli": (3, 1, "up up up high low low"),
    "talent-mvs": (4, 1, "up up up up not-shown not-shown"),
    "astrid": (1, 1, "up up up high low low"),
    "hilversum": (4, 2, "up up up up low low"),
    "frans": (3, 2, "up up up up low low"),
    "dalfsen": (3, 2, "up up up high low low"),
    "bertil": (4, 2, "up up high high low low"),
    "bronckhorst": (2, 3, "up up up high not-mentioned not-mentioned"),
    "maartje": (4, 2, "mixed mixed high high low low"),
    "amsterdam-oost": (3, 1, "high up high high not-shown low"),
    "kees": (3, 1, "up up up up not-mentioned low"),
    "zwolle": (3, 2, "high high high high low low"),
    "tanja": (3, 4, "up up up up low low"),
    "emmen": (5, 2, "up up high up down low"),
    "wim": (5, 2, "up up up up low not-mentioned"),
    "gelderland": (3, 1, "up mixed up up not-shown low"),
    "ton": (3, 4, "up up not-mentioned high low low"),
    "enschede": (4, 3, "high high high high average average"),
    "margriet": (5, 4, "up up high up down not-shown"),
    "heemstede": (3, 0, "low low up high average low"),  # the case says it sees no bears
    "liane": (3, 2, "up high high up down mixed"),
    "brandweer-zhz": (3, 4, "up up high high low low"),
    "gerry": (5, 1, "up mixed high up not-mentioned not-mentioned"),
    "zeist": (3, 3, "up up not-shown high low low"),
    "den-haag-almere": (3, 7, "up high mixed high not-mentioned low"),  # bears numbered to seven
    "s-hertogenbosch": (3, 4, "not-mentioned high up up low low"),
    "soest": (5, 2, "not-mentioned up up high low low"),
}


@pytest.fixture(scope="module")
def ds():
    return load_dataset(ROOT / "data")


def test_the_table_covers_all_28_cases(ds):
    assert sorted(BOOK) == sorted(c.id for c in ds.cases)


@pytest.mark.parametrize("cid", sorted(BOOK))
def test_named_angels_and_bears(ds, cid):
    case = next(c for c in ds.cases if c.id == cid)
    named = [i for i in case.influences if i.explicit]
    angels = sum(i.polarity == "angel" for i in named)
    bears = sum(i.polarity == "bear" for i in named)
    assert (angels, bears) == BOOK[cid][:2]
    for i in case.influences:  # interpreted items stay, but are never named
        assert isinstance(i.explicit, bool)
        assert (i.epistemic.value == "interpreted") == (not i.explicit), i.id


@pytest.mark.parametrize("cid", sorted(BOOK))
def test_outcome_directions_one_per_concept(ds, cid):
    case = next(c for c in ds.cases if c.id == cid)
    found: dict[str, list[str]] = {}
    for o in case.outcomes:
        found.setdefault(o.concept, []).append(o.direction.value)
    assert all(len(v) == 1 for v in found.values()), found  # one outcome per concept
    book = {o.concept: o.direction.value for o in case.outcomes
            if o.concept in OUTCOMES and o.epistemic.value != "interpreted"}
    assert " ".join(book.get(k, "not-mentioned") for k in OUTCOMES) == BOOK[cid][2]


def test_table_3_1_mismatch_stays_a_finding(ds):
    groups = {g.id: g for part in ds.report for g in part.groups}
    b, c = groups["richtingzoekers"], groups["noodzaakgestuurde-leerders"]
    # the reading that fits the layout is the main reading, marked as ours ...
    assert (len(b.respondents), b.declared_total) == (11, 10)
    assert (len(c.respondents), c.declared_total) == (4, 5)
    assert b.epistemic.value == c.epistemic.value == "interpreted"
    assert sum(len(g.respondents) for g in groups.values()) == 24
    # ... and what does not add up is a finding
    finding = next(f for f in ds.findings if f.id == "nro-tabel-3-1-totalen")
    assert finding.kind == "totaal-klopt-niet"
    assert "11" in finding.description.nl and "10" in finding.description.nl


def _cbs_list() -> dict[str, str]:
    path = ROOT / "data/reference/cbs-gemeenten.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["cbs_code"]: row["name"] for row in csv.DictReader(lines)}


# names the project writes differently from the CBS list
CBS_NAME = {"Den Haag": "'s-Gravenhage"}


def test_every_cbs_code_matches_the_cited_list(ds):
    cbs = _cbs_list()
    header = (ROOT / "data/reference/cbs-gemeenten.csv").read_text(encoding="utf-8")
    assert "nlextract/NLExtract" in header and "Centraal Bureau voor de Statistiek" in header
    table = {m.id: m for m in ds.municipalities.municipalities}
    for m in table.values():
        assert m.cbs_code in cbs, (m.id, m.cbs_code)
        assert cbs[m.cbs_code] == CBS_NAME.get(m.name, m.name), (m.id, m.cbs_code)
        if m.merged_into:
            assert m.merged_into in table and m.valid_until, m.id
    # every municipality the data refers to is in the table
    used = {o.municipality for c in ds.cases for o in c.organisations if o.municipality}
    used |= {m for p in ds.programmes for pr in p.practices for m in pr.municipalities}
    assert used <= set(table)


def test_mergers_are_the_ones_the_text_states(ds):
    table = {m.id: m for m in ds.municipalities.municipalities}
    merged = {m.id: m.merged_into for m in table.values() if m.merged_into}
    assert merged == {"hasselt": "zwartewaterland", "monster": "westland", "sittard": "sittard-geleen"}
    for later in ("meierijstad", "nissewaard", "beekdaelen"):
        assert later not in table


# interventions the book describes as only planned or wished for (all others: used)
NOT_USED = {
    "astrid-managementassistentie": "planned",
    "astrid-meeloopdag": "wished",
    "tanja-hbo-opleiding": "wished",
    "tanja-cursus-websitebeheer": "planned",
    "brandweer-zhz-competentiespel": "planned",
}


def test_planned_and_wished_interventions(ds):
    status = {i.id: i.status.value for c in ds.cases for i in c.interventions}
    assert {k: v for k, v in status.items() if v != "used"} == NOT_USED
