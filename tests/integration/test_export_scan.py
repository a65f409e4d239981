"""Every file the build, the exports, the explorer and the bundle write, scanned for contact details.

The corpus holds phone numbers and e-mail addresses (the CONTACTGEGEVENS blocks, the Grip op
Groei contacts). None may reach a file the tool writes. Two detectors look: the product's own
(watwerkt.contact) and a looser one written here for Dutch formats, so a gap in one is not
hidden by the same gap in the other. Zero hits allowed.
"""

import re
import zipfile
from pathlib import Path

import pytest

LOOSE_EMAIL = re.compile(r"[\w.+-]+\s?(@|\(at\)|\[at\])\s?[\w-]+\.[a-z]{2,}", re.I)
LOOSE_PHONE = re.compile(r"(\+31|0031|\b0)[\s().-]*[1-9](?:[\s().-]*\d){7,8}\b")


def texts(path: Path):
    """(name, text) of every file under ``path``; zip members too."""
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        if f.suffix == ".zip":
            with zipfile.ZipFile(f) as z:
                for name in z.namelist():
                    yield f"{f.name}!{name}", z.read(name).decode("utf-8", "replace")
        elif f.suffix == ".pdf":
            from pypdf import PdfReader

            yield f.name, "\n".join(page.extract_text() or "" for page in PdfReader(f).pages)
        elif f.suffix == ".html":
            yield f.name, strip_vendored(f.read_bytes().decode("utf-8", "replace"))
        else:
            yield f.name, f.read_bytes().decode("utf-8", "replace")


def strip_vendored(html: str) -> str:
    """An HTML page without its inlined third-party library (vis-network's minified code is
    hundreds of kilobytes of digits); every script that carries our data stays."""
    return re.sub(r"<script[^>]*>(?:(?!</script>).){100000,}?</script>", "<script></script>", html, flags=re.S)


def test_no_contact_details_in_any_written_file(cli, real_store, tmp_path):
    from watwerkt.contact import has_contact

    out = tmp_path / "out"
    out.mkdir()
    runs = [
        ("export", "ttl", "--out", str(out / "exports")),
        ("export", "trig", "--out", str(out / "exports")),
        ("export", "jsonld", "--out", str(out / "exports")),
        ("export", "nt", "--out", str(out / "exports")),
        ("export", "neo4j", "--out", str(out / "neo4j")),
        ("export-graph", "graphml", "-o", str(out / "graaf.graphml")),
        ("export-graph", "gexf", "-o", str(out / "graaf.gexf")),
        ("verken", "-o", str(out / "verken.html")),
        ("gaten", "--format", "html", "-o", str(out / "gaten.html")),
        ("wat-werkt", "--format", "html", "-o", str(out / "wat-werkt.html")),
        ("case", "heemstede", "--format", "json", "-o", str(out / "heemstede.json")),
        ("bundel", "-o", str(out / "bundel.zip")),
    ]
    for args in runs:
        code, _o, err = cli(*args, "--store", str(real_store))
        assert code == 0, (args, err)
    (out / "graph.nt").write_bytes((Path(real_store) / "graph.nt").read_bytes())
    hits = []
    seen = 0
    for name, text in texts(out):
        seen += 1
        for line in text.splitlines():
            if has_contact(line) or LOOSE_EMAIL.search(line) or LOOSE_PHONE.search(line):
                hits.append(f"{name}: {line[:120]}")
    assert seen >= 12
    assert not hits, hits[:10]


@pytest.mark.parametrize("text", ["bel 06-12345678 of mail a.b@gemeente.nl", "T 010 - 219 10 12", "+31 (0)6 1234 5678"])
def test_the_loose_detector_finds_dutch_formats(text):
    assert LOOSE_EMAIL.search(text) or LOOSE_PHONE.search(text)
