"""The wheel carries everything: code, ontology, queries and the curated data.

Built from this checkout, installed into a folder outside the repository and run from there,
so a package that works only in an editable install cannot pass.
"""

import json
import os
import subprocess
import sys

import pytest

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_and_answers_outside_the_repository(tmp_path, real_corpus):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    target = tmp_path / "site"
    (whl,) = wheels.glob("watwerkt-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(whl)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target), "WATWERKT_STORE": str(tmp_path / "store"),
           "WATWERKT_CORPUS": str(real_corpus)}
    env.pop("WATWERKT_DATA", None)

    def run(*args):
        code = "import sys; from watwerkt.cli import main; sys.exit(main(sys.argv[1:]))"
        return subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True)

    where = subprocess.run([sys.executable, "-c", "import watwerkt; print(watwerkt.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True).stdout
    assert where.startswith(str(target)), where
    assert run("build").returncode == 0
    out = run("cases", "--format", "json")
    assert out.returncode == 0 and len(json.loads(out.stdout)) == 28
    for name in ("ingest", "graph", "queries", "viz", "ontology"):
        probe = subprocess.run([sys.executable, "-c", f"import {name}"], cwd=tmp_path, env=env, capture_output=True)
        assert probe.returncode != 0, f"{name} must not be importable on its own"
