"""Curated data: schema errors name file and line; references are checked."""

import shutil

import pytest

from watwerkt.errors import DataError
from watwerkt.ingest.checks import check_dataset
from watwerkt.ingest.corpus import Corpus
from watwerkt.ingest.data import load_dataset


def test_kitchen_sink_loads_and_checks_clean(kitchen):
    ds = load_dataset(kitchen)
    assert [c.id for c in ds.cases] == ["voorbeeldstad", "piet"]
    assert check_dataset(ds, Corpus.open(kitchen / "corpus", kitchen)) == []


@pytest.fixture
def copy(kitchen, tmp_path):
    shutil.copytree(kitchen, tmp_path / "d")
    return tmp_path / "d"


def test_bad_polarity_names_file_and_line(copy):
    p = copy / "cases" / "01-voorbeeldstad.yaml"
    text = p.read_text(encoding="utf-8").replace("polarity: bear", "polarity: wolf")
    p.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "polarity: wolf" in s)
    with pytest.raises(DataError) as exc:
        load_dataset(copy)
    assert exc.value.line("en").startswith(f"{p}:{line}: influences.1.polarity: got 'wolf'")
    assert str(exc.value).startswith(f"{p}:{line}: influences.1.polarity: kreeg 'wolf'")


def test_yaml_syntax_error_names_the_line(copy):
    p = copy / "cases" / "02-piet.yaml"
    p.write_text("id: piet\nkind: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"02-piet.yaml:\d+: geen geldige YAML") as exc:
        load_dataset(copy)
    assert "not valid YAML" in exc.value.line("en")


def test_unknown_concept_is_a_problem(copy):
    p = copy / "cases" / "01-voorbeeldstad.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("factors: [collegas]", "factors: [geluk]"),
                 encoding="utf-8")
    line = next(i for i, s in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "[geluk]" in s)
    problems = check_dataset(load_dataset(copy))
    assert [x.line("en") for x in problems] == [
        f"{p}:{line}: error: voorbeeldstad.influences[vbs-drukte]: unknown concept 'geluk' in scheme 'factoren'"]
    assert [x.line() for x in problems] == [
        f"{p}:{line}: fout: voorbeeldstad.influences[vbs-drukte]: onbekend concept 'geluk' in schema 'factoren'"]


def test_dangling_reference_inside_a_case_is_refused(copy):
    p = copy / "cases" / "02-piet.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("affects: [piet-stap]", "affects: [nergens]"),
                 encoding="utf-8")
    with pytest.raises(DataError, match="affects unknown intervention or transition 'nergens'"):
        load_dataset(copy)
