"""A real Neo4j 5 server, built with Maven and started by the project (no Docker).

Skipped when Java or Maven is missing, unless CI=true: then it fails, so CI cannot pass
without having run a real server.
"""

from __future__ import annotations

import os
import time

import pytest

pytestmark = pytest.mark.neo4j

PASSWORD = "watwerkt-test-wachtwoord"


def _require_tools() -> None:
    from watwerkt.launcher import missing_tools

    why = missing_tools()
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the Neo4j server cannot be built: {why}")
        pytest.skip(f"no Neo4j server: {why} (install a JDK 17+ and Maven to run this test)")


def _gone(pid: int, within: float = 10.0) -> bool:
    """The process has exited (an exited child not yet reaped, a zombie, counts as gone)."""
    from watwerkt.launcher import pid_alive

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def private_server(private_neo4j_server):
    return private_neo4j_server


@pytest.fixture
def driver(private_server):
    from neo4j import GraphDatabase

    with GraphDatabase.driver(private_server.uri, auth=private_server.auth) as drv:
        yield drv


def test_return_1(private_server, driver):
    assert private_server.uri.startswith("bolt://127.0.0.1:")
    records, _, _ = driver.execute_query("RETURN 1 AS x")
    assert [r["x"] for r in records] == [1]


def test_create_and_read_a_node(driver):
    driver.execute_query("CREATE (:Casus {id: $id, naam: $naam})", id="oss", naam="Gemeente Oss")
    records, _, _ = driver.execute_query("MATCH (c:Casus {id: $id}) RETURN c.naam AS naam", id="oss")
    assert [r["naam"] for r in records] == ["Gemeente Oss"]


def test_wrong_password_is_refused(private_server):
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    for password in ("niet-het-wachtwoord", "neo4j"):  # neither a wrong nor the default one
        with GraphDatabase.driver(private_server.uri, auth=("neo4j", password)) as drv:
            with pytest.raises(AuthError):
                drv.verify_connectivity()


def test_background_server_start_status_stop(tmp_path):
    _require_tools()
    from neo4j import GraphDatabase

    from watwerkt.devserver import connection, start_background, status, stop_background

    state = tmp_path / "state"
    started = start_background(state, port=None, password=PASSWORD, timeout=180)
    try:
        assert started.running and started.pid and (state / "neo4j.json").is_file()
        assert status(state).pid == started.pid
        assert start_background(state).pid == started.pid  # a second start is a no-op
        uri, auth = connection(state)
        with GraphDatabase.driver(uri, auth=auth) as drv:
            assert drv.execute_query("RETURN 2 AS x").records[0]["x"] == 2
    finally:
        assert stop_background(state) is True
    assert _gone(started.pid)
    assert not status(state).running
    assert stop_background(state) is False


def test_stop_leaves_no_process(private_server):
    """Last in this module: it stops the shared server."""
    pid = private_server.process.pid
    private_server.stop()
    assert not private_server.running
    assert _gone(pid)
    private_server.stop()  # a second stop is harmless


def test_start_right_after_stop_finds_the_port_free(tmp_path, cli):
    """start, stop, start, stop, start on one port: no 'port in use' in between (issue 14.14).

    A driver keeps its connection open while the server stops, so the server closes first and
    its side of the connection lingers in TIME_WAIT on the port, as after real use.
    """
    _require_tools()
    from neo4j import GraphDatabase

    from watwerkt.devserver import status, stop_background
    from watwerkt.launcher import free_port, port_is_free

    state, port = tmp_path / "state", free_port()
    env = {"WATWERKT_NEO4J_PASSWORD": PASSWORD, "WATWERKT_STATE": str(state)}
    try:
        for round_ in range(3):
            args = ("neo4j", "start", "--timeout", "180") + (("--port", str(port)) if round_ < 2 else ())
            code, out, err = cli(*args, env=env)
            assert code == 0, (round_, err)
            assert out.strip() == f"bolt://127.0.0.1:{port}"  # the third start picks the last port
            drv = GraphDatabase.driver(out.strip(), auth=("neo4j", PASSWORD))
            try:
                assert drv.execute_query("RETURN 3 AS x").records[0]["x"] == 3
                code, out, err = cli("neo4j", "stop", env=env)
            finally:
                drv.close()
            assert code == 0 and err.strip() == "Neo4j gestopt", err
            assert port_is_free(port)
            assert not status(state).running
    finally:
        stop_background(state)
