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


@pytest.mark.parametrize("text", [
    "06-12345678", "bel 06 1234 5678.", "0612345678", "06-1234 5678", "M 06 - 12 34 56 78",
    "010-1234567", "0123-456789", "020 123 45 67", "(010) 123 45 67", "(0543) 12 34 56",
    "T 030 - 1234567", "tel. 030-2345678,", "+31 6 1234 5678", "+31612345678", "+31 (0)10 123 4567",
    "0031 6 12345678", "0800-1234", "0900-123 4567",
])
def test_dutch_phone_numbers_are_found(text):
    from watwerkt.contacts import contact_kind, mask

    assert contact_kind(text) == "phone number"
    assert contact_kind(mask(text)) is None


@pytest.mark.parametrize("text", [
    "2013-2016", "1.250.000", "GM0828", "boek:15778-15820#649d6a5a7eec", "3,2%", "in 2010 2011 2012",
    "06-12-2013", "0,5 fte", "ID 1234567890", "€ 2.500.000", "2013, 2014, 2015, 2016 en 2017",
    "0101-2020-3030", "01-02-2013 10:00", "W6.2, W6.3, W7.2", "van 1 tot 10", "880 LinkedIn-connecties",
])
def test_years_amounts_codes_are_not_phone_numbers(text):
    from watwerkt.contacts import contact_kind

    assert contact_kind(text) is None


@pytest.mark.parametrize("text", ["naam@domein.nl", "mail j.de.vries+x@sub.gemeente.org."])
def test_e_mail_addresses_are_found(text):
    from watwerkt.contacts import contact_kind, mask

    assert contact_kind(text) == "e-mail address"
    assert "@" not in mask(text)
