"""Matching what people type to concepts: labels, synonyms, ids; accent- and case-insensitive.

"lage eigen regie", "weinig zelfregie" and "Noodzaakgestuurde leerders" all resolve to the
concept ``doelgroepen/noodzaakgestuurde-leerders``. An unknown term raises
:class:`~watwerkt.errors.UsageError` (exit status 2) naming the closest known terms.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from watwerkt.errors import UsageError


def fold(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'").replace("‘", "'").replace("_", " ")
    s = "".join(c if c.isalnum() or c in " '()+" else " " for c in s)
    return " ".join(s.split())


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

    def resolve(self, term: str, schemes: tuple[str, ...], option: str) -> tuple[str, str]:
        """(scheme, id) for ``term`` in the first of ``schemes`` that knows it."""
        f = fold(term)
        for scheme in schemes:
            hit = self.keys.get(scheme, {}).get(f)
            if hit:
                return scheme, hit
        # a typo: accept a single clear winner, otherwise say what is near
        pool = {k: (s, v) for s in schemes for k, v in self.keys.get(s, {}).items()}
        near = closest(term, list(pool))
        try:
            from rapidfuzz import fuzz

            if near and fuzz.ratio(fold(term), near[0]) >= 90:
                return pool[near[0]]
        except ImportError:  # pragma: no cover
            pass
        shown = []
        for k in near:
            s, ident = pool[k]
            label = self.label(s, ident, "nl")
            if label not in shown:
                shown.append(label)
        hint = "bedoelde u: " + "; ".join(shown) if shown else "zie `watwerkt factoren` of docs/cookbook.md"
        raise UsageError(f"onbekende term voor {option}: {term!r}", hint=hint)

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
