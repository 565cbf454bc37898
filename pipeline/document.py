"""The one offset space every later step points into.

Ingest builds a `Document`; after that its `text` never changes. Segmentation adds
`sections` and `paragraphs` (with `dataclasses.replace`), extractors only read.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Literal

SourceFormat = Literal["text", "html", "pdf"]

_EMPTY_META: MappingProxyType[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Link:
    """A link kept from an HTML decision page (signed PDF, supporting papers)."""

    url: str
    text: str
    kind: Literal["signed_pdf", "document", "other"] = "other"


@dataclass(frozen=True)
class PageFurniture:
    """Running header, footer or page number left out of the text, kept as metadata."""

    page: int
    kind: Literal["header", "footer", "page_number"]
    text: str


@dataclass(frozen=True)
class Table:
    """A table found on a page; its text also sits in `Document.text` at start:end."""

    page: int
    start: int
    end: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Source:
    """Where the text came from, as found, before any reading."""

    path: str
    sha256: str
    format: SourceFormat
    media_type: str
    links: tuple[Link, ...] = ()
    furniture: tuple[PageFurniture, ...] = ()
    tables: tuple[Table, ...] = ()
    engine: str | None = None


@dataclass(frozen=True)
class Section:
    """A headed part of the decision, from its heading line to the next heading."""

    heading: str
    number: str | None
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph ("3.1.") or list item ("2)"); number is None for plain blocks."""

    number: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str
    source: Source
    page_starts: tuple[int, ...] = (0,)
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=lambda: _EMPTY_META)
    notices: tuple[tuple[str, str], ...] = ()  # (code, message) from ingest, e.g. an encoding

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_at(self, offset: int) -> int:
        """1-based page holding `offset`."""
        return max(1, bisect.bisect_right(self.page_starts, offset))

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def section_at(self, offset: int) -> Section | None:
        """Innermost section holding `offset` (sections are sorted by start)."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        while i >= 0:
            section = self.sections[i]
            if section.start <= offset < section.end:
                return section
            i -= 1
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_UNSAFE = re.compile(r"[^a-z0-9]+")


def doc_id_for(name: str, sha256: str) -> str:
    """A file-name-safe id: the source's name for people, its content hash for uniqueness.

    The web page and the signed PDF of one decision share a reference but never a hash,
    so they never share an id; the same bytes always give the same id.
    """
    stem = _UNSAFE.sub("-", name.lower()).strip("-")[:60].strip("-") or "document"
    return f"{stem}-{sha256[:10]}"
