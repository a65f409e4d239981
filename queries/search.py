"""Search over labels, concepts, quotes and the source passages: accent- and case-insensitive,
typo tolerant for labels, and never a contact detail.

Everything comes from the store; nothing here reads the corpus or ``data/``. The source
passages are the segment blocks the build stored as ``ww:searchText`` on their anchors, with
the contact spans left out and any phone number or e-mail address masked (see
``GraphBuilder.passages`` and :mod:`watwerkt.contact`). Every text shown is masked once more
on the way out.

A store built with this version carries a search index (:mod:`watwerkt.graph.search_index`):
the same rows, folded once at build time. ``zoek`` then reads that instead of querying the
store, with the same answers in the same order; older stores, ``--backend sparql`` and
``--backend neo4j`` keep the query path.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from watwerkt.contact import mask_contacts
from watwerkt.errors import UsageError
from watwerkt.graph.search_index import KINDS, PASSAGES, fast_fold  # noqa: F401  (re-exported)
from watwerkt.queries.common import ID
from watwerkt.queries.terms import fold

MAX_TERM = 200  # characters
MIN_PASSAGE_TERM = 3
SNIPPET = 60  # characters of context on each side of a hit in a passage

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


def search(store, text: str, limit: int = 20, lang: str = "nl", index=None) -> tuple[SearchHit, ...]:
    """Labels and concepts (typo tolerant), then the source passages; never a contact detail.

    With ``index`` (a :class:`~watwerkt.graph.search_index.SearchIndex`) the store is not read.
    """
    rows = (search_labels(store, text, limit, lang, index=index)
            + search_passages(store, text, limit, lang, index=index))
    return tuple(SearchHit(**r) for r in rows)


def _hit(node: str, match: str, text: str, score: float) -> dict:
    return {"node": node, "kind": node.split("/", 1)[0], "match": match,
            "text": mask_contacts(" ".join(text.split())[:160]), "score": round(score, 1)}


def search_labels(store, text: str, limit: int = 20, lang: str = "nl", index=None) -> list[dict]:
    """Accent- and case-insensitive search with typo tolerance over labels, concepts and quotes."""
    if index is not None:
        return index_labels(index, fast_fold(check_term(text, lang)), limit)
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


def index_labels(index, q: str, limit: int) -> list[dict]:
    """:func:`search_labels` over a search index: the folded query ``q`` against every folded
    text once (substring, then rapidfuzz's ``partial_ratio`` for the rest), the same scores,
    the same winner per node and the same order as the query path."""
    texts, starts = index.folded, index.text_start
    scores: dict[int, float] = {}
    pos, find = 0, texts.find
    while (i := find(q, pos)) >= 0:  # q holds no newline: a hit lies inside one text
        t = bisect_right(starts, i) - 1
        scores[t] = 100.0 if starts[t + 1] - starts[t] - 1 == len(q) else 95.0
        pos = starts[t + 1]
    if len(q) >= 4:
        from rapidfuzz import fuzz, process

        for _t, score, t in process.extract(q, index.texts, scorer=fuzz.partial_ratio, processor=None,
                                            score_cutoff=85, limit=None):
            scores.setdefault(t, score)
    best: dict[int, tuple] = {}
    for t, score in scores.items():
        for node, kind, raw in index.rows(t):
            rank = (-score, kind, raw)  # kinds and texts are numbered in sorted order
            if node not in best or rank < best[node]:
                best[node] = rank
    top = sorted(best.items(), key=lambda kv: (-round(-kv[1][0], 1), kv[0]))[:limit]  # nodes numbered by id
    return [_hit(index.node(node), KINDS[kind], index.raw(raw), -neg) for node, (neg, kind, raw) in top]


_FOLD: dict[int, str] = {c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one, so positions carry over."""
    for ch in set(text):
        if ord(ch) > 127 and ord(ch) not in _FOLD:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            _FOLD[ord(ch)] = (base[:1] or ch).lower()[:1] or ch
    return text.translate(_FOLD)


def search_passages(store, text: str, limit: int = 20, lang: str = "nl", index=None) -> list[dict]:
    """Accent- and case-insensitive search in the source passages stored at build time.

    A store without passages (built without a corpus) or a Neo4j backend gives no hits.
    """
    needle = fold_same_length(" ".join(check_term(text, lang).split())).strip()
    if len(needle) < MIN_PASSAGE_TERM:
        return []
    if index is not None:
        passages = index.passages
    elif not hasattr(store, "query") or hasattr(store, "run_named"):
        return []
    else:
        from watwerkt.graph.search_index import passage_rows

        passages = passage_rows(store)
    out: list[dict] = []
    for node, passage in passages:
        hay, pos = fold_same_length(passage), 0
        while len(out) < limit and (i := hay.find(needle, pos)) >= 0:
            pos = i + len(needle)
            a, z = max(0, i - SNIPPET), min(len(passage), i + len(needle) + SNIPPET)
            out.append({"node": node, "kind": "corpus", "match": "text",
                        "text": mask_contacts(passage[a:z].strip()), "score": 90.0})
        if len(out) >= limit:
            break
    return out
