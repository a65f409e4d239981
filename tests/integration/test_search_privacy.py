"""``zoek`` never shows a contact detail, and no export of the graph holds one.

For every contact block of the corpus (the ``personal`` spans and the contact sections in
data/segments/*.yaml), search for the three to six words just before it, as someone looking
for the contact details would, and check every line of the output with two detectors: the
product's own (watwerkt.contact) and a looser one written here, so a gap in one is not
hidden by the same gap in the other. Also: ``zoek`` reads no corpus (it works without one).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from watwerkt.contact import has_contact

ROOT = Path(__file__).resolve().parents[2]
# Dutch numbers: 0 or +31/0031, then 8 to 10 more digits with spaces, dashes, dots, brackets
PHONE_ANY = re.compile(r"(?<![\w.,])(?:\+31|0031|0)[\s.()/-]*\d(?:[\s.()/-]{0,3}\d){7,9}(?!\w)")
EMAIL_ANY = re.compile(r"[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+\.\w", re.IGNORECASE)


MAYBE = re.compile(r"[\w.+-]\s?@|\(at\)|\[at\]|(?<![\w-])[+0(][\d\s.()/-]{7,}\d|\b14 0\d", re.IGNORECASE)  # a first look


def leaks(text: str) -> list[str]:
    return [line for line in text.splitlines() if MAYBE.search(line)
            and (has_contact(line) or PHONE_ANY.search(line) or EMAIL_ANY.search(line))]


def contact_blocks(corpus: Path) -> list[tuple[str, int, str]]:
    """(document, raw start, text before it) of every contact block, adjacent spans merged."""
    sources = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["documents"]
    out = []
    for src in sources:
        seg_file = ROOT / "data" / "segments" / f"{src['key']}.yaml"
        if not seg_file.exists():
            continue
        seg = yaml.safe_load(seg_file.read_text(encoding="utf-8"))
        spans = [seg_a for seg_a in seg.get("personal", [])]
        for case in seg.get("cases", []):
            spans += [s["heading"] for s in case.get("sections", []) if s.get("personal") and s.get("heading")]
        raw = (corpus / src["file"]).read_text(encoding="utf-8")
        starts = sorted(int(a.split(":", 1)[1].split("-", 1)[0]) for a in spans)
        ends = {int(a.split(":", 1)[1].split("-", 1)[0]): int(a.split("-", 1)[1].split("#", 1)[0]) for a in spans}
        block_end = -10
        for start in starts:
            if start - block_end > 3:  # a new block, not the next line of the same one
                out.append((src["key"], start, raw[max(0, start - 400):start]))
            block_end = max(block_end, ends[start])
    return out


@pytest.fixture(scope="module")
def blocks(real_corpus):
    found = contact_blocks(real_corpus)
    assert len(found) >= 17  # 16 contact sections in the book, the article's and the report's
    return found


def test_the_detectors_see_the_contact_lines(real_corpus, blocks):
    """The test's own check: right after each block start there is a contact detail it sees."""
    seen = 0
    for doc, start, _before in blocks:
        src = next(d for d in yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["documents"]
                   if d["key"] == doc)
        after = (real_corpus / src["file"]).read_text(encoding="utf-8")[start:start + 300]
        seen += bool(leaks(after))
    assert seen >= len(blocks) - 2  # a contact heading may be followed by a name only


def test_search_for_the_words_before_each_contact_block(cli, real_store, blocks):
    shown = 0
    for doc, start, before in blocks:
        words = re.findall(r"[^\W\d_][\w'-]*", before)
        for n in (3, 4, 5, 6):
            if len(words) < n:
                continue
            term = " ".join(words[-n:])
            code, out, err = cli("zoek", term, "--store", str(real_store), "--format", "json", "--limit", "200")
            assert code in (0, 2) and "Traceback" not in err, (term, err)
            assert not leaks(out), (doc, start, n, leaks(out)[:3])
            if code == 0:
                shown += len(json.loads(out))
    assert shown > 0  # the searches did find passages: the check is not vacuous


def test_table_output_has_no_contact_details(cli, real_store):
    for term in ("contactgegevens", "meer informatie", "oss.nl", "06 - 11", "@", "telefoon", "e-mail"):
        code, out, err = cli("zoek", term, "--store", str(real_store), "--limit", "200")
        assert code in (0, 2) and "Traceback" not in err
        assert not leaks(out), (term, leaks(out)[:3])


def test_search_reads_the_store_not_the_corpus(cli, real_store, tmp_path):
    """With no corpus anywhere, zoek still finds passages of the source text (from the store)."""
    env = {"WATWERKT_CORPUS": str(tmp_path / "no-corpus"), "WATWERKT_DATA": str(tmp_path / "no-data")}
    code, out, err = cli("zoek", "werkvlekken", "--store", str(real_store), "--format", "json", env=env)
    assert code == 0, err
    assert any(h["node"].startswith("corpus/boek:") for h in json.loads(out))


def test_no_export_holds_contact_details(cli, real_store, tmp_path):
    from watwerkt.graph.search_index import NAME

    files = [p for p in sorted(real_store.iterdir()) if p.is_file() and p.name != NAME]  # binary: below
    code, _out, err = cli("export", "neo4j", "--out", str(tmp_path / "neo4j"), "--store", str(real_store))
    assert code == 0, err
    files += sorted(p for p in (tmp_path / "neo4j").rglob("*") if p.is_file())
    assert len(files) >= 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = leaks(text)
        assert not found, (path.name, found[:3])


def test_passages_are_in_the_store_masked(real_store):
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(real_store / "oxigraph"))
    q = "SELECT (COUNT(?t) AS ?n) WHERE { ?a <https://w3id.org/watwerkt/def#searchText> ?t }"
    n = int(next(iter(store.query(q)))["n"].value)
    assert n > 200  # every segment block of the five documents


def test_the_search_index_holds_no_contact_details(real_store):
    """Every text in zoek's index (label texts, their folded forms, node ids, passages)."""
    from watwerkt.graph.search_index import open_index

    index = open_index(real_store)
    assert index is not None
    counts = index.counts()
    texts = [index.raw(i) for i in range(counts["raws"])]
    texts += index.texts + [index.node(i) for i in range(counts["nodes"])] + [p for _n, p in index.passages]
    assert len(texts) > 10_000 and len(index.passages) > 200
    found = [t for t in texts if leaks(t)]
    assert not found, found[:3]
