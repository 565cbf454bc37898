"""A decision's own dates, by kind (decided, published, signed), read from where they print.

The places and their kinds are in `pipeline.patterns.dates`. Labelled dates come first, in
the document's opening and closing parts (a signed PDF prints "Dated" on its last page);
the unlabelled places fill only a kind no label gave. A date in running text is never read:
"the contract starts on 1 April 2024" is not the decision's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from pipeline.extract import casefree
from pipeline.extract.layout import label_matches, lines_head
from pipeline.patterns.dates import (
    ADDRESSEE_DATE,
    DATE_KINDS,
    DATE_LABEL,
    LISTING_DATE,
    LONE_DATE,
    MEETING_OF_DATE,
    MINUTES_DATE,
    SIGNATORY_DATE,
    SIGNATURE_LINE,
    TITLE_CLOSING_DATE,
)

_DATE_KEYS = ("date", "signed", "signature", "published", "meeting", "approved")
_FIRST_LINES = 8  # a letter's or report's own date stands among its first lines
_LISTING_LINES = 5  # a listing's dated line is its first or second line of content
_TOP = 800  # an addressee line sits at the top of a report
_CLOSE = 400  # a signatory's line closes the document
_SIGNATURE_REACH = 2  # a bare "Date:" this many lines under a signature is its date


def text_to_dates(head: str, tail: str, first_line: int) -> dict[str, date]:
    """Dates by kind from `head` (the document's start, content from offset `first_line`)
    and `tail` (its end)."""
    found: dict[str, date] = {}
    for kind, value in _labelled(head):
        found.setdefault(kind, value)
    for kind, value in _labelled(tail):  # a document's end holds its signature, not more
        if kind == "signed":
            found.setdefault(kind, value)
    lines = lines_head(head[first_line:], max(_FIRST_LINES, _LISTING_LINES))
    fallbacks: tuple[tuple[str, Callable[[], date | None]], ...] = (
        ("decided", lambda: _first(LISTING_DATE, "\n".join(lines[:_LISTING_LINES]))),
        ("decided", lambda: _first(ADDRESSEE_DATE, head[:_TOP], any_case=True)),
        ("decided", lambda: _first(MINUTES_DATE, lines[0] if lines else "", any_case=True)),
        ("decided", lambda: _first(MEETING_OF_DATE, "\n".join(lines[:_FIRST_LINES]),
                                   any_case=True)),
        ("signed", lambda: _first(SIGNATORY_DATE, tail[-_CLOSE:])),
    )
    for kind, find in fallbacks:
        extra = None if kind in found else find()
        if extra is not None:
            found[kind] = extra
    if not found:  # the date a letter or report bears, when nothing names a date
        lone = _lone_date(lines[:_FIRST_LINES]) or _first(
            TITLE_CLOSING_DATE, lines[0] if lines else "", any_case=True)
        if lone is not None:
            found["published"] = lone
    return found


def _lone_date(lines: list[str]) -> date | None:
    """A date alone on a line, unless the line above is a label waiting for its value."""
    for above, line in zip(["", *lines], lines, strict=False):
        if above.rstrip().endswith((":", "|")):
            continue
        value = _first(LONE_DATE, line, any_case=True)
        if value is not None:
            return value
    return None


def _labelled(text: str) -> Iterator[tuple[str, date]]:
    for match in label_matches(DATE_LABEL, text, _DATE_KEYS):
        kind = DATE_KINDS[" ".join(match.group("label").split())]
        parsed = parse_date(text[slice(*match.span("date"))])
        if parsed is None:
            continue
        if kind == "published" and match.group("label") == "date" and _under_signature(
            text, match.start()
        ):
            kind = "signed"
        yield kind, parsed


def _under_signature(text: str, start: int) -> bool:
    """Whether a "Date:" line at `start` sits just under a signature line."""
    above = [line for line in text[:start].splitlines() if line.strip()][-_SIGNATURE_REACH:]
    return any(SIGNATURE_LINE.match(line.lower()) for line in above)


def _first(pattern: re.Pattern[str], text: str, *, any_case: bool = False) -> date | None:
    matches = casefree.finditer(pattern, text) if any_case else pattern.finditer(text)
    for match in matches:
        parsed = parse_date(text[slice(*match.span("date"))])
        if parsed is not None:
            return parsed
    return None


_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_DAY_FIRST = re.compile(rf"(?:[a-z]+day,?\s+)?{_ORDINAL}\s+([a-z]+)\.?,?\s+(\d{{4}})")
_MONTH_FIRST = re.compile(rf"([a-z]+)\.?\s+{_ORDINAL},?\s+(\d{{4}})")
_CENTURY_PIVOT = 69  # "7/04/25" is 2025 and "1/1/98" 1998, as `strptime`'s %y reads them


def parse_date(text: str) -> date | None:
    """A printed date as a date, or None when it is no real day ("31/02/2024") or no date.
    Day first, as UK publishers print them: "07/04/2025" is 7 April."""
    words = " ".join(text.lower().split())
    if (found := _NUMERIC.fullmatch(words)) is not None:
        day, month, year = (int(g) for g in found.groups())
        if len(found.group(3)) == 2:
            year += 1900 if year > _CENTURY_PIVOT else 2000
    elif (found := _ISO.fullmatch(words)) is not None:
        year, month, day = (int(g) for g in found.groups())
    elif (found := _DAY_FIRST.fullmatch(words)) is not None:
        day, month, year = int(found.group(1)), _MONTHS.get(found.group(2), 0), int(found[3])
    elif (found := _MONTH_FIRST.fullmatch(words)) is not None:
        day, month, year = int(found.group(2)), _MONTHS.get(found.group(1), 0), int(found[3])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
