"""The query layer on the invented kitchen-sink graph: terms, what works, the other questions."""

import pytest

from watwerkt.errors import UsageError
from watwerkt.graph.store import open_store
from watwerkt.queries.knowledge import (
    Knowledge,
    angels_and_bears,
    compare,
    factor_table,
    what_works,
)
from watwerkt.queries.runner import all_queries, load_query
from watwerkt.queries.search import search
from watwerkt.render import Column, as_table


@pytest.fixture(scope="module")
def k(kitchen_store):
    return Knowledge(open_store(kitchen_store), "nl")


def test_terms_resolve_labels_synonyms_and_typos(k):
    for term in ("lage eigen regie", "Weinig Zelfregie", "noodzaakgestuurde-leerders", "lage eigen regi"):
        assert k.terms.resolve(term, ("doelgroepen",), "--doelgroep") == ("doelgroepen", "noodzaakgestuurde-leerders")
    with pytest.raises(UsageError) as exc:
        k.terms.resolve("marsmannetjes", ("doelgroepen",), "--doelgroep")
    assert exc.value.exit_code == 2 and "onbekende term voor --doelgroep: 'marsmannetjes'" in str(exc.value)


def test_what_works_for_a_group_shows_the_research_table(k):
    res = what_works(k, group="hoge eigen regie", quotes=True)
    assert [(r.element, r.works) for r in res.works_table] == [("werkt-a-01", True)]
    # the career shop is linked to element werkt-a-01 and lowered absenteeism
    assert res.works_table[0].supporting == ["voorbeeldstad"]
    top = res.answers[0]
    assert top.type == "mobiliteitscentrum" and top.research == "werkt"
    assert top.evidence[0].quote["quote"] == "opende in 2011 een loopbaanwinkel"


def test_what_works_filters_by_context_outcome_and_factor(k):
    assert [a.type for a in what_works(k, context="bezuinigingen").answers] == ["mobiliteitscentrum"]
    assert what_works(k, outcome="verzuim").answers[0].outcomes == {"verzuim:down": 1}
    assert {a.type for a in what_works(k, factor="zelfvertrouwen").answers} == {"opleiding"}


def test_angels_and_bears_count_polarity_and_flips(k):
    rows = {r["factor"]: r for r in angels_and_bears(k)["rows"]}
    assert rows["zelfvertrouwen"]["angels"] == 1 and rows["zelfvertrouwen"]["bears"] == 1
    assert rows["zelfvertrouwen"]["flips"] == ["piet"]


def test_factor_table_and_compare_and_search(k):
    by = {r["factor"]: r for r in factor_table(k)}
    assert by["leidinggevende"]["case_angels"] == 2 and by["leidinggevende"]["research_angels"] == 1
    rows = compare(k, ["voorbeeldstad", "piet"])
    assert rows[1]["group_fit"] == "zelfsturende-groeiers"
    with pytest.raises(UsageError, match="onbekende casus"):
        compare(k, ["nergens"])
    nodes = [h["node"] for h in search(k, "LOOPBAANWINKL")]
    assert "concept/interventietypen/mobiliteitscentrum" in nodes and "interventie/vbs-loopbaanwinkel" in nodes


def test_every_named_query_documents_itself():
    for q in all_queries():
        assert q.description and q.example.startswith("watwerkt "), q.name
        assert load_query(q.name).text.count("{") == load_query(q.name).text.count("}")


def test_tables_fit_80_columns():
    rows = [{"a": "x" * 200, "b": "y" * 200, "c": 3}]
    out = as_table(rows, [Column("a", "a", "a"), Column("b", "b", "b"), Column("c", "c", "c")], "nl")
    assert max(len(line) for line in out.splitlines()) <= 80
