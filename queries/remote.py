"""A remote SPARQL engine as a store: the named questions over the SPARQL 1.1 Protocol.

``--backend sparql --endpoint URL`` gives every query command a :class:`RemoteStore` instead
of the embedded Oxigraph store. It has the one method :func:`watwerkt.queries.runner.run`
uses, ``query(text, substitutions=...)``, and answers with pyoxigraph terms, so every question
runs unchanged.

Parameters. The protocol has no parameter binding, so the substitutions become ``VALUES``
blocks: one first in every group graph pattern that names one of the variables (see
:func:`bind`), so that nested OPTIONALs, EXISTS and subqueries see the values as they see
the embedded store's substitution (a ``VALUES`` block only at the end, or only in the
outermost group, leaves a nested ``OPTIONAL { ... FILTER(LANG(?x) = ?lang) }`` unbound). The values are written as RDF terms by :func:`term_text`: an IRI must match
the ``IRIREF`` grammar and be absolute, a literal's characters are escaped per the SPARQL
string grammar (``\\\\``, ``\\"``, ``\\n``, ``\\r``, ``\\t``; other control characters as
``\\uXXXX``), a language tag must match ``LANGTAG``. Then the block is parsed locally by
pyoxigraph and must give back exactly the intended terms, one row: user input never becomes
query syntax. Variable names must match ``VARNAME``.

Refusals before anything is sent: the query text is checked by
:func:`watwerkt.queries.readonly.check_readonly` (a parse; updates and ``SERVICE`` anywhere
are refused), cached per text since the named queries are fixed files.

The dataset: queries ask for ``default-graph-uri`` = :data:`GRAPH`, the named graph that
``watwerkt publish sparql`` replaces (:mod:`watwerkt.graph.remote_publish`), so other graphs
on the same server do not mix in.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from functools import lru_cache

from watwerkt.errors import QueryError
from watwerkt.graph.exports import GRAPH_NAME as GRAPH  # the named graph `publish sparql` replaces

DEFAULT_TIMEOUT = 60.0
_IRI = re.compile(r'^[^<>"{}|^`\\\x00-\x20]*$')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LANG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")
_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def check_endpoint(url: str) -> str:
    """An ``http(s)://host...`` URL, or one clear error naming the value."""
    parts = urllib.parse.urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QueryError(f"geen geldig SPARQL-eindpunt: {url!r}",
                         hint="geef een http(s)-adres, bijvoorbeeld http://127.0.0.1:7878/query")
    return url


def iri_text(value: str) -> str:
    if not _IRI.match(value) or not _SCHEME.match(value):
        raise QueryError(f"ongeldige IRI als parameter: {value!r}")
    return f"<{value}>"


def literal_text(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESC:
            out.append(_ESC[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or 0xD800 <= ord(ch) < 0xE000:
            if 0xD800 <= ord(ch) < 0xE000:
                raise QueryError(f"ongeldig teken in parameter: {value!r}")
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def term_text(term) -> str:
    """A pyoxigraph term as SPARQL text (IRIs validated, literals escaped)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return iri_text(term.value)
    if isinstance(term, ox.Literal):
        text = literal_text(term.value)
        if term.language:
            if not _LANG.match(term.language):
                raise QueryError(f"ongeldige taalcode als parameter: {term.language!r}")
            return f"{text}@{term.language}"
        dt = term.datatype.value if term.datatype else ""
        if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^{iri_text(dt)}"
        return text
    raise QueryError(f"parameter van een onbekende soort: {term!r}")


def values_block(substitutions: dict) -> tuple[str, list, list]:
    """``VALUES (?a ?b) { (t1 t2) }`` for the substitutions; also the names and the terms."""
    names, terms = [], []
    for var, term in sorted(substitutions.items(), key=lambda kv: _name(kv[0])):
        name = _name(var)
        if not _VAR.match(name):
            raise QueryError(f"ongeldige variabelenaam: {name!r}")
        names.append(name)
        terms.append(term)
    block = ("VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
             + " ".join(term_text(t) for t in terms) + ") }")
    _verify(block, names, terms)
    return block, names, terms


def _name(var) -> str:
    return var if isinstance(var, str) else var.value


def _verify(block: str, names: list[str], terms: list) -> None:
    """Parse the block alone: it must give back exactly ``terms``, in one row."""
    import pyoxigraph as ox

    try:
        rows = list(ox.Store().query("SELECT * WHERE { " + block + " }"))
    except SyntaxError as exc:
        raise QueryError(f"parameter niet veilig als SPARQL-term te schrijven ({exc})") from exc
    if len(rows) != 1 or [rows[0][n] for n in names] != terms:
        raise QueryError("parameter niet veilig als SPARQL-term te schrijven")


def _skip(text: str, i: int) -> int:
    """The index after the comment, string or IRI starting at ``i`` (or ``i`` itself)."""
    c, n = text[i], len(text)
    if c == "#":
        j = text.find("\n", i)
        return n if j < 0 else j
    if c in "\"'":
        quote = c * 3 if text.startswith(c * 3, i) else c
        j = i + len(quote)
        while j < n and not text.startswith(quote, j):
            j += 2 if text[j] == "\\" else 1
        return j + len(quote)
    if c == "<":
        j = i + 1
        while j < n and text[j] not in "<>\"{}|^`\\ \t\r\n":
            j += 1
        if j < n and text[j] == ">":
            return j + 1
    return i


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def group_braces(text: str) -> list[tuple[int, int, str]]:
    """Every ``{`` that opens a group graph pattern, with its matching ``}`` and the keyword
    before it; not VALUES data blocks, CONSTRUCT templates or a ``{`` that holds a subquery."""
    out, stack = [], []
    i, n, last_word, values_pending = 0, len(text), "", False
    while i < n:
        j = _skip(text, i)
        if j != i:
            i = j
            continue
        c = text[i]
        if c in "?$":
            m = _WORD.match(text, i + 1)
            i = m.end() if m else i + 1
            continue
        m = _WORD.match(text, i) if (c.isalpha() or c == "_") else None
        if m:
            last_word = m.group(0).upper()
            if last_word == "VALUES":
                values_pending = True
            i = m.end()
            continue
        if c == "{":
            after = _WORD.match(text[i + 1:].lstrip())
            kind = "data" if values_pending else "template" if last_word == "CONSTRUCT" and not stack else (
                "subquery" if after and after.group(0).upper() == "SELECT" else "group")
            values_pending = False
            stack.append((i, kind, last_word))
        elif c == "}" and stack:
            at, kind, word = stack.pop()
            if kind == "group":
                out.append((at, i, word))
        i += 1
    return sorted(out)


def bind(text: str, substitutions: dict | None) -> str:
    """The query text with the substitutions as VALUES blocks.

    A block with every variable first in the outermost group, and one first in every group
    graph pattern within that names one of them (not in a MINUS group), holding the variables
    that group names: joining a one-row table of constants
    is what binding them there means, so OPTIONALs nested at any depth, subqueries and EXISTS
    see the values as the embedded store's substitution makes them see them.
    """
    if not substitutions:
        return text
    block, names, terms = values_block(substitutions)
    cells = dict(zip(names, terms))
    groups = group_braces(text)
    if not groups:
        raise QueryError("de query heeft geen WHERE-groep om parameters aan te binden")
    inserts = [(groups[0][0] + 1, block)]  # the outermost group binds every variable
    for at, end, word in groups[1:]:
        if word == "MINUS":
            continue
        span = text[at:end]
        here = [v for v in names if re.search(r"[?$]" + v + r"(?![A-Za-z0-9_])", span)]
        if here:
            inserts.append((at + 1, values_block({v: cells[v] for v in here})[0]))
    for pos, blk in sorted(inserts, reverse=True):
        text = text[:pos] + " " + blk + " " + text[pos:]
    return text


@lru_cache(maxsize=512)
def _checked(text: str) -> str:
    from watwerkt.queries.readonly import check_readonly

    return check_readonly(text).value


class Solution:
    """One row: ``row[name]`` is a pyoxigraph term, or None when the variable is unbound."""

    __slots__ = ("_values",)

    def __init__(self, values: dict):
        self._values = values

    def __getitem__(self, key):
        return self._values.get(_name(key))


class RemoteResult:
    def __init__(self, variables: list, rows: list[Solution]):
        self.variables = variables
        self._rows = rows

    def __iter__(self):
        return iter(self._rows)

    def __len__(self):
        return len(self._rows)


def from_json(term: dict):
    import pyoxigraph as ox

    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if term.get("xml:lang"):
            return ox.Literal(value, language=term["xml:lang"])
        if term.get("datatype"):
            return ox.Literal(value, datatype=ox.NamedNode(term["datatype"]))
        return ox.Literal(value)
    raise QueryError(f"onbekend term-type in het antwoord van de server: {kind!r}")


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint that answers like the embedded store's ``query``."""

    def __init__(self, endpoint: str, *, graph: str | None = GRAPH, timeout: float = DEFAULT_TIMEOUT):
        self.endpoint = check_endpoint(endpoint)
        self.graph = graph
        self.timeout = timeout

    def query(self, text: str, substitutions: dict | None = None):
        import pyoxigraph as ox

        kind = _checked(text)
        if kind not in ("select", "ask"):
            raise QueryError(f"alleen SELECT en ASK over het protocol, niet {kind.upper()}")
        body = [("query", bind(text, substitutions))]
        if self.graph:
            body.append(("default-graph-uri", self.graph))
        data = self._post(urllib.parse.urlencode(body).encode("utf-8"))
        if "boolean" in data:
            return bool(data["boolean"])
        names = data.get("head", {}).get("vars", [])
        rows = [Solution({k: from_json(v) for k, v in b.items()})
                for b in data.get("results", {}).get("bindings", [])]
        return RemoteResult([ox.Variable(n) for n in names], rows)

    def _post(self, body: bytes) -> dict:
        req = urllib.request.Request(self.endpoint, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (checked URL)
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
            raise QueryError(f"SPARQL-eindpunt {self.endpoint} antwoordde {exc.code}: "
                             f"{detail[0] if detail else exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise QueryError(f"SPARQL-eindpunt {self.endpoint} niet bereikbaar: {exc}",
                             hint="start de server of geef een ander --endpoint") from exc
        except ValueError as exc:
            raise QueryError(f"SPARQL-eindpunt {self.endpoint} gaf geen SPARQL-JSON: {exc}") from exc
