"""The corpus reader: normalisation, the map back to the raw file, anchors, hashes."""

import shutil

import pytest

from watwerkt.errors import AnchorError, CorpusError, DataError
from watwerkt.ingest.corpus import Anchor, Corpus, fold, normalise


def test_normalise_joins_soft_hyphens_and_folds_white_space():
    raw = "een loopbaan-\nwinkel  voor\n\n iedereen"
    text, offsets = normalise(raw)
    assert text == "een loopbaanwinkel voor iedereen"
    assert len(offsets) == len(text)
    # every kept character maps to the same character in the raw text
    assert all(raw[o] == c for c, o in zip(text, offsets, strict=False) if c != " ")


def test_hyphen_before_capital_is_kept():
    assert normalise("Noord-\nBrabant")[0] == "Noord- Brabant"


def test_fold_is_length_preserving_and_accent_free():
    s = "Geïnterviewde “Ideeën”"
    assert len(fold(s)) == len(s)
    assert fold(s) == 'geinterviewde "ideeen"'


def test_spans_round_trip_to_raw_line_and_column(kitchen):
    c = Corpus.open(kitchen / "corpus", kitchen)
    doc = c.get("boek")
    (start, end), = doc.find("opende in 2011 een loopbaanwinkel")
    assert doc.raw[start:end].replace("-\n", "") == "opende in 2011 een loopbaanwinkel"
    line, col = doc.line_col(start)
    assert doc.raw.splitlines()[line - 1][col - 1:].startswith("opende")
    a = doc.anchor(start, end)
    assert Anchor.parse(str(a)) == a
    assert doc.quote(a) == "opende in 2011 een loopbaanwinkel"


def test_anchor_with_wrong_hash_is_refused(kitchen):
    c = Corpus.open(kitchen / "corpus", kitchen)
    good = c.get("boek").anchor(10, 30)
    bad = Anchor(good.doc, good.start, good.end, "0" * 12)
    with pytest.raises(AnchorError, match="does not match"):
        c.verify(bad)


def test_malformed_anchor_names_the_value():
    with pytest.raises(DataError, match="not an anchor: 'boek:12'"):
        Anchor.parse("boek:12")


def test_changed_document_is_refused_with_its_path(kitchen, tmp_path):
    shutil.copytree(kitchen / "corpus", tmp_path / "corpus")
    (tmp_path / "corpus" / "nro.txt").write_text("iets anders\n", encoding="utf-8")
    with pytest.raises(CorpusError) as exc:
        Corpus.open(tmp_path / "corpus", kitchen)
    assert "nro.txt" in str(exc.value) and "has changed" in str(exc.value)


def test_document_is_found_by_content_under_another_name(kitchen, tmp_path):
    shutil.copytree(kitchen / "corpus", tmp_path / "corpus")
    (tmp_path / "corpus" / "nro.txt").rename(tmp_path / "corpus" / "renamed.txt")
    assert Corpus.open(tmp_path / "corpus", kitchen).get("nro").path.name == "renamed.txt"


def test_missing_corpus_says_what_to_do(kitchen, tmp_path):
    with pytest.raises(CorpusError, match="WATWERKT_CORPUS"):
        Corpus.open(tmp_path / "nope", kitchen)


def test_find_reads_a_line_end_hyphen_both_ways(tmp_path):
    from watwerkt.ingest.corpus import Document, SourceInfo

    raw = "de OR-\nvoorzitter en Sittard-\nGeleen met een loopbaan-\nwinkel"
    doc = Document(SourceInfo("x", "x.txt", "", "book", "t", "p", 2000, "praktijk"), tmp_path / "x.txt", raw)
    for snippet in ("OR-voorzitter", "ORvoorzitter", "Sittard-Geleen", "loopbaanwinkel"):
        (s, e), = doc.find(snippet)
        assert raw[s:e].replace("\n", "").replace("-", "") == snippet.replace("-", "")
