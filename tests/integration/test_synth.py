"""bench/synth.py: deterministic by seed, and its data checks and builds (without the corpus)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYNTH = ROOT / "bench" / "synth.py"


def _synth(n: int, seed: int, out: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, str(SYNTH), "--cases", str(n), "--seed", str(seed), "-o", str(out)],
                   check=True, capture_output=True)
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_cases(tmp_path):
    a, b, c = _synth(6, 7, tmp_path / "a"), _synth(6, 7, tmp_path / "b"), _synth(6, 8, tmp_path / "c")
    assert a == b
    cases = lambda d: {k: v for k, v in d.items() if k.startswith("cases/")}  # noqa: E731
    assert len(cases(a)) == 6 and cases(a) != cases(c)


def test_synthetic_data_checks_and_builds_without_the_corpus(tmp_path):
    from watwerkt.config import Settings
    from watwerkt.graph.pipeline import build
    from watwerkt.ingest.checks import check_dataset
    from watwerkt.ingest.data import load_dataset

    data = tmp_path / "data"
    _synth(40, 1, data)
    ds = load_dataset(data)
    assert len(ds.cases) == 40 and max(c.number for c in ds.cases) == 40
    problems = check_dataset(ds)
    assert [p.line() for p in problems if p.level == "error"] == []
    r = build(Settings(corpus=None, store=tmp_path / "store", data=data))
    assert r.cases == 40 and not r.quotes and r.triples > 40_000
    texts = "".join(p.read_text(encoding="utf-8") for p in (data / "cases").glob("*.yaml"))
    assert "@" not in texts  # no e-mail address invented (the words are an own list)


def test_bad_arguments_are_one_line(tmp_path):
    p = subprocess.run([sys.executable, str(SYNTH), "--cases", "0", "-o", str(tmp_path / "x")],
                       capture_output=True, text=True)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "f").write_text("x")
    p = subprocess.run([sys.executable, str(SYNTH), "--cases", "1", "-o", str(tmp_path / "full")],
                       capture_output=True, text=True)
    assert p.returncode != 0 and "not empty" in p.stderr and len(p.stderr.strip().splitlines()) == 1
