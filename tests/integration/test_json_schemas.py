"""Every listing's JSON is documented by a schema in docs/schemas/, generated from its typed result.

The schema of a command is the JSON Schema of the frozen dataclasses its question returns
(pydantic's TypeAdapter); refresh the files with ``pytest --update-golden``. The command's real
JSON output must validate against it.
"""

import importlib
import json
from pathlib import Path

import jsonschema
import pytest

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"

# command -> (arguments, "module:type" of its result; None: schema kept by hand)
COMMANDS = {
    "cases": (["cases"], "tuple[watwerkt.queries.cases:CaseRow]"),
    "case": (["case", "liane"], "watwerkt.queries.case_card_types:CaseCard"),
    "wat-werkt": (["wat-werkt", "--doelgroep", "richtingzoekers", "--limit", "3"], "watwerkt.queries.what_works:WhatWorks"),
    "engelen-beren": (["engelen-beren"], "watwerkt.queries.angels_bears:AngelsBears"),
    "factoren": (["factoren"], "tuple[watwerkt.queries.overview:FactorRow]"),
    "uitkomsten": (["uitkomsten"], "watwerkt.queries.overview:Outcomes"),
    "vergelijk": (["vergelijk", "oss", "carli"], "tuple[watwerkt.queries.overview:CaseSummary]"),
    "gaten": (["gaten", "--doelgroep", "buitendienst"], "watwerkt.queries.overview:Gaps"),
    "termen": (["termen", "doelgroepen"], "tuple[watwerkt.queries.catalogue:TermRow]"),
    "kerngetallen": (["kerngetallen"], "tuple[watwerkt.queries.catalogue:KeyNumberRow]"),
    "bevindingen": (["bevindingen"], "tuple[watwerkt.queries.catalogue:FindingRow]"),
    "onderzoek": (["onderzoek", "triggers"], "tuple[watwerkt.queries.catalogue:StatementRow]"),
    "programmas": (["programmas"], "tuple[watwerkt.queries.catalogue:PracticeRow]"),
    "loopbanen": (["loopbanen"], "tuple[watwerkt.queries.catalogue:CareerRow]"),
    "zoek": (["zoek", "mobiliteitscentrum"], None),
}


def _type(spec: str):
    many = spec.startswith("tuple[")
    module, _, name = spec.removeprefix("tuple[").removesuffix("]").partition(":")
    t = getattr(importlib.import_module(module), name)
    return tuple[t, ...] if many else t


def generated(spec: str) -> dict:
    from pydantic import TypeAdapter

    return TypeAdapter(_type(spec)).json_schema()


@pytest.mark.parametrize("name", sorted(n for n, (_a, s) in COMMANDS.items() if s))
def test_schema_is_generated_from_the_result_type(name, request):
    path = SCHEMAS / f"{name}.json"
    want = generated(COMMANDS[name][1])
    if request.config.getoption("--update-golden"):
        path.write_text(json.dumps(want, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == want, f"{path} is stale (pytest --update-golden)"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_json_matches_schema(cli, real_store, name):
    code, out, err = cli(*COMMANDS[name][0], "--store", str(real_store), "--format", "json")
    assert code == 0, err
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)


def test_every_listing_has_a_schema():
    assert {p.stem for p in SCHEMAS.glob("*.json")} == set(COMMANDS)
