"""Validation of a built graph: a broken graph fails with a readable message."""

from rdflib import Graph, Namespace, URIRef

from watwerkt.graph.validate import validate_graph
from watwerkt.ingest.corpus import Corpus

WW = Namespace("https://w3id.org/watwerkt/def#")  # rdflib terms: validation runs on an rdflib graph


def _graph(store):
    return Graph().parse(store / "graph.nt", format="nt")


def test_kitchen_graph_conforms(kitchen, kitchen_store):
    assert validate_graph(_graph(kitchen_store), Corpus.open(kitchen / "corpus", kitchen)) == []


def test_claim_without_anchor_fails(kitchen_store):
    g = _graph(kitchen_store)
    claim = URIRef("https://w3id.org/watwerkt/id/invloed/vbs-wethouder")
    g.remove((claim, WW.anchor, None))
    msgs = [str(p) for p in validate_graph(g, None)]
    assert "id:invloed/vbs-wethouder: error: ww:anchor: een bewering zonder anker / a claim without an anchor" in msgs


def test_polarity_outside_its_scheme_fails(kitchen_store):
    g = _graph(kitchen_store)
    claim = URIRef("https://w3id.org/watwerkt/id/invloed/vbs-drukte")
    g.remove((claim, WW.polarity, None))
    g.add((claim, WW.polarity, WW.wolf))
    msgs = [str(p) for p in validate_graph(g, None)]
    assert ("id:invloed/vbs-drukte: error: ww:polarity: polariteit moet engel of beer zijn / "
            "polarity must be angel or bear (value ww:wolf)") in msgs


def test_anchor_that_does_not_match_the_corpus_fails(kitchen, kitchen_store):
    from rdflib import Literal

    g = _graph(kitchen_store)
    a = URIRef(next(str(s) for s in g.subjects(WW.spanHash, None)))
    g.set((a, WW.spanHash, Literal("000000000000")))
    probs = validate_graph(g, Corpus.open(kitchen / "corpus", kitchen))
    assert len(probs) == 1 and "does not match the text at that span" in probs[0].message


def test_contact_details_in_any_literal_fail(kitchen_store):
    from rdflib import Literal
    from rdflib.namespace import DCTERMS

    g = _graph(kitchen_store)
    g.add((URIRef("https://w3id.org/watwerkt/id/case/piet"), DCTERMS.description, Literal("mail p@x.nl")))
    assert any("contact details" in p.message for p in validate_graph(g, None))


def test_validate_command_exits_nonzero_on_error(cli, kitchen, kitchen_store, tmp_path):
    import shutil

    broken = tmp_path / "store"
    shutil.copytree(kitchen_store, broken)
    nt = (broken / "graph.nt").read_text(encoding="utf-8")
    nt = "\n".join(line for line in nt.splitlines()
                   if not (line.startswith("<https://w3id.org/watwerkt/id/invloed/vbs-wethouder>") and "#anchor>" in line))
    (broken / "graph.nt").write_text(nt + "\n", encoding="utf-8")
    code, out, err = cli("validate", "--store", str(broken), "--corpus", str(kitchen / "corpus"),
                         "--data", str(kitchen))
    assert code == 1
    assert "id:invloed/vbs-wethouder: error: ww:anchor:" in out
    assert "1 fouten" in err
