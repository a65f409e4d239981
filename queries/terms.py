"""Matching what people type to known terms: accent- and case-insensitive, typo tolerant."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace("’", "'").split())


def closest(term: str, candidates: list[str], n: int = 3) -> list[str]:
    """The candidates nearest to ``term`` (rapidfuzz when available, else difflib)."""
    folded = {c: fold(c) for c in candidates}
    try:
        from rapidfuzz import fuzz, process

        hits = process.extract(fold(term), folded, scorer=fuzz.WRatio, limit=n, score_cutoff=60)
        return [key for _match, _score, key in hits]
    except ImportError:  # pragma: no cover
        import difflib

        inv = {v: k for k, v in folded.items()}
        return [inv[m] for m in difflib.get_close_matches(fold(term), list(inv), n=n, cutoff=0.6)]
