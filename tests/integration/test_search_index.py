"""On the real graph, ``zoek`` over the build's index answers exactly as the query path did:
the same rows in the same order, for accents, several words, typos and no hits."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from watwerkt.graph import search_index as si
from watwerkt.queries.runner import run
from watwerkt.queries.search import search

QUERIES = ["loopbaan", "werkvlekken", "Café", "cafe", "één", "leren en ontwikkelen", "lopbaan", "mobilitiet",
           "loopbaanbegeleiding", "gemeente schiedam", "coach", "ambtenaar", "de", "e", "xyzzyq",
           "qqqq zzzz", "zelfregie", "’t", "duurzame inzetbaarheid"]


@pytest.fixture(scope="module")
def both(real_store):
    from watwerkt.graph.store import open_store

    index = si.open_index(real_store)
    assert index is not None
    return open_store(real_store), index


def _rows(hits):
    return [(h.node, h.kind, h.match, h.text, h.score) for h in hits]


@pytest.mark.parametrize("q", QUERIES)
def test_same_rows_same_order(both, q):
    store, index = both
    for limit in (20, 200):
        assert _rows(search(None, q, limit, index=index)) == _rows(search(store, q, limit))


def test_the_queries_find_something(both):
    _store, index = both
    found = {q: len(search(None, q, 200, index=index)) for q in QUERIES}
    assert found["xyzzyq"] == 0 and found["qqqq zzzz"] == 0
    assert found["loopbaan"] > 100 and found["lopbaan"] > 100 and found["Café"] > 0 and found["werkvlekken"] > 0


def test_the_index_rows_are_the_labels_query(both, real_store):
    store, _index = both
    nt = (Path(os.path.realpath(real_store)) / "graph.nt").read_bytes()
    assert si.label_rows(nt) == {(r["node"], r["kind"], r["text"]) for r in run(store, "labels")}


def test_the_cli_answers_from_the_index(cli, both, real_store):
    store, _index = both
    code, out, err = cli("zoek", "Loopbaan", "--store", str(real_store), "--format", "json", "--limit", "200")
    assert code == 0, err
    assert [h["node"] for h in json.loads(out)] == [h.node for h in search(store, "Loopbaan", 200)]
