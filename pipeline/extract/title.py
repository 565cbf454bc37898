"""A decision's title: labelled, a listing line's text, or the first line of content.

The lines that are never a title (furniture, the document's kind, form labels and their
values, codes and dates alone, a letter's salutation and file references) are in
`pipeline.patterns.titles`. Where content starts with running text or a section heading
before any title, the document prints none and the title is None, unless the line that
carries the decision's code also carries its title ("PCD 651 Non-classroom training",
"Decision 43 – 2014. Release of partnership funding (application, 126kB)").
"""

from __future__ import annotations

import re

from pipeline.extract.body import issuer_opening
from pipeline.extract.decision_dates import parse_date
from pipeline.extract.layout import label_matches
from pipeline.patterns.references import CODE, CODE_LINE
from pipeline.patterns.titles import (
    AGENDA_ITEM_NUMBER,
    BOILERPLATE_LINE,
    DOCUMENT_KIND_LINE,
    LABEL_LINE,
    LETTER_LINE,
    LINK_FURNITURE,
    LINKED_LINE,
    LISTING_LINE,
    ROLE_HOLDER_LINE,
    TITLE_LABEL,
)
from pipeline.segment import heading_kind

_TITLE_KEYS = ("subject", "title", "issue", "re:")
_MAX_TITLE = 200
_LOOK = 12  # lines of content searched for a title
_SCAN = 60  # lines of the opening read to find them
_SENTENCE_WORDS = 4  # a line ending in a full stop with this many words is a sentence
_CONTINUATION = 40  # a title's wrapped last words are short
_LABEL_WORDS = 4  # a form's label is short: "Chief Officer approval: N/A"
_FORM_VALUES = frozenset({"", "n/a", "na", "yes", "no", "none", "nil", "open", "exempt"})
_ACRONYM = re.compile(r"[A-Z]{1,5}")
_LIST_ITEM = re.compile(r"\(?[a-z0-9]{1,3}[.)](?:[ \t]|$)")  # "1. ", "(a) ", "ii) ", "3."
# A resolution's lead-in ("That Cabinet", "RESOLVED that"), a purpose ("To consider the
# report."), or a line ending in a verb or "that" ("..., it was"): the text of a decision,
# which a title never is.
_RESOLUTION = re.compile(r"(?:That|THAT)[ \t]|To[ \t][a-z]+[ \t][^\n]*\.$")
_ENDS_MID_CLAUSE = frozenset({"was", "were", "is", "are", "be", "that"})
_CODE_ALONE = re.compile(rf"[ \t]*(?:{CODE})[ \t]*(?:\|[ \t]*)?$", re.VERBOSE)
_CODE_PREFIX = re.compile(rf"^[ \t]*(?:Decision[ \t]?)?(?:{CODE})[ \t]*(?:[.:|]|[–—-][ \t])[ \t]*",
                          re.VERBOSE)


def text_to_title(head: str, first_line: int, code_line: str | None) -> str | None:
    """The title printed in `head` (content from offset `first_line`); `code_line` is the
    line that gave the decision's code, a title of last resort."""
    labelled = _labelled(head)
    if labelled:
        return labelled
    lines = [line.strip(" \t\r•·*") for line in head[first_line:].split("\n", _SCAN)[:_SCAN]]
    listing = LISTING_LINE.match(lines[0]) if lines else None
    if listing is not None:
        return _clean(listing.group("title"))
    return _first_title_line(lines) or _title_of_code_line(code_line)


def _labelled(head: str) -> str | None:
    for found in label_matches(TITLE_LABEL, head, _TITLE_KEYS):
        title = _clean(head[slice(*found.span("title"))])
        if (title and len(title) <= _MAX_TITLE and not title.endswith(":")
                and not _never_a_title(title)):
            return title
    return None


def _first_title_line(lines: list[str]) -> str | None:
    """The first line of content that can be a title, or None once running text or a
    section heading shows the document printed none."""
    content = [i for i, line in enumerate(lines) if line][:_LOOK]
    skip_value = False
    for at, index in enumerate(content):
        line = lines[index]
        waiting, skip_value = skip_value, False
        if _is_label_line(line) or line.endswith(":"):  # a label, or a lead-in to a list
            skip_value = line.endswith(":")
            continue
        if waiting:  # the value of the label standing alone on the line above
            continue
        if _never_a_title(line):
            continue
        following = [lines[i] for i in content[at + 1:at + 2]]
        prose = _is_running_text(line, following, first=at == 0)
        if heading_kind(line) or prose or _is_cell(line, following):
            return None
        return _with_continuation(line, lines[index + 1] if index + 1 < len(lines) else "")
    return None


def _is_label_line(line: str) -> bool:
    """A form's "Label: value" line, or a label alone: by the label's shape, or by a value
    that only a form gives ("N/A", "Yes", a date, a code)."""
    if LABEL_LINE.match(line):
        return True
    label, colon, value = line.partition(":")
    value = value.strip()
    return bool(colon) and len(label.split()) <= _LABEL_WORDS and (
        value.lower() in _FORM_VALUES or parse_date(value) is not None or _code_alone(value))


def _is_cell(line: str, following: list[str]) -> bool:
    """A cell of a table row printed one cell a line ("2013/038 | A. Officer | Title |"):
    which cell is the title cannot be told, so none is taken."""
    return line.endswith("|") or bool(following and following[0].strip() == "|")


def _never_a_title(line: str) -> bool:
    words = _clean(line)
    return (not words or BOILERPLATE_LINE.match(words) is not None
            or DOCUMENT_KIND_LINE.match(words) is not None
            or LETTER_LINE.match(words) is not None
            or ROLE_HOLDER_LINE.match(words) is not None
            or issuer_opening(words) == words  # the issuer's name alone: a masthead
            or parse_date(words) is not None
            or _code_alone(words)
            or _ACRONYM.fullmatch(words) is not None)  # an acronym alone: "UD"


def _code_alone(line: str) -> bool:
    found = _CODE_ALONE.match(line) or CODE_LINE.match(line)
    return found is not None and any(c.isdigit() for c in line)


def _is_running_text(line: str, following: list[str], *, first: bool) -> bool:
    """A sentence, a list item or wrapped prose: the page started mid-text. The first line
    may end in a full stop when a form's labels follow it (a web page's heading)."""
    words = line.split()
    form_follows = first and bool(following and _is_label_line(following[0]))
    return (len(line) > _MAX_TITLE
            or (line.endswith((".", ":", ";")) and len(words) >= _SENTENCE_WORDS
                and not form_follows)
            or _RESOLUTION.match(line) is not None
            or (len(words) > 1 and words[-1].lower() in _ENDS_MID_CLAUSE)
            or _LIST_ITEM.match(line) is not None
            or bool(following and following[0][:1].islower()))


def _with_continuation(line: str, nxt: str) -> str:
    """A title wrapped onto a short second line ("Five Estates, Peckham" / "Partnerships")."""
    if (nxt and len(nxt) <= _CONTINUATION and nxt[:1].isupper() and not line.endswith((".", ":"))
            and not nxt.endswith((".", ":")) and not _never_a_title(nxt)
            and not LABEL_LINE.match(nxt) and not heading_kind(nxt)):
        return _clean(f"{line} {nxt}")
    return _clean(line)


def _title_of_code_line(code_line: str | None) -> str | None:
    """ "Decision10422. Unsupported applications (application, 97kB)" -> "Unsupported
    applications"; a known series' line keeps its code ("PCD 651 Non-classroom ..."); a
    listing's line gives its title ("04/03/2021 - Rent review ref: 3312  Approved")."""
    if not code_line:
        return None
    line = _clean(code_line)
    listing = LISTING_LINE.match(line)
    if listing is not None:  # a listing's line further down the page
        return _clean(listing.group("title"))
    prefix = _CODE_PREFIX.match(line)
    if prefix is not None and line.lower().startswith("decision"):
        line = line[prefix.end():]
    if (_never_a_title(line) or not re.search(r"[A-Za-z]{3}", line)
            or _is_running_text(line, [], first=False)):
        return None
    return line


def _clean(text: str) -> str:
    """Words of a title line without link furniture, markup, or the agenda item's number
    opening a linked item's line."""
    if LINKED_LINE.search(text):
        text = AGENDA_ITEM_NUMBER.sub("", text.lstrip())
    words = LINK_FURNITURE.sub("", text)
    return " ".join(words.split()).strip(" |–-")
