"""Imports go down the layers only: core < ingest < graph < queries < viz < cli.

Every module of the package is parsed (nothing is imported) and every import is checked,
at module level and inside functions alike:

- core is ``watwerkt/*`` except the CLI, plus ``ontology/``; then ``ingest/``, ``graph/``,
  ``queries/``, ``viz/``; the CLI is ``watwerkt/cli.py`` and ``watwerkt/cli_commands/``;
- a module may import its own layer and the layers below it (the same rule as
  ../shared/tools/import-layers);
- nothing imports the CLI (``watwerkt.cli``, ``watwerkt.cli_commands``) but the CLI itself.

Known violations in modules of other owners wait in ``ALLOWED`` with the owner named; the
lead empties it. An entry that no longer occurs fails too, so the list cannot go stale.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ORDER = ["core", "ingest", "graph", "queries", "viz", "cli"]
PACKAGES = {"ingest": "ingest", "graph": "graph", "queries": "queries", "viz": "viz", "ontology": "core"}

# "file:imported module" -> who will fix it
ALLOWED: dict[str, str] = {}


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    if parts[0] != "watwerkt":
        parts.insert(0, "watwerkt")
    return ".".join(parts)


def layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "watwerkt":
        return None
    if len(parts) == 1:
        return "core"
    if parts[1] in PACKAGES:
        return PACKAGES[parts[1]]
    if parts[1] in ("cli", "cli_commands", "__main__"):
        return "cli"
    return "core"


def package_modules() -> list[Path]:
    out = []
    for top in ("watwerkt", *PACKAGES):
        out += [p for p in (ROOT / top).rglob("*.py") if "__pycache__" not in p.parts]
    return sorted(out)


def imports(path: Path):
    """(line, module) of every import in a file, relative imports resolved."""
    return imports_of(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def imports_of(text: str, module: str, is_package: bool = False):
    """(line, names) of every import statement: the module, and for ``from M import a`` also
    ``M.a`` (``from watwerkt import cli`` imports the CLI)."""
    tree = ast.parse(text)
    here = module.split(".")
    package = here if is_package else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, [a.name]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                mod = ".".join([*base, *([node.module] if node.module else [])])
            else:
                mod = node.module or ""
            yield node.lineno, [mod, *(f"{mod}.{a.name}" for a in node.names)]


def violations() -> dict[str, str]:
    found = {}
    for path in package_modules():
        own = layer(module_name(path))
        for line, names in imports(path):
            ranked = [(ORDER.index(t), n, t) for n in names if (t := layer(n)) is not None]
            if not ranked:
                continue
            rank, mod, target = max(ranked, key=lambda r: r[0])  # the first of the highest
            if rank > ORDER.index(own):
                found[f"{path.relative_to(ROOT)}:{mod}"] = f"line {line}: {own} imports {target}"
    return found


def test_the_layer_rule_knows_every_module():
    mods = {module_name(p): layer(module_name(p)) for p in package_modules()}
    assert mods["watwerkt.records"] == "core" and mods["watwerkt.ontology.namespace"] == "core"
    assert mods["watwerkt.ingest.segments.book"] == "ingest"
    assert mods["watwerkt.cli"] == "cli" and mods["watwerkt.cli_commands.build"] == "cli"
    assert None not in mods.values()


def test_no_upward_imports():
    found = violations()
    new = {k: v for k, v in found.items() if k not in ALLOWED}
    assert not new, "upward imports:\n" + "\n".join(f"{k} ({v})" for k, v in sorted(new.items()))


def test_the_allow_list_holds_only_what_still_occurs():
    gone = sorted(set(ALLOWED) - set(violations()))
    assert not gone, "fixed, remove from ALLOWED: " + ", ".join(gone)


@pytest.mark.parametrize("source, expected", [
    ("from watwerkt.graph.store import x\n", "graph"),
    ("def f():\n    from watwerkt.queries import knowledge\n", "queries"),
    ("import watwerkt.cli_commands.build\n", "cli"),
    ("from watwerkt import cli\n", "cli"),
    ("from ..graph import build\n", "graph"),
])
def test_the_walker_sees_imports_everywhere(source, expected):
    found = [layer(m) for _l, names in imports_of(source, "watwerkt.ingest.probe") for m in names]
    assert expected in found


def test_agrees_with_the_shared_tool():
    """Every violation ../shared/tools/import-layers reports, this test reports too."""
    tool = ROOT.parent / "shared" / "tools" / "import-layers"
    if not tool.is_file():
        pytest.skip(f"the shared tool is not at {tool}")
    out = subprocess.run([sys.executable, str(tool), str(ROOT)], capture_output=True, text=True).stdout
    mine = {(k.split(":")[0], k.split(":")[1]) for k in violations()}
    for line in out.splitlines():
        m = re.match(r"^(\S+):\d+ \(\w+\) imports (\S+) ", line)
        assert m and (m.group(1), m.group(2)) in mine, line
