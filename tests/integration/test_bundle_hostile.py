"""A hostile copy of the kitchen data: markup and script in text fields print as plain text."""

from __future__ import annotations

import shutil
import zipfile

import pytest

pdfplumber = pytest.importorskip("pdfplumber")

PAYLOADS = {
    "summary: {nl: Een verzonnen gemeente met een loopbaanwinkel.,":
        "summary: {nl: \"<script>alert('x')</script> Een verzonnen gemeente.\",",
    "actor: {nl: de wethouder,": "actor: {nl: \"<img src=x onerror=alert(1)> wethouder\",",
    "description: {nl: Steunde het plan.,": "description: {nl: \"javascript:alert(2) steunde het plan\",",
}


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory, kitchen):
    from watwerkt.config import Settings
    from watwerkt.graph.pipeline import build

    root = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(kitchen, root)
    case = root / "cases" / "01-voorbeeldstad.yaml"
    text = case.read_text(encoding="utf-8")
    for old, new in PAYLOADS.items():
        assert old in text, old
        text = text.replace(old, new)
    case.write_text(text, encoding="utf-8")
    settings = Settings(corpus=root / "corpus", store=root.parent / "store", data=root)
    build(settings)
    return settings.store


def test_payloads_print_as_plain_text(cli, hostile_store, tmp_path):
    target = tmp_path / "h.zip"
    code, _out, err = cli("bundel", "-o", str(target), "--store", str(hostile_store))
    assert code == 0, err
    with zipfile.ZipFile(target) as z:
        html = z.read("bundel.html").decode("utf-8")
        (tmp_path / "h.pdf").write_bytes(z.read("bundel.pdf"))
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    with pdfplumber.open(tmp_path / "h.pdf") as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "<script>alert('x')</script> Een verzonnen gemeente." in text
    assert "<img src=x onerror=alert(1)> wethouder" in text
    assert "javascript:alert(2) steunde het plan" in text
