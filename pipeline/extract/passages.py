"""The parts of a document that spaCy reads, each with its offset in `Document.text`.

A passage is a run of whole paragraphs, a few thousand characters at most: few enough
that spaCy's per-document costs stay small, short enough that `nlp.pipe` batches well.
Headings and list items end in a kept newline, so no pattern matches across one. Its text
is the document's text with wrapped-line newlines turned into spaces (same length, so
`passage.start + token.idx` is always a document offset); a newline that ends a
sentence, a list item or a heading stays, and spaCy's patterns stop at it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.document import Document
from pipeline.segment import LINE_MARKER

_MAX_PASSAGE = 2500
_HARD_END = re.compile(r"[.:;!?]\s*$")
_SHORT_LINE = 45


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    doc: Doc


def document_to_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each passage: cut at a paragraph or heading once long enough."""
    text = document.text
    boundaries = sorted(
        {p.start for p in document.paragraphs} | {s.start for s in document.sections}
    )
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*boundaries, len(text)]:
        if cut <= start:
            continue
        if cut - start >= _MAX_PASSAGE or cut == len(text):
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
    """`text` with soft (wrapped-line) newlines as spaces and the whitespace around a hard
    break as a run of newlines (one token the sentencizer ends sentences at); same length,
    so offsets are unchanged."""
    if "\n" not in text and "\r" not in text and "\t" not in text:
        return text
    chars = list(text.replace("\r", " ").replace("\t", " ").replace("\f", "\n"))
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        if _hard_break(line, lines[i + 1]):
            left = pos
            while left > 0 and chars[left - 1] in " \n":
                left -= 1
            right = pos
            while right < len(chars) and chars[right] in " \n":
                right += 1
            chars[left:right] = "\n" * (right - left)
        else:
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
    texts = (
        passage_text(d.text[s:e]) for d, ds in zip(documents, spans, strict=True) for s, e in ds
    )
    parsed = iter(nlp.pipe((_doc_with_text(nlp, t) for t in texts), batch_size=256))
    return [[Passage(s, e, next(parsed)) for s, e in ds] for ds in spans]


def _doc_with_text(nlp: Language, text: str) -> Doc:
    """Tokenized, carrying its text: spaCy's `doc.text` rebuilds it from every token."""
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text
    return doc


def starts_sentence(doc: Doc, i: int) -> bool:
    starts: frozenset[int] = doc.user_data.get("sentence_start_set") or frozenset([0])
    return i in starts


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indexes of the sentence holding token `i`."""
    starts: list[int] = doc.user_data.get("sentence_starts") or [0]
    k = max(bisect.bisect_right(starts, i) - 1, 0)
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def has_word(doc: Doc, start: int, end: int, vocabulary: frozenset[str]) -> bool:
    """Whether a token in doc[start:end], lower-cased, is in `vocabulary`."""
    lowered: list[str] = doc.user_data.get("lower") or [t.lower_ for t in doc]
    return not vocabulary.isdisjoint(lowered[start:end])


def text_of(doc: Doc) -> str:
    """The passage's text, as parsed (see `passage_text`)."""
    text: str = doc.user_data.get("text") or doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    starts: list[int] = doc.user_data.get("sentence_starts") or [0]
    ends = [*starts[1:], len(doc)]
    return [doc[s:e] for s, e in zip(starts, ends, strict=True) if e > s]


def sentence(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`."""
    start, end = sentence_bounds(doc, i)
    return doc[start:end]
