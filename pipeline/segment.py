"""Headings, numbered paragraphs and list items, found line by line.

Decisions are written to a template (summary, recommendations, numbered comments by
discipline), so a heading is a short line whose words are a known heading, with or
without a number ("3. Financial Comments", "Legal implications:"). Other headings are
found by layout alone (kind "other"):
- a whole-numbered line ("2 Revenue position", "3. Other factors", "4.0 Risks") whose
  next line is its first sub-paragraph ("2.1 ..."), or a short one ("2. Revenue
  position") that closes section N-1 (after "1.3 ...") and comes before prose;
- an upper-case line ("KEY DECISION DETAILS"), or a Title Case line ("Mitigating the
  Forecast Overspend", "3. Capital Programme Changes"), standing alone: after a blank line
  or a finished sentence, and before a paragraph of prose.
A line inside a paragraph (after a long line with no sentence end: a PDF's wrapped line)
or holding a finished sentence and more words is never a heading. A numbered line
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
# Layout headings: at most this many words and characters.
_MAX_LAYOUT_WORDS = 10
_MAX_LAYOUT_CHARS = 80
# A line this long with no sentence end is wrapped: the next line continues it.
_WRAPPED_LINE = 60
# A finished sentence inside a line, then more words: "Appendix 1). Works to start in".
_SENTENCE_INSIDE = re.compile(r"(?:[a-z]{2}|\))[.;!?]\)?\s+(?:\S+\s+){3,}\S")
# A numbered heading in sentence case ("2. Revenue position"): at most this many words.
_MAX_NUMBERED_WORDS = 6
# Prose: a line that ends a sentence, or runs on for this many words.
_PROSE_WORDS = 8
# Words a Title Case heading may keep in lower case.
_SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
    "to", "with", "under", "over", "vs", "per", "via",
))
# A section number: whole ("2", "2.") or with a zero part ("4.0").
_SECTION_NUMBER = re.compile(r"(?P<whole>\d{1,2})(?:\.0)?")


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

    previous: tuple[str, bool] | None = None  # the last numbered line: number, heading?
    for i, line in enumerate(lines):
        body = text[line.body_start : line.end]
        kind = _line_heading(text, lines, i, previous)
        if line.number is not None and not line.bullet:
            previous = (line.number, kind is not None)
        if kind is not None:
            close_paragraph()
            if sections:
                sections[-1] = replace(sections[-1], end=line.start)
            whole = _SECTION_NUMBER.fullmatch(line.number or "")
            number = whole.group("whole") if whole else None
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


def _line_heading(
    text: str, lines: list[_Line], i: int, previous: tuple[str, bool] | None
) -> str | None:
    """The kind of heading line `i` is: a known heading's kind, "other" for a heading
    found by layout, or None."""
    line = lines[i]
    body = text[line.body_start : line.end].strip()
    if line.bullet or len(body) > _MAX_HEADING_CHARS:
        return None
    kind = heading_kind(body)
    if kind is not None:
        return None if _SENTENCE_INSIDE.search(body) else kind
    if _layout_heading(text, lines, i, body, previous) and not _inside_paragraph(text, lines, i):
        return "other"
    return None


def _inside_paragraph(text: str, lines: list[_Line], i: int) -> bool:
    """A line that carries on the line before: no blank line between, and that line is
    long and ends no sentence (a PDF's wrapped paragraph)."""
    if i == 0 or _blank_between(text, lines[i - 1].end, lines[i].start):
        return False
    before = text[lines[i - 1].start : lines[i - 1].end].rstrip()
    return len(before) >= _WRAPPED_LINE and not before.endswith((".", ":", ";", "!", "?"))


def _layout_heading(
    text: str, lines: list[_Line], i: int, body: str, previous: tuple[str, bool] | None
) -> bool:
    """A heading by layout alone (see the module docstring)."""
    words = body.split()
    if (
        not words
        or len(words) > _MAX_LAYOUT_WORDS
        or len(body) > _MAX_LAYOUT_CHARS
        or not body[0].isupper()
        or body[-1] in ".;,:!?"
        or any(mark in body for mark in (",", ":", "|", "£", "$", "€"))
        or words[0] == "That"  # a resolution: "That the Mayor"
        or words[-1].lower() in _SMALL_WORDS  # a sentence running on: "is recommended to"
    ):
        return False
    line = lines[i]
    number = _SECTION_NUMBER.fullmatch(line.number or "")
    following = lines[i + 1] if i + 1 < len(lines) else None
    if line.number is not None and number is None:
        return False  # "2.1 The Council has ...": a paragraph, never a heading
    if number is not None and following is not None and (following.number or "") == (
        f"{number.group('whole')}.1"
    ):
        return True
    dotted = number is None or text[line.start : line.body_start].rstrip().endswith(".")
    if not dotted or following is None or not _is_prose(text, following):
        return False
    if number is not None and _next_section(int(number.group("whole")), previous):
        return len(words) <= _MAX_NUMBERED_WORDS and words[0].lower() not in _action_words()
    return (_is_upper(words) or _is_title(words)) and _stands_alone(text, lines, i)


def _next_section(number: int, previous: tuple[str, bool] | None) -> bool:
    """Whether the numbered line before closes section `number - 1`: the heading
    "N-1." itself, or one of its paragraphs "N-1.k" ("2. Revenue position" after "1.3 ...").
    After a list item "1." the line "2. ..." is the next item."""
    if previous is None or number < 2:
        return False
    earlier, was_heading = previous
    if earlier == str(number - 1):
        return was_heading
    return re.fullmatch(rf"{number - 1}(?:\.\d{{1,2}})+", earlier) is not None


@lru_cache(maxsize=1)
def _action_words() -> frozenset[str]:
    """Verbs that open a recommendation ("2. Note the risks"), from `actions.json`."""
    raw = json.loads(resources.files("pipeline.patterns").joinpath("actions.json").read_text())
    return frozenset(raw["verbs"]) | {"to", "that"}


def _is_upper(words: list[str]) -> bool:
    letters = [c for c in "".join(words) if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and not any(
        c.isdigit() for c in "".join(words))


def _is_title(words: list[str]) -> bool:
    """Title Case of two words or more: every word capitalised but the small ones."""
    if len(words) < 2:
        return False
    for word in words:
        letters = word.strip("()'’\"-–")
        if not letters or not letters[0].isalpha():
            return False
        if letters[0].islower() and letters.lower() not in _SMALL_WORDS:
            return False
    return True


def _stands_alone(text: str, lines: list[_Line], i: int) -> bool:
    """After a blank line, the start of the text, or a finished sentence; never after a
    lead-in ("is asked to approve:") or a sentence cut short ("That the DMPC approves
    the"), where the line is an item of what the lead-in opens."""
    if i == 0:
        return True
    before = text[lines[i - 1].start : lines[i - 1].end].rstrip()
    last_word = before.rsplit(maxsplit=1)[-1].lower() if before else ""
    if before.endswith((":", ";", ",")) or last_word in _SMALL_WORDS:
        return False
    return _blank_between(text, lines[i - 1].end, lines[i].start) or before.endswith(
        (".", "!", "?"))


def _is_prose(text: str, line: _Line) -> bool:
    """A paragraph: a sub-numbered one ("2.1 The ..."), or an unnumbered line ending a
    sentence or running on. A list item ("1. Approve", "(a) note") is not: the line
    above it is a lead-in or an item, not a heading."""
    body = text[line.body_start : line.end].rstrip()
    if line.number is not None or line.bullet:
        return line.number is not None and "." in line.number and not line.bullet
    return body.endswith((".", "!", "?")) or len(body.split()) >= _PROSE_WORDS
