"""The segmenter package on the kitchen fixture: one record type both ways, one data flow.

What the segmenter makes from tests/data/kitchen/corpus and what is read back from
tests/data/kitchen/segments are the same records; the stored files are what the segmenter
writes; the graph builder reads nothing from the data folder (it gets everything from the
Dataset).
"""

import shutil

import pytest

from watwerkt.errors import DataError
from watwerkt.ingest.corpus import Corpus
from watwerkt.ingest.data import load_dataset
from watwerkt.ingest.segments import (
    load_segmentations,
    read_segmentation,
    segment_corpus,
    to_yaml,
    write_segments,
)


@pytest.fixture(scope="module")
def corpus(kitchen):
    return Corpus.open(kitchen / "corpus", kitchen)


def test_segmented_and_stored_records_are_the_same(kitchen, corpus):
    made = segment_corpus(corpus, kitchen)
    stored = load_segmentations(kitchen, list(made))
    assert list(stored) == list(made) == ["boek", "nro", "opstap"]
    assert stored == made


def test_stored_files_are_what_the_segmenter_writes(kitchen, corpus):
    assert write_segments(kitchen / "corpus", kitchen, check_only=True) == []
    for key in ("boek", "nro", "opstap"):
        path = kitchen / "segments" / f"{key}.yaml"
        assert to_yaml(read_segmentation(kitchen, key)) == path.read_text(encoding="utf-8")


def test_a_changed_stored_file_is_reported_by_check_only(kitchen, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(kitchen, data)
    path = data / "segments" / "opstap.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sectie-2", "sectie-9"), encoding="utf-8")
    assert write_segments(kitchen / "corpus", data, check_only=True) == [path]
    assert "sectie-9" in path.read_text(encoding="utf-8")  # check-only writes nothing
    assert write_segments(kitchen / "corpus", data) == [path]
    assert write_segments(kitchen / "corpus", data, check_only=True) == []


@pytest.mark.parametrize("text", ["doc: opstap\n", "doc: opstap\nsha256: x\nparts: [{id: a}]\n",
                                  "doc: opstap\nsha256: x\npersonal: [not-an-anchor]\n", "doc: [\n", "- a\n"])
def test_a_malformed_stored_file_names_the_file(kitchen, tmp_path, text):
    (tmp_path / "segments").mkdir()
    path = tmp_path / "segments" / "opstap.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as exc:
        read_segmentation(tmp_path, "opstap")
    assert str(path) in str(exc.value.where) and "\n" not in str(exc.value)


def test_the_dataset_carries_what_the_builder_needs(kitchen):
    ds = load_dataset(kitchen)
    assert [s.key for s in ds.sources] == ["boek", "nro", "opstap"]
    assert set(ds.segmentations) == {"boek", "nro", "opstap"}
    assert ds.personal and all(a.doc in ds.segmentations for a in ds.personal)
    assert all(f.id.startswith("segmentatie-") for f in ds.segment_findings)


def test_the_builder_reads_no_file_of_the_data_folder(kitchen, corpus, tmp_path):
    from watwerkt.graph.build import build_graph
    from watwerkt.graph.pipeline import ONTOLOGY_DIR

    ds = load_dataset(kitchen)
    want = build_graph(ds, corpus, ONTOLOGY_DIR)
    ds.root = tmp_path / "nothing-here"  # a builder that opened data/ files would fail now
    got = build_graph(ds, corpus, ONTOLOGY_DIR)
    assert sorted(got) == sorted(want)
