"""PDFs generated for the ingest tests with fpdf2 (and PDFium to turn pages), plus the
broken and hostile files ingest must refuse. Every word in them is invented.

Builders return bytes; `decision_pdf` also lists, in drawing order, each amount drawn
and its page, so tests can check `evidence.page` against where the words really are.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from decision_factory import (
    DATE_SIGNED,
    DECISION_BY,
    RECOMMENDATIONS,
    REFERENCE,
    SECTIONS,
    SUMMARY,
    TITLE,
)
from fpdf import FPDF
from PIL import Image

HEADER = "Mayor's Office for Policing and Crime - Decision PCD 4821"
FOOTER = "OFFICIAL - Page {n} of {nb}"
_MONEY = re.compile(r"£[\d,]+")
LIGATURE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


class _Paper(FPDF):
    """A4 pages; optional running header and footer; the footer may be drawn first."""

    def __init__(self, *, furniture: bool = True, footer_first: bool = False,
                 footer: str = FOOTER) -> None:
        super().__init__(format="A4")
        self.furniture = furniture
        self.footer_first = footer_first
        self.footer_template = footer
        self.set_auto_page_break(auto=True, margin=25)
        self.set_font("helvetica", size=11)

    def header(self) -> None:
        if self.footer_first and self.furniture:
            self._footer_text()
        if self.furniture:
            self.set_xy(self.l_margin, 10)
            self.set_font("helvetica", size=8)
            self.cell(0, 5, HEADER, new_x="LMARGIN", new_y="NEXT")
            self.set_font("helvetica", size=11)
            self.set_y(22)

    def footer(self) -> None:
        if self.furniture and not self.footer_first:
            self._footer_text()

    def _footer_text(self) -> None:
        x, y = self.get_x(), self.get_y()
        self.set_auto_page_break(auto=False)
        self.set_xy(self.l_margin, -15)
        self.set_font("helvetica", size=8)
        self.cell(0, 5, self.footer_template.format(n=self.page_no(), nb="{nb}"), align="C")
        self.set_font("helvetica", size=11)
        self.set_auto_page_break(auto=True, margin=25)
        self.set_xy(x, y)

    def paragraph(self, text: str, pages: list[tuple[str, int]] | None = None) -> None:
        """Write `text` line by line, noting the page each amount lands on."""
        for line in self.multi_cell(0, 5.5, text, dry_run=True, output="LINES"):
            self.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
            if pages is not None:
                pages.extend((amount, self.page_no()) for amount in _MONEY.findall(line))
        self.ln(3)

    def heading(self, text: str) -> None:
        if self.will_page_break(20):
            self.add_page()
        self.set_font("helvetica", style="B", size=12)
        self.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font("helvetica", size=11)
        self.ln(1)

    def ruled_table(self, rows: tuple[tuple[str, ...], ...],
                    pages: list[tuple[str, int]]) -> None:
        if self.will_page_break(8 * (len(rows) + 1)):
            self.add_page()
        with self.table(line_height=7, first_row_as_headings=True) as table:
            for row in rows:
                table.row(row)
        pages.extend((amount, self.page_no()) for row in rows for cell in row
                     for amount in _MONEY.findall(cell))
        self.ln(3)

    def finished(self) -> bytes:
        return bytes(self.output())


def decision_pdf() -> tuple[bytes, list[tuple[str, int]]]:
    """The invented decision as a paper of several pages, and each amount's page."""
    paper = _Paper()
    paper.alias_nb_pages("{nb}")
    paper.add_page()
    pages: list[tuple[str, int]] = []
    paper.set_font("helvetica", style="B", size=14)
    paper.multi_cell(0, 7, TITLE, new_x="LMARGIN", new_y="NEXT")
    paper.set_font("helvetica", size=11)
    for line in (f"Reference code: {REFERENCE}", f"Date signed: {DATE_SIGNED}",
                 f"Decision by: {DECISION_BY}"):
        paper.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    paper.ln(3)
    paper.heading("Executive summary")
    paper.paragraph(SUMMARY, pages)
    paper.heading("Recommendations")
    paper.paragraph("The Deputy Mayor for Policing and Crime is recommended to:")
    for number, text in enumerate(RECOMMENDATIONS, 1):
        paper.paragraph(f"{number}. {text}", pages)
    for section in SECTIONS:
        paper.heading(section.heading)
        for text in section.paragraphs:
            paper.paragraph(text, pages)
        if section.table:
            paper.ruled_table(section.table, pages)
    return paper.finished(), pages


def pages_pdf(pages: list[list[str]], *, furniture: bool = True, footer_first: bool = False,
              footer: str = FOOTER) -> bytes:
    """One paragraph per string, page by page as given."""
    paper = _Paper(furniture=furniture, footer_first=footer_first, footer=footer)
    paper.alias_nb_pages("{nb}")
    for paragraphs in pages:
        paper.add_page()
        for text in paragraphs:
            paper.paragraph(text)
    return paper.finished()


def paragraph_across_break() -> bytes:
    """A page filled to the bottom, its last sentence running on to page two."""
    paper = _Paper()
    paper.alias_nb_pages("{nb}")
    paper.add_page()
    filler = ("The depot review looked at every bay in turn and logged the condition of "
              "each fitting for the maintenance team.")
    while not paper.will_page_break(11):  # leaves room for one line, not two
        paper.cell(0, 5.5, filler, new_x="LMARGIN", new_y="NEXT")
    paper.cell(0, 5.5, "The works will be paid for from the capital programme at a cost",
               new_x="LMARGIN", new_y="NEXT")
    paper.cell(0, 5.5, "of £62,500 agreed with the finance team last spring.",
               new_x="LMARGIN", new_y="NEXT")
    paper.cell(0, 5.5, "The second page carries on with the rest of the paper.",
               new_x="LMARGIN", new_y="NEXT")
    return paper.finished()


def cost_table_pdf() -> bytes:
    """A paragraph, a ruled table of costs, and a paragraph after it."""
    paper = _Paper(furniture=False)
    paper.add_page()
    paper.paragraph("The costs of the works are phased over two years as follows.")
    paper.ruled_table(SECTIONS[2].table, [])
    paper.paragraph("The contingency is held by the finance team.")
    return paper.finished()


def lines_pdf(lines: list[str], *, font: Path | None = None) -> bytes:
    """Each string on its own line, exactly as given (to place line-end hyphens)."""
    paper = _Paper(furniture=False)
    if font is not None:
        paper.add_font("body", fname=str(font))
        paper.set_font("body", size=11)
    paper.add_page()
    for line in lines:
        paper.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    return paper.finished()


def margin_numbers_pdf() -> bytes:
    """Paragraph numbers in the left margin, smaller and a little lower than their line."""
    paper = _Paper(furniture=False)
    paper.add_page()
    for number, text in ((5, "The depot lease ends in March and a renewal is proposed."),
                         (6, "The landlord has offered a ten year term at the same rent.")):
        top = paper.get_y()
        paper.set_xy(paper.l_margin + 14, top)
        paper.cell(0, 6, text)
        paper.set_font("helvetica", size=8)
        paper.set_xy(paper.l_margin, top + 1)
        paper.cell(10, 5, f"{number}.")
        paper.set_font("helvetica", size=11)
        paper.set_xy(paper.l_margin, top + 10)
    return paper.finished()


def form_boxes_pdf() -> bytes:
    """Two ruled boxes side by side, each a label above its value, then a paragraph."""
    paper = _Paper(furniture=False)
    paper.add_page()
    for x, label, value in ((15, "DECISION TO BE TAKEN BY:", "Cabinet Member"),
                            (120, "DECISION NO:", "24/01234")):
        paper.rect(x, 30, 80, 22)
        paper.set_xy(x + 2, 32)
        paper.cell(70, 6, label)
        paper.set_xy(x + 2, 42)
        paper.cell(70, 6, value)
    paper.set_xy(paper.l_margin, 60)
    paper.cell(0, 6, "The decision is set out below.")
    return paper.finished()


def sideways_text_pdf() -> bytes:
    """A portrait page whose paragraph is drawn turned a quarter (reads bottom to top)."""
    paper = _Paper(furniture=False)
    paper.add_page()
    with paper.rotation(90, x=100, y=200):
        for i, line in enumerate(("The sideways table lists the depot costs.",
                                  "Lighting works cost £820,000 in the first year.")):
            paper.text(60, 200 + 8 * i, line)
    return paper.finished()


def turned(data: bytes, page_index: int, degrees: int) -> bytes:
    """`data` with one page's /Rotate set, as a viewer shows it turned."""
    document = pdfium.PdfDocument(data)
    document[page_index].set_rotation(degrees)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A scanned page: a picture of words, no text layer."""
    paper = _Paper(furniture=False)
    paper.add_page()
    paper.image(Image.new("RGB", (400, 200), "white"), x=20, y=20, w=150)
    return paper.finished()


def encrypted_pdf() -> bytes:
    paper = _Paper(furniture=False)
    paper.add_page()
    paper.paragraph("A confidential annex that needs a password.")
    paper.set_encryption(owner_password="owner-secret", user_password="reader-secret")
    return paper.finished()


def many_pages_pdf(count: int) -> bytes:
    """`count` blank pages, built by PDFium in milliseconds."""
    document = pdfium.PdfDocument.new()
    for _ in range(count):
        document.new_page(200, 200)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def bomb_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose ~1 KB-per-MB content stream inflates to `megabytes` MB.

    One fully flushed deflate block of 1 MB of spaces is repeated (each block is
    self-contained after a full flush), so building it costs almost nothing.
    """
    chunk = b" " * (1 << 20)
    first = zlib.compressobj(9)
    block = first.compress(chunk) + first.flush(zlib.Z_FULL_FLUSH)
    header, body = block[:2], block[2:]
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    stream = header + body * megabytes + b"\x03\x00" + struct.pack(">I", checksum)
    return raw_pdf(stream)


def raw_pdf(content: bytes) -> bytes:
    """A minimal hand-laid PDF with one page whose Flate content stream is `content`."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
               + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def truncated(data: bytes) -> bytes:
    """The first half of a PDF, as a download cut off mid-way leaves it."""
    return data[: len(data) // 2]


Builder = Callable[[], bytes]
