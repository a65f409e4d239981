"""Moved to :mod:`watwerkt.atomic` (core), where every layer may use it.

This shim keeps the old import path working for modules not yet switched over; like the old
helper it makes missing parent folders. Import from ``watwerkt.atomic`` instead.
"""

from __future__ import annotations

from watwerkt.atomic import OutputError, check_output_dir, check_output_path
from watwerkt.atomic import atomic_write_bytes as _write_bytes

__all__ = ["OutputError", "atomic_write_bytes", "atomic_write_text", "check_output_dir",
           "check_output_path"]


def atomic_write_bytes(path, data: bytes) -> None:
    _write_bytes(path, data, parents=True)


def atomic_write_text(path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"), parents=True)
