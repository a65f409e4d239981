"""What every question shares: the vocabulary (labels and term resolution) and resolved filters.

:class:`Vocabulary` holds the concept schemes and the ontology's own terms with their labels
in one language; it is the only thing a question loads whole, and it grows with the
vocabularies, never with the number of cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from watwerkt.errors import UsageError
from watwerkt.evidence import SELF_DIRECTION_GROUPS

ID = "https://w3id.org/watwerkt/id/"
WW = "https://w3id.org/watwerkt/def#"
SELF_DIRECTION = SELF_DIRECTION_GROUPS


def short(iri: str | None) -> str | None:
    """The last path segment of an IRI (``…/case/oss`` -> ``oss``, ``…#angel`` -> ``angel``)."""
    if not iri:
        return iri
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def concept_iri(scheme: str, ident: str) -> str:
    return f"{ID}concept/{scheme}/{ident}"


@dataclass(frozen=True)
class ResolvedFilter:
    option: str  # the option as typed, e.g. --doelgroep
    term: str  # what the user typed
    scheme: str
    id: str
    label: str
    how: str  # exact | label | synonym | typo

    def line(self, lang: str) -> str:
        from watwerkt.i18n import t

        return t("resolved_typo" if self.how == "typo" else "resolved", lang,
                 option=self.option, term=self.term, label=self.label)


class Vocabulary:
    """Labels and term resolution for one language, read from the store once per question."""

    def __init__(self, store, lang: str = "nl"):
        self.store = store
        self.lang = lang

    @cached_property
    def terms(self):
        from watwerkt.queries.terms import TermIndex

        return TermIndex.from_store(self.store)

    @cached_property
    def ontology_labels(self) -> dict[str, str]:
        from watwerkt.queries.runner import run

        out: dict[str, str] = {}
        for r in run(self.store, "vocabulary-labels", lang=self.lang):
            out.setdefault(short(r["term"]), r["label"])
        return out

    def term(self, ident: str | None) -> str:
        """The label of an ontology term such as ``angel``, ``up`` or ``favourable``."""
        if not ident:
            return ""
        return self.ontology_labels.get(short(ident), short(ident))

    @cached_property
    def concept_labels(self) -> dict[tuple[str, str], dict[str, str]]:
        """(scheme, id) -> language -> preferred label: all a label needs, without the folded
        keys of :attr:`terms` (which only resolving a typed term needs)."""
        if "terms" in self.__dict__:
            return self.terms.labels
        from watwerkt.queries.runner import run

        out: dict[tuple[str, str], dict[str, str]] = {}
        for r in run(self.store, "concept-labels"):
            out.setdefault((r["scheme"], r["notation"]), {})[r["lang"]] = r["label"]
        return out

    def label(self, scheme: str, ident: str) -> str:
        labels = self.concept_labels.get((scheme, ident), {})
        return labels.get(self.lang) or labels.get("nl") or ident

    def resolve(self, term: str | None, schemes: tuple[str, ...], option: str) -> ResolvedFilter | None:
        if term is None:
            return None
        if not str(term).strip():
            raise UsageError(f"lege waarde voor {option}", en=f"empty value for {option}",
                             hint="laat de optie weg of geef een term", hint_en="leave the option out or give a term")
        scheme, ident, how = self.terms.resolve_how(term, schemes, option)
        return ResolvedFilter(option, term, scheme, ident, self.label(scheme, ident), how)

    def is_self_direction(self, f: ResolvedFilter | None) -> bool:
        return f is not None and f.scheme == "doelgroepen" and f.id in SELF_DIRECTION
