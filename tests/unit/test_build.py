"""The build: canonical, deterministic, atomic; the golden graph compared by isomorphism."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from watwerkt.config import Settings
from watwerkt.graph.exports import FORMATS
from watwerkt.graph.pipeline import build
from watwerkt.graph.store import read_info

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden" / "kitchen.ttl"


@pytest.fixture(scope="module")
def exported(kitchen, tmp_path_factory):
    """Two builds of the kitchen fixture, each with every export."""
    base = tmp_path_factory.mktemp("exports")
    for n in (1, 2):
        build(Settings(corpus=kitchen / "corpus", store=base / f"s{n}", data=kitchen),
              exports=list(FORMATS), out=base / f"out{n}")
    return base


def test_two_builds_are_byte_identical(exported):
    assert (exported / "s1" / "graph.nt").read_bytes() == (exported / "s2" / "graph.nt").read_bytes()
    for name in FORMATS.values():
        assert (exported / "out1" / name).read_bytes() == (exported / "out2" / name).read_bytes(), name
    assert (exported / "out1" / "graph.nt").read_bytes() == (exported / "s1" / "graph.nt").read_bytes()


def test_exports_from_a_built_store_equal_the_build_exports(exported, tmp_path):
    from watwerkt.graph.exports import export_store

    export_store(exported / "s1", list(FORMATS), tmp_path / "again")
    for name in FORMATS.values():
        assert (tmp_path / "again" / name).read_bytes() == (exported / "out1" / name).read_bytes(), name


def test_store_keeps_only_the_reference_serialisation(kitchen_store):
    names = {p.name for p in kitchen_store.iterdir()}
    assert names == {".watwerkt-store", "graph.nt", "oxigraph", "build.json", "search.idx"}


def test_formats_hold_the_same_graph(exported):
    out = exported / "out1"
    nt = Graph().parse(out / "graph.nt", format="nt")
    ttl = Graph().parse(out / "graph.ttl", format="turtle")
    jsonld = Graph().parse(out / "graph.jsonld", format="json-ld")
    assert isomorphic(nt, ttl)
    assert isomorphic(nt, jsonld)
    from rdflib import Dataset

    trig = Dataset().parse(out / "graph.trig", format="trig")
    assert len(trig) == len(nt)


def test_golden_graph(kitchen_store, request):
    """Compare with tests/data/golden/kitchen.ttl; refresh with --update-golden."""
    got = Graph().parse(kitchen_store / "graph.nt", format="nt")
    if request.config.getoption("--update-golden"):
        from watwerkt.graph.exports import export_bytes

        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(export_bytes((kitchen_store / "graph.nt").read_bytes(), "ttl"))
    want = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(got, want):
        _both, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        extra = sorted(t.n3() if hasattr(t, "n3") else str(t) for t in list(only_got)[:5])
        missing = sorted(str(t) for t in list(only_want)[:5])
        pytest.fail(f"graph differs from golden file: extra {extra} missing {missing}")


def test_build_without_corpus_has_no_quotes(kitchen, tmp_path):
    r = build(Settings(corpus=None, store=tmp_path / "s", data=kitchen))
    assert r.quotes is False and read_info(tmp_path / "s")["quotes"] is False
    assert "/def#quote> \"" not in (tmp_path / "s" / "graph.nt").read_text(encoding="utf-8")


def test_quotes_never_hold_contact_details(kitchen_store):
    text = (kitchen_store / "graph.nt").read_text(encoding="utf-8")
    assert "a.appel@" not in text and "345 67 89" not in text
    assert "info@opstap" not in text and "987 65 43" not in text


def test_interrupted_build_leaves_previous_store(kitchen, tmp_path):
    s = Settings(corpus=kitchen / "corpus", store=tmp_path / "store", data=kitchen)
    first = build(s)

    def boom(staging):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(s, _hook=boom)
    assert read_info(s.store)["nt_sha256"] == first.nt_sha256
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store.build-")]


def test_killed_build_process_leaves_previous_store(kitchen, tmp_path):
    """A build process killed with SIGKILL midway: the old store is still complete."""
    s = Settings(corpus=kitchen / "corpus", store=tmp_path / "store", data=kitchen)
    first = build(s)
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from watwerkt.config import Settings\n"
        "from watwerkt.graph.pipeline import build\n"
        f"s = Settings(corpus=Path({str(kitchen / 'corpus')!r}), store=Path({str(s.store)!r}), data=Path({str(kitchen)!r}))\n"
        "build(s, _hook=lambda staging: os.kill(os.getpid(), 9))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9
    assert read_info(s.store)["nt_sha256"] == first.nt_sha256
    g = Graph().parse(s.store / "graph.nt", format="nt")
    assert len(g) == first.triples
    from watwerkt.graph.store import open_store

    assert len(open_store(s.store)) == first.triples


def test_env_corpus_is_used(kitchen, monkeypatch):
    monkeypatch.setenv("WATWERKT_CORPUS", str(kitchen / "corpus"))
    assert Settings.resolve().corpus == kitchen / "corpus"
    assert os.environ["WATWERKT_CORPUS"]


def test_progress_shows_phases_only_after_the_delay(monkeypatch):
    import time

    from watwerkt.cli_commands import build as build_cmd

    class Tty:  # a terminal: the bar may be shown (a pipe never gets one)
        def __init__(self):
            self.text = []

        def isatty(self):
            return True

        def write(self, text):
            self.text.append(text)

        def flush(self):
            pass

    monkeypatch.setattr(build_cmd._Progress, "DELAY", 30)
    quick = build_cmd._Progress(stream=Tty())
    quick("graph")
    quick.close()  # closed before the delay: nothing was shown
    assert quick.bar is None
    monkeypatch.setattr(build_cmd._Progress, "DELAY", 0.01)
    tty = Tty()
    slow = build_cmd._Progress(stream=tty)
    deadline = time.monotonic() + 20
    while slow.bar is None and time.monotonic() < deadline:
        time.sleep(0.02)
    for phase in ("check", "graph", "nt", "store"):
        slow(phase)
    assert slow.bar is not None
    slow.close()
    assert "opslag laden" in "".join(tty.text)  # the phase was shown, in Dutch


def test_progress_never_on_a_pipe(monkeypatch):
    import io
    import time

    from watwerkt.progress import DelayedProgress

    monkeypatch.setattr(DelayedProgress, "DELAY", 0.01)
    p = DelayedProgress("x", stream=io.StringIO())
    time.sleep(0.1)
    assert p.bar is None and p.stream.getvalue() == ""
    p.close()
