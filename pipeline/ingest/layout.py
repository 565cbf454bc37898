"""A PDF page as positioned pieces of text, and the visual lines they make.

Both PDF engines reduce a page to `Piece`s (a word, or a run of characters the engine
kept together) with boxes in the page's *reading frame*: the page turned so that the
text reads left to right, top to bottom. Turning text into lines is then one shared
rule, whatever the engine and whatever the order the PDF drew things in: pieces whose
boxes overlap vertically form a line, read left to right. That keeps a paragraph
number set in the margin ("5." a little below the line's top) on its line, and puts a
footer drawn first in the content stream back at the bottom.

Ruled boxes (a form's "Decision no:" cell beside its "Decision by:" cell) are read
one at a time: a box's lines together, side-by-side boxes left to right, so a label
stays with the value ruled in under it.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Directions a piece of text can run in, as the clockwise turn from upright.
UPRIGHT, DOWN, UPSIDE_DOWN, UP = 0, 90, 180, 270

_SAME_LINE_OVERLAP = 0.5  # share of the shorter box's height two boxes on one line share
_ROWS_TO_SEARCH = 3  # a piece joins one of the last few lines, never an earlier one
_SPACE_GAP = 0.1  # horizontal gap, as a share of line height, that reads as a space
FREE = -1  # the region of a line in no ruled box

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class Piece:
    """Text with its box in the reading frame of its direction (top grows downwards)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    direction: int = UPRIGHT


@dataclass(frozen=True)
class Line:
    """One visual line; `frame_height` lets furniture rules speak in page fractions."""

    text: str
    x0: float
    top: float
    bottom: float
    frame_height: float
    direction: int = UPRIGHT
    region: int = FREE  # the ruled box holding the line, by index

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass(frozen=True)
class TableBox:
    """A table the engine found: where it sits and its cells' text, row by row."""

    top: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageLayout:
    """What an engine read from one page; plain data, so it crosses process boundaries."""

    number: int
    width: float
    height: float
    pieces: tuple[Piece, ...]
    tables: tuple[TableBox, ...] = ()
    boxes: tuple[Box, ...] = ()  # ruled boxes holding text, upright frame
    problem: str = ""  # why the engine could not read this page, when it could not

    @property
    def has_text(self) -> bool:
        return any(p.text.strip() for p in self.pieces) or bool(self.tables)


def box_to_frame(box: tuple[float, float, float, float], direction: int, width: float,
                 height: float) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) on the displayed page -> the same box in `direction`'s frame.

    Text running down the page is read by turning the page a quarter anticlockwise, so
    its first line is the rightmost; text running up, the other way round.
    """
    x0, top, x1, bottom = box
    if direction == DOWN:
        return top, width - x1, bottom, width - x0
    if direction == UP:
        return height - bottom, x0, height - top, x1
    if direction == UPSIDE_DOWN:
        return width - x1, height - bottom, width - x0, height - top
    return box


def direction_of(dx: float, dy: float) -> int:
    """The direction of text whose baseline runs along (dx, dy), y pointing up."""
    if abs(dx) >= abs(dy):
        return UPRIGHT if dx >= 0 else UPSIDE_DOWN
    return UP if dy > 0 else DOWN


def pieces_to_lines(pieces: Iterable[Piece], width: float, height: float,
                    boxes: Sequence[Box] = ()) -> list[Line]:
    """Visual lines, top to bottom; the direction holding most text comes first."""
    groups: dict[int, list[Piece]] = {}
    for piece in pieces:
        if piece.text.strip():
            groups.setdefault(piece.direction, []).append(piece)
    ordered = sorted(groups.items(), key=lambda kv: -sum(len(p.text) for p in kv[1]))
    lines: list[Line] = []
    for direction, group in ordered:
        frame_height = height if direction in (UPRIGHT, UPSIDE_DOWN) else width
        if direction == UPRIGHT and boxes:
            lines.extend(_boxed_lines(group, boxes, frame_height))
        else:
            lines.extend(_lines(group, frame_height, direction, FREE))
    return lines


def _lines(pieces: Sequence[Piece], frame_height: float, direction: int,
           region: int) -> list[Line]:
    rows = _rows(sorted(pieces, key=lambda p: (p.top, p.x0)))
    return [_row_to_line(row, frame_height, direction, region) for row in rows]


def _boxed_lines(pieces: Sequence[Piece], boxes: Sequence[Box],
                 frame_height: float) -> list[Line]:
    """Free lines in page order; boxes side by side read as one unit, left to right."""
    held: dict[int, list[Piece]] = {}
    for piece in pieces:
        held.setdefault(_box_of(piece, boxes), []).append(piece)
    units: list[tuple[float, list[Line]]] = [
        (line.top, [line]) for line in _lines(held.pop(FREE, []), frame_height, UPRIGHT, FREE)]
    for group in _side_by_side(sorted(held, key=lambda i: boxes[i][1]), boxes):
        group_lines: list[Line] = []
        for i in sorted(group, key=lambda i: (boxes[i][0], boxes[i][1])):
            group_lines.extend(_lines(held[i], frame_height, UPRIGHT, i))
        units.append((min(boxes[i][1] for i in group), group_lines))
    return [line for _, unit in sorted(units, key=lambda u: u[0]) for line in unit]


def _box_of(piece: Piece, boxes: Sequence[Box]) -> int:
    x, y = (piece.x0 + piece.x1) / 2, (piece.top + piece.bottom) / 2
    for i, (x0, top, x1, bottom) in enumerate(boxes):
        if x0 <= x <= x1 and top <= y <= bottom:
            return i
    return FREE


def _side_by_side(order: list[int], boxes: Sequence[Box]) -> list[list[int]]:
    """Boxes (taken top-down) grouped while each overlaps the group's height enough."""
    groups: list[list[int]] = []
    span = (0.0, 0.0)
    for i in order:
        box_span = (boxes[i][1], boxes[i][3])
        if groups and _same_line(span, box_span):
            groups[-1].append(i)
            span = (min(span[0], box_span[0]), max(span[1], box_span[1]))
        else:
            groups.append([i])
            span = box_span
    return groups


def _rows(pieces: Sequence[Piece]) -> list[list[Piece]]:
    rows: list[list[Piece]] = []
    spans: list[tuple[float, float]] = []
    for piece in pieces:
        found = None
        for i in range(len(rows) - 1, max(len(rows) - 1 - _ROWS_TO_SEARCH, -1), -1):
            if _same_line(spans[i], (piece.top, piece.bottom)):
                found = i
                break
        if found is None:
            rows.append([piece])
            spans.append((piece.top, piece.bottom))
        else:
            rows[found].append(piece)
            top, bottom = spans[found]
            spans[found] = (min(top, piece.top), max(bottom, piece.bottom))
    order = sorted(range(len(rows)), key=lambda i: spans[i][0])
    return [rows[i] for i in order]


def _same_line(a: tuple[float, float], b: tuple[float, float]) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    shorter = max(min(a[1] - a[0], b[1] - b[0]), 1.0)
    return overlap >= _SAME_LINE_OVERLAP * shorter


def _row_to_line(row: list[Piece], frame_height: float, direction: int,
                 region: int) -> Line:
    row = sorted(row, key=lambda p: p.x0)
    top = min(p.top for p in row)
    bottom = max(p.bottom for p in row)
    gap_for_space = _SPACE_GAP * max(bottom - top, 1.0)
    parts = [row[0].text]
    for before, piece in itertools.pairwise(row):
        spaced = parts[-1][-1:].isspace() or piece.text[:1].isspace()
        if not spaced and piece.x0 - before.x1 > gap_for_space:
            parts.append(" ")
        parts.append(piece.text)
    return Line("".join(parts), row[0].x0, top, bottom, frame_height, direction, region)


def median_line_height(lines: Sequence[Line]) -> float:
    """The page's typical line height: the yardstick for paragraph gaps."""
    return statistics.median(line.height for line in lines) if lines else 12.0


def usual_gap(lines: Sequence[Line]) -> float:
    """The lower quartile of the gaps between neighbouring lines of one box and direction.

    The lower quartile, so a page of one-line paragraphs still shows its line spacing.
    """
    gaps = sorted(max(b.top - a.bottom, 0.0) for a, b in itertools.pairwise(lines)
                  if a.region == b.region and a.direction == b.direction and b.top > a.top)
    return gaps[len(gaps) // 4] if gaps else 0.0
