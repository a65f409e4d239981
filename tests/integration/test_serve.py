"""``watwerkt serve`` as a real process on 127.0.0.1, queried with httpx and SPARQLWrapper.

The server must start (a test fails, never skips, when it cannot). Requests go only to the
loopback address of the server this module started; each is bounded by a timeout.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

CASES = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/watwerkt/def#Case> }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(real_store):
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "watwerkt.cli", "serve", "--store", str(real_store),
                             "--port", str(port), "--timeout", "3", "--max-rows", "500"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                pytest.fail(f"serve stopped: {proc.stderr.read().decode()[-500:]}")
            try:
                httpx.get(base + "/", timeout=1.0)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("serve did not answer within 15 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_pages(server):
    import httpx

    for path, needle in [("/", "/verken"), ("/verken", "vis.Network"), ("/verken?rond=oss", "ww-data"),
                         ("/gaten", "ww-gap-data"), ("/samenhang", "class=\"h5\""), ("/casus/oss", "<table"), ("/verken?lang=en", 'lang="en"')]:
        r = httpx.get(server + path, timeout=30)
        assert r.status_code == 200, path
        assert needle in r.text and r.headers["x-content-type-options"] == "nosniff"
    assert '"href":"/casus/oss"' in httpx.get(server + "/verken", timeout=30).text  # case names link to the cards
    assert httpx.get(server + "/casus/nergens", timeout=30).status_code == 404
    assert httpx.get(server + "/verken?rond=nergens", timeout=30).status_code == 404


def test_sparql_protocol_get_and_post(server):
    import httpx

    r = httpx.get(server + "/sparql", params={"query": CASES}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    b = r.json()["results"]["bindings"][0]["n"]
    assert b == {"type": "literal", "value": "28", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    r = httpx.post(server + "/sparql", content=CASES, headers={"Content-Type": "application/sparql-query",
                                                               "Accept": "text/csv"}, timeout=30)
    assert r.status_code == 200 and r.text == "n\r\n28\r\n"
    r = httpx.post(server + "/sparql", data={"query": CASES}, headers={"Accept": "text/tab-separated-values"}, timeout=30)
    assert r.text.splitlines() == ["?n", '"28"^^<http://www.w3.org/2001/XMLSchema#integer>']
    r = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert r.json() == {"head": {}, "boolean": True}
    r = httpx.get(server + "/sparql", params={"query": "CONSTRUCT { ?c a ?t } WHERE { ?c a ?t } LIMIT 3"}, timeout=30)
    assert r.headers["content-type"].startswith("application/n-triples") and len(r.text.splitlines()) == 3


def test_sparqlwrapper(server):
    from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper

    sw = SPARQLWrapper(server + "/sparql")
    sw.setQuery("PREFIX ww: <https://w3id.org/watwerkt/def#> PREFIX prov: <http://www.w3.org/ns/prov#> "
                "SELECT ?case (COUNT(?a) AS ?n) WHERE { ?i a ww:Influence ; ww:about ?case ; prov:wasDerivedFrom ?a } "
                "GROUP BY ?case ORDER BY ?case")
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]
    assert len(rows) == 28 and rows[0]["case"]["type"] == "uri"
    sw.setMethod(POST)
    sw.setQuery(CASES)
    sw.setReturnFormat(CSV)
    assert sw.query().convert().decode().splitlines() == ["n", "28"]


@pytest.mark.parametrize("query,status,needle", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 400, "SERVICE"),
    ("SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } } }", 400, "SERVICE"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 400, "INSERT DATA"),
    ("DROP ALL", 400, "DROP"),
    ("SELECT ?add WHERE { ?add ?p ?o } LIMIT 1", 200, "add"),  # a variable named like an update is fine
    ("SELECT * WHERE { ?s ?p ?o }", 400, "500"),  # more rows than --max-rows
    ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", 503, "3 s"),  # too long
    ("SELECT * WHERE { ?s ?p ?o } # " + "x" * 100_001, 413, "te lang"),
])
def test_refusals(server, query, status, needle):
    import httpx

    r = httpx.post(server + "/sparql", data={"query": query}, timeout=30)
    assert r.status_code == status, r.text
    assert needle in r.text


def test_updates_through_the_protocol_are_refused(server):
    import httpx

    r = httpx.post(server + "/sparql", content="DELETE WHERE { ?s ?p ?o }",
                   headers={"Content-Type": "application/sparql-update"}, timeout=30)
    assert r.status_code == 400
    r = httpx.post(server + "/sparql", data={"update": "DELETE WHERE { ?s ?p ?o }"}, timeout=30)
    assert r.status_code == 400
    r = httpx.get(server + "/sparql", params={"query": CASES}, timeout=30)
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "28"  # nothing was changed


def test_only_loopback_by_default():
    from click.testing import CliRunner

    from watwerkt.cli_commands.explore import serve

    assert any(p.name == "host" and p.default == "127.0.0.1" for p in serve.params)
    assert "127.0.0.1" in CliRunner().invoke(serve, ["--help"]).output
