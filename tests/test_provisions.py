"""The canonical provision form and the table's tolerant reading of titles, as tables.

`canonical_provision` is what the extractor writes and what the scorer compares: the
outermost provision first, parts after a comma, bracketed parts written onto their
provision. `instrument_by_name` resolves a title as written to the documented table,
tolerating the slips real decisions make and refusing what would be another instrument.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pipeline.extract.instruments import instrument_by_name
from pipeline.extract.provisions import canonical_provision, provision_in
from tests.case_records import parametrize_groups


class ProvisionCase(NamedTuple):
    id: str
    text: str
    expected: str | None  # provision_in: None when the text is not one provision


PROVISION_FORMS = [
    ProvisionCase("section", "section 149(1)", "section 149(1)"),
    ProvisionCase("abbreviated-section", "s.22A", "section 22A"),
    ProvisionCase("glued-section", "s106", "section 106"),
    ProvisionCase("paragraph-of-schedule", "paragraph 3 of Schedule 12A",
                  "schedule 12A, paragraph 3"),
    ProvisionCase("outer-first-abbreviated", "Sch. 12A, para 3", "schedule 12A, paragraph 3"),
    ProvisionCase("part-of-schedule", "Part 1 of Schedule 12A", "schedule 12A, part 1"),
    ProvisionCase("three-levels", "paragraph 3 of Part 1 of Schedule 12A",
                  "schedule 12A, part 1, paragraph 3"),
    ProvisionCase("bracketed-paragraph-of-regulation", "Paragraph (4) of Regulation K5",
                  "regulation K5(4)"),
    ProvisionCase("subsection-of-section", "subsection (2) of section 38", "section 38(2)"),
    ProvisionCase("plain-paragraph-of-article", "paragraph 1 of Article 6", "article 6(1)"),
    ProvisionCase("sub-paragraph-of-paragraph", "sub-paragraph (b) of paragraph 3",
                  "paragraph 3(b)"),
    ProvisionCase("article-of-protocol", "Article 1 of Protocol 1", "protocol 1, article 1"),
    ProvisionCase("range-kept", "sections 12 to 15", "sections 12 to 15"),
    ProvisionCase("innermost-first-by-comma", "paragraph 3, Schedule 12A",
                  "schedule 12A, paragraph 3"),
    ProvisionCase("three-levels-innermost-first-by-comma", "para 3, Part 1, Sch 12A",
                  "schedule 12A, part 1, paragraph 3"),
    ProvisionCase("roman-part-of-schedule", "Part IV of Schedule 9", "schedule 9, part IV"),
    ProvisionCase("roman-part-with-letter", "Part VA", "part VA"),
]

NOT_PROVISIONS = [
    ProvisionCase("an-act", "Public Contracts Regulations 2015", None),
    ProvisionCase("provision-of-an-act", "section 22A of the Police Act 1996", None),
    ProvisionCase("a-list-is-not-one", "sections 30 and 34", None),
    ProvisionCase("words", "the general power", None),
    ProvisionCase("lower-case-roman", "part iv", None),
    ProvisionCase("comma-between-unknown-kinds", "section 5, the schedule", None),
]


@pytest.mark.parametrize("case", parametrize_groups(form=PROVISION_FORMS,
                                                    negative=NOT_PROVISIONS))
def test_provision_in(case: ProvisionCase) -> None:
    assert provision_in(case.text) == case.expected


@pytest.mark.parametrize("case", parametrize_groups(negative=NOT_PROVISIONS))
def test_canonical_provision_keeps_other_text(case: ProvisionCase) -> None:
    assert canonical_provision(f" {case.text}  ") == case.text


class TitleCase(NamedTuple):
    id: str
    text: str
    expected: str | None  # the table's name, or None: not resolved


TITLES_RESOLVED = [
    TitleCase("exact", "Localism Act 2011", "Localism Act 2011"),
    TitleCase("ampersand", "Town & Country Planning Act 1990",
              "Town and Country Planning Act 1990"),
    TitleCase("plural-dropped", "Police Pension Regulations 1987",
              "Police Pensions Regulations 1987"),
    TitleCase("short-misspelling", "Financial Services Market Act 2000",
              "Financial Services and Markets Act 2000"),
    TitleCase("ending-added", "Public Contracting Regulations 2015",
              "Public Contracts Regulations 2015"),
    TitleCase("start-lost", "Social Responsibility Act 2011",
              "Police Reform and Social Responsibility Act 2011"),
    TitleCase("start-lost-bracketed", "Local Policing Bodies (Specified Information) Order 2011",
              "Elected Local Policing Bodies (Specified Information) Order 2011"),
    TitleCase("inner-word-added", "Police Property Act Regulations 1997",
              "Police (Property) Regulations 1997"),
    TitleCase("without-brackets", "Police Property Regulations 1997",
              "Police (Property) Regulations 1997"),
]

TITLES_REFUSED = [
    TitleCase("other-year", "Localism Act 2012", None),
    TitleCase("too-short-to-be-a-cut", "Responsibility Act 2011", None),
    TitleCase("short-real-title", "Planning Act 2008", None),
    TitleCase("bracketed-word-added", "Local Government (Scotland) Act 2003", None),
    TitleCase("first-word-added", "Council Local Government Act 1972", None),
    TitleCase("two-words-differ", "Public Procurement Contracting Regulations 2015", None),
    TitleCase("short-words-differ", "Crime Act 1998", None),
]


@pytest.mark.parametrize("case", parametrize_groups(resolved=TITLES_RESOLVED,
                                                    refused=TITLES_REFUSED))
def test_instrument_by_name(case: TitleCase) -> None:
    found = instrument_by_name(case.text)
    assert (found.name if found else None) == case.expected
