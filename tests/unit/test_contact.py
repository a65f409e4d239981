"""Contact details in Dutch formats are found and masked; ordinary numbers are left alone.

All numbers and addresses here are invented.
"""

from __future__ import annotations

import pytest

from watwerkt.contact import MASK, has_contact, mask_contacts


@pytest.mark.parametrize("text", [
    "06-12345678", "06 12345678", "06 - 12 34 56 78", "M 06 - 1234 5678", "T 010 - 123 45 67",
    "010-1234567", "(010) 123 45 67", "0113-123456", "0591 - 12 34 56", "+31 6 1234 5678",
    "+31 (0)6 12345678", "+31612345678", "0031 6 12345678", "+32 2 123 45 67", "0800-1234", "0900 123 4567",
    "bel 14 0591", "j.jansen@voorbeeld.nl", "info@gemeente-voorbeeld.nl", "naam (at) voorbeeld.nl",
    "naam [at] voorbeeld [dot] nl", "a.b-c+d@sub.voorbeeld.org",
])
def test_contact_details_are_found_and_masked(text):
    line = f"Meer weten? {text}, of kom langs."
    assert has_contact(line)
    masked = mask_contacts(line)
    assert MASK in masked and not has_contact(masked), masked
    assert masked.startswith("Meer weten? ") and masked.endswith(", of kom langs.")


@pytest.mark.parametrize("text", [
    "in 2019-2020 kregen 1.200 medewerkers scholing", "01-02-2019", "schaal 4-9", "van 0 tot 10",
    "30 000 inwoners", "versie 0.5.13", "ISBN 978-90-1234-567-8", "hash 0217720892e4", "boek:1770-2186#27bb63f4645f",
    "3,1 procent", "€ 12.500", "artikel 14 lid 2", "14 medewerkers", "0,5 fte",
])
def test_ordinary_numbers_are_left_alone(text):
    assert not has_contact(text) and mask_contacts(text) == text


def test_several_in_one_text_and_newlines():
    text = "Anna\nT 020 - 123 45 67 of M 06 - 98 76 54 32\nE a.b@voorbeeld.nl\nverder"
    assert mask_contacts(text) == "Anna\nT [contact] of M [contact]\nE [contact]\nverder"


@pytest.mark.parametrize("text", ["ÉPORTFOLIO", "Café’s_x", "a–b—c “q”", "ﬁets ½ (A+O)", "  Één  twee\n"])
def test_fast_fold_equals_fold(text):
    from watwerkt.folding import fold
    from watwerkt.queries.search import fast_fold

    assert fast_fold(text) == fold(text)


# ------------------------------------------------------------ properties

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from(["06", "-", " ", "12", "345", "678", "+31", "(0)", "(010)", "0031", "@", ".", "nl",
                          "naam", "(at)", "\n", "14", "0591", "T ", "M ", "e4", "2019", "x", "_", "é"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=30).map("".join) | st.text(max_size=200))
def test_masking_leaves_no_contact_detail(text):
    masked = mask_contacts(text)
    assert not has_contact(masked), (text, masked)
    assert mask_contacts(masked) == masked  # masking twice changes nothing more
