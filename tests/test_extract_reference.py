"""A decision's own reference code, in every layout publishers print it.

Rows are the top of a decision as its page or PDF reads (written for these tests, modelled
on real layouts), and what a careful analyst takes from it; `Meta` fields a row does not
test are `ANY`. The shared row types are in `tests.test_extract_metadata`.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pipeline.extract.reference import normalise_reference, plausible_code
from tests.case_records import parametrize_groups
from tests.conftest import record_of
from tests.test_extract_metadata import Meta, MetadataCase, record_to_meta

# Reference codes in the layouts publishers print them (the rules in
# `pipeline.patterns.references`); the texts are written for these tests.
REFERENCES_FROM_FORMAT = [
    MetadataCase("plain-reference-label",
                 "Decision details\n\nReplacement of street lighting columns\n\n"
                 "Reference: D51234\n\nDecision Maker: Director of City Development\n",
                 Meta("D 51234")),
    MetadataCase("decision-reference-number-label",
                 "Decision Reference Number: ABC2-0107\nLead Officer: Jo Bloggs\n",
                 Meta("ABC2-0107")),
    MetadataCase("forward-plan-reference-in-brackets",
                 "Award of heating contracts (Forward Plan Reference FP2210)\n\n"
                 "Decision Maker: Cabinet\n",
                 Meta("FP 2210")),
    MetadataCase("appeal-reference",
                 "Appeal Decision\nAppeal Ref: APP/X1234/W/21/3265432\nLand at Mill Lane\n",
                 Meta("APP/X1234/W/21/3265432")),
    MetadataCase("decision-made-bracketed-code",
                 "Meeting: 02/03/2021 - Cabinet (Item 12)\n\nDECISION MADE: (CAB 20/21 30412)\n\n"
                 "Cabinet agreed to accept the grant.\n",
                 Meta("CAB 20/21 30412")),
    MetadataCase("listing-line-ref",
                 "21/03/2023 - Library refurbishment ref: 4410    Recommendations Approved\n\n"
                 "Decision Maker: Director of Resources\n",
                 Meta("4410")),
    MetadataCase("title-starts-with-bare-code",
                 "2019-48812 Cleaning contract renewal\n\nThe current contract ends in May.\n",
                 Meta("2019-48812")),
    MetadataCase("code-with-spaced-dash-alone",
                 "31 – 2016\n\nCCTV upgrade\n\nThe commissioner approved the upgrade.\n",
                 Meta("31 – 2016")),
    MetadataCase("code-then-table-bar",
                 "2014/072\n|\nJane Doe\n|\nSale of former police house\n",
                 Meta("2014/072")),
    MetadataCase("code-with-full-stop-then-officer",
                 "2016.091 John Smith\n\nAward of contract for vehicle hire\n",
                 Meta("2016.091")),
    MetadataCase("code-broken-at-its-hyphen",
                 "2019-\n204511\nFunding - Youth boxing club\n\nThe club runs sessions.\n",
                 Meta("2019-204511")),
    MetadataCase("named-series-with-number",
                 "XFRS Decision Record 17 – Breathing apparatus\nDecision taken\n",
                 Meta("XFRS Decision Record 17")),
    MetadataCase("decision-log-series",
                 "Decision Log 014/2019\nTitle: Estates strategy\n",
                 Meta("Decision Log 014/2019")),
    MetadataCase("decision-then-code-then-title",
                 "Decision 031-2020 – Victim services\n\nDecision 031-2020 is confidential.\n",
                 Meta("031-2020")),
    MetadataCase("listing-link-decision-number",
                 "The panel considered two bids and declined both.\n"
                 "Decision20511. Declined funding applications May 2017 (application, 80kB)\n",
                 Meta("20511")),
    MetadataCase("code-alone-after-notice-heading",
                 "EASTSHIRE POLICE AND CRIME COMMISSIONER<br />\n\nNOTICE OF DECISION<br />\n\n"
                 "041/2014<br />\n\nContact Officer: Al Jones<br />\n",
                 Meta("041/2014")),
    MetadataCase("slashed-code-with-letters",
                 "Planning report\nD&P/0321b/01\n\nTown centre redevelopment\n",
                 Meta("D&P/0321b/01")),
    MetadataCase("listing-line-after-an-introduction",
                 "Decisions\n\nThis page lists the decisions our cabinet members have taken.\n\n"
                 "Decisions published\n\n04/03/2021 - Allotment rent review ref: 3312    "
                 "Recommendations Approved\n\nDecision Maker: Cabinet Member for Parks\n",
                 Meta("3312", "Allotment rent review")),
    MetadataCase("prefix-code-then-dash-opens-title",
                 "Decision details\n\nNCA 217 - Bus shelter renewal programme\n\n"
                 "Decision Maker: Northshire Combined Authority\n",
                 Meta("NCA 217")),
    MetadataCase("planning-code-after-agenda-item-number",
                 "14 22/01873/FUL - Land north of Mill Lane, Eastham PDF 310 KB\n"
                 "Full application for ten dwellings.\n",
                 Meta("22/01873/FUL")),
    MetadataCase("planning-code-glued-letter-after-application",
                 "Minutes:\nMembers had a report on planning application No. 12/0481M.\n"
                 "RESOLVED: That the application be approved.\n",
                 Meta("12/0481M")),
    MetadataCase("planning-code-after-application-ref",
                 "Planning Committee\nApplication Ref: 21/00934/OUT\nSite: Land at Hill Farm\n",
                 Meta("21/00934/OUT")),
    MetadataCase("planning-code-labelled",
                 "Change of use of a barn\nReference: 2019/0412/FUL\n", Meta("2019/0412/FUL")),
    MetadataCase("financial-year-series-code-closes-title",
                 "Decision details\n\nAward of the grounds maintenance contract PLD07 21/22\n\n"
                 "Decision Maker: Director of Place\n",
                 Meta("PLD07 21/22")),
    MetadataCase("key-decision-code-in-square-brackets",
                 "Depot relocation - Report of the Director of Environment [Key Decision: "
                 "ENV/09/22]\n\nThe Cabinet considered the report.\n",
                 Meta("ENV/09/22")),
]

REFERENCE_NEGATIVES = [
    MetadataCase("letter-file-references",
                 "Our ref: JB/2291\nYour ref: 12345\n\nDear Sir\n\nPlanning appeal at Mill Lane\n",
                 Meta(reference=None)),
    MetadataCase("framework-ref-on-title-line",
                 "Call-off for fuel cards from the framework ref: RM6186    Approved\n",
                 Meta(reference=None)),
    MetadataCase("company-number",
                 "Contract award for office cleaning\nCompany number: 01234567\n",
                 Meta(reference=None)),
    MetadataCase("bracketed-ref-in-a-sentence",
                 "Cleaning contract extension\nThe contract (ref: 40021) was let in 2019.\n",
                 Meta(reference=None)),
    MetadataCase("financial-year-opens-title",
                 "2018-19 Revenue budget monitoring\n\nThe forecast is an overspend.\n",
                 Meta(reference=None)),
    MetadataCase("year-range-opens-title",
                 "2017-2021 Police and Crime Plan refresh\n\nThe plan is refreshed.\n",
                 Meta(reference=None)),
    MetadataCase("upload-date-opens-page",
                 "11.06.2016 Views\n\nDecision notice\n\nThe commissioner agreed.\n",
                 Meta(reference=None)),
    MetadataCase("month-and-year-opens-title",
                 "06/2015 Progress report\n\nWork continues.\n", Meta(reference=None)),
    MetadataCase("paragraph-number-opens-text",
                 "1.1 The purpose of this report is to seek approval.\n", Meta(reference=None)),
    MetadataCase("numbered-resolution",
                 "Budget setting\nDecision 2: To approve the budget.\n", Meta(reference=None)),
    MetadataCase("decision-made-numbered-item",
                 "Budget setting\nDECISION MADE: (1) That the report be noted.\n",
                 Meta(reference=None)),
    MetadataCase("road-name-opens-title",
                 "A1 junction improvement scheme\n\nThe scheme widens the junction.\n",
                 Meta(reference=None)),
    MetadataCase("phone-number-alone",
                 "Estate security upgrade\n0121-626-6060\n", Meta(reference=None)),
    MetadataCase("acronym-and-year-open-title",
                 "ULEZ 2023 - Scrappage grants extended\n\nThe scheme is extended.\n",
                 Meta(reference=None)),
    MetadataCase("acronym-and-short-number-open-title",
                 "COVID 19 - Business support grants\n\nGrants are paid to firms.\n",
                 Meta(reference=None)),
    MetadataCase("framework-number-opens-title",
                 "RM6187 - Management consultancy call-off\n\nA call-off is proposed.\n",
                 Meta(reference=None)),
    MetadataCase("standard-number-opens-title",
                 "ISO 9001 - Renewal of quality certification\n\nThe audit is due.\n",
                 Meta(reference=None)),
    MetadataCase("service-number-opens-title",
                 "NHS 111 - Out of hours service review\n\nThe review is noted.\n",
                 Meta(reference=None)),
    MetadataCase("prefix-code-without-a-dash",
                 "NCA 217 bus shelters were repaired last year.\n", Meta(reference=None)),
    MetadataCase("two-planning-applications",
                 "Minutes:\nThe report covered application 21/01234/FUL and the earlier "
                 "application 19/00871/OUT, which was refused.\n",
                 Meta(reference=None)),
    MetadataCase("planning-code-without-application",
                 "Land at Mill Lane\n\nThe site had permission under 20/01234/FUL in 2020.\n",
                 Meta(reference=None)),
    MetadataCase("application-inside-a-longer-word",
                 "Minutes:\nThe reapplication 21/01234/FUL was withdrawn.\n", Meta(reference=None)),
    MetadataCase("key-decision-yes",
                 "Library opening hours\nKey decision: Yes\n", Meta(reference=None)),
    MetadataCase("key-decision-criterion-number",
                 "Library opening hours\nKey decision: 2 (spending above £500,000)\n",
                 Meta(reference=None)),
    MetadataCase("year-pair-not-a-financial-year",
                 "Award of the grounds maintenance contract PLD07 21/24\n\nThe work is let.\n",
                 Meta(reference=None)),
    MetadataCase("listing-line-without-a-ref",
                 "Decisions published\n\n11/08/2020 - Grants top-up fund    Approved\n",
                 Meta(reference=None)),
]


@pytest.mark.parametrize(
    "case", parametrize_groups(format=REFERENCES_FROM_FORMAT, negative=REFERENCE_NEGATIVES)
)
def test_reference(case: MetadataCase) -> None:
    assert record_to_meta(record_of(case.text)) == case.expected


class Normalised(NamedTuple):
    id: str
    raw: str
    expected: str


# The scorer compares references through `normalise_reference`, so it must keep codes apart
# that differ and bring together only spacing and a glued letter prefix.
NORMALISED = [
    Normalised("glued-prefix-spaced", "DD2707", "DD 2707"),
    Normalised("double-space-collapsed", "PCD  651", "PCD 651"),
    Normalised("line-broken-hyphen-joined", "2019-\n204511", "2019-204511"),
    Normalised("prefix-of-a-longer-code-kept", "WPC3-0054", "WPC3-0054"),
    Normalised("month-code-kept", "AUG25/CMDN/28", "AUG25/CMDN/28"),
    Normalised("spaced-dash-kept", "25 – 2013", "25 – 2013"),
    Normalised("slashed-code-kept", "PDU/0553/01", "PDU/0553/01"),
]


@pytest.mark.parametrize("case", NORMALISED, ids=[c.id for c in NORMALISED])
def test_normalise_reference(case: Normalised) -> None:
    assert normalise_reference(case.raw) == case.expected


class Plausible(NamedTuple):
    id: str
    code: str
    labelled: bool
    expected: bool


PLAUSIBLE = [
    Plausible("date-never", "13/07/2021", True, False),
    Plausible("labelled-year-and-number", "2023/24", True, True),
    Plausible("unlabelled-financial-year", "2023/24", False, False),
    Plausible("unlabelled-year-range", "2017-2021", False, False),
    Plausible("unlabelled-month-year", "6/2015", False, False),
    Plausible("unlabelled-year-month", "2024-03", False, False),
    Plausible("labelled-year-and-serial-like-a-month", "2023/12", True, True),
    Plausible("unlabelled-short-number", "1.2", False, False),
    Plausible("unlabelled-year-and-serial", "2013/038", False, True),
    Plausible("unlabelled-prefixed", "PCD 12", False, True),
    Plausible("labelled-short-number", "12", True, True),
    Plausible("no-digit", "UD", True, False),
]


@pytest.mark.parametrize("case", PLAUSIBLE, ids=[c.id for c in PLAUSIBLE])
def test_plausible_code(case: Plausible) -> None:
    assert plausible_code(case.code, labelled=case.labelled) is case.expected
