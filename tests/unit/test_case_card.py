"""The case card on the invented kitchen data: every part, named before interpreted, no contact data."""

from __future__ import annotations

import json

import pytest

from watwerkt.queries.case_card import case_card
from watwerkt.queries.case_card_view import case_card_view
from watwerkt.queries.runner import load_query


@pytest.fixture(scope="module")
def store(kitchen_store):
    from watwerkt.graph.store import open_store

    return open_store(kitchen_store)


def test_organisation_card_has_every_part(store):
    c = case_card(store, "voorbeeldstad", "nl")
    assert (c.number, c.kind, c.subject) == (1, "organisation", "Gemeente Voorbeeldstad")
    assert c.summary == "Een verzonnen gemeente met een loopbaanwinkel."
    m = c.municipalities[0]
    assert (m.name, m.cbs_code, m.valid_until, m.merged_into, m.merged_into_code) == (
        "Voorbeeldstad", "GM9990", "2018", "Nieuwstad", "GM9991")
    assert [(p.name, p.role) for p in c.people] == [("Anna Appel", "hoofd HR")]
    assert [d.type for d in c.drivers] == ["bezuinigingen"]
    assert [(i.label, i.status) for i in c.interventions] == [("Loopbaanwinkel", "used")]
    assert [(o.type, o.direction, o.favourability, o.figure) for o in c.outcomes] == [
        ("verzuim", "down", "favourable", "3,1%")]  # less absenteeism is good
    assert [(k.value, k.unit) for k in c.numbers] == [(42.0, "medewerkers")]
    assert [x.text for x in c.lessons] == ["Kleine stappen werken."]
    assert [f.id for f in c.findings] == ["test-afbreking"]  # anchored inside the case's span
    assert [m.element for m in c.mechanisms] == ["werkt-a-01"]
    assert c.transitions == ()


def test_named_angels_and_bears_come_first_and_readings_are_marked(store):
    c = case_card(store, "piet", "nl")
    assert [(i.actor, i.basis) for i in c.influences] == [
        ("teamleider", "named"), ("angst voor de computer", "named"), ("gegroeid zelfvertrouwen", "read-in")]
    rows = case_card_view(c, "nl").table("invloeden").rows
    assert [r["actor"] for r in rows] == ["teamleider", "angst voor de computer", "gegroeid zelfvertrouwen *"]
    assert [r["basis"] for r in rows] == ["genoemd", "genoemd", "geïnterpreteerd"]


def test_employee_card_has_the_career_step_and_the_group_it_fits(store):
    c = case_card(store, "piet", "en")
    t = c.transitions[0]
    assert (t.person, t.age, t.from_role, t.to_role) == ("Piet Peer", 50, "refuse collector", "planner")
    assert c.self_direction == "zelfsturende-groeiers"
    assert c.people[0].employee and c.people[0].age == 50


def test_quotes_come_from_the_store_with_their_section(store):
    c = case_card(store, "piet", "nl")
    assert c.quotes, "the kitchen store is built with its corpus"
    q = next(q for q in c.quotes if q.claim == "piet-teamleider")
    assert q.text == "Zijn teamleider was een engel"
    assert q.section == "engelen-beren" and q.page is None and q.anchor == "boek:1353-1382"


def test_the_card_never_shows_the_contact_block(store):
    c = case_card(store, "voorbeeldstad", "nl")
    text = json.dumps(c, default=lambda o: getattr(o, "__dict__", str(o)), ensure_ascii=False)
    assert "@" not in text and "010-" not in text
    assert [s.personal for s in c.sections if s.type == "contact"] == [True]
    assert all(q.section != "contact" for q in c.quotes)


def test_every_part_is_a_query_with_the_case_bound():
    for name in ("case-card", "case-people", "case-municipalities", "case-drivers", "case-interventions",
                 "case-influences", "case-outcomes", "case-numbers", "case-lessons", "case-findings",
                 "case-transitions", "case-quotes", "case-mechanisms"):
        q = load_query(name)
        assert "?case" in q.params, name
        assert "?case" in q.text.split("WHERE")[0], name  # projected, so Oxigraph can bind it


def test_unknown_case_is_a_usage_error(store):
    from watwerkt.errors import UsageError

    with pytest.raises(UsageError) as e:
        case_card(store, "piett", "nl")
    assert "piet" in e.value.line("en")


def test_case_command_prints_the_card_and_its_json(cli, kitchen_store):
    code, out, err = cli("case", "voorbeeldstad", "--store", str(kitchen_store))
    assert code == 0, err
    for heading in ("Mensen en rollen", "Interventies", "Engelen en beren", "Uitkomsten", "Kerngetallen",
                    "Datakwaliteit", "GM9990", "Nieuwstad"):
        assert heading in out
    code, out, _ = cli("case", "piet", "--store", str(kitchen_store), "--format", "json", "--lang", "en")
    card = json.loads(out)
    assert card["transitions"][0]["to_role"] == "planner"
    assert [i["basis"] for i in card["influences"]] == ["named", "named", "read-in"]
    assert "_labels" not in card


def test_case_command_writes_a_pdf(cli, kitchen_store, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    target = tmp_path / "piet.pdf"
    code, out, err = cli("case", "piet", "--store", str(kitchen_store), "--format", "pdf", "-o", str(target))
    assert code == 0, err
    with pdfplumber.open(target) as pdf:
        text = " ".join((p.extract_text() or "") for p in pdf.pages)
    assert len(pdf.pages) == 1
    assert "Van vuilophaler naar planner" in " ".join(text.split())
