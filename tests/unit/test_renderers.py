"""Renderers of a listing: tables that wrap, one CSV table, Dutch Excel, Markdown, JSON."""

import json

import pytest

from watwerkt.errors import UsageError
from watwerkt.listing import Column, Listing, Table
from watwerkt.renderers import REGISTRY, RenderOptions, render

LONG = "een heel lange omschrijving die nooit wordt afgekapt maar over meer regels doorloopt " * 2


def listing(two=False):
    cols = (Column("id", "id", 4), Column("text", "tekst", 10), Column("n", "aantal", 3))
    t1 = Table("een", "Eerste", cols, ({"id": "a", "text": LONG, "n": 1}, {"id": "b", "text": "kort; met ; en \"", "n": 2}))
    t2 = Table("twee", "Tweede", cols, ({"id": "c", "text": "é", "n": 3},))
    return Listing("test", "nl", "Titel", (t1, t2) if two else (t1,), ("filter: x → y",), ("noot",), {"k": [1, 2]})


@pytest.mark.parametrize("width", [60, 120])
def test_tables_wrap_to_the_width_without_cutting(width):
    text = render(listing(), "table", RenderOptions(width=width)).decode()
    assert all(len(line) <= width for line in text.splitlines())
    assert "…" not in text
    words = " ".join(text.split())
    for w in ("afgekapt", "doorloopt"):
        assert w in words


def test_compact_cuts_with_an_ellipsis():
    text = render(listing(), "table", RenderOptions(width=60, compact=True)).decode()
    assert "…" in text and len([line for line in text.splitlines() if line.startswith("a ")]) == 1


def test_csv_is_one_table():
    with pytest.raises(UsageError):
        render(listing(two=True), "csv", RenderOptions())
    one = render(listing(two=True), "csv", RenderOptions(table="twee")).decode()
    assert one.splitlines() == ["id,text,n", "c,é,3"]
    files = render(listing(two=True), "csv", RenderOptions(directory=True))
    assert sorted(files) == ["een.csv", "twee.csv"]


def test_excel_nl_bytes():
    data = render(listing(), "csv", RenderOptions(csv_dialect="excel-nl"))
    assert data.startswith(b"\xef\xbb\xbf") and b"id;text;n\r\n" in data
    assert '"kort; met ; en """' in data.decode("utf-8-sig")


def test_json_is_the_typed_result_and_markdown_escapes():
    assert json.loads(render(listing(), "json", RenderOptions())) == {"k": [1, 2]}
    md = render(Listing("t", "nl", "a|b", (Table("x", "", (Column("c", "c"),), ({"c": "<script>|"},)),)),
                "md", RenderOptions()).decode()
    assert "&lt;script&gt;\\|" in md and "a\\|b" in md


def test_every_format_choice_comes_from_the_registry():
    from watwerkt.cli_commands.options import listing_options

    @listing_options
    def f(**kw):
        pass

    choices = next(p for p in f.__click_params__ if p.name == "fmt").type.choices
    assert list(choices) == list(REGISTRY)
