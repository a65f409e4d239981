"""PDF through WeasyPrint: the bundle, and the ``pdf`` renderer of the listing registry.

The same input gives the same bytes: the creation and modification dates come from the
document's ``dcterms.created`` (a fixed date, or ``SOURCE_DATE_EPOCH``), the PDF identifier
is a hash of the HTML, and WeasyPrint embeds the fonts (DejaVu, Debian's fonts-dejavu-core)
as subsets. WeasyPrint is imported only here, when a PDF is made.
"""

from __future__ import annotations

import hashlib


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    ident = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return HTML(string=html, base_url=None).write_pdf(pdf_identifier=ident, uncompressed_pdf=False)


def bundle_pdf(bundle) -> bytes:
    from watwerkt.viz.bundle.html import render_html

    return html_to_pdf(render_html(bundle))


def render(listing, options=None) -> bytes:
    """Any listing as a PDF: a case listing holding a case card prints as the card."""
    from watwerkt.viz.bundle.listing_html import listing_html

    return html_to_pdf(listing_html(listing))
