"""No query surface makes an outbound connection: checked against a listener on 127.0.0.1.

:class:`Listener` counts every connection it accepts; :func:`assert_no_connection` runs a
command and asserts the listener saw nothing and the command answered with one line. A future
``serve`` test can reuse both (move them to conftest.py when a second module needs them):

    with Listener() as ear:
        assert_no_connection(ear, cli, "serve-query", f"... {ear.url} ...")
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pytest


class Listener:
    """A TCP listener on 127.0.0.1 at a free port that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.accepted += 1
            conn.close()

    def __enter__(self) -> Listener:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        time.sleep(0.3)  # a late connection still counts
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


def assert_no_connection(ear: Listener, cli, *args: str, env: dict | None = None) -> str:
    """Run ``watwerkt *args``; assert one line on stderr, exit status != 0, no connection."""
    code, out, err = cli(*args, env=env)
    time.sleep(0.2)
    assert ear.accepted == 0, f"{args[0]} opened {ear.accepted} connection(s) to {ear.url}"
    assert code != 0 and "Traceback" not in err and err.count("\n") == 1, (code, err)
    return err


@pytest.fixture
def ear():
    with Listener() as listener:
        yield listener
        assert listener.accepted == 0


def test_the_listener_counts(ear):
    """The check is not vacuous: a real connection is counted."""
    socket.create_connection(("127.0.0.1", ear.port), timeout=2).close()
    time.sleep(0.5)
    assert ear.accepted == 1
    ear.accepted = 0


@pytest.mark.parametrize("pattern", [
    "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ {{ SELECT * WHERE {{ SERVICE <{url}/> {{ ?s ?p ?o }} }} }} }} }}",
    "ASK {{ FILTER EXISTS {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }}",
    "LOAD <{url}/data.ttl>",
])
def test_sparql_service_and_load_make_no_connection(ear, cli, real_store, pattern):
    err = assert_no_connection(ear, cli, "sparql", pattern.format(url=ear.url), "--store", str(real_store))
    assert err.startswith(("watwerkt: SERVICE is niet toegestaan", "watwerkt: alleen lezen: LOAD"))


def test_zoek_with_a_url_makes_no_connection(ear, cli, real_store):
    code, out, err = cli("zoek", f"{ear.url}/sparql", "--store", str(real_store), "--format", "json")
    assert code in (0, 2) and "Traceback" not in err
    err = assert_no_connection(ear, cli, "zoek", f"{ear.url}/" + "x" * 300, "--store", str(real_store))
    assert "zoekterm te lang" in err


def test_the_worker_itself_cannot_reach_the_network(ear):
    """Defence in depth: even SERVICE run straight on the engine, inside a limited worker, fails.

    Needs unprivileged user namespaces (Linux); without them the parser is the only guard.
    """
    code = ("from watwerkt.queries.readonly import limit_worker; limit_worker(2048, 20); "
            "import pyoxigraph; "
            f"list(pyoxigraph.Store().query('SELECT * WHERE {{ SERVICE <{ear.url}/sparql> {{ ?s ?p ?o }} }}'))")
    probe = subprocess.run([sys.executable, "-c", "import ctypes; "
                            "print(ctypes.CDLL(None, use_errno=True).unshare(0x10000000 | 0x40000000))"],
                           capture_output=True, text=True, timeout=30)
    if probe.stdout.strip() != "0":  # an extra guard, not the promise: skip, also in CI
        pytest.skip("no unprivileged network namespaces here (the parser guard still refuses SERVICE)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "unreachable" in done.stderr.lower(), done.stderr[-300:]


@pytest.mark.neo4j
def test_cypher_load_csv_makes_no_connection(ear, cli, request):
    if os.environ.get("CI") != "true":
        pytest.skip("the Cypher part runs with the real Neo4j server, under CI=true")
    server = request.getfixturevalue("neo4j_server")
    env = {"WATWERKT_NEO4J_PASSWORD": getattr(server, "password", "watwerkt-test-wachtwoord")}
    for query in (f"LOAD CSV FROM '{ear.url}/x' AS l RETURN l",
                  f"LOAD CSV WITH HEADERS FROM '{ear.url}/x.csv' AS l RETURN count(l)"):
        assert_no_connection(ear, cli, "cypher", query, "--uri", server.uri, env=env)
