"""The ranking rule of docs/ranking.md on invented evidence where the right order is obvious."""

from watwerkt.queries.what_works import (
    EvidenceLabel,
    InterventionEvidence,
    ResearchVerdict,
    evidence_label,
    rank_key,
)


class FakeVocabulary:
    lang = "nl"

    def term(self, ident):
        return ident


WORKS = ResearchVerdict("works", ("werkt-x",), ())
LESS = ResearchVerdict("works_less", (), ("minder-x",))
NONE = ResearchVerdict("none", (), ())


def label(fav, unf=0, named=None, wide=0, research=NONE) -> EvidenceLabel:
    return evidence_label(FakeVocabulary(), fav, unf, fav if named is None else named, wide, research)


def answer(name, fav, unf=0, named=None, wide=0, research=NONE) -> InterventionEvidence:
    ev = label(fav, unf, named, wide, research)
    return InterventionEvidence(0, name, name, fav, unf, 0, wide, fav if named is None else named, (), research,
                                ev, (), ())


def test_levels():
    assert label(3, research=WORKS).level == "evidence-strong"
    assert label(3, named=1, research=WORKS).level == "evidence-moderate"  # mostly our interpretation
    assert label(3).level == "evidence-moderate"  # three cases, research silent
    assert label(2, research=WORKS).level == "evidence-moderate"
    assert label(2).level == "evidence-limited"
    assert label(1).level == "evidence-limited"
    assert label(0, wide=4).level == "evidence-indicative"  # only outcomes not tied to the intervention
    assert label(0, research=WORKS).level == "evidence-indicative"  # only the research
    assert label(0).level == "evidence-none"
    assert label(2, unf=2).level == "evidence-contested"
    assert label(3, research=LESS).level == "evidence-contested"  # practice and research disagree


def test_locks_and_reason():
    strong = label(4, research=WORKS)
    assert strong.locks == 4 and "4 direct gunstig" in strong.reason and "onderzoek: werkt" in strong.reason
    assert label(0).locks == 0


def test_obvious_order():
    answers = [answer("tegen", 2, unf=3), answer("breed", 0, wide=9), answer("een", 1),
               answer("sterk", 4, research=WORKS), answer("twee", 2, research=WORKS), answer("niets", 0)]
    order = [a.type for a in sorted(answers, key=rank_key)]
    assert order == ["sterk", "twee", "een", "breed", "tegen", "niets"]


def test_unfavourable_cases_never_add_support():
    a, b = answer("a", 3, unf=0), answer("b", 3, unf=1)
    assert sorted([b, a], key=rank_key)[0].type == "a"
