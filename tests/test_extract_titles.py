"""A decision's title, and the lines that are never one.

Rows are the top of a decision as its page or PDF reads (written for these tests, modelled
on real layouts), and what a careful analyst takes from it; `Meta` fields a row does not
test are `ANY`. The shared row types are in `tests.test_extract_metadata`.
"""

from __future__ import annotations

import pytest

from tests.case_records import parametrize_groups
from tests.conftest import record_of
from tests.test_extract_metadata import Meta, MetadataCase, record_to_meta

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
    MetadataCase("furniture-names-joined-on-one-line",
                 "Accessibility Settings Skip to main content\n\nFleet charging pilot\n\n"
                 "Date: 4th June 2024\n",
                 Meta(title="Fleet charging pilot")),
    MetadataCase("tab-names-after-a-dash",
                 "- Decision details Content\nDecision details\nDepot roof repairs\n"
                 "Decision Maker: Cabinet\n",
                 Meta(title="Depot roof repairs")),
    MetadataCase("template-placeholder-then-listing",
                 "{meta} 1 May 2021 - 14 May 2021\nDecisions\n"
                 "Our cabinet members' decisions are listed here.\nDecisions published\n"
                 "03/05/2021 - Parks byelaws ref: 1180    Recommendations Approved\n",
                 Meta("1180", "Parks byelaws")),
    MetadataCase("masthead-and-issue-furniture-skipped",
                 "Eastford District Council\nIssue\nIssue details\nGrant to a village hall\n"
                 "Decision type: Non-key\n",
                 Meta(title="Grant to a village hall", body="Eastford District Council")),
    MetadataCase("agenda-item-number-and-colon-on-a-linked-line",
                 "11: Borrowing powers for housing PDF 194 KB\nTo consider the regulations.\n",
                 Meta(title="Borrowing powers for housing")),
    MetadataCase("agenda-item-number-on-a-linked-line",
                 "7 Leisure centre roof pdf icon PDF 88 KB\n\nMembers agreed the works.\n",
                 Meta(title="Leisure centre roof")),
    MetadataCase("role-words-opening-a-report-title",
                 "Director of Public Health annual report\n\nThe report is noted.\n",
                 Meta(title="Director of Public Health annual report")),
]

TITLE_NEGATIVES = [
    MetadataCase("script-markup-is-kept-as-text",
                 "Website <script>alert(1)</script> refresh\nReference code: MD 9105\n",
                 Meta(title="Website <script>alert(1)</script> refresh")),
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
    MetadataCase("number-kept-without-a-link",
                 "3 Year Capital Programme\n\nThe programme is set.\n",
                 Meta(title="3 Year Capital Programme")),
    MetadataCase("role-and-holder-line",
                 "Officer Decisions\nHead of Estates - Jo Bloggs\nSummary of decision:\n"
                 "To let the depot.\n",
                 Meta(title=None)),
    MetadataCase("resolution-lead-in",
                 "That Cabinet\n1) approves the plan;\n2) notes the risks.\n", Meta(title=None)),
    MetadataCase("line-ending-mid-clause",
                 "Having considered the exempt appendix, it was\n(1) the award be approved;\n",
                 Meta(title=None)),
    MetadataCase("purpose-sentence-before-a-label",
                 "To consider the above report.\nMinutes:\nThe committee agreed.\n",
                 Meta(title=None)),
    MetadataCase("agenda-listing-item-numbers",
                 "Agenda and decisions\nVenue: Town Hall\nMedia\nItems\nNo. Item\n1.\n"
                 "Apologies\n", Meta(title=None)),
    MetadataCase("issuer-name-then-prose",
                 "Northshire County Council\n\nThe council agreed to sell the depot.\n",
                 Meta(title=None)),
]


@pytest.mark.parametrize(
    "case", parametrize_groups(format=TITLES_FROM_FORMAT, negative=TITLE_NEGATIVES)
)
def test_titles(case: MetadataCase) -> None:
    assert record_to_meta(record_of(case.text)) == case.expected
