"""The agreement between two codings (ingest/agreement.py), on small invented codings."""

import pytest

from watwerkt.ingest import agreement as ag

FIRST_CASE = """\
id: voorbeeld
number: 1
influences:
  - id: vb-wethouder-engel
    polarity: angel
    state: actual
    explicit: true
    actor: {nl: de wethouder, en: the alderman}
    anchors: ["boek:100-200#000000000000"]
  - id: vb-budget-beer
    polarity: bear
    state: potential
    explicit: true
    actor: {nl: krap budget, en: tight budget}
    anchors: ["boek:300-400#000000000000"]
  - id: vb-collega-engel
    polarity: angel
    state: actual
    explicit: false
    actor: {nl: een collega, en: a colleague}
    anchors: ["boek:500-600#000000000000"]
    epistemic: interpreted
outcomes:
  - {id: vb-verzuim, concept: verzuim, direction: down, anchors: ["boek:700-750#000000000000"]}
  - {id: vb-verloop-a, concept: verloop, direction: low, anchors: ["boek:760-780#000000000000"]}
  - {id: vb-verloop-b, concept: verloop, direction: mixed, anchors: ["boek:790-799#000000000000"]}
  - {id: vb-eigen, concept: bevlogenheid, direction: up, epistemic: interpreted,
     anchors: ["boek:800-820#000000000000"]}
"""

SECOND_CASE = """\
case: voorbeeld
coder: second
named:
  - {actor: {nl: wethouder, en: alderman}, polarity: angel, state: actual,
     anchor: "boek:150-180#000000000000"}
  - {actor: {nl: te krap budget, en: budget too tight}, polarity: bear, state: actual,
     anchor: "boek:900-950#000000000000"}
  - {actor: {nl: een collega, en: a colleague}, polarity: angel, state: actual,
     anchor: "boek:500-600#000000000000"}
outcomes:
  loopbaansucces: {direction: not-mentioned}
  inzetbaarheid: {direction: not-mentioned}
  vakmanschap: {direction: not-mentioned}
  bevlogenheid: {direction: not-mentioned}
  verzuim: {direction: not-shown}
  verloop: {direction: low}
"""


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "data/cases").mkdir(parents=True)
    (tmp_path / "docs/coding/second").mkdir(parents=True)
    (tmp_path / "data/cases/01-voorbeeld.yaml").write_text(FIRST_CASE, encoding="utf-8")
    (tmp_path / "docs/coding/second/01-voorbeeld.yaml").write_text(SECOND_CASE, encoding="utf-8")
    return tmp_path


def test_cohen_kappa():
    assert ag.cohen_kappa([]) is None
    assert ag.cohen_kappa([("a", "a"), ("b", "b")]) == 1.0
    assert ag.cohen_kappa([("a", "a"), ("a", "a")]) == 1.0  # one category, full agreement
    # 3 of 4 agree; both raters say a twice and b twice: p_o = .75, p_e = .5
    assert ag.cohen_kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b"), ("a", "a"), ("b", "b"),
                           ("a", "a"), ("b", "b")]) == pytest.approx(0.5)


def test_only_explicit_influences_are_named(repo):
    first = ag.first_coding(repo / "data/cases")["voorbeeld"]
    assert [n["id"] for n in first["named"]] == ["vb-wethouder-engel", "vb-budget-beer"]


def test_matching_by_anchor_then_by_label(repo):
    first = ag.first_coding(repo / "data/cases")["voorbeeld"]
    second = ag.second_coding(repo / "docs/coding/second")["voorbeeld"]
    res = ag.compare_case("voorbeeld", first, second)
    # the alderman by overlapping anchors, the budget by its label (no shared passage)
    assert [(f["id"], s["anchor"]) for f, s in res.matched] == [
        ("vb-wethouder-engel", "boek:150-180#000000000000"),
        ("vb-budget-beer", "boek:900-950#000000000000")]
    kinds = {(d.item, d.what) for d in res.disagreements}
    assert ("vb-budget-beer", "state") in kinds
    assert ("second-3", "only-second") in kinds  # the colleague is interpreted in the first coding
    assert ("outcome:verzuim", "outcome") in kinds
    assert ("outcome:verloop", "duplicate-outcome") in kinds  # two outcomes, one concept
    # the interpreted engagement outcome is our reading, not the book's: not-mentioned
    assert res.outcome_pairs[3] == ("not-mentioned", "not-mentioned")


def test_document_keeps_the_snapshot_and_shows_resolutions(repo):
    ag.main(["--root", str(repo), "--snapshot"])
    snapshot = repo / "docs/coding/first-before-resolution.yaml"
    assert snapshot.exists()
    with pytest.raises(SystemExit, match="snapshot exists already"):
        ag.main(["--root", str(repo), "--snapshot"])
    # resolve: follow the second coder on absenteeism, in the data and in the resolutions
    case = repo / "data/cases/01-voorbeeld.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("direction: down", "direction: not-shown"),
                    encoding="utf-8")
    (repo / "docs/coding/resolutions.yaml").write_text(
        "resolutions:\n  - {case: voorbeeld, item: 'outcome:verzuim', first: down, second: not-shown,"
        " decision: second, reason: a possibility is not a fall}\n", encoding="utf-8")
    ag.main(["--root", str(repo)])
    text = (repo / "docs/coding-agreement.md").read_text(encoding="utf-8")
    assert text.startswith(ag.HEADER)
    assert "| before resolution | after resolution |" in text
    assert "a possibility is not a fall" in text
    assert "**open**" in text  # the other disagreements are not resolved yet
    # rerunning gives the same document
    ag.main(["--root", str(repo)])
    assert (repo / "docs/coding-agreement.md").read_text(encoding="utf-8") == text


def test_a_second_coding_without_outcomes_is_refused_naming_the_file(repo):
    bad = repo / "docs/coding/second/01-voorbeeld.yaml"
    bad.write_text(SECOND_CASE.split("outcomes:")[0], encoding="utf-8")
    with pytest.raises(SystemExit, match="01-voorbeeld.yaml: outcomes lack"):
        ag.main(["--root", str(repo)])
