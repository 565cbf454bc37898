"""Headings, numbered paragraphs and list items, found line by line.

Decisions are written to a template (summary, recommendations, numbered comments by
discipline), so a heading is a short line whose words are a known heading, with or
without a number ("3. Financial Comments", "Legal implications:"). A numbered line
("3.1.", "2)", "a)") starts a paragraph; unnumbered lines continue the one above, so a
PDF's wrapped lines and a web page's bullets share their paragraph's number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from pipeline.document import Document, Paragraph, Section

# "3.1. text", "3.1 text", "12. text", "2) text", "(b) text", "iv. text", "• text"
LINE_MARKER = re.compile(
    r"""^[ \t]*
    (?:
        (?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:[.):]|(?=[ \t]+\S)|(?=[A-Z]))   # 3.1.  3.1  2)  10The
      | \(?(?P<alpha>[a-zA-Z]|[ivxIVX]{1,4})[.)]                              # a)  (b)  iv.
      | (?P<bullet>[•·▪◦‣*\-–])                                                # bullets
    )[ \t]*""",
    re.VERBOSE,
)
_MAX_HEADING_CHARS = 100
_SENTENCE_END = re.compile(r"[.;,]\s*$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    body_start: int
    number: str | None
    bullet: bool


@lru_cache(maxsize=1)
def _heading_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """All heading patterns as one alternation (the first kind that matches wins, as the
    table's order says), so a line costs one match, not one per kind."""
    raw = json.loads(resources.files("pipeline.patterns").joinpath("headings.json").read_text())
    groups = {f"k{i}": row["kind"] for i, row in enumerate(raw["headings"])}
    pattern = "|".join(f"(?P<k{i}>{row['pattern']})" for i, row in enumerate(raw["headings"]))
    return re.compile(pattern, re.IGNORECASE), groups


def heading_kind(line: str) -> str | None:
    """The kind of heading `line` is, or None when it is body text."""
    words = line.strip().rstrip(":").strip()
    if not words or len(words) > _MAX_HEADING_CHARS or _SENTENCE_END.search(words):
        return None
    words = re.sub(r"\s+", " ", words)
    pattern, kinds = _heading_table()
    found = pattern.fullmatch(words)
    return kinds[found.lastgroup] if found is not None and found.lastgroup else None


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        end = pos + len(raw.rstrip("\r\n"))
        content = text[pos:end]
        if content.strip():
            marker = LINE_MARKER.match(content)
            number = None
            bullet = False
            body = pos
            if marker:
                number = marker.group("num") or marker.group("alpha")
                bullet = marker.group("bullet") is not None
                body = pos + marker.end()
            else:
                body = pos + len(content) - len(content.lstrip())
            lines.append(_Line(pos, end, body, number, bullet))
        pos += len(raw)
    return lines


def document_to_segmented(doc: Document) -> Document:
    """`doc` with its sections and paragraphs; the text is untouched."""
    text = doc.text
    lines = _lines(text)
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    para_start: int | None = None
    para_number: str | None = None
    para_end = 0

    def close_paragraph() -> None:
        nonlocal para_start
        if para_start is not None and para_end > para_start:
            paragraphs.append(Paragraph(para_number, para_start, para_end))
        para_start = None

    for line in lines:
        body = text[line.body_start : line.end]
        kind = heading_kind(body) if not line.bullet else None
        if kind is not None:
            close_paragraph()
            if sections:
                sections[-1] = replace(sections[-1], end=line.start)
            number = line.number if line.number and line.number.isdigit() else None
            sections.append(
                Section(body.strip().rstrip(":").strip(), number, kind, line.start, len(text))
            )
            continue
        starts_new = line.number is not None and not line.bullet
        if starts_new or para_start is None or _blank_between(text, para_end, line.start):
            close_paragraph()
            para_start = line.start
            para_number = line.number if starts_new else None
        para_end = line.end
    close_paragraph()
    return replace(doc, sections=tuple(sections), paragraphs=tuple(paragraphs))


def _blank_between(text: str, end: int, start: int) -> bool:
    return text.count("\n", end, start) > 1
