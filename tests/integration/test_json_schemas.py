"""Every listing's JSON is documented by a schema in docs/schemas/ and stays within it."""

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"

COMMANDS = {
    "cases": ["cases"],
    "case": ["case", "liane"],
    "wat-werkt": ["wat-werkt", "--doelgroep", "richtingzoekers", "--limit", "3"],
    "engelen-beren": ["engelen-beren"],
    "factoren": ["factoren"],
    "uitkomsten": ["uitkomsten"],
    "vergelijk": ["vergelijk", "oss", "carli"],
    "zoek": ["zoek", "mobiliteitscentrum"],
    "gaten": ["gaten", "--doelgroep", "buitendienst"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_json_matches_schema(cli, real_store, name):
    code, out, err = cli(*COMMANDS[name], "--store", str(real_store), "--format", "json")
    assert code == 0, err
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)


def test_every_listing_has_a_schema():
    assert {p.stem for p in SCHEMAS.glob("*.json")} == set(COMMANDS)
