"""``watwerkt publish sparql``: the built graph into a remote engine by the Graph Store Protocol.

One ``PUT`` of the store's canonical ``graph.nt`` to ``ENDPOINT?graph=GRAPH_NAME`` (SPARQL 1.1
Graph Store HTTP Protocol): the server replaces the named graph with the body in one request,
so publishing twice leaves the same graph (idempotent), and other graphs on the server are
untouched. ``--backend sparql`` asks for the same graph as its default graph
(``default-graph-uri``), so a reader sees the old graph or the new one. The body is streamed
from the file in chunks; a ``progress(done, total)`` callback is told the bytes sent. With
``bulk`` an Oxigraph server loads without a transaction (faster, not atomic; see below).
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watwerkt.errors import StoreError
from watwerkt.graph.exports import GRAPH_NAME

CHUNK = 1 << 20


@dataclass(frozen=True)
class PublishResult:
    url: str
    graph: str
    triples: int
    bytes: int
    status: int


def store_url(endpoint: str, graph: str = GRAPH_NAME) -> str:
    """The Graph Store URL of the named graph: ``endpoint?graph=<graph>``."""
    parts = urllib.parse.urlsplit(endpoint or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"geen geldig Graph Store-adres: {endpoint!r}",
                         hint="geef een http(s)-adres, bijvoorbeeld http://127.0.0.1:7878/store",
                         en=f"not a valid Graph Store address: {endpoint!r}",
                         hint_en="give an http(s) address, for example http://127.0.0.1:7878/store")
    query = urllib.parse.urlencode([*urllib.parse.parse_qsl(parts.query), ("graph", graph)])
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _chunks(path: Path, size: int, progress: Callable[[int, int], None]):
    done = 0
    with path.open("rb") as f:
        while block := f.read(CHUNK):
            done += len(block)
            progress(done, size)
            yield block


def publish_sparql(store: Path, endpoint: str, *, graph: str = GRAPH_NAME, bulk: bool = False,
                   timeout: float = 1800.0,
                   progress: Callable[[int, int], None] = lambda done, total: None) -> PublishResult:
    """PUT the graph of the store at ``store`` as the named graph ``graph``.

    ``bulk``: ask an Oxigraph server for its bulk loader (``no_transaction``): about 4x faster,
    still a replacement of the whole graph (idempotent), but not atomic: while it loads, or
    after a failure, readers see part of the graph. Other servers ignore or refuse it.
    """
    from watwerkt.graph.store import read_info

    real = Path(os.path.realpath(store))
    info = read_info(real)
    nt = real / "graph.nt"
    url = store_url(endpoint, graph) + ("&no_transaction" if bulk else "")
    size = nt.stat().st_size
    req = urllib.request.Request(url, data=_chunks(nt, size, progress), method="PUT",
                                 headers={"Content-Type": "application/n-triples",
                                          "Content-Length": str(size)})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (checked URL)
            status = resp.status
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise StoreError(f"Graph Store {url} antwoordde {exc.code}: {detail[0] if detail else exc.reason}",
                         en=f"Graph Store {url} answered {exc.code}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise StoreError(f"Graph Store {endpoint} niet bereikbaar: {exc}", hint="start de server",
                         en=f"Graph Store {endpoint} unreachable: {exc}", hint_en="start the server") from exc
    return PublishResult(url, graph, int(info.get("triples", 0)), size, status)
