"""The remote SPARQL backend against a real `oxigraph serve`: the same answers as the embedded
store on every named query and every core question, publishing by the Graph Store Protocol
(idempotent), and parameters that can never become query syntax.

The server is the `oxigraph` command of the PyPI package `oxigraph` (in the test extras),
started here on a free port with its own folder. Without it the tests skip, unless CI=true:
then a server that cannot start fails them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from watwerkt.errors import QueryError
from watwerkt.graph.exports import GRAPH_NAME
from watwerkt.graph.remote_publish import publish_sparql
from watwerkt.queries.remote import RemoteStore, bind, literal_text
from watwerkt.queries.runner import all_queries, load_query, run

IN_CI = os.environ.get("CI") == "true"
ID = "https://w3id.org/watwerkt/id/"
WW = "https://w3id.org/watwerkt/def#"


def _oxigraph() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"CI=true but the SPARQL server cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    exe = _oxigraph()
    if exe is None:
        _unavailable("no `oxigraph` command (pip install oxigraph, in the test extras)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("oxlog") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path_factory.mktemp("oxsrv")),
                                 "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    _unavailable(f"oxigraph serve did not start: {log.read_text(errors='replace')[-300:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _count(base: str) -> int:
    store = RemoteStore(f"{base}/query")
    rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    return int(rows[0]["n"].value)


@pytest.fixture(scope="module")
def published(server, real_store):
    publish_sparql(real_store, f"{server}/store", bulk=True)
    return server


@pytest.fixture(scope="module")
def remote(published):
    return RemoteStore(f"{published}/query")


@pytest.fixture(scope="module")
def embedded(real_store):
    from watwerkt.graph.store import open_store

    return open_store(real_store)


def test_publish_twice_is_the_same_graph(server, kitchen_store):
    graph = GRAPH_NAME + "-test"  # beside the graph the other tests read
    first = publish_sparql(kitchen_store, f"{server}/store", graph=graph)  # the standard, atomic PUT
    store = RemoteStore(f"{server}/query", graph=graph)
    n = lambda: int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)  # noqa: E731
    assert n() == first.triples > 0
    second = publish_sparql(kitchen_store, f"{server}/store", graph=graph)
    assert n() == second.triples == first.triples
    assert first.status in (201, 204) and second.status == 204
    third = publish_sparql(kitchen_store, f"{server}/store", graph=graph, bulk=True)
    assert n() == third.triples == first.triples


PARAMS = {  # the parameter a query needs to say anything
    "case-sections": {"case": ID + "case/oss"},
    "quotes": {"claim": ID + "invloed/oss-bezuinigingen-beer"},
    "works-table": {"sdgroup": ID + "concept/doelgroepen/richtingzoekers"},
}
VARIANTS = [  # the optional filters (lines marked "# if ?x")
    ("case-card", {"case": ID + "case/oss"}),
    ("case-findings", {"case": ID + "case/soest"}),
    ("case-selection", {"outcome": ID + "concept/uitkomsten/verzuim", "factor": ID + "concept/factoren/leidinggevende"}),
    ("what-works", {"group": ID + "concept/doelgroepen/alle-medewerkers"}),
    ("what-works", {"sdgroup": ID + "concept/doelgroepen/richtingzoekers", "outcome": ID + "concept/uitkomsten/verzuim"}),
    ("what-works", {"driver": ID + "concept/aanleidingen/attitude", "orgtype": ID + "concept/organisatietypen/gemeente"}),
    ("what-works", {"factor": ID + "concept/factoren/leidinggevende"}),
    ("what-works-configurations", {"type": ID + "concept/interventietypen/gesprek",
                                   "group": ID + "concept/doelgroepen/alle-medewerkers"}),
    ("influence-items", {"polarity": WW + "bear", "factor": ID + "concept/factoren/leidinggevende"}),
    ("influence-items", {"kind": WW + "EmployeeCase", "basis": WW + "named", "case": ID + "case/liane"}),
    ("influence-items", {"actor": "leiding"}),
    ("influence-counts", {"case": ID + "case/oss", "factor": ID + "concept/factoren/leidinggevende"}),
    ("compare-case", {"case": ID + "case/oss"}),
    ("careers", {"kind": ID + "concept/transitietypen/horizontaal"}),
    ("data-quality", {"doc": ID + "source/boek"}),
    ("gap-cells", {"facet": ID + "concept/doelgroepen/alle-medewerkers"}),
    ("outcome-table", {"outcome": ID + "concept/uitkomsten/verzuim"}),
    ("terms", {"scheme": ID + "scheme/doelgroepen"}),
]
SAMPLED = {"influence-items": ("quote",), "compare-case": ("group",), "data-quality": ("concerns", "source")}
JOINED = {  # GROUP_CONCAT joins in any order (the plan may differ): compared as sets of tokens
    "municipalities": "|", "angels": "|", "bears": "|", "characteristics": "|", "synonyms": "|",
    "factors": " ", "anchors": " ", "drivers": " ", "types": " ", "outcomes": " ", "cases": " ",
    "groups": " ", "respondents": " ",
}


def _rows(name, rows):
    out = []
    for r in rows:
        r = {k: (r[k] is not None if k in SAMPLED.get(name, ()) else r[k]) for k in r}
        for col, sep in JOINED.items():
            if isinstance(r.get(col), str):
                r[col] = sep.join(sorted(filter(None, r[col].split(sep))))
        out.append(json.dumps(r, sort_keys=True))
    return sorted(out)


def test_every_named_query_gives_the_same_rows(embedded, remote):
    differ, empty = [], []
    for name, p in [(q.name, PARAMS.get(q.name, {})) for q in all_queries()] + VARIANTS:
        if "?lang" in load_query(name).params:
            p = {**p, "lang": "nl"}
        a, b = run(embedded, name, **p), run(remote, name, **p)
        if not a:
            empty.append(name)
        if _rows(name, a) != _rows(name, b):
            differ.append((name, p, len(a), len(b)))
    assert differ == []
    assert len(empty) < 5, empty  # the comparison says something


CORE = [  # every core question of the advisor, with each kind of filter
    ["wat-werkt"], ["wat-werkt", "--doelgroep", "lage eigen regie"],
    ["wat-werkt", "--context", "bezuinigingen"], ["wat-werkt", "--context", "gemeente"],
    ["wat-werkt", "--uitkomst", "inzetbaarheid"], ["wat-werkt", "--factor", "leidinggevende"],
    ["wat-werkt", "--doelgroep", "richtingzoekers", "--uitkomst", "verzuim"],
    ["engelen-beren"], ["engelen-beren", "--factor", "leidinggevende"], ["engelen-beren", "--per", "factor"],
    ["uitkomsten"], ["gaten"], ["factoren"], ["vergelijk", "carli", "ton"], ["zoek", "klussenbank"],
    ["case", "oss"], ["cases"],
]


@pytest.mark.parametrize("args", CORE, ids=lambda a: " ".join(a))
def test_cli_backend_sparql_matches_embedded(cli, published, real_store, args):
    c1, out1, err1 = cli(*args, "--store", str(real_store), "--format", "json")
    c2, out2, err2 = cli(*args, "--backend", "sparql", "--endpoint", f"{published}/query", "--format", "json",
                         env={"WATWERKT_STORE": "/nonexistent/store"})
    assert c1 == c2 == 0, (args, err1, err2)
    a, b = json.loads(out1), json.loads(out2)
    if args[0] == "engelen-beren":  # influence-items takes SAMPLE(?q): any one quote of an item
        a, b = _without(a, "quote"), _without(b, "quote")
    assert a == b, args


def _without(value, key):
    if isinstance(value, dict):
        return {k: _without(v, key) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [_without(v, key) for v in value]
    return value


HOSTILE = [
    '" } } SELECT * WHERE { ?s ?p ?o } #', "x\" . ?s ?p ?o . FILTER(\"", "\\", "\\u0022 } #", "a\nb\r\tc",
    "'''", "\x00\x01\x7f", "SERVICE <http://127.0.0.1:1/> { }", "}} ; DROP ALL", "verzuim\u202e", "é ü ß 中文 😀",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_literals_are_values_never_syntax(remote, embedded, value):
    text = "SELECT ?v (COUNT(*) AS ?n) WHERE { ?s a <" + WW + "Case> } GROUP BY ?v"
    import pyoxigraph as ox

    subs = {ox.Variable("v"): ox.Literal(value)}
    rows = list(remote.query(text, substitutions=subs))
    assert len(rows) == 1 and rows[0]["v"] == ox.Literal(value)
    assert rows[0]["n"] == next(iter(embedded.query(text, substitutions=subs)))["n"]
    # as a filter value it gives what the embedded store's substitution gives
    a = run(remote, "influence-items", lang="nl", actor=value)
    assert _rows("influence-items", a) == _rows("influence-items", run(embedded, "influence-items", lang="nl",
                                                                         actor=value))


@pytest.mark.parametrize("iri", ["https://x/> } ?s ?p ?o . <y", "https://x/ y", "relative/iri", "https://x/\"",
                                 "https://x/{}", "javascript:<x>"])
def test_bad_iris_are_refused_before_sending(iri):
    import pyoxigraph as ox

    store = RemoteStore("http://127.0.0.1:1/query")  # nothing listens: a request would fail differently
    with pytest.raises((QueryError, ValueError)) as exc:
        store.query("SELECT ?x WHERE { ?x ?p ?o }", substitutions={ox.Variable("x"): ox.NamedNode(iri)})
    assert "niet bereikbaar" not in str(exc.value)


def test_bad_variable_names_and_unknown_terms_are_refused():
    import pyoxigraph as ox

    with pytest.raises(QueryError, match="variabelenaam"):
        bind("SELECT ?x WHERE { ?x ?p ?o }", {"x) {} } #": ox.Literal("a")})
    with pytest.raises(QueryError, match="onbekende soort"):
        bind("SELECT ?x WHERE { ?x ?p ?o }", {"x": object()})


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://x/> { ?s ?q ?r } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "DROP ALL", "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
])
def test_service_and_updates_are_refused_locally(query):
    store = RemoteStore("http://127.0.0.1:1/query")
    with pytest.raises(QueryError) as exc:
        store.query(query)
    assert "niet bereikbaar" not in str(exc.value)  # refused before any connection


def test_literal_escaping_round_trips():
    import pyoxigraph as ox

    for value in HOSTILE:
        text = "SELECT ?x WHERE { VALUES (?x) { (" + literal_text(value) + ") } }"
        assert [r["x"] for r in ox.Store().query(text)] == [ox.Literal(value)]


def test_backend_sparql_needs_an_endpoint_and_a_server(cli, real_store):
    code, _, err = cli("cases", "--backend", "sparql")
    assert code != 0 and "--endpoint" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("cases", "--backend", "sparql", "--endpoint", f"http://127.0.0.1:{_free_port()}/query")
    assert code != 0 and "niet bereikbaar" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("cases", "--backend", "sparql", "--endpoint", "file:///etc/passwd")
    assert code != 0 and "eindpunt" in err


def test_publish_command(cli, server, real_store):
    code, _, err = cli("publish", "sparql", "--endpoint", f"{server}/store", "--bulk", "--store", str(real_store))
    assert code == 0, err
    assert _count(server) >= 1000
    code, _, err = cli("publish", "sparql", "--endpoint", "ftp://x/store", "--store", str(real_store))
    assert code != 0 and len(err.strip().splitlines()) == 1
