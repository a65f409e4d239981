"""The store never deletes what is not ours; it swaps in one rename; migrations and clean-up.

Every refusal is checked through the CLI: exit status != 0, one line on stderr, no
traceback, and the folder (or the previous store) unchanged byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from watwerkt.config import Settings
from watwerkt.graph.exports import canonical_nt
from watwerkt.graph.pipeline import build
from watwerkt.graph.store import MARKER, check_store_target, open_store, read_info


def tree_hash(root: Path) -> str:
    """Every path, link target and file content under root (following the top symlink)."""
    h = hashlib.sha256()
    for p in sorted(Path(root).rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_symlink():
            h.update(os.readlink(p).encode())
        elif p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def refused(cli, *args) -> str:
    if args[0] == "build" and "--corpus" not in args:
        args = (*args, "--corpus", str(Path(__file__).resolve().parent.parent / "data" / "kitchen" / "corpus"))
    code, out, err = cli(*args)
    assert code != 0, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.fixture
def settings(kitchen, tmp_path):
    return Settings(corpus=kitchen / "corpus", store=tmp_path / "store", data=kitchen)


def test_a_folder_that_is_not_a_store_is_refused(cli, kitchen, tmp_path):
    mine = tmp_path / "mijnmap"
    (mine / "docs").mkdir(parents=True)
    (mine / "docs" / "scriptie.txt").write_text("t\n")
    before = tree_hash(tmp_path)
    err = refused(cli, "build", "--store", str(mine), "--data", str(kitchen), "--corpus", str(kitchen / "corpus"))
    assert "mijnmap" in err and "lege of nieuwe map" in err
    assert (mine / "docs" / "scriptie.txt").read_text() == "t\n"
    assert tree_hash(tmp_path) == before


@pytest.mark.parametrize("content", [
    {"graph.nt": b""},  # looks like an old store, but without its build.json
    {"build.json": b"{}"},  # a build.json that is not ours
    {"notes.txt": b"x", "build.json": b'{"nt_sha256": "0"}'},
    {".hidden": b"x"},
])
def test_lookalike_folders_are_refused(cli, kitchen, tmp_path, content):
    folder = tmp_path / "store"
    folder.mkdir()
    for name, data in content.items():
        (folder / name).write_bytes(data)
    before = tree_hash(tmp_path)
    err = refused(cli, "build", "--store", str(folder), "--data", str(kitchen))
    assert "geen watwerkt-opslag" in err
    assert tree_hash(tmp_path) == before


def test_a_file_or_a_foreign_symlink_is_refused(cli, kitchen, tmp_path):
    (tmp_path / "file").write_text("keep")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x").write_text("keep")
    (tmp_path / "link").symlink_to("elsewhere")
    (tmp_path / "dangling").symlink_to("nowhere")
    before = tree_hash(tmp_path)
    for name, why in (("file", "geen watwerkt-opslag"), ("link", "geen watwerkt-opslag"),
                      ("dangling", "geen watwerkt-opslag"), ("file/under", "onder een bestand")):
        assert why in refused(cli, "build", "--store", str(tmp_path / name), "--data", str(kitchen))
    assert tree_hash(tmp_path) == before


def test_store_is_a_symlink_to_a_marked_version(settings):
    build(settings)
    assert settings.store.is_symlink()
    target = settings.store.parent / os.readlink(settings.store)
    assert not os.path.isabs(os.readlink(settings.store))  # relative: the parent may move
    assert target.name.startswith(".store.v-")
    assert json.loads((target / MARKER).read_text())["format"] == 2
    assert check_store_target(settings.store) == "link"
    assert len(open_store(settings.store)) == read_info(settings.store)["triples"]


def test_rebuild_keeps_the_replaced_version_until_the_next_build(settings):
    build(settings)
    first = os.readlink(settings.store)
    build(settings)
    second = os.readlink(settings.store)
    assert second != first

    def hidden():
        return sorted(p.name for p in settings.store.parent.iterdir() if p.name.startswith("."))

    assert hidden() == sorted([".store.lock", first, second])  # a reader of the first still works
    build(settings)
    assert hidden() == sorted([".store.lock", second, os.readlink(settings.store)])


def test_stale_leftovers_are_removed_and_nothing_else(settings):
    build(settings)
    parent = settings.store.parent
    stale = parent / ".store.build-killed1"
    stale.mkdir()
    (stale / MARKER).write_text('{"format": 2}\n')
    (stale / "graph.nt").write_bytes(b"")
    old_scheme = parent / ".store.new-abc"  # staging of the old rename scheme
    old_scheme.mkdir()
    (old_scheme / "graph.nt").write_bytes(b"")
    (parent / ".store.link-dead").symlink_to(".store.v-gone")
    foreign = parent / ".store.build-notours"  # our naming, but not our marker: kept
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("keep")
    neighbour = parent / "other"
    neighbour.mkdir()
    (neighbour / "x").write_text("keep")
    build(settings)
    assert not stale.exists() and not old_scheme.exists() and not (parent / ".store.link-dead").is_symlink()
    assert (foreign / "thesis.txt").read_text() == "keep"
    assert (neighbour / "x").read_text() == "keep"


def _old_layout_store(settings, tmp_path) -> Path:
    """A plain store folder as the previous version wrote it."""
    build(settings)
    real = settings.store.parent / os.readlink(settings.store)
    old = tmp_path / "old"
    shutil.copytree(real, old)
    (old / MARKER).unlink()
    (old / "search.idx").unlink(missing_ok=True)  # the previous version had no search index
    for name in ("graph.ttl", "graph.trig", "graph.jsonld"):
        (old / name).write_bytes(b"")
    return old


@pytest.mark.parametrize("with_marker", [False, True])
def test_migrates_a_plain_store_folder(kitchen, tmp_path, settings, with_marker):
    old = _old_layout_store(settings, tmp_path)
    if with_marker:
        (old / MARKER).write_text('{"format": 2, "tool": "watwerkt"}\n')
    s = Settings(corpus=None, store=old, data=kitchen)
    assert check_store_target(old) == "plain"
    assert len(open_store(old)) > 0  # readers work on the plain folder
    r = build(s)
    assert old.is_symlink() and read_info(old)["nt_sha256"] == r.nt_sha256
    assert len(open_store(old)) == r.triples
    hidden = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".old."))
    aside = [n for n in hidden if n.startswith(".old.v-old")]  # the plain folder, kept for its readers
    assert hidden == sorted([".old.lock", os.readlink(old), *aside]) and len(aside) == 1
    assert not (tmp_path / aside[0] / MARKER).exists() or with_marker
    first = os.readlink(old)
    build(s)
    hidden = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".old."))
    assert hidden == sorted([".old.lock", first, os.readlink(old)])  # the next build removed it


def test_an_empty_folder_becomes_a_store(settings):
    settings.store.mkdir()
    build(settings)
    assert settings.store.is_symlink()


def test_missing_path_with_a_complete_version_is_relinked(settings):
    """A migration killed between its two renames (non-Linux fallback): the next build
    first re-links the newest complete version."""
    from watwerkt.graph.store import _lock, recover_and_clean

    build(settings)
    version = settings.store.parent / os.readlink(settings.store)
    settings.store.unlink()
    with _lock(settings.store):
        recover_and_clean(settings.store)
    assert settings.store.parent / os.readlink(settings.store) == version


def test_concurrent_build_is_refused(cli, settings, kitchen):
    from watwerkt.graph.store import _lock

    build(settings)
    before = tree_hash(settings.store.parent)
    with _lock(settings.store):
        err = refused(cli, "build", "--store", str(settings.store), "--data", str(kitchen))
    assert "andere bouw" in err
    assert tree_hash(settings.store.parent) == before


def test_missing_corpus_given_is_refused(cli, settings, kitchen, tmp_path):
    build(settings)
    (tmp_path / "een-bestand").write_text("x")
    before = tree_hash(tmp_path)
    err = refused(cli, "build", "--store", str(settings.store), "--data", str(kitchen), "--corpus", "/nope")
    assert "/nope" in err
    code, _out, err = cli("build", "--store", str(settings.store), "--data", str(kitchen),
                          env={"WATWERKT_CORPUS": str(tmp_path / "nope")})
    assert code != 0 and "nope" in err and len(err.strip().splitlines()) == 1
    assert tree_hash(tmp_path) == before
    err = refused(cli, "build", "--store", str(settings.store), "--data", str(kitchen),
                  "--corpus", str(tmp_path / "een-bestand"))
    assert "geen map" in err
    assert tree_hash(tmp_path) == before
    with pytest.raises(Exception, match="bestaat niet"):
        build(Settings(corpus=tmp_path / "nope", store=settings.store, data=kitchen))


def test_line_breaks_and_control_characters_survive_the_round_trip(tmp_path):
    import pyoxigraph
    from rdflib import Graph as RdflibGraph

    from watwerkt.graph.terms import IRI as URIRef
    from watwerkt.graph.terms import Graph, Literal

    texts = ["twee\nregels", "cr\r\nlf", 'aanhalings"teken', "back\\slash", "tab\there",
             "bel\x07 del\x7f nul\x00", "unicode é ☃ \u2028", '"""drie"""']
    g = Graph()
    s, p = URIRef("https://w3id.org/watwerkt/id/x"), URIRef("https://w3id.org/watwerkt/def#t")
    for i, t in enumerate(texts):
        g.add((URIRef(f"{s}{i}"), p, Literal(t)))
    g.add((s, p, Literal("nl\nregel", lang="nl")))
    nt = canonical_nt(g)
    assert nt.count(b"\n") == len(texts) + 1  # one line per triple
    store = pyoxigraph.Store()
    store.bulk_load(nt, pyoxigraph.RdfFormat.N_TRIPLES)
    got = {q.object.value for q in store}
    assert got == set(texts) | {"nl\nregel"}
    back = RdflibGraph().parse(data=nt.decode(), format="nt")
    assert {str(o) for o in back.objects()} == got


def test_bad_iri_is_one_line(tmp_path):
    from watwerkt.errors import StoreError
    from watwerkt.graph.terms import IRI as URIRef
    from watwerkt.graph.terms import Graph, Literal

    g = Graph()
    g.add((URIRef("https://w3id.org/watwerkt/id/a b"), URIRef("https://w3id.org/watwerkt/def#t"), Literal("x")))
    with pytest.raises(StoreError, match="IRI"):
        canonical_nt(g)


def test_no_corpus_given_and_no_default_builds_with_one_warning(cli, kitchen, tmp_path, monkeypatch):
    import watwerkt.config

    monkeypatch.delenv("WATWERKT_CORPUS", raising=False)
    monkeypatch.setattr(watwerkt.config, "default_corpus", lambda: None)
    code, _out, err = cli("build", "--store", str(tmp_path / "s"), "--data", str(kitchen))
    assert code == 0, err
    warnings = [line for line in err.splitlines() if "zonder citaten" in line]
    assert len(warnings) == 1
    assert read_info(tmp_path / "s")["quotes"] is False


@pytest.fixture
def small_disk(tmp_path):
    """A 1.5 MB tmpfs: room for one kitchen store, not for two (needs root and mount)."""
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(disk)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root): the disk-full case is not run")
    yield disk
    subprocess.run(["umount", str(disk)], check=False)


def test_disk_full_is_one_line_and_keeps_the_previous_store(cli, kitchen, small_disk):
    store = small_disk / "store"
    code, _out, err = cli("build", "--store", str(store), "--data", str(kitchen),
                          "--corpus", str(kitchen / "corpus"))
    assert code == 0, err
    before = tree_hash(small_disk)
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"x" * max(0, free - 300_000))  # leave less than a store needs
    err = refused(cli, "build", "--store", str(store), "--data", str(kitchen))
    assert "kan de opslag niet schrijven" in err and "intact" in err
    filler.unlink()
    assert tree_hash(small_disk) == before
    assert len(open_store(store)) == read_info(store)["triples"]


def test_migration_without_an_atomic_exchange(kitchen, tmp_path, settings, monkeypatch):
    """Where renameat2 is missing the folder is renamed aside first; the result is the same."""
    import watwerkt.graph.store as store_module

    old = _old_layout_store(settings, tmp_path)
    monkeypatch.setattr(store_module, "_exchange", lambda a, b: False)
    r = build(Settings(corpus=None, store=old, data=kitchen))
    assert old.is_symlink() and read_info(old)["nt_sha256"] == r.nt_sha256
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".old.link-")]
