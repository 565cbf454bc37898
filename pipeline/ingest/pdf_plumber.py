"""The careful PDF engine: pdfplumber (pdfminer.six) words, in visual order, and tables.

pdfplumber gives every character its box and font, so words are cut where the gap
between letters says so (a share of the font size, not a fixed number of points: a
paragraph number set a tab-width before its heading, "16" then "Legal", is two words),
and its table finder sees ruled tables, whose cells are kept row by row. It is slow
(about 10 pages a second); `pdf_pdfium` is the fast engine.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import extract_words

from pipeline.errors import CorruptInput, Encrypted, IngestError, TooLarge
from pipeline.ingest.engines import PDFPLUMBER
from pipeline.ingest.layout import (
    UPRIGHT,
    Box,
    PageLayout,
    Piece,
    TableBox,
    box_to_frame,
    direction_of,
    pieces_to_lines,
)

ENGINE = PDFPLUMBER
# A gap wider than this share of the font size starts a new word. pdfplumber's default
# is 3 points whatever the size, which joins "16Legal" at 12 points.
_WORD_GAP = 0.15
_MAX_CELL_WORDS = 40  # a cell holding more is prose in a layout box, not a table of figures

Char = dict[str, Any]


def read_pages(data: bytes, path: str, max_pages: int) -> list[PageLayout]:
    """Every page of the PDF in `data`, or a typed error naming `path`."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            if len(pages) > max_pages:
                raise TooLarge(path, f"{len(pages):,} pages is over the {max_pages:,}-page "
                                     "limit (Limits.max_pages)")
            return [_page_layout(page, number) for number, page in enumerate(pages, 1)]
    except IngestError:
        raise
    except PdfminerException as error:
        raise _open_error(path, error.args[0] if error.args else error) from None


def _open_error(path: str, cause: object) -> IngestError:
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return Encrypted(path, "encrypted PDF: a password is needed to read it")
    detail = str(cause).splitlines()[0][:120] if str(cause) else type(cause).__name__
    return CorruptInput(path, f"damaged or truncated PDF ({detail})")


def _page_layout(page: Any, number: int) -> PageLayout:
    """One page's words and tables; a page pdfminer cannot parse is read as blank."""
    try:
        chars = _without_overprint(page.chars)
        words = list(_words(chars, page.width, page.height))
        finder = page.debug_tablefinder() if page.edges else None
    except Exception as error:  # one broken page must not lose the others
        return PageLayout(number, float(page.width), float(page.height), (),
                          problem=f"{type(error).__name__}: {error}"[:160])
    tables = _figure_tables(finder.tables, words) if finder else []
    inside = [t[0] for t in tables]
    pieces = tuple(w for w in words if not any(_centre_in(w, box) for box in inside))
    boxes = _leaf_boxes(finder.cells, inside) if finder else ()
    return PageLayout(number, float(page.width), float(page.height), pieces,
                      tuple(t[1] for t in tables), boxes)


def _without_overprint(chars: list[Char]) -> list[Char]:
    """Characters drawn twice in the same place ("fake bold") kept once.

    pdfplumber's own `dedupe_chars` sorts every group of characters and took most of
    the time per page; a grid keyed by character and line finds the same twins in one
    pass. Twins sit within a fifth of the font size of each other; two real letters
    ("ll") never do.
    """
    grid: dict[tuple[str, int], list[float]] = {}
    kept: list[Char] = []
    for char in chars:
        row = round(char["top"])
        tolerance = 0.2 * float(char.get("size") or 10)
        twins = (x for r in (row - 1, row, row + 1) for x in grid.get((char["text"], r), ()))
        if any(abs(x - char["x0"]) <= tolerance for x in twins):
            continue
        grid.setdefault((char["text"], row), []).append(char["x0"])
        kept.append(char)
    return kept


def _words(chars: list[Char], width: float, height: float) -> Iterable[Piece]:
    """Words per text direction, each direction read in its own upright frame."""
    by_direction: dict[int, list[Char]] = {}
    for char in chars:
        matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
        direction = direction_of(matrix[0], matrix[1])
        by_direction.setdefault(direction, []).append(
            char if direction == UPRIGHT else _char_in_frame(char, direction, width, height))
    for direction, group in by_direction.items():
        for word in extract_words(group, x_tolerance_ratio=_WORD_GAP, expand_ligatures=True):
            yield Piece(word["text"], word["x0"], word["top"], word["x1"], word["bottom"],
                        direction)


def _char_in_frame(char: Char, direction: int, width: float, height: float) -> Char:
    x0, top, x1, bottom = box_to_frame((char["x0"], char["top"], char["x1"], char["bottom"]),
                                       direction, width, height)
    return {**char, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
            "upright": True}


def _figure_tables(found_tables: list[Any],
                   words: list[Piece]) -> list[tuple[tuple[float, ...], TableBox]]:
    """Ruled tables of at least two rows and two columns of short cells, with their box.

    A ruled box around paragraphs (a one-column "table", or cells of prose) is layout,
    not figures: its text stays in the line flow.
    """
    found = []
    upright = [w for w in words if w.direction == UPRIGHT]
    for table in found_tables:
        rows = tuple(tuple(_cell_text(cell, upright) for cell in row.cells)
                     for row in table.rows)
        rows = tuple(row for row in rows if any(row))
        columns = max((sum(1 for cell in row if cell) for row in rows), default=0)
        if len(rows) < 2 or columns < 2:
            continue
        if any(len(cell.split()) > _MAX_CELL_WORDS for row in rows for cell in row):
            continue
        box = tuple(float(v) for v in table.bbox)
        found.append((box, TableBox(box[1], box[3], rows)))
    return found


def _leaf_boxes(cells: list[Box], tables: list[tuple[float, ...]]) -> tuple[Box, ...]:
    """Ruled cells holding no other cell and outside the tables of figures.

    A page border or a frame round a whole table holds other cells: reading it as one
    box would pull its contents out of order, so only the innermost cells count.
    """
    def holds(outer: Box, inner: Box) -> bool:
        return (outer != inner and outer[0] <= inner[0] + 1 and outer[1] <= inner[1] + 1
                and outer[2] >= inner[2] - 1 and outer[3] >= inner[3] - 1)

    boxes = [(float(c[0]), float(c[1]), float(c[2]), float(c[3])) for c in cells]
    return tuple(
        box for box in boxes
        if not any(holds(box, other) for other in boxes)
        and not any(_point_in((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, t) for t in tables))


def _cell_text(cell: tuple[float, float, float, float] | None, words: list[Piece]) -> str:
    if cell is None:
        return ""
    inside = [w for w in words if _centre_in(w, cell)]
    x0, top, x1, bottom = cell
    return " ".join(line.text for line in pieces_to_lines(inside, x1 - x0, bottom - top))


def _centre_in(piece: Piece, box: tuple[float, ...]) -> bool:
    x = (piece.x0 + piece.x1) / 2
    y = (piece.top + piece.bottom) / 2
    return piece.direction == UPRIGHT and _point_in(x, y, box)


def _point_in(x: float, y: float, box: tuple[float, ...]) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]
