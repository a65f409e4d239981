"""What every segmenter shares: raw lines, trimmed spans, runs of lines, contact patterns.

A line is ``(start, end, text)`` with raw offsets, ``end`` excluding the newline. A span is
a ``(start, end)`` pair of raw offsets; the segmenters turn spans into anchors only when
they make their records.
"""

from __future__ import annotations

import re

from watwerkt.anchors import Anchor

Line = tuple[int, int, str]
Span = tuple[int, int]

CAPTION = re.compile(r"^\s*Van [lL]inks naar rechts\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(^|\s)[TM]\s?\d{2,4}\s?-\s?[\d ]{6,}|\b0\d{1,3}\s?-\s?\d{3}\s?\d{2}\s?\d{2}\b|\b06\s?-\s?[\d ]{8,}")
UPPER_LINE = re.compile(r"^[\sA-ZÀ-Ý0-9‘’'&!?,.()-]+$")


def is_short(s: str) -> bool:
    """A letter of a vertical running head, a page number, a stray symbol."""
    t = s.strip()
    return 0 < len(t) <= 2 or (len(t) == 3 and not any(c.islower() for c in t))


def split_lines(raw: str) -> list[Line]:
    """(start, end, text) of every raw line, end excluding the newline."""
    out, pos = [], 0
    for line in raw.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def trim(line: Line) -> Span | None:
    """The span of a line without its leading and trailing white space; None when blank."""
    start, _end, text = line
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    return (start + lead, start + lead + len(stripped))


def span_of(line: Line) -> Span:
    """The trimmed span of a line, or the whole line when it is blank."""
    return trim(line) or (line[0], line[1])


def personal_lines(lines: list[Line]) -> set[int]:
    """Indices of the lines with an e-mail address or a phone number."""
    return {i for i, (_s, _e, t) in enumerate(lines) if EMAIL.search(t) or PHONE.search(t)}


def runs(lines: list[Line], indices, skip: set[int]) -> tuple[Span, ...]:
    """Spans of consecutive lines, split wherever a skipped (personal) line is left out."""
    out: list[Span] = []
    cur: list[Span] = []
    for k in indices:
        if k in skip:
            if cur:
                out.append((cur[0][0], cur[-1][1]))
            cur = []
            continue
        b = trim(lines[k])
        if b:
            cur.append(b)
    if cur:
        out.append((cur[0][0], cur[-1][1]))
    return tuple(out)


def anchors(doc, spans) -> tuple[Anchor, ...]:
    """The anchors of raw spans of a document."""
    return tuple(doc.anchor(s, e) for s, e in spans)
