"""A decision's particulars: reference, title, decision maker, issuing body and dates.

Each row is the top of a decision as its web page or PDF reads, and what a careful
analyst takes from it. References are normalised to "PREFIX NUMBER" ("PCD 1234");
a field the row does not test is `ANY`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple
from unittest.mock import ANY

import pytest

from pipeline.extract.reference import normalise_reference, plausible_code
from schemas.record import DecisionRecord
from tests.case_records import Has, parametrize_groups
from tests.conftest import record_of


class Meta(NamedTuple):
    reference: Any = ANY
    title: Any = ANY
    decision_maker: Any = ANY
    body: Any = ANY
    signed: Any = ANY
    published: Any = ANY
    decided: Any = ANY


class MetadataCase(NamedTuple):
    id: str
    text: str
    expected: Meta


def record_to_meta(record: DecisionRecord) -> Meta:
    dates = record.dates
    return Meta(record.reference, record.title, record.decision_maker, record.body,
                dates.signed, dates.published, dates.decided)


MOPAC = "Mayor's Office for Policing and Crime"
GLA = "Greater London Authority"

GLA_PAGE = (
    "Fleet telematics renewal\n"
    "Reference code: PCD 1234\n"
    "Date signed: 14 March 2024\n"
    "Decision by: Sophie Linden, Deputy Mayor for Policing and Crime\n"
    "\n"
    "Executive summary\n"
    "The MPS fleet telematics contract expires in June 2024.\n"
)

CASES_FROM_ISSUE = [
    MetadataCase("web-page-particulars", GLA_PAGE,
                 Meta("PCD 1234", "Fleet telematics renewal",
                      "Sophie Linden, Deputy Mayor for Policing and Crime", MOPAC,
                      date(2024, 3, 14), None, None)),
    MetadataCase("mayoral-decision-page",
                 "Homes for Londoners: affordable housing programme 2021-2026\n"
                 "Reference code: MD2153\n"
                 "Date signed: 01 June 2017\n"
                 "Decision by: Sadiq Khan, Mayor of London\n",
                 Meta("MD 2153", "Homes for Londoners: affordable housing programme 2021-2026",
                      "Sadiq Khan, Mayor of London", GLA, date(2017, 6, 1), None, None)),
    MetadataCase("director-decision-reference-normalised",
                 "Estate security upgrade\n"
                 "Reference code: DD2707\n"
                 "Decision by: Executive Director, Housing and Land\n"
                 "The GLA owns the estate.\n",
                 Meta("DD 2707", "Estate security upgrade", "Executive Director, Housing and Land",
                      GLA)),
]

CASES_FROM_FORMAT = [
    MetadataCase("title-line-starts-with-code",
                 "PCD 1361 Youth diversion grants 2024-25\n"
                 "\n"
                 "Executive summary\n"
                 "This decision approves grants.\n",
                 Meta("PCD 1361", Has("Youth diversion grants"), body=MOPAC)),
    MetadataCase("reference-on-next-line",
                 "Custody cleaning services\n"
                 "Reference code:\n"
                 "PCD 203\n",
                 Meta("PCD 203", "Custody cleaning services", body=MOPAC)),
    MetadataCase("reference-glued", "Data centre migration\nReference code: PCD1234\n",
                 Meta("PCD 1234", "Data centre migration")),
    MetadataCase("dmpcd-reference", "Victim support helpline\nReference code: DMPCD 2015 129\n",
                 Meta("DMPCD 2015 129", "Victim support helpline", body=MOPAC)),
    MetadataCase("council-decision-number",
                 "KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION\n"
                 "DECISION NO: 24/00096\n"
                 "Decision maker: Cabinet Member for Highways\n",
                 Meta("24/00096", decision_maker="Cabinet Member for Highways",
                      body="Kent County Council")),
    MetadataCase("london-borough-body",
                 "London Borough of Southwark\n"
                 "Decision Ref: 2023/50\n"
                 "Date of decision: 21st March 2024\n"
                 "Publication date: 22/03/2024\n",
                 Meta("2023/50", body="London Borough of Southwark", decided=date(2024, 3, 21),
                      published=date(2024, 3, 22))),
    MetadataCase("dates-three-kinds",
                 "Training platform licences\n"
                 "Reference code: PCD 987\n"
                 "Date signed: 2 May 2023\n"
                 "Date published: 09/05/2023\n"
                 "Decision date: 1 May 2023\n",
                 Meta("PCD 987", signed=date(2023, 5, 2), published=date(2023, 5, 9),
                      decided=date(2023, 5, 1))),
    MetadataCase("iso-date", "Fleet replacement\nReference code: MD3012\nDate signed: "
                 "2024-02-29\n", Meta("MD 3012", signed=date(2024, 2, 29))),
    MetadataCase("abbreviated-month", "Fleet replacement\nReference code: MD3012\nDate signed: "
                 "5 Feb 2024\n", Meta("MD 3012", signed=date(2024, 2, 5))),
    MetadataCase("authorisation-name",
                 "Estate strategy refresh\n"
                 "Reference code: PCD 1500\n"
                 "Authorisation name:\n"
                 "Kaya Comer-Schwartz, Deputy Mayor for Policing and Crime\n",
                 Meta("PCD 1500", decision_maker="Kaya Comer-Schwartz, Deputy Mayor for "
                      "Policing and Crime")),
    MetadataCase("code-only-line",
                 "Stage 2 referral\n"
                 "PDU/0553/01\n"
                 "Planning report\n",
                 Meta("PDU/0553/01", "Stage 2 referral", body=GLA)),
    MetadataCase("skips-web-furniture",
                 "Skip to main content\n"
                 "Key information\n"
                 "Estate security upgrade\n"
                 "Reference code: DD2707\n"
                 "Directorate: GLA Housing and Land\n",
                 Meta("DD 2707", "Estate security upgrade", body=GLA)),
    MetadataCase(
        "pdf-decision-heading-then-title",
        "DMPC Decision – PCD 1026\n"
        "\n"
        "Title: Custody cleaning services\n"
        "\n"
        "Executive Summary:\n"
        "The custody cleaning contract expires in March.\n",
        Meta("PCD 1026", "Custody cleaning services", body=MOPAC)),
    MetadataCase(
        "mayoral-decision-pdf-heading",
        "MAYORAL DECISION – MD3012\n"
        "\n"
        "Title: Rough sleeping services 2024-25\n"
        "\n"
        "The Mayor of London approves the budget.\n",
        Meta("MD 3012", "Rough sleeping services 2024-25", body=GLA)),
    MetadataCase("decision-taken-by-signed-on",
                 "Cycle hire extension\n"
                 "Reference code: DD 2710\n"
                 "Signed on 3 April 2024\n"
                 "Decision taken by: Chief Finance Officer\n"
                 "The scheme runs across City Hall's estate.\n",
                 Meta("DD 2710", "Cycle hire extension", "Chief Finance Officer", GLA,
                      date(2024, 4, 3))),
    MetadataCase("ombudsman-reference",
                 "Local Government and Social Care Ombudsman\n"
                 "Complaint reference:\n"
                 "16 005 626\n"
                 "Decision published: 27/09/2023\n",
                 Meta("16 005 626", published=date(2023, 9, 27),
                      body="Local Government and Social Care Ombudsman")),
    MetadataCase("approved-by",
                 "Road safety grants\n"
                 "Reference code: MD3100\n"
                 "Approved by: Mayor of London\n",
                 Meta("MD 3100", "Road safety grants", "Mayor of London", GLA)),
    MetadataCase("reference-in-closing-line",
                 "Non-classroom training review\n"
                 "\n"
                 "Executive summary\n"
                 "This decision approves a review of non-classroom training.\n"
                 "\n"
                 "Signed decision document\n"
                 "PCD 651 Non-classroom training review\n",
                 Meta("PCD 651", "Non-classroom training review", body=MOPAC)),
]

NEGATIVES = [
    MetadataCase("no-reference", "Estate security upgrade\n\nExecutive summary\nThe MPS will "
                 "upgrade estate security.\n",
                 Meta(None, "Estate security upgrade", None, None, None, None, None)),
    MetadataCase("phone-number-is-not-reference",
                 "Estate security upgrade\n"
                 "Tel: 020 7983 4000\n",
                 Meta(reference=None)),
    MetadataCase("reference-label-without-code",
                 "Estate security upgrade\n"
                 "Reference: see the appendix\n",
                 Meta(reference=None)),
    MetadataCase("month-without-day-is-not-a-date",
                 "Estate security upgrade\n"
                 "Date signed: March 2024\n",
                 Meta(signed=None)),
    MetadataCase("impossible-date",
                 "Estate security upgrade\n"
                 "Date signed: 31/02/2024\n",
                 Meta(signed=None)),
]



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
]

# Dates by kind, from the places decisions print them (`pipeline.patterns.dates`).
DATES_FROM_FORMAT = [
    MetadataCase("publication-and-decision-labels",
                 "Library refit\n\nPublication date: 14/02/2023\n\nDate of decision: 10/02/2023\n",
                 Meta(published=date(2023, 2, 14), decided=date(2023, 2, 10), signed=None)),
    MetadataCase("decided-at-meeting",
                 "Library refit\nDecided at meeting: 07/03/2022 - Cabinet\n",
                 Meta(decided=date(2022, 3, 7))),
    MetadataCase("made-at-meeting",
                 "Library refit\nMade at meeting: 11/05/2021 - Joint Board\n",
                 Meta(decided=date(2021, 5, 11))),
    MetadataCase("issue-page-meeting-line",
                 "Issue - meetings\n\nLibrary refit\n\nMeeting: 18/10/2020 - Cabinet (Item 7)\n",
                 Meta(decided=date(2020, 10, 18))),
    MetadataCase("listing-line-opens-with-date",
                 "19/04/2022 - Library refurbishment ref: 501    Recommendations Approved\n",
                 Meta(decided=date(2022, 4, 19))),
    MetadataCase("listing-line-under-title",
                 "Issue - decisions\n\nRegional skills service\n\n12/09/2019 - Regional skills "
                 "service\n\nResolved - That the scheme proceeds.\n",
                 Meta(decided=date(2019, 9, 12))),
    MetadataCase("report-addressee-line",
                 "From: Cabinet Member for Finance\n\nTo: Cabinet, 14 March 2024\n\n"
                 "Subject: Budget monitoring\n",
                 Meta(decided=date(2024, 3, 14))),
    MetadataCase("minutes-title-line",
                 "Parish Liaison – Minutes – 3 March 2021\n\n4 GRANT APPLICATIONS – A report was "
                 "considered.\n",
                 Meta(decided=date(2021, 3, 3))),
    MetadataCase("minutes-held-on-weekday",
                 "Minutes of the meeting held on Tuesday 3 May 2022\n\nPresent: Councillors.\n",
                 Meta(decided=date(2022, 5, 3))),
    MetadataCase("signatory-closing-line",
                 "Grant to a business park study\n\nTo award a grant for a study.\n\n"
                 "Jo Smith, Monitoring Officer, Northshire Combined Authority 12/04/2019 "
                 "Not subject to Call-In Approved\n",
                 Meta(signed=date(2019, 4, 12))),
    MetadataCase("bare-date-label-heads-a-form",
                 "Date: 05/06/24\n\nTitle: Youth outreach grants\n",
                 Meta(published=date(2024, 6, 5))),
    MetadataCase("bare-date-label-under-signature",
                 "Youth outreach grants\nSignature: A. Person\nDate: 10/06/2024\n",
                 Meta(signed=date(2024, 6, 10))),
    MetadataCase("dated-in-a-table-row", "Northchurch rehousing\nVersion | Final\n"
                 "Dated | 3 March 2016\n", Meta(signed=date(2016, 3, 3))),
    MetadataCase("letter-date-alone-on-first-line",
                 "1 December 2010\n\nComplaint reference:\n10 001 234\n",
                 Meta(published=date(2010, 12, 1))),
    MetadataCase("report-date-alone-under-code",
                 "Planning report\nD&P/1234/01\n\n3 May 2012\n\nRiverside Wharf\n",
                 Meta(published=date(2012, 5, 3))),
    MetadataCase("label-value-on-later-line-is-not-a-lone-date",
                 "Reserves strategy\n\nDate of Decision:\n\n2nd February 2022\n",
                 Meta(decided=date(2022, 2, 2), published=None)),
    MetadataCase("signed-on-weekday", "Cycle hire\nSigned on Sunday 2 June 2019\n",
                 Meta(signed=date(2019, 6, 2))),
    MetadataCase("month-first-with-ordinal", "Cycle hire\nDecision date: November 30th 2024\n",
                 Meta(decided=date(2024, 11, 30))),
    MetadataCase("dotted-date", "Cycle hire\nDate signed: 11.06.2015\n",
                 Meta(signed=date(2015, 6, 11))),
    MetadataCase("sept-abbreviation", "Cycle hire\nDate signed: 5 Sept 2023\n",
                 Meta(signed=date(2023, 9, 5))),
]

DATE_NEGATIVES = [
    MetadataCase("background-paper-date-at-the-end",
                 "Library refit\n\n" + "The works start in spring. " * 150
                 + "\n\nBackground papers\nPublication date: 03/02/2019\n",
                 Meta(published=None)),
    MetadataCase("effective-from-is-not-decided",
                 "Library refit\nPublication date: 22/01/2025\nEffective from: 30/01/2025\n",
                 Meta(published=date(2025, 1, 22), decided=None)),
    MetadataCase("contract-period-in-a-sentence",
                 "Cleaning contract\n\nThe contract will start on 1 April 2024 and end on "
                 "31 March 2026.\n",
                 Meta(signed=None, published=None, decided=None)),
    MetadataCase("forward-plan-notice-dates",
                 "Road resurfacing\nNotice of proposed decision first published: 21/02/2014\n"
                 "Decision due: Not before 29th Sep 2014\n",
                 Meta(signed=None, published=None, decided=None)),
    MetadataCase("earlier-decision-in-a-sentence",
                 "Legacy grant\n\nThe Mayor approved the plan on 31 March 2015 under MD1492.\n",
                 Meta(signed=None, published=None, decided=None)),
    MetadataCase("month-only-date-label", "Northchurch rehousing\nDate: February 2015\n",
                 Meta(signed=None, published=None, decided=None)),
    MetadataCase("signed-by-a-name", "Youth grants\nSigned: Alex Lee, Deputy Mayor\n",
                 Meta(signed=None)),
    MetadataCase("timeline-value-under-a-label",
                 "Cleaning contract\nContract start:\n1 April 2024\n",
                 Meta(signed=None, published=None, decided=None)),
]

# Titles: labelled, a listing line's text, or the first line of content that can be one.
TITLES_FROM_FORMAT = [
    MetadataCase("listing-line-text",
                 "04/03/2022 - Bus shelter renewal ref: 812    Recommendations Approved\n",
                 Meta(title="Bus shelter renewal")),
    MetadataCase("issue-page-furniture-skipped",
                 "Issue - meetings\n\nBus shelter renewal\n\n"
                 "Meeting: 03/03/2022 - Cabinet (Item 5)\n",
                 Meta(title="Bus shelter renewal")),
    MetadataCase("accessibility-furniture-skipped",
                 "Accessibility Options\n\nMembership of a regional fleet buying group\n\n"
                 "Decision\n\nThe commissioner joins the group.\n",
                 Meta(title="Membership of a regional fleet buying group")),
    MetadataCase("code-alone-then-title",
                 "27 – 2015\n\nCustody suite cleaning\n\nThe PCC approved the contract.\n",
                 Meta(title="Custody suite cleaning")),
    MetadataCase("acronym-alone-then-title",
                 "UD\n\nRail franchise management agreement\n\nTo authorise the officer to sign.\n",
                 Meta(title="Rail franchise management agreement")),
    MetadataCase("label-and-its-value-skipped",
                 "Decision Ref:\n\nCFO 2014/07\n\n\nSettlement of a civil claim\n\n"
                 "The finance officer approved the settlement of the claim.\n",
                 Meta("CFO 2014/07", "Settlement of a civil claim")),
    MetadataCase("planning-report-title-over-two-lines",
                 "planning report\nD&P/1234/01\n\n3 May 2012\n\nRiverside Wharf, Deptford\n"
                 "Regeneration\n\nin the London Borough of Lewisham\n",
                 Meta(title="Riverside Wharf, Deptford Regeneration")),
    MetadataCase("labelled-title-markup-removed",
                 "Title: <strong>Decision</strong> <strong>making</strong> policy<br />\n",
                 Meta(title="Decision making policy")),
    MetadataCase("linked-document-size-removed",
                 "Transport budget proposals pdf icon PDF 120 KB\n\nConsider the proposals.\n",
                 Meta(title="Transport budget proposals")),
    MetadataCase("title-from-a-decision-link-line",
                 "The panel met on two occasions to consider applications for local funding.\n"
                 "Decision20511. Declined funding applications May 2017 (application, 80kB)\n",
                 Meta("20511", "Declined funding applications May 2017")),
    MetadataCase("title-from-the-closing-code-line",
                 "The MPS wants a learning tool that every officer and member of staff can use.\n\n"
                 "Signed decision document\nPCD 702 Online learning tool\n",
                 Meta("PCD 702", "PCD 702 Online learning tool")),
    MetadataCase("letter-subject-line",
                 "Our ref: AB/123\n\nDear Sir\n\nRe: Appeal by Mr X at Mill Lane\n",
                 Meta(title="Appeal by Mr X at Mill Lane")),
    MetadataCase("web-heading-ending-in-full-stop",
                 "Decision details\n\nCall-off for road salt supply - winter stock.\n\n"
                 "Reference: D61234\n\nDecision Maker: Director of Resources\n",
                 Meta("D 61234", "Call-off for road salt supply - winter stock.")),
    MetadataCase("issues-heading-is-no-label",
                 "Contract award for forensics\n\nIssues for consideration\nThe market is small.\n",
                 Meta(title="Contract award for forensics")),
]

TITLE_NEGATIVES = [
    MetadataCase("closing-code-line-is-a-sentence",
                 "The MPS wants a learning tool that every officer and member of staff can use.\n"
                 "\nPCD 702 was approved by the Deputy Mayor in May.\n",
                 Meta(title=None)),
    MetadataCase("letter-date-labels-and-heading",
                 "30 November 2016\n\nComplaint reference:\n16 005 626\n\nComplaint against:\n"
                 "Northtown Borough Council\n\nThe Ombudsman's final decision\n\n"
                 "Summary: The council was at fault.\n",
                 Meta(title=None)),
    MetadataCase("salutation-then-letter-text",
                 "Dear Sir\n\nThank you for your letter about the planning appeal at Mill Lane.\n",
                 Meta(title=None)),
    MetadataCase("file-references-and-salutation",
                 "Our ref: AB/123\nYour ref: 99\n\nDear Madam\n\nWe have decided your appeal.\n",
                 Meta(title=None)),
    MetadataCase("document-kind-and-code-only",
                 "planning report\nPDU/1111/01\n", Meta(title=None)),
    MetadataCase("form-labels-then-prose",
                 "Decision Maker: Cabinet\nDecision status: Recommendations Approved\n"
                 "Is Key decision?: No\nA replacement paper was tabled setting out the award.\n",
                 Meta(title=None)),
    MetadataCase("table-row-one-cell-a-line",
                 "2014/072\n|\nJane Doe\n|\nSale of former police house\n", Meta(title=None)),
    MetadataCase("heading-then-prose",
                 "Key information\nExecutive summary\nThe regulator expects forensic work to meet "
                 "set standards.\n",
                 Meta(title=None)),
    MetadataCase("form-value-na-and-declaration",
                 "Decision Reference Number: ABC2-0107\nLead Officer: Jo Bloggs\n"
                 "Chief Officer approval: N/A\nDate: 31/03/2025\n"
                 "I confirm that I have no interests to declare in this matter.\n",
                 Meta(title=None)),
    MetadataCase("short-sentence-is-no-title",
                 "The panel met in May.\nIt declined both bids.\n", Meta(title=None)),
    MetadataCase("wrapped-prose-is-no-title",
                 "The unit's current funding\nsettlement ends in March next year.\n",
                 Meta(title=None)),
]

# The deciding body, where the page names its issuer (`pipeline.extract.body`).
BODIES_FROM_FORMAT = [
    MetadataCase("report-table-cells",
                 "Item No. | Classification: Open | Decision maker: Cabinet Member for Parks\n"
                 "Report title | Park lighting renewal\n",
                 Meta(None, "Park lighting renewal", "Cabinet Member for Parks", None)),
    MetadataCase("capitals-masthead",
                 "NORTHSHIRE COUNTY COUNCIL – RECORD OF DECISION\nDECISION NO:\n25/00012\n",
                 Meta("25/00012", body="Northshire County Council")),
    MetadataCase("masthead-opening-a-long-line",
                 "Eastford City Council - Record of Decision I Councillor A. Person, Lead Member "
                 "for Environment, do hereby approve the quotation for the park works.\n",
                 Meta(body="Eastford City Council")),
    MetadataCase("decision-maker-is-the-body",
                 "Bus options\n\nDecision Maker: Northshire Combined Authority\n",
                 Meta(body="Northshire Combined Authority")),
    MetadataCase("decision-maker-role-of-the-body",
                 "Green grants\nDecision Maker: Chief Executive, West of Somerset Combined "
                 "Authority\n",
                 Meta(body="West of Somerset Combined Authority")),
    MetadataCase("decision-maker-abbreviated-body",
                 "Fuel cards\nDecision Maker: Treasurer GMCA\n",
                 Meta(body="Greater Manchester Combined Authority")),
    MetadataCase("signatory-closing-line",
                 "DD 82\n\nTransport study grant\n\nTo award a grant for a transport study.\n\n"
                 "Jo Smith, Monitoring Officer for the Northshire Combined Authority 15/05/2018 "
                 "Call-In Expired Approved\n",
                 Meta("DD 82", body="Northshire Combined Authority")),
    MetadataCase("commissioner-office-masthead",
                 "Office of the Police and Crime Commissioner for Westshire\nDecision Notice\n",
                 Meta(body="Office of the Police and Crime Commissioner for Westshire")),
]

BODY_NEGATIVES = [
    MetadataCase("party-complained-about",
                 "Complaint against:\nNorthtown Borough Council\n\nThe complaint\n",
                 Meta(body=None)),
    MetadataCase("council-in-a-sentence",
                 "Road safety\n\nThe PCC has a contract with Hartside Borough Council to run the "
                 "scheme.\n",
                 Meta(body=None)),
    MetadataCase("shared-series-prefix-without-its-body",
                 "DD 14\n\nBusiness park study\n\nTo award a grant of £20,000 for a study.\n",
                 Meta("DD 14", body=None)),
    MetadataCase("body-without-a-place",
                 "Budget\nDecision Maker: The Combined Authority\n", Meta(body=None)),
    MetadataCase("councils-in-a-closing-sentence",
                 "Play areas\n\nDurham County Council, working with Sunderland City Council, will "
                 "run the scheme.\n",
                 Meta(body=None)),
]

@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES,
                       reference=REFERENCES_FROM_FORMAT,
                       reference_negative=REFERENCE_NEGATIVES, dates=DATES_FROM_FORMAT,
                       dates_negative=DATE_NEGATIVES, titles=TITLES_FROM_FORMAT,
                       titles_negative=TITLE_NEGATIVES, bodies=BODIES_FROM_FORMAT,
                       bodies_negative=BODY_NEGATIVES),
)
def test_particulars(case: MetadataCase) -> None:
    assert record_to_meta(record_of(case.text)) == case.expected


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES, *REFERENCES_FROM_FORMAT,
             *REFERENCE_NEGATIVES, *DATES_FROM_FORMAT, *DATE_NEGATIVES, *TITLES_FROM_FORMAT,
             *TITLE_NEGATIVES, *BODIES_FROM_FORMAT, *BODY_NEGATIVES]


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
