"""PDF: one loader, two engines (pdfplumber, the careful default; PDFium, the fast one).

Both engines read pages into the same plain `PageLayout`s, so everything after
(visual lines, furniture, mended words, tables, page offsets: `pages.py`) is shared
and the engines differ only in how well they see a page, never in what a record means.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.document import Document
from pipeline.errors import ConfigurationError
from pipeline.ingest import pdf_pdfium, pdf_plumber
from pipeline.ingest.engines import DEFAULT_ENGINE
from pipeline.ingest.inflate import refuse_bombs
from pipeline.ingest.isolate import run_isolated
from pipeline.ingest.layout import PageLayout
from pipeline.ingest.limits import DEFAULT_LIMITS, Limits
from pipeline.ingest.pages import pages_to_document

PageReader = Callable[[bytes, str, int], list[PageLayout]]

ENGINES: dict[str, PageReader] = {
    pdf_plumber.ENGINE: pdf_plumber.read_pages,
    pdf_pdfium.ENGINE: pdf_pdfium.read_pages,
}


def load_pdf(data: bytes, path: str, doc_id: str | None = None,
             limits: Limits = DEFAULT_LIMITS, engine: str = DEFAULT_ENGINE) -> Document:
    """Read a PDF's text layer into a Document, or raise an IngestError saying why not."""
    engine_reader(engine)
    args = (engine, data, path, limits)
    pages = run_isolated(read_pages, args, path, limits) if limits.isolated else read_pages(*args)
    return pages_to_document(pages, data, path, doc_id, engine)


def read_pages(engine: str, data: bytes, path: str, limits: Limits) -> list[PageLayout]:
    """The pages `engine` reads, once the file is known not to be a decompression bomb."""
    refuse_bombs(data, path, limits.max_stream_bytes)
    return engine_reader(engine)(data, path, limits.max_pages)


def engine_reader(engine: str) -> PageReader:
    """The page reader named `engine`, or a ConfigurationError listing the choices."""
    try:
        return ENGINES[engine]
    except KeyError:
        raise ConfigurationError(f"unknown PDF engine {engine!r}: choose one of "
                                 f"{', '.join(sorted(ENGINES))}") from None
