"""Shared fixtures.

- ``kitchen``: the invented kitchen-sink data set in tests/data/kitchen (unit tests);
- ``real_corpus``: ../shared/corpus (integration tests; skipped when absent, unless CI=true);
- ``real_store``: the real graph built once per session into a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KITCHEN = ROOT / "tests" / "data" / "kitchen"
REAL_CORPUS = Path(os.environ.get("WATWERKT_CORPUS", ROOT.parent / "shared" / "corpus"))
IN_CI = os.environ.get("CI") == "true"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def kitchen() -> Path:
    return KITCHEN


@pytest.fixture(scope="session")
def kitchen_settings(tmp_path_factory, kitchen):
    from watwerkt.config import Settings

    return Settings(corpus=kitchen / "corpus", store=tmp_path_factory.mktemp("kstore") / "store", data=kitchen)


@pytest.fixture(scope="session")
def kitchen_store(kitchen_settings):
    from watwerkt.graph.pipeline import build

    build(kitchen_settings)
    return kitchen_settings.store


@pytest.fixture(scope="session")
def real_corpus() -> Path:
    if not REAL_CORPUS.is_dir():
        if IN_CI:
            pytest.fail(f"CI=true but the corpus is missing at {REAL_CORPUS}")
        pytest.skip(f"the real corpus is not at {REAL_CORPUS}")
    return REAL_CORPUS


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory, real_corpus):
    from watwerkt.config import Settings

    return Settings(corpus=real_corpus, store=tmp_path_factory.mktemp("rstore") / "store", data=ROOT / "data")


@pytest.fixture(scope="session")
def real_store(real_settings):
    from watwerkt.graph.pipeline import build

    build(real_settings)
    return real_settings.store


@pytest.fixture
def cli():
    """Run the CLI in-process through click's runner; returns (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from watwerkt.cli import main

    def run(*args: str, env: dict | None = None):
        runner = CliRunner(env=env)
        with runner.isolation() as streams:
            code = main(list(args))
        out, err = streams[0].getvalue(), streams[1].getvalue()
        return code, out.decode("utf-8"), err.decode("utf-8")

    return run


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from this run")


NEO4J_PASSWORD = "watwerkt-test-wachtwoord"


def _neo4j_server(tmp_path_factory):
    """Start a real Neo4j 5 server (the project's launcher); skip without Java/Maven unless CI=true."""
    from watwerkt.devserver import Neo4jServer
    from watwerkt.launcher import missing_tools

    why = missing_tools()
    if why:
        if IN_CI:
            pytest.fail(f"CI=true but the Neo4j server cannot be built: {why}")
        pytest.skip(f"no Neo4j server: {why} (install a JDK 17+ and Maven)")
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j") / "data", password=NEO4J_PASSWORD)
    server.start(timeout=240)
    return server


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """One server for the whole session, shared by the publish and query tests."""
    server = _neo4j_server(tmp_path_factory)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def private_neo4j_server(tmp_path_factory):
    """A server of a module's own, for tests that stop it."""
    server = _neo4j_server(tmp_path_factory)
    try:
        yield server
    finally:
        server.stop()
