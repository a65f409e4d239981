"""Search over labels, concepts, quotes and the source passages: accent- and case-insensitive,
typo tolerant for labels, and never a contact detail.

Everything comes from the store; nothing here reads the corpus or ``data/``. The source
passages are the segment blocks the build stored as ``ww:searchText`` on their anchors, with
the contact spans left out and any phone number or e-mail address masked (see
``GraphBuilder.passages`` and :mod:`watwerkt.contact`). Every text shown is masked once more
on the way out.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from watwerkt.contact import mask_contacts
from watwerkt.errors import UsageError
from watwerkt.queries.common import ID
from watwerkt.queries.terms import fold

MAX_TERM = 200  # characters
MIN_PASSAGE_TERM = 3
SNIPPET = 60  # characters of context on each side of a hit in a passage

PASSAGES = """PREFIX ww: <https://w3id.org/watwerkt/def#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?anchor ?text ?source ?line WHERE {
  ?anchor ww:searchText ?text ; oa:hasSource ?source ; oa:start ?start .
  OPTIONAL { ?anchor ww:line ?line }
} ORDER BY ?source ?start"""


def check_term(text: str, lang: str = "nl") -> str:
    """The search term, or a one-line :class:`UsageError` when it is empty or too long."""
    if len(text) > MAX_TERM:
        msg = (f"zoekterm te lang: {len(text)} tekens (hoogstens {MAX_TERM})",
               f"search term too long: {len(text)} characters (at most {MAX_TERM})")
        raise UsageError(msg[lang == "en"])
    if not fold(text):
        raise UsageError(("lege zoekterm", "empty search term")[lang == "en"])
    return text


@dataclass(frozen=True)
class SearchHit:
    node: str  # id path of the node, or corpus/<doc>:<line> for a source passage
    kind: str
    match: str  # label | synonym | quote | text ...
    text: str  # masked
    score: float


def search(store, text: str, limit: int = 20, lang: str = "nl") -> tuple[SearchHit, ...]:
    """Labels and concepts (typo tolerant), then the source passages; never a contact detail."""
    rows = search_labels(store, text, limit, lang) + search_passages(store, text, limit, lang)
    return tuple(SearchHit(**r) for r in rows)


def search_labels(store, text: str, limit: int = 20, lang: str = "nl") -> list[dict]:
    """Accent- and case-insensitive search with typo tolerance over labels, concepts and quotes."""
    from rapidfuzz import fuzz

    from watwerkt.queries.runner import run

    q = fast_fold(check_term(text, lang))
    hits: dict[str, dict] = {}
    for r in run(store, "labels"):
        t = fast_fold(r["text"])
        if not t:
            continue
        if q in t:
            score = 100.0 if t == q else 95.0
        else:
            score = fuzz.partial_ratio(q, t) if len(q) >= 4 else 0
            if score < 85:
                continue
        node = r["node"]
        kind = node.removeprefix(ID).split("/", 1)[0]
        rank = (-score, r["kind"], r["text"])  # the same winner whatever order the engine gives
        if node not in hits or rank < hits[node][0]:
            hits[node] = (rank, {"node": node.removeprefix(ID), "kind": kind, "match": r["kind"],
                                 "text": mask_contacts(" ".join(r["text"].split())[:160]), "score": round(score, 1)})
    out = sorted((h for _rank, h in hits.values()), key=lambda h: (-h["score"], h["node"]))
    return out[:limit]


_CHARS: dict[int, str] = {}


def _fold_char(ch: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("_", " ")
    return "".join(c if c.isalnum() or c in " '()+" else " " for c in s)


def fast_fold(text: str) -> str:
    """:func:`watwerkt.folding.fold` character by character through one ``str.translate``
    (the same result for every text but a Greek final sigma; several times faster)."""
    for ch in set(text):
        if ord(ch) not in _CHARS:
            _CHARS[ord(ch)] = _fold_char(ch)
    return " ".join(text.translate(_CHARS).split())


_FOLD: dict[int, str] = {c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one, so positions carry over."""
    for ch in set(text):
        if ord(ch) > 127 and ord(ch) not in _FOLD:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            _FOLD[ord(ch)] = (base[:1] or ch).lower()[:1] or ch
    return text.translate(_FOLD)


def search_passages(store, text: str, limit: int = 20, lang: str = "nl") -> list[dict]:
    """Accent- and case-insensitive search in the source passages stored at build time.

    A store without passages (built without a corpus) or a Neo4j backend gives no hits.
    """
    needle = fold_same_length(" ".join(check_term(text, lang).split())).strip()
    if len(needle) < MIN_PASSAGE_TERM or not hasattr(store, "query") or hasattr(store, "run_named"):
        return []
    from watwerkt.queries.runner import to_python

    out: list[dict] = []
    for sol in store.query(PASSAGES):
        passage = to_python(sol["text"])
        hay, pos = fold_same_length(passage), 0
        while len(out) < limit and (i := hay.find(needle, pos)) >= 0:
            pos = i + len(needle)
            a, z = max(0, i - SNIPPET), min(len(passage), i + len(needle) + SNIPPET)
            doc = to_python(sol["source"]).rsplit("/", 1)[-1]
            line = to_python(sol["line"]) if sol["line"] is not None else None
            out.append({"node": f"corpus/{doc}:{line}" if line else f"corpus/{doc}", "kind": "corpus",
                        "match": "text", "text": mask_contacts(passage[a:z].strip()), "score": 90.0})
        if len(out) >= limit:
            break
    return out
