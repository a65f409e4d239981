"""Write a rendered listing: to stdout, atomically to a file, or one file per table in a folder."""

from __future__ import annotations

import sys
from pathlib import Path

from watwerkt.errors import UsageError


def wants_directory(output: str | Path | None) -> bool:
    """``-o DIR/`` (a trailing slash: made when missing) or an existing folder: one file per
    table, named after the table (or the listing when it has one)."""
    if output is None or str(output) in ("-", ""):
        return False
    return str(output).endswith("/") or Path(output).is_dir()


def _atomic():
    from watwerkt.atomic import atomic_write_bytes

    return atomic_write_bytes


def write_output(data: bytes | dict[str, bytes], output: str | Path | None, *, binary: bool = False,
                 name: str = "uitvoer") -> None:
    """``data`` to stdout, a file, or a folder (``-o DIR/``: one file per table, or ``name``)."""
    if isinstance(data, dict):
        if not wants_directory(output):
            raise UsageError("deze uitvoer bestaat uit meerdere bestanden; geef een map met -o MAP/",
                             en="this output is several files; give a folder with -o DIR/")
        folder = Path(output)
        for name, blob in sorted(data.items()):
            _atomic()(folder / name, blob, parents=True)
        return
    if output is None or str(output) == "-":
        if binary and sys.stdout.isatty():
            raise UsageError("binaire uitvoer niet naar de terminal; geef -o BESTAND",
                             en="binary output not to a terminal; give -o FILE")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if wants_directory(output):
        _atomic()(Path(output) / name.replace("table", "txt"), data, parents=True)
        return
    _atomic()(Path(output), data)
