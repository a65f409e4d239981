"""The search index the build writes for ``zoek`` (watwerkt.graph.search_index).

It must give the answers of the query path exactly (rows, scores, order), be read from the
canonical N-Triples the same way the store reads them, hold no contact detail, be the same
bytes for the same graph, and be ignored when it is missing or belongs to another build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watwerkt.folding import fold
from watwerkt.graph import search_index as si
from watwerkt.queries.runner import run
from watwerkt.queries.search import search

ID = "https://w3id.org/watwerkt/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DC = "http://purl.org/dc/terms/"
WW = "https://w3id.org/watwerkt/def#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Invented texts. Written as N-Triples by hand, with the escapes N-Triples allows.
NT = "\n".join(f"{line} ." for line in [
    f'<{ID}case/a> <{RDFS}label> "Loopbaancoach Caf\\u00e9"@nl',
    f'<{ID}case/a> <{DC}description> "Een \\"citaat\\" met\\nnieuwe regel,\\ttab en \u00e9\u00e9n \u2019k"',
    f'<{ID}case/b> <{RDFS}label> "loopbaan"',
    f'<{ID}case/b> <{SKOS}altLabel> "loopbaancoach"@nl',
    f'<{ID}case/b> <{DC}title> "loopbaan"',
    f'<{ID}case/c> <{RDFS}comment> "tekst met <{RDFS}label> \\"nep\\" erin"',
    f'<{ID}case/d> <{DC}title> "Bel 06-12345678 of mail p.jansen@voorbeeld.nl over loopbaan"',
    f'<{ID}case/e> <{RDFS}label> "!!!"',
    f'<{ID}case/f> <{RDFS}label> "Mobiliteitsbureau"^^<{XSD}string>',
    f'<{ID}concept/t/mob> <{SKOS}prefLabel> "Mobiliteit"@nl',
    f'<{ID}concept/t/mob> <{SKOS}prefLabel> "Mobility"@en',
    f'<{ID}config/c1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{WW}Configuration>',
    f'<{ID}config/c1> <{RDFS}label> "loopbaan configuratie"',
    f'<{ID}config/c1> <{WW}anchor> <{ID}anchor/1>',
    f'<{ID}intervention/i> <{RDFS}label> "Werkplekleren"',
    f'<{ID}intervention/i> <{WW}anchor> <{ID}anchor/1>',
    f'<{ID}intervention/i> <{WW}anchor> _:b1',
    f'<{ID}intervention/j> <{RDFS}label> "Werkplek leren"',
    f'<{ID}intervention/j> <{DC}description> "Loopbaangesprekken"',
    f'<{ID}anchor/1> <{WW}quote> "zij zei: de loopbaan is alles"',
    f'_:b1 <{WW}quote> "een citaat aan een leeg anker, over lopbaan"',
    f'<http://example.org/elders> <{RDFS}label> "loopbaan elders"',
    f'<{ID}anchor/p1> <{WW}searchText> "Hier staat loopbaan in de tekst en nog eens Loopbaan."',
    f'<{ID}anchor/p1> <{OA}hasSource> <{ID}source/boek>',
    f'<{ID}anchor/p1> <{OA}start> "10"^^<{XSD}integer>',
    f'<{ID}anchor/p1> <{WW}line> "3"^^<{XSD}integer>',
    f'<{ID}anchor/p2> <{WW}searchText> "Een passage zonder regelnummer over loopb\u00e1\u00e1n."',
    f'<{ID}anchor/p2> <{OA}hasSource> <{ID}source/artikel>',
    f'<{ID}anchor/p2> <{OA}start> "5"^^<{XSD}integer>',
]) + "\n"
QUERIES = ["loopbaan", "Loopbaan", "lopbaan", "LOOPBAAN coach", "café", "cafe", "mobiliteit", "mobilitiet",
           "werkplek leren", "werkplekleren", "citaat", "een", "e", "xyzzy", "nieuwe regel", "’k", "k",
           "loopbáán", "mob", "zij zei"]


def _store(nt: bytes):
    store = ox.Store()
    store.bulk_load(nt, ox.RdfFormat.N_TRIPLES)
    return store


def _index(nt: bytes, store) -> si.SearchIndex:
    return si.SearchIndex(Path("mem"), si.index_bytes(si.label_rows(nt), si.passage_rows(store)))


def _query_rows(store) -> set[tuple[str, str, str]]:
    return {(r["node"], r["kind"], r["text"]) for r in run(store, "labels")}


def _rows(hits) -> list[tuple]:
    return [(h.node, h.kind, h.match, h.text, h.score) for h in hits]


def test_rows_from_the_n_triples_are_those_of_the_labels_query():
    nt = NT.encode()
    rows = si.label_rows(nt)
    assert rows == _query_rows(_store(nt))
    assert (f"{ID}intervention/i", "quote", "een citaat aan een leeg anker, over lopbaan") in rows
    assert not any(r[0].startswith(f"{ID}config/") or "nep" in r[2] for r in rows)


def test_rows_from_oxigraphs_own_n_triples_too():
    """The same rows whatever writes the N-Triples (here Oxigraph's serialiser, sorted)."""
    store = _store(NT.encode())
    lines = sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines(True))
    assert si.label_rows(b"".join(lines)) == _query_rows(store)


@pytest.mark.parametrize("limit", [1, 3, 20, 200])
def test_the_index_answers_as_the_query_path(limit):
    nt = NT.encode()
    store = _store(nt)
    index = _index(nt, store)
    for q in QUERIES:
        assert _rows(search(None, q, limit, index=index)) == _rows(search(store, q, limit)), q
    assert len(search(None, "loopbaan", 200, index=index)) >= 8  # not vacuous


def test_ties_go_to_the_first_kind_then_the_first_text():
    nt = NT.encode()
    hits = {h.node: h for h in search(None, "loopbaan", 50, index=_index(nt, _store(nt)))}
    assert hits["case/b"].match == "label" and hits["case/b"].score == 100.0  # label before title


def test_the_kitchen_store_answers_as_before(kitchen_store):
    """On a store the build wrote: the index is there and gives the query path's answers."""
    from watwerkt.graph.store import open_store

    index = si.open_index(kitchen_store)
    assert index is not None and index.passages
    store = open_store(kitchen_store)
    texts = index.texts
    queries = ["loopbaan", "ontwikkeling", "coach", "xyzzy", "de", texts[0][:6], texts[len(texts) // 2][2:12],
               texts[-1][-9:]]
    for q in filter(fold, queries):
        for limit in (5, 200):
            assert _rows(search(None, q, limit, index=index)) == _rows(search(store, q, limit)), q
    nt = (Path(os.path.realpath(kitchen_store)) / "graph.nt").read_bytes()
    assert si.label_rows(nt) == _query_rows(store)


def test_no_contact_detail_in_the_index():
    nt = (NT + f'<{ID}case/k> <{RDFS}label> "Mail info(at)gemeente.nl of bel +31 6 1234 5678" .\n').encode()
    data = si.index_bytes(si.label_rows(nt), si.passage_rows(_store(nt)))
    for detail in (b"12345678", b"voorbeeld", b"jansen", b"gemeente", b"1234 5678", b"5678"):
        assert detail not in data, detail
    index = si.SearchIndex(Path("mem"), data)
    assert [h.text for h in search(None, "over loopbaan", 5, index=index) if h.node == "case/d"] == [
        "Bel [contact] of mail [contact] over loopbaan"]
    assert not [h for h in search(None, "12345678", 20, index=index) if h.node == "case/d"]


def test_same_graph_same_bytes():
    nt = NT.encode()
    rows = si.label_rows(nt)
    passages = si.passage_rows(_store(nt))
    a = si.index_bytes(rows, passages, "abc")
    assert a == si.index_bytes(set(sorted(rows, reverse=True)), passages, "abc")
    assert a[:8] == si.MAGIC and len(a) % 8 == 0


def test_an_empty_graph_gives_an_empty_index():
    index = si.SearchIndex(Path("mem"), si.index_bytes(set(), []))
    assert search(None, "loopbaan", 20, index=index) == ()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_fast_fold_of_ascii_equals_fold(text):
    assert si.fast_fold(text) == fold(text)


def _build(tmp_path: Path) -> Path:
    from watwerkt.graph.store import write_store

    store = tmp_path / "store"
    write_store(NT.splitlines(keepends=True), store, {"cases": 0})
    return store


def _zoek(cli, store, *args):
    code, out, err = cli("zoek", "loopbaan", "--store", str(store), "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def test_zoek_uses_the_index_and_falls_back_without_it(cli, tmp_path):
    store = _build(tmp_path)
    version = Path(os.path.realpath(store))
    assert (version / si.NAME).is_file()
    assert si.open_index(store) is not None
    with_index = _zoek(cli, store)
    assert any(h["node"] == "corpus/boek:3" for h in with_index) and any(h["node"] == "case/b" for h in with_index)
    (version / si.NAME).unlink()  # a store of an older build
    assert si.open_index(store) is None
    assert _zoek(cli, store) == with_index


def test_an_index_of_another_build_is_ignored(tmp_path):
    store = _build(tmp_path)
    version = Path(os.path.realpath(store))
    info = json.loads((version / "build.json").read_text(encoding="utf-8"))
    assert si.open_index(store).header["nt_sha256"] == info["nt_sha256"]
    (version / "build.json").write_text(json.dumps({**info, "nt_sha256": "0" * 64}), encoding="utf-8")
    assert si.open_index(store) is None


def test_zoek_on_the_index_does_not_load_the_store_engine(tmp_path):
    store = _build(tmp_path)
    code = ("import sys\nfrom watwerkt.cli import main\n"
            f"rc = main(['zoek', 'loopbaan', '--store', {str(store)!r}, '--format', 'json'])\n"
            "print('pyoxigraph' in sys.modules, rc, file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == "False 0", proc.stderr
    assert json.loads(proc.stdout)


def test_write_index_from_bytes_or_from_the_file(tmp_path):
    nt = NT.encode()
    (tmp_path / "graph.nt").write_bytes(nt)
    store = _store(nt)
    a = (tmp_path / "a").mkdir() or si.write_index(tmp_path / "a", nt, store, "x").read_bytes()
    b = (tmp_path / "b").mkdir() or si.write_index(tmp_path / "b", tmp_path / "graph.nt", store, "x").read_bytes()
    assert a == b
