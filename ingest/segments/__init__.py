"""Segment the source documents into cases, sections, parts and blocks of running text.

One segmenter per kind of document, all making the same records
(:mod:`~watwerkt.ingest.segments.records`):

- :mod:`~watwerkt.ingest.segments.book`     the book of practice cases (cases and sections)
- :mod:`~watwerkt.ingest.segments.report`   the research report (chapters, tables, figures)
- :mod:`~watwerkt.ingest.segments.article`  the programme articles (sections)
- :mod:`~watwerkt.ingest.segments.lines`    what they share: lines, spans, contact patterns
- :mod:`~watwerkt.ingest.segments.store`    ``data/segments/*.yaml``, written and read back
- :mod:`~watwerkt.ingest.segments.findings` the segmenter's findings as data-quality findings
"""

from __future__ import annotations

from pathlib import Path

from watwerkt.ingest.segments.article import segment_article
from watwerkt.ingest.segments.book import load_book_manifest, segment_book
from watwerkt.ingest.segments.findings import segment_findings
from watwerkt.ingest.segments.lines import CAPTION, EMAIL, PHONE
from watwerkt.ingest.segments.records import (
    SECTION_TYPES,
    CaseSegment,
    Part,
    Section,
    Segmentation,
    SegmentFinding,
)
from watwerkt.ingest.segments.report import segment_report
from watwerkt.ingest.segments.store import (
    add_sources_and_segments,
    load_book_segments,
    load_segment_file,
    load_segmentations,
    read_segmentation,
    to_yaml,
    write_segments,
)

__all__ = [
    "CAPTION", "EMAIL", "PHONE", "SECTION_TYPES", "CaseSegment", "Part", "Section",
    "add_sources_and_segments",
    "SegmentFinding", "Segmentation", "load_book_segments", "load_segment_file", "load_segmentations",
    "read_segmentation", "segment_article", "segment_book", "segment_corpus", "segment_findings",
    "segment_report", "to_yaml", "write_segments",
]


def segment_corpus(corpus, data_dir: Path) -> dict[str, Segmentation]:
    """The segmentation of every document of a :class:`~watwerkt.ingest.corpus.Corpus`."""
    manifest = load_book_manifest(data_dir)
    out = {}
    for doc in corpus:
        if doc.info.kind == "book":
            out[doc.key] = segment_book(doc, manifest)
        elif doc.info.kind == "report":
            out[doc.key] = segment_report(doc)
        else:
            out[doc.key] = segment_article(doc)
    return out
