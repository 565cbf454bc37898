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
