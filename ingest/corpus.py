"""Read the corpus: documents recognised by content hash, normalised text, anchors.

A :class:`Document` holds the raw text of one source file exactly as it is on disk and a
normalised text for analysis (soft hyphens joined, line breaks and runs of white space
folded to one space). ``Document.to_raw`` maps any span of the normalised text back to the
raw file, so every finding can be shown as file + line + column.

Anchors (``boek:1200-1350#a1b2c3d4e5f6``) are defined in the core, :mod:`watwerkt.anchors`;
they are re-exported here for old importers, but new code imports them from the core.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from watwerkt.anchors import ANCHOR_RE, Anchor, span_hash
from watwerkt.errors import AnchorError, CorpusError, DataError

__all__ = ["ANCHOR_RE", "Anchor", "Corpus", "Document", "SourceInfo", "fold", "load_sources",
           "normalise", "span_hash"]


@dataclass(frozen=True)
class SourceInfo:
    """One entry of ``data/sources.yaml``."""

    key: str
    file: str
    sha256: str
    kind: str
    title: str
    publisher: str
    year: int
    basis: str  # onderzoek | praktijk
    authors: tuple[str, ...] = ()


def load_sources(data_dir: Path) -> list[SourceInfo]:
    from watwerkt.ingest.yamlread import safe_load

    path = data_dir / "sources.yaml"
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError("the list of source documents is missing", where=str(path)) from exc
    out = []
    for i, d in enumerate(raw.get("documents", [])):
        try:
            out.append(SourceInfo(**{**d, "authors": tuple(d.get("authors", ()))}))
        except TypeError as exc:
            raise DataError(f"document entry {i + 1} is malformed: {exc}", where=str(path)) from exc
    return out


_WS = re.compile(r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0\n]*|[ \t\r\f\v\u00a0]{2,}")


def normalise(raw: str, *, keep_hyphens: bool = False) -> tuple[str, list[int]]:
    """Return (text, offsets) where ``offsets[i]`` is the raw index of ``text[i]``.

    - a hyphen at the end of a line followed by a lower-case letter is a soft break: the
      hyphen and the break vanish ("ontwikke-\\nling" -> "ontwikkeling");
    - any other run of white space containing a line break, and any run of two or more
      spaces, becomes one space.
    """
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "-" and i + 1 < n and raw[i + 1] in " \n":
            j = i + 1
            while j < n and raw[j] == " ":
                j += 1
            if j < n and raw[j] == "\n":
                k = j
                while k < n and raw[k] in " \n":
                    k += 1
                if k < n and out and out[-1].isalpha() and (raw[k].islower() or keep_hyphens):
                    if keep_hyphens:  # a real hyphen that fell at a line end: "OR-\nvoorzitter"
                        out.append("-")
                        offsets.append(i)
                    i = k
                    continue
        if ch in " \t\r\f\v\u00a0\n":
            j = i
            while j < n and raw[j] in " \t\r\f\v\u00a0\n":
                j += 1
            if out and out[-1] != " ":
                out.append(" ")
                offsets.append(i)
            i = j
            continue
        out.append(ch)
        offsets.append(i)
        i += 1
    return "".join(out), offsets


def fold(text: str) -> str:
    """Accent- and case-insensitive form for matching, same length as ``text``."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)) or ch
        c = base[0].lower() if len(base) >= 1 else ch
        if c in "‘’‚`´":
            c = "'"
        elif c in "“”„":
            c = '"'
        elif c in "–—":
            c = "-"
        out.append(c)
    return "".join(out)


@dataclass
class Document:
    info: SourceInfo
    path: Path
    raw: str
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def key(self) -> str:
        return self.info.key

    @cached_property
    def _norm(self) -> tuple[str, list[int]]:
        return normalise(self.raw)

    @property
    def text(self) -> str:
        """The normalised text."""
        return self._norm[0]

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the raw file."""
        offs = self._norm[1]
        if not (0 <= start < end <= len(offs)):
            raise AnchorError(f"span {start}-{end} outside the normalised text", where=self.key)
        return offs[start], offs[end - 1] + 1

    def to_norm(self, raw_pos: int) -> int:
        """Index in the normalised text of the first character at or after ``raw_pos``."""
        return bisect.bisect_left(self._norm[1], raw_pos)

    def line_col(self, raw_pos: int) -> tuple[int, int]:
        """1-based line and column of a raw offset."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.raw)]
        line = bisect.bisect_right(self._line_starts, raw_pos)
        return line, raw_pos - self._line_starts[line - 1] + 1

    def where(self, raw_pos: int) -> str:
        line, col = self.line_col(raw_pos)
        return f"{self.info.file}:{line}:{col}"

    def anchor(self, start: int, end: int) -> Anchor:
        """Anchor for a raw span."""
        return Anchor(self.key, start, end, span_hash(self.raw[start:end]))

    def quote(self, anchor: Anchor) -> str:
        """The normalised text of an anchored raw span (verified)."""
        self.verify(anchor)
        a, b = self.to_norm(anchor.start), self.to_norm(anchor.end)
        return self.text[a:b].strip()

    def verify(self, anchor: Anchor) -> None:
        if anchor.end > len(self.raw):
            raise AnchorError(
                f"anchor {anchor} runs past the end of the document ({len(self.raw)} characters)",
                where=self.info.file,
            )
        got = span_hash(self.raw[anchor.start : anchor.end])
        if got != anchor.sha:
            raise AnchorError(
                f"anchor {anchor} does not match the text at that span (hash {got})",
                where=self.where(anchor.start),
            )

    @cached_property
    def _hard(self) -> tuple[str, list[int]]:
        """A second reading in which every hyphen at a line end is a real one."""
        text, offsets = normalise(self.raw, keep_hyphens=True)
        return fold(text), offsets

    def find(self, snippet: str) -> list[tuple[int, int]]:
        """Raw spans where ``snippet`` occurs, ignoring case, accents, quotes and line breaks.

        A hyphen at a line end is read both ways: as a soft break ("ontwikke-ling") and as a
        real hyphen ("OR-voorzitter", "Sittard-Geleen").
        """
        needle = fold(normalise(snippet)[0]).strip()
        if not needle:
            return []
        spans: set[tuple[int, int]] = set()
        for hay, offs in ((self.folded, self._norm[1]), self._hard):
            pos = 0
            while (i := hay.find(needle, pos)) >= 0:
                spans.add((offs[i], offs[i + len(needle) - 1] + 1))
                pos = i + 1
        return sorted(spans)


class Corpus:
    """The source documents of one corpus directory, each checked against its hash."""

    def __init__(self, directory: Path, sources: list[SourceInfo]):
        self.directory = directory
        self.sources = {s.key: s for s in sources}
        self._docs: dict[str, Document] = {}

    @classmethod
    def open(cls, directory: Path | None, data_dir: Path) -> Corpus:
        if directory is None:
            raise CorpusError(
                "no corpus directory given",
                hint="pass --corpus DIR or set WATWERKT_CORPUS, e.g. ../shared/corpus",
            )
        if not directory.is_dir():
            raise CorpusError("corpus directory not found", where=str(directory),
                              hint="pass --corpus DIR or set WATWERKT_CORPUS")
        corpus = cls(directory, load_sources(data_dir))
        for key in corpus.sources:
            corpus.get(key)
        return corpus

    def get(self, key: str) -> Document:
        if key in self._docs:
            return self._docs[key]
        info = self.sources.get(key)
        if info is None:
            raise AnchorError(f"unknown document {key!r}", hint="known: " + ", ".join(self.sources))
        path = self.directory / info.file
        data = path.read_bytes() if path.is_file() else None
        digest = hashlib.sha256(data).hexdigest() if data is not None else None
        if digest != info.sha256:
            # the document may sit under another name: recognise it by its content
            for other in sorted(self.directory.glob("*.txt")):
                if other != path and hashlib.sha256(other.read_bytes()).hexdigest() == info.sha256:
                    path, data, digest = other, other.read_bytes(), info.sha256
                    break
        if data is None:
            raise CorpusError("document missing from the corpus", where=str(path),
                              hint=f"expected {info.title!r} (sha256 {info.sha256[:12]}…)")
        if digest != info.sha256:
            raise CorpusError(
                f"document {key!r} has changed (sha256 {digest[:12]}…, expected {info.sha256[:12]}…)",
                where=str(path),
                hint="anchors point into the version listed in data/sources.yaml; restore that "
                "file or re-anchor the data",
            )
        doc = Document(info, path, data.decode("utf-8"))
        self._docs[key] = doc
        return doc

    def __iter__(self):
        return (self.get(k) for k in self.sources)

    def verify(self, anchor: Anchor) -> None:
        self.get(anchor.doc).verify(anchor)

    def quote(self, anchor: Anchor) -> str:
        return self.get(anchor.doc).quote(anchor)
