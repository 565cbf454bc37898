"""Running headers, footers and page numbers, found by comparing pages.

A line is furniture when it sits in a page's top or bottom band, among the page's
first or last few lines, and the same line (digits aside: "Page 3 of 9") recurs in the
same band on at least half the pages. A page number is a bare number ("7", "- 7 -",
"Page 7", "7 of 20") in a band that keeps step with the page count on two pages or
more, or that is the page's own number on its outermost line. Otherwise one page on
its own proves nothing, so a one-page document keeps its other lines.
Lines naming money are never furniture: an amount must never be dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pipeline.document import PageFurniture
from pipeline.ingest.layout import Line

_BAND = 0.15  # share of the page height at the top and at the bottom that may hold furniture
_EDGE_LINES = 3  # how many lines from each end of a page are candidates
_MIN_SHARE = 0.5  # share of the pages a running line must appear on

# "7", "- 7 -", "Page 7", "page 7 of 20", "7 of 20", "7/20", "[7]"
PAGE_NUMBER = re.compile(
    r"""^[\[(\-–—\s]*(?:page\s*)?(?P<n>\d{1,4})
        (?:\s*(?:of|/)\s*\d{1,4})?[\])\-–—\s]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MONEY = re.compile(r"[£$€]|\b(?:GBP|EUR|USD)\b")
_DIGITS = re.compile(r"\d+")

Zone = Literal["header", "footer"]


@dataclass(frozen=True)
class _Candidate:
    page: int  # 0-based
    line: int  # index in the page's lines
    zone: Zone
    text: str
    outermost: bool  # the page's first line (header) or last line (footer)


def split_furniture(pages: Sequence[Sequence[Line]]
                    ) -> tuple[list[list[Line]], list[PageFurniture]]:
    """Each page's lines without its furniture, and the furniture, page by page."""
    candidates = [c for i, lines in enumerate(pages) for c in _candidates(i, lines)]
    kinds = _page_numbers(candidates)
    for candidate in _running_lines(candidates, len(pages)):
        kinds.setdefault((candidate.page, candidate.line), candidate.zone)
    kept = [[line for j, line in enumerate(lines) if (i, j) not in kinds]
            for i, lines in enumerate(pages)]
    furniture = [PageFurniture(i + 1, kind, pages[i][j].text)
                 for (i, j), kind in sorted(kinds.items())]
    return kept, furniture


def _candidates(page: int, lines: Sequence[Line]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for j, line in enumerate(lines):
        if _MONEY.search(line.text):
            continue
        if j < _EDGE_LINES and line.top < _BAND * line.frame_height:
            found.append(_Candidate(page, j, "header", line.text, j == 0))
        elif j >= len(lines) - _EDGE_LINES and line.bottom > (1 - _BAND) * line.frame_height:
            found.append(_Candidate(page, j, "footer", line.text, j == len(lines) - 1))
    return found


def _page_numbers(candidates: list[_Candidate]
                  ) -> dict[tuple[int, int], Literal["header", "footer", "page_number"]]:
    """Bare numbers that keep step with the pages (same offset on two pages or more),
    or that are their own page's number at the very top or bottom of the page."""
    numbered: list[tuple[_Candidate, int]] = []
    for candidate in candidates:
        found = PAGE_NUMBER.match(candidate.text.strip())
        if found:
            numbered.append((candidate, int(found.group("n")) - candidate.page))
    steps = Counter((c.zone, offset) for c, offset in numbered)
    return {(c.page, c.line): "page_number" for c, offset in numbered
            if steps[(c.zone, offset)] >= 2 or (offset == 1 and c.outermost)}


def _running_lines(candidates: list[_Candidate], page_count: int) -> list[_Candidate]:
    """Candidates whose digit-blind text recurs in the same band on enough pages."""
    pages_with: defaultdict[tuple[Zone, str], set[int]] = defaultdict(set)
    for c in candidates:
        pages_with[(c.zone, _key(c.text))].add(c.page)
    needed = max(2, math.ceil(_MIN_SHARE * page_count))
    return [c for c in candidates if len(pages_with[(c.zone, _key(c.text))]) >= needed]


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))
