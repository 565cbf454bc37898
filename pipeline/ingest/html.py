"""HTML (stub)."""
from __future__ import annotations

from pipeline.document import Document
from pipeline.errors import UnsupportedFormat


def load_html(data: bytes, path: str, doc_id: str | None = None) -> Document:
    raise UnsupportedFormat(path, "HTML not yet")
