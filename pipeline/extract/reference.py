"""A decision's own reference code, read from where decisions print it.

The places are tried from the surest to the weakest (patterns and examples in
`pipeline.patterns.references`): a labelled code; a listing title line's "ref: N" (the
first content line, then the first listing line further down); a code of a known series
opening a line; a bare code, a letter-prefixed code before a dash, or a planning
application's number opening the title line; a financial-year series code closing it; a
named series with its number ("NFRS Decision Record 41"); a line that is only a code;
"Decision <code>" opening a line; the one planning application named after "application";
the known-series code that closes a signed decision. Unlabelled places accept only
codes that cannot be a date, a year range, a financial year or a paragraph number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.extract.layout import label_matches
from pipeline.patterns.references import (
    CODE_LINE,
    DECISION_NUMBER_LINE,
    LISTING_REF_LINE,
    NOT_A_CODE,
    OTHER_THINGS_NUMBERED,
    PLANNING_APPLICATION,
    PLANNING_TITLE,
    REFERENCE_LABEL,
    REFERENCE_VALUE,
    SERIES_CODE,
    TITLE_CODE,
    TITLE_LINE_REF,
    TITLE_PREFIX_CODE,
    TITLE_START_CODE,
    TITLE_YEAR_CODE,
)

_REF_KEYS = ("ref", "decision no", "decision number", "decision made", "forward plan",
             "key decision")
_TOP = 800  # a code standing on its own sits in a document's first lines
_BROKEN_HYPHEN = re.compile(r"-[ \t]*\n\s*")
_GLUED_PREFIX = re.compile(r"^([A-Z]{1,6})(?=\d+$)")
_STRONG_DIGITS = 5  # an unlabelled bare number needs this many digits ("25 – 2013")
_KEY_DECISION_DIGITS = 3  # "Key decision: 1" counts a criterion; "KD/0412" is a code


def normalise_reference(raw: str) -> str:
    """A code as one line, its letter prefix spaced from a plain number: "DD2707" ->
    "DD 2707", "PCD  651" -> "PCD 651", "2018-\\n140687" -> "2018-140687"; a prefix
    that is part of a longer code stays ("WPC3-0054", "AUG25/CMDN/28")."""
    ref = " ".join(_BROKEN_HYPHEN.sub("-", raw).split())
    return _GLUED_PREFIX.sub(r"\1 ", ref)


def plausible_code(code: str, *, labelled: bool) -> bool:
    """Whether `code` can be a decision's code where it stands.

    Never a date ("13/07/2021"). Unlabelled, also never a financial year ("2018-19"), a
    year range ("2017-2021"), a month and year ("06/2015") or a short number ("1.2",
    "Decision 2"): a bare number needs `_STRONG_DIGITS` digits or a letter prefix."""
    flat = normalise_reference(code)
    shape = NOT_A_CODE.match(flat)
    if shape is not None:
        if shape.group("date"):
            return False
        if not labelled and (shape.group("month_year") or (
                shape.group("y1") and _is_year_span(shape["y1"], shape["y2"]))):
            return False
    if labelled or flat[:1].isupper():
        return any(c.isdigit() for c in flat)
    return sum(c.isdigit() for c in flat) >= _STRONG_DIGITS


def _is_year_span(first: str, second: str) -> bool:
    """ "2018-19" and "2017-2021" are periods; "2023/50" and "2013/038" are not."""
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    return start < end <= start + 10


@dataclass(frozen=True)
class PrintedCode:
    """A decision's code as printed, and the line it opens when it opens one (that line
    may carry the title: "PCD 651 Non-classroom training review")."""

    code: str
    line: str | None = None


def text_to_reference(head: str, tail: str, first_line: int) -> PrintedCode | None:
    """The decision's own code as printed in `head` (the document's start, whose first
    line of content starts at `first_line`) or `tail` (its end), or None."""
    opening = head[first_line:]
    title_line = opening.split("\n", 1)[0]
    finders: tuple[Callable[[], PrintedCode | None], ...] = (
        lambda: _labelled(head),
        lambda: _title_line_ref(title_line),
        lambda: _listing_line_ref(head),
        lambda: _first(TITLE_CODE, head[:_TOP], labelled=True),
        lambda: _first(TITLE_START_CODE, opening, labelled=False, anchored=True),
        lambda: _first(TITLE_PREFIX_CODE, opening, labelled=False, anchored=True),
        lambda: _first(PLANNING_TITLE, opening, labelled=True, anchored=True),
        lambda: _title_year_code(title_line),
        lambda: _first(SERIES_CODE, head[:_TOP], labelled=True),
        lambda: _first(CODE_LINE, head[:_TOP], labelled=False),
        lambda: _first(DECISION_NUMBER_LINE, head, labelled=False, line_start=True),
        lambda: _planning_application(head),
        lambda: _first(TITLE_CODE, tail, labelled=True),
    )
    for finder in finders:
        found = finder()
        if found is not None:
            return found
    return None


def _labelled(head: str) -> PrintedCode | None:
    for label in label_matches(REFERENCE_LABEL, head, _REF_KEYS, cells=True, brackets=True):
        start = label.start("label")
        if head[start - 1:start] in "([" and start and not label.group("bare"):
            continue  # only a forward-plan or key-decision label stands in brackets
        value = REFERENCE_VALUE.match(head[slice(*label.span("value"))])
        if value is None:
            continue
        words = " ".join(label.group("label").split())
        if words == "key decision" and sum(
                c.isdigit() for c in value.group("ref")) < _KEY_DECISION_DIGITS:
            continue
        if plausible_code(value.group("ref"), labelled=words != "decision made"):
            return PrintedCode(value.group("ref"))
    return None


def _title_line_ref(title_line: str) -> PrintedCode | None:
    """A listing line's "... ref: 957    Recommendations Approved"."""
    found = TITLE_LINE_REF.search(title_line)
    if found is None or not plausible_code(found.group("ref"), labelled=True):
        return None
    before = title_line[: found.start()].split()
    if before and before[-1].strip(".,()").lower() in OTHER_THINGS_NUMBERED:
        return None
    return PrintedCode(found.group("ref"))


def _listing_line_ref(head: str) -> PrintedCode | None:
    """The code on the first decision listing line of `head`, with that line (its title)."""
    found = LISTING_REF_LINE.search(head)
    if found is None:
        return None
    start = found.start()
    end = head.find("\n", start)
    line = head[start:end if end >= 0 else len(head)]
    code = _title_line_ref(line)
    return PrintedCode(code.code, line) if code else None


def _title_year_code(title_line: str) -> PrintedCode | None:
    """A code numbered within a financial year closing the title line ("... ABC04 19/20")."""
    found = TITLE_YEAR_CODE.search(title_line)
    if found is None or int(found["y2"]) != (int(found["y1"]) + 1) % 100:
        return None
    return PrintedCode(found.group("ref"), title_line)


def _planning_application(head: str) -> PrintedCode | None:
    """The planning application a page reports on, named after "application"; None when
    it names two (the code of an earlier application cannot be told from the decided one)."""
    codes = {found.group("ref") for found in PLANNING_APPLICATION.finditer(head)
             if head[max(0, found.start() - 2):found.start()][-1:] in ("A", "a")
             and not head[max(0, found.start() - 2):found.start() - 1].isalnum()}
    return PrintedCode(codes.pop()) if len(codes) == 1 else None


def _first(pattern: re.Pattern[str], text: str, *, labelled: bool, anchored: bool = False,
           line_start: bool = False) -> PrintedCode | None:
    """The first match of `pattern` (at the start of `text` only, when `anchored`; opening
    its line, when `line_start`) whose code is plausible, with the line it stands on."""
    matches = [m for m in [pattern.match(text)] if m] if anchored else pattern.finditer(text)
    for found in matches:
        if line_start and text[text.rfind("\n", 0, found.start()) + 1:found.start()].strip(" \t•·"):
            continue
        if plausible_code(found.group("ref"), labelled=labelled):
            start = text.rfind("\n", 0, found.start("ref")) + 1
            end = text.find("\n", found.end("ref"))
            return PrintedCode(found.group("ref"), text[start:end if end >= 0 else len(text)])
    return None
