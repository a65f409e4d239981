"""The read-only SPARQL surface: hostile and odd queries end in one line, never a change.

Each bad query: exit status 2, exactly one line on stderr starting with ``watwerkt:``, no
traceback, nothing on stdout, and every file of the store byte-for-byte unchanged. Harmless
queries that the old keyword guard refused (``?add``, ``ex:copy``) and ASK now run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from watwerkt.errors import QueryError
from watwerkt.queries.readonly import (
    MAX_DEPTH,
    MAX_QUERY_CHARS,
    ParsedKind,
    check_readonly,
    nesting_depth,
    run_readonly,
)

URL = "http://127.0.0.1:9/sparql"  # the discard port: nothing may ever try it
WW = "PREFIX ww: <https://w3id.org/watwerkt/def#> "


def tree_hash(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    f"LOAD <{URL}>",
    "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:g>",
    "CLEAR ALL",
    "DROP GRAPH <urn:g>",
    "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>",
    "MOVE DEFAULT TO <urn:g>",
    "COPY DEFAULT TO <urn:g>",
    "prefix x: <urn:x> insert { ?s x:p 1 } where { ?s ?p ?o }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]
SERVICES = [
    f"SELECT * WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ SERVICE SILENT <{URL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ VALUES ?e {{ <{URL}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "PREFIX e: <http://127.0.0.1:9/> select * { service e:sparql { ?s ?p ?o } }",
    f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{URL}> {{ ?s ?q ?r }} }} }}",
    f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }}",
    f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }} }}",
    f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }}",
    f"ASK {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}",
    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}",
    f"DESCRIBE ?s WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ BIND(1 AS ?x) {{ {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }} }}",
]
SIZE = [
    ("SELECT * WHERE " + "{" * 20_000 + "}" * 20_000, "te diep genest"),
    ("SELECT * WHERE { FILTER(" + "(" * 20_000 + "1" + ")" * 20_000 + ") }", "te diep genest"),
    ("SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_CHARS, "te lang"),
    ("SELECT * WHERE { VALUES ?x { " + '"v" ' * 30_000 + "} }", "te lang"),
    ("", "lege query"),
    ("   \n\t ", "lege query"),
]
SYNTAX = [
    "# only a comment",
    "SELEKT nonsense",
    "SELECT * WHERE {",
    'SELECT * WHERE { ?s ?p "unterminated }',
    "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "CLEAR ALL ; SELECT * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o }\x00",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "MATCH (n) RETURN n",
]


def _refused(cli, store, *args):
    before = tree_hash(store)
    code, out, err = cli("sparql", *args, "--store", str(store))
    assert code == 2, (args, code, err)
    assert out == "" and "Traceback" not in err
    assert err.startswith("watwerkt: ") and err.count("\n") == 1, err
    assert tree_hash(store) == before
    return err


@pytest.mark.parametrize("query", UPDATES)
def test_updates_are_refused(cli, kitchen_store, query):
    assert _refused(cli, kitchen_store, query).startswith("watwerkt: alleen lezen: ")


@pytest.mark.parametrize("query", SERVICES)
def test_service_is_refused_anywhere(cli, kitchen_store, query):
    assert _refused(cli, kitchen_store, query).startswith("watwerkt: SERVICE is niet toegestaan")


@pytest.mark.parametrize(("query", "says"), SIZE, ids=["braces", "parens", "long-comment", "long-values",
                                                        "empty", "blank"])
def test_size_and_depth_are_refused_before_parsing(cli, kitchen_store, query, says):
    assert says in _refused(cli, kitchen_store, query)


@pytest.mark.parametrize("query", SYNTAX)
def test_bad_syntax_is_one_line(cli, kitchen_store, query):
    err = _refused(cli, kitchen_store, query)
    assert err.startswith(("watwerkt: ongeldige SPARQL", "watwerkt: SERVICE", "watwerkt: alleen lezen")), err


@pytest.mark.parametrize(("content", "says"), [
    ("SELECT * WHERE { ?s ?p 'caf\xe9' }".encode("latin-1"), "geen UTF-8 (byte 27 op regel 1)"),
    ("SELECT *\nWHERE { ?s ?p ?o }".encode("utf-16"), "geen UTF-8"),
    (b"SELECT * WHERE {\n ?s ?p ?o \xff }", "regel 2"),
    (b"", "lege query"),
])
def test_query_files_that_are_not_utf8_or_empty(cli, kitchen_store, tmp_path, content, says):
    path = tmp_path / "q.rq"
    path.write_bytes(content)
    err = _refused(cli, kitchen_store, "-f", str(path))
    assert says in err and (str(path) in err or says == "lege query"), err


def test_file_options_are_one_line(cli, kitchen_store, tmp_path):
    assert "bestaat niet" in _refused(cli, kitchen_store, "-f", str(tmp_path / "nope.rq"))
    assert "is een map" in _refused(cli, kitchen_store, "-f", str(tmp_path))
    (tmp_path / "q.rq").write_text("ASK {}", encoding="utf-8")
    assert "niet allebei" in _refused(cli, kitchen_store, "ASK {}", "-f", str(tmp_path / "q.rq"))
    assert "geef een query" in _refused(cli, kitchen_store)


def test_a_cross_product_stops_at_the_row_cap(cli, kitchen_store):
    err = _refused(cli, kitchen_store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--max-rows", "1000")
    assert "meer dan 1000 rijen" in err


def test_a_slow_query_stops_at_the_time_limit(cli, kitchen_store):
    err = _refused(cli, kitchen_store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a",
                   "--timeout", "1")
    assert "langer dan 1 s" in err


def test_a_greedy_query_stops_at_the_memory_limit(kitchen_store):
    with pytest.raises(QueryError, match="geheugen"):
        run_readonly(kitchen_store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a",
                     memory_mb=700, timeout=60)


def test_no_store_is_one_line(cli, tmp_path):
    code, out, err = cli("sparql", "ASK {}", "--store", str(tmp_path / "none"))
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err


# ------------------------------------------------------------ what must work


@pytest.mark.parametrize("query", [
    "SELECT ?add ?create WHERE { ?add ?create ?copy } LIMIT 3",
    "PREFIX ex: <https://w3id.org/watwerkt/id/> SELECT * WHERE { ex:copy ?p ?o }",
    WW + 'SELECT ?s WHERE { ?s a ww:Case . FILTER(?s != <urn:x:INSERT>) } # DROP ALL; LOAD <http://x/>',
    'SELECT * WHERE { BIND("SERVICE <http://127.0.0.1:9/> { }" AS ?x) }',
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) } LIMIT 1",
])
def test_harmless_queries_run(cli, kitchen_store, query):
    code, out, err = cli("sparql", query, "--store", str(kitchen_store), "--format", "json")
    assert code == 0 and err == "", err
    assert isinstance(json.loads(out), list)


def test_ask_construct_describe(cli, kitchen_store):
    code, out, err = cli("sparql", WW + "ASK { ?c a ww:Case }", "--store", str(kitchen_store), "--format", "json")
    assert code == 0 and json.loads(out) == [{"ask": True}], err
    code, out, _ = cli("sparql", WW + "ASK { ?c a ww:Nothing }", "--store", str(kitchen_store), "--format", "json")
    assert json.loads(out) == [{"ask": False}]
    code, out, _ = cli("sparql", WW + "CONSTRUCT { ?c a ww:Case } WHERE { ?c a ww:Case }", "--store",
                       str(kitchen_store), "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows and all(set(r) == {"subject", "predicate", "object"} for r in rows)
    code, out, _ = cli("sparql", WW + "DESCRIBE ?c WHERE { ?c a ww:Case } LIMIT 1", "--store", str(kitchen_store),
                       "--format", "json")
    assert code == 0 and json.loads(out)


def test_english_messages(cli, kitchen_store):
    code, _out, err = cli("sparql", "CLEAR ALL", "--store", str(kitchen_store), "--lang", "en")
    assert code == 2 and err.startswith("watwerkt: read-only: CLEAR is not allowed")


# ------------------------------------------------------------ the library


@pytest.mark.parametrize(("query", "kind"), [
    ("SELECT * WHERE { ?s ?p ?o }", ParsedKind.SELECT), ("ASK {}", ParsedKind.ASK),
    ("CONSTRUCT WHERE { ?s ?p ?o }", ParsedKind.CONSTRUCT), ("DESCRIBE <urn:x>", ParsedKind.DESCRIBE),
])
def test_check_readonly_names_the_kind(query, kind):
    assert check_readonly(query) is kind


def test_nesting_depth_ignores_strings_iris_and_comments():
    assert nesting_depth("SELECT * { { ?s ?p ?o } }") == 2
    assert nesting_depth('SELECT * { ?s ?p "{{{{((((" } # ((((((') == 1
    assert nesting_depth("SELECT * { ?s <urn:x:(((> ?o FILTER(?o < 3 && (?o > 1)) }") == 3
    assert nesting_depth("{" * (MAX_DEPTH + 1)) == MAX_DEPTH + 1


def test_the_cold_path_does_not_import_rdflib():
    import subprocess
    import sys

    code = ("import sys; import watwerkt.queries.readonly, watwerkt.queries.search, watwerkt.cli_commands.search; "
            "print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# ------------------------------------------------------------ a property

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SPARQL = st.sampled_from(["SELECT", "*", "WHERE", "{", "}", "?s", "?p", "?o", "SERVICE", "SILENT", "<http://x/>",
                          "ASK", "INSERT DATA", "DELETE", "LOAD", "(", ")", '"', "'", "#", "\n", "FILTER", "EXISTS",
                          "NOT", "OPTIONAL", "UNION", "MINUS", "LIMIT 1", ";", ".", "PREFIX e: <urn:e:>", "e:x",
                          "\\u0053", "GRAPH", "BIND", "AS", "VALUES", "[", "]", "<", ">", "1", " "])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | st.lists(SPARQL, max_size=40).map(" ".join))
def test_any_text_is_checked_in_one_line_or_parsed(text):
    """check_readonly never raises anything but a QueryError, whatever it is given."""
    try:
        assert isinstance(check_readonly(text), ParsedKind)
    except QueryError as exc:
        assert "\n" not in str(exc)
