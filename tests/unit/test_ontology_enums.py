"""The ontology is the source of truth: the namespace module, the enumerations, SHACL, schemas.

- ontology/namespace.py is what ``watwerkt ontology`` generates from ontology/watwerkt.ttl,
  closed (a mistyped term fails) and free of rdflib at import;
- every enumeration of watwerkt.records equals the individuals of its ontology class;
- every SHACL ``sh:in`` list of ww: terms equals the value set of the property's range;
- every ``enum`` list in docs/schemas/*.json equals the enumeration it renders;
- every ww: term the code and the SPARQL files use is declared in the ontology.
"""

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from watwerkt.ontology import namespace as ns
from watwerkt.ontology.docs import NAMESPACE_PATH, render_namespace
from watwerkt.records import CaseKind, Direction, Epistemic, InfluenceState, Polarity, UseStatus

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology"

# records enumeration -> the ontology class whose individuals it must equal
ENUMS = {Epistemic: "EpistemicStatus", Polarity: "Polarity", InfluenceState: "InfluenceState",
         Direction: "Direction", UseStatus: "UseStatus"}

# value sets no record carries: the build derives them (each WW["..."] it writes is checked by
# test_every_term_in_use_is_declared)
DERIVED_BY_THE_BUILD = {
    "EvidenceLevel": "graph/configurations.py",
    "Favourability": "graph/configurations.py",
    "PolarityBasis": "graph/build.py (named when the influence is explicit, else read-in)",
}

# ww: terms used in the code or in queries that the ontology does not declare yet; each is
# somebody's work in progress, named here so that the lead can empty this list
UNDECLARED_IN_PROGRESS = {
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY / "watwerkt.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def ww(local: str) -> URIRef:
    return URIRef(ns.BASE + local)


# ---------------------------------------------------------------- the namespace module

def test_namespace_module_is_generated_from_the_ontology():
    assert NAMESPACE_PATH.read_text(encoding="utf-8") == render_namespace(), \
        "ontology/namespace.py is stale: run `watwerkt ontology`"


def test_every_term_is_a_constant_and_a_typo_fails(onto):
    declared = {str(s)[len(ns.BASE):] for s in onto.subjects() if str(s).startswith(ns.BASE)}
    assert ns.TERMS == declared
    for t in ns.TERMS:
        assert getattr(ns.WW, t.replace("-", "_")) == ns.BASE + t == ns.term(t)
    with pytest.raises(AttributeError):
        ns.WW.Caes  # noqa: B018
    with pytest.raises(KeyError):
        ns.term("Caes")
    closed = ns.rdflib_namespace()
    assert closed.Case == ww("Case") and closed["not-shown"] == ww("not-shown")
    with pytest.raises(AttributeError):
        closed.Caes  # noqa: B018


def test_namespace_module_does_not_import_rdflib():
    code = "import sys, watwerkt.ontology.namespace; print('rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- enumerations

@pytest.mark.parametrize("enum", list(ENUMS), ids=lambda e: e.__name__)
def test_record_enumerations_equal_the_ontology_individuals(enum, onto):
    cls = ENUMS[enum]
    individuals = {str(s)[len(ns.BASE):] for s in onto.subjects(RDF.type, ww(cls))}
    assert {e.value for e in enum} == individuals == set(ns.VALUE_SETS[cls])


def test_every_value_set_of_the_ontology_has_its_enumeration():
    assert set(ns.VALUE_SETS) == set(ENUMS.values()) | set(DERIVED_BY_THE_BUILD)
    assert not set(ENUMS.values()) & set(DERIVED_BY_THE_BUILD)


def test_case_kinds_are_the_subclasses_of_case(onto):
    subclasses = {str(s)[len(ns.BASE):] for s in onto.subjects(RDFS.subClassOf, ww("Case"))}
    assert {f"{k.value.capitalize()}Case" for k in CaseKind} == subclasses


def test_shacl_in_lists_equal_the_value_set_of_the_range(shapes, onto):
    seen = set()
    for prop in shapes.subjects(SH["in"], None):
        path = shapes.value(prop, SH.path)
        members = list(Collection(shapes, shapes.value(prop, SH["in"])))
        if not all(str(m).startswith(ns.BASE) for m in members):
            continue  # a list of literals (evidence basis): checked below
        rng = onto.value(path, RDFS.range)
        assert rng is not None, f"{path} has a sh:in list but no rdfs:range in the ontology"
        cls = str(rng)[len(ns.BASE):]
        assert {str(m)[len(ns.BASE):] for m in members} == set(ns.VALUE_SETS[cls]), path
        seen.add(cls)
    assert seen, "no sh:in list of ww: terms found in ontology/shapes.ttl"


def test_evidence_basis_is_the_same_in_shapes_and_loader(shapes):
    from watwerkt.ingest.data import SourceEntry

    (prop,) = shapes.subjects(SH.path, ww("evidenceBasis"))
    listed = {str(m) for m in Collection(shapes, shapes.value(prop, SH["in"]))}
    pattern = next(m.pattern for m in SourceEntry.model_fields["basis"].metadata if hasattr(m, "pattern"))
    assert set(re.fullmatch(r"\^\((.*)\)\$", pattern).group(1).split("|")) == listed


# JSON schema property -> the values its "enum" must list; the research verdict is a value
# of the query layer (queries/knowledge.py), not of the ontology
SCHEMA_ENUMS = {
    "kind": {k.value for k in CaseKind},
    "epistemic": {e.value for e in Epistemic},
    "polarity": {p.value for p in Polarity},
    "state": {s.value for s in InfluenceState},
    "direction": {d.value for d in Direction},
    "use_status": {u.value for u in UseStatus},
    "research": {"werkt", "werkt-minder", "gemengd", ""},
}


def _enums(obj, name=None):
    if isinstance(obj, dict):
        if "enum" in obj:
            yield name, obj["enum"]
        for k, v in obj.items():
            yield from _enums(v, k if name is None or k not in ("items", "properties") else name)
    elif isinstance(obj, list):
        for v in obj:
            yield from _enums(v, name)


@pytest.mark.parametrize("path", sorted((ROOT / "docs" / "schemas").glob("*.json")), ids=lambda p: p.name)
def test_json_schema_enums_equal_the_enumerations(path):
    for name, values in _enums(json.loads(path.read_text(encoding="utf-8"))):
        assert name in SCHEMA_ENUMS, f"{path.name}: enum of {name!r}: say in this test what it must equal"
        assert set(values) == SCHEMA_ENUMS[name] and len(values) == len(set(values)), (path.name, name)


# ---------------------------------------------------------------- terms in use

TERM_USE = re.compile(r"\bww:([A-Za-z][\w-]*[\w])")


def _tracked(suffix: str) -> list[Path]:
    """The files of the package git knows about (work not yet added is not checked)."""
    tops = ("watwerkt", "ingest", "graph", "queries", "viz", "ontology")
    try:
        out = subprocess.run(["git", "ls-files", "--", *tops], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
        files = [ROOT / f for f in out]
    except (OSError, subprocess.CalledProcessError):  # not a checkout: every file
        files = [p for t in tops for p in (ROOT / t).rglob("*")]
    return sorted(p for p in files if p.suffix == suffix and p.is_file())


def _terms_used():
    """(file, term) for every ww:term in SPARQL and Python, and every WW.term / WW["term"]."""
    for path in _tracked(".rq"):
        for m in TERM_USE.finditer(path.read_text(encoding="utf-8")):
            yield path, m.group(1)
    for path in _tracked(".py"):
        if path != NAMESPACE_PATH:
            text = path.read_text(encoding="utf-8")
            for m in TERM_USE.finditer(text):
                yield path, m.group(1)
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "WW":
                    yield path, node.attr
                elif (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "WW"
                      and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
                    yield path, node.slice.value


def test_the_allow_list_of_undeclared_terms_is_not_stale():
    assert not {t for t in UNDECLARED_IN_PROGRESS if t in ns.TERMS}, "declared now: remove it here"


def test_every_term_in_use_is_declared():
    unknown = sorted({f"{p.relative_to(ROOT)}: ww:{t}" for p, t in _terms_used()
                      if t not in ns.TERMS and t.replace("_", "-") not in ns.TERMS
                      and t not in UNDECLARED_IN_PROGRESS})
    assert not unknown, "terms not declared in ontology/watwerkt.ttl:\n" + "\n".join(unknown)
