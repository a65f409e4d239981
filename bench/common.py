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


def core_questions(a: str, b: str) -> dict[str, list[str]]:
    """The core questions of issue 13, by name, as CLI arguments; ``a`` and ``b`` are two case ids
    (``carli`` and ``ton`` in the real graph, ``s00001`` and ``s00002`` in synthetic ones)."""
    return {
        "wat-werkt": ["wat-werkt"],
        "wat-werkt --doelgroep": ["wat-werkt", "--doelgroep", "lage eigen regie"],
        "wat-werkt --context": ["wat-werkt", "--context", "bezuinigingen"],
        "wat-werkt --uitkomst": ["wat-werkt", "--uitkomst", "inzetbaarheid"],
        "wat-werkt --factor": ["wat-werkt", "--factor", "leidinggevende"],
        "engelen-beren": ["engelen-beren"],
        "uitkomsten": ["uitkomsten"],
        "gaten": ["gaten"],
        "vergelijk": ["vergelijk", a, b],
        "zoek": ["zoek", "loopbaan"],
        "case": ["case", a],
    }


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
