"""docs/cookbook.md: every question's command runs, and the output shown is the real one.

Refresh the outputs with ``pytest tests/integration/test_cookbook.py --update-golden``.
"""

import re
import shlex
from pathlib import Path

COOKBOOK = Path(__file__).resolve().parents[2] / "docs" / "cookbook.md"
BLOCK = re.compile(r"```sh\n(?P<cmd>watwerkt [^\n]+)\n```\n\n```text\n(?P<out>.*?)```", re.S)


def _run(cli, store, command: str) -> str:
    args = shlex.split(command)[1:]
    code, out, err = cli(*args, "--store", str(store))
    assert code == 0, f"{command}: {err}"
    return out


def test_cookbook_has_at_least_twelve_questions():
    text = COOKBOOK.read_text(encoding="utf-8")
    assert len(BLOCK.findall(text)) >= 12
    assert len(re.findall(r"^### \d+\.", text, re.M)) == len(BLOCK.findall(text))


def test_cookbook_outputs_are_current(cli, real_store, request):
    text = COOKBOOK.read_text(encoding="utf-8")
    new = BLOCK.sub(lambda m: f"```sh\n{m['cmd']}\n```\n\n```text\n{_run(cli, real_store, m['cmd'])}```", text)
    if request.config.getoption("--update-golden"):
        COOKBOOK.write_text(new, encoding="utf-8")
        return
    stale = [m["cmd"] for m, n in zip(BLOCK.finditer(text), BLOCK.finditer(new)) if m["out"] != n["out"]]
    assert not stale, f"cookbook output differs for: {stale} (run pytest --update-golden)"


def test_every_command_is_documented():
    from watwerkt.cli import COMMANDS

    docs = COOKBOOK.read_text(encoding="utf-8") + (COOKBOOK.parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if f"watwerkt {c}" not in docs]
    assert not missing, f"commands without documentation: {missing}"


def test_cookbook_tables_fit_80_columns():
    text = COOKBOOK.read_text(encoding="utf-8")
    for m in BLOCK.finditer(text):
        if "--format" in m["cmd"]:
            continue  # only tables promise 80 columns
        wide = [line for line in m["out"].splitlines() if len(line) > 80]
        assert not wide, (m["cmd"], wide[:2])
