"""The build: data (+ corpus) -> records -> graph -> store and exports.

``build(settings)`` is what ``watwerkt build`` calls. Without a corpus the graph is built
from ``data/`` alone, without quotes; with a corpus every anchor is verified first and its
quote read into the graph.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from watwerkt import __version__
from watwerkt.config import Settings
from watwerkt.errors import DataError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


@dataclass(frozen=True)
class BuildResult:
    store: Path
    triples: int
    cases: int
    quotes: bool
    nt_sha256: str


def data_fingerprint(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*.yaml") if p.is_file()):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def build_graph_from(settings: Settings):
    """Load, check and build; return (graph, dataset, corpus or None)."""
    from watwerkt.graph.build import build_graph
    from watwerkt.ingest.checks import check_dataset
    from watwerkt.ingest.corpus import Corpus
    from watwerkt.ingest.data import load_dataset

    ds = load_dataset(settings.data)
    corpus = None
    if settings.corpus is not None and settings.corpus.is_dir():
        corpus = Corpus.open(settings.corpus, settings.data)
    errors = [p for p in check_dataset(ds, corpus) if p.level == "error"]
    if errors:
        more = f" (and {len(errors) - 1} more; run `watwerkt check`)" if len(errors) > 1 else ""
        raise DataError(errors[0].message + more, where=errors[0].where)
    return build_graph(ds, corpus, ONTOLOGY_DIR), ds, corpus


def build(settings: Settings, *, _hook=None) -> BuildResult:
    from watwerkt.graph.store import write_store

    g, ds, corpus = build_graph_from(settings)
    info = {
        "watwerkt": __version__,
        "cases": len(ds.cases),
        "quotes": corpus is not None,
        "data_sha256": data_fingerprint(settings.data),
    }
    info = write_store(g, settings.store, info, _hook=_hook)
    return BuildResult(settings.store, info["triples"], len(ds.cases), corpus is not None, info["nt_sha256"])
