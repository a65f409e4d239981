"""Where output goes: -o and --out edge cases, through the CLI and the atomic-write helper.

A refusal is: exit status != 0, one line on stderr, no traceback, and nothing written or
changed (the previous store and every file around it byte for byte). A symlink is followed, a
device is written to in place, an existing file keeps its mode.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from watwerkt.atomic import OutputError, atomic_write_bytes, check_output_dir, check_output_path

KITCHEN = Path(__file__).resolve().parent.parent / "data" / "kitchen"


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(Path(root).rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_symlink():
            h.update(os.readlink(p).encode())
        elif p.is_file():
            h.update(p.read_bytes())
            h.update(str(stat.S_IMODE(p.stat().st_mode)).encode())
    return h.hexdigest()


def read_only_dir(path: Path) -> None:
    """Make ``path`` a folder nobody may write in (root: the immutable attribute)."""
    path.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)]).returncode:
            pytest.skip("running as root without chattr +i: cannot make a read-only folder")
    else:
        path.chmod(0o555)


def undo_read_only(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        path.chmod(0o755)


@pytest.fixture
def place(tmp_path):
    """A folder with a file, a file to lie under, a read-only folder and some links."""
    (tmp_path / "bestaand.json").write_text("oud\n")
    (tmp_path / "bestand").write_text("ik ben een bestand\n")
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "x").write_text("x\n")
    (tmp_path / "naar-map").symlink_to("map")
    (tmp_path / "lus").symlink_to("lus")
    ro = tmp_path / "alleen-lezen"
    ro.mkdir()
    (ro / "f.json").write_text("oud\n")
    read_only_dir(ro)
    yield tmp_path
    undo_read_only(ro)


REFUSED = {
    "folder": ("map", "is een map"),
    "symlink-to-folder": ("naar-map", "is een map"),
    "empty": ("", "map"),  # click turns '' into '.', the current folder
    "under-a-file": ("bestand/uit.json", "onder een bestand"),
    "deep-under-a-file": ("bestand/a/b/uit.json", "onder een bestand"),
    "missing-parent": ("bestaat-niet/uit.json", "bestaat niet"),
    "read-only-folder": ("alleen-lezen/nieuw.json", "schrijfrechten"),
    "read-only-folder-existing-file": ("alleen-lezen/f.json", "schrijfrechten"),
    "symlink-loop": ("lus", "kan niet schrijven"),
    "disk-full": ("/dev/full", "vol"),
}


# a listing given an existing folder writes one file in it (watwerkt/output.py); a single-file
# writer (the atomic helper itself, `ontology -o`) refuses a folder
FOLDERS = {"folder", "symlink-to-folder"}


@pytest.mark.parametrize("case", sorted(set(REFUSED) - FOLDERS))
def test_listing_output_refused(cli, kitchen_store, place, case):
    target, why = REFUSED[case]
    path = target if target.startswith("/") or target == "" else str(place / target)
    before, store_before = tree_hash(place), tree_hash(kitchen_store)
    code, out, err = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", path)
    assert code != 0, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert why in err, err
    assert out == ""
    assert tree_hash(place) == before and tree_hash(kitchen_store) == store_before


@pytest.mark.parametrize("case", ["folder", "symlink-to-folder", "under-a-file", "missing-parent",
                                  "read-only-folder", "empty"])
def test_ontology_output_refused(cli, place, case):
    target, why = REFUSED[case]
    path = target if target == "" else str(place / target)
    before = tree_hash(place)
    code, _out, err = cli("ontology", "-o", path)
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert tree_hash(place) == before


def test_listing_into_a_folder_writes_one_file_there(cli, kitchen_store, place):
    code, _out, err = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", str(place / "map"))
    assert code == 0, err
    new = sorted(p.name for p in (place / "map").iterdir())
    assert "x" in new and len(new) == 2 and (place / "map" / "x").read_text() == "x\n"


def test_existing_file_keeps_its_mode(cli, kitchen_store, place):
    target = place / "bestaand.json"
    for mode in (0o640, 0o600, 0o755):
        target.chmod(mode)
        code, _out, err = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", str(target))
        assert code == 0, err
        assert stat.S_IMODE(target.stat().st_mode) == mode
        assert target.read_text() != "oud\n"


def test_symlink_is_followed_not_replaced(cli, kitchen_store, place):
    link = place / "koppeling.json"
    link.symlink_to("bestaand.json")
    code, _out, err = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == "bestaand.json"
    assert (place / "bestaand.json").read_text().startswith("[")
    dangling = place / "los.json"
    dangling.symlink_to("nieuw-doel.json")
    code, _out, err = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", str(dangling))
    assert code == 0, err
    assert dangling.is_symlink() and (place / "nieuw-doel.json").read_text().startswith("[")


def test_devices_are_written_to_not_replaced(cli, kitchen_store, place):
    code, _out, err = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", "/dev/null")
    assert code == 0, err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = place / "pijp"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _out, err = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", str(fifo))
    reader.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and got and got[0].startswith(b"[")


def test_dev_stdout_in_a_subprocess(kitchen_store):
    watwerkt = Path(os.sys.executable).parent / "watwerkt"
    proc = subprocess.run([str(watwerkt), "cases", "--store", str(kitchen_store), "--format", "json",
                           "-o", "/dev/stdout"], capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"[")


@pytest.fixture
def built(kitchen, tmp_path_factory):
    """A store of its own (the build tests change it)."""
    from watwerkt.config import Settings
    from watwerkt.graph.pipeline import build

    store = tmp_path_factory.mktemp("own") / "store"
    build(Settings(corpus=kitchen / "corpus", store=store, data=kitchen))
    return store


BUILD_REFUSED = {
    "export-without-out": ([], "--out"),
    "out-is-a-file": (["--out", "bestand"], "is een bestand"),
    "out-under-a-file": (["--out", "bestand/exports"], "onder een bestand"),
    "out-missing-parent": (["--out", "nee/nee/exports"], "bestaat niet"),
    "out-in-read-only": (["--out", "alleen-lezen/exports"], "schrijfrechten"),
    "out-empty": (["--out", ""], "map"),
}


@pytest.mark.parametrize("case", sorted(BUILD_REFUSED))
def test_build_export_refused_before_building(cli, built, place, case, monkeypatch):
    extra, why = BUILD_REFUSED[case]
    extra = [e if e in ("--out", "") else str(place / e) for e in extra]
    before, store_before = tree_hash(place), tree_hash(built.parent)
    from watwerkt.graph import pipeline

    monkeypatch.setattr(pipeline, "build_graph_from", lambda *a, **k: pytest.fail("built anyway"))
    code, _out, err = cli("build", "--store", str(built), "--data", str(KITCHEN),
                          "--corpus", str(KITCHEN / "corpus"), "--export", "ttl", *extra)
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert why in err, err
    assert tree_hash(place) == before and tree_hash(built.parent) == store_before


@pytest.mark.parametrize("where", ["store", "store/sub", "store/oxigraph"])
def test_exports_never_go_into_the_store(cli, built, where):
    out = str(built.parent / where)
    before = tree_hash(built.parent)
    for args in (["build", "--store", str(built), "--data", str(KITCHEN), "--corpus", str(KITCHEN / "corpus"),
                  "--export", "ttl", "--out", out],
                 ["export", "ttl", "--store", str(built), "--out", out]):
        code, _out, err = cli(*args)
        assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert "in de opslag" in err
    assert tree_hash(built.parent) == before


def test_export_command_equals_build_export(cli, built, tmp_path):
    code, _out, err = cli("build", "--store", str(built), "--data", str(KITCHEN), "--corpus", str(KITCHEN / "corpus"),
                          "--export", "trig", "--export", "jsonld", "--out", str(tmp_path / "a"))
    assert code == 0, err
    for fmt, name in (("trig", "graph.trig"), ("jsonld", "graph.jsonld")):
        code, _out, err = cli("export", fmt, "--store", str(built), "--out", str(tmp_path / "b"))
        assert code == 0, err
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_build_export_makes_a_new_folder(cli, built, tmp_path):
    code, _out, err = cli("build", "--store", str(built), "--data", str(KITCHEN),
                          "--corpus", str(KITCHEN / "corpus"), "--export", "nt", "--export", "ttl",
                          "--out", str(tmp_path / "exports"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == ["graph.nt", "graph.ttl"]
    assert (tmp_path / "exports" / "graph.nt").read_bytes() == (built / "graph.nt").read_bytes()


def test_helper_checks_without_writing(place):
    with pytest.raises(OutputError):
        check_output_path(place / "map")
    with pytest.raises(OutputError):
        check_output_path("")
    with pytest.raises(OutputError):
        check_output_dir(place / "bestand")
    check_output_path(place / "nieuw" / "diep" / "f.txt", parents=True)  # made when writing
    assert not (place / "nieuw").exists()
    atomic_write_bytes(place / "nieuw" / "diep" / "f.txt", b"ja", parents=True)
    assert (place / "nieuw" / "diep" / "f.txt").read_bytes() == b"ja"
    assert [p.name for p in (place / "nieuw" / "diep").iterdir()] == ["f.txt"]  # no temporary left


def test_interrupted_write_leaves_the_old_file(place, monkeypatch):
    target = place / "bestaand.json"

    def boom(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"nieuw")
    assert target.read_text() == "oud\n"
    assert not [p for p in place.iterdir() if p.name.endswith(".tmp")]
