"""Is what arrived what was promised? The bytes decide, not the Content-Type header.

Publishers' servers answer a missing PDF with a friendly HTML page and a 200, sometimes still
labelled application/pdf; keeping that page would put a "not found" notice into the corpus under
a decision's name. So a body promised as a PDF (by the manifest, the header or a .pdf address)
must start with the PDF magic bytes, and a pinned entry's bytes must be of its recorded type.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from urllib.parse import urlsplit

from pipeline.corpus.errors import FetchError
from pipeline.corpus.http import Fetched
from pipeline.ingest import sniff_format

PDF = "application/pdf"

# `sniff_format`'s names as the media types the manifest records.
MEDIA_BY_FORMAT: Mapping[str, str] = MappingProxyType({
    "pdf": PDF,
    "html": "text/html",
    "text": "text/plain",
})


def fetched_media_type(url: str, fetched: Fetched, expected: str | None) -> str:
    """The media type the bytes are, or FetchError(kind="content") if they break a promise.

    `expected` is the manifest's media type when it must hold (a pinned entry, or one found
    as a PDF link), None when the entry's type is only a guess to be settled by the bytes.
    """
    actual = MEDIA_BY_FORMAT[sniff_format(fetched.head)]
    promised_pdf = PDF in (expected, fetched.content_type) or any(
        is_pdf_address(address) for address in (url, fetched.url))
    if promised_pdf and actual != PDF:
        label = fetched.content_type or "no content type"
        raise FetchError(url, "content", f"not a PDF: the server sent {_describe(actual)} "
                                         f"labelled {label} (an error page?); nothing kept")
    if expected is not None and actual != expected:
        raise FetchError(url, "content", f"expected {expected} but the server sent "
                                         f"{_describe(actual)}; nothing kept")
    return actual


def is_pdf_address(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".pdf")


def _describe(media_type: str) -> str:
    return {PDF: "a PDF", "text/html": "an HTML page"}.get(media_type, "plain text")
