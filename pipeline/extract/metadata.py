"""A decision's own particulars: reference, title, dates, decision maker, issuing body.

Metadata an HTML loader read from a page's "Key information" block (`Document.metadata`)
wins over what is read from the text; text patterns are in `patterns/metadata.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pipeline.document import Document
from pipeline.extract.body import text_to_body
from pipeline.extract.decision_dates import parse_date, text_to_dates
from pipeline.extract.layout import label_matches
from pipeline.extract.reference import normalise_reference as normalise_reference  # the scorer
from pipeline.extract.reference import text_to_reference
from pipeline.extract.title import text_to_title
from pipeline.patterns.metadata import DECISION_MAKER
from pipeline.patterns.titles import BOILERPLATE_LINE

_HEAD = 3000  # particulars sit at the top of a decision
_TAIL = 300  # and its code may close it, under "Signed decision document"
_MAKER_KEYS = ("decision by", "decision maker", "authorisation name", "taken by", "approved by")
_DATE_TAIL = 2000  # a signed document prints "Dated" on its last page


@dataclass(frozen=True)
class Particulars:
    reference: str | None
    title: str | None
    decision_maker: str | None
    body: str | None
    dates: dict[str, date]


def document_to_particulars(doc: Document) -> Particulars:
    head = doc.text[:_HEAD]
    meta = doc.metadata
    first_line = first_content_offset(head)
    printed = text_to_reference(head, doc.text[-_TAIL:], first_line)
    reference = meta.get("reference") or (printed.code if printed else None)
    code_line = printed.line if printed else None
    decision_maker = meta.get("decision_maker") or _decision_maker(head)
    return Particulars(
        reference=normalise_reference(reference) if reference else None,
        title=meta.get("title") or text_to_title(head, first_line, code_line),
        decision_maker=decision_maker,
        body=meta.get("body")
        or text_to_body(doc.text, head, first_line, decision_maker, reference),
        dates=_dates(doc, head, meta),
    )


def first_content_offset(head: str) -> int:
    """Where the document's first line of content starts: web-page furniture ("Skip to
    main content", "Decision details") and blank lines skipped."""
    pos = 0
    for line in head.splitlines(keepends=True):
        words = line.strip(" \t\r\n•·")
        if words and not BOILERPLATE_LINE.match(words):
            return pos + len(line) - len(line.lstrip(" \t•·"))
        pos += len(line)
    return 0


def _decision_maker(head: str) -> str | None:
    """The value of a decision-maker label opening a line or a table cell."""
    found = next(label_matches(DECISION_MAKER, head, _MAKER_KEYS, cells=True), None)
    if found is None:
        return None
    who = head[slice(*found.span("who"))].strip()
    if not who or who.endswith(":") or len(who.split()) > 20:
        return None
    return who.split(" | ")[0].strip(" |")


def _dates(doc: Document, head: str, meta: Mapping[str, str]) -> dict[str, date]:
    """Dates read from the text; a web page's own metadata wins for the kinds it gives."""
    found = text_to_dates(head, doc.text[-_DATE_TAIL:], first_content_offset(head))
    for kind in ("signed", "published", "decided"):
        value = meta.get(f"date_{kind}")
        parsed = parse_date(value) if value else None
        if parsed:
            found[kind] = parsed
    return found
