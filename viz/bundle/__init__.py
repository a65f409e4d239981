"""Print-ready case bundles for workshop facilitators (``watwerkt bundel``).

- :mod:`.content`: the selection and everything the bundle holds, as typed data;
- :mod:`.html`: one HTML document (Jinja2 with autoescape) for print and for the screen;
- :mod:`.pdf`: WeasyPrint with print CSS (A4 pages, A6 sorting cards four to an A4 sheet with
  cut marks, running headers, page numbers, embedded DejaVu fonts), deterministic bytes;
  also the ``pdf`` renderer of the listing registry;
- :mod:`.archive`: the ZIP (PDF, HTML, cases as JSON and as CSV for Dutch Excel, LEESMIJ.txt).

:func:`write_bundle` writes a ``.pdf`` or a ``.zip`` atomically; nothing half-written is left.
"""

from __future__ import annotations

from pathlib import Path


def build_bundle(store, *, cases=(), filters=None, lang: str = "nl", paper: str = "a4"):
    from watwerkt.viz.bundle.content import make_bundle

    return make_bundle(store, cases=tuple(cases), filters=filters, lang=lang, paper=paper)


def bundle_bytes(bundle, kind: str) -> bytes:
    """The bundle as ``pdf`` or ``zip`` bytes."""
    if kind == "pdf":
        from watwerkt.viz.bundle.pdf import bundle_pdf

        return bundle_pdf(bundle)
    from watwerkt.viz.bundle.archive import bundle_zip

    return bundle_zip(bundle)


def write_bundle(bundle, output: Path) -> str:
    """Write the bundle to ``output`` (``.pdf`` or ``.zip``) atomically; return the kind written."""
    from watwerkt.atomic import atomic_write_bytes
    from watwerkt.errors import UsageError

    kind = output.suffix.lower().lstrip(".")
    if kind not in ("pdf", "zip"):
        raise UsageError(f"{output}: kies een bestandsnaam op .pdf of .zip", en=f"{output}: choose a file name ending in .pdf or .zip")
    atomic_write_bytes(output, bundle_bytes(bundle, kind))
    return kind
