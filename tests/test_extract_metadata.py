"""A decision's particulars: reference, title, decision maker, issuing body and dates.

Each row is the top of a decision as its web page or PDF reads, and what a careful
analyst takes from it. References are normalised to "PREFIX NUMBER" ("PCD 1234");
a field the row does not test is `ANY`. The tables for each particular's own rules are in
`test_extract_reference`, `test_extract_dates` and `test_extract_titles`; the deciding body's
are here.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple
from unittest.mock import ANY

import pytest

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
    MetadataCase("record-heading-below-a-listing",
                 "Decisions published\n\n12/04/2022 - Street trading policy ref: 5521    "
                 "Recommendations Approved\n\nDecision Maker: Lead Member for Licensing\n\n"
                 "Decision:\n\nNorthtown City Council - Record of Decision\n\n"
                 "I, Councillor A Person, approve the street trading policy.\n",
                 Meta("5521", body="Northtown City Council")),
    MetadataCase("council-named-by-its-place-in-a-masthead",
                 "Westmoor Council\nDecision notice\nSale of the old depot\n",
                 Meta(title="Sale of the old depot", body="Westmoor Council")),
    MetadataCase("masthead-then-its-telephone-number",
                 "Westmoor CouncilTel: 01234 567 890\nMinute of the Roads Committee\n",
                 Meta(body="Westmoor Council")),
    MetadataCase("commissioner-named-place-first-by-a-signing-line",
                 "Executive Summary\nThe commissioner wants to fund local projects.\n"
                 "The fund is open to charities.\nThe panel met twice.\nBids were scored.\n"
                 "Approval\nWest Shire Police and Crime Commissioner\n"
                 "I hereby approve the above proposal\nSigned: A Person\n",
                 Meta(body="West Shire Police and Crime Commissioner")),
    MetadataCase("national-park-authority-decides",
                 "Footpath repairs\nDecision Maker: Northmoor National Park Authority\n",
                 Meta(body="Northmoor National Park Authority")),
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
    MetadataCase("meeting-named-council-masthead",
                 "Full Council\nBudget setting 2024/25\n", Meta(body=None)),
    MetadataCase("kind-of-council-before-a-record-heading",
                 "Hall repairs\nThe works were costed.\nThe quotes were compared.\n"
                 "The hall is listed.\nThe roof leaks.\nThe works start soon.\n"
                 "Parish Council - Record of Decision\n",
                 Meta(body=None)),
    MetadataCase("council-by-place-in-a-sentence",
                 "Road safety grants\n\nThe grant was paid to Westmoor Council last year.\n",
                 Meta(body=None)),
    MetadataCase("decision-maker-is-a-meeting",
                 "Town centre plan\nDecision Maker: Full Council\n", Meta(body=None)),
    MetadataCase("another-party-signs-on-its-behalf",
                 "Grant agreement\nThe grant is paid on these terms.\nThe terms are fixed.\n"
                 "Payment is quarterly.\nReports are due yearly.\nThe term is two years.\n"
                 "Signed on behalf of the recipient:\nEastham Borough Council\n",
                 Meta(body=None)),
    MetadataCase("record-heading-of-no-body",
                 "Hall repairs\nThe works were costed.\nThe quotes were compared.\n"
                 "The hall is listed.\nThe roof leaks.\nThe works start soon.\n"
                 "Cabinet Member - Record of Decision\n",
                 Meta(body=None)),
]

@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES,
                       bodies=BODIES_FROM_FORMAT, bodies_negative=BODY_NEGATIVES),
)
def test_particulars(case: MetadataCase) -> None:
    assert record_to_meta(record_of(case.text)) == case.expected


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES, *BODIES_FROM_FORMAT,
             *BODY_NEGATIVES]
