"""Typed configuration: paths from options, then the environment, then defaults.

- corpus:   ``--corpus`` or ``WATWERKT_CORPUS``; default ``../shared/corpus`` when it exists
- store:    ``--store`` or ``WATWERKT_STORE``; default ``$XDG_DATA_HOME/watwerkt``
- data:     ``--data`` or ``WATWERKT_DATA``; default the ``data/`` folder of this repository

A corpus that was given (option, environment or ``Settings(corpus=...)``) must exist:
:meth:`Settings.check_corpus` refuses a missing one with one line. Only when none was given
and the default is absent does the graph build without quotes (the CLI warns).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_corpus() -> Path | None:
    env = os.environ.get("WATWERKT_CORPUS")
    if env:
        return Path(env)
    for candidate in (Path.cwd() / "../shared/corpus", REPO_ROOT / "../shared/corpus"):
        if candidate.is_dir():
            return candidate.resolve()
    return None


def default_store() -> Path:
    env = os.environ.get("WATWERKT_STORE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "watwerkt"


def default_data() -> Path:
    env = os.environ.get("WATWERKT_DATA")
    if env:
        return Path(env)
    source = REPO_ROOT / "data"
    if (source / "sources.yaml").exists():  # a checkout (or an editable install)
        return source
    from importlib.resources import files

    return Path(str(files("watwerkt") / "data"))  # an installed wheel carries the data


@dataclass(frozen=True)
class Settings:
    corpus: Path | None
    store: Path
    data: Path

    @classmethod
    def resolve(
        cls, corpus: Path | None = None, store: Path | None = None, data: Path | None = None
    ) -> Settings:
        return cls(
            corpus=corpus if corpus is not None else default_corpus(),
            store=store if store is not None else default_store(),
            data=data if data is not None else default_data(),
        )

    def check_corpus(self) -> None:
        """Refuse a corpus path that does not exist or is not a folder."""
        if self.corpus is None or self.corpus.is_dir():
            return
        from watwerkt.errors import CorpusError

        what = "is geen map" if self.corpus.exists() else "bestaat niet"
        err = CorpusError(f"corpusmap {what}", where=str(self.corpus),
                          hint="geef met --corpus of WATWERKT_CORPUS een bestaande map, "
                               "of laat ze weg om zonder citaten te bouwen")
        err.en = "corpus folder " + ("is not a folder" if self.corpus.exists() else "does not exist")
        err.hint_en = ("give an existing folder with --corpus or WATWERKT_CORPUS, "
                       "or leave both out to build without quotes")
        raise err
