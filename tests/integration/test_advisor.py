"""The advisor's questions on the real graph, checked against what the sources say."""

import json

import pytest

# Table 3.2 of the NRO report (002_...txt lines 919-985), read by a person: the number of
# "works" and "works less" cells per group, and a few cells by their words.
TABLE = {
    "zelfsturende-groeiers": (8, 3, ["Zelfgestuurde", "Micromanagement"]),
    "richtingzoekers": (6, 4, ["Taakverbreding", "Lange theoretische"]),
    "noodzaakgestuurde-leerders": (7, 4, ["Micro-learning", "Veel autonomie"]),
}


def ww(cli, store, *args):
    code, out, err = cli("wat-werkt", "--store", str(store), "--format", "json", "--no-quotes", *args)
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("term,group", [
    ("lage eigen regie", "noodzaakgestuurde-leerders"),
    ("weinig zelfregie", "noodzaakgestuurde-leerders"),
    ("Noodzaakgestuurde leerders", "noodzaakgestuurde-leerders"),
    ("gematigde eigen regie", "richtingzoekers"),
    ("Richtingzoekers", "richtingzoekers"),
    ("hoge eigen regie", "zelfsturende-groeiers"),
    ("high self-direction", "zelfsturende-groeiers"),
])
def test_each_group_reproduces_its_row_of_table_3_2(cli, real_store, term, group):
    res = ww(cli, real_store, "--doelgroep", term)
    assert res["filters"]["doelgroep"] == group
    rows = res["works_table"]
    works, less, words = TABLE[group]
    assert sum(r["works"] for r in rows) == works
    assert sum(not r["works"] for r in rows) == less
    assert {r["group"] for r in rows} == {group}
    labels = " ".join(r["label"] for r in rows)
    for w in words:
        assert w in labels


def test_answers_carry_their_evidence(cli, real_store):
    res = ww(cli, real_store, "--doelgroep", "richtingzoekers")
    assert res["answers"], "practice evidence expected for the moderate group"
    top = res["answers"][0]
    assert top["research"] == "werkt"  # what the research says works comes first
    assert top["cases"] and top["evidence"]
    assert {"praktijk", "onderzoek"} <= set(top["basis"])
    for a in res["answers"]:
        assert a["stated"] + a["interpreted"] == len(a["evidence"])


def test_context_and_outcome_filters(cli, real_store):
    res = ww(cli, real_store, "--context", "bezuinigingen", "--uitkomst", "inzetbaarheid")
    cases = {c for a in res["answers"] for c in a["cases"]}
    # Oss started because of expected budget cuts (boek.txt 119-126) and reports employability
    assert "oss" in cases
    assert res["filters"] == {"doelgroep": None, "context": "bezuinigingen", "uitkomst": "inzetbaarheid", "factor": None}


def test_quotes_come_with_the_corpus(cli, real_store):
    code, out, _ = cli("wat-werkt", "--store", str(real_store), "--format", "json", "--doelgroep", "richtingzoekers",
                       "--limit", "2")
    res = json.loads(out)
    quotes = [e["quote"] for a in res["answers"] for e in a["evidence"] if e["quote"]]
    assert quotes and all(q["quote"] and q["anchor"].startswith("boek:") for q in quotes)


def test_managers_are_the_most_named_factor(cli, real_store):
    # the glossary and the report: the manager is the factor named most, helping and hindering
    code, out, _ = cli("engelen-beren", "--store", str(real_store), "--format", "json")
    rows = json.loads(out)["rows"]
    assert rows[0]["factor"] == "leidinggevende"
    assert rows[0]["angels"] > 0 and rows[0]["bears"] > 0 and rows[0]["flips"]


def test_factor_taxonomy_has_five_groups(cli, real_store):
    code, out, _ = cli("factoren", "--store", str(real_store), "--format", "json")
    rows = json.loads(out)
    assert [r["factor"] for r in rows if r["is_group"]] == ["persoonlijk", "sociaal", "werkgever", "werk", "omgeving"]
    assert len([r for r in rows if not r["is_group"]]) == 25
    # Figure 3.1: the manager and development opportunities are among the most-named stimulating factors
    by = {r["factor"]: r for r in rows}
    assert by["leidinggevende"]["research_angels"] > 0 and by["ontwikkelmogelijkheden"]["research_angels"] > 0


def test_absenteeism_outcomes_include_s_hertogenbosch(cli, real_store):
    # boek.txt 4530: sector FIB in 's-Hertogenbosch has low absenteeism (2.9%)
    code, out, _ = cli("uitkomsten", "--store", str(real_store), "--uitkomst", "verzuim", "--format", "json")
    rows = json.loads(out)
    assert any("s-hertogenbosch" in r["cases"] for r in rows)


def test_compare_and_search(cli, real_store):
    code, out, _ = cli("vergelijk", "carli", "ton", "--store", str(real_store), "--format", "json")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["carli", "ton"] and rows[1]["group_fit"]
    code, out, _ = cli("zoek", "Klusenbank", "--store", str(real_store), "--format", "json")
    assert any("klussenbank" in h["node"] for h in json.loads(out))
    code, out, _ = cli("zoek", "ÉPORTFOLIO", "--store", str(real_store), "--format", "json")
    assert any("carli" in h["node"] for h in json.loads(out))


def test_gaps_list_combinations_without_evidence(cli, real_store):
    code, out, _ = cli("gaten", "--store", str(real_store), "--doelgroep", "middengroep", "--format", "json")
    rows = json.loads(out)
    assert rows and all(r["group"] == "middengroep" for r in rows)
    assert any(r["missing"] for r in rows)


INJECTIONS = ['" } ; DROP ALL ; #', "'; DELETE WHERE { ?s ?p ?o } #", "} UNION { ?s ?p ?o }",
              "SELECT * WHERE {", "lage\neigen regie\n} INSERT DATA { <a:b> <a:c> <a:d> }", "{{lang}}", "%s"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_through_every_parameter(cli, real_store, value):
    from watwerkt.graph.store import read_info

    before = read_info(real_store)["nt_sha256"]
    for option in ("--doelgroep", "--context", "--uitkomst", "--factor"):
        code, out, err = cli("wat-werkt", "--store", str(real_store), option, value)
        assert code == 2 and "Traceback" not in err and err.startswith("watwerkt: onbekende term"), (option, err)
        assert out == ""
    code, out, err = cli("case", value, "--store", str(real_store))
    assert code == 2 and "Traceback" not in err
    code, out, err = cli("vergelijk", "oss", value, "--store", str(real_store))
    assert code == 2 and "Traceback" not in err
    code, out, err = cli("zoek", value, "--store", str(real_store), "--format", "json")
    assert code in (0, 2) and "Traceback" not in err
    code, out, err = cli("engelen-beren", "--store", str(real_store), "--actor", value)
    assert code in (0, 2) and "Traceback" not in err  # a plain text filter: it may match an actor
    assert read_info(real_store)["nt_sha256"] == before


@pytest.mark.parametrize("query", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/x>",
    "CLEAR ALL",
    "DROP GRAPH <urn:g>",
    "CREATE GRAPH <urn:g>",
    "prefix x: <urn:x> insert { ?s x:p 1 } where { ?s ?p ?o }",
])
def test_sparql_refuses_updates(cli, real_store, query):
    code, out, err = cli("sparql", query, "--store", str(real_store))
    assert code == 2 and err.startswith("watwerkt: alleen lezen:") and out == ""


def test_sparql_reads(cli, real_store):
    q = ('PREFIX ww: <https://w3id.org/watwerkt/def#> SELECT ?p (COUNT(?i) AS ?n) '
         'WHERE { ?i a ww:Influence ; ww:polarity ?p } GROUP BY ?p ORDER BY ?p  # no INSERT here')
    code, out, err = cli("sparql", q, "--store", str(real_store), "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2 and all(r["n"] > 50 for r in rows)
    code, out, err = cli("sparql", "SELEKT nonsense", "--store", str(real_store))
    assert code == 2 and err.startswith("watwerkt: ongeldige SPARQL") and "Traceback" not in err


@pytest.mark.parametrize("text", ["oss.nl", "ockham-ips", "06 - 11", "@", "CONTACTGEGEVENS"])
def test_search_never_shows_contact_details(cli, real_store, real_corpus, text):
    import re

    code, out, err = cli("zoek", text, "--store", str(real_store), "--format", "json", "--limit", "200",
                         env={"WATWERKT_CORPUS": str(real_corpus)})
    assert code in (0, 2)
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+|\b0\d{1,3} ?- ?\d{2,3} ?\d{2} ?\d{2}", out)


def test_search_reaches_the_corpus_text(cli, real_store, real_corpus):
    code, out, _ = cli("zoek", "werkvlekken", "--store", str(real_store), "--format", "json",
                       env={"WATWERKT_CORPUS": str(real_corpus)})
    hits = json.loads(out)
    assert any(h["node"].startswith("corpus/boek:") for h in hits)  # Emmen, boek.txt 2421
