"""Matching what people type to concepts: labels, synonyms, ids; accent- and case-insensitive.

"lage eigen regie", "weinig zelfregie" and "Noodzaakgestuurde leerders" all resolve to the
concept ``doelgroepen/noodzaakgestuurde-leerders``. An unknown term raises
:class:`~watwerkt.errors.UsageError` (exit status 2) naming the closest known terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from watwerkt.errors import UsageError
from watwerkt.folding import fold  # noqa: F401  (re-exported for the query modules)


def closest(term: str, candidates: list[str], n: int = 3) -> list[str]:
    """The candidates nearest to ``term`` (rapidfuzz when available, else difflib)."""
    folded = {c: fold(c) for c in candidates}
    try:
        from rapidfuzz import fuzz, process

        hits = process.extract(fold(term), folded, scorer=fuzz.WRatio, limit=n, score_cutoff=75)
        return [key for _match, _score, key in hits]
    except ImportError:  # pragma: no cover
        import difflib

        inv = {v: k for k, v in folded.items()}
        return [inv[m] for m in difflib.get_close_matches(fold(term), list(inv), n=n, cutoff=0.6)]


def _scored(term: str, candidates: list[str]) -> list[tuple[str, float]]:
    """Candidates with a similarity score 0..100, best first."""
    from rapidfuzz import fuzz, process

    return [(key, score) for key, score, _i in
            process.extract(term, candidates, scorer=fuzz.WRatio, limit=12, score_cutoff=50)]


def _ratio(term: str, hit: tuple[str, str], pool: dict) -> float:
    """The plain edit similarity of ``term`` to the best key of the chosen concept (a typo, not a part)."""
    from rapidfuzz import fuzz

    return max(fuzz.ratio(term, k) for k, v in pool.items() if v == hit)


@dataclass
class TermIndex:
    """Concepts by scheme, with everything people may type for them."""

    labels: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # (scheme,id) -> lang->label
    keys: dict[str, dict[str, str]] = field(default_factory=dict)  # scheme -> folded term -> id
    broader: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store) -> TermIndex:
        from watwerkt.queries.runner import run

        idx = cls()
        concepts = sorted(run(store, "concepts"), key=lambda r: (r["scheme"], r["notation"], r["label"]))
        pref = sorted(run(store, "concept-labels"), key=lambda r: (r["scheme"], r["notation"], r["lang"]))
        # ids first, then preferred labels, then synonyms: an earlier key is never overwritten,
        # so a synonym two concepts share resolves the same way on every backend
        for r in concepts:
            key = (r["scheme"], r["notation"])
            idx.keys.setdefault(r["scheme"], {})[fold(r["notation"])] = r["notation"]
            if r.get("broader"):
                idx.broader[key] = r["broader"]
            idx.labels.setdefault(key, {})
        for r in pref:
            idx.labels.setdefault((r["scheme"], r["notation"]), {})[r["lang"]] = r["label"]
            idx.keys[r["scheme"]].setdefault(fold(r["label"]), r["notation"])
        for r in concepts:
            idx.keys[r["scheme"]].setdefault(fold(r["label"]), r["notation"])
        return idx

    def label(self, scheme: str, ident: str, lang: str) -> str:
        labels = self.labels.get((scheme, ident), {})
        return labels.get(lang) or labels.get("nl") or ident

    MAX_TERM = 200  # characters; longer input is refused before any matching

    def resolve(self, term: str, schemes: tuple[str, ...], option: str) -> tuple[str, str]:
        """(scheme, id) for ``term`` in the first of ``schemes`` that knows it."""
        scheme, ident, _how = self.resolve_how(term, schemes, option)
        return scheme, ident

    def resolve_how(self, term: str, schemes: tuple[str, ...], option: str) -> tuple[str, str, str]:
        """(scheme, id, how): how is ``exact`` (an id), ``label``, ``synonym`` or ``typo``.

        A typo is accepted only when one candidate is clearly best (score >= 85 and at least
        8 points ahead of the next concept); otherwise the error lists the candidates from
        the schemes of this option.
        """
        if len(term) > self.MAX_TERM:
            raise UsageError(f"term voor {option} is te lang ({len(term)} tekens)",
                             en=f"term for {option} is too long ({len(term)} characters)",
                             hint=f"hooguit {self.MAX_TERM}", hint_en=f"at most {self.MAX_TERM}")
        f = fold(term)
        for scheme in schemes:
            hit = self.keys.get(scheme, {}).get(f)
            if hit:
                labels = {fold(v) for v in self.labels.get((scheme, hit), {}).values()}
                how = "exact" if f == fold(hit) else "label" if f in labels else "synonym"
                return scheme, hit, how
        pool = {k: (s, v) for s in schemes for k, v in self.keys.get(s, {}).items()}
        scored = _scored(f, list(pool)) if len(f) >= 3 else []
        best: dict[tuple[str, str], float] = {}
        for key, score in scored:
            best.setdefault(pool[key], score)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 85 and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= 8) \
                and _ratio(f, ranked[0][0], pool) >= 80:
            (scheme, ident), _score = ranked[0]
            return scheme, ident, "typo"
        shown = [self.label(s, i, "nl") for (s, i), score in ranked[:4] if score >= 60]
        shown_en = [self.label(s, i, "en") for (s, i), score in ranked[:4] if score >= 60]
        raise UsageError(
            f"onbekende term voor {option}: {term!r}", en=f"unknown term for {option}: {term!r}",
            hint=("bedoelde u: " + "; ".join(shown)) if shown else f"zie `watwerkt termen {schemes[0]}`",
            hint_en=("did you mean: " + "; ".join(shown_en)) if shown_en else f"see `watwerkt termen {schemes[0]}`")

    def narrower_closure(self, scheme: str, ident: str) -> set[str]:
        """The concept and everything below it in its scheme."""
        out = {ident}
        changed = True
        while changed:
            changed = False
            for (s, child), parent in self.broader.items():
                if s == scheme and parent in out and child not in out:
                    out.add(child)
                    changed = True
        return out

    def broader_chain(self, scheme: str, ident: str) -> list[str]:
        out, cur = [], ident
        while (scheme, cur) in self.broader:
            cur = self.broader[(scheme, cur)]
            out.append(cur)
        return out
