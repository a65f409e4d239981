"""Anchors: pointers into a raw source file, shared by every layer.

An :class:`Anchor` points at a raw span by document key, character offsets and the first
12 hex digits of the SHA-256 of the span; its compact form is ``boek:1200-1350#a1b2c3d4e5f6``.
It lives in the core so that records, ingest, graph and queries may all use it without an
upward import; reading the corpus to verify or quote an anchor is ``watwerkt.ingest.corpus``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from watwerkt.errors import DataError

ANCHOR_RE = re.compile(r"^(?P<doc>[a-z][a-z0-9]*):(?P<start>\d+)-(?P<end>\d+)#(?P<sha>[0-9a-f]{12})$")


def span_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of a span's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


_PARSED: dict[str, Anchor] = {}


@dataclass(frozen=True, order=True)
class Anchor:
    doc: str
    start: int
    end: int
    sha: str

    @classmethod
    def parse(cls, value: str, *, where: str | None = None) -> Anchor:
        hit = _PARSED.get(value) if type(value) is str else None
        if hit is not None:
            return hit
        m = ANCHOR_RE.match(str(value).strip())
        if not m:
            raise DataError(
                f"not an anchor: {value!r}",
                where=where,
                hint="expected doc:start-end#hash, e.g. boek:1200-1350#a1b2c3d4e5f6; "
                "make one with `watwerkt anchor`",
            )
        start, end = int(m["start"]), int(m["end"])
        if end <= start:
            raise DataError(f"anchor {value!r} ends before it starts", where=where)
        anchor = cls(m["doc"], start, end, m["sha"])
        if type(value) is str and cls is Anchor and len(_PARSED) < 500_000:
            _PARSED[value] = anchor  # anchors are immutable: one parse per text
        return anchor

    def overlaps(self, other: Anchor) -> bool:
        """True when both point into the same document and their spans share a character."""
        return self.doc == other.doc and self.start < other.end and other.start < self.end

    def __str__(self) -> str:
        return f"{self.doc}:{self.start}-{self.end}#{self.sha}"
