"""Pages an engine read -> one `Document`: furniture out, words mended, offsets fixed.

Everything that changes characters happens here, before the first offset exists.
Pages are joined by a plain newline when a sentence runs on over the break, and by a
blank line otherwise: a form feed would cut that sentence in two for the extractors.
`Document.page_starts` records where each page's text begins, which is all
`page_at(offset)` needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.document import Document, Source, Table, doc_id_for, sha256_of
from pipeline.errors import NeedsOcr
from pipeline.ingest.clean import clean_line
from pipeline.ingest.furniture import split_furniture
from pipeline.ingest.hyphens import mend_lines
from pipeline.ingest.layout import (
    UPRIGHT,
    Line,
    PageLayout,
    TableBox,
    median_line_height,
    pieces_to_lines,
    usual_gap,
)
from pipeline.ingest.text import stem_of

# A line starts a paragraph when the gap above it is wider than the page's usual gap
# between lines by this share of a line's height. Measured against the usual gap, not
# zero, because the engines box letters differently (PDFium's boxes are taller).
_PARAGRAPH_GAP = 0.35
_CELL_SEPARATOR = " | "
_SENTENCE_END = re.compile(r"[.:;!?)]\s*$")
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")

Block = Line | TableBox


@dataclass(frozen=True)
class _PageText:
    text: str
    tables: tuple[tuple[int, int, TableBox], ...]  # (start, end) within the page's text
    runs_on: bool  # the last line reads as an unfinished sentence


def pages_to_document(pages: Sequence[PageLayout], data: bytes, path: str,
                      doc_id: str | None, engine: str) -> Document:
    """The Document for a PDF's pages; NeedsOcr when no page has a text layer."""
    if not any(page.has_text for page in pages):
        raise NeedsOcr(path, f"no text layer on any of its {len(pages)} page(s): scanned "
                             "images need OCR, which this pipeline does not do")
    lines, furniture = split_furniture(
        [pieces_to_lines(p.pieces, p.width, p.height, p.boxes) for p in pages])
    blocks = _mended([_with_tables(page_lines, page.tables)
                      for page_lines, page in zip(lines, pages, strict=True)])
    texts = [_page_text(page_blocks) for page_blocks in blocks]
    text, starts = _joined(texts)
    _refuse_unmapped_glyphs(text, path)
    tables = tuple(Table(number, starts[number - 1] + start, starts[number - 1] + end, box.rows)
                   for number, page in enumerate(texts, 1) for start, end, box in page.tables)
    sha = sha256_of(data)
    source = Source(path=path, sha256=sha, format="pdf", media_type="application/pdf",
                    furniture=tuple(furniture), tables=tables, engine=engine)
    return Document(doc_id or doc_id_for(stem_of(path), sha), text, source, tuple(starts),
                    notices=_notices(pages))


def _with_tables(lines: list[Line], tables: Sequence[TableBox]) -> list[Block]:
    """Tables slotted in among the upright lines at the height where they sit."""
    blocks: list[Block] = list(lines)
    for table in sorted(tables, key=lambda t: t.top, reverse=True):
        at = next((i for i, b in enumerate(blocks) if isinstance(b, Line)
                   and b.direction == UPRIGHT and b.top >= table.top), None)
        if at is None:
            upright = [i for i, b in enumerate(blocks)
                       if isinstance(b, Line) and b.direction == UPRIGHT]
            at = upright[-1] + 1 if upright else len(blocks)
        blocks.insert(at, table)
    return blocks


def _mended(pages: list[list[Block]]) -> list[list[Block]]:
    """Broken words mended across lines and page breaks; emptied lines dropped."""
    flat = [b.text if isinstance(b, Line) else None for page in pages for b in page]
    mended = iter(mend_lines(flat))
    out: list[list[Block]] = []
    for page in pages:
        kept: list[Block] = []
        for block in page:
            text = next(mended)
            if isinstance(block, TableBox):
                kept.append(block)
            elif text is not None and clean_line(text):
                kept.append(replace(block, text=clean_line(text)))
        out.append(kept)
    return out


def _page_text(blocks: list[Block]) -> _PageText:
    lines = [b for b in blocks if isinstance(b, Line)]
    height = median_line_height(lines)
    usual = usual_gap(lines)
    parts: list[str] = []
    tables: list[tuple[int, int, TableBox]] = []
    pos = 0
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            gap = "\n\n" if _starts_paragraph(previous, block, usual, height) else "\n"
            parts.append(gap)
            pos += len(gap)
        text = _table_text(block) if isinstance(block, TableBox) else block.text
        if isinstance(block, TableBox):
            tables.append((pos, pos + len(text), block))
        parts.append(text)
        pos += len(text)
        previous = block
    runs_on = isinstance(previous, Line) and not _SENTENCE_END.search(previous.text)
    return _PageText("".join(parts), tuple(tables), runs_on)


def _starts_paragraph(previous: Block, block: Block, usual: float, height: float) -> bool:
    if isinstance(previous, TableBox) or isinstance(block, TableBox):
        return True
    if previous.direction != block.direction or previous.region != block.region:
        return True
    return block.top - previous.bottom - usual > _PARAGRAPH_GAP * height


def _table_text(table: TableBox) -> str:
    rows = (_CELL_SEPARATOR.join(clean_line(c) for c in row if clean_line(c))
            for row in table.rows)
    return "\n".join(row for row in rows if row)


def _joined(pages: list[_PageText]) -> tuple[str, list[int]]:
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, page in enumerate(pages):
        if i:
            joiner = "\n" if pages[i - 1].runs_on else "\n\n"
            parts.append(joiner)
            pos += len(joiner)
        starts.append(pos)
        parts.append(page.text)
        pos += len(page.text)
    return "".join(parts), starts


def _refuse_unmapped_glyphs(text: str, path: str) -> None:
    """Fonts without a Unicode map give "(cid:12)" for every letter: not a text layer."""
    unmapped = sum(len(m) for m in _UNMAPPED_GLYPH.findall(text))
    if unmapped > 0.3 * max(len(text.strip()), 1):
        raise NeedsOcr(path, "its text layer is unreadable (fonts without a Unicode map): "
                             "the pages need OCR, which this pipeline does not do")


def _notices(pages: Sequence[PageLayout]) -> tuple[tuple[str, str], ...]:
    notes: list[tuple[str, str]] = []
    blank = [str(p.number) for p in pages if not p.has_text and not p.problem]
    if blank:
        notes.append(("pages_without_text", f"page(s) {', '.join(blank)} have no text layer "
                                            "(scanned images?); their words are missing"))
    notes.extend(("page_unreadable", f"page {p.number} could not be read: {p.problem}")
                 for p in pages if p.problem)
    return tuple(notes)
