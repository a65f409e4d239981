"""The ZIP bundle: the PDF, the same content as one HTML file, the cases as JSON and CSV, LEESMIJ.txt.

Deterministic: entries in a fixed order, each with the same fixed timestamp and mode, so the
same bundle gives the same bytes. The CSV is for Dutch Excel: ``;`` separated, UTF-8 with BOM.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

from watwerkt.viz.bundle.words import w

STAMP = (2026, 1, 1, 0, 0, 0)
CSV_FIELDS = ("nummer", "id", "soort", "titel", "onderwerp", "gemeente", "cbs_code", "aanleidingen", "interventies",
              "uitkomsten", "engelen_genoemd", "beren_genoemd", "past_bij_groep")


def cases_json(bundle) -> bytes:
    from watwerkt.listing import to_jsonable

    data = {"lang": bundle.lang, "selection": list(bundle.resolved), "cases": [to_jsonable(c) for c in bundle.cards]}
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def cases_csv(bundle) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for c in bundle.cards:
        def named(pol, c=c):
            return " | ".join(i.actor for i in c.influences if i.named and i.polarity == pol)

        writer.writerow([
            c.number, c.id, c.kind, c.title, c.subject, " | ".join(m.name for m in c.municipalities),
            " | ".join(m.cbs_code or "" for m in c.municipalities), " | ".join(d.type_label for d in c.drivers),
            " | ".join(i.label for i in c.interventions if i.status in (None, "used")),
            " | ".join(f"{o.type_label} ({c.term(o.direction)})" for o in c.outcomes),
            named("angel"), named("bear"), c.self_direction_label or "",
        ])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def readme(bundle) -> bytes:
    from watwerkt import __version__
    from watwerkt.viz.bundle.html import created

    en = bundle.lang == "en"
    lines = [w("bundle_title", bundle.lang) + " \u2014 " + w("bundle_subtitle", bundle.lang), ""]
    lines += [("Selection: " if en else "Selectie: ") + ", ".join(f"{c.number}. {c.short_title or c.title}" for c in bundle.cards)]
    lines += list(bundle.resolved) + [""]
    lines += ["Files:" if en else "Bestanden:",
              "  bundel.pdf   " + ("print version (A4; sorting cards A6)" if en else "printversie (A4; sorteerkaarten A6)"),
              "  bundel.html  " + ("the same content for the screen" if en else "dezelfde inhoud voor het scherm"),
              "  casussen.json, casussen.csv  " + ("the selected cases as data (CSV: ';' and UTF-8 with BOM, for Excel)"
                                                  if en else "de gekozen casussen als data (CSV: ';' en UTF-8 met BOM, voor Excel)"),
              ""]
    lines += ["Sources:" if en else "Bronnen:"]
    for s in bundle.sources:
        who = ", ".join(s.get("authors") or []) or s.get("publisher", "")
        lines.append(f"  - {s['title']} ({s.get('publisher', '')}{'; ' + who if who and who != s.get('publisher') else ''}, {s.get('year', '')})")
    lines += ["",
              ("Licence: the software is MIT licensed. The texts on the cards are our own summaries and codings; the short "
               "quotes remain the work of their publishers and are shown with their source." if en else
               "Licentie: de software valt onder de MIT-licentie. De teksten op de kaarten zijn onze eigen samenvattingen en "
               "coderingen; de korte citaten blijven werk van hun uitgevers en staan er met bron bij."),
              "",
              ("How it was made: watwerkt " + __version__ + " built a knowledge graph from the curated data and the corpus, "
               "read each case card with one query per part, and rendered this bundle with WeasyPrint. Angels and bears "
               "the book names come first; our readings are marked with *. Contact details are never included."
               if en else
               "Hoe gemaakt: watwerkt " + __version__ + " bouwde een kennisgraaf uit de gecureerde data en het corpus, las "
               "elke casuskaart met één query per onderdeel en maakte deze bundel met WeasyPrint. Engelen en beren die het "
               "boek noemt staan eerst; onze eigen lezing is gemarkeerd met *. Contactgegevens staan er nooit in."),
              ("Date: " if en else "Datum: ") + created()[:10], ""]
    return "\r\n".join(lines).encode("utf-8")


def sources(store) -> list[dict]:
    """The source documents from the store, in a fixed order, each with its creators."""
    from watwerkt.queries.runner import run

    out: dict[str, dict] = {}
    for r in run(store, "sources"):
        d = out.setdefault(r["source"], {"title": r["title"], "publisher": r.get("publisher") or "",
                                         "year": r.get("year") or "", "authors": set()})
        if r.get("creator"):
            d["authors"].add(r["creator"])
    return [{**d, "authors": sorted(d["authors"])} for _k, d in sorted(out.items())]


def bundle_zip(bundle) -> bytes:
    from watwerkt.viz.bundle.html import render_html
    from watwerkt.viz.bundle.pdf import html_to_pdf

    entries = [
        ("bundel.pdf", html_to_pdf(render_html(bundle))),
        ("bundel.html", render_html(bundle, screen=True).encode("utf-8")),
        ("casussen.json", cases_json(bundle)),
        ("casussen.csv", cases_csv(bundle)),
        ("LEESMIJ.txt", readme(bundle)),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, blob)
    return buf.getvalue()
