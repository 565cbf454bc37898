"""The parts of a document that spaCy reads, each with its offset in `Document.text`.

A passage is a run of whole paragraphs inside one section, a few thousand characters
at most, so `nlp.pipe` batches well and no pattern matches across a heading. Its text
is the document's text with wrapped-line newlines turned into spaces (same length, so
`passage.start + token.idx` is always a document offset); a newline that ends a
sentence, a list item or a heading stays, and spaCy's patterns stop at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.document import Document
from pipeline.segment import LINE_MARKER

_MAX_PASSAGE = 2500
_HARD_END = re.compile(r"[.:;!?]\s*$")
_SHORT_LINE = 45


@dataclass(frozen=True)
class Passage:
    start: int
    doc: Doc

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)


def document_to_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each passage: cut at sections and, when long, at paragraphs."""
    text = document.text
    cuts = {0, len(text)}
    cuts.update(s.start for s in document.sections)
    section_starts = {s.start for s in document.sections}
    paragraph_starts = sorted({p.start for p in document.paragraphs} | section_starts)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*paragraph_starts, len(text)]:
        if cut <= start:
            continue
        if cut in section_starts or cut - start >= _MAX_PASSAGE or cut == len(text):
            spans.append((start, cut))
            start = cut
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in _split_long(spans, text) if text[s:e].strip()]


def _split_long(spans: list[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """A passage longer than twice the limit is cut at its last newline before the limit."""
    for start, end in spans:
        while end - start > 2 * _MAX_PASSAGE:
            cut = text.rfind("\n", start + _MAX_PASSAGE // 2, start + _MAX_PASSAGE)
            cut = cut + 1 if cut > start else start + _MAX_PASSAGE
            yield start, cut
            start = cut
        yield start, end


def passage_text(text: str) -> str:
    """`text` with soft (wrapped-line) newlines as spaces; same length, same offsets."""
    if "\n" not in text and "\r" not in text and "\t" not in text:
        return text
    chars = list(text.replace("\r", " ").replace("\t", " "))
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[i + 1]
        if not _hard_break(line, nxt):
            chars[pos] = " "
        pos += 1
    return "".join(chars)


def _hard_break(line: str, nxt: str) -> bool:
    stripped = line.strip()
    if not stripped or not nxt.strip():
        return True
    if _HARD_END.search(stripped) or len(stripped) < _SHORT_LINE:
        return True
    return bool(LINE_MARKER.match(nxt))


def documents_to_passages(nlp: Language, documents: Iterable[Document]) -> list[list[Passage]]:
    """Passages of each document, parsed in one `nlp.pipe` stream."""
    documents = list(documents)
    spans = [document_to_spans(d) for d in documents]
    texts = (passage_text(d.text[s:e]) for d, ds in zip(documents, spans, strict=True)
             for s, e in ds)
    parsed = iter(nlp.pipe(texts, batch_size=256))
    return [[Passage(s, next(parsed)) for s, _ in ds] for ds in spans]
