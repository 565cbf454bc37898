"""Patterns matched only where a match can start, for speed, find what a plain search finds.

- the provision patterns before an instrument (`provisions._ending_at`): for any text and
  any end, the match a search of the window finds, the same span and the same groups;
- the sections cited as names (`citations._matches_at`): every match `finditer` finds.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import citations, provisions
from pipeline.patterns.legislation import (
    BARE_SECTION,
    BARE_SECTION_ABBREVIATED,
    PROVISION_BEFORE,
    PROVISION_BESIDE,
    PROVISION_BESIDE_TITLE,
    PROVISION_COMMA,
    PROVISION_OF,
    PROVISION_SIBLING,
)

# Each pattern with the cheap test of its ending that `provisions` uses before it.
PATTERNS = [
    (PROVISION_BEFORE, None),
    (PROVISION_BESIDE, None),
    (PROVISION_BESIDE_TITLE, None),
    (PROVISION_OF, provisions._OF_BEFORE),
    (PROVISION_COMMA, provisions._COMMA_BEFORE),
    (PROVISION_SIBLING, provisions._LIST_WORD_BEFORE),
]

# Provisions in their forms and cases (a long s folds to "s"), with ids, lists, and the
# links after them; protocols (which may start inside a word: "bathe First Protocol"); noise.
WORDS = st.sampled_from([
    "section", "Section", "SECTION", "ſection", "sections", "s.", "s", "ss.", "sub-section",
    "article", "Art.", "arts.", "regulation", "reg", "Regs.", "schedule", "Schedule", "Sch.",
    "paragraph", "para.", "sub-paragraph", "sub paragraph", "Part", "parts", "rule", "chapter",
    "clause", "Protocol No.",
])
IDS = st.lists(st.sampled_from(["149", "12A", "22a", "4.14", "K5", "149(1)", "(4A)(b)", "( 2 )",
                                "1", "IV", "VA", "iv"]), min_size=1, max_size=3)
PROTOCOLS = st.sampled_from(["the First Protocol", "Thirteenth Protocol", "bathe Sixth Protocol",
                             "the Schedule", "Protocol 1"])
LINKS = st.sampled_from([" of ", " to ", " under the ", " into ", "\nof the above ", ", ", ",",
                         " and ", " or ", " & ", ", and ", " ", "  ", "\t", ""])
NOISE = st.sampled_from(["", "", "regard to ", ' ("s106")', " agreement", "x", "_", "é", "-",
                         "\u00a0", "\n"])
LISTED = st.builds(
    lambda word, space, ids, separator: f"{word}{space}{separator.join(ids)}",
    WORDS, st.sampled_from(["", " ", "\n"]), IDS, st.sampled_from([", ", " and ", "-", " to "]),
)
PROVISION = st.builds(lambda noise, level, link: f"{noise}{level}{link}",
                      NOISE, st.one_of(LISTED, PROTOCOLS), LINKS)
TEXTS = st.lists(PROVISION, min_size=1, max_size=6).map("".join)


def _same(fast: re.Match[str] | None, searched: re.Match[str] | None) -> bool:
    if fast is None or searched is None:
        return fast is None and searched is None
    return fast.span() == searched.span() and fast.groupdict() == searched.groupdict()


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.floats(min_value=0, max_value=1))
def test_matched_at_starts_as_searched(text: str, where: float) -> None:
    for end in {len(text), round(where * len(text))}:
        for pattern, ending in PATTERNS:
            searched = pattern.search(text, max(0, end - provisions._WINDOW), end)
            assert _same(provisions._ending_at(pattern, text, end, ending), searched), (
                pattern.pattern[:60], text[:end])


# Sections cited as names, with the words after them that make them one, and noise.
BARE_TEXTS = st.lists(st.sampled_from([
    "Section", "section", "S", "s", "s.", "S.", "ss", "Ssection", "sS106", "106", "278", "12345",
    "5A", " ", "\n", ".", "x", "_", "é", " Agreements", " contributions", " monies", " receipts",
    " open space contributions", " Community Facilities contributions", " and funds",
    " Planning Obligations",
]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(BARE_TEXTS)
def test_bare_sections_matched_at_starts_as_found(text: str) -> None:
    starts = [found.start() for found in citations._BARE_START.finditer(text)]
    for pattern in (BARE_SECTION, BARE_SECTION_ABBREVIATED):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in citations._matches_at(pattern, text, starts)]
        assert got == expected, text
