"""The facilitators' bundle, checked as rendered pages (issue 12).

Every page is rendered with pdftoppm (Debian's poppler-utils) and read back with pdfplumber.
The page count follows from the selection; every selected case title and every named angel
and bear is on the paper; each card's text sits on its own page (A4) or inside its quarter
of the sheet (A6); no e-mail address or phone number appears. A few page images are kept in
the test's folder for review (``bundle-pages``).
"""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import zipfile

import pytest

from watwerkt.contact import has_contact

pdfplumber = pytest.importorskip("pdfplumber")
FRONT = 5  # cover, contents, overview, guide, discussion questions
GROUP_SHEETS = 3
MM = 72 / 25.4
QUARTERS = [(x * MM, y * MM, (x + 105) * MM, (y + 148.5) * MM) for x, y in ((0, 0), (105, 0), (0, 148.5), (105, 148.5))]


def norm(text: str) -> str:
    """Whitespace collapsed, and a line broken after a hyphen joined again."""
    return re.sub(r"([-\u2010])\s+", r"\1", " ".join((text or "").split()))


@pytest.fixture(scope="module")
def store(real_store):
    from watwerkt.graph.store import open_store

    return open_store(real_store)


@pytest.fixture(scope="module")
def all28(store, tmp_path_factory):
    from watwerkt.viz.bundle import build_bundle, bundle_bytes

    bundle = build_bundle(store, lang="nl")
    path = tmp_path_factory.mktemp("bundle") / "alles.pdf"
    path.write_bytes(bundle_bytes(bundle, "pdf"))
    with pdfplumber.open(path) as pdf:
        pages = [norm(p.extract_text()) for p in pdf.pages]
        # a sheet holds four cards side by side: read each quarter on its own
        first = FRONT + len(bundle.cards)
        quarters = [norm(pdf.pages[n].within_bbox(box).extract_text())
                    for n in range(first, first + math.ceil(len(bundle.sort_cards) / 4)) for box in QUARTERS]
    return bundle, path, pages, quarters


def expected_pages(bundle, per_sheet=4) -> int:
    return FRONT + len(bundle.cards) + math.ceil(len(bundle.sort_cards) / per_sheet) + GROUP_SHEETS


def test_all_28_page_count_follows_from_the_selection(all28):
    bundle, _path, pages, quarters = all28
    assert len(bundle.cards) == 28
    assert len(pages) == expected_pages(bundle)


def test_every_page_renders_and_some_are_kept_for_review(all28, tmp_path_factory):
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: run `make system-deps` (Debian's poppler-utils)")
    bundle, path, pages, _q = all28
    out = tmp_path_factory.mktemp("bundle-pages")
    subprocess.run(["pdftoppm", "-r", "12", "-png", str(path), str(out / "p")], check=True, timeout=300)
    images = sorted(out.glob("p-*.png"))
    assert len(images) == len(pages)
    assert all(p.stat().st_size > 200 for p in images)
    first_card, first_sheet = FRONT + 1, FRONT + len(bundle.cards) + 1
    for n in (first_card, first_sheet):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(n), "-l", str(n), str(path), str(out / "review")],
                       check=True, timeout=60)
    assert len(list(out.glob("review-*.png"))) == 2


def test_every_case_title_and_every_named_angel_and_bear_is_printed(all28):
    bundle, _path, pages, quarters = all28
    text = " ".join(pages)
    for c in bundle.cards:
        assert f"{c.number}. {norm(c.short_title or c.title)}" in text, c.id
    named = bundle.named_influences
    assert len(named) > 100
    cards = " | ".join(quarters)
    for c, i in named:
        assert norm(i.actor) in cards, (c.id, i.actor)


def test_each_case_card_is_on_exactly_its_own_page(all28):
    bundle, _path, pages, quarters = all28
    n = len(bundle.cards)
    for k, c in enumerate(bundle.cards, 1):
        page = pages[FRONT + k - 1]
        assert f"{c.number}. {norm(c.short_title or c.title)}" in page, c.id
        assert page.count(f"Casuskaart {k}/{n}") == 2, c.id  # the head and the end mark: nothing ran over
        assert f"{c.id} · Casuskaart {k}/{n}" in page


def test_each_sorting_card_stays_inside_its_quarter_of_the_sheet(all28):
    from watwerkt.viz.bundle.html import sheets_of

    bundle, path, _pages, quarters = all28
    sheets = sheets_of(list(bundle.sort_cards), 4)
    with pdfplumber.open(path) as pdf:
        for s, sheet in enumerate(sheets):
            page = pdf.pages[FRONT + len(bundle.cards) + s]
            assert abs(page.width - 210 * MM) < 2 and abs(page.height - 297 * MM) < 2
            for q, card in enumerate(sheet):
                inside = quarters[4 * s + q]
                assert norm(card.title) in inside, (s, card.title)
                assert norm(card.body) in inside, (s, card.title)  # all of it: nothing cut off below


def test_no_contact_details_anywhere(all28):
    _bundle, _path, pages, _q = all28
    for n, page in enumerate(pages, 1):
        assert not has_contact(page), n
        assert "@" not in page, n


def test_fonts_are_embedded_and_diacritics_survive(all28):
    _bundle, path, pages, _q = all28
    from pypdf import PdfReader

    reader = PdfReader(path)
    fonts = set()
    for page in reader.pages[:8]:
        for f in (page.get("/Resources") or {}).get("/Font", {}).values():
            f = f.get_object()
            desc = f.get("/DescendantFonts")
            d = desc[0].get_object() if desc else f
            fd = d.get("/FontDescriptor")
            if fd is not None:
                fd = fd.get_object()
                fonts.add((str(f.get("/BaseFont")), any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))))
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert any("DejaVu" in name for name, _ in fonts)
    text = " ".join(pages)
    assert "geïnterpreteerd" in text or "Financiën" in text
    assert reader.metadata.get("/CreationDate", "").startswith("D:2026")


def test_doelgroep_buitendienst_zip_holds_pdf_html_json_csv_and_readme(cli, real_store, tmp_path):
    target = tmp_path / "buitendienst.zip"
    code, out, err = cli("bundel", "--doelgroep", "buitendienst", "-o", str(target), "--store", str(real_store))
    assert code == 0, err
    with zipfile.ZipFile(target) as z:
        assert z.namelist() == ["bundel.pdf", "bundel.html", "casussen.json", "casussen.csv", "LEESMIJ.txt"]
        data = json.loads(z.read("casussen.json"))
        csv_bytes = z.read("casussen.csv")
        html = z.read("bundel.html").decode("utf-8")
        readme = z.read("LEESMIJ.txt").decode("utf-8")
        (tmp_path / "b.pdf").write_bytes(z.read("bundel.pdf"))
    ids = [c["id"] for c in data["cases"]]
    assert 0 < len(ids) < 28
    assert data["selection"] == ["--doelgroep: 'buitendienst' \u2192 Buitendienst"]
    assert csv_bytes.startswith(b"\xef\xbb\xbf") and b";" in csv_bytes.splitlines()[0]
    assert len(csv_bytes.decode("utf-8-sig").strip().splitlines()) == len(ids) + 1
    assert "<script" not in html and "De 28 praktijken" in readme and "MIT" in readme
    with pdfplumber.open(tmp_path / "b.pdf") as pdf:
        n_sort = sum(1 for c in data["cases"] for i in c["influences"] if i["basis"] == "named") + 25 + 3
        assert len(pdf.pages) == FRONT + len(ids) + math.ceil(n_sort / 4) + GROUP_SHEETS
        text = norm(" ".join(p.extract_text() or "" for p in pdf.pages))
    for c in data["cases"]:
        assert f"{c['number']}. {norm(c['short_title'] or c['title'])}" in text


def test_a6_paper_puts_each_sorting_card_on_its_own_page(store, tmp_path):
    from watwerkt.viz.bundle import build_bundle, bundle_bytes

    bundle = build_bundle(store, cases=("carli", "maartje"), lang="en", paper="a6")
    (tmp_path / "a6.pdf").write_bytes(bundle_bytes(bundle, "pdf"))
    with pdfplumber.open(tmp_path / "a6.pdf") as pdf:
        assert len(pdf.pages) == expected_pages(bundle, per_sheet=1)
        first = FRONT + len(bundle.cards)
        for k, card in enumerate(bundle.sort_cards):
            page = pdf.pages[first + k]
            assert abs(page.width - 105 * MM) < 2 and abs(page.height - 148 * MM) < 2
            words = norm(card.body).split() or norm(card.title).split()
            assert words[-1] in norm(page.extract_text()), card.title
        assert "Case card 1/2" in norm(pdf.pages[FRONT].extract_text())


def test_same_input_gives_the_same_bytes(store):
    from watwerkt.viz.bundle import build_bundle, bundle_bytes

    one = build_bundle(store, cases=("oss", "liane"))
    two = build_bundle(store, cases=("oss", "liane"))
    assert bundle_bytes(one, "pdf") == bundle_bytes(two, "pdf")
    assert bundle_bytes(one, "zip") == bundle_bytes(two, "zip")


def test_bad_selection_is_one_line_and_writes_nothing(cli, real_store, tmp_path):
    target = tmp_path / "x.pdf"
    code, out, err = cli("bundel", "--case", "oss", "--case", "osss", "-o", str(target), "--store", str(real_store))
    assert code == 2 and err.count("\n") == 1 and "osss" in err and not target.exists()
    code, out, err = cli("bundel", "--doelgroep", "marsmannetjes", "-o", str(target), "--store", str(real_store))
    assert code == 2 and err.count("\n") == 1 and not target.exists()
    code, out, err = cli("bundel", "-o", str(tmp_path / "x.docx"), "--store", str(real_store))
    assert code == 2 and ".pdf of .zip" in err
