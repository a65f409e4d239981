"""A build killed (SIGKILL) at many random moments always leaves a complete store, old or new.

Two variants of the kitchen fixture (A, and B with one description changed) are built in
turn into the same store by a ``watwerkt build`` subprocess that is killed after a seeded
random delay, spread over the whole build and weighted towards its end, where the store is
written and swapped. After every kill the store must open, answer a query, and be exactly A
or exactly B: build.json's hash, graph.nt's hash and the Oxigraph store's size agree.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WATWERKT = Path(sys.executable).parent / "watwerkt"
KILLS = 25


def _run(data: Path, corpus: Path, store: Path) -> subprocess.Popen:
    env = {**os.environ, "WATWERKT_CORPUS": "", "WATWERKT_STORE": "", "WATWERKT_DATA": ""}
    return subprocess.Popen([str(WATWERKT), "build", "--store", str(store), "--data", str(data),
                             "--corpus", str(corpus)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _state(store: Path) -> tuple[str, int]:
    """The store's N-Triples hash, after checking that its parts agree; and its size."""
    from watwerkt.graph.store import open_store, read_info

    info = read_info(store)
    nt = (Path(os.path.realpath(store)) / "graph.nt").read_bytes()
    assert hashlib.sha256(nt).hexdigest() == info["nt_sha256"]
    ox = open_store(store)
    assert len(ox) == info["triples"] == nt.count(b"\n")
    rows = list(ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"))
    assert int(rows[0]["n"].value) > 0
    del ox
    return info["nt_sha256"], info["triples"]


@pytest.fixture(scope="module")
def variants(kitchen, tmp_path_factory):
    base = tmp_path_factory.mktemp("kill")
    b = base / "kitchen-b"
    shutil.copytree(kitchen, b)
    piet = b / "cases" / "02-piet.yaml"
    text = piet.read_text(encoding="utf-8")
    assert "{nl: Een cursus., en: A course.}" in text
    piet.write_text(text.replace("{nl: Een cursus., en: A course.}", "{nl: Een korte cursus., en: A short course.}"),
                    encoding="utf-8")
    return base, [(kitchen, kitchen / "corpus"), (b, b / "corpus")]


def _staging_appears(base: Path, proc: subprocess.Popen, limit: float) -> float | None:
    """Seconds until the build's staging folder appears (None if the build ended first)."""
    t = time.monotonic()
    while time.monotonic() - t < limit and proc.poll() is None:
        if any(p.name.startswith(".store.build-") for p in base.iterdir()):
            return time.monotonic() - t
        time.sleep(0.002)
    return None


def _code_changed(base: Path, pairs, hashes) -> None:
    """In a shared work tree the code may change while this test runs: then skip (not in CI)."""
    fresh = []
    for data, corpus in pairs:
        probe = base / f"probe-{len(fresh)}"
        proc = _run(data, corpus, probe)
        proc.communicate(timeout=120)
        fresh.append(_state(probe)[0])
    if fresh != hashes and os.environ.get("CI") != "true":
        pytest.skip("the build's output changed while the test ran (code edited meanwhile)")


def test_kill_at_random_moments_leaves_old_or_new(variants):
    base, pairs = variants
    store = base / "store"
    started = time.monotonic()
    hashes, durations, writes = [], [], []
    for data, corpus in pairs:  # one full build of each: both results, and how long each part takes
        t = time.monotonic()
        proc = _run(data, corpus, store)
        staging = _staging_appears(base, proc, 120)
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        durations.append(time.monotonic() - t)
        if staging is not None:
            writes.append(durations[-1] - staging)
        hashes.append(_state(store)[0])
    assert hashes[0] != hashes[1]
    full, write = min(durations), max(writes or [0.2])
    rng = random.Random(14)
    # half anywhere in the build, half while the store is written and swapped
    plan = [("any", rng.uniform(0, full)) for _ in range(KILLS // 2)]
    plan += [("store", rng.uniform(0, write * 1.2)) for _ in range(KILLS - len(plan))]
    rng.shuffle(plan)
    seen, killed = set(), 0
    for i, (kind, delay) in enumerate(plan):
        data, corpus = pairs[i % 2]
        proc = _run(data, corpus, store)
        if kind == "store" and _staging_appears(base, proc, 60) is None:
            delay = 0  # ended before staging: nothing to interrupt
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed += 1
        proc.stderr.close()
        current, _n = _state(store)  # complete: its parts agree
        if current not in hashes:
            _code_changed(base, pairs, hashes)
        assert current in hashes, f"kill {i} ({kind}, {delay:.3f}s) left a store that is neither old nor new"
        seen.add(current)
    assert killed >= KILLS // 2, f"only {killed} of {KILLS} builds were killed before they finished"
    # a last, complete build cleans up every leftover of the killed ones
    proc = _run(*pairs[0], store)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert _state(store)[0] == hashes[0]
    leftovers = {p.name for p in base.iterdir() if p.name.startswith(".store.")}
    leftovers -= {".store.lock", os.readlink(store)}
    assert len(leftovers) <= 1 and all(n.startswith(".store.v-") for n in leftovers), leftovers  # the replaced one
    assert time.monotonic() - started < 60, "the kill test must stay under a minute"
    print(json.dumps({"kills": killed, "full_build_s": round(full, 2), "store_phase_s": round(write, 3),
                      "states_seen": len(seen)}))


def test_readers_keep_working_while_builds_swap(variants):
    """Open and query the store in a loop while other processes rebuild and swap it."""
    from watwerkt.graph.store import open_store

    base, pairs = variants
    store = base / "readers"
    proc = _run(*pairs[0], store)
    assert proc.wait(timeout=120) == 0
    proc.stderr.close()
    builds = [_run(*pairs[1], store)]
    answered, started = 0, time.monotonic()
    while time.monotonic() - started < 40:
        ox = open_store(store)
        rows = list(ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        assert int(rows[0]["n"].value) > 0
        del ox
        answered += 1
        if builds[-1].poll() is not None:
            assert builds[-1].returncode == 0, builds[-1].stderr.read().decode()
            builds[-1].stderr.close()
            if len(builds) == 4:
                break
            builds.append(_run(*pairs[len(builds) % 2], store))
    assert len(builds) == 4 and answered > 10
