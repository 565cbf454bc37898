"""The fast PDF engine: PDFium (pypdfium2), about 30 times quicker than pdfplumber.

PDFium gives a page's text in content-stream order (a footer drawn first comes out
first), with "\\r\\n" where it saw a new line and U+FFFE where it joined a hyphenated
line end. Each run between those breaks becomes a `Piece` boxed by its first and last
characters, and the shared line rule (`layout.pieces_to_lines`) puts the runs back in
visual order. PDFium has no table finder: a table's cells come out as lines of text
(their amounts are still read), but `Source.tables` stays empty.

PDFium is not thread-safe: run it in processes, never threads (ingest isolates each
PDF in a child process anyway).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.errors import CorruptInput, EmptyInput, Encrypted, IngestError, TooLarge
from pipeline.ingest.engines import PDFIUM
from pipeline.ingest.layout import PageLayout, Piece, box_to_frame, direction_of

ENGINE = PDFIUM
# A run of text between PDFium's line breaks; a joined hyphen (U+FFFE, or 0x02 from
# some calls) ends its run, so "re-" and "phasing" stay on their own lines.
_RUN = re.compile(r"[^\r\n\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")
_HYPHEN_MARKS = str.maketrans({"\ufffe": "-", "\x02": "-"})
_ENCRYPTED = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}

Box = tuple[float, float, float, float]


def read_pages(data: bytes, path: str, max_pages: int) -> list[PageLayout]:
    """Every page of the PDF in `data`, or a typed error naming `path`."""
    pdf = _open(data, path)
    try:
        if len(pdf) > max_pages:
            raise TooLarge(path, f"{len(pdf):,} pages is over the {max_pages:,}-page limit "
                                 "(Limits.max_pages)")
        return [_page_layout(pdf, index) for index in range(len(pdf))]
    finally:
        pdf.close()


def _open(data: bytes, path: str) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise _open_error(path, error) from None


def _open_error(path: str, error: Any) -> IngestError:
    code = getattr(error, "err_code", None)
    if code in _ENCRYPTED:
        return Encrypted(path, "encrypted PDF: a password is needed to read it")
    if code == pdfium_c.FPDF_ERR_SUCCESS:
        return EmptyInput(path, "a PDF with no pages")
    return CorruptInput(path, f"damaged or truncated PDF ({error})")


def _page_layout(pdf: Any, index: int) -> PageLayout:
    page = pdf[index]
    try:
        rotation = page.get_rotation() % 360
        crop = page.get_cropbox()
        width, height = crop[2] - crop[0], crop[3] - crop[1]
        if rotation in (90, 270):
            width, height = height, width
        textpage = page.get_textpage()
        try:
            pieces = tuple(_pieces(textpage, crop, rotation, width, height))
        finally:
            textpage.close()
    except pdfium.PdfiumError as error:
        return PageLayout(index + 1, 0.0, 0.0, (), problem=str(error)[:160])
    finally:
        page.close()
    return PageLayout(index + 1, width, height, pieces)


def _pieces(textpage: Any, crop: Box, rotation: int, width: float,
            height: float) -> Iterator[Piece]:
    text = textpage.get_text_range()
    for run in _RUN.finditer(text):
        first = run.start() + len(run.group()) - len(run.group().lstrip())
        last = run.start() + len(run.group().rstrip()) - 1
        if last < first:
            continue
        ends = _char_index(textpage, first, 1, last), _char_index(textpage, last, -1, first)
        if ends[0] < 0 or ends[1] < 0:
            continue
        box = _display_box(textpage, ends, crop, rotation)
        direction = _direction(textpage, ends[0], rotation)
        x0, top, x1, bottom = box_to_frame(box, direction, width, height)
        yield Piece(run.group().translate(_HYPHEN_MARKS).strip(), x0, top, x1, bottom,
                    direction)


def _char_index(textpage: Any, text_index: int, step: int, stop: int) -> int:
    """The character behind `text_index`, stepping past characters PDFium inserted."""
    while True:
        index = int(pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index))
        if index >= 0 or text_index == stop:
            return index
        text_index += step


def _display_box(textpage: Any, ends: tuple[int, int], crop: Box, rotation: int) -> Box:
    """The run's box on the displayed (turned) page, top growing downwards."""
    xs: list[float] = []
    ys: list[float] = []
    for index in ends:
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        for x, y in ((left, bottom), (right, top)):
            shown = _displayed(x - crop[0], y - crop[1], crop, rotation)
            xs.append(shown[0])
            ys.append(shown[1])
    return min(xs), min(ys), max(xs), max(ys)


def _displayed(x: float, y: float, crop: Box, rotation: int) -> tuple[float, float]:
    """A point in PDF space (y up, from the crop box's corner) as shown, y down."""
    width, height = crop[2] - crop[0], crop[3] - crop[1]
    if rotation == 90:
        return y, x
    if rotation == 180:
        return width - x, y
    if rotation == 270:
        return height - y, width - x
    return x, height - y


def _direction(textpage: Any, index: int, rotation: int) -> int:
    """The run's direction as shown: its angle on the page, turned with the page.

    PDFium measures the angle clockwise (upward text is 3π/2), as /Rotate turns pages.
    """
    angle = float(pdfium_c.FPDFText_GetCharAngle(textpage, index))
    if angle < 0:
        angle = 0.0
    shown = angle + math.radians(rotation)
    return direction_of(math.cos(shown), -math.sin(shown))
