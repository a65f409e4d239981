"""Realistic questions an advisor asks, answered with the named commands on the real corpus.

The expected answers were read from the book (004_…txt) and the NRO report (002_…txt) by a
person, with the raw line numbers given beside each; they are not copied from the program's
output. docs/cookbook.md shows the same questions with their real output.
"""

import json

import pytest

# Table 3.2 of the NRO report (002_...txt lines 919-985): "works" and "works less" cells per group
TABLE = {
    "zelfsturende-groeiers": (8, 3, ["Zelfgestuurde", "Micromanagement"]),
    "richtingzoekers": (6, 4, ["Taakverbreding", "Lange theoretische"]),
    "noodzaakgestuurde-leerders": (7, 4, ["Micro-learning", "Veel autonomie"]),
}


def run_json(cli, store, *args):
    code, out, err = cli(*args, "--store", str(store), "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("term,group", [
    ("lage eigen regie", "noodzaakgestuurde-leerders"),
    ("weinig zelfregie", "noodzaakgestuurde-leerders"),
    ("gematigde eigen regie", "richtingzoekers"),
    ("hoge eigen regie", "zelfsturende-groeiers"),
    ("high self-direction", "zelfsturende-groeiers"),
])
def test_each_group_reproduces_its_row_of_table_3_2(cli, real_store, term, group):
    res = run_json(cli, real_store, "wat-werkt", "--doelgroep", term)
    assert [f["id"] for f in res["filters"]] == [group]
    cells = res["works_table"]
    works, less, words = TABLE[group]
    assert sum(c["works"] for c in cells) == works and sum(not c["works"] for c in cells) == less
    labels = " ".join(c["label"] for c in cells)
    assert all(w in labels for w in words)


def test_low_and_high_self_direction_draw_on_different_cases(cli, real_store):
    low = run_json(cli, real_store, "wat-werkt", "--doelgroep", "lage eigen regie")
    high = run_json(cli, real_store, "wat-werkt", "--doelgroep", "hoge eigen regie")
    low_cases = {c for a in low["interventions"] for c in a["cases"]}
    high_cases = {c for a in high["interventions"] for c in a["cases"]}
    assert not (low_cases & high_cases)
    assert high["cases_in_scope"] > 0
    # a case supports a cell of a group only when it is coded for that group
    coded_high = high_cases
    for cell in low["works_table"]:
        assert not (set(cell["supporting"]) | set(cell["contradicting"])) & coded_high


def test_absenteeism_counts_only_favourable_tied_outcomes(cli, real_store):
    res = run_json(cli, real_store, "wat-werkt", "--uitkomst", "verzuim", "--limit", "30")
    for a in res["interventions"]:
        for c in a["configurations"]:
            assert c["outcome"] == "verzuim"
        tied_good = {c["case"] for c in a["configurations"] if c["direct"] and c["favourability"] == "favourable"}
        assert a["favourable"] == len(tied_good)
        assert a["evidence"]["reason"] and a["evidence"]["label"]
    # the ranking follows the documented rule: level first, then net favourable cases
    from watwerkt.queries.what_works import LEVELS

    keys = [(LEVELS.index(a["evidence"]["level"]), -(a["favourable"] - a["unfavourable"])) for a in res["interventions"]]
    assert keys == sorted(keys)


def test_works_council_named_as_angel(cli, real_store):
    # Oss (boek 2218-2222: good talks between works council and others, "engelen"), Bronckhorst
    # (1527: the relation between works council and executive is an angel), Emmen (2525-2528)
    res = run_json(cli, real_store, "engelen-beren", "--actor", "OR", "--polariteit", "engel")
    assert {i["case"] for i in res["items"]} == {"oss", "bronckhorst", "emmen"}
    assert all(i["basis"] == "named" and i["anchors"] for i in res["items"])


def test_default_lists_only_named_items(cli, real_store):
    named = run_json(cli, real_store, "engelen-beren")
    every = run_json(cli, real_store, "engelen-beren", "--basis", "alle")
    assert {i["basis"] for i in named["items"]} == {"named"}
    assert len(every["items"]) > len(named["items"])
    assert {i["basis"] for i in every["items"]} == {"named", "interpreted"}


def test_managers_are_the_most_named_factor(cli, real_store):
    res = run_json(cli, real_store, "engelen-beren", "--per", "factor")
    top = res["per_factor"][0]
    assert top["factor"] == "leidinggevende" and top["angels"] > 0 and top["bears"] > 0


def test_factor_taxonomy_has_five_groups(cli, real_store):
    rows = run_json(cli, real_store, "factoren")
    assert [r["factor"] for r in rows if r["is_group"]] == ["persoonlijk", "sociaal", "werkgever", "werk", "omgeving"]
    assert len([r for r in rows if not r["is_group"]]) == 25


def test_s_hertogenbosch_reports_low_absenteeism(cli, real_store):
    # boek 4530: sector FIB in 's-Hertogenbosch has low absenteeism (2.9%)
    res = run_json(cli, real_store, "uitkomsten", "--uitkomst", "verzuim")
    assert any("s-hertogenbosch" in r["cases"] for r in res["rows"])


def test_carli_went_from_gardener_to_foreman_at_43(cli, real_store):
    # boek 216-222: Carli van Heeswijk (43) began as a gardener in Schijndel, now foreman
    rows = run_json(cli, real_store, "loopbanen")
    carli = [r for r in rows if r["case"] == "carli"]
    assert any(r["age"] == 43 and "tuinman" in r["from_role"] and "voorman" in r["to_role"] for r in carli)
    res = run_json(cli, real_store, "vergelijk", "carli", "ton")
    assert [c["id"] for c in res] == ["carli", "ton"] and "Schijndel" in res[0]["municipalities"]


def test_oss_course_paid_by_two_external_participants(cli, real_store):
    # boek 80-81: two paying outsiders cover the cost of the course
    rows = run_json(cli, real_store, "kerngetallen", "--case", "oss")
    assert any(r["value"] == 2 for r in rows)


def test_emmen_repeated_heading_is_a_finding_of_that_case(cli, real_store):
    # boek 2423 and 2492: the heading "what does it deliver in Emmen" is printed twice
    rows = run_json(cli, real_store, "bevindingen", "--case", "emmen")
    assert any(r["kind"] == "kop-dubbel" for r in rows)


def test_three_self_direction_groups(cli, real_store):
    rows = run_json(cli, real_store, "onderzoek", "groepen")
    assert {r["group"] for r in rows} == set(TABLE)
    assert all(r["characteristics"] for r in rows)


def test_every_filter_echoes_its_resolution(cli, real_store):
    code, out, err = cli("wat-werkt", "--store", str(real_store), "--doelgroep", "buitendinst", "--limit", "1")
    assert code == 0 and "'buitendinst' → Buitendienst" in out
    code, out, err = cli("wat-werkt", "--store", str(real_store), "--doelgroep", "xyzzy")
    assert code == 2 and err.count("\n") == 1 and "termen doelgroepen" in err
    code, out, err = cli("gaten", "--store", str(real_store), "--doelgroep", "")
    assert code == 2 and err.startswith("watwerkt: lege waarde") and "Traceback" not in err
