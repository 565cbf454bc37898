"""Recommendations: the numbered items a decision asks its decision maker to agree.

Each row is a recommendations block (or a lead-in sentence) in the style of a decision,
and the items a careful analyst reads from it, in order: the item's number as written
(None for bullets and single sentences), its action, and what its text must contain.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from schemas.record import DecisionRecord
from tests.case_records import Has, OneOf, parametrize_groups
from tests.conftest import record_of


class Rec(NamedTuple):
    number: Any
    action: str
    text: Any


class RecommendationCase(NamedTuple):
    id: str
    text: str
    expected: tuple[Rec, ...]


def record_to_recommendations(record: DecisionRecord) -> list[Rec]:
    return [Rec(r.number, r.action, r.text) for r in record.recommendations]


CASES_FROM_ISSUE = [
    RecommendationCase(
        "heading-lead-in-numbered",
        "Recommendations\n"
        "The Deputy Mayor for Policing and Crime is recommended to:\n"
        "1. Approve expenditure of up to £500,000 on the pilot.\n"
        "2. Note the evaluation plan at Appendix A.\n"
        "3. Delegate authority to the Chief Finance Officer to sign the contract.\n",
        (Rec("1", "approve", Has("expenditure of up to £500,000")),
         Rec("2", "note", Has("evaluation plan")),
         Rec("3", "delegate", Has("Chief Finance Officer")))),
    RecommendationCase(
        "singular-heading-asked-to",
        "Recommendation\n"
        "The DMPC is asked to approve the award of a contract to Northgate Analytics Ltd.\n",
        (Rec(None, "approve", Has("award of a contract")),)),
    RecommendationCase(
        "accept-and-agree",
        "Recommendations:\n"
        "1. Accept the grant of £2m from the Ministry of Justice.\n"
        "2. Agree the allocation of the grant set out in paragraph 3.4.\n",
        (Rec("1", "accept", Has("grant of £2m")), Rec("2", "agree", Has("allocation")))),
    RecommendationCase(
        "heading-recommendation-s",
        "Recommendation(s)\n"
        "1. Approve the extension of the contract by 12 months.\n"
        "2. Note the savings achieved in 2023/24.\n",
        (Rec("1", "approve", Has("extension")), Rec("2", "note", Has("savings")))),
]

CASES_FROM_FORMAT = [
    RecommendationCase(
        "asked-to-lettered",
        "Recommendations\n"
        "The Executive Director is asked to:\n"
        "a) approve the purchase of 40 vehicles;\n"
        "b) note the disposal plan for the existing fleet.\n",
        (Rec("a", "approve", Has("purchase of 40 vehicles")),
         Rec("b", "note", Has("disposal plan")))),
    RecommendationCase(
        "that-the-mayor-bracketed-letters",
        "Decision\n"
        "That the Mayor:\n"
        "(a) approves expenditure of £1.2m on the programme; and\n"
        "(b) delegates authority to the Executive Director to agree the grant terms.\n",
        (Rec("a", "approve", Has("£1.2m")), Rec("b", "delegate", Has("grant terms")))),
    RecommendationCase(
        "lead-in-verb-with-noun-award",
        "Recommendations\n"
        "The DMPC is recommended to approve:\n"
        "1. the award of a contract to Harbour Digital Services; and\n"
        "2. the extension of the current contract until March 2025.\n",
        (Rec("1", "approve", Has("award of a contract")),
         Rec("2", "approve", Has("extension of the current contract")))),
    RecommendationCase(
        "lead-in-carries-the-verb",
        "Recommendations\n"
        "The DMPC is recommended to approve:\n"
        "1. the extension of the current contract until March 2025; and\n"
        "2. the revised budget for 2025/26.\n",
        (Rec("1", "approve", Has("extension of the current contract")),
         Rec("2", "approve", Has("revised budget")))),
    RecommendationCase(
        "it-is-recommended-that",
        "It is recommended that the Director approves the proposed changes to the fees.\n",
        (Rec(None, "approve", Has("proposed changes")),)),
    RecommendationCase(
        "dotted-numbers",
        "Recommendations\n"
        "The Deputy Mayor is recommended to:\n"
        "1.1 Approve the revised business case.\n"
        "1.2 Note the risks set out in section 6.\n",
        (Rec("1.1", "approve", Has("business case")), Rec("1.2", "note", Has("risks")))),
    RecommendationCase(
        "requested-to-note",
        "The Deputy Mayor is requested to note the contents of this report.\n",
        (Rec(None, "note", Has("contents of this report")),)),
    RecommendationCase(
        "invited-to-endorse",
        "Members are invited to endorse the draft strategy.\n",
        (Rec(None, "endorse", Has("draft strategy")),)),
    RecommendationCase(
        "cabinet-asked-to-agree",
        "Cabinet is asked to agree the revised fees and charges for 2025/26.\n",
        (Rec(None, "agree", Has("fees and charges")),)),
    RecommendationCase(
        "bulleted-items",
        "Recommendations\n"
        "That the DMPC:\n"
        "• approves the business case;\n"
        "• notes the equality impact assessment.\n",
        (Rec(OneOf(None, "1"), "approve", Has("business case")),
         Rec(OneOf(None, "2"), "note", Has("equality impact assessment")))),
    RecommendationCase(
        "wrapped-item",
        "Recommendations\n"
        "The DMPC is recommended to:\n"
        "1. Approve the award of a contract to Kestrel Facilities Ltd for a period of\n"
        "   three years with an option to extend for a further two years.\n"
        "2. Note the procurement timetable.\n",
        (Rec("1", "approve", Has("a period of", "three years with an option")),
         Rec("2", "note", Has("procurement timetable")))),
    RecommendationCase(
        "authorise-and-confirm",
        "Recommendations\n"
        "The Director is asked to:\n"
        "1. Authorise the Head of Procurement to issue the tender.\n"
        "2. Confirm the budget of £300,000 for 2024/25.\n",
        (Rec("1", "authorise", Has("issue the tender")), Rec("2", "confirm", Has("budget")))),
    RecommendationCase(
        "numbered-heading",
        "2. Recommendations\n"
        "The Deputy Mayor for Policing and Crime is recommended to:\n"
        "1. Approve the grant of £45,000 to Riverside Community Trust.\n",
        (Rec("1", "approve", Has("grant of £45,000")),)),
    RecommendationCase(
        "item-without-verb-takes-lead-in",
        "Recommendations\n"
        "The DMPC is recommended to approve:\n"
        "1. expenditure of £95,000 on the evaluation.\n",
        (Rec("1", "approve", Has("£95,000")),)),
    RecommendationCase(
        "item-with-unknown-verb",
        "Recommendations\n"
        "The Director is recommended to:\n"
        "1. Approve the contract variation.\n"
        "2. Publish the evaluation report.\n",
        (Rec("1", "approve", Has("contract variation")), Rec("2", "other", Has("Publish")))),
    RecommendationCase(
        "roman-numerals",
        "Recommendations\n"
        "The Executive Director is asked to:\n"
        "i. approve the grant agreement;\n"
        "ii. note the monitoring arrangements.\n",
        (Rec("i", "approve", Has("grant agreement")), Rec("ii", "note", Has("monitoring")))),
    RecommendationCase(
        "resolved-that",
        "RESOLVED that the Cabinet agrees the capital budget for 2025/26.\n",
        (Rec(None, "agree", Has("capital budget")),)),
    RecommendationCase(
        "asked-to-receive",
        "The Committee is asked to receive the annual assurance report.\n",
        (Rec(None, "receive", Has("annual assurance report")),)),
    RecommendationCase(
        "asked-to-consider",
        "The Board is asked to consider the options set out in section 5.\n",
        (Rec(None, "consider", Has("options")),)),
    RecommendationCase(
        "asked-to-determine",
        "The Mayor is asked to determine the planning application.\n",
        (Rec(None, "determine", Has("planning application")),)),
    RecommendationCase(
        "lead-in-cut-short-before-its-list",
        "That the DMPC approves the\n"
        "1. Business case for the new custody suite\n"
        "2. Award of the build contract to Harlow Construction Ltd\n",
        (Rec("1", "approve", Has("Business case")), Rec("2", "award", Has("Harlow")))),
    RecommendationCase(
        "resolution-with-a-long-subject",
        "RECOMMENDATION\n"
        "1. That the Cabinet Member for Housing, Planning and Regeneration approves the\n"
        "transfer of the Elm Street site into the second phase of the programme.\n",
        (Rec("1", "approve", Has("Elm Street site")),)),
    RecommendationCase(
        "recommendations-then-next-section",
        "Recommendations\n"
        "The DMPC is recommended to:\n"
        "1. Approve the business case.\n"
        "\n"
        "Background\n"
        "1. The current contract expires in March.\n",
        (Rec("1", "approve", Has("business case")),)),
]

CASES_FROM_BUGS = [
    RecommendationCase(
        "report-repeats-its-recommendations",
        "Summary\n"
        "This report sets out the budget position at month nine.\n"
        "Recommendation(s):\n"
        "Cabinet is asked to:\n"
        "a) NOTE the forecast revenue overspend of £4.1m and the actions to reduce it\n"
        "b) NOTE the forecast capital underspend of £9.8m.\n"
        "c) AGREE the changes to the capital budget.\n"
        "1. Introduction\n"
        "1.1 This is the third monitoring report of the year.\n"
        "4. Recommendation(s)\n"
        "Cabinet is asked to:\n"
        "a) NOTE the forecast revenue overspend of £4.1m.\n"
        "b) NOTE the forecast capital underspend of £9.8m.\n"
        "c) AGREE the changes to the capital budget.\n",
        (Rec("a", "note", Has("£4.1m and the actions")), Rec("b", "note", Has("£9.8m")),
         Rec("c", "agree", Has("capital budget")))),
    RecommendationCase(
        "decision-repeats-the-recommendations",
        "Recommendations\n"
        "1. Approve the award of the cleaning contract to Alder Facilities Ltd.\n"
        "2. Note the mobilisation plan.\n"
        "Decision\n"
        "1. Approve the award of the cleaning contract to Alder Facilities Ltd.\n"
        "2. Note the mobilisation plan.\n",
        (Rec("1", "approve", Has("Alder Facilities")), Rec("2", "note", Has("mobilisation")))),
    RecommendationCase(
        "later-wording-is-fuller",
        "Recommendations\n"
        "1. Approve expenditure of £50,000 on the pilot scheme.\n"
        "Decision\n"
        "1. Approve expenditure of £50,000 on the pilot scheme and its evaluation.\n",
        (Rec("1", "approve", Has("and its evaluation")),)),
    RecommendationCase(
        "similar-items-under-other-numbers-kept",
        "Recommendations\n"
        "1. Approve the budget.\n"
        "Decision\n"
        "3. Approve the budget for 2026/27.\n",
        (Rec("1", "approve", "Approve the budget."),
         Rec("3", "approve", Has("2026/27")))),
    RecommendationCase(
        "one-list-with-two-like-items-kept",
        "Recommendations\n"
        "1. Approve the grant of £5,000 to the Northfield Food Bank.\n"
        "2. Approve the grant of £5,000 to the Northfield Food Bank Trust.\n",
        (Rec("1", "approve", Has("Bank.")), Rec("2", "approve", Has("Bank Trust")))),
]

NEGATIVES = [
    RecommendationCase(
        "recommended-in-a-report-paragraph",
        "Key issues\n"
        "6. Following advice from the fire officer, it is recommended that the new alarms\n"
        "are fitted before the winter. This work will take about six weeks.\n"
        "7. Following approval of the scheme a letter will be sent to all tenants.\n",
        ()),
    RecommendationCase(
        "numbered-background",
        "Background\n"
        "1. The MPS operates 200 vehicles across London.\n"
        "2. The current contract expires in May 2025.\n",
        ()),
    RecommendationCase(
        "report-made-recommendations",
        "The review made 12 recommendations, which are listed in Appendix A.\n",
        ()),
    RecommendationCase(
        "past-recommendation-in-background",
        "Background\n"
        "In 2019 the inspectorate recommended that forces review their custody estates.\n",
        ()),
    RecommendationCase(
        "summary-recommends",
        "Executive summary\n"
        "This report recommends a new approach to custody healthcare.\n",
        ()),
    RecommendationCase(
        "approved-recommendations-earlier",
        "Background\n"
        "The Deputy Mayor approved the recommendations in PCD 1100 last year.\n",
        ()),
    RecommendationCase(
        "reasons-for-decision-prose",
        "Reasons for decision\n"
        "The contract expires in May and a replacement is needed.\n",
        ()),
    RecommendationCase("plain-sentence", "The contract expires in March 2025.\n", ()),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, bugs=CASES_FROM_BUGS,
                       negative=NEGATIVES),
)
def test_recommendations(case: RecommendationCase) -> None:
    assert record_to_recommendations(record_of(case.text)) == list(case.expected)


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *CASES_FROM_BUGS, *NEGATIVES]
