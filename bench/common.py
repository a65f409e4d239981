"""What every benchmark here shares: a built store, the machine's description, the result file."""

from __future__ import annotations

import datetime as dt
import os
import platform
import tempfile
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def built_store(store: Path | None) -> Path:
    """The given store, or a fresh build of the real graph in a temporary folder."""
    if store is not None:
        return store
    from watwerkt.config import Settings
    from watwerkt.graph.pipeline import build

    store = Path(tempfile.mkdtemp()) / "store"
    build(Settings.resolve(store=store))
    return store


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def today() -> str:
    return dt.date.today().isoformat()


def write_result(stem: str, lines: list[str]) -> str:
    """Write bench/results/<stem>-<date>.md and return its text."""
    text = "\n".join(lines) + "\n"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{stem}-{today()}.md").write_text(text, encoding="utf-8")
    print(text)
    return text
