"""Headings and numbered paragraphs, as a table of lines."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pipeline.ingest import load
from pipeline.segment import document_to_segmented, heading_kind


class HeadingCase(NamedTuple):
    line: str
    kind: str | None


HEADING_CASES = [
    HeadingCase("Executive summary", "executive_summary"),
    HeadingCase("Executive Summary:", "executive_summary"),
    HeadingCase("Recommendation", "recommendations"),
    HeadingCase("Recommendations:", "recommendations"),
    HeadingCase("Decision", "decision"),
    HeadingCase("Introduction and background", "introduction"),
    HeadingCase("Issues for consideration", "issues"),
    HeadingCase("Financial Comments", "financial"),
    HeadingCase("Financial implications", "financial"),
    HeadingCase("Legal Comments", "legal"),
    HeadingCase("Commercial Issues", "commercial"),
    HeadingCase("GDPR and Data Privacy", "gdpr"),
    HeadingCase("Equality Comments", "equality"),
    HeadingCase("Background/supporting papers", "background_papers"),
    HeadingCase("PART I - NON-CONFIDENTIAL FACTS AND ADVICE TO THE DMPC", "non_confidential_facts"),
    HeadingCase("Part 1: Non-confidential facts and advice", "non_confidential_facts"),
    HeadingCase("Non-confidential facts and advice to the Deputy Mayor", "non_confidential_facts"),
    HeadingCase("The MPS is committed to the development of a learning culture.", None),
    HeadingCase("Financial comments are set out below, with the costs.", None),
    HeadingCase("Legal", "legal"),
]


@pytest.mark.parametrize("case", HEADING_CASES, ids=lambda c: c.line[:30])
def test_heading_kind(case: HeadingCase) -> None:
    assert heading_kind(case.line) == case.kind


DOC = """Executive summary
The decision in brief.
Recommendations
1. Approve the award;
2. Note the risks.
Part 1: Non-confidential facts
3. Financial Comments
3.1. The cost is £10k.
3.2. Funding is
wrapped onto a second line.
• a bullet under 3.2
"""


def test_sections_and_paragraphs() -> None:
    doc = document_to_segmented(load("d.txt", data=DOC.encode()))
    assert [(s.kind, s.number) for s in doc.sections] == [
        ("executive_summary", None), ("recommendations", None),
        ("non_confidential_facts", None), ("financial", "3")]
    numbered = [(p.number, doc.text[p.start : p.end]) for p in doc.paragraphs if p.number]
    assert numbered == [
        ("1", "1. Approve the award;"), ("2", "2. Note the risks."),
        ("3.1", "3.1. The cost is £10k."),
        ("3.2", "3.2. Funding is\nwrapped onto a second line.\n• a bullet under 3.2"),
    ]
    cost = doc.text.index("£10k")
    assert doc.section_at(cost).heading == "Financial Comments"  # type: ignore[union-attr]
    assert doc.paragraph_at(cost).number == "3.1"  # type: ignore[union-attr]


class LayoutCase(NamedTuple):
    id: str
    text: str
    headings: tuple[tuple[str, str, str | None], ...]  # (heading, kind, number)


LAYOUT_CASES = [
    LayoutCase("numbered-with-first-sub-paragraph",
               "2. Revenue position\n2.1 The council forecasts a small overspend.\n",
               (("Revenue position", "other", "2"),)),
    LayoutCase("numbered-without-dot-blank-line",
               "3 Capital Programme Changes\n\n3.1 Two schemes have moved into next year.\n",
               (("Capital Programme Changes", "other", "3"),)),
    LayoutCase("zero-part-number-known-heading",
               "4.0 Legal comments\n4.1 The council has the power to enter the contract.\n",
               (("Legal comments", "legal", "4"),)),
    LayoutCase("zero-part-number-other-heading",
               "5.0 Workforce implications\n5.1 No posts are affected by the change.\n",
               (("Workforce implications", "other", "5"),)),
    LayoutCase("upper-case-line",
               "The report is for decision.\n\nKEY DECISION DETAILS\n\nThe decision commits "
               "the council to a five year contract for waste collection.\n",
               (("KEY DECISION DETAILS", "other", None),)),
    LayoutCase("title-case-line",
               "The overspend is forecast to fall.\n\nMitigating the Forecast Overspend\n\n"
               "The directorates have agreed a recovery plan for the rest of the year.\n",
               (("Mitigating the Forecast Overspend", "other", None),)),
    LayoutCase("numbered-title-case-before-prose",
               "3. Capital Programme Changes\nTwo schemes have been moved into next year "
               "because of delays in design.\n",
               (("Capital Programme Changes", "other", "3"),)),
    LayoutCase("numbered-sentence-case-closing-the-section-before",
               "1. Introduction\n1.1 This report sets out the position.\n2. Revenue position\n"
               "The revenue budget is forecast to underspend this year.\n",
               (("Introduction", "introduction", "1"), ("Revenue position", "other", "2"))),
    LayoutCase("known-heading-after-a-long-label-line",
               "Decision by: Jane Example, Executive Director of Housing and Regeneration "
               "Services\nExecutive summary\nThe decision approves a grant.\n",
               (("Executive summary", "executive_summary", None),)),
]

LAYOUT_NEGATIVES = [
    LayoutCase("numbered-paragraphs",
               "2.1 The Council has approved the budget\n2.2 Officers will report back\n", ()),
    LayoutCase("second-list-item-before-prose",
               "1. Business case approval\n2. Contract award to Alder Ltd\nThe contract runs "
               "for three years from April.\n", ()),
    LayoutCase("recommendation-after-a-sub-paragraph",
               "1.2 The budget is set out below.\n2. Note the risks\nThe risks are listed in the "
               "appendix for the board.\n", ()),
    LayoutCase("numbered-lead-in-before-sub-items",
               "1. The Deputy Mayor is recommended to\n1.1 Approve the business case.\n", ()),
    LayoutCase("numbered-list-items",
               "Cabinet is asked to:\n1. Approve the Capital Strategy\n2. Note the Treasury "
               "Indicators\n", ()),
    LayoutCase("title-case-item-after-a-lead-in",
               "The Director is asked to approve:\n\nVehicle Replacement Programme\n\n1. The "
               "purchase of 40 vehicles.\n", ()),
    LayoutCase("title-case-after-a-cut-sentence",
               "That the Director approves the\n\nVehicle Replacement Programme Business Case "
               "and its funding plan for the next five years\n", ()),
    LayoutCase("resolution-line", "That the Cabinet\n\n1. Agrees the fees.\n", ()),
    LayoutCase("name-before-a-lettered-item",
               "The Portfolio Holder for Finance\n\n(a) noted the report on the budget.\n", ()),
    LayoutCase("date-line",
               "Date of decision:\n\n12 March 2025\n\nThe Mayor approved the grant on that day "
               "after a short consultation.\n", ()),
    LayoutCase("wrapped-line-of-a-paragraph",
               "7. The new hall will be built on the site of the old depot next to the\n"
               "Community Centre Car Park\nand opened in 2026.\n", ()),
    LayoutCase("sentence-inside-a-known-heading-line",
               "The new boundary is shown on the map at\nAppendix 2). The map shows the new "
               "boundary in red\nand the access road in blue.\n", ()),
    LayoutCase("signature-block",
               "Signed\n\nJane Example\nDeputy Mayor for Policing and Crime\n", ()),
    LayoutCase("title-case-run-of-list-lines",
               "The services are:\nGrounds Maintenance\nStreet Cleansing\nWaste Collection\n",
               ()),
]


@pytest.mark.parametrize("case", [*LAYOUT_CASES, *LAYOUT_NEGATIVES], ids=lambda c: c.id)
def test_layout_headings(case: LayoutCase) -> None:
    doc = document_to_segmented(load("d.txt", data=case.text.encode()))
    assert tuple((s.heading, s.kind, s.number) for s in doc.sections) == case.headings
