"""The same decision as PDF (both engines), web page and text gives the same record.

The acceptance test of issue 4: amounts, suppliers, frameworks and statutory
references agree whatever the format, and every amount read from the PDF cites the
page it was drawn on.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import pytest
from decision_factory import AMOUNTS, decision_html, decision_text
from pdf_factory import decision_pdf

from pipeline.ingest import load
from pipeline.records import extract_records
from schemas.record import DecisionRecord


class FormatCase(NamedTuple):
    name: str
    path: str
    engine: str
    pages: int


CASES_FROM_FORMAT = [
    FormatCase("pdf-pdfplumber", "pcd-4821.pdf", "pdfplumber", 3),
    FormatCase("pdf-pdfium", "pcd-4821.pdf", "pdfium", 3),
    FormatCase("html", "pcd-4821.html", "pdfplumber", 1),
    FormatCase("text", "pcd-4821.txt", "pdfplumber", 1),
]


@lru_cache(maxsize=1)
def _records() -> dict[str, DecisionRecord]:
    """All four read in one batch: the spaCy pipeline is built once."""
    sources = {".pdf": decision_pdf()[0], ".html": decision_html().encode(),
               ".txt": decision_text().encode()}
    documents = [load(case.path, data=sources[case.path[case.path.rindex("."):]],
                      engine=case.engine) for case in CASES_FROM_FORMAT]
    records = extract_records(documents)
    return {case.name: record for case, record in zip(CASES_FROM_FORMAT, records, strict=True)}


def _fields(record: DecisionRecord) -> dict[str, object]:
    return {
        "amounts": {a.value for a in record.amounts},
        "suppliers": {s.name for s in record.suppliers},
        "frameworks": {f.name for f in record.frameworks},
        "statutes": {(s.instrument, s.provision) for s in record.statutory_references},
        "reference": record.reference,
        "title": record.title,
    }


@pytest.mark.parametrize("case", CASES_FROM_FORMAT, ids=[c.name for c in CASES_FROM_FORMAT])
def test_every_format_gives_the_text_records_fields(case: FormatCase) -> None:
    record = _records()[case.name]
    expected = _fields(_records()["text"])
    assert record.source.pages == case.pages
    assert _fields(record) == expected
    assert expected["amounts"] == AMOUNTS
    assert expected["suppliers"] and expected["frameworks"]
    assert len(expected["statutes"]) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES_FROM_FORMAT[:2], ids=[c.name for c in CASES_FROM_FORMAT[:2]])
def test_pdf_amounts_cite_the_page_they_were_drawn_on(case: FormatCase) -> None:
    record = _records()[case.name]
    drawn = decision_pdf()[1]
    cited = []
    for amount in sorted(record.amounts, key=lambda a: a.evidence.start):
        nth = record.text.count(amount.text, 0, amount.evidence.start)
        pages = [page for text, page in drawn if text == amount.text]
        assert amount.evidence.page == pages[nth], amount.text
        cited.append(amount.evidence.page)
    assert len(cited) >= len(AMOUNTS)
    assert set(cited) == {1, 2}  # amounts on both sides of a page break
