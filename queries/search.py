"""Search over labels, concepts, quotes and the corpus text: accent- and case-insensitive,
typo tolerant, never near contact details."""

from __future__ import annotations

from watwerkt.errors import UsageError
from watwerkt.queries.knowledge import ID, Knowledge
from watwerkt.queries.terms import fold


def search(k: Knowledge, text: str, limit: int = 20) -> list[dict]:
    """Accent- and case-insensitive search with typo tolerance over labels, concepts and quotes."""
    from rapidfuzz import fuzz

    q = fold(text)
    if not q:
        raise UsageError("lege zoekterm")
    hits: dict[str, dict] = {}
    for r in k._run("labels"):
        t = fold(r["text"])
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
        best = hits.get(node)
        if best is None or score > best["score"]:
            hits[node] = {"node": node.removeprefix(ID), "kind": kind, "match": r["kind"],
                          "text": " ".join(r["text"].split())[:160], "score": round(score, 1)}
    out = sorted(hits.values(), key=lambda h: (-h["score"], h["node"]))
    return out[:limit]


def search_corpus(corpus, data_dir, text: str, limit: int = 20) -> list[dict]:
    """Accent- and case-insensitive search in the corpus text itself (when a corpus is there).

    Contact blocks and contact lines are skipped, so no contact detail is ever shown.
    """
    from watwerkt.ingest.corpus import Anchor
    from watwerkt.ingest.corpus import fold as fold_same_length
    from watwerkt.ingest.segments import EMAIL, PHONE, load_segment_file

    needle = fold_same_length(" ".join(text.split())).strip()
    if len(needle) < 3:
        return []
    out = []
    for doc in corpus:
        personal = [Anchor.parse(a) for a in load_segment_file(data_dir, doc.key).get("personal", [])]
        seg = load_segment_file(data_dir, doc.key)
        for c in seg.get("cases", []):
            for s in c["sections"]:
                if s.get("personal"):
                    personal.append(Anchor.parse(c["span"]))  # never search a case with its contact block
                    break
        hay, pos = doc.folded, 0
        while (i := hay.find(needle, pos)) >= 0 and len(out) < limit:
            pos = i + 1
            start, end = doc.to_raw(i, i + len(needle))
            if any(p.start <= start < p.end for p in personal if p.end - p.start < 2000):
                continue
            a, z = max(0, i - 60), min(len(doc.text), i + len(needle) + 60)
            snippet = doc.text[a:z].strip()
            if EMAIL.search(snippet) or PHONE.search(snippet):
                continue  # a passage next to contact details is not shown at all
            line, _col = doc.line_col(start)
            out.append({"node": f"corpus/{doc.key}:{line}", "kind": "corpus", "match": "text",
                        "text": snippet, "score": 90.0})
    return out[:limit]
