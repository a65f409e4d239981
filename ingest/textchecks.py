"""Checks of every text in the curated data, on the documents as read (with their lines).

- **No contact details.** A phone number or e-mail address (Dutch formats, see
  :mod:`watwerkt.contacts`) in any text field is an error: it would reach the graph and every
  export. The message names the field, never the number or address itself.
- **One line per text.** Every text in the data is one line in the graph and in listings, so
  a line break (or another control character) inside a text is refused rather than silently
  rewritten: a folded block (``>-``) in YAML joins its lines with spaces and is fine.

Fields that are not prose (anchors, hashes, CBS codes) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from watwerkt.contacts import contact_kind

SKIP = frozenset({"anchors", "sha256", "cbs_code", "span", "heading", "blocks"})
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def _texts(obj: Any, field: str, line: int) -> Iterator[tuple[str, int, str]]:
    """Yield (field path, line, text) for every string inside ``obj``."""
    stack = [(obj, field, line)]
    while stack:
        o, f, ln = stack.pop()
        if isinstance(o, str):
            yield f, ln, o
        elif isinstance(o, dict):
            lines = getattr(o, "lines", {})
            for k, v in reversed(list(o.items())):
                if k not in SKIP:
                    stack.append((v, f"{f}.{k}" if f else str(k), lines.get(k, ln)))
        elif isinstance(o, list):
            lines = getattr(o, "lines", [])
            for i in range(len(o) - 1, -1, -1):
                v = o[i]
                ident = v.get("id") if isinstance(v, dict) else None
                stack.append((v, f"{f}[{ident if isinstance(ident, str) else i}]",
                              lines[i] if i < len(lines) else ln))


KIND_NL = {"e-mail address": "een e-mailadres", "phone number": "een telefoonnummer"}


def check_texts(documents: dict[Path, list]) -> Iterator[tuple[str, str, str]]:
    """Yield (file:line, Dutch message, English message) for each text with contact details,
    a line break or a control character."""
    for path, docs in documents.items():
        lines = getattr(docs, "lines", [1] * len(docs))
        for doc, line in zip(docs, lines, strict=False):
            top = doc.get("id") if isinstance(doc, dict) else None
            for field, ln, text in _texts(doc, str(top) if isinstance(top, str) else "", line):
                where = f"{path}:{ln}"
                name = field or "(text)"
                kind = contact_kind(text)
                if kind:
                    article = "an" if kind[0] in "aeiou" else "a"
                    yield where, (f"{name}: bevat {KIND_NL[kind]}; contactgegevens komen nooit in de graaf "
                                  "(beschrijf het contact in woorden)"), (
                                  f"{name}: holds {article} {kind}; contact details never enter the graph "
                                  "(describe the contact in words instead)")
                stripped = text.strip()
                if _LINE_BREAK.search(stripped):
                    yield where, (f"{name}: een regeleinde in een tekst; schrijf hem op één regel "
                                  "(een gevouwen blok `>-` voegt regels samen met spaties)"), (
                                  f"{name}: a line break inside a text; write it on one line "
                                  "(a folded block `>-` joins lines with spaces)")
                elif _CONTROL.search(stripped):
                    ch = _CONTROL.search(stripped).group(0)
                    yield (where, f"{name}: het stuurteken U+{ord(ch):04X} in een tekst",
                           f"{name}: the control character U+{ord(ch):04X} inside a text")
