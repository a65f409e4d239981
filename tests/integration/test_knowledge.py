"""The coded knowledge, checked against facts a reader can find in the sources.

Every expectation here was read from the corpus by a person (line numbers refer to the raw
files), not copied from the program's output.
"""

import subprocess
from pathlib import Path

import pytest

from watwerkt.ingest.checks import check_dataset
from watwerkt.ingest.corpus import Corpus
from watwerkt.ingest.data import load_dataset

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ds():
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def corpus(real_corpus):
    return Corpus.open(real_corpus, ROOT / "data")


def case(ds, cid):
    return next(c for c in ds.cases if c.id == cid)


def explicit(c, polarity, state=None):
    return [i for i in c.influences if i.polarity.value == polarity and i.explicit
            and (state is None or i.state.value == state)]


def test_all_28_cases_are_coded_and_check_clean(ds, corpus):
    assert [c.number for c in ds.cases] == list(range(1, 29))
    assert check_dataset(ds, corpus) == []


def test_every_case_has_angels_bears_outcomes_and_interventions(ds):
    for c in ds.cases:
        assert any(i.polarity.value == "angel" for i in c.influences), c.id
        assert any(i.polarity.value == "bear" for i in c.influences), c.id
        assert c.outcomes and c.interventions and c.lessons, c.id
        assert all(i.epistemic.value == "stated" for i in c.influences if i.explicit), c.id


def test_oss_angels_and_bears(ds):
    # boek.txt 167-189: future cuts are called a bear; a potential bear is the disappointment of
    # people who find no fitting job; managers who back mobility are called the main angels.
    c = case(ds, "oss")
    bears = explicit(c, "bear")
    assert any("economie" in b.factors and b.state.value == "actual" for b in bears)
    assert any(b.state.value == "potential" for b in bears)
    assert any("leidinggevende" in a.factors for a in explicit(c, "angel"))


def test_zwolle_angels_and_bears(ds):
    # boek.txt 2155-2178: angels: investing since 1997, the Talentenregio (and the relation with
    # B&W); bears: steering at a distance, managers who are not good at the good conversation.
    c = case(ds, "zwolle")
    assert len(explicit(c, "angel")) >= 2
    assert len(explicit(c, "bear")) >= 2
    assert any("leidinggevende" in b.factors for b in explicit(c, "bear"))


def test_emmen_angels_and_bears(ds):
    # boek.txt 2524-2545: the works council, the municipal secretary and the project group are
    # angels; the economic crisis is a potential bear; the manager's new role is a bear.
    c = case(ds, "emmen")
    assert len(explicit(c, "angel")) >= 3
    assert len(explicit(c, "bear", "potential")) >= 1
    assert any("leidinggevende" in b.factors and b.state.value == "actual" for b in explicit(c, "bear"))


def test_gelderland_angels_and_bears(ds):
    # boek.txt 2856-2875: board members and advisers, secretaries and P&O heads, the career
    # adviser's nudge are angels; the legal position of civil servants is the bear.
    c = case(ds, "gelderland")
    assert len(explicit(c, "angel")) >= 3
    assert any("overheid" in b.factors for b in explicit(c, "bear"))


def test_enschede_bears(ds):
    # boek.txt 3169-3206: not every manager stimulates development; change goes so fast that
    # people forget to communicate.
    assert len(explicit(case(ds, "enschede"), "bear")) >= 2


def test_employee_cases_have_age_transition_and_group_fit(ds):
    emp = [c for c in ds.cases if c.kind.value == "employee"]
    assert len(emp) == 12
    for c in emp:
        assert c.transitions, c.id
        assert c.group_fit is not None, c.id
    ages = {c.id: c.employee.age for c in emp}
    # boek.txt: Carli 43 (line 220), Frans 31 (921), Bertil 39 (1242), Maartje 42 (1563),
    # Tanja 27 (2213), Wim 58 (2575), Ton 45 (2900), Margriet 40 (3236)
    assert {k: ages[k] for k in ("carli", "frans", "bertil", "maartje", "tanja", "wim", "ton", "margriet")} == {
        "carli": 43, "frans": 31, "bertil": 39, "maartje": 42, "tanja": 27, "wim": 58, "ton": 45, "margriet": 40}


def test_update_figures(ds):
    # 000_...txt lines 83-85: 92 development advice, 333 certified schooling, 844 training or
    # group guidance, 62 EVC; stated total 1335 (which is 4 more than the sum).
    upd = next(p for p in ds.programmes if p.id == "update")
    values = sorted(k.value for k in upd.numbers)
    for v in (92, 333, 844, 62, 1335):
        assert v in values
    assert any(f.kind == "totaal-klopt-niet" and "1335" in f.description.nl for f in ds.findings)


def test_programmes_present(ds):
    ids = {p.id for p in ds.programmes}
    assert ids == {"update", "rmc-west-brabant", "grip-op-groei"}
    gog = next(p for p in ds.programmes if p.id == "grip-op-groei")
    assert "middengroep" in gog.target_groups


def test_municipalities_with_cbs_codes_and_mergers(ds):
    m = {x.id: x for x in ds.municipalities.municipalities}
    assert m["oss"].cbs_code == "GM0828"
    assert m["hasselt"].merged_into == "zwartewaterland" and m["monster"].merged_into == "westland"
    assert m["schijndel"].merged_into is None and "meierijstad" not in m  # later merger, no source
    for c in ds.cases:
        for o in c.organisations:
            if o.type == "gemeente":
                assert o.municipality in m or o.id in {"gemeente-hasselt", "gemeente-monster"}, (c.id, o.id)


def test_known_source_problems_are_findings(ds):
    text = " ".join(f.description.nl + " " + f.description.en for f in ds.findings)
    for names in (("Mutsaers", "Mutsaars"), ("Houtma", "Houtman"), ("Joore", "Jooren")):
        assert all(n in text for n in names), names
    kinds = {f.kind for f in ds.findings}
    assert {"naam-twee-spellingen", "totaal-klopt-niet", "afkorting-twee-uitleggen", "kop-beschadigd"} <= kinds


def test_coverage_has_no_unexplained_sentence(ds, corpus):
    from watwerkt.graph.coverage import coverage

    rep = coverage(ds, corpus)
    assert rep.sentences > 250
    assert rep.uncovered == []


def test_nothing_copied_from_the_corpus(real_corpus):
    tool = ROOT.parent / "shared" / "tools" / "own-words"
    if not tool.exists():
        pytest.skip("own-words tool not present")
    out = subprocess.run([str(tool), "--corpus", str(real_corpus), str(ROOT)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]


def test_real_graph_validates(real_store, real_corpus):
    from rdflib import Graph

    from watwerkt.graph.validate import validate_graph

    g = Graph().parse(real_store / "graph.nt", format="nt")
    assert validate_graph(g, Corpus.open(real_corpus, ROOT / "data")) == []


def test_real_cases_listing(cli, real_store):
    import json

    code, out, _ = cli("cases", "--store", str(real_store), "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 28
    assert sum(r["kind"] == "organisation" for r in rows) == 16
    assert [r["number"] for r in rows] == list(range(1, 29))
    assert rows[0]["title"] == "Wel werkgarantie, geen baangarantie"
    assert "Oss" in rows[0]["municipalities"]


# Table 3.2 of the NRO report, every cell, as read from 002_...txt lines 919-985 (keywords of
# each cell; the data describe them in their own words).
TABLE_3_2 = {
    ("zelfsturende-groeiers", True): ["zelfgestuurde", "stretch", "innovatie", "autonomie", "strategisch",
                                      "intervisie", "coachend", "mentor"],
    ("zelfsturende-groeiers", False): ["structuur", "verplichte", "micromanagement"],
    ("richtingzoekers", True): ["taakverbreding", "duo", "feedback", "praktijktraining", "ontwikkelgesprek", "stretch"],
    ("richtingzoekers", False): ["vrijheid", "strategische", "theoretische", "leerervaringen"],
    ("noodzaakgestuurde-leerders", True): ["structuur", "meelopen", "leermomenten", "veilige", "micro",
                                           "check-ins", "voorbeeldgedrag"],
    ("noodzaakgestuurde-leerders", False): ["autonomie", "zelf leeractiviteiten", "complexe", "grote veranderingen"],
}


def test_every_cell_of_table_3_2(ds):
    works = [e for part in ds.report for e in part.works]
    assert len(works) == sum(len(v) for v in TABLE_3_2.values()) == 32
    for (group, verdict), keywords in TABLE_3_2.items():
        cells = [e.label.nl.lower() for e in works if e.group == group and e.works is verdict]
        assert len(cells) == len(keywords), (group, verdict, cells)
        for kw in keywords:
            assert sum(kw in c for c in cells) >= 1, (group, verdict, kw, cells)


def test_table_3_1_respondent_totals_are_reported(ds):
    # Table 3.1 declares 9, 10 and 5 respondents (N = 24); the flattened table is garbled
    groups = {g.id: g for part in ds.report for g in part.groups}
    assert [groups[x].declared_total for x in ("zelfsturende-groeiers", "richtingzoekers",
                                               "noodzaakgestuurde-leerders")] == [9, 10, 5]
    assert sum(len(g.respondents) for g in groups.values()) == 24
    assert any(f.id == "nro-vier-of-vijf-groepen" for f in ds.findings)
