"""Reading a publisher's pages with its adapter's selectors: listing -> items, page -> documents.

Everything here is a pure function of the bytes and the adapter, so the selectors of a new
publisher can be tested on a saved page without a server. An item's id and reference come from
the listing alone (link text and address), which is what lets a second `discover` decide that
nothing is new without opening a single decision page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from pipeline.corpus.manifest import slug
from pipeline.corpus.origin import Origin
from pipeline.corpus.publishers import Publisher

__all__ = ["Listing", "ListingItem", "document_id", "html_to_document_urls", "html_to_listing"]

_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")


@dataclass(frozen=True)
class ListingItem:
    """A link from a listing page to one decision."""

    url: str
    title: str
    reference: str | None
    id: str


@dataclass(frozen=True)
class Listing:
    items: tuple[ListingItem, ...]
    next_url: str | None


def html_to_listing(publisher: Publisher, html: bytes, page_url: str, page: int) -> Listing:
    """The decision links on one listing page, in page order, and the next page's address."""
    tree = LexborHTMLParser(html)
    items: dict[str, ListingItem] = {}
    for node in tree.css(publisher.item_links):
        url = _own_link(publisher, page_url, node.attributes.get("href"))
        if url is None or url in items:
            continue
        title = " ".join(node.text().split())
        reference = _reference(publisher, title)
        if reference is None and publisher.require_reference:
            continue
        items[url] = ListingItem(url, title, reference, item_id(publisher, url, reference))
    return Listing(tuple(items.values()), _next_url(publisher, tree, page_url, page))


def html_to_document_urls(publisher: Publisher, html: bytes, page_url: str) -> list[str]:
    """The publisher's own document links on a decision page, in page order, once each."""
    urls: dict[str, None] = {}
    for node in LexborHTMLParser(html).css(publisher.document_links):
        url = _own_link(publisher, page_url, node.attributes.get("href"))
        if url is not None:
            urls[url] = None
    return list(urls)


def item_id(publisher: Publisher, url: str, reference: str | None) -> str:
    """"PCD 1842" -> pcd-1842, "MD2153" -> md-2153; or prefix + the number in the address."""
    if publisher.id_from == "reference" and reference:
        return publisher.id_prefix + _LETTER_DIGIT.sub("-", slug(reference))
    if publisher.id_from == "url" and publisher.id_pattern is not None:
        match = publisher.id_pattern.search(url)
        if match:
            return publisher.id_prefix + slug(match.group(1))
    path = urlsplit(url)
    return publisher.id_prefix + (slug(PurePosixPath(path.path).name + " " + path.query)
                                  or "page")


def document_id(page_id: str, url: str, taken: set[str]) -> str:
    """The id of a document linked from page `page_id`: the page id plus the file's name."""
    stem = _LETTER_DIGIT.sub("-", slug(unquote(PurePosixPath(urlsplit(url).path).stem), 60))
    stem = stem.removeprefix(page_id).strip("-") or "document"
    candidate = base = f"{page_id}-{stem}"[:110].strip("-")
    number = 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _reference(publisher: Publisher, text: str) -> str | None:
    if publisher.reference_pattern is None:
        return None
    match = publisher.reference_pattern.search(text)
    if match is None:
        return None
    found = match.group("reference") if "reference" in match.re.groupindex else match.group(0)
    return " ".join(found.split())


def _own_link(publisher: Publisher, page_url: str, href: str | None) -> str | None:
    """An absolute address without fragment, if it is within the publisher's origin
    (the scheme and port of its base URL, one of its hosts)."""
    if not href:
        return None
    url, _fragment = urldefrag(urljoin(page_url, href.strip()))
    if Origin.of(publisher.base_url, publisher.hosts).refuses(url) is not None:
        return None
    return url


def _next_url(publisher: Publisher, tree: LexborHTMLParser, page_url: str,
              page: int) -> str | None:
    if publisher.next_page is not None:
        node = tree.css_first(publisher.next_page)
        return _own_link(publisher, page_url, node.attributes.get("href") if node else None)
    if "{page}" in publisher.listing:
        return publisher.listing_url(page + 1)
    return None
