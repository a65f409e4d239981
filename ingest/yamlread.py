"""Strict YAML for the curated data: every problem is one :class:`DataError` naming file:line.

The file is parsed into events by libyaml (``yaml.CSafeLoader`` when PyYAML has it, the pure
Python parser otherwise) and the values are built here, without recursion, so that:

- a file larger than :data:`MAX_BYTES` is refused before it is parsed;
- the text must be UTF-8 (a UTF-8 byte-order mark is allowed and dropped; UTF-16 and bytes
  that are not UTF-8, such as Latin-1, are refused with the line they are on);
- nesting deeper than :data:`MAX_DEPTH` is refused;
- anchors, aliases (``&a``, ``*a``, ``<<:``) and explicit tags (``!!str``, ``!x``) are refused:
  curated data has no use for them, and refusing them rules out alias bombs;
- a key that appears twice in one mapping is an error naming both lines;
- every mapping is a :class:`YMap` and every sequence a :class:`YSeq`: plain ``dict`` and
  ``list`` that also know their own line and the line of each key or item.

Plain scalars resolve as PyYAML's safe loader resolves them (int, float, bool, null, ...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from watwerkt.errors import DataError

MAX_BYTES = 5_000_000
MAX_DEPTH = 50
NOKEY = object()  # a mapping waiting for its next key


class YMap(dict):
    """A mapping that knows its line (``line``) and the line of each key's value (``lines``)."""

    line: int = 0

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: dict[Any, int] = {}


class YSeq(list):
    """A sequence that knows its line (``line``) and the line of each item (``lines``)."""

    line: int = 0

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: list[int] = []


def _refused(nl: str, en: str, where, line: int, hint: str | None = None, hint_en: str | None = None) -> DataError:
    return DataError(f"{nl} zijn niet toegestaan in de gecureerde data", en=f"{en} are not allowed in curated data",
                     where=f"{where}:{line}", hint=hint, hint_en=hint_en)


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text of ``data``, or a DataError naming the line of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and (data[0] == 0 or data[1] == 0)):
        raise DataError("het bestand is UTF-16, geen UTF-8", en="the file is UTF-16, not UTF-8",
                        where=f"{path}:1", hint="sla het op als UTF-8", hint_en="save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.start + 1].hex()
        raise DataError(f"geen UTF-8: byte 0x{bad} (Latin-1 of een andere codering?)",
                        en=f"not UTF-8: byte 0x{bad} (Latin-1 or another encoding?)", where=f"{path}:{line}",
                        hint="sla het bestand op als UTF-8", hint_en="save the file as UTF-8") from exc


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a data file, refusing folders, missing and oversized files."""
    if path.is_dir():
        raise DataError("is een map, geen YAML-bestand", en="is a folder, not a YAML file", where=str(path))
    if path.exists() and not path.is_file():  # a pipe or a device would block or never end
        raise DataError("is geen gewoon bestand", en="is not a regular file", where=str(path))
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise DataError("bestand niet gevonden", en="file not found", where=str(path)) from exc
    except OSError as exc:
        raise DataError(f"kan het bestand niet lezen: {exc.strerror}", en=f"cannot read the file: {exc.strerror}",
                        where=str(path)) from exc
    if len(data) > max_bytes:
        mb = max_bytes // 1_000_000
        raise DataError(f"bestand groter dan {mb} MB", en=f"file larger than {mb} MB", where=str(path))
    return decode(path, data)


def safe_load(text: str):
    """``yaml.safe_load`` through libyaml when PyYAML has it (about 10x faster), for files
    that need no line marks (stored segmentations, corpus metadata)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader)


def _loader(text: str):
    import yaml

    cls = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    return yaml, cls(text)


_TAGS: dict[tuple, str] = {}  # (plain scalar, implicit) -> its resolved tag


def _scalar(yaml, loader, event, where, line: int) -> Any:
    if event.style is not None and not event.implicit[0]:  # quoted or block: always a text
        return event.value
    key = (event.value, event.implicit)
    tag = _TAGS.get(key)
    if tag is None:
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if len(_TAGS) < 200_000:  # the safe resolver's answer depends on the value alone
            _TAGS[key] = tag
    if tag == "tag:yaml.org,2002:str":
        return event.value
    if tag == "tag:yaml.org,2002:merge":
        raise _refused("YAML-samenvoegsleutels (<<)", "YAML merge keys (<<)", where, line)
    construct = loader.yaml_constructors.get(tag)
    if construct is None:
        raise DataError(f"de waarde {event.value!r} heeft een YAML-type dat de data niet gebruikt",
                        en=f"the value {event.value!r} has a YAML type curated data does not use",
                        where=f"{where}:{line}")
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return construct(loader, node)
    except (ValueError, OverflowError) as exc:
        raise DataError(f"de waarde {event.value!r} is niet te lezen ({exc})",
                        en=f"the value {event.value!r} cannot be read ({exc})", where=f"{where}:{line}") from exc


def parse(text: str, where: Path | str) -> YSeq:
    """All documents of ``text`` (empty documents left out) as a :class:`YSeq`."""
    yaml, loader = _loader(text)
    docs = YSeq(1)
    try:
        _build(yaml, loader, docs, where)
    except yaml.reader.ReaderError as exc:
        line = text.encode("utf-8", "replace")[:exc.position].count(b"\n") + 1
        raise DataError(f"geen geldige YAML: het teken U+{exc.character:04X} is niet toegestaan ({exc.reason})",
                        en=f"not valid YAML: character U+{exc.character:04X} is not allowed ({exc.reason})",
                        where=f"{where}:{line}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        at = f"{where}:{mark.line + 1}" if mark else str(where)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(f"geen geldige YAML: {problem}", en=f"not valid YAML: {problem}", where=at) from exc
    finally:
        loader.dispose()
    return docs


def _build(yaml, loader, docs: YSeq, where) -> None:
    ev = yaml.events
    scalar, mapping, sequence = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    ends = (ev.MappingEndEvent, ev.SequenceEndEvent)
    stack: list[list] = []  # [container, pending key or NOKEY]
    doc_line = 1
    get = loader.get_event
    while (event := get()) is not None:
        cls = event.__class__
        if cls in ends:
            stack.pop()
            continue
        if cls is not scalar and cls is not mapping and cls is not sequence:
            if cls is ev.AliasEvent:
                raise _refused("YAML-aliassen (*naam)", "YAML aliases (*name)", where, event.start_mark.line + 1,
                               "schrijf de waarde uit", "write the value out")
            if cls is ev.DocumentStartEvent:
                stack = []
                doc_line = event.start_mark.line + 1
            continue
        line = event.start_mark.line + 1
        if event.anchor is not None:
            raise _refused(f"YAML-ankers (&{event.anchor})", f"YAML anchors (&{event.anchor})", where, line)
        if event.tag is not None:
            raise _refused(f"YAML-tags ({event.tag})", f"YAML tags ({event.tag})", where, line)
        if cls is scalar:
            value = _scalar(yaml, loader, event, where, line)
            if stack:
                top = stack[-1]
                parent = top[0]
                if parent.__class__ is YMap and top[1] is NOKEY:
                    _key(top, value, line, where)
                    continue
        else:
            value = YMap(line) if cls is mapping else YSeq(line)
        if not stack:
            docs.append(value)
            docs.lines.append(line if cls is not scalar else doc_line)
        else:
            top = stack[-1]
            parent = top[0]
            if parent.__class__ is YMap:
                key = top[1]
                if key is NOKEY:
                    raise DataError("een sleutel is een enkele waarde, geen lijst of mapping",
                                    en="a key must be a plain value, not a list or mapping", where=f"{where}:{line}")
                parent[key] = value
                parent.lines[key] = line
                top[1] = NOKEY
            else:
                parent.append(value)
                parent.lines.append(line)
        if cls is not scalar:
            if len(stack) >= MAX_DEPTH:
                raise DataError(f"dieper genest dan {MAX_DEPTH} niveaus", en=f"nested deeper than {MAX_DEPTH} levels",
                                where=f"{where}:{line}")
            stack.append([value, NOKEY])
    # a document that is only a null scalar (or nothing) is dropped
    keep = [(d, ln) for d, ln in zip(docs, docs.lines, strict=True) if d is not None]
    docs[:] = [d for d, _ in keep]
    docs.lines = [ln for _, ln in keep]


def _key(top: list, key: Any, line: int, where) -> None:
    parent = top[0]
    try:
        hash(key)
    except TypeError as exc:  # pragma: no cover - scalars are hashable
        raise DataError("een sleutel is een enkele waarde", en="a key must be a plain value",
                        where=f"{where}:{line}") from exc
    if key in parent:
        first = parent.lines.get(key, "?")
        raise DataError(f"sleutel {key!r} staat twee keer in één mapping (regels {first} en {line})",
                        en=f"key {key!r} appears twice in one mapping (lines {first} and {line})",
                        where=f"{where}:{line}")
    top[1] = key
    parent.lines[key] = line  # the value's line replaces this when the value starts


def read_documents(path: Path) -> YSeq:
    """Every document in the YAML file ``path``, strictly."""
    return parse(read_text(path), path)
