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


def _bench_module(name: str):
    import importlib

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_scale_worker_kills_a_question_past_its_limit_and_reports_a_lower_bound(kitchen_store):
    """bench/scale_backends.measure: each question in a fork, killed once a run passes the limit."""
    measure = _bench_module("scale_backends").measure
    qs = {"wat-werkt": ["wat-werkt"], "uitkomsten": ["uitkomsten"]}
    cfg = {"kind": "embedded", "store": str(kitchen_store), "questions": qs, "runs": 1, "budget": 5.0}
    ok = measure({**cfg, "limit": 120.0}, load_limit=60, memory_gb=8, path_budget=300)
    assert ok["wat-werkt"] > 0 and ok["uitkomsten (cpu)"] > 0 and "wat-werkt (over)" not in ok
    killed = measure({**cfg, "limit": 0.001}, load_limit=60, memory_gb=8, path_budget=300)
    assert killed["wat-werkt"] is None and killed["wat-werkt (over)"] == 0.001
    assert killed["uitkomsten (over)"] == 0.001  # the next question still ran (and was killed too)
    spent = measure({**cfg, "limit": 120.0}, load_limit=60, memory_gb=8, path_budget=0)
    assert spent["_not_run"] == sorted(qs)  # a path out of time starts nothing more, and says so


def test_scale_report_shows_lower_bounds_and_bounded_ratios():
    rep = _bench_module("scale_report")
    rec = {"cases": 1000, "triples": 1_400_000, "embedded_warm": {"a": 0.5, "a (cpu)": 0.4, "b": 2.0, "b (cpu)": 1.0},
           "rdflib_warm": {"a": None, "a (over)": 20.0, "b": 50.0, "_not_run": ["c"]},
           "neo4j_warm": {"a": 0.8, "b": None, "b (over)": 20.0}}
    assert rep.cell(rec, "rdflib_warm", "a") == "> 20" and rep.cell(rec, "rdflib_warm", "c") == "not run"
    assert rep.ratios(rec, "rdflib_warm") == {"a": (40.0, ">"), "b": (25.0, "=")}
    raw = {"sizes": {"1000": rec}, "machine": "m"}
    verdicts = {t[0]: t[2] for t in rep.targets(raw)}
    assert verdicts["≥ 20x faster than rdflib (at 1000 cases, the largest with the baseline)"] == "met"
    assert verdicts["Neo4j within 2x of embedded (at 1000 cases, the largest published)"].startswith("missed on 1 of 2")
    assert any("missed by up to 8.0x" in v for v in verdicts.values())  # b: 2.0 s against 0.25 s
