"""Property: whatever text or slug the curated data holds, the build either succeeds or stops
with a :class:`WatwerktError` (one line for the user), never with another exception.

Hypothesis puts random texts (line breaks, quotes, ``<script>``, control characters, any
unicode, phone-like digits) into Text fields and names, and random slugs (or not-quite slugs)
into ids, writes the kitchen-sink data back as YAML and runs the whole build.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
yaml = pytest.importorskip("yaml")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from watwerkt.config import Settings  # noqa: E402
from watwerkt.errors import WatwerktError  # noqa: E402

KITCHEN = Path(__file__).resolve().parent.parent / "data" / "kitchen"
C1 = "cases/01-voorbeeldstad.yaml"

# (file, path of keys and list indexes to a text value)
TEXT_FIELDS = [
    (C1, ("title",)),
    (C1, ("subject",)),
    (C1, ("summary", "nl")),
    (C1, ("summary", "en")),
    (C1, ("organisations", 0, "name")),
    (C1, ("people", 0, "name")),
    (C1, ("people", 0, "role", "en")),
    (C1, ("interventions", 0, "label", "nl")),
    (C1, ("interventions", 0, "description", "en")),
    (C1, ("influences", 0, "actor", "nl")),
    (C1, ("influences", 1, "description", "nl")),
    (C1, ("outcomes", 0, "figure",)),
    (C1, ("lessons", 0, "text", "en")),
    ("cases/02-piet.yaml", ("transitions", 0, "from_role", "nl")),
    ("cases/02-piet.yaml", ("group_fit", "rationale", "nl")),
    ("programmes/opstap.yaml", ("description", "nl")),
    ("programmes/opstap.yaml", ("practices", 0, "label", "en")),
    ("report/werkt.yaml", ("statements", 0, "text", "nl")),
    ("findings/boek.yaml", ("findings", 0, "description", "en")),
    ("reference/gemeenten.yaml", ("municipalities", 1, "name")),
]
# ids whose every occurrence in the file is renamed together (so references stay whole)
SLUGS = [(C1, "vbs-loopbaanwinkel"), (C1, "vbs-wethouder"), ("cases/02-piet.yaml", "piet-stap"),
         ("programmes/opstap.yaml", "opstap-snoeien"), (C1, "gemeente-voorbeeldstad")]

NASTY = ["\n", "\r\n", '"', "'", "<script>alert(1)</script>", "\\", "{{x}}", "${x}", "%s", "\t",
         "\u2028", "\x85", "\x00", "\x1b[31m", "\ufeff", "06-12345678", "a@b.nl", "#", ": ", "- ",
         "--- ", "&a", "*a", "!!python/object", "é", "\U0001f600", "\u202e", " ", ""]
texts = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=6).map("".join),
)
slugs = st.one_of(st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,20}\Z"), st.text(max_size=12))


def _set(doc, path, value):
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(TEXT_FIELDS), texts), min_size=1, max_size=4),
       renames=st.lists(st.tuples(st.sampled_from(SLUGS), slugs), max_size=2))
def test_the_build_succeeds_or_fails_with_one_line(edits, renames):
    from watwerkt.graph.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(KITCHEN, data)
        for (rel, old), new in renames:
            p = data / rel
            p.write_text(p.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        docs: dict[str, object] = {}
        for (rel, path), value in edits:
            try:
                if rel not in docs:
                    docs[rel] = yaml.safe_load((data / rel).read_text(encoding="utf-8"))
                _set(docs[rel], path, value)
            except (yaml.YAMLError, KeyError, IndexError, TypeError):
                pass  # a rename already broke this file: the build must say so in one line
        for rel, doc in docs.items():
            (data / rel).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        s = Settings(corpus=data / "corpus", store=Path(tmp) / "store", data=data)
        try:
            result = build(s)
        except WatwerktError as exc:
            text = exc.line() if hasattr(exc, "line") else str(exc)
            assert text.strip() and "\n" not in text  # what the CLI prints: one line
            hypothesis.event(f"refused: {type(exc).__name__}")
            return
        hypothesis.event("built")
        assert result.cases == 2
