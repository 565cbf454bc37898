"""Ingest: bytes in, `Document` out, the format chosen by content, not by name.

All cleaning happens here, before any offset exists. Each loader turns
`(data, path, doc_id, limits, engine)` into a Document or raises a typed
`IngestError` whose message is one line naming the file. `load` is the one verb.
The HTML and PDF loaders (and their libraries) are imported on first use, so
importing this package for `sniff_format` or `Limits` stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pipeline.document import Document
from pipeline.errors import (
    ConfigurationError,
    EmptyInput,
    IngestError,
    TooLarge,
    UnsupportedFormat,
)
from pipeline.ingest.engines import DEFAULT_ENGINE, PDF_ENGINES
from pipeline.ingest.limits import DEFAULT_LIMITS, Limits
from pipeline.ingest.sniff import foreign_format, sniff_format
from pipeline.ingest.text import load_text

__all__ = ["DEFAULT_ENGINE", "DEFAULT_LIMITS", "PDF_ENGINES", "Limits", "load", "sniff_format"]

Loader = Callable[[bytes, str, "str | None", Limits, str], Document]


def _text(data: bytes, path: str, doc_id: str | None, limits: Limits, _engine: str) -> Document:
    return _bounded(load_text, (data, path, doc_id), path, limits, "text")


def _html(data: bytes, path: str, doc_id: str | None, limits: Limits, _engine: str) -> Document:
    from pipeline.ingest.html import load_html

    return _bounded(load_html, (data, path, doc_id, limits), path, limits, "HTML")


def _bounded(read: Callable[..., Document], args: tuple[Any, ...], path: str, limits: Limits,
             what: str) -> Document:
    """Text and HTML are read as PDFs are: in the reader process, within
    `Limits.max_seconds` and `max_memory_bytes`, so a page that costs too much fails
    alone ("timeout", "too_large") instead of holding up the run."""
    if not limits.isolated:
        return read(*args)
    from pipeline.ingest.isolate import run_isolated

    document = run_isolated(_read_in_child, (read, args, path), path, limits, what)
    return replace(document, metadata=MappingProxyType(dict(document.metadata)))


def _read_in_child(read: Callable[..., Document], args: tuple[Any, ...], path: str) -> Document:
    """`read(*args)` in the reader process, failing as `load` fails; the metadata goes back
    as a plain dict (a mappingproxy cannot be pickled)."""
    try:
        document = read(*args)
    except (IngestError, MemoryError):
        raise
    except Exception as error:
        raise _unreadable(path, error) from error
    return replace(document, metadata=dict(document.metadata))


def _pdf(data: bytes, path: str, doc_id: str | None, limits: Limits, engine: str) -> Document:
    from pipeline.ingest.pdf import load_pdf

    return load_pdf(data, path, doc_id, limits, engine)


LOADERS: dict[str, Loader] = {"text": _text, "html": _html, "pdf": _pdf}


def load(path: str | Path, data: bytes | None = None, doc_id: str | None = None,
         limits: Limits = DEFAULT_LIMITS, engine: str = DEFAULT_ENGINE,
         location: str | Path | None = None) -> Document:
    """Read one source into a Document, or raise an IngestError saying why not.

    `path` is the name the record gives its source; the bytes are `data`, else read from
    `location`, else from `path`. (A run's pool process reads a relative path's absolute
    location: its working folder need not be the run's.) `engine` chooses the PDF
    engine ("pdfplumber" or "pdfium"); other formats ignore it.
    """
    name = str(path)
    if data is None:
        data = _read_bounded(Path(location if location is not None else path), limits)
    if not data:
        raise EmptyInput(name, "zero-byte file")
    if len(data) > limits.max_bytes:
        raise TooLarge(name, f"{len(data):,} bytes is over the {limits.max_bytes:,}-byte "
                             "limit (Limits.max_bytes)")
    foreign = foreign_format(data)
    if foreign is not None:
        raise UnsupportedFormat(name, f"{foreign}: not text, HTML or PDF")
    try:
        document = LOADERS[sniff_format(data)](data, name, doc_id, limits, engine)
    except (IngestError, ConfigurationError):
        raise
    except Exception as error:  # a parser's own failure on bytes it was not built for
        raise _unreadable(name, error) from error
    if len(document.text) > limits.max_chars:
        raise TooLarge(name, f"{len(document.text):,} characters of text is over the "
                             f"{limits.max_chars:,}-character limit (Limits.max_chars)")
    return document


def _unreadable(name: str, error: Exception) -> IngestError:
    detail = (str(error).splitlines() or [""])[0][:120]
    return IngestError(name, f"could not be read ({type(error).__name__}: {detail})")


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
