"""A listing: what every question's answer looks like once a view has put it into words.

A question function in ``watwerkt.queries`` returns a typed result (frozen dataclasses). A
*view* turns that result into a :class:`Listing` in one language: a title, the resolved
filters, one or more :class:`Table` s, notes, and the result itself for JSON. Renderers
(``watwerkt.renderers``) turn a listing into text, Markdown, CSV, JSON, HTML or PDF; none of
them knows which question it renders.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # already in the listing's language
    min_width: int = 4
    brief: bool = True  # False: left out of the terminal table (still in CSV, Markdown, JSON)


@dataclass(frozen=True)
class Table:
    name: str  # stable id: ``--table NAME`` and the file name under ``-o DIR/``
    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict, ...]


@dataclass(frozen=True)
class Listing:
    command: str
    lang: str
    title: str
    tables: tuple[Table, ...]
    resolved: tuple[str, ...] = ()  # how each filter term was understood, one line each
    notes: tuple[str, ...] = ()
    data: Any = None  # the typed result; JSON renders this
    extra: dict = field(default_factory=dict)  # renderer hints (e.g. a graph for HTML)

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        from watwerkt.errors import UsageError

        raise UsageError(f"geen tabel {name!r}", en=f"no table {name!r}",
                         hint="kies uit: " + ", ".join(t.name for t in self.tables),
                         hint_en="choose from: " + ", ".join(t.name for t in self.tables))


def cell_text(value) -> str:
    """One cell as text: lists joined with commas, booleans as ja/nee, whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return ", ".join(cell_text(v) for v in items)
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())


def to_jsonable(obj):
    """Plain JSON data from typed results: dataclasses, enums, sets (sorted), tuples."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not f.name.startswith("_")}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, set | frozenset):
        return sorted(to_jsonable(v) for v in obj)
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj
