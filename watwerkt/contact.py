"""Contact details in Dutch texts: find them, and mask them as ``[contact]``.

Phone numbers are found by their digits, not by one layout: a run of digit groups joined by
spaces, dashes, dots, slashes or brackets is a phone number when a stretch of it has the digits
of a Dutch number: ``0`` plus nine digits (``06-12345678``, ``010 - 123 45 67``,
``(010) 123 45 67``, ``0113-123456``), ``+31``/``0031`` plus nine (``+31 (0)6 1234 5678``),
any other ``+`` number of 8 to 15 digits, ``0800``/``0900`` service numbers and the municipal
``14 0xx`` numbers. E-mail addresses also in the written-out forms ``naam(at)gemeente.nl`` and
``naam [at] gemeente.nl``. Plain ``re``, nothing heavy: every layer may import this.
"""

from __future__ import annotations

import re

MASK = "[contact]"

EMAIL = re.compile(
    r"[\w.+-]+\s?(?:@|\(at\)|\[at\]|\{at\})\s?[\w-]+(?:\s?(?:\.|\(dot\)|\[dot\])\s?[\w-]+)*"
    r"\s?(?:\.|\(dot\)|\[dot\])\s?[a-z]{2,24}\b",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\+?\(?\d+\)?")
_JOIN = re.compile(r"[ \t\u00a0]{0,3}(?:[-./\u2013][ \t\u00a0]{0,3})?")
_SERVICE = ("0800", "0900", "0906", "0909")


def _phone_digits(digits: str, plus: bool) -> bool | None:
    """True: a phone number; None: could become one with more digits; False: cannot."""
    if plus or digits.startswith("00"):
        rest = digits[2:] if digits.startswith("00") else digits
        if rest.startswith("31"):
            rest = rest[2:]
            if rest.startswith("0"):
                rest = rest[1:]  # +31 (0)6 ...
            return True if len(rest) == 9 else (None if len(rest) < 9 else False)
        return True if 8 <= len(rest) <= 15 else (None if len(rest) < 8 else False)
    if digits.startswith(_SERVICE):
        return True if len(digits) in (8, 11) else (None if len(digits) < 11 else False)
    if digits.startswith("0"):
        return True if len(digits) == 10 else (None if len(digits) < 10 else False)
    return None


def _runs(text: str):
    """Runs of digit groups joined by at most a separator: lists of (start, end, digits, plus)."""
    run: list[tuple[int, int, str, bool]] = []
    for m in _GROUP.finditer(text):
        s, e = m.span()
        glued = (s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_")) or (
            e < len(text) and (text[e].isalpha() or text[e] == "_"))
        if glued:  # part of a word, a hash or a code, not a number on its own
            if run:
                yield run
            run = []
            continue
        token = (s, e, re.sub(r"\D", "", m.group()), m.group().startswith("+"))
        if run and _JOIN.fullmatch(text[run[-1][1]:s]):
            run.append(token)
        else:
            if run:
                yield run
            run = [token]
    if run:
        yield run


def _is_municipal(run, i: int) -> int:
    """The municipal ``14 0xx(x)`` number starting at ``run[i]``: its last index, or -1."""
    if run[i][2] == "14" and i + 1 < len(run) and re.fullmatch(r"0\d{2,3}", run[i + 1][2]):
        return i + 1
    return -1


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the phone numbers in ``text``."""
    out = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            found = -1
            if run[i][3] or run[i][2].startswith("0"):
                digits = ""
                for j in range(i, len(run)):
                    digits += run[j][2]
                    verdict = _phone_digits(digits, run[i][3])
                    if verdict is True:
                        found = j
                        if not digits.startswith(_SERVICE) or len(digits) == 11:
                            break
                    elif verdict is False:
                        break
            if found < 0:
                found = _is_municipal(run, i)
            if found >= 0:
                out.append((run[i][0], run[found][1]))
                i = found + 1
            else:
                i += 1
    return out


def has_contact(text: str) -> bool:
    """Whether ``text`` holds a phone number or an e-mail address."""
    return bool(EMAIL.search(text)) or bool(phone_spans(text))


def mask_contacts(text: str) -> str:
    """``text`` with every phone number and e-mail address replaced by ``[contact]``."""
    text = EMAIL.sub(MASK, text)
    spans = phone_spans(text)
    for start, end in reversed(spans):
        text = text[:start] + MASK + text[end:]
    return text
