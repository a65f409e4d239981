"""Atomic writes: a file appears whole or not at all, and every target is checked first.

- A regular file (new or existing) is written to a temporary sibling and renamed over the
  target (``os.replace`` is atomic on POSIX). An existing file keeps its permission bits.
- A symlink is followed: the file it points at is replaced atomically, the link stays a link.
- A device, FIFO or socket (``/dev/null``, ``/dev/stdout``) is written to directly, never
  replaced.
- Anything that cannot take a file -- an empty path, a folder, a path under a regular file, a
  missing folder, a folder we may not write in -- is refused with one line (an
  :class:`OutputError`) naming the path and what to do, before a byte is written.

``check_output_path`` and ``check_output_dir`` run the same checks without writing, so a
command can refuse a bad ``-o``/``--out`` before it does any work. Nothing here imports more
than the standard library.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from watwerkt.errors import WatwerktError


class OutputError(WatwerktError):
    """An output path that cannot be written (one line: the path and what to do)."""

    exit_code = 2


def _error(where, nl: str, en: str, hint: str, hint_en: str) -> OutputError:
    err = OutputError(nl, where=str(where) if where is not None else None, hint=hint)
    err.en, err.hint_en = en, hint_en  # read by the CLI's --lang en, where it supports it
    return err


def _empty() -> OutputError:
    return _error(None, "leeg uitvoerpad", "empty output path",
                  "geef een bestandsnaam, of - voor de standaarduitvoer",
                  "give a file name, or - for standard output")


def _is_folder(path) -> OutputError:
    return _error(path, "is een map, geen bestand", "is a folder, not a file",
                  "geef een bestandsnaam in die map", "give a file name inside that folder")


def _os_error(path, exc: OSError) -> OutputError:
    """One line for an OSError met while checking or writing ``path``."""
    code = exc.errno
    if code == errno.ENOTDIR:
        return _error(path, "ligt onder een bestand, niet onder een map", "lies under a file, not a folder",
                      "kies een pad in een bestaande map", "choose a path inside an existing folder")
    if code == errno.ENOENT:
        return _error(path, "de map bestaat niet", "the folder does not exist",
                      "maak de map eerst aan of kies een bestaande", "create the folder first or choose one that exists")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _error(path, "geen schrijfrechten in deze map", "no permission to write in this folder",
                      "kies een map waarin je mag schrijven", "choose a folder you may write in")
    if code == errno.EISDIR:
        return _is_folder(path)
    if code == errno.ENOSPC:
        return _error(path, "de schijf is vol", "the disk is full", "maak ruimte vrij", "free some space")
    reason = exc.strerror or type(exc).__name__
    return _error(path, f"kan niet schrijven: {reason}", f"cannot write: {reason}",
                  "kies een ander pad", "choose another path")


def _writable_folder(folder: Path, shown) -> None:
    try:
        st = os.stat(folder)
    except OSError as exc:
        raise _os_error(shown, exc) from None
    if not stat.S_ISDIR(st.st_mode):
        raise _os_error(shown, OSError(errno.ENOTDIR, "not a directory"))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _os_error(shown, OSError(errno.EACCES, "permission denied"))


def _plan(path, *, parents: bool = False) -> tuple[str, Path, int | None]:
    """Check ``path``; return (kind, where to write, mode to keep).

    kind is ``"direct"`` (a device: write in place) or ``"replace"`` (atomic rename over the
    real file). With ``parents`` a missing folder is fine (it is made when writing).
    """
    text = os.fspath(path)
    if text == "":
        raise _empty()
    if text.endswith(os.sep):
        raise _is_folder(text)
    p = Path(text)
    try:
        st = os.stat(p)  # follows symlinks
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _os_error(text, exc) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise _is_folder(text)
    if st is not None and not stat.S_ISREG(st.st_mode):
        return "direct", p, None  # a device, FIFO or socket: written to, never replaced
    if st is not None and (text.startswith("/dev/") or text.startswith("/proc/")):
        return "direct", p, None  # e.g. /dev/stdout redirected to a file: the shell owns it
    real = Path(os.path.realpath(p)) if p.is_symlink() else p
    folder = real.parent
    if parents and st is None:
        probe = folder
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        if probe.exists() and not probe.is_dir():
            raise _os_error(text, OSError(errno.ENOTDIR, "not a directory"))
        if probe != folder:
            _writable_folder(probe, text)
            return "replace", real, None
    _writable_folder(folder, text)
    return "replace", real, (stat.S_IMODE(st.st_mode) if st is not None else None)


def check_output_path(path, *, parents: bool = False) -> None:
    """Refuse, with one line, a path ``atomic_write_bytes`` could not write."""
    _plan(path, parents=parents)


def check_output_dir(path) -> Path:
    """A folder for several output files: an existing folder we may write in, or a new one
    whose parent exists and is writable. Returns the path; makes nothing."""
    text = os.fspath(path)
    if text == "":
        raise _error(None, "lege map voor de uitvoer", "empty output folder",
                     "geef een map", "give a folder")
    p = Path(text)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _os_error(text, exc) from None
    if st is None:
        _writable_folder(p.absolute().parent, text)
    elif not stat.S_ISDIR(st.st_mode):
        raise _error(text, "is een bestand, geen map", "is a file, not a folder",
                     "geef een map (bestaand of nieuw)", "give a folder (existing or new)")
    else:
        _writable_folder(p, text)
    return p


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path, data: bytes, *, parents: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all (see the module docstring)."""
    kind, real, mode = _plan(path, parents=parents)
    shown = os.fspath(path)
    if kind == "direct":
        try:
            with open(real, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise _os_error(shown, exc) from None
        return
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise _os_error(shown, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), _default_mode() if mode is None else mode)  # mkstemp makes 0600
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, real)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _os_error(shown, exc) from None
        raise


def atomic_write_text(path, text: str, *, parents: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), parents=parents)
