"""A decision's own dates by kind (decided, published, signed), and dates that are none.

Rows are the top of a decision as its page or PDF reads (written for these tests, modelled
on real layouts), and what a careful analyst takes from it; `Meta` fields a row does not
test are `ANY`. The shared row types are in `tests.test_extract_metadata`.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.case_records import parametrize_groups
from tests.conftest import record_of
from tests.test_extract_metadata import Meta, MetadataCase, record_to_meta

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

DATES_FROM_MEETINGS = [
    MetadataCase("agenda-item-meeting-line",
                 "Agenda item\nUrgent Item - Visitor centre roof\n"
                 "- Meeting of Northmoor Park Authority, Friday 7th June 2019 10.00 am (Item 12/19)"
                 "\n- View the background to item 12/19\n",
                 Meta(decided=date(2019, 6, 7), published=None)),
    MetadataCase("minutes-open-with-the-meeting",
                 "At a MEETING of the ROADS SUB-COMMITTEE held in the Town Hall, Eastham on "
                 "Tuesday 9 April 1996 at 2.00 pm.\nPresent: Councillors A and B.\n",
                 Meta(decided=date(1996, 4, 9))),
    MetadataCase("title-line-closes-with-a-date",
                 "12-2017 – Regional fleet collaboration agreement – 3 May 2017\n"
                 "Executive Summary:\nThe forces share a fleet workshop.\n",
                 Meta(published=date(2017, 5, 3), decided=None)),
]

DATE_NEGATIVES = [
    MetadataCase("meeting-in-a-sentence",
                 "Visitor centre roof\n\nThe report went to the meeting of the Board on 7 June "
                 "2019 for noting.\n",
                 Meta(signed=None, published=None, decided=None)),
    MetadataCase("meeting-line-far-down",
                 "Visitor centre roof\n" + "The roof leaks.\n" * 12
                 + "Meeting of Northmoor Park Authority, Friday 7th June 2019\n",
                 Meta(decided=None)),
    MetadataCase("title-closes-with-a-period",
                 "Parking charges – from 1 April 2024\n\nThe charges rise.\n",
                 Meta(signed=None, published=None, decided=None)),
    MetadataCase("date-closing-a-later-line",
                 "Fleet collaboration agreement\nThe agreement was signed – 3 May 2017\n",
                 Meta(signed=None, published=None, decided=None)),
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


@pytest.mark.parametrize(
    "case", parametrize_groups(format=DATES_FROM_FORMAT, meetings=DATES_FROM_MEETINGS,
                               negative=DATE_NEGATIVES)
)
def test_dates(case: MetadataCase) -> None:
    assert record_to_meta(record_of(case.text)) == case.expected
