"""What a decision web page holds besides its prose: where the content is, its "Key
information" fields, what its links point to, and whether it is an error page at all.

All of it is read from the parsed tree (selectolax), never by patterns over markup.
The labels and phrases are data, with where they come from.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.ingest.html_words import PageWords, page_words

LinkKind = Literal["signed_pdf", "document", "other"]

# Where a page keeps its main content, most specific first (HTML5 landmarks, then the
# ids and classes content management systems such as Drupal and ModernGov use).
MAIN_SELECTORS = ("main", "[role=main]", "#main-content", "#maincontent", "article",
                  "#content", ".main-content", "#main", ".content", "body")

# "Key information" labels on london.gov.uk decision pages (and their variants on
# council pages), and the `Document.metadata` key each fills.
KEY_FIELDS: dict[str, str] = {
    "reference code": "reference", "reference": "reference",
    "decision reference": "reference", "decision number": "reference",
    "date signed": "date_signed", "signed": "date_signed",
    "date published": "date_published", "published": "date_published",
    "decision by": "decision_maker", "decision maker": "decision_maker",
    "decision taken by": "decision_maker",
}
_MAX_FIELD_CHARS = 200
_WORDS_KEPT = _MAX_FIELD_CHARS
"""Elements' words are worked out once (html_words.py) up to this length: the longest
text read from one element is a field's value."""

# Titles of pages served instead of the document: HTTP errors, sign-in walls, bot checks.
ERROR_PHRASES = (
    "page not found", "not found", "forbidden", "access denied", "internal server error",
    "service unavailable", "bad gateway", "could not be found", "cannot be found",
    "can't find", "no longer available", "you do not have permission", "not authorised",
    "not authorized", "sign in", "log in", "session has expired", "request rejected",
    "just a moment", "are you a robot",
)
_ERROR_PHRASE = re.compile(r"\b(?:" + "|".join(map(re.escape, ERROR_PHRASES)) + r")\b",
                           re.IGNORECASE)
# A title opening with an HTTP status: "404 - Page not found", "Error 403". Never a code
# inside a title ("PCD 404 Minor works").
_STATUS_TITLE = re.compile(r"^\W*(?:error|http)?\s*[45]\d\d\b", re.IGNORECASE)
_ERROR_PAGE_MAX_CHARS = 3000  # an error page says little; a decision says more

# Files a decision page links to as its papers.
DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods",
                       ".csv", ".ppt", ".pptx")


def tree_words(tree: LexborHTMLParser) -> PageWords:
    """The words of every element of the page (see html_words.py)."""
    root = tree.root
    return page_words(root, _WORDS_KEPT) if root is not None else PageWords(_WORDS_KEPT, {},
                                                                             frozenset())


def main_content(tree: LexborHTMLParser, words: PageWords) -> LexborNode | None:
    """The first landmark that holds text: the decision, without the site around it."""
    for selector in MAIN_SELECTORS:
        for node in tree.css(selector):
            if words.has_text(node):
                return node
    return None


def page_title(tree: LexborHTMLParser, main: LexborNode) -> str:
    """The decision's title: the <h1> in the content, else the page's first <h1>."""
    for node in (main.css_first("h1"), tree.css_first("h1")):
        if node is not None and node.text(deep=True, strip=True):
            return " ".join(node.text(deep=True, separator=" ").split())
    return ""


def key_fields(main: LexborNode, words: PageWords) -> dict[str, str]:
    """Reference, dates and decision maker from the labelled fields of the page.

    A field is "Label: value" in one element, or a label element ("<dt>", a bold
    label, a Drupal field label) followed by its value.
    """
    found: dict[str, str] = {}
    for node in main.css("dt, th, td, dd, strong, b, span, label, p, li, div, h2, h3, h4"):
        text = words.of(node)
        if text is None or len(text) > _MAX_FIELD_CHARS:
            continue
        label, colon, rest = text.partition(":")
        key = KEY_FIELDS.get(label.strip().lower())
        if key is None or key in found or (colon and _names_a_label(rest)):
            continue
        value = rest.strip() or _value_after(node, words)
        if _plausible(key, value):
            found[key] = value
    return found


def _names_a_label(text: str) -> bool:
    """True when `text` holds another field ("PCD 1 Date signed: ..."): a container."""
    lowered = text.lower()
    return any(f"{label}:" in lowered for label in KEY_FIELDS)


def _value_after(label: LexborNode, words: PageWords) -> str:
    """The text after a label, up to the next label, line break or block ("" when that
    is longer than any field's value)."""
    parts: list[str] = []
    sibling = label.next
    while sibling is not None:
        text = words.of(sibling)
        if text is None:
            return ""
        if sibling.tag in _FIELD_ENDS or text.rstrip(":").lower() in KEY_FIELDS:
            break
        parts.append(text if sibling.is_element_node else sibling.text() or "")
        sibling = sibling.next
    return " ".join(" ".join(parts).split()).lstrip(":").strip()


_FIELD_ENDS = frozenset({"dt", "br", "hr", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6"})


def _plausible(key: str, value: str) -> bool:
    if not value or len(value) > _MAX_FIELD_CHARS:
        return False
    if key == "reference":
        return len(value) <= 40 and any(c.isdigit() for c in value)
    return True


def error_page_title(tree: LexborHTMLParser, main_text: str) -> str | None:
    """The title of an error page served in place of a decision, or None."""
    if len(main_text) > _ERROR_PAGE_MAX_CHARS:
        return None
    for node in (tree.css_first("h1"), tree.css_first("title")):
        title = " ".join(node.text(deep=True).split()) if node is not None else ""
        if _ERROR_PHRASE.search(title) or _STATUS_TITLE.match(title):
            return title
    return None


def base_url(tree: LexborHTMLParser) -> str:
    """Where relative links resolve from: <base>, else the canonical address, else ""."""
    for selector, attribute in (("base[href]", "href"), ("link[rel=canonical]", "href"),
                                ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        value = node.attributes.get(attribute) if node is not None else None
        if value:
            return value
    return ""


def link_kind(url: str, text: str, heading: str) -> LinkKind:
    """"signed_pdf", "document" or "other", from the address, the words and the heading."""
    path = urlsplit(url).path.lower()
    if not path.endswith(DOCUMENT_EXTENSIONS):
        return "other"
    signed = any("signed" in words.lower() for words in (text, heading, path))
    return "signed_pdf" if path.endswith(".pdf") and signed else "document"


def resolved(href: str, base: str) -> str | None:
    """An absolute (or base-relative) address, or None for anchors and scripts."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    return urljoin(base, href) if base else href
