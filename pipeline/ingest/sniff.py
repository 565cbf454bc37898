"""Which loader reads a file, decided by its first bytes, never by its name.

A "Page not found" page saved as `decision.pdf` is HTML; a spreadsheet renamed `.txt`
is a ZIP archive. `sniff_format` answers "pdf", "html" or "text" (the corpus fetcher
relies on those three); `foreign_format` names the formats no loader reads, so the
reason says what the file really is.
"""

from __future__ import annotations

# Magic numbers of formats people save decisions as, or mistake for them.
# Source: each format's specification (PNG, JPEG/JFIF, GIF, TIFF, ZIP/OOXML, OLE2, gzip, RTF).
FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)
_HTML_TAGS = (b"<html", b"<head", b"<body")


def sniff_format(data: bytes) -> str:
    """"pdf", "html" or "text", from the bytes themselves (see also `foreign_format`)."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or (
            head.startswith(b"<") and any(tag in head for tag in _HTML_TAGS)):
        return "html"
    return "text"


def foreign_format(data: bytes) -> str | None:
    """What a file no loader reads is ("a PNG image"), or None for PDF, HTML and text."""
    if b"%PDF-" in data[:1024]:
        return None
    return next((name for magic, name in FOREIGN_MAGIC if data.startswith(magic)), None)
