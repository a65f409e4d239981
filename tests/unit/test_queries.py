"""The question functions on the invented kitchen-sink graph: terms, what works, the other questions."""

import pytest

from watwerkt.errors import UsageError
from watwerkt.graph.store import open_store
from watwerkt.queries.angels_bears import angels_and_bears
from watwerkt.queries.common import Vocabulary
from watwerkt.queries.overview import compare, factor_table, gaps, outcome_table
from watwerkt.queries.runner import all_queries, load_query
from watwerkt.queries.what_works import what_works


@pytest.fixture(scope="module")
def store(kitchen_store):
    return open_store(kitchen_store)


def test_terms_resolve_labels_synonyms_and_typos(store):
    v = Vocabulary(store)
    for term in ("lage eigen regie", "Weinig Zelfregie", "noodzaakgestuurde-leerders", "lage eigen regi"):
        assert v.resolve(term, ("doelgroepen",), "--doelgroep").id == "noodzaakgestuurde-leerders"
    assert v.resolve("lage eigen regi", ("doelgroepen",), "--doelgroep").how == "typo"
    with pytest.raises(UsageError) as exc:
        v.resolve("marsmannetjes", ("doelgroepen",), "--doelgroep")
    assert exc.value.exit_code == 2 and "onbekende term voor --doelgroep: 'marsmannetjes'" in str(exc.value)
    with pytest.raises(UsageError):
        v.resolve("%s", ("doelgroepen",), "--doelgroep")  # two letters are never a typo of anything


def test_what_works_for_a_self_direction_group(store):
    res = what_works(store, group="hoge eigen regie")
    # Piet is coded for the high group; the research cell werkt-a-01 is applied elsewhere (Voorbeeldstad)
    assert res.cases_in_scope == 1 and {c for a in res.interventions for c in a.cases} == {"piet"}
    assert [(c.element, c.works) for c in res.works_table] == [("werkt-a-01", True)]
    assert res.works_table[0].applied_elsewhere == ("voorbeeldstad",) and not res.works_table[0].supporting


def test_what_works_filters_by_context_outcome_and_factor(store):
    top = what_works(store, context="bezuinigingen").interventions
    assert [a.type for a in top] == ["mobiliteitscentrum"]
    assert top[0].favourable == 1 and top[0].research.verdict == "works"
    verzuim = what_works(store, outcome="verzuim").interventions[0]
    assert {(c.outcome, c.direction, c.favourability) for c in verzuim.configurations} == {("verzuim", "down", "favourable")}
    assert {a.type for a in what_works(store, factor="zelfvertrouwen").interventions} == {"opleiding"}


def test_angels_and_bears_items_named_first(store):
    named = angels_and_bears(store)
    assert {i.basis for i in named.items} == {"named"}
    every = angels_and_bears(store, basis="alle")
    assert len(every.items) == len(named.items) + 1
    assert {i.actor for i in angels_and_bears(store, actor="wethouder", basis="alle").items} == {"de wethouder"}
    counts = {c.factor: c for c in angels_and_bears(store, per_factor=True, basis="alle").per_factor}
    assert counts["zelfvertrouwen"].angels == 1 and counts["zelfvertrouwen"].bears == 1


def test_factor_table_outcomes_gaps_and_compare(store):
    by = {r.factor: r for r in factor_table(store)}
    assert by["leidinggevende"].named_angels == 2 and by["leidinggevende"].research_mentions == 1
    rows = outcome_table(store, "verzuim").rows
    assert [(r.intervention, r.favourable) for r in rows] == [("mobiliteitscentrum", 1)]
    g = gaps(store, ("zelfsturende-groeiers",))
    assert g.rows and all(r.group == "zelfsturende-groeiers" for r in g.rows)
    pair = compare(store, ["voorbeeldstad", "piet"])
    assert pair[1].group_fit and pair[0].named_angels == ("de wethouder",)
    with pytest.raises(UsageError, match="onbekende casus"):
        compare(store, ["nergens"])


def test_every_named_query_documents_itself():
    for q in all_queries():
        assert q.description and q.example.startswith("watwerkt "), q.name
        assert load_query(q.name).text.count("{") == load_query(q.name).text.count("}")


def test_optional_lines_are_kept_by_presence_only():
    q = load_query("what-works")
    body = [line for line in q.text.splitlines() if not line.startswith("#")]
    marked = [line for line in body if line.rstrip().endswith("# if ?sdgroup")]
    assert marked and all(line.split("#")[0].rstrip() not in q.text_for(set()) for line in marked)
    assert all(line.split("#")[0].rstrip() in q.text_for({"sdgroup"}) for line in marked)
