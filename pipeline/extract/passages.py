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
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.document import Document
from pipeline.nlp import cue_words
from pipeline.segment import LINE_MARKER

_MAX_PASSAGE = 8000
_SKIPPABLE = 800  # a run of cue-free paragraphs this long is left out of spaCy's reading
_HARD_END = re.compile(r"[.:;!?]\s*$")
_SHORT_LINE = 45


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    doc: Doc


def document_to_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each passage: paragraphs (and headings) in runs of a few thousand
    characters. A stretch of paragraphs with no word any pattern contains, no money and
    no identifier can match nothing: spaCy skips it when it is long enough to be worth a
    passage boundary (a short one costs less to read than to split around)."""
    text = document.text
    cuts = sorted({0, len(text)} | {p.start for p in document.paragraphs}
                  | {s.start for s in document.sections})
    spans: list[tuple[int, int]] = []
    start: int | None = None
    quiet_from: int | None = None  # start of the current run of cue-free units
    for unit_start, unit_end in itertools.pairwise(cuts):
        if unit_end <= unit_start:
            continue
        if has_cue(text[unit_start:unit_end]):
            if start is not None and quiet_from is not None and \
                    unit_start - quiet_from >= _SKIPPABLE:
                spans.append((start, quiet_from))
                start = None
            if start is None:
                start = unit_start
            elif unit_start - start >= _MAX_PASSAGE:
                spans.append((start, unit_start))
                start = unit_start
            quiet_from = None
        elif quiet_from is None:
            quiet_from = unit_start
    if start is not None:
        end = quiet_from if quiet_from is not None and len(text) - quiet_from >= _SKIPPABLE \
            else len(text)
        spans.append((start, end))
    return [(s, e) for s, e in _split_long(spans, text) if text[s:e].strip()]


_WORDS = re.compile(r"[a-z]+")
_IDENTIFIER_CUE = re.compile(r"[£$€¥]|\brm\s?\d|g[\s-]?cloud|\blot\s?\d|\bs\.?\s?\d|\d\s?p\b")


def has_cue(text: str) -> bool:
    """Whether `text` holds something a pattern could match (see `cue_words`)."""
    lowered = text.lower()
    return (not cue_words().isdisjoint(_WORDS.findall(lowered))
            or _IDENTIFIER_CUE.search(lowered) is not None)


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
    """Whether a word of doc[start:end], lower-cased, is in `vocabulary` (words of
    letters and hyphens; "£", "$" and "€" count as words)."""
    if end <= start:
        return False
    chunk = words_between(doc, start, end)
    return not vocabulary.isdisjoint(chunk)


_WORD_OR_SYMBOL = re.compile(r"[a-z][a-z-]*|[£$€]")


def words_between(doc: Doc, start: int, end: int) -> list[str]:
    """The lower-cased words of doc[start:end], in order, read from the text."""
    if end <= start:
        return []
    offsets: list[int] = doc.user_data["offsets"]
    ends: list[int] = doc.user_data["ends"]
    return _WORD_OR_SYMBOL.findall(text_of(doc)[offsets[start] : ends[end - 1]].lower())



def lowered_tokens(doc: Doc, start: int, stop: int) -> list[str]:
    """The texts of doc[start:stop], lower-cased, read from the passage text: reading
    `doc[i].lower_` builds a Token object on each access, which loops over tokens feel."""
    start, stop = max(0, start), min(stop, len(doc))
    if stop <= start:
        return []
    offsets: list[int] = doc.user_data["offsets"]
    ends: list[int] = doc.user_data["ends"]
    text = text_of(doc)
    return [text[offsets[i] : ends[i]].lower() for i in range(start, stop)]


def token_at(doc: Doc, char: int) -> int:
    """The first token starting at or after character `char` of the passage text."""
    offsets: list[int] = doc.user_data["offsets"]
    return bisect_left(offsets, char)


def text_of(doc: Doc) -> str:
    """The passage's text, as parsed (see `passage_text`)."""
    text: str = doc.user_data.get("text") or doc.text
    return text


def sentence_chars(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, from the token table."""
    starts: list[int] = doc.user_data.get("sentence_starts") or [0]
    offsets: list[int] = doc.user_data["offsets"]
    ends: list[int] = doc.user_data["ends"]
    if not offsets:
        return []
    last = [*starts[1:], len(offsets)]
    return [(offsets[s], ends[e - 1]) for s, e in zip(starts, last, strict=True) if e > s]


def sentence(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`."""
    start, end = sentence_bounds(doc, i)
    return doc[start:end]
