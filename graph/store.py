"""The embedded store: a marked, versioned folder behind a symlink, swapped in one rename.

Layout, for ``--store ~/.local/share/watwerkt``::

    watwerkt -> .watwerkt.v-k3j9x2      the store path: a relative symlink to the live version
    .watwerkt.v-k3j9x2/
        .watwerkt-store                 marker: {"format": 2, "tool": "watwerkt"}
        graph.nt                        canonical N-Triples (sorted lines): the reference
        oxigraph/                       the on-disk Oxigraph store the queries open read-only
        search.idx                      zoek's index of labels and passages (graph/search_index.py)
        build.json                      written last: counts, quotes or not, the N-Triples hash
    .watwerkt.build-…/                  a build in progress (carries the marker from the start)
    .watwerkt.lock                      held (flock) by the one build that may write

A build writes a staging folder ``.<name>.build-XXXX``, renames it to ``.<name>.v-XXXX`` when
it is complete, and then replaces the symlink by ``os.replace`` of a new symlink: one atomic
rename, so a reader (or a kill) sees the old complete store or the new one, never a mix.
The version it replaced stays until the next build starts, so a reader that opened it just
before the swap keeps working. At the start of every build, leftovers that carry our marker
and naming are removed: staging folders of killed builds and versions no longer linked.
Nothing else is ever deleted: ``--store`` on a folder that is neither empty nor a watwerkt store is refused.

A plain store folder of an older version (with the marker, or the old ``build.json`` layout)
is migrated: on Linux the folder and the new symlink are exchanged atomically
(``renameat2(RENAME_EXCHANGE)``); elsewhere the folder is renamed aside first and a build that
finds the path missing re-links the newest complete version before anything else.

Turtle, TriG and JSON-LD are no longer kept in the store; ``watwerkt build --export FMT --out
DIR`` writes them (see :mod:`watwerkt.graph.exports`). Choice of Oxigraph over rdflib's memory
store: see bench/store.md.
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

from watwerkt.errors import StoreError

MARKER = ".watwerkt-store"
FORMAT = 2
OLD_LAYOUT = {"graph.nt", "graph.ttl", "graph.trig", "graph.jsonld", "oxigraph", "build.json"}


def _err(where, nl: str, en: str, hint: str, hint_en: str) -> StoreError:
    err = StoreError(nl, where=str(where), hint=hint)
    err.en, err.hint_en = en, hint_en  # read by the CLI's --lang en, where it supports it
    return err


def _marker_format(folder: Path) -> int | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        return int(data["format"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _ours(folder: Path, *, strict: bool = False) -> bool:
    """A folder we made: it carries the marker, or holds only what an old store held (and,
    with ``strict``, an old ``build.json`` with the N-Triples hash)."""
    if not folder.is_dir() or folder.is_symlink():
        return False
    if _marker_format(folder) is not None:
        return True
    names = {p.name for p in folder.iterdir()}
    if not names or not names <= OLD_LAYOUT:
        return False
    if not strict:
        return True
    try:
        return "nt_sha256" in json.loads((folder / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return False


def _is_store(folder: Path) -> bool:
    return _ours(folder) and (folder / "build.json").is_file()


def check_store_target(store: Path) -> str:
    """What lies at ``store``: ``missing``, ``link``, ``empty`` or ``plain`` (an older store).

    Anything else is refused with one line before a build does any work.
    """
    store = Path(store)
    try:
        return _classify(store)
    except OSError as exc:
        raise _err(store, f"kan deze map niet lezen: {exc.strerror}", f"cannot read this folder: {exc.strerror}",
                   "kies een andere map voor --store", "choose another folder for --store") from None


def _classify(store: Path) -> str:
    refuse = _err(store, "bestaat al en is geen watwerkt-opslag; er is niets veranderd",
                  "exists and is not a watwerkt store; nothing was changed",
                  "kies een lege of nieuwe map voor --store", "choose an empty or new folder for --store")
    if store.is_symlink():
        target = Path(os.path.realpath(store))
        if target.is_dir() and _marker_format(target) is not None:
            if _marker_format(target) > FORMAT:
                raise _err(store, "gemaakt door een nieuwere watwerkt", "made by a newer watwerkt",
                           "werk watwerkt bij", "upgrade watwerkt")
            return "link"
        raise refuse
    if not store.exists():
        parent = store.absolute().parent
        probe = parent
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        if not probe.is_dir():
            raise _err(store, "ligt onder een bestand, niet onder een map", "lies under a file, not a folder",
                       "kies voor --store een pad in een bestaande map",
                       "choose a path inside an existing folder for --store")
        if not os.access(probe, os.W_OK | os.X_OK):
            raise _err(probe, "geen schrijfrechten in deze map", "no permission to write in this folder",
                       "kies voor --store een map waarin je mag schrijven",
                       "choose a folder you may write in for --store")
        return "missing"
    if not store.is_dir():
        raise refuse
    if not any(store.iterdir()):
        return "empty"
    if _ours(store, strict=True):
        return "plain"
    raise refuse


def _names(store: Path) -> tuple[Path, str]:
    store = Path(store).absolute()
    return store.parent, store.name


@contextmanager
def _lock(store: Path):
    import fcntl

    parent, name = _names(store)
    fd = os.open(parent / f".{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _err(store, "een andere bouw schrijft nu deze opslag", "another build is writing this store",
                       "wacht tot die klaar is", "wait until it has finished") from None
        yield
    finally:
        os.close(fd)


def _live(store: Path) -> Path | None:
    return Path(os.path.realpath(store)) if Path(store).is_symlink() else None


def _versions(store: Path) -> list[Path]:
    parent, name = _names(store)
    found = [p for p in parent.iterdir() if p.name.startswith(f".{name}.v-") and _is_store(p)]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns)


def _relink(store: Path, version: Path) -> None:
    """Point the symlink ``store`` at ``version`` in one rename."""
    parent, name = _names(store)
    tmp = parent / f".{name}.link-{os.urandom(4).hex()}"
    os.symlink(version.name, tmp)
    os.replace(tmp, store)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    import ctypes

    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _migrate(store: Path, version: Path) -> Path | None:
    """Replace a plain folder (an older store, or an empty folder) by the symlink; return
    where the old store now is (kept, like a replaced version, until the next build)."""
    parent, name = _names(store)
    aside = parent / f".{name}.v-old{os.urandom(4).hex()}"
    tmp = parent / f".{name}.link-{os.urandom(4).hex()}"
    os.symlink(version.name, tmp)
    if _exchange(tmp, store):  # the old folder now sits at tmp
        if not any(tmp.iterdir()):
            tmp.rmdir()
            return None
        if _ours(tmp):
            os.rename(tmp, aside)
            return aside
        return None  # something appeared in it meanwhile: left as it is, never deleted
    os.unlink(tmp)
    os.rename(store, aside)  # a kill here: the next build re-links the newest version
    _relink(store, version)
    return aside


def recover_and_clean(store: Path, keep: tuple[Path | None, ...] = ()) -> None:
    """Start-up recovery and clean-up; call with the lock held.

    If the path is missing but a complete version exists (a migration killed midway), link
    the newest. Then remove, among the siblings named after ``store``, only what is ours and
    neither live nor in ``keep``: staging folders, unlinked versions, temporary links, the old
    scheme's ``.new-``/``.old-`` folders.
    """
    parent, name = _names(store)
    if not store.exists() and not store.is_symlink():
        versions = _versions(store)
        if versions:
            _relink(store, versions[-1])
    kept = {_live(store), *(Path(os.path.realpath(k)) for k in keep if k is not None)}
    for p in parent.iterdir():
        if not p.name.startswith(f".{name}."):
            continue
        kind = p.name[len(name) + 2:].split("-", 1)[0]
        if kind == "link" and p.is_symlink():
            p.unlink(missing_ok=True)
        elif (kind in ("build", "v", "link", "new", "old") and Path(os.path.realpath(p)) not in kept
              and (_ours(p) or _killed_at_birth(p, kind))):
            import shutil

            shutil.rmtree(p, ignore_errors=True)


def _killed_at_birth(p: Path, kind: str) -> bool:
    """A staging folder killed between its creation and its marker: empty, or holding only a
    partly written marker. Nothing of anyone else's can be lost by removing it."""
    if kind != "build" or p.is_symlink() or not p.is_dir():
        return False
    try:
        return set(os.listdir(p)) <= {MARKER}
    except OSError:
        return False


def write_store(lines: list[str], store: Path, info: dict, *, _hook=None) -> dict:
    """Write the canonical N-Triples ``lines`` (sorted) and the Oxigraph store as a new version
    and swap it in. The lines are written to the file one batch at a time and freed, so the
    whole text is never held twice; returns ``info`` with the count and hash of the N-Triples."""
    store = Path(store)
    check_store_target(store)
    parent, _name = _names(store)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with _lock(store):
            state = check_store_target(store)  # again, now that no other build can change it
            recover_and_clean(store)
            if state == "missing" and store.is_symlink():
                state = "link"  # recovered
            previous = _live(store)
            migrated, info = _write_version(store, state, lines, info, _hook)
            _fsync_dir(parent)
            # the version just replaced stays until the next build starts: a reader that opened
            # it before the swap keeps working (Oxigraph opens its files lazily)
            recover_and_clean(store, keep=(previous, migrated))
    except (OSError, RuntimeError) as exc:  # disk full, permissions; RocksDB raises RuntimeError
        reason = getattr(exc, "strerror", None) or " ".join(str(exc).split())[:160]
        raise _err(store, f"kan de opslag niet schrijven: {reason}; de vorige opslag is intact",
                   f"cannot write the store: {reason}; the previous store is intact",
                   "maak ruimte vrij of kies een andere map voor --store",
                   "free some space or choose another folder for --store") from None
    return info


def _write_nt(path: Path, lines: list[str]) -> tuple[int, str]:
    """Write the N-Triples ``lines``, emptying the list as it goes; fsync; return the number of
    triples and the SHA-256 of the bytes."""
    import hashlib

    h = hashlib.sha256()
    count = 0
    with open(path, "wb") as fh:
        while lines:
            data = "".join(lines[:100_000]).encode("utf-8")
            count += min(len(lines), 100_000)
            del lines[:100_000]
            h.update(data)
            fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return count, h.hexdigest()


def _write_version(store: Path, state: str, lines: list, info: dict, hook) -> tuple[Path | None, dict]:
    """Stage a complete version beside the store and swap it in; on any failure remove it.
    Returns where a migrated plain store now lies (None otherwise), and the info with the
    counts and the hash of the N-Triples."""
    import shutil
    import tempfile

    import pyoxigraph

    parent, name = _names(store)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.build-", dir=parent))
    version = parent / f".{name}.v-{staging.name.rsplit('-', 1)[-1]}"
    try:
        os.chmod(staging, 0o755)
        _write_synced(staging / MARKER, (json.dumps({"format": FORMAT, "tool": "watwerkt"}) + "\n").encode())
        count, sha = _write_nt(staging / "graph.nt", lines)
        info = {**info, "triples": count, "nt_sha256": sha}
        if hook:
            hook(staging)  # tests interrupt the build here
        ox = pyoxigraph.Store(str(staging / "oxigraph"))
        ox.bulk_load(path=str(staging / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
        ox.flush()
        from watwerkt.graph.search_index import write_index  # zoek's index (search-index helper)

        write_index(staging, staging / "graph.nt", ox, info["nt_sha256"])  # mapped, not read
        del ox
        _write_synced(staging / "build.json", (json.dumps(info, indent=1, sort_keys=True) + "\n").encode())
        _fsync_dir(staging)
        os.rename(staging, version)
        if state in ("missing", "link"):
            _relink(store, version)
            return None, info
        return _migrate(store, version), info
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if _live(store) != Path(os.path.realpath(version)):
            shutil.rmtree(version, ignore_errors=True)
        raise


def _write_synced(path: Path, data: bytes) -> None:
    """Write and fsync, so a power cut after the swap cannot leave an empty file behind."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_info(store: Path) -> dict:
    path = Path(store) / "build.json"
    if not path.exists():
        raise StoreError("no graph has been built here yet", where=str(store),
                         hint="run `watwerkt build` first")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read build.json: {exc}", where=str(store),
                         hint="run `watwerkt build` again") from None


def open_store(store: Path):
    """The Oxigraph store of a build, opened read-only (through the symlink, resolved once)."""
    import pyoxigraph

    last = None
    for _attempt in range(3):  # a build may swap versions between resolving and opening
        real = Path(os.path.realpath(store))
        read_info(real if real.exists() else Path(store))
        try:
            return pyoxigraph.Store.read_only(str(real / "oxigraph"))
        except (OSError, RuntimeError) as exc:  # RocksDB reports a vanished file as corruption
            last = exc
            if Path(os.path.realpath(store)) == real:
                break
    reason = " ".join(str(last).split())[:200]
    raise StoreError(f"cannot open the graph store: {reason}", where=str(store),
                     hint="run `watwerkt build` again")
