"""Contact details in Dutch formats: find them, or mask them.

Contact details (phone numbers and e-mail addresses) never enter the graph, a listing or an
export. The patterns extend the segmenter's with the forms Dutch texts use:

- e-mail: ``naam@domein.nl``, ``voor.naam+x@sub.domein.org``;
- mobile: ``06-12345678``, ``06 1234 5678``, ``0612345678``;
- landline: ``010-1234567``, ``0123-456789``, ``020 123 45 67``, ``(010) 123 45 67``;
- international: ``+31 6 1234 5678``, ``+31 (0)10 123 4567``, ``0031 6 12345678``;
- service numbers: ``0800-1234``, ``0900-123 4567``.

A candidate is a run of digits with single spaces, dots or hyphens (and one pair of
parentheses) between them; it is a phone number when, written without separators and with
the country code ``31`` replaced by ``0``, it has ten digits and starts with ``0``, or it is a
0800/0900/0909 service number. Years, amounts, ranges and CBS codes do not qualify.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_SEP = r"(?:\s?[.-]\s?|\s|\)\s?)?(?:\(0\)\s?)?"
_CANDIDATE = re.compile(rf"(?<![\w+.,/-])(?:\+|00)?\(?\d(?:{_SEP}\d){{6,13}}(?![\w/:]|[.,-]\d)")
_SERVICE = re.compile(r"^0(?:800|900|906|909)\d{4,7}$")


def _national(raw: str) -> str:
    digits = re.sub(r"\D", "", raw.replace("(0)", ""))
    if raw.startswith("+") or digits.startswith("0031"):
        digits = "0" + (digits[4:] if digits.startswith("0031") else digits[2:] if digits.startswith("31") else digits)
    return digits


def phone_numbers(text: str) -> list[str]:
    """Every phone number in ``text``, as written."""
    out = []
    for m in _CANDIDATE.finditer(text):
        raw = m.group(0)
        national = _national(raw)
        if (len(national) == 10 and national.startswith("0") and not national.startswith("00")) \
                or _SERVICE.match(national):
            out.append(raw)
    return out


def emails(text: str) -> list[str]:
    return [m.group(0) for m in EMAIL.finditer(text)]


def contact_kind(text: str) -> str | None:
    """``"e-mail address"`` or ``"phone number"`` when ``text`` holds one, else None."""
    if EMAIL.search(text):
        return "e-mail address"
    if phone_numbers(text):
        return "phone number"
    return None


def mask(text: str, placeholder: str = "[contact]") -> str:
    """``text`` with every e-mail address and phone number replaced by ``placeholder``."""
    text = EMAIL.sub(placeholder, text)
    for raw in sorted(set(phone_numbers(text)), key=len, reverse=True):
        text = text.replace(raw, placeholder)
    return text
