"""Folding text for matching: lower case, no accents, punctuation as spaces, one space."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'").replace("‘", "'").replace("_", " ")
    s = "".join(c if c.isalnum() or c in " '()+" else " " for c in s)
    return " ".join(s.split())
