"""The HTML shell every page shares: escaped text, inlined assets, a strict CSP.

A page loads nothing: every script and style is inlined and named by its SHA-256 in a
Content-Security-Policy ``<meta>`` that forbids every other source (``default-src 'none'``),
so a page opened from disk makes no request at all, and an injected ``<script>`` or event
handler would not run even if escaping failed. JSON data goes into a
``<script type="application/json">`` block (not executed) with ``<`` written as ``\\u003c``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from importlib.resources import files


def esc(text) -> str:
    """Text for HTML content or a quoted attribute."""
    return escape("" if text is None else str(text), quote=True)


def asset(name: str) -> str:
    """A file of this package (``explorer/explorer.js``) as text."""
    return files("watwerkt.viz").joinpath(name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """vis-network, read from the pyvis package's own copy (pyvis itself is not imported)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a declared dependency
        raise RuntimeError("pyvis is not installed: it provides the vis-network script")
    root = Path(next(iter(spec.submodule_search_locations)))
    return (root / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")


def json_block(element_id: str, data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>'


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def csp(scripts: list[str], styles: list[str]) -> str:
    script_src = " ".join(_sha(s) for s in scripts) or "'none'"
    style_src = " ".join(_sha(s) for s in styles) or "'none'"
    return ("default-src 'none'; " f"script-src {script_src}; " f"style-src {style_src}; "
            "img-src data:; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
            "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'")


def page(title: str, body: str, *, lang: str = "nl", scripts: tuple[str, ...] = (),
         styles: tuple[str, ...] = (), head: str = "") -> bytes:
    """A whole HTML document as UTF-8 bytes. ``body`` and ``head`` must already be escaped."""
    style_tags = "".join(f"<style>{s}</style>" for s in styles)
    script_tags = "".join(f"<script>{s}</script>" for s in scripts)
    html = (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp(list(scripts), list(styles)))}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n{style_tags}\n{head}</head>\n<body>\n{body}\n{script_tags}\n</body>\n</html>\n"
    )
    return html.encode("utf-8")
