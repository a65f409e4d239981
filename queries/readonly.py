"""Read-only SPARQL for researchers: parsed before it runs, run in a worker with limits.

Two guards, in this order:

1. :func:`check_size` (cheap, no imports): a query longer than :data:`MAX_QUERY_CHARS`
   characters or nested deeper than :data:`MAX_DEPTH` brackets is refused before any parser
   sees it (rdflib's parser recurses per bracket; deep nesting would exhaust the stack).
2. :func:`check_readonly` parses the query with rdflib's SPARQL 1.1 grammar. Only a query
   (SELECT, ASK, CONSTRUCT, DESCRIBE) parses; an update does not (and is named when it parses
   as an update instead); a ``SERVICE`` anywhere in the parse tree (subqueries, OPTIONAL,
   UNION, MINUS, EXISTS, ...) is refused, because Oxigraph would answer it with an HTTP
   request. No keyword matching: ``?add`` or ``ex:copy`` are just names. A future ``serve``
   command should call :func:`check_readonly` (or :func:`run_readonly`) the same way.

:func:`run_readonly` runs the parse and the query in a worker process (``python -c``) with a
wall-clock time limit, an address-space limit (``RLIMIT_AS``), a CPU limit, no core dumps, a
row cap and, where the kernel allows it, its own empty network namespace (so even a query the
parser let through could not reach any address). The store is opened read-only; rows come
back as plain JSON values. rdflib is imported only in the worker.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from watwerkt.errors import QueryError

MAX_QUERY_CHARS = 100_000
MAX_DEPTH = 32  # brackets { ( [ open at once
DEFAULT_TIMEOUT = 10.0  # seconds, wall clock, parse included
DEFAULT_MAX_ROWS = 50_000
MEMORY_LIMIT_MB = 2048
UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
           "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA",
           "DeleteWhere": "DELETE WHERE", "Modify": "INSERT/DELETE"}

MESSAGES = {
    "empty": ("lege query", "empty query"),
    "long": ("de query is te lang: {n} tekens (hoogstens {max})", "the query is too long: {n} characters (at most {max})"),
    "deep": ("de query is te diep genest: meer dan {max} haakjes tegelijk open",
             "the query is nested too deeply: more than {max} brackets open at once"),
    "update": ("alleen lezen: {op} is niet toegestaan", "read-only: {op} is not allowed"),
    "service": ("SERVICE is niet toegestaan: de tool maakt geen verbindingen naar buiten",
                "SERVICE is not allowed: the tool makes no outside connections"),
    "syntax": ("ongeldige SPARQL: {detail}", "invalid SPARQL: {detail}"),
    "timeout": ("de query duurde langer dan {s:g} s en is afgebroken", "the query took longer than {s:g} s and was stopped"),
    "rows": ("de query geeft meer dan {n} rijen", "the query returns more than {n} rows"),
    "memory": ("de query is afgebroken: meer dan {mb} MB geheugen nodig", "the query was stopped: it needs more than {mb} MB"),
    "crash": ("de query is afgebroken ({detail})", "the query was stopped ({detail})"),
    "failed": ("de query faalde: {detail}", "the query failed: {detail}"),
    "hint-kinds": ("gebruik SELECT, ASK, CONSTRUCT of DESCRIBE", "use SELECT, ASK, CONSTRUCT or DESCRIBE"),
    "hint-smaller": ("maak de query kleiner of kies een ruimere --timeout", "make the query smaller or raise --timeout"),
    "hint-memory": ("maak de query kleiner of voeg LIMIT toe", "make the query smaller or add LIMIT"),
    "hint-limit": ("voeg LIMIT toe of kies een ruimere --max-rows", "add LIMIT or raise --max-rows"),
}


def message(key: str, lang: str = "nl", **kw) -> str:
    """The message ``key`` of :data:`MESSAGES` in ``lang``, filled in."""
    return MESSAGES[key][lang == "en"].format(**kw)


def refuse(key: str, lang: str = "nl", hint: str | None = None, **kw) -> QueryError:
    return QueryError(message(key, lang, **kw), hint=message(hint, lang) if hint else None)


class ParsedKind(str, Enum):
    """What a query that passed :func:`check_readonly` returns."""

    SELECT = "select"
    ASK = "ask"
    CONSTRUCT = "construct"
    DESCRIBE = "describe"


@dataclass(frozen=True)
class QueryResult:
    kind: ParsedKind
    head: list[str]
    rows: list[dict] = field(default_factory=list)


# ------------------------------------------------------------------ guards


def nesting_depth(query: str) -> int:
    """The deepest bracket nesting outside strings, IRIs and comments (one linear scan)."""
    depth = deepest = 0
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'":
            quote = c * 3 if query.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            i = j + len(quote) - 1
        elif c == "<":
            j = i + 1
            while j < n and query[j] not in "<>\"{}|^`\\ \t\r\n":
                j += 1
            if j < n and query[j] == ">":
                i = j  # an IRI; otherwise a less-than sign
        elif c in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})]":
            depth -= 1
        i += 1
    return deepest


def check_size(query: str, lang: str = "nl") -> None:
    """Refuse empty, overlong and too deeply nested queries before any parser sees them."""
    if not query or not query.strip():
        raise refuse("empty", lang, "hint-kinds")
    if len(query) > MAX_QUERY_CHARS:
        raise refuse("long", lang, n=len(query), max=MAX_QUERY_CHARS)
    if nesting_depth(query) > MAX_DEPTH:
        raise refuse("deep", lang, max=MAX_DEPTH)


def _has_service(node) -> bool:
    """Whether the rdflib parse tree holds a ServiceGraphPattern anywhere (no recursion)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, CompValue):
            if x.name == "ServiceGraphPattern":
                return True
            stack.extend(x.values())
        elif isinstance(x, ParseResults | list | tuple):
            stack.extend(x)
        elif isinstance(x, dict):
            stack.extend(x.values())
    return False


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, at most 200 characters."""
    text = str(exc).strip().splitlines()
    return " ".join(text[0].split())[:200] if text else type(exc).__name__


def check_readonly(query: str, lang: str = "nl") -> ParsedKind:
    """Parse ``query``; return its kind, or raise :class:`QueryError` (one line) when it is
    not a read-only query without SERVICE. Imports rdflib (about 0.2 s)."""
    check_size(query, lang)
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(query)
    except ParseException as exc:
        try:
            update = parseUpdate(query)
        except (ParseException, RecursionError, ValueError, TypeError):
            raise refuse("syntax", lang, detail=first_line(exc)) from None
        ops = [UPDATES.get(r.name, r.name.upper()) for r in (update["request"] if "request" in update else ())]
        if not ops:  # an empty update (only a prologue or a comment) is no query either
            raise refuse("syntax", lang, detail=first_line(exc)) from None
        raise refuse("update", lang, "hint-kinds", op=ops[0]) from None
    except RecursionError:
        raise refuse("deep", lang, max=MAX_DEPTH) from None
    except (ValueError, TypeError, KeyError) as exc:  # rdflib rejects some terms after parsing
        raise refuse("syntax", lang, detail=first_line(exc)) from None
    if _has_service(tree):
        raise refuse("service", lang)
    name = tree[1].name
    return {"SelectQuery": ParsedKind.SELECT, "AskQuery": ParsedKind.ASK, "ConstructQuery": ParsedKind.CONSTRUCT,
            "DescribeQuery": ParsedKind.DESCRIBE}[name]


# ------------------------------------------------------------------ the worker


def run_readonly(store_dir: Path, query: str, *, timeout: float = DEFAULT_TIMEOUT,
                 max_rows: int = DEFAULT_MAX_ROWS, memory_mb: int = MEMORY_LIMIT_MB,
                 lang: str = "nl") -> QueryResult:
    """Check and run ``query`` on the store in ``store_dir`` in a limited worker process."""
    from watwerkt.graph.store import read_info

    check_size(query, lang)
    read_info(store_dir)  # one line when there is no store
    request = json.dumps({"store": str(store_dir), "query": query, "max_rows": max_rows, "lang": lang,
                          "memory_mb": memory_mb, "cpu_s": int(timeout) + 2})
    code = "from watwerkt.queries.readonly import worker_main; worker_main()"
    try:
        done = subprocess.run([sys.executable, "-c", code], input=request.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:  # run() has killed and reaped the worker
        raise refuse("timeout", lang, "hint-smaller", s=timeout) from None
    try:
        reply = json.loads(done.stdout.decode("utf-8")) if done.stdout else None
    except ValueError:
        reply = None
    if isinstance(reply, dict) and "error" in reply:
        raise QueryError(reply["error"], hint=reply.get("hint"))
    if done.returncode == 0 and isinstance(reply, dict):
        return QueryResult(ParsedKind(reply["kind"]), reply["head"], reply["rows"])
    err = done.stderr.decode("utf-8", "replace")
    sig = _signal_name(-done.returncode) if done.returncode < 0 else ""
    if sig == "SIGABRT" or "memory allocation" in err or "MemoryError" in err:  # allocation failed
        raise refuse("memory", lang, "hint-memory", mb=memory_mb)
    if sig == "SIGXCPU":
        raise refuse("timeout", lang, "hint-smaller", s=timeout)
    if sig:
        raise refuse("crash", lang, "hint-memory", detail=sig)
    lines = [x for x in err.strip().splitlines() if x.strip()]
    raise refuse("crash", lang, detail=lines[-1][:200] if lines else f"exit {done.returncode}")


def _signal_name(number: int) -> str:
    import signal

    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signaal {number}"


def limit_worker(memory_mb: int, cpu_s: int) -> None:
    """Limit this process (a worker): address space, CPU seconds, no core dumps, no network."""
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 2))
    try:  # an empty network namespace of our own: no interface, no route (Linux, unprivileged)
        import ctypes

        ctypes.CDLL(None, use_errno=True).unshare(0x10000000 | 0x40000000)  # CLONE_NEWUSER|CLONE_NEWNET
    except (OSError, AttributeError):  # pragma: no cover - not Linux: the parser guard remains
        pass


def _execute(req: dict) -> dict:
    from watwerkt.graph.store import open_store
    from watwerkt.queries.runner import to_python

    lang, cap = req["lang"], req["max_rows"]
    kind = check_readonly(req["query"], lang)
    store = open_store(Path(req["store"]))
    try:
        result = store.query(req["query"])
        if kind is ParsedKind.ASK:
            return {"kind": kind.value, "head": ["ask"], "rows": [{"ask": bool(result)}]}
        rows = []
        if kind is ParsedKind.SELECT:
            head = [v.value for v in result.variables]
            for s in result:
                if len(rows) == cap:
                    raise refuse("rows", lang, "hint-limit", n=cap)
                rows.append({h: to_python(s[h]) for h in head})
        else:
            head = ["subject", "predicate", "object"]
            for t in result:
                if len(rows) == cap:
                    raise refuse("rows", lang, "hint-limit", n=cap)
                rows.append({"subject": str(t.subject), "predicate": str(t.predicate), "object": str(t.object)})
    except (SyntaxError, OSError, ValueError, TypeError) as exc:  # the engine's own refusals
        raise refuse("failed", lang, detail=first_line(exc)) from None
    return {"kind": kind.value, "head": head, "rows": rows}


def worker_main() -> None:
    """Entry point of the worker: one JSON request on stdin, one JSON reply on stdout."""
    req = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    limit_worker(req["memory_mb"], req["cpu_s"])
    try:
        reply = _execute(req)
    except QueryError as exc:
        reply = {"error": exc.message, "hint": exc.hint}
    except MemoryError:
        reply = {"error": message("memory", req["lang"], mb=req["memory_mb"]), "hint": message("hint-memory", req["lang"])}
    except Exception as exc:  # noqa: BLE001 - the worker's last word is one line, never a traceback
        reply = {"error": message("failed", req["lang"], detail=first_line(exc))}
    sys.stdout.write(json.dumps(reply, ensure_ascii=False))
    sys.stdout.flush()


# the names viz/sparql_endpoint.py used first
_m, _first_line, _limit_worker = message, first_line, limit_worker
