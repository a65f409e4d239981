"""Hostile input on the real graph: injections through every parameter, read-only SPARQL, search privacy.

The answers themselves are pinned in test_answers.py."""

import json

import pytest

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
