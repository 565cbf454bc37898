"""Ingest: bytes in, `Document` out, the format chosen by content, not by name.

All cleaning happens here, before any offset exists. Each loader turns
`(data, path, doc_id, settings)` into a Document or raises a typed `IngestError`
whose message is one line naming the file. `load` is the one verb.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.document import Document
from pipeline.errors import (
    ConfigurationError,
    EmptyInput,
    IngestError,
    TooLarge,
    UnsupportedFormat,
)
from pipeline.ingest.html import load_html
from pipeline.ingest.limits import DEFAULT_LIMITS, Limits
from pipeline.ingest.pdf import DEFAULT_ENGINE, ENGINES, load_pdf
from pipeline.ingest.sniff import sniff_format
from pipeline.ingest.text import load_text

__all__ = ["DEFAULT_ENGINE", "DEFAULT_LIMITS", "ENGINES", "Limits", "load", "sniff_format"]

Loader = Callable[[bytes, str, "str | None", Limits, str], Document]

LOADERS: dict[str, Loader] = {
    "text": lambda data, path, doc_id, _limits, _engine: load_text(data, path, doc_id),
    "html": lambda data, path, doc_id, _limits, _engine: load_html(data, path, doc_id),
    "pdf": load_pdf,
}


def load(path: str | Path, data: bytes | None = None, doc_id: str | None = None,
         limits: Limits = DEFAULT_LIMITS, engine: str = DEFAULT_ENGINE) -> Document:
    """Read one source into a Document, or raise an IngestError saying why not.

    `engine` chooses the PDF engine ("pdfplumber" or "pdfium"); other formats ignore it.
    """
    name = str(path)
    if data is None:
        data = _read_bounded(Path(path), limits)
    if not data:
        raise EmptyInput(name, "zero-byte file")
    if len(data) > limits.max_bytes:
        raise TooLarge(name, f"{len(data):,} bytes is over the {limits.max_bytes:,}-byte "
                             "limit (Limits.max_bytes)")
    kind = sniff_format(data)
    loader = LOADERS.get(kind)
    if loader is None:
        raise UnsupportedFormat(name, f"{kind}: not text, HTML or PDF")
    try:
        document = loader(data, name, doc_id, limits, engine)
    except (IngestError, ConfigurationError):
        raise
    except Exception as error:  # a parser's own failure on bytes it was not built for
        detail = (str(error).splitlines() or [""])[0][:120]
        raise IngestError(name, f"could not be read ({type(error).__name__}: {detail})"
                          ) from error
    if len(document.text) > limits.max_chars:
        raise TooLarge(name, f"{len(document.text):,} characters of text is over the "
                             f"{limits.max_chars:,}-character limit (Limits.max_chars)")
    return document


def _read_bounded(path: Path, limits: Limits) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise TooLarge(name, f"{size:,} bytes is over the {limits.max_bytes:,}-byte "
                                 "limit (Limits.max_bytes)")
        return path.read_bytes()
    except OSError as error:
        raise IngestError(name, f"cannot read: {error.strerror or error}") from None
