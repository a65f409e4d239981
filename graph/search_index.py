"""The search index of a store version: what ``zoek`` reads, written at build time.

``zoek`` used to run the ``labels`` query (every label, description, title and quote of the
graph) and fold every text in Python on each search: 0.5 s on the real graph, most of a
minute at a thousand cases. The build now writes ``search.idx`` into the new store version,
beside ``graph.nt``, before the version is swapped in; the index and the graph it was made
from are therefore always the same build. It holds:

- the rows of the ``labels`` query, ``(node, kind, text)``, deduplicated, read from the
  canonical N-Triples (the same triples the store holds; a test pins the two equal);
- every distinct text of those rows folded once (:func:`fast_fold`), one per line, so a
  search is one ``str.find`` pass and one rapidfuzz pass over it;
- the source passages (``ww:searchText``) in the order of the query ``zoek`` ran before.

Contact details: the passages are masked by the build already; label texts are masked here
(:func:`watwerkt.contact.mask_contacts`) before they are folded or stored, so the index holds
no phone number or e-mail address either (the real graph has none in its labels).

File layout (all integers little-endian)::

    b"WWSEARCH" | uint32 header length | header (JSON, sorted keys) | sections (8-byte aligned)

The header names each section's offset and length. The same graph gives the same bytes.
Heavy imports stay inside the functions: opening an index costs no pyoxigraph.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from pathlib import Path

NAME = "search.idx"
MAGIC = b"WWSEARCH"
FORMAT = 1
ID = "https://w3id.org/watwerkt/id/"
# the kinds of the labels query, sorted: their order is the tie-break of equal scores
KINDS = ("concept", "description", "label", "quote", "title")

_PREDICATES = (
    ("http://www.w3.org/2000/01/rdf-schema#label", "label"),
    ("http://www.w3.org/2004/02/skos/core#prefLabel", "concept"),
    ("http://www.w3.org/2004/02/skos/core#altLabel", "concept"),
    ("http://purl.org/dc/terms/description", "description"),
    ("http://purl.org/dc/terms/title", "title"),
)
_QUOTE = "https://w3id.org/watwerkt/def#quote"
_ANCHOR = "https://w3id.org/watwerkt/def#anchor"
_CONFIGURATION = (b" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                  b"<https://w3id.org/watwerkt/def#Configuration>")

PASSAGES = """PREFIX ww: <https://w3id.org/watwerkt/def#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?anchor ?text ?source ?line WHERE {
  ?anchor ww:searchText ?text ; oa:hasSource ?source ; oa:start ?start .
  OPTIONAL { ?anchor ww:line ?line }
} ORDER BY ?source ?start"""


# --- folding -------------------------------------------------------------------------------

_CHARS: dict[int, str] = {}


def _fold_char(ch: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("_", " ")
    return "".join(c if c.isalnum() or c in " '()+" else " " for c in s)


_ASCII = bytes(ord(_fold_char(chr(i))) for i in range(128)) + bytes(128)  # one byte for one


def fast_fold(text: str) -> str:
    """:func:`watwerkt.folding.fold` character by character through one ``translate`` (the
    same result for every text but a Greek final sigma; several times faster)."""
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII).decode("ascii").split())
    for ch in set(text):
        if ord(ch) not in _CHARS:
            _CHARS[ord(ch)] = _fold_char(ch)
    return " ".join(text.translate(_CHARS).split())


# --- reading the rows from the N-Triples -----------------------------------------------------

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(s: str) -> str:
    if "\\" not in s:
        return s
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                       else _ECHAR.get(m.group(3), m.group(0)), s)


def _objects(nt: bytes, predicate: str, subjects: bytes | None = None):
    """(subject, object) of every triple with ``predicate`` in canonical N-Triples: the
    subject as its N-Triples bytes, the object as its value (a literal's lexical form, an
    IRI's text) or, for a blank node, its bytes. With ``subjects``, only the subjects that
    start with those bytes."""
    pat = b" <" + predicate.encode() + b"> "
    find, rfind, n = nt.find, nt.rfind, len(pat)
    pos = find(pat)
    while pos >= 0:
        start = rfind(b"\n", 0, pos) + 1
        end = find(b"\n", pos)
        if end < 0:
            end = len(nt)
        # the predicate of this line (no space before it), not text inside a literal
        if find(b" ", start, pos) < 0 and (subjects is None or nt[start:start + len(subjects)] == subjects):
            o = pos + n
            c = nt[o]
            if c == 34:  # '"': a literal
                yield nt[start:pos], _unescape(nt[o + 1:rfind(b'"', o + 1, end)].decode("utf-8"))
            elif c == 60:  # '<': an IRI
                yield nt[start:pos], _unescape(nt[o + 1:find(b">", o, end)].decode("utf-8"))
            else:  # a blank node
                stop = find(b" ", o, end)
                yield nt[start:pos], nt[o:stop if stop >= 0 else end]
        pos = find(pat, end)


def _node(term: bytes) -> str:
    return _unescape(term[1:-1].decode("utf-8"))


def label_rows(nt: bytes) -> set[tuple[str, str, str]]:
    """The rows of the ``labels`` query, ``(node IRI, kind, text)``, from canonical N-Triples."""
    skip = set()
    pos = nt.find(_CONFIGURATION)
    while pos >= 0:
        start = nt.rfind(b"\n", 0, pos) + 1
        if nt.find(b" ", start, pos) < 0:
            skip.add(nt[start:pos])
        pos = nt.find(_CONFIGURATION, pos + 1)
    ours = b"<" + ID.encode()
    rows = set()
    for pred, kind in _PREDICATES:
        rows.update((_node(s), kind, text) for s, text in _objects(nt, pred, ours)
                    if s not in skip and isinstance(text, str))
    quotes: dict[bytes, list[str]] = {}
    for a, text in _objects(nt, _QUOTE):
        if isinstance(text, str):
            quotes.setdefault(a, []).append(text)
    if quotes:
        # an anchor object comes as its IRI's text or as a blank node's bytes
        by_object = {(_node(a) if a.startswith(b"<") else a): texts for a, texts in quotes.items()}
        for s, a in _objects(nt, _ANCHOR, ours):
            texts = by_object.get(a)
            if texts and s not in skip:
                node = _node(s)
                rows.update((node, "quote", text) for text in texts)
    return rows


def passage_rows(store) -> list[tuple[str, str]]:
    """``(node, masked text)`` of every source passage, in the order ``zoek`` shows them."""
    out = []
    for sol in store.query(PASSAGES):  # the build reads its own store: no query layer needed
        doc = sol["source"].value.rsplit("/", 1)[-1]
        line = int(sol["line"].value) if sol["line"] is not None else None
        out.append((f"corpus/{doc}:{line}" if line else f"corpus/{doc}", sol["text"].value))
    return out


# --- writing -------------------------------------------------------------------------------

# every phone number watwerkt.contact finds holds a 0 or a +, every e-mail address an @ or (at)
_MAYBE_CONTACT = re.compile(r"[+@(\[{]|\d")  # for the other texts: any digit of any script
_SUSPECT = bytes(1 if chr(i) in "0+@([{" else i for i in range(256))


def _masked_all(texts: list[str]) -> list[str]:
    """The texts with contact details masked; only those with a 0, a +, an at-sign or a
    bracket are looked at (found in one pass over the ASCII ones; any other text with a digit
    of another script too)."""
    from watwerkt.contact import mask_contacts

    out = list(texts)
    plain = [i for i, t in enumerate(texts) if t.isascii() and "\0" not in t]
    blob = "\0".join(texts[i] for i in plain).encode("ascii").translate(_SUSPECT)
    starts = list(accumulate((len(texts[i]) + 1 for i in plain), initial=0))
    pos = blob.find(1)
    while pos >= 0:
        k = bisect_right(starts, pos) - 1
        out[plain[k]] = mask_contacts(texts[plain[k]])
        pos = blob.find(1, starts[k + 1])
    done = set(plain)
    for i, t in enumerate(texts):
        if i not in done and _MAYBE_CONTACT.search(t):
            out[i] = mask_contacts(t)
    return out


def _u32(values) -> bytes:
    a = array("I", values)
    if sys.byteorder == "big":  # pragma: no cover
        a.byteswap()
    return a.tobytes()


def _blob(texts: list[str]) -> tuple[bytes, bytes]:
    """UTF-8 of the texts one after the other, and their byte offsets (n + 1)."""
    parts = [t.encode("utf-8") for t in texts]
    return b"".join(parts), _u32(accumulate(map(len, parts), initial=0))


def index_bytes(rows: set[tuple[str, str, str]], passages: list[tuple[str, str]], nt_sha256: str = "") -> bytes:
    """The index file for these label rows and passages (deterministic)."""
    nodes = sorted({r[0] for r in rows})  # IRIs in the id namespace sort as their paths do
    node_id = {n: i for i, n in enumerate(nodes)}
    raws = sorted({r[2] for r in rows})  # in text order: the tie-break of equal scores
    masked = _masked_all(raws)
    raw_folded = [fast_fold(t) for t in masked]
    folded = sorted(set(raw_folded) - {""})
    folded_id = {f: i for i, f in enumerate(folded)}
    raw_id = {t: (folded_id.get(f, -1), i) for i, (t, f) in enumerate(zip(raws, raw_folded))}
    kind_id = {k: i for i, k in enumerate(KINDS)}
    keyed = sorted([(*raw_id[t], node_id[n], kind_id[k]) for n, k, t in rows])  # by folded text
    keyed = keyed[bisect_right(keyed, (-1, len(raws))):]  # rows whose text folds to nothing: out
    counts = Counter(k[0] for k in keyed)
    row_start = accumulate((counts[f] for f in range(len(folded))), initial=0)
    _f, row_raw, row_node, row_kind = zip(*keyed) if keyed else ((), (), (), ())
    raw_blob, raw_start = _blob(masked)
    node_blob, node_start = _blob([n[len(ID):] for n in nodes])
    sections = {
        "folded": ("\n".join(folded) + "\n").encode("utf-8") if folded else b"",
        "text_start": _u32(accumulate((len(f) + 1 for f in folded), initial=0)),  # characters
        "row_start": _u32(row_start),
        "row_node": _u32(row_node),
        "row_kind": bytes(row_kind),
        "row_raw": _u32(row_raw),
        "raw": raw_blob, "raw_start": raw_start,
        "node": node_blob, "node_start": node_start,
        "passages": json.dumps(passages, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
    }
    layout, offset = {}, 0
    for name in sorted(sections):
        layout[name] = [offset, len(sections[name])]
        offset += (len(sections[name]) + 7) // 8 * 8
    header = json.dumps({"format": FORMAT, "nt_sha256": nt_sha256, "sections": layout,
                         "counts": {"rows": len(row_node), "texts": len(folded), "raws": len(raws), "nodes": len(nodes),
                                    "passages": len(passages)}}, sort_keys=True).encode()
    header += b" " * (-(len(MAGIC) + 4 + len(header)) % 8)
    out = [MAGIC, len(header).to_bytes(4, "little"), header]
    for name in sorted(sections):
        data = sections[name]
        out.append(data + b"\0" * (-len(data) % 8))
    return b"".join(out)


def write_index(folder: Path, nt: bytes | Path, store=None, nt_sha256: str = "") -> Path:
    """Write ``search.idx`` into a store version ``folder`` (before it is swapped in).

    ``nt``: the canonical N-Triples, as bytes or as the path of ``graph.nt`` (then mapped
    into memory, not read into it); ``store``: the freshly loaded Oxigraph store, for the
    passages.
    """
    passages = passage_rows(store) if store is not None else []
    if isinstance(nt, (str, Path)):
        import mmap

        with open(nt, "rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if os.fstat(fh.fileno()).st_size else b""
        try:
            rows = label_rows(mapped)
        finally:
            if not isinstance(mapped, bytes):
                mapped.close()
    else:
        rows = label_rows(nt)
    data = index_bytes(rows, passages, nt_sha256)
    path = Path(folder) / NAME
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return path


# --- reading -------------------------------------------------------------------------------


class SearchIndex:
    """An opened ``search.idx``: memory-mapped, each part decoded on first use."""

    def __init__(self, path: Path, data) -> None:
        if bytes(data[:len(MAGIC)]) != MAGIC:
            raise ValueError("not a search index")
        size = int.from_bytes(data[len(MAGIC):len(MAGIC) + 4], "little")
        base = len(MAGIC) + 4
        self.header = json.loads(bytes(data[base:base + size]))
        if self.header.get("format") != FORMAT:
            raise ValueError("unknown search index format")
        self.path = path
        self._data = memoryview(data)
        self._base = base + size
        self._cache: dict[str, object] = {}

    def _section(self, name: str) -> memoryview:
        offset, length = self.header["sections"][name]
        return self._data[self._base + offset:self._base + offset + length]

    def _ints(self, name: str):
        if name not in self._cache:
            view = self._section(name)
            if sys.byteorder == "little":
                self._cache[name] = view.cast("I")
            else:  # pragma: no cover
                a = array("I", view.tobytes())
                a.byteswap()
                self._cache[name] = a
        return self._cache[name]

    @property
    def folded(self) -> str:
        """Every distinct folded text, each followed by a newline."""
        if "folded" not in self._cache:
            self._cache["folded"] = str(self._section("folded"), "utf-8")
        return self._cache["folded"]

    @property
    def texts(self) -> list[str]:
        if "texts" not in self._cache:
            self._cache["texts"] = self.folded.split("\n")[:-1]
        return self._cache["texts"]

    @property
    def text_start(self):
        return self._ints("text_start")

    def rows(self, text: int):
        """``(node id, kind id, raw id)`` of the rows whose folded text is ``text``."""
        start, node, raw = self._ints("row_start"), self._ints("row_node"), self._ints("row_raw")
        kind = self._section("row_kind")
        for r in range(start[text], start[text + 1]):
            yield node[r], kind[r], raw[r]

    def _string(self, blob: str, starts: str, i: int) -> str:
        s = self._ints(starts)
        return str(self._section(blob)[s[i]:s[i + 1]], "utf-8")

    def node(self, i: int) -> str:
        """The id path of node ``i`` (its IRI without the id namespace)."""
        return self._string("node", "node_start", i)

    def raw(self, i: int) -> str:
        """Label text ``i`` as the graph holds it, contact details masked."""
        return self._string("raw", "raw_start", i)

    @property
    def passages(self) -> list[tuple[str, str]]:
        if "passages" not in self._cache:
            self._cache["passages"] = [tuple(p) for p in json.loads(bytes(self._section("passages")))]
        return self._cache["passages"]

    def counts(self) -> dict:
        return dict(self.header.get("counts", {}))


_OPEN: dict[tuple, SearchIndex] = {}


def open_index(store: Path) -> SearchIndex | None:
    """The index of the live version of ``store``, or None when it has none (an older build),
    or it does not belong to the build beside it. Kept open for the next search."""
    import mmap

    real = Path(os.path.realpath(store))
    path = real / NAME
    try:
        st = path.stat()
        info = json.loads((real / "build.json").read_text(encoding="utf-8"))
        key = (str(path), st.st_ino, st.st_mtime_ns, st.st_size)
        index = _OPEN.get(key)
        if index is None:
            with open(path, "rb") as fh:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if st.st_size else b""
            index = SearchIndex(path, data)
        if index.header.get("nt_sha256") != info.get("nt_sha256"):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if key not in _OPEN:
        _OPEN.clear()
        _OPEN[key] = index
    return index
