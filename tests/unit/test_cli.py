"""The CLI: a light cold path, the listing contract, errors for people."""

import json
import subprocess
import sys

HEAVY = ["rdflib", "pyoxigraph", "networkx", "pyvis", "neo4j", "pyshacl", "pydantic", "yaml"]


def _imported_after(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from watwerkt.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        f"print('MODULES:' + ','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    err = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stderr
    line = next(x for x in err.splitlines() if x.startswith("MODULES:"))
    return set(filter(None, line.removeprefix("MODULES:").split(",")))


def test_help_and_version_import_no_heavy_library():
    assert _imported_after(["--help"]) == set()
    assert _imported_after(["--version"]) == set()
    assert _imported_after(["cases", "--help"]) == set()


def test_version(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("watwerkt, version ")


def test_every_command_is_listed_in_help(cli):
    from watwerkt.cli import COMMANDS

    code, out, _ = cli("--help")
    assert code == 0
    for name in COMMANDS:
        assert f"  {name} " in out


def test_cases_json_csv_md_and_table(cli, kitchen_store):
    code, out, _ = cli("cases", "--store", str(kitchen_store), "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == ["voorbeeldstad", "piet"]
    assert rows[0] == {"id": "voorbeeldstad", "number": 1, "kind": "organisation",
                       "title": "Leren loont altijd", "subject": "Gemeente Voorbeeldstad",
                       "municipalities": ["Voorbeeldstad"], "sections": 6}
    code, out, _ = cli("cases", "--store", str(kitchen_store), "--format", "csv")
    assert out.splitlines()[0] == "id,number,kind,title,subject,municipalities,sections"
    code, out, _ = cli("cases", "--store", str(kitchen_store), "--format", "md", "--lang", "en")
    assert out.splitlines()[0].startswith("| id | no | kind | title |")
    code, out, _ = cli("cases", "--store", str(kitchen_store))
    assert all(len(line) <= 80 for line in out.splitlines())


def test_output_file_is_written_atomically(cli, kitchen_store, tmp_path):
    target = tmp_path / "out" / "cases.json"
    target.parent.mkdir()  # a missing folder is refused (tests/unit/test_output_paths.py)
    code, out, _ = cli("cases", "--store", str(kitchen_store), "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2
    assert [p.name for p in target.parent.iterdir()] == ["cases.json"]


def test_case_card_shows_sections_and_lines(cli, kitchen_store):
    code, out, _ = cli("case", "piet", "--store", str(kitchen_store), "--format", "json")
    card = json.loads(out)
    assert [s["type"] for s in card["sections"]] == [
        "inleiding", "aanpak", "opbrengst", "wat-hielp", "engelen-beren", "reflectie"]
    assert card["sections"][4]["line"] == 70


def test_unknown_case_suggests_the_nearest(cli, kitchen_store):
    code, _, err = cli("case", "piett", "--store", str(kitchen_store))
    assert code == 2
    assert err == "watwerkt: unknown case 'piett' (did you mean: piet)\n"


def test_missing_store_says_to_build(cli, tmp_path):
    code, _, err = cli("cases", "--store", str(tmp_path / "none"))
    assert code == 1
    assert err == f"watwerkt: {tmp_path / 'none'}: no graph has been built here yet (run `watwerkt build` first)\n"


def test_data_error_is_one_line_with_file_and_line(cli, kitchen, tmp_path):
    import shutil

    d = tmp_path / "d"
    shutil.copytree(kitchen, d)
    p = d / "cases" / "02-piet.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("age: 50", "age: vijftig"), encoding="utf-8")
    code, _, err = cli("build", "--data", str(d), "--corpus", str(d / "corpus"), "--store", str(tmp_path / "s"))
    assert code == 1
    assert err.startswith(f"watwerkt: {p}:") and "employee.age: kreeg 'vijftig'" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()


def test_query_commands_do_not_import_rdflib(kitchen_store):
    """The advisor's path opens the Oxigraph store; rdflib (0.2 s to import) stays out."""
    import os

    code = (
        "import sys\n"
        "from watwerkt.cli import main\n"
        "main(['wat-werkt', '--doelgroep', 'hoge eigen regie'])\n"
        "print('MODULES:' + ','.join(m for m in ('rdflib', 'pyshacl', 'networkx', 'pyvis', 'neo4j') "
        "if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "WATWERKT_STORE": str(kitchen_store)}
    err = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stderr
    assert next(x for x in err.splitlines() if x.startswith("MODULES:")) == "MODULES:"


def test_wat_werkt_cold_path_imports_no_rich_yaml_pydantic_or_rdflib(kitchen_store):
    """A cold `wat-werkt` (the answer to a pipe) loads neither rich (its table is laid out without
    it), nor yaml, pydantic, rdflib or the other heavy libraries."""
    import os

    heavy = ("rich", "yaml", "pydantic", "rdflib", "pyshacl", "networkx", "pyvis", "neo4j", "matplotlib")
    code = (
        "import sys\n"
        "from watwerkt.cli import main\n"
        "main(['wat-werkt'])\n"
        "main(['engelen-beren'])\n"
        f"print('MODULES:' + ','.join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "WATWERKT_STORE": str(kitchen_store), "COLUMNS": "100"}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert "Wat werkt" in p.stdout
    assert next(x for x in p.stderr.splitlines() if x.startswith("MODULES:")) == "MODULES:"
