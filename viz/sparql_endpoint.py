"""SPARQL 1.1 Protocol results for ``serve``: checked, limited, serialised in a worker.

The guards are those of :mod:`watwerkt.queries.readonly` (imported, not copied): the size
and nesting check, the parser-based read-only check that refuses updates and SERVICE, and
the worker's limits (address space, CPU, no core dumps, its own empty network namespace).
What this module adds is the serialisation the protocol needs, which the researchers' CLI
worker does not give: terms keep their type, datatype and language.

- SELECT: ``application/sparql-results+json`` (default), ``text/csv``, ``text/tab-separated-values``;
- ASK: JSON (``{"head": {}, "boolean": ...}``), or ``true``/``false`` as CSV/TSV;
- CONSTRUCT and DESCRIBE: ``application/n-triples``.

At most ``max_rows`` rows (or triples); one more is a refusal, never a silently cut answer.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from watwerkt.errors import QueryError
from watwerkt.queries import readonly

JSON, CSV, TSV, NT = ("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                      "application/n-triples")
ACCEPTED = {JSON: "json", "application/json": "json", CSV: "csv", TSV: "tsv", NT: "nt", "text/plain": "nt",
            "application/sparql-results+xml": None}
FORMAT_TYPES = {"json": JSON, "csv": CSV, "tsv": TSV, "nt": NT}


def negotiate(accept: str | None, explicit: str | None = None) -> str:
    """``json``, ``csv`` or ``tsv`` from a ``format=`` parameter or the Accept header."""
    if explicit:
        if explicit in FORMAT_TYPES:
            return explicit
        if explicit in ACCEPTED and ACCEPTED[explicit]:
            return ACCEPTED[explicit]
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if ACCEPTED.get(media):
            return ACCEPTED[media]
    return "json"


def execute(store_dir: Path, query: str, fmt: str = "json", *, timeout: float = readonly.DEFAULT_TIMEOUT,
            max_rows: int = 10_000, memory_mb: int = readonly.MEMORY_LIMIT_MB, lang: str = "nl") -> tuple[bytes, str]:
    """Run ``query`` in a limited worker; return the body and its media type (or raise QueryError)."""
    readonly.check_size(query, lang)
    request = json.dumps({"store": str(store_dir), "query": query, "fmt": fmt, "max_rows": max_rows,
                          "lang": lang, "memory_mb": memory_mb, "cpu_s": int(timeout) + 2})
    code = "from watwerkt.viz.sparql_endpoint import worker_main; worker_main()"
    try:
        done = subprocess.run([sys.executable, "-c", code], input=request.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise readonly.refuse("timeout", lang, "hint-smaller", s=timeout) from None
    head, _, body = done.stdout.partition(b"\n")
    try:
        meta = json.loads(head.decode("utf-8")) if head else None
    except ValueError:
        meta = None
    if isinstance(meta, dict) and "error" in meta:
        raise QueryError(meta["error"], hint=meta.get("hint"))
    if done.returncode == 0 and isinstance(meta, dict):
        return body, meta["type"]
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode < 0 or "MemoryError" in err or "memory allocation" in err:
        raise readonly.refuse("memory", lang, "hint-memory", mb=memory_mb)
    raise readonly.refuse("crash", lang, detail=(err.strip().splitlines() or [f"exit {done.returncode}"])[-1][:200])


# ------------------------------------------------------------------ in the worker


def _term_json(t) -> dict:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out


def _csv_cell(t) -> str:
    import pyoxigraph as ox

    if t is None:
        return ""
    v = f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def _serialise(result, kind, fmt: str, cap: int, lang: str) -> tuple[bytes, str]:
    if kind is readonly.ParsedKind.ASK:
        if fmt in ("csv", "tsv"):
            return (b"true\n" if bool(result) else b"false\n"), FORMAT_TYPES[fmt]
        return json.dumps({"head": {}, "boolean": bool(result)}).encode(), JSON
    if kind is not readonly.ParsedKind.SELECT:
        lines = []
        for i, t in enumerate(result):
            if i == cap:
                raise readonly.refuse("rows", lang, "hint-limit", n=cap)
            lines.append(f"{t.subject} {t.predicate} {t.object} .\n")
        return "".join(lines).encode("utf-8"), NT
    names = [v.value for v in result.variables]
    rows = []
    for i, s in enumerate(result):
        if i == cap:
            raise readonly.refuse("rows", lang, "hint-limit", n=cap)
        rows.append([s[n] for n in names])
    if fmt == "csv":
        text = ",".join(names) + "\r\n" + "".join(",".join(_csv_cell(t) for t in r) + "\r\n" for r in rows)
        return text.encode("utf-8"), CSV
    if fmt == "tsv":
        text = "\t".join("?" + n for n in names) + "\n" + "".join(
            "\t".join("" if t is None else str(t) for t in r) + "\n" for r in rows)
        return text.encode("utf-8"), TSV
    bindings = [{n: _term_json(t) for n, t in zip(names, r) if t is not None} for r in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode(), JSON


def worker_main() -> None:
    """One JSON request on stdin; a JSON header line, then the body, on stdout."""
    req = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    readonly._limit_worker(req["memory_mb"], req["cpu_s"])
    lang = req["lang"]
    try:
        kind = readonly.check_readonly(req["query"], lang)
        from watwerkt.graph.store import open_store

        store = open_store(Path(req["store"]))
        try:
            result = store.query(req["query"])
            body, media = _serialise(result, kind, req["fmt"], req["max_rows"], lang)
        except (SyntaxError, OSError, ValueError, TypeError) as exc:
            raise readonly.refuse("failed", lang, detail=readonly._first_line(exc)) from None
        sys.stdout.buffer.write(json.dumps({"type": media}).encode() + b"\n" + body)
    except QueryError as exc:
        sys.stdout.buffer.write(json.dumps({"error": exc.message, "hint": exc.hint}, ensure_ascii=False).encode() + b"\n")
    except MemoryError:
        sys.stdout.buffer.write(json.dumps({"error": readonly._m("memory", lang, mb=req["memory_mb"])}).encode() + b"\n")
    sys.stdout.flush()
