"""Ingest: bytes in, `Document` out, the format chosen by content, not by name.

All cleaning happens here, before any offset exists. Each loader is
`load_<format>(data, path, doc_id) -> Document` and raises a typed `IngestError`
whose message is one line naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import Document
from pipeline.errors import EmptyInput, IngestError, TooLarge, UnsupportedFormat
from pipeline.ingest.text import load_text

__all__ = ["DEFAULT_LIMITS", "Limits", "load", "sniff_format"]


@dataclass(frozen=True)
class Limits:
    """Bounds on what one document may cost; raise them for unusual corpora."""

    max_bytes: int = 50_000_000
    max_pages: int = 1_000
    max_chars: int = 5_000_000


DEFAULT_LIMITS = Limits()

Loader = Callable[[bytes, str, "str | None"], Document]


def sniff_format(data: bytes) -> str:
    """ "pdf", "html" or "text", from the bytes themselves."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:1024].lstrip().startswith(b"%pdf-") or head.startswith(b"%pdf-"):
        return "pdf"
    if (
        head.startswith((b"<!doctype html", b"<html", b"<?xml"))
        or b"<body" in head
        or b"<head" in head
    ):
        return "html"
    return "text"


def _loaders() -> dict[str, Loader]:
    loaders: dict[str, Loader] = {"text": load_text}
    return loaders


def load(
    path: str | Path,
    data: bytes | None = None,
    doc_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read one source into a Document, or raise an IngestError saying why not."""
    name = str(path)
    if data is None:
        try:
            size = Path(path).stat().st_size
        except OSError as error:
            raise IngestError(name, f"cannot read: {error.strerror or error}") from None
        if size > limits.max_bytes:
            raise TooLarge(name, f"{size:,} bytes is over the {limits.max_bytes:,}-byte limit")
        data = Path(path).read_bytes()
    if not data:
        raise EmptyInput(name, "zero-byte file")
    if len(data) > limits.max_bytes:
        raise TooLarge(name, f"{len(data):,} bytes is over the {limits.max_bytes:,}-byte limit")
    kind = sniff_format(data)
    loader = _loaders().get(kind)
    if loader is None:
        raise UnsupportedFormat(name, f"{kind.upper()} input is not supported yet")
    document = loader(data, name, doc_id)
    if len(document.text) > limits.max_chars:
        raise TooLarge(
            name,
            f"{len(document.text):,} characters of text is over the "
            f"{limits.max_chars:,}-character limit",
        )
    return document
