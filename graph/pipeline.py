"""The build: data (+ corpus) -> records -> graph -> store (and, on demand, exports).

``build(settings)`` is what ``watwerkt build`` calls. Every path is checked before any work
(``check_paths``): a corpus that was given but is missing is an error, the store path must be
empty, new or a watwerkt store, and the export folder must be writable. Without a corpus the
graph is built from ``data/`` alone, without quotes; with a corpus every anchor is verified
first and its quote read into the graph. ``progress(phase)`` is told when each phase starts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watwerkt import __version__
from watwerkt.config import Settings
from watwerkt.errors import DataError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
PHASES = {
    "load": ("gegevens laden", "loading data"),
    "check": ("gegevens controleren", "checking data"),
    "graph": ("graaf bouwen", "building the graph"),
    "nt": ("N-Triples schrijven", "writing N-Triples"),
    "store": ("opslag laden en wisselen", "loading and swapping the store"),
    "export": ("exports schrijven", "writing exports"),
}


@dataclass(frozen=True)
class BuildResult:
    store: Path
    triples: int
    cases: int
    quotes: bool
    nt_sha256: str
    exports: tuple[Path, ...] = field(default=())


def data_fingerprint(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*.yaml") if p.is_file()):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _quiet(phase: str) -> None:
    pass


def check_paths(settings: Settings, *, exports=(), out: Path | None = None) -> None:
    """Refuse bad paths with one line before anything is loaded or written."""
    from watwerkt.atomic import OutputError, check_output_dir
    from watwerkt.graph.store import check_store_target

    settings.check_corpus()
    check_store_target(settings.store)
    if exports:
        if out is None:
            err = OutputError("--export heeft --out MAP nodig", hint="geef de map voor de exports met --out")
            err.en, err.hint_en = "--export needs --out DIR", "give the folder for the exports with --out"
            raise err
        check_output_dir(out)
        from watwerkt.graph.exports import refuse_inside_store

        refuse_inside_store(settings.store, out)


def build_graph_from(settings: Settings, progress: Callable[[str], None] = _quiet):
    """Load, check and build; return (graph, dataset, corpus or None)."""
    from watwerkt.graph.build import build_graph
    from watwerkt.ingest.checks import check_dataset
    from watwerkt.ingest.corpus import Corpus
    from watwerkt.ingest.data import load_dataset

    settings.check_corpus()
    progress("load")
    ds = load_dataset(settings.data)
    corpus = Corpus.open(settings.corpus, settings.data) if settings.corpus is not None else None
    progress("check")
    errors = [p for p in check_dataset(ds, corpus) if p.level == "error"]
    if errors:
        n, first = len(errors) - 1, errors[0]
        raise DataError(first.message + (f" (en nog {n}; zie `watwerkt check`)" if n else ""), where=first.where,
                        en=(first.en or first.message) + (f" (and {n} more; run `watwerkt check`)" if n else ""))
    ds.release_locations()  # checked: the graph needs only the records
    progress("graph")
    return build_graph(ds, corpus, ONTOLOGY_DIR), ds, corpus


def build(settings: Settings, *, exports=(), out: Path | None = None,
          progress: Callable[[str], None] = _quiet, _hook=None) -> BuildResult:
    from watwerkt.graph.exports import nt_lines, write_exports
    from watwerkt.graph.store import write_store

    check_paths(settings, exports=exports, out=out)
    g, ds, corpus = build_graph_from(settings, progress)
    info = {
        "watwerkt": __version__,
        "cases": len(ds.cases),
        "quotes": corpus is not None,
        "data_sha256": data_fingerprint(settings.data),
    }
    del ds, corpus  # what follows needs only the triples: give the records' memory back
    progress("nt")
    lines = nt_lines(g, consume=True)
    del g
    progress("store")
    info = write_store(lines, settings.store, info, _hook=_hook)
    written: tuple[Path, ...] = ()
    if exports:
        progress("export")
        nt = (settings.store / "graph.nt").read_bytes()
        written = tuple(write_exports(nt, exports, out))
    return BuildResult(settings.store, info["triples"], info["cases"], info["quotes"],
                       info["nt_sha256"], written)
