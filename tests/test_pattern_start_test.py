"""A regex led by a test of where its matches can begin (reader.patterns.with_start_test) finds
exactly what the regex alone finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from szcheck.reader.patterns import with_start_test

OPTIONAL_OPENERS = [r"(?:the\s+)?(?P<n>\d{1,2})\s+months", r"(?:from\s+|between\s+)?(?P<a>ja|fe)\w*\s*-\s*(?P<b>ma|ap)",
                    r"(?:by\s+)?(?:q[1-4]|h[12])\s+\d{4}", r"(?:x\s+)?(?<![a-z])(?:ab|\d)c"]


@pytest.mark.parametrize("pattern", OPTIONAL_OPENERS)
def test_an_optional_opener_gets_a_start_test(pattern):
    assert with_start_test(pattern).startswith("(?=[") and with_start_test(pattern).endswith(pattern)


@pytest.mark.parametrize("pattern", [r"since\s+\d{4}", r"(?:the\s+)?.+", r"(?:the\s+)?(?i:May)", r"(?:the\s+)?[^a]b", r"(?:a)?b?"])
def test_a_fixed_or_unreadable_opener_stays_as_it_is(pattern):
    assert with_start_test(pattern) == pattern


def test_a_digit_class_keeps_every_unicode_digit():
    assert re.compile(with_start_test(r"(?:by\s+)?\d+")).search("by \u0663\u0664").group(0) == "by \u0663\u0664"


@given(st.text(alphabet="the 0123456789qhxabcjfemapry-\u0663", max_size=40))
def test_matches_are_the_same_with_the_start_test(text):
    for pattern in OPTIONAL_OPENERS + [r"(?:by\s+)?\d+"]:
        plain, tested = re.compile(pattern), re.compile(with_start_test(pattern))
        assert [(m.span(), m.groups()) for m in plain.finditer(text)] == [(m.span(), m.groups()) for m in tested.finditer(text)]


PARTNER_WORDS = st.sampled_from(["exports", "export", "Exports", "EXPORTE", "shipments", "to", "from", "TO", "the", "The", "Japan",
                                 "japan", "e", "es", "s", "xports", "-", ",", "  ", "\n", "İ", "ſ"])


@given(st.lists(PARTNER_WORDS, max_size=14).map(" ".join), st.sampled_from(["export", "shipment", "visitor", "e", ""]))
def test_the_partner_of_a_flow_is_found_where_one_pattern_of_noun_and_preposition_finds_it(clause, noun):
    """extract.partner_end finds the noun alone and tries the rest after it: the same end as the single
    pattern it stands for (compiled for each noun, which cost half a millisecond a noun)."""
    from szcheck.extract import partner_end, partner_prepositions

    whole = re.compile(rf"\b{re.escape(noun)}(?:e?s)?\s+(?:{partner_prepositions()})\s+(?:the\s+)?(?=[A-Z])", re.I).search(clause)
    assert partner_end(noun, clause) == (whole.end() if whole else None)
