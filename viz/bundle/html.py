"""The bundle as one HTML document (Jinja2, autoescape on): for WeasyPrint and for the screen."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from watwerkt.viz.bundle.words import w as word

HERE = Path(__file__).resolve().parent
FIXED_DATE = "2026-01-01T00:00:00Z"  # the PDF's creation date unless SOURCE_DATE_EPOCH says otherwise
SECTION_LABELS = {
    "inleiding": ("inleiding", "introduction"), "aanpak": ("aanpak", "approach"),
    "opbrengst": ("opbrengst", "results"), "aanleiding": ("aanleiding", "reasons"),
    "engelen-beren": ("engelen en beren", "angels and bears"), "reflectie": ("reflectie", "reflection"),
    "winst": ("winst", "gains"), "succes": ("loopbaansucces", "career success"),
}
ARROWS = {"up": "\u2191", "high": "\u2191", "down": "\u2193", "low": "\u2193", "mixed": "\u2195",
          "average": "\u2194", "not-shown": "\u2013"}


def created() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return FIXED_DATE


def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def career_path(card) -> list[str]:
    """The employee's career steps (from role -> to role) in the order the book tells them (by the
    places of their quotes; by id without a corpus). The book gives few years, so this is no timeline."""
    first = {}
    for q in card.quotes:
        if q.kind == "CareerTransition":
            start = int(q.anchor.split(":", 1)[1].split("-", 1)[0])
            first[q.claim] = min(first.get(q.claim, start), start)
    steps = sorted((t for t in card.transitions if t.from_role or t.to_role),
                   key=lambda t: (first.get(t.id, 10**9), t.id))
    return [f"{t.from_role or '?'} \u2192 {t.to_role or '?'}" for t in steps]


def sheets_of(cards, per_sheet: int):
    return [cards[i:i + per_sheet] for i in range(0, len(cards), per_sheet)]


def render_html(bundle, *, screen: bool = False, only_cards: bool = False) -> str:
    from watwerkt import __version__

    lang = bundle.lang
    n = len(bundle.cards)
    if not bundle.resolved and n >= 28:
        selection = word("all_cases", lang, n=n)
    else:
        selection = word("one_case", lang) if n == 1 else word("n_cases", lang, n=n)
        if n <= 8:
            selection += ": " + "; ".join(f"{c.number}. {c.short_title or c.title}" for c in bundle.cards)
    tpl = environment().get_template("bundle.html.j2")
    return tpl.render(
        b=bundle, screen=screen, only_cards=only_cards, version=__version__, created=created(),
        css=(HERE / "static" / "bundle.css").read_text(encoding="utf-8"),
        selection_line=selection, by_id={c.id: c for c in bundle.cards},
        sheets=sheets_of(list(bundle.sort_cards), 1 if bundle.paper == "a6" else 4),
        w=lambda key, **kw: word(key, lang, **kw),
        title=lambda c: c.short_title or c.title,
        subject=lambda c: c.subject.removeprefix("Gemeente ").removeprefix("gemeente "),
        used_interventions=lambda c: [i for i in c.interventions if i.status in (None, "used")],
        arrow=lambda d: ARROWS.get(d, "\u00b7"),
        career_path=career_path,
        section_label=lambda s: SECTION_LABELS.get(s, (s or "?", s or "?"))[lang == "en"],
        sort_kind=lambda card: {"influence": word("angels" if card.polarity == "angel" else "bears", lang),
                                "factor": word("factor_card", lang),
                                "group": word("self_direction", lang)}[card.kind],
    )
