"""The segmentation of the real book, report and articles, pinned.

Facts here were read off the sources by a person: 28 cases, 16 about organisations and 12
about employees, alternating until case 24, the last four all organisations; employee
cases have a "what helped" section and no contact block.
"""

import re

import pytest

from watwerkt.ingest.corpus import Corpus
from watwerkt.ingest.segments import (
    CAPTION,
    EMAIL,
    PHONE,
    load_book_segments,
    segment_corpus,
)
from watwerkt.ingest.segments.lines import is_short

ROOT_DATA = __import__("pathlib").Path(__file__).resolve().parents[2] / "data"

EXPECTED = [
    (1, "oss", "organisation"), (2, "carli", "employee"), (3, "talent-mvs", "organisation"),
    (4, "astrid", "employee"), (5, "hilversum", "organisation"), (6, "frans", "employee"),
    (7, "dalfsen", "organisation"), (8, "bertil", "employee"), (9, "bronckhorst", "organisation"),
    (10, "maartje", "employee"), (11, "amsterdam-oost", "organisation"), (12, "kees", "employee"),
    (13, "zwolle", "organisation"), (14, "tanja", "employee"), (15, "emmen", "organisation"),
    (16, "wim", "employee"), (17, "gelderland", "organisation"), (18, "ton", "employee"),
    (19, "enschede", "organisation"), (20, "margriet", "employee"), (21, "heemstede", "organisation"),
    (22, "liane", "employee"), (23, "brandweer-zhz", "organisation"), (24, "gerry", "employee"),
    (25, "zeist", "organisation"), (26, "den-haag-almere", "organisation"),
    (27, "s-hertogenbosch", "organisation"), (28, "soest", "organisation"),
]
ORG_SECTIONS = ["inleiding", "aanpak", "opbrengst", "aanleiding", "engelen-beren", "reflectie", "contact"]
EMP_SECTIONS = ["inleiding", "aanpak", "opbrengst", "wat-hielp", "engelen-beren", "reflectie"]


@pytest.fixture(scope="module")
def corpus(real_corpus):
    return Corpus.open(real_corpus, ROOT_DATA)


@pytest.fixture(scope="module")
def segs(corpus):
    return segment_corpus(corpus, ROOT_DATA)


@pytest.fixture(scope="module")
def book(corpus):
    return corpus.get("boek")


def test_28_cases_in_book_order(segs):
    cases = segs["boek"].cases
    assert [(c.number, c.id, c.kind) for c in cases] == EXPECTED
    assert sum(c.kind == "organisation" for c in cases) == 16
    assert sum(c.kind == "employee" for c in cases) == 12


def test_every_case_has_its_sections_in_order(segs):
    for c in segs["boek"].cases:
        want = ORG_SECTIONS if c.kind == "organisation" else EMP_SECTIONS
        assert [s.type for s in c.sections] == want, c.id
        for s in c.sections:
            if s.type != "contact":
                assert s.blocks, f"{c.id}: empty {s.type}"


def test_cases_tile_the_book_without_overlap(segs):
    cases = segs["boek"].cases
    for a, b in zip(cases, cases[1:], strict=False):
        assert a.end < b.start


TITLES = {
    "oss": "Wel werkgarantie, geen baangarantie",
    "carli": "Van tuinman naar voorman Groen",
    "zwolle": "Vertrouwen, Verbinden, Verantwoordelijkheid en Vakmanschap",
    "enschede": "Mobiliteit niet langer voor kneuzen",
    "brandweer-zhz": "Medewerkers nemen meer eigen verantwoordelijkheid voor loopbaan",
    "s-hertogenbosch": "Medewerkers sleutelen aan meer werkplezier",
    "tanja": "Van zweminstructrice naar (ook) receptioniste",
}


def test_titles_are_readable(segs, book):
    from watwerkt.ingest.corpus import normalise

    for c in segs["boek"].cases:
        title = normalise(book.raw[c.title[0].start:c.title[-1].end])[0].strip()
        assert len(title) > 10 and not re.search(r"(^|\s)\S(\s\S){2,}(\s|$)", title), (c.id, title)
        if c.id in TITLES:
            assert title == TITLES[c.id]


def _lines_of(book, block):
    return book.raw[block.start:block.end].split("\n")


def test_no_page_furniture_or_contact_data_inside_sections(segs, book):
    for c in segs["boek"].cases:
        for s in c.sections:
            for b in s.blocks:
                for line in _lines_of(book, b):
                    t = line.strip()
                    assert not is_short(t), (c.id, s.type, line)
                    assert not CAPTION.search(line), (c.id, s.type, line)
                    assert not EMAIL.search(line) and not PHONE.search(line), (c.id, s.type, line)
                    assert not t.isdigit(), (c.id, s.type, line)
                    assert "CONTACTGEGEVENS" not in t


def test_pull_quotes_and_displaced_headlines_stay_out_of_the_body(segs, book):
    def body(case_id, section):
        c = next(c for c in segs["boek"].cases if c.id == case_id)
        return " ".join(book.raw[b.start:b.end] for b in c.section(section).blocks)

    # the pull quote after Oss's angels and bears repeats its body text
    assert "kanjers binnen" not in body("oss", "engelen-beren")
    # Zwolle's headline was printed between two paragraphs of the approach
    assert "Vertrouwen, Verbinden," not in body("zwolle", "aanpak")
    # and Brandweer ZHZ's headline cut one of its sentences in two
    assert "Medewerkers nemen meer\n" not in body("brandweer-zhz", "opbrengst")


def test_every_span_round_trips(segs, book):
    for c in segs["boek"].cases:
        for s in c.sections:
            for b in s.blocks:
                a = book.anchor(b.start, b.end)
                book.verify(a)
                assert book.raw[b.start:b.end] == book.raw[b.start:b.end].strip()


def test_damaged_headings_become_findings(segs):
    kinds = sorted(f.kind for f in segs["boek"].findings)
    assert kinds == ["kop-dubbel", "kop-in-lopende-tekst", "kop-in-lopende-tekst", "tekst-verminkt"]


def test_contact_blocks_are_personal(segs, book):
    personal = segs["boek"].personal
    assert len([c for c in segs["boek"].cases if c.section("contact")]) == 16
    emails = {m.group(0) for m in EMAIL.finditer(book.raw)}
    covered = " ".join(book.raw[b.start:b.end] for b in personal)
    assert emails and all(e in covered for e in emails)


def test_report_chapters_and_tables(segs):
    ids = [p.id for p in segs["nro"].parts]
    for want in ["sectie-1", "sectie-2.1", "sectie-2.3.1", "sectie-3.1.3", "tabel-3.1",
                 "figuur-3.1", "tabel-3.2", "sectie-4", "sectie-5.1", "sectie-5.2"]:
        assert want in ids
    assert ids.index("tabel-3.1") < ids.index("sectie-3.3") < ids.index("tabel-3.2")


def test_article_sections_and_contact_lines(segs, corpus):
    assert len(segs["gripopgroei"].parts) >= 3
    doc = corpus.get("gripopgroei")
    for part in segs["gripopgroei"].parts:
        for b in part.blocks:
            assert not EMAIL.search(doc.raw[b.start:b.end])
    assert segs["gripopgroei"].personal


def test_stored_segmentation_is_up_to_date(real_corpus):
    from watwerkt.ingest.segments import write_segments

    assert write_segments(real_corpus, ROOT_DATA, check_only=True) == []
    assert len(load_book_segments(ROOT_DATA)) == 28
