"""`watwerkt cypher` cannot read files or fetch URLs, cannot write, and has a time and row limit.

Twice refused, each tested on its own against the real server: the plan check in
``watwerkt cypher`` (graph/neo4j/guard.py), and the server's own configuration
(server/neo4j-launcher), run here with the driver directly, past the plan check.
"""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

pytestmark = pytest.mark.neo4j
PASSWORD = "watwerkt-test-wachtwoord"


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections: list = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, addr = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections.append(addr)
            conn.close()

    def close(self):
        time.sleep(0.3)  # a connection on its way would be accepted by now
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    try:
        yield lst
    finally:
        lst.close()


@pytest.fixture
def cypher(cli, neo4j_server):
    env = {"WATWERKT_NEO4J_PASSWORD": PASSWORD}

    def run(query: str, *args: str):
        return cli("cypher", query, "--uri", neo4j_server.uri, *args, env=env)

    return run


def _one_line(err: str) -> str:
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


def test_load_csv_of_a_server_file_is_refused_in_one_line(cypher):
    code, out, err = cypher("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l LIMIT 2")
    assert code == 2 and out == ""
    assert _one_line(err).startswith("watwerkt: geweigerd: LOAD CSV")


def test_load_csv_of_a_url_is_refused_and_no_connection_is_made(cypher, listener):
    for query in (f"LOAD CSV FROM 'http://127.0.0.1:{listener.port}/x' AS l RETURN l",
                  f"CALL {{ LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:{listener.port}/y' AS l RETURN l }} "
                  "RETURN count(*) AS n"):
        code, out, err = cypher(query)
        assert code == 2 and out == ""
        assert _one_line(err).startswith("watwerkt: geweigerd: LOAD CSV"), err
    listener.close()
    assert listener.connections == []


def test_the_server_itself_refuses_file_and_url_access(neo4j_server, listener):
    """Past the plan check: the launcher's configuration alone refuses both."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import ClientError

    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as drv:
        for url in ("file:///etc/passwd", "file:///proc/self/environ", f"http://127.0.0.1:{listener.port}/x",
                    f"http://localhost:{listener.port}/x", f"http://[::1]:{listener.port}/x"):
            with pytest.raises(ClientError) as info:
                drv.execute_query(f"LOAD CSV FROM '{url}' AS l RETURN l LIMIT 1")
            assert info.value.code == "Neo.ClientError.Statement.ExternalResourceFailed", url
    listener.close()
    assert listener.connections == []


def test_procedures_outside_the_whitelist_are_refused(cypher):
    code, out, err = cypher("CALL dbms.listConfig() YIELD name RETURN name")
    assert code == 2 and out == ""
    assert _one_line(err).startswith("watwerkt: geweigerd: procedure dbms.listConfig is niet toegestaan")
    code, out, err = cypher("CALL db.labels() YIELD label RETURN label ORDER BY label LIMIT 3", "--format", "json")
    assert code == 0, err
    assert [r["label"] for r in json.loads(out)] == sorted(r["label"] for r in json.loads(out))


@pytest.mark.parametrize("query", [
    "CREATE (:Boef {naam: 'x'})",
    "MERGE (b:Boef {naam: 'x'}) RETURN b",
    "MATCH (c:Case) SET c.subject = 'x'",
    "MATCH (c:Case) REMOVE c:Case",
    "MATCH (n) DETACH DELETE n",
    "MATCH (c:Case) FOREACH (x IN [1] | SET c.x = x)",
    "CREATE INDEX boef IF NOT EXISTS FOR (n:Boef) ON (n.naam)",
])
def test_writes_are_refused_in_one_line(cypher, query):
    code, out, err = cypher(query)
    assert code == 2 and out == ""
    assert _one_line(err).startswith("watwerkt: alleen lezen"), err


def test_words_inside_strings_are_no_reason_to_refuse(cypher):
    code, out, err = cypher("MATCH (c:Case) WHERE c.subject CONTAINS 'LOAD CSV CREATE DELETE' RETURN count(c) AS n",
                            "--format", "json")
    assert code == 0, err
    assert json.loads(out) == [{"n": 0}]


def test_a_slow_query_is_stopped_by_the_time_limit(cypher):
    started = time.monotonic()
    code, out, err = cypher("UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(*) AS n",
                            "--timeout", "1")
    assert code == 2 and out == ""
    assert _one_line(err).startswith("watwerkt: de query duurde langer dan 1 s"), err
    assert time.monotonic() - started < 30


def test_rows_beyond_the_limit_are_left_out_with_a_note(cypher):
    code, out, err = cypher("UNWIND range(1, 50) AS x RETURN x ORDER BY x", "--max-rows", "10", "--format", "json")
    assert code == 0, err
    assert [r["x"] for r in json.loads(out)] == list(range(1, 11))
    assert "alleen de eerste 10 rijen" in err


@pytest.mark.parametrize("query, start", [
    ("SHOW SETTINGS YIELD name, value RETURN name, value", "watwerkt: geweigerd: ShowSettings"),
    ("SHOW TRANSACTIONS", "watwerkt: geweigerd: ShowTransactions"),
    ("SHOW USERS", "watwerkt: geweigerd: beheeropdrachten"),
    ("SHOW DATABASES", "watwerkt: geweigerd: beheeropdrachten"),
])
def test_server_settings_other_transactions_and_administration_are_refused(cypher, query, start):
    code, out, err = cypher(query)
    assert code == 2 and out == ""
    assert _one_line(err).startswith(start), err


def test_a_deprecation_notice_of_the_server_does_not_reach_stderr(cypher):
    code, out, err = cypher("CALL { RETURN 1 AS x } RETURN x", "--format", "json")  # scope-less CALL: deprecated
    assert code == 0 and json.loads(out) == [{"x": 1}]
    assert err == ""
