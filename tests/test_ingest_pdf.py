"""PDF layouts, generated with fpdf2, read by both engines into the right text and pages.

Each case names a layout, what the text must hold (in order), what it must not, on
which page given words sit, which furniture is kept aside, and which table cells are
recorded. A case lists the engines it holds for: PDFium has no table finder and no
ruled boxes, so its own expectations for those layouts are separate rows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NamedTuple

import pdf_factory as make
import pytest

from pipeline.document import Document
from pipeline.ingest import load

BOTH = ("pdfplumber", "pdfium")
PAGES = [["Alpha paragraph on the first page."], ["Beta paragraph on the second page."],
         ["Gamma paragraph on the third page."]]
COST_ROWS = (("Item", "2024/25", "2025/26", "Total"),
             ("Lighting works", "£820,000", "£405,000", "£1,225,000"),
             ("Design and supervision", "£80,000", "£45,000", "£125,000"))


class LayoutCase(NamedTuple):
    name: str
    pdf: Callable[[], bytes]
    page_count: int
    contains: tuple[str, ...] = ()  # each in the text, in this order
    absent: tuple[str, ...] = ()
    on_page: tuple[tuple[str, int], ...] = ()  # words -> the page their offset is on
    furniture: tuple[tuple[int, str, str], ...] = ()  # (page, kind, text) kept aside
    table_rows: tuple[tuple[str, ...], ...] = ()  # the one table's cells, when recorded
    engines: tuple[str, ...] = BOTH


CASES_FROM_LAYOUT = [
    LayoutCase(
        "header-and-footer-on-every-page", lambda: make.pages_pdf(PAGES), 3,
        contains=("Alpha", "Beta", "Gamma"), absent=("Mayor's Office", "OFFICIAL"),
        on_page=(("Alpha", 1), ("Beta", 2), ("Gamma", 3)),
        furniture=((1, "header", make.HEADER), (2, "footer", "OFFICIAL - Page 2 of 3"),
                   (3, "footer", "OFFICIAL - Page 3 of 3"))),
    LayoutCase(
        "footer-drawn-before-the-body", lambda: make.pages_pdf(PAGES, footer_first=True), 3,
        contains=("Alpha", "Beta", "Gamma"), absent=("OFFICIAL",),
        furniture=((1, "footer", "OFFICIAL - Page 1 of 3"),)),
    LayoutCase(
        "bare-page-numbers", lambda: make.pages_pdf(PAGES, furniture=True, footer="{n}"), 3,
        contains=("Alpha paragraph on the first page.\n\nBeta",), absent=("\n2\n", "\n3"),
        furniture=((1, "page_number", "1"), (2, "page_number", "2"),
                   (3, "page_number", "3"))),
    LayoutCase(
        "paragraph-across-the-page-break", make.paragraph_across_break, 2,
        contains=("at a cost\nof £62,500 agreed",), absent=("OFFICIAL",),
        on_page=(("at a cost", 1), ("of £62,500", 2), ("The second page carries", 2))),
    LayoutCase(
        "cost-table-cells-recorded", make.cost_table_pdf, 1,
        contains=("phased over two years as follows.",
                  "Item | 2024/25 | 2025/26 | Total\n"
                  "Lighting works | £820,000 | £405,000 | £1,225,000\n"
                  "Design and supervision | £80,000 | £45,000 | £125,000",
                  "The contingency is held"),
        table_rows=COST_ROWS, engines=("pdfplumber",)),
    LayoutCase(
        "cost-table-as-lines-with-pdfium", make.cost_table_pdf, 1,
        contains=("as follows.", "Lighting works £820,000 £405,000 £1,225,000",
                  "Design and supervision £80,000 £45,000 £125,000", "The contingency"),
        engines=("pdfium",)),
    LayoutCase(
        "page-turned-by-rotate",
        lambda: make.turned(make.pages_pdf(PAGES, furniture=False), 1, 90), 3,
        contains=("Alpha", "Beta paragraph on the second page.", "Gamma"),
        on_page=(("Beta", 2), ("Gamma", 3))),
    LayoutCase(
        "text-drawn-sideways", make.sideways_text_pdf, 1,
        contains=("The sideways table lists the depot costs.\n"
                  "Lighting works cost £820,000 in the first year.",)),
    LayoutCase(
        "sideways-text-on-a-turned-page",
        lambda: make.turned(make.sideways_text_pdf(), 0, 270), 1,
        contains=("The sideways table lists the depot costs.\n"
                  "Lighting works cost £820,000 in the first year.",)),
    LayoutCase(
        "hyphens-at-line-ends",
        lambda: make.lines_pdf(["The council will run a procure-",
                                "ment exercise for the new self-",
                                "funded scheme this year."]), 1,
        contains=("run a procurement\nexercise for the new self-funded\nscheme",),
        absent=("procure-", "selffunded")),
    LayoutCase(
        "margin-paragraph-numbers", make.margin_numbers_pdf, 1,
        contains=("5. The depot lease ends in March", "6. The landlord has offered")),
    LayoutCase(
        "ruled-boxes-side-by-side", make.form_boxes_pdf, 1,
        contains=("DECISION TO BE TAKEN BY:\nCabinet Member", "DECISION NO:\n24/01234",
                  "The decision is set out below."),
        engines=("pdfplumber",)),
    LayoutCase(
        "ruled-boxes-read-as-rows-with-pdfium", make.form_boxes_pdf, 1,
        contains=("DECISION TO BE TAKEN BY: DECISION NO:\nCabinet Member 24/01234",),
        engines=("pdfium",)),
]
if make.LIGATURE_FONT.exists():  # a font with ligature glyphs; fpdf2's own fonts have none
    CASES_FROM_LAYOUT.append(LayoutCase(
        "ligatures-spelt-out",
        lambda: make.lines_pdf(["The \ufb01nal of\ufb01ce \ufb02oor plan is e\ufb03cient."],
                               font=make.LIGATURE_FONT), 1,
        contains=("The final office floor plan is efficient.",), absent=("\ufb01",)))

RUNS = [(case, engine) for case in CASES_FROM_LAYOUT for engine in case.engines]


@cache
def _read(name: str, engine: str) -> Document:
    case = next(c for c in CASES_FROM_LAYOUT if c.name == name)
    return load(f"{case.name}.pdf", data=case.pdf(), engine=engine)


@pytest.mark.parametrize(("case", "engine"), RUNS, ids=[f"{c.name}-{e}" for c, e in RUNS])
def test_layout_reads_as_the_page_shows(case: LayoutCase, engine: str) -> None:
    document = _read(case.name, engine)
    text = document.text
    assert document.pages == case.page_count
    assert document.source.engine == engine
    position = 0
    for words in case.contains:
        found = text.find(words, position)
        assert found >= 0, f"{words!r} not found in order in:\n{text}"
        position = found + len(words)
    for words in case.absent:
        assert words not in text
    for words, page in case.on_page:
        assert document.page_at(text.index(words)) == page, words
    furniture = {(f.page, f.kind, f.text) for f in document.source.furniture}
    assert set(case.furniture) <= furniture
    assert [t.rows for t in document.source.tables] == ([case.table_rows] if case.table_rows
                                                        else [])


def test_table_offsets_hold_its_rendered_rows() -> None:
    document = _read("cost-table-cells-recorded", "pdfplumber")
    assert document.source.tables
    for table in document.source.tables:
        rows = [" | ".join(cell for cell in row if cell) for row in table.rows]
        assert document.text[table.start:table.end] == "\n".join(rows)
        assert document.page_at(table.start) == table.page == 1
