"""The records of a segmentation: one set, for what the segmenter makes and what is read back.

Every span is an :class:`~watwerkt.anchors.Anchor` into the raw source file. The segmenter
makes these records from the corpus; ``data/segments/<doc>.yaml`` stores them as anchors
(no text), and reading that file back gives the very same records, so the graph can be
built without the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from watwerkt.anchors import Anchor

SECTION_TYPES = {
    "inleiding": ("introduction", "Inleiding"),
    "aanpak": ("how it was done", "Aanpak"),
    "opbrengst": ("what it yields", "Wat levert het op"),
    "aanleiding": ("why they started", "Waarom aan de slag"),
    "wat-hielp": ("what helped", "Wat hielp"),
    "engelen-beren": ("angels and bears", "Engelen en beren"),
    "reflectie": ("the researchers' reflection", "Reflectie van de onderzoeker(s)"),
    "contact": ("contact block (personal data)", "Contactgegevens"),
}
"""The section types of a case of the book: (English label, Dutch label)."""


@dataclass(frozen=True)
class Section:
    """One section of a case: its heading (none for the introduction) and its text blocks."""

    type: str  # see SECTION_TYPES
    heading: Anchor | None
    blocks: tuple[Anchor, ...]
    personal: bool = False  # a contact block: never quoted, never searched


@dataclass(frozen=True)
class CaseSegment:
    """One case of the book: where it is, its headline and its sections."""

    number: int
    id: str
    kind: str  # organisation | employee
    subject: str
    span: Anchor
    title: tuple[Anchor, ...]
    sections: tuple[Section, ...]

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def section(self, type_: str) -> Section | None:
        return next((s for s in self.sections if s.type == type_), None)


@dataclass(frozen=True)
class Part:
    """A chapter, section, table or figure of the report, or a section of an article."""

    id: str
    type: str  # sectie | tabel | figuur
    blocks: tuple[Anchor, ...]


@dataclass(frozen=True)
class SegmentFinding:
    """A problem of the source the segmenter met (a damaged heading, a stray fragment)."""

    kind: str
    anchor: Anchor
    about: str


@dataclass
class Segmentation:
    """The segmentation of one source document."""

    doc: str
    sha256: str  # of the source file the anchors point into
    cases: list[CaseSegment] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    personal: list[Anchor] = field(default_factory=list)  # contact lines and blocks
    findings: list[SegmentFinding] = field(default_factory=list)
