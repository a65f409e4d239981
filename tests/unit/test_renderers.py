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


def _random_tables(seed: int, n: int):
    import random

    rng = random.Random(seed)
    words = ("a bb ccc interventiesoort geïnterpreteerd werkt-minder x loopbaanontwikkelingsgesprekken "
             "zeer-lange-samengestelde-woordenreeks-zonder-spaties 12 3.5 ja nee (gunstig) → … – ±").split()
    for _ in range(n):
        k = rng.randint(1, 7)
        cols = [Column(f"k{i}", " ".join(rng.choice(words) for _ in range(rng.randint(1, 2))), rng.randint(1, 6))
                for i in range(k)]
        rows = [[" ".join(rng.choice(words) for _ in range(rng.choice([0, 1, 1, 2, 3, 8, 20]))) for _ in range(k)]
                for _ in range(rng.randint(1, 6))]
        yield cols, rows, rng.choice([12, 20, 30, 40, 60, 80, 100, 120, 200, rng.randint(10, 250)])


def test_the_table_without_rich_is_richs_byte_for_byte():
    """The terminal table is laid out without rich (0.1 s of a cold start) exactly as rich does it:
    random tables, narrow and wide, words longer than a column, headers that wrap."""
    from watwerkt.renderers import text as T

    plain = 0
    for cols, rows, width in _random_tables(7, 600):
        opts = RenderOptions(width=width)
        assert T.table_text(cols, rows, opts) == T._rich_table(cols, rows, opts), (width, cols, rows)
        plain += T._plain_ok([c.header for c in cols]) and all(T._plain_ok(r) for r in rows)
    assert plain > 300  # the path without rich is the one taken, not the fallback (± is not one cell)


def test_one_cell_characters_are_one_cell_for_rich():
    from rich.cells import cell_len

    from watwerkt.renderers.text import _ONE_CELL

    assert all(cell_len(c) == 1 for c in _ONE_CELL)


def test_other_characters_and_compact_go_through_rich(monkeypatch):
    from watwerkt.renderers import text as T

    calls = []
    real = T._rich_table
    monkeypatch.setattr(T, "_rich_table", lambda *a: calls.append(1) or real(*a))
    cols = [Column("a", "naam", 4)]
    T.table_text(cols, [["東京 wide"]], RenderOptions(width=40))
    T.table_text(cols, [["tab\there"]], RenderOptions(width=40))
    T.table_text(cols, [["kort"]], RenderOptions(width=40, compact=True))
    assert len(calls) == 3
    T.table_text(cols, [["kort → lang…"]], RenderOptions(width=40))
    assert len(calls) == 3


ALL_LISTINGS = [["wat-werkt"], ["wat-werkt", "--doelgroep", "hoge eigen regie"], ["engelen-beren", "--basis", "alle"],
                ["engelen-beren", "--per", "factor"], ["uitkomsten"], ["gaten"], ["factoren"], ["cases"], ["termen"],
                ["kerngetallen"], ["bevindingen"], ["onderzoek"], ["programmas"], ["loopbanen"], ["zoek", "loopbaan"],
                ["samenhang"]]


@pytest.mark.parametrize("width", [40, 80, 200])
def test_every_listing_is_the_same_with_and_without_rich(cli, kitchen_store, monkeypatch, width):
    from watwerkt.renderers import text as T

    env = {"COLUMNS": str(width), "WATWERKT_STORE": str(kitchen_store)}
    plain = {tuple(a): cli(*a, env=env) for a in ALL_LISTINGS}
    plain[("wat-werkt", "--lang", "en")] = cli("wat-werkt", "--lang", "en", env=env)
    monkeypatch.setattr(T, "_plain_ok", lambda texts: False)
    for args, got in plain.items():
        assert got[0] == 0, (args, got[2])
        assert got == cli(*args, env=env), args
